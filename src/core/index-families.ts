/**
 * The three option indexes traders watch through other instruments: each index's own page symbols
 * (1:1), its CME futures (a basis that changes with each contract) and its ETF (SPY ≈ SPX/10,
 * QQQ ≈ NDX/41, IWM ≈ RUT/10, drifting with dividends). Which symbol each built-in site shows for
 * them, and where that was seen: site-symbols.ts.
 *
 * Futures are recognised by shape, not listed per month, so next quarter's contract maps without a
 * new entry. The shapes, by where they come from (evidence per row in site-symbols.ts):
 *   continuous  ES1! ES2! (TradingView)  ES=F (Yahoo)  ESW00 (Google)  ES00 (MarketWatch)
 *               @SP.1 (CNBC, its own roots SP/ND/TFS)  /ES (thinkorswim)  @ES  ES (bare root)
 *   dated       ESZ6 (Tradovate, Investing, IBKR's local symbol)  ESZ26 /ESZ26  ESZ2026
 *               (TradingView)  ESZ26.CME (Yahoo)  ES DEC'26 / ES Dec26 (IBKR's description)
 *               ES 12-26 (NinjaTrader's instrument name)
 * Equity index futures list only the quarterly months (CME: March, June, September, December), so
 * only H, M, U and Z are read as month codes; that also keeps ordinary tickers from looking dated.
 */

export type Relation = 'index' | 'future' | 'etf';

export interface IndexFamily {
  /** The index (the chain's underlying for index options). */
  index: string;
  /** Page symbols that are the index itself, any case; exchange prefixes are dropped before comparing. */
  same: readonly string[];
  /** CME roots, standard and micro, that may take every continuous and dated shape. */
  futureRoots: readonly string[];
  /** Legacy roots CNBC still uses for its front-month series (`@SP.1`): only in that shape. */
  cnbcRoots: readonly string[];
  /** The ETF that tracks the index. */
  etf: string;
}

export const INDEX_FAMILIES: readonly IndexFamily[] = [
  {
    index: 'SPX',
    same: [
      'SPX',
      'SPXW',
      '^GSPC',
      '^SPX',
      '.INX',
      'INX',
      '.SPX',
      '$SPX',
      '$SPX.X',
      'GSPC',
      'SPX500',
      'US500',
    ],
    futureRoots: ['ES', 'MES'],
    cnbcRoots: ['SP'],
    etf: 'SPY',
  },
  {
    index: 'NDX',
    same: ['NDX', 'NDXP', '^NDX', '.NDX', '$NDX', '$NDX.X', 'NAS100', 'US100'],
    futureRoots: ['NQ', 'MNQ'],
    cnbcRoots: ['ND'],
    etf: 'QQQ',
  },
  {
    index: 'RUT',
    same: ['RUT', 'RUTW', '^RUT', '.RUT', '$RUT', '$RUT.X', 'US2000'],
    futureRoots: ['RTY', 'M2K'],
    cnbcRoots: ['TFS'],
    etf: 'IWM',
  },
];

/** Display forms of the futures, for the alias list a new chain starts with. */
export const FUTURE_DISPLAY_FORMS = (root: string) => [`${root}1!`, `${root}=F`, `/${root}`];

const QUARTER_CODES = 'HMUZ';
const QUARTER_NAMES = ['MAR', 'JUN', 'SEP', 'DEC'];
const QUARTER_NUMBERS = ['03', '06', '09', '12'];

/** Everything after the root that makes a continuous series symbol. */
const CONTINUOUS = /^(?:[12]!|=F|W00|00)?$/;
/** Everything after the root that makes a dated contract. */
const DATED = new RegExp(
  [
    `[${QUARTER_CODES}](?:\\d|\\d\\d|\\d{4})(?:\\.(?:CME|CBT|GLOBEX))?`,
    `(?:${QUARTER_NAMES.join('|')})'?\\d\\d`,
    `(?:${QUARTER_NUMBERS.join('|')})-\\d\\d`,
  ]
    .map((s) => `(?:${s})`)
    .join('|'),
);
const DATED_WHOLE = new RegExp(`^(?:${DATED.source})$`);

export interface FutureSymbol {
  root: string;
  /** A dated contract (its own basis) rather than a continuous front-month series. */
  dated: boolean;
}

/**
 * Reads a normalised page symbol (upper case, no spaces, no exchange prefix) as a future on one of
 * `roots`, or null. The longest root is tried first so MES is never read as ES.
 */
export function readFuture(symbol: string, roots: readonly string[], cnbcRoots: readonly string[] = []) {
  const cnbc = /^@([A-Z0-9]+)\.1$/.exec(symbol);
  if (cnbc && (cnbcRoots.includes(cnbc[1]!) || roots.includes(cnbc[1]!)))
    return { root: cnbc[1]!, dated: false } satisfies FutureSymbol;
  const s = symbol.replace(/^[/@]/, '');
  for (const root of [...roots].sort((a, b) => b.length - a.length)) {
    if (!s.startsWith(root)) continue;
    const rest = s.slice(root.length);
    if (CONTINUOUS.test(rest)) return { root, dated: false } satisfies FutureSymbol;
    if (DATED_WHOLE.test(rest)) return { root, dated: true } satisfies FutureSymbol;
  }
  return null;
}

export interface FamilyMatch {
  family: IndexFamily;
  relation: Relation;
  future?: FutureSymbol;
}

/** Which index family a normalised page symbol belongs to, and how; null for anything else. */
export function familyOf(symbol: string): FamilyMatch | null {
  for (const family of INDEX_FAMILIES) {
    if (family.same.includes(symbol)) return { family, relation: 'index' };
    if (symbol === family.etf) return { family, relation: 'etf' };
    const future = readFuture(symbol, family.futureRoots, family.cnbcRoots);
    if (future) return { family, relation: 'future', future };
  }
  return null;
}
