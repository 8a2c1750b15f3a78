/**
 * When an option stops existing (methodology "Time"): the expiration date at 16:00 New York for
 * PM-settled roots (SPXW, NDXP, XSP, equities, ETFs), at 09:30 New York for the AM-settled index
 * roots. Instants are epoch ms UTC; years are 365 × 86,400 s.
 */
import { zonedToUtc } from './ny-time';

/** Roots whose (monthly) options settle on the opening print: 09:30 New York. */
export const AM_SETTLED_ROOTS: ReadonlySet<string> = new Set(['SPX', 'NDX', 'RUT', 'DJX', 'VIX']);

export const SECONDS_PER_YEAR = 365 * 86_400;

/** A live line's time is floored at 5 minutes (in seconds) so gamma stays finite into the close. */
export const MIN_LIVE_SECONDS = 300;

/** True when `root` is AM-settled (09:30 New York). */
export function isAmSettled(root: string): boolean {
  return AM_SETTLED_ROOTS.has(root.toUpperCase());
}

/** Settlement instant (epoch ms) of an option with this root expiring on `expiration` 'YYYY-MM-DD'. */
export function settlementInstant(expiration: string, root: string): number {
  const [year, month, day] = expiration.split('-').map(Number) as [number, number, number];
  return isAmSettled(root)
    ? zonedToUtc({ year, month, day, hour: 9, minute: 30 })
    : zonedToUtc({ year, month, day, hour: 16, minute: 0 });
}

/** Seconds from `nowMs` to settlement; ≤ 0 means expired. */
export function secondsToSettlement(settlementMs: number, nowMs: number): number {
  return (settlementMs - nowMs) / 1000;
}

/**
 * Live-preset T in years: seconds to settlement / (365 × 86,400), floored at 5 minutes;
 * null when the line has expired (T ≤ 0 — it must be left out, not kept with a tiny T).
 */
export function liveYears(settlementMs: number, nowMs: number): number | null {
  const s = secondsToSettlement(settlementMs, nowMs);
  if (s <= 0) return null;
  return Math.max(s, MIN_LIVE_SECONDS) / SECONDS_PER_YEAR;
}

/**
 * numpy.busday_count semantics (Mon–Fri, no holidays): weekdays d with from ≤ d < to; negative
 * when to < from. Dates 'YYYY-MM-DD'.
 */
export function businessDaysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) return -countWeekdays(b, a);
  return countWeekdays(a, b);
}

/** Classic-preset T in years: business days / 262, same day = 1/262; null when the date is past. */
export function classicYears(snapshotDate: string, expiration: string): number | null {
  if (expiration < snapshotDate) return null;
  const n = businessDaysBetween(snapshotDate, expiration);
  return n <= 0 ? 1 / 262 : n / 262;
}

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Weekdays in the day-number range [a, b). Day 0 (1970-01-01) was a Thursday. */
function countWeekdays(a: number, b: number): number {
  let n = 0;
  for (let d = a; d < b; d++) {
    const wd = (((d + 4) % 7) + 7) % 7; // 0 = Sunday
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}
