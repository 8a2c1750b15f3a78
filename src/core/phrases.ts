/**
 * One phrase per figure, everywhere (popup, overlay, import preview, CLI): every hedge trade is said
 * the same way, with buy/sell words, its notional in dollars always, and the size in what a trader
 * would actually trade — shares for an ETF or a stock, the equivalent in the index's future for an
 * index ("≈ 17,405 ES"), never "units of SPX" (an index has no units anyone trades).
 *
 *   tradePhrase(870_235.68, 4505.1001, 'SPX')  → 'buy $3.92 bn (≈ 17,405 ES)'
 *   tradePhrase(-9_226_589, 450.81, 'SPY')     → 'sell 9.23 m shares ($4.16 bn)'
 *   moneyPhrase(16.1e9, { signed: true })       → '+$16.1 bn'
 *
 * Pure and locale-fixed (en-US digits, U+2212 minus) so the CLI, the tests and the views agree.
 */

/** What dealers trade to hedge an underlying. */
export type HedgeInstrument =
  | {
      kind: 'future';
      root: string;
      underlying: string /** Dollars per index point per contract. */;
      pointValue: number;
    }
  | { kind: 'shares'; underlying: string }
  /** An index without a listed future we map (VIX, XSP, …): notional only. */
  | { kind: 'notional'; underlying: string };

/** E-mini futures per index: ES $50 × S&P 500, NQ $20 × Nasdaq-100, RTY $50 × Russell 2000 (CME specs). */
const FUTURES: Record<string, { root: string; pointValue: number }> = {
  SPX: { root: 'ES', pointValue: 50 },
  NDX: { root: 'NQ', pointValue: 20 },
  RUT: { root: 'RTY', pointValue: 50 },
};

/** Cash-settled index underlyings (no shares to trade). */
const INDEXES = new Set([
  'SPX',
  'NDX',
  'RUT',
  'DJX',
  'VIX',
  'XSP',
  'OEX',
  'XEO',
  'NDXP',
  'SPXW',
  'RUTW',
  'MRUT',
  'XND',
]);

export function hedgeInstrument(underlying: string): HedgeInstrument {
  const u = underlying
    .trim()
    .toUpperCase()
    .replace(/^[\^$._]/, '');
  const future = FUTURES[u];
  if (future) return { kind: 'future', underlying: u, ...future };
  if (INDEXES.has(u)) return { kind: 'notional', underlying: u };
  return { kind: 'shares', underlying: u };
}

const MINUS = '\u2212';
// Made on first use, not at import: the first Intl constructor of a process loads ICU's data
// (16–25 ms in a cold Node on this machine), which the CLI's --help never needs.
let int: Intl.NumberFormat | undefined;
/** A whole number with en-US thousands separators: '17,405'. */
export function formatInt(v: number): string {
  int ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  return int.format(v);
}

/** Three significant digits with a scale word: 41.6 bn, 3.92 bn, 870 m, 12.3 k, 512. */
function scaled(a: number): string {
  const [v, unit] =
    a >= 1e12
      ? [a / 1e12, ' tn']
      : a >= 1e9
        ? [a / 1e9, ' bn']
        : a >= 1e6
          ? [a / 1e6, ' m']
          : a >= 1e3
            ? [a / 1e3, ' k']
            : [a, ''];
  if (unit === '') return formatInt(v);
  const digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return `${v.toFixed(digits)}${unit}`;
}

/** Dollars: '$3.92 bn'; with `signed`, '+$16.1 bn' / '−$2.04 bn'. Non-finite → '—'. */
export function moneyPhrase(dollars: number, opts: { signed?: boolean } = {}): string {
  if (!Number.isFinite(dollars)) return '—';
  const sign = opts.signed ? (dollars < 0 ? MINUS : '+') : dollars < 0 ? MINUS : '';
  return `${sign}$${scaled(Math.abs(dollars))}`;
}

/** A count of shares: '9.23 m shares', '1 share'. */
export function sharesPhrase(shares: number): string {
  const a = Math.abs(shares);
  return `${scaled(a)} ${Math.round(a) === 1 ? 'share' : 'shares'}`;
}

/** Futures contracts equivalent to a notional: '≈ 17,405 ES' ('< 1 ES' below one contract). */
export function futuresPhrase(
  notional: number,
  indexLevel: number,
  root: string,
  pointValue: number,
): string {
  const n = Math.abs(notional) / (pointValue * indexLevel);
  return n < 1 ? `< 1 ${root}` : `≈ ${formatInt(Math.round(n))} ${root}`;
}

/** The size of a hedge trade without its verb: '$3.92 bn (≈ 17,405 ES)' / '9.23 m shares ($4.16 bn)'. */
export function tradeSize(shares: number, spot: number, underlying: string): string {
  const notional = Math.abs(shares * spot);
  const inst = hedgeInstrument(underlying);
  if (inst.kind === 'shares') return `${sharesPhrase(shares)} (${moneyPhrase(notional)})`;
  if (inst.kind === 'future')
    return `${moneyPhrase(notional)} (${futuresPhrase(notional, spot, inst.root, inst.pointValue)})`;
  return moneyPhrase(notional);
}

/** Below this notional a hedge trade is called "no trade" ($1: rounding noise). */
const NOTHING = 1;

/**
 * A dealer hedge trade as one phrase: 'buy $3.92 bn (≈ 17,405 ES)', 'sell 9.23 m shares ($4.16 bn)',
 * 'no trade'. `shares` are units of the underlying (negative = sell), `spot` its price.
 */
export function tradePhrase(shares: number, spot: number, underlying: string): string {
  if (!Number.isFinite(shares) || !Number.isFinite(spot)) return '—';
  if (Math.abs(shares * spot) < NOTHING) return 'no trade';
  return `${shares < 0 ? 'sell' : 'buy'} ${tradeSize(shares, spot, underlying)}`;
}

/** Net GEX in the contract's unit: '+$16.1 bn per 1 % move'. */
export function gexPhrase(dollarsPer1pct: number): string {
  return `${moneyPhrase(dollarsPer1pct, { signed: true })} per 1 % move`;
}
