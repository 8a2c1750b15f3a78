/**
 * Which chain a page's symbol answers to, and how the page's price converts to the chain's
 * underlying (methodology mistake 12: a level drawn for SPX must not be read against ES or SPY).
 *
 * A chain answers to its underlying, to the built-in family of an index chain (SPX: its own symbols
 * 1:1, ES/MES futures in any shape, SPY; a SPY chain: SPX's symbols and futures; index-families.ts)
 * and to the page symbols the user lists (aliases). Each converts with the chain's `conversion`
 * (1:1 symbols) or an unconfirmed 'auto' (futures, ETF↔index) unless the exact symbol has its own
 * entry in `aliasConversions` (the confirmed ratio, or a basis the user typed). Conversions:
 *   ratio:  underlying = page × ratio           (SPY → SPX ≈ 10; ratio 1 = same units)
 *   offset: underlying = page − offset          (ES → SPX: offset = the futures basis in points)
 *   auto:   a ratio taken from live prices that the user confirmed; unconfirmed → no conversion.
 */
import { FUTURE_DISPLAY_FORMS, familyOf, INDEX_FAMILIES, type IndexFamily } from './index-families';

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

export interface AliasDefaults {
  aliases: string[];
  aliasConversions: Record<string, Conversion>;
}

const AUTO: Conversion = Object.freeze({ kind: 'auto' }) as Conversion;

/** The family a chain's underlying belongs to: as the index itself or as its ETF. */
function chainFamily(underlying: string): { family: IndexFamily; isEtf: boolean } | null {
  for (const family of INDEX_FAMILIES) {
    if (family.same.includes(underlying)) return { family, isEtf: false };
    if (family.etf === underlying) return { family, isEtf: true };
  }
  return null;
}

/**
 * Suggested aliases for a new chain, shown (and editable) in the options page: the index's page
 * symbols, the usual futures forms and the ETF, or the ticker itself. The built-in family answers
 * even without them (matchChain); they are there so the list tells the user what maps.
 */
export function defaultAliases(underlying: string): AliasDefaults {
  const u = normalizeSymbol(underlying);
  const found = chainFamily(u);
  if (!found) return { aliases: [u], aliasConversions: {} };
  const { family, isEtf } = found;
  const futures = family.futureRoots.flatMap(FUTURE_DISPLAY_FORMS);
  const converted = isEtf ? [...family.same, ...futures] : [...futures, family.etf];
  const aliasConversions: Record<string, Conversion> = {};
  for (const a of converted) aliasConversions[a] = { kind: 'auto' };
  return { aliases: isEtf ? [u, ...converted] : [...family.same, ...converted], aliasConversions };
}

export interface AliasTarget {
  /** The chain's underlying: with it, the built-in index families answer too (index-families.ts). */
  underlying?: string;
  aliases: readonly string[];
  conversion: Conversion;
  aliasConversions?: Readonly<Record<string, Conversion>>;
}

/**
 * How a page symbol reaches a chain, best first (the rank pickChain sorts by):
 *   underlying  the chain's own underlying                       (SPY page, SPY chain)
 *   same        one of the index's own symbols, or a user alias  (.SPX page, SPX chain)
 *   future      a future on the chain's index                    (ESZ6 page, SPX chain)
 *   etf-index   the ETF on the index chain or the index on the ETF chain (SPY page, SPX chain)
 *   etf-future  a future on the index an ETF chain tracks        (ES1! page, SPY chain)
 */
export type MatchKind = 'underlying' | 'same' | 'future' | 'etf-index' | 'etf-future';
const RANK: Record<MatchKind, number> = {
  underlying: 0,
  same: 1,
  future: 2,
  'etf-index': 3,
  'etf-future': 4,
};

export interface ChainMatch {
  kind: MatchKind;
  conversion: Conversion;
}

/** The built-in relation between a chain's underlying and a page symbol (both normalised). */
function builtInKind(underlying: string, symbol: string): MatchKind | null {
  const chain = chainFamily(underlying);
  const page = familyOf(symbol);
  if (!chain || !page || chain.family !== page.family) return null;
  if (page.relation === 'future') return chain.isEtf ? 'etf-future' : 'future';
  if (chain.isEtf) return page.relation === 'index' ? 'etf-index' : null;
  return page.relation === 'index' ? 'same' : 'etf-index';
}

/**
 * Whether a page symbol answers to a chain, and with which conversion; null when it does not. A
 * conversion saved for the exact symbol wins (the popup's confirmed ratio, a user's offset); 1:1
 * symbols otherwise take the chain's conversion; futures and ETF↔index take an unconfirmed 'auto',
 * which the user confirms once per symbol (a dated contract has its own basis, so ESZ6 and ESH7
 * are confirmed separately).
 */
export function matchChain(target: AliasTarget, pageSymbol: string): ChainMatch | null {
  const s = normalizeSymbol(pageSymbol);
  const own = Object.entries(target.aliasConversions ?? {}).find(([a]) => normalizeSymbol(a) === s)?.[1];
  const u = target.underlying ? normalizeSymbol(target.underlying) : null;
  if (s === u) return { kind: 'underlying', conversion: own ?? target.conversion };
  const kind = u ? builtInKind(u, s) : null;
  if (kind && kind !== 'same') return { kind, conversion: own ?? AUTO };
  if (kind || target.aliases.some((a) => normalizeSymbol(a) === s))
    return { kind: 'same', conversion: own ?? target.conversion };
  return null;
}

/** The conversion for a page symbol, or null when the symbol does not answer to the chain. */
export function conversionFor(target: AliasTarget, pageSymbol: string): Conversion | null {
  return matchChain(target, pageSymbol)?.conversion ?? null;
}

/**
 * The chain a page symbol answers to among several: the best MatchKind wins (an exact underlying
 * over an index symbol over a future over ETF↔index), then the earlier chain in the list. So a SPY
 * page with both SPX and SPY chains uses SPY, ES1! uses SPX, and with only SPX saved, SPY uses SPX.
 */
export function pickChain<T extends AliasTarget>(
  targets: readonly T[],
  pageSymbol: string,
): (ChainMatch & { target: T }) | null {
  let best: (ChainMatch & { target: T }) | null = null;
  for (const target of targets) {
    const m = matchChain(target, pageSymbol);
    if (m && (!best || RANK[m.kind] < RANK[best.kind])) best = { ...m, target };
  }
  return best;
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
