/**
 * What a contract line may hold before it enters a chain: every value finite and within bounds that
 * real chains respect with a wide margin, so that no file, however absurd, can put an Infinity or a
 * NaN into an analysis. A line that breaks a bound is left out and counted under one of the REASONS
 * (the importers' SkipLog); IV ≤ 0 or missing is not a bad line but "no IV" (methodology "Time").
 *
 * The bounds, and why (figures measured on the shared Cboe files, ../shared/data/chains):
 * - contracts (open interest, volume): 0 ≤ x < 1e9 per line. The largest seen: OI 273,026 (NVDA),
 *   volume 549,924 (SPY 0DTE); a billion contracts of one line is 3,000× that.
 * - prices (strike, spot): 0.001 ≤ x ≤ 1e7. OCC strikes have three decimals (strike × 1000 in 8
 *   digits, so 0.001 is the smallest), and no listed underlying trades near ten million.
 * - strike against spot: 0.001× to 100× (it catches a strike in cents or a spot in thousands). The
 *   brief asked for 0.01× at the low end, but real files hold live contracts below it: NVDA strike
 *   0.50 at spot 150.28 (0.0033×, open interest 61,203, a split-adjusted series). NDX 1.00 at 14,694
 *   (0.00007×, two rows, zero open interest) stays out, and leaving it out changes no figure.
 * - IV: (0, 20] annualised; above 20 (2,000 %) or not finite is a bad line. Below 0.0001, the vol
 *   floor of methodology's vanna shift, σ√T underflows towards 0 and 1/(σ√T) overflows: a bad line
 *   too (the smallest real IV seen is 0.001, NDX far strikes).
 * - feed gamma (per option, per unit of underlying): 0 ≤ Γ and Γ·S < 1e4. Γ·S = φ(d1)/(σ√T) is at most
 *   0.399/(σ√T); the largest seen is 523 (SPY 0DTE). With spot unknown the bound is Γ < 1e4.
 * - dates: years 2000–2100 (OCC symbols carry two-digit years 20YY; settlement maths and storage
 *   validation assume ISO years of four digits).
 */

export const MAX_CONTRACTS = 1e9;
export const MIN_PRICE = 0.001;
export const MAX_PRICE = 1e7;
export const STRIKE_SPOT_RATIO = { min: 0.001, max: 100 } as const;
export const MAX_IV = 20;
export const MIN_IV = 1e-4;
export const MAX_GAMMA_TIMES_SPOT = 1e4;
export const YEARS = { min: 2000, max: 2100 } as const;

/** Why a contract line was left out: one group per reason in the preview and the CLI summary. */
export const REASONS = {
  expiration: 'expiration date unreadable or outside 2000–2100',
  root: 'no option root',
  strike: 'strike out of range',
  iv: 'IV out of range',
  oi: 'open interest out of range',
  noOi: 'no open interest',
  volume: 'volume out of range',
  gamma: 'gamma out of range',
  duplicate: 'duplicate contract (same root, expiration, strike and type as an earlier line)',
} as const;

export type SkipReason = (typeof REASONS)[keyof typeof REASONS];

/** A price (strike, spot) within the absolute bounds. */
export const priceInRange = (x: number): boolean => x >= MIN_PRICE && x <= MAX_PRICE;

/** 'YYYY-MM-DD' with a year 2000–2100 (the date itself is checked by whoever built the text). */
export function dateInRange(date: string): boolean {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-') return false;
  const y = Number(date.slice(0, 4));
  return y >= YEARS.min && y <= YEARS.max;
}

/** An instant (epoch ms) whose UTC year is 2000–2100. */
export function instantInRange(ms: number): boolean {
  if (!Number.isFinite(ms)) return false;
  const y = new Date(ms).getUTCFullYear();
  return y >= YEARS.min && y <= YEARS.max;
}

/** Strike bounds: absolute, and 0.001×–100× spot when spot is known (finite). */
export function strikeInRange(strike: number, spot: number): boolean {
  if (!priceInRange(strike)) return false;
  if (!Number.isFinite(spot)) return true;
  return strike >= STRIKE_SPOT_RATIO.min * spot && strike <= STRIKE_SPOT_RATIO.max * spot;
}

/** Contracts (open interest or volume) within 0 ≤ x < 1e9. */
export const contractsInRange = (x: number): boolean => x >= 0 && x < MAX_CONTRACTS;

/** A present IV (> 0) that is usable: 1e-4 ≤ σ ≤ 20. NaN is "no IV", not out of range. */
export const ivInRange = (iv: number): boolean => iv >= MIN_IV && iv <= MAX_IV;

/** Feed gamma within 0 ≤ Γ and Γ·S < 1e4 (Γ < 1e4 when spot is unknown). */
export function gammaInRange(gamma: number, spot: number): boolean {
  const scale = Number.isFinite(spot) ? spot : 1;
  return gamma >= 0 && gamma * scale < MAX_GAMMA_TIMES_SPOT;
}
