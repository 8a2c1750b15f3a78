/**
 * "What moves the hedge" in plain lines (methodology section of that name; issue 8 item 3, issue 10
 * item 5): the ±1 % price figure next to time (if the price holds until 15:55 New York) and volatility
 * (IV ±1 point), then the flip and regime at the close from the projection, what is left once the
 * day's expirations are gone, and the share of gamma expiring today when it is material.
 */
import { tradePhrase } from '../../core/phrases.ts';
import type { FlowData, TabLevels } from '../../messaging/types.ts';
import { formatPrice } from '../../ui/format.ts';

/** At or above this share of gross gamma expiring today, say so (a tenth moves the profile visibly). */
export const MATERIAL_ZERO_DTE = 0.1;

export interface DriverRow {
  key: 'price' | 'time' | 'vol';
  label: string;
  text: string;
}

export interface DriversView {
  rows: DriverRow[];
  /** Flip and regime by the close, from the projection. */
  close: string | null;
  /** The regime once the horizon day's expirations have settled, when it differs. */
  after: string | null;
  zeroDte: string | null;
  /** When and at which price the drivers were computed, or why there are none. */
  note: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function nyParts(ms: number): { date: string; weekday: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    weekday: WEEKDAYS.includes(get('weekday')) ? get('weekday') : '',
    time: `${get('hour')}:${get('minute')}`,
  };
}

/** "3 h 10 min", "45 min", "2 d 3 h". */
export function inWords(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** The price a flow's notional was computed at (shares × S), else the fallback. */
const spotOf = (f: FlowData, fallback: number) =>
  f.shares !== 0 && Number.isFinite(f.notional / f.shares) ? Math.abs(f.notional / f.shares) : fallback;

export function driversView(a: TabLevels, nowMs: number): DriversView {
  const trade = (f: FlowData) => tradePhrase(f.shares, spotOf(f, a.underlyingPrice), a.underlying);
  const rows: DriverRow[] = [
    {
      key: 'price',
      label: 'Price ±1 %',
      text: `+1 %: ${trade(a.hedgeFlow.up1pct)}; −1 %: ${trade(a.hedgeFlow.down1pct)}`,
    },
  ];
  const d = a.drivers;
  if (!d) {
    return {
      rows,
      close: null,
      after: null,
      zeroDte: null,
      note: 'Time and volatility need the live preset: the classic preset has no clock.',
    };
  }
  const clock = a.atSnapshot ? d.computedAt : nowMs;
  const until = nyParts(d.charmFlow.until);
  const today = nyParts(clock).date === until.date;
  const when = today ? '15:55 New York' : `${until.weekday} 15:55 New York`;
  rows.push(
    {
      key: 'time',
      label: `Time to ${until.time}`,
      text: `if the price holds until ${when} (in ${inWords(d.charmFlow.until - clock)}): dealers ${trade(d.charmFlow)}`,
    },
    {
      key: 'vol',
      label: 'IV ±1 point',
      text: `+1 point: ${trade(d.vannaFlow.up1vol)}; −1 point: ${trade(d.vannaFlow.down1vol)}`,
    },
  );

  const byClose = today ? 'by the close' : `by ${until.weekday}'s close`;
  const last = d.projection[d.projection.length - 1] ?? null;
  let close: string | null = null;
  if (last) {
    const [now, then] = [a.flip, last.flip];
    const flipLine =
      now !== null && then !== null
        ? Math.abs(then - now) < 0.005
          ? `Flip holds at ${formatPrice(now)} ${byClose}`
          : `Flip drifts ${formatPrice(now)} → ${formatPrice(then)} ${byClose}`
        : now === null && then !== null
          ? `No flip now; one appears at ${formatPrice(then)} ${byClose}`
          : now !== null
            ? `The flip at ${formatPrice(now)} is gone ${byClose}`
            : `No flip now or ${byClose}`;
    // The drivers are computed once a minute at the price of the tab that asked first: compare with
    // the regime now only when that is this price.
    const here = Math.abs(d.pagePrice / a.pagePrice - 1) <= 5e-4;
    const regimeLine = !here
      ? `at ${formatPrice(d.pagePrice)} the regime is ${last.regime} then`
      : last.regime === a.regime
        ? `at this price the regime stays ${last.regime}`
        : `at this price the regime turns ${last.regime}`;
    close = `${flipLine}; ${regimeLine}.`;
  }
  const exp = d.afterExpirations;
  const dayWord = today ? "today's" : `${until.weekday}'s`;
  const after =
    exp && last && exp.regime !== last.regime
      ? `After ${dayWord} expirations: ${exp.regime}${exp.flip === null ? '' : ` (flip ${formatPrice(exp.flip)})`}.`
      : null;
  const zeroDte =
    a.zeroDteShare >= MATERIAL_ZERO_DTE
      ? `${Math.round(a.zeroDteShare * 100)} % of the gamma at this price expires today.`
      : null;
  const computed = nyParts(d.computedAt);
  const note = a.atSnapshot
    ? `As of the chain's snapshot, at ${formatPrice(d.pagePrice)}: every contract has expired since.`
    : `Computed ${computed.time} New York at ${formatPrice(d.pagePrice)}; refreshed each minute.`;
  return { rows, close, after, zeroDte, note };
}
