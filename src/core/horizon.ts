/**
 * The instants "what moves the hedge" looks at (methodology "What moves the hedge"):
 * - the horizon t_c: 15:55 New York on the first weekday (no holiday list) whose 15:55 is after t —
 *   five minutes before the close, so every same-day line is still alive, at the 5-minute floor;
 * - the projection: each whole hour 10:00–15:00 New York strictly between t and t_c, then t_c.
 *
 * The hours are those of the horizon's session. Because t_c is the first weekday 15:55 after t, every
 * weekday hour strictly between t and t_c lies on t_c's own date; a weekend's 10:00–15:00 (t on a
 * Friday evening or a Saturday) is no session, and its hours are not projected.
 * Instants are epoch ms UTC; New York times come from Intl (ny-time.ts), so DST is handled.
 */
import { wallClockAt, zonedToUtc } from './ny-time';

export const HORIZON_HOUR = 15;
export const HORIZON_MINUTE = 55;
/** The first and last whole hours of the projection. */
export const PROJECTION_HOURS = [10, 11, 12, 13, 14, 15] as const;

/** Day of week (0 = Sunday) of a calendar date. */
function weekday(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function nextDate(
  y: number,
  m: number,
  d: number,
  days: number,
): { year: number; month: number; day: number } {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** t_c: 15:55 New York on the first weekday whose 15:55 is after `t` (epoch ms). */
export function horizonAfter(t: number): number {
  const w = wallClockAt(t);
  for (let days = 0; days < 8; days++) {
    const date = nextDate(w.year, w.month, w.day, days);
    const wd = weekday(date.year, date.month, date.day);
    if (wd === 0 || wd === 6) continue;
    const at = zonedToUtc({ ...date, hour: HORIZON_HOUR, minute: HORIZON_MINUTE });
    if (at > t) return at;
  }
  throw new Error('unreachable: a weekday 15:55 always comes within 8 days');
}

/** The projection's instants after `t`: whole hours 10:00–15:00 New York on t_c's date after t, then t_c. */
export function projectionInstants(t: number, horizon = horizonAfter(t)): number[] {
  const w = wallClockAt(horizon);
  const out: number[] = [];
  for (const hour of PROJECTION_HOURS) {
    const at = zonedToUtc({ year: w.year, month: w.month, day: w.day, hour, minute: 0 });
    if (at > t && at < horizon) out.push(at);
  }
  out.push(horizon);
  return out;
}
