/** Number and time formatting shared by the popup and the options page. Every figure has a unit. */

/** Dollars with a scale word: "+$16.10 bn", "−$2.04 m". */
export function formatMoney(dollars: number): string {
  if (!Number.isFinite(dollars)) return '—';
  const sign = dollars < 0 ? '−' : '+';
  const a = Math.abs(dollars);
  const [v, unit] =
    a >= 1e9 ? [a / 1e9, ' bn'] : a >= 1e6 ? [a / 1e6, ' m'] : a >= 1e3 ? [a / 1e3, ' k'] : [a, ''];
  return `${sign}$${v.toFixed(2)}${unit}`;
}

/** A count with a sign and scale: "−9.23 m", "+312". */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const sign = n < 0 ? '−' : '+';
  const a = Math.abs(n);
  return a >= 1e6
    ? `${sign}${(a / 1e6).toFixed(2)} m`
    : a >= 1e3
      ? `${sign}${(a / 1e3).toFixed(1)} k`
      : `${sign}${a.toFixed(0)}`;
}

// Formatters are built once: toLocaleString and a new Intl.* object build one per call, which made
// these two the background's largest cost per price tick (npm run bench, background profile).
const PRICE_LARGE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PRICE_SMALL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
const NEW_YORK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A price with sensible decimals for its size: cents from $10 up (a level is an estimate: SPX's flip
 * converted to a SPY page showed "449.3634"), up to four decimals below $10.
 */
export function formatPrice(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '—';
  return (p >= 10 ? PRICE_LARGE : PRICE_SMALL).format(p);
}

/** Signed distance of a level from the price, percent: "+0.21 %". */
export function formatDistance(level: number | null, price: number): string {
  if (level === null || !(price > 0)) return '';
  const d = ((level - price) / price) * 100;
  return `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(2)} %`;
}

/** "3 min", "5 h 10 min", "2 d 4 h". */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** An instant shown in New York time (the market's clock), e.g. "2023-09-14 16:31 New York". */
export function formatNewYork(iso: string | number): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const parts = NEW_YORK.formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} New York`;
}

/** Why a reading is suspect, in the words the popup and the overlay both use. */
export const SUSPECT_REASONS: Record<string, string> = {
  jump: 'price jumped, not confirmed yet',
  'not-positive': 'not a positive number',
  'not-finite': 'not a number',
  'prior-close': "previous day's close, not live",
  halted: 'trading halted',
};
