/**
 * Signed distances in the popup's words: "+0.24 %", "−10.80 pts". U+2212 for minus (it lines up
 * with "+" in tabular digits); prices with the decimals their size needs.
 */
const MINUS = '\u2212';

/** A fraction as a signed percent: 0.0024 → "+0.24 %". */
export function signedPct(fraction: number, digits = 2): string {
  if (!Number.isFinite(fraction)) return '—';
  const v = Math.abs(fraction * 100).toFixed(digits);
  if (Number(v) === 0) return `0.${'0'.repeat(digits)} %`;
  return `${fraction < 0 ? MINUS : '+'}${v} %`;
}

/** A price difference in points of the page's units: "+10.80 pts" (4 decimals for prices under 10). */
export function signedPoints(points: number, price: number): string {
  if (!Number.isFinite(points)) return '—';
  const digits = price >= 10 ? 2 : 4;
  const v = Math.abs(points).toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  if (Number(Math.abs(points).toFixed(digits)) === 0) return '0 pts';
  return `${points < 0 ? MINUS : '+'}${v} pts`;
}

/** A price for labels on a chart axis: whole numbers above 1,000, else up to 2 decimals. */
export function axisPrice(p: number): string {
  return p.toLocaleString('en-US', { maximumFractionDigits: p >= 1000 ? 0 : 2 });
}
