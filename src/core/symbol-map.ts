/**
 * Which chain a page's symbol answers to, and how the page's price converts to the chain's
 * underlying (methodology mistake 12: a level drawn for SPX must not be read against ES or SPY).
 *
 * A chain record lists page symbols (aliases). Each alias converts with the chain's `conversion`
 * unless it has its own entry in `aliasConversions` (e.g. SPX itself is 1:1 while ES1! carries the
 * futures basis). Conversions:
 *   ratio:  underlying = page × ratio           (SPY → SPX ≈ 10; ratio 1 = same units)
 *   offset: underlying = page − offset          (ES → SPX: offset = the futures basis in points)
 *   auto:   a ratio taken from live prices that the user confirmed; unconfirmed → no conversion.
 */
export type Conversion =
  | { kind: 'ratio'; ratio: number }
  | { kind: 'offset'; offset: number }
  | { kind: 'auto'; ratio?: number; confirmedAt?: number };

export const IDENTITY: Conversion = Object.freeze({ kind: 'ratio', ratio: 1 }) as Conversion;

/**
 * Upper case, no spaces, exchange prefix dropped ("CBOE:SPX" → "SPX", "cme_mini:es1!" → "ES1!").
 */
export function normalizeSymbol(symbol: string): string {
  const s = symbol.trim().toUpperCase().replace(/\s+/g, '');
  const colon = s.lastIndexOf(':');
  return colon >= 0 ? s.slice(colon + 1) : s;
}

/** Page symbols that mean the index itself (1:1) or its futures (basis: 'auto' until confirmed). */
const INDEX_FAMILIES: Record<string, { same: string[]; futures: string[] }> = {
  SPX: {
    same: ['SPX', 'SPXW', '^GSPC', '^SPX', '.INX', 'INX', '$SPX', '$SPX.X', 'SPX500', 'US500', 'GSPC'],
    futures: ['ES1!', 'ES', '/ES', 'ESZ', 'MES', 'MES1!', '/MES'],
  },
  NDX: {
    same: ['NDX', 'NDXP', '^NDX', '.NDX', '$NDX', '$NDX.X', 'NAS100', 'US100'],
    futures: ['NQ1!', 'NQ', '/NQ', 'MNQ', 'MNQ1!', '/MNQ'],
  },
  RUT: {
    same: ['RUT', 'RUTW', '^RUT', '.RUT', '$RUT', '$RUT.X', 'US2000'],
    futures: ['RTY1!', 'RTY', '/RTY', 'M2K', 'M2K1!', '/M2K'],
  },
};

export interface AliasDefaults {
  aliases: string[];
  aliasConversions: Record<string, Conversion>;
}

/** Suggested aliases for a new chain: the index's page symbols and futures, or the ticker itself. */
export function defaultAliases(underlying: string): AliasDefaults {
  const u = normalizeSymbol(underlying);
  const family = INDEX_FAMILIES[u];
  if (!family) return { aliases: [u], aliasConversions: {} };
  const aliasConversions: Record<string, Conversion> = {};
  for (const f of family.futures) aliasConversions[f] = { kind: 'auto' };
  return { aliases: [...family.same, ...family.futures], aliasConversions };
}

export interface AliasTarget {
  aliases: readonly string[];
  conversion: Conversion;
  aliasConversions?: Readonly<Record<string, Conversion>>;
}

/** The conversion for a page symbol, or null when the symbol is not one of the aliases. */
export function conversionFor(target: AliasTarget, pageSymbol: string): Conversion | null {
  const s = normalizeSymbol(pageSymbol);
  if (!target.aliases.some((a) => normalizeSymbol(a) === s)) return null;
  const own = Object.entries(target.aliasConversions ?? {}).find(([a]) => normalizeSymbol(a) === s);
  return own ? own[1] : target.conversion;
}

/** True when the conversion can be applied (an 'auto' one needs a confirmed ratio). */
export const isUsable = (c: Conversion): boolean =>
  c.kind === 'ratio'
    ? c.ratio > 0
    : c.kind === 'offset'
      ? Number.isFinite(c.offset)
      : !!(c.ratio && c.ratio > 0);

/** Page price → the chain's underlying price. Throws RangeError for an unconfirmed 'auto'. */
export function toUnderlying(c: Conversion, pagePrice: number): number {
  if (c.kind === 'offset') return pagePrice - c.offset;
  const ratio = c.ratio;
  if (!ratio || !(ratio > 0))
    throw new RangeError('the page-to-chain price ratio has not been confirmed yet');
  return pagePrice * ratio;
}

/** The chain's underlying price (a level) → page units. Inverse of toUnderlying. */
export function toPage(c: Conversion, underlyingPrice: number): number {
  if (c.kind === 'offset') return underlyingPrice + c.offset;
  const ratio = c.ratio;
  if (!ratio || !(ratio > 0))
    throw new RangeError('the page-to-chain price ratio has not been confirmed yet');
  return underlyingPrice / ratio;
}

/** The ratio to propose for 'auto': the chain's underlying price over the page's price, same moment. */
export function suggestRatio(underlyingPrice: number, pagePrice: number): number | null {
  return underlyingPrice > 0 && pagePrice > 0 ? underlyingPrice / pagePrice : null;
}

/** Short description for lists: "1:1", "× 10.0004", "− 15.25 pts", "auto (unconfirmed)". */
export function describeConversion(c: Conversion): string {
  if (c.kind === 'offset') return `${c.offset >= 0 ? '−' : '+'} ${Math.abs(c.offset)} pts`;
  if (c.kind === 'ratio') return c.ratio === 1 ? '1:1' : `× ${c.ratio}`;
  return c.ratio ? `auto × ${c.ratio.toPrecision(6)}` : 'auto (unconfirmed)';
}
