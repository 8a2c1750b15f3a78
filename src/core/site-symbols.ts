/**
 * What each built-in site shows for the S&P 500, Nasdaq-100 and Russell 2000, their ETFs and their
 * CME futures, and where that was seen. Pure data: the unit test loads every row's site fixture at
 * the row's symbol and checks the adapter reads `shown` and the mapping picks the right chain
 * (test/content/adapters-symbols.test.ts); the E2E drives the S&P rows in both browsers
 * (test/e2e/site-symbols.e2e.ts).
 *
 * Evidence: broker-pages.md (§ = its section) and public code found with the `search` tool; the
 * quoted string is what was searched (find_string), with what the hits showed. `inferred` marks a
 * row no source showed directly: the site's own convention for a sibling symbol, carried over.
 * No live site was reachable, so, as in broker-pages.md, all of it is second-hand.
 */

export type SiteKey =
  | 'tradingview-chart'
  | 'tradingview-symbol'
  | 'yahoo'
  | 'google-finance'
  | 'investing'
  | 'cnbc'
  | 'marketwatch'
  | 'ibkr'
  | 'fidelity'
  | 'tradovate';

export type Instrument =
  | 'SPX'
  | 'NDX'
  | 'RUT'
  | 'SPY'
  | 'QQQ'
  | 'IWM'
  | 'ES'
  | 'NQ'
  | 'RTY'
  | 'MES'
  | 'MNQ'
  | 'M2K';

/** index: the index itself; etf; front: a continuous front-month series; dated: one contract month. */
export type Form = 'index' | 'etf' | 'front' | 'dated';

export interface SiteSymbol {
  site: SiteKey;
  instrument: Instrument;
  form: Form;
  /** The symbol the site's adapter reads on that page (its own notation, exchange prefix dropped). */
  shown: string;
  /** A page of the real site that shows it. */
  url: string;
  /** Where it was seen. */
  seen: string;
  inferred?: true;
}

/** The index whose options each instrument is read against (the chain a page should land on). */
export const INDEX_OF: Record<Instrument, 'SPX' | 'NDX' | 'RUT'> = {
  SPX: 'SPX',
  SPY: 'SPX',
  ES: 'SPX',
  MES: 'SPX',
  NDX: 'NDX',
  QQQ: 'NDX',
  NQ: 'NDX',
  MNQ: 'NDX',
  RUT: 'RUT',
  IWM: 'RUT',
  RTY: 'RUT',
  M2K: 'RUT',
};

const row = (
  site: SiteKey,
  instrument: Instrument,
  form: Form,
  shown: string,
  url: string,
  seen: string,
  inferred = false,
): SiteSymbol => ({ site, instrument, form, shown, url, seen, ...(inferred ? { inferred: true } : {}) });

const TV = 'https://www.tradingview.com';
const TV_INDEX = `"tradingview.com/symbols/SP-SPX", "RUSSELL:RUT": widget and link maps SP:SPX, NASDAQ:NDX, RUSSELL:RUT`;
const TV_ETF = `"AMEX:SPY": symbol maps SPY→AMEX:SPY, QQQ→NASDAQ:QQQ, IWM→AMEX:IWM`;
const TV_FRONT = `"CME_MINI:RTY1!": maps ES=F→CME_MINI:ES1!, NQ1!, RTY1!, MNQ=F→CME_MINI:MNQ1!`;
const TV_DATED = `"CME_MINI:ESZ20": CME_MINI:ESZ2026, "CME_MINI-ES1!" → ESM2026…ESH2027, MNQU2026`;
const TV_CHART = '§1a: header #header-toolbar-symbol-search and ?symbol=EXCH:SYM';
const TV_PAGE = '§2: URL /symbols/<EXCHANGE>-<TICKER>/';
const TVC_INDEX = `${TV_CHART}; ${TV_INDEX}`;
const TVC_ETF = `${TV_CHART}; ${TV_ETF}`;
const TVC_FRONT = `${TV_CHART}; ${TV_FRONT}`;
const tvChart = (symbol: string) => `${TV}/chart/?symbol=${encodeURIComponent(symbol)}`;
const Y = 'https://finance.yahoo.com/quote';
const Y_SEEN =
  '§3: fin-streamer data-symbol; "^RUT", "ES=F", "RTY=F": Yahoo ticker lists (^GSPC, ^NDX, ^RUT, SPY, QQQ, IWM, ES=F, NQ=F, RTY=F, MNQ=F)';
const Y_DATED = '".CME": Yahoo dated contracts ESU26.CME, ESZ26.CME, NQH1.CME, MESU6.CME';
const G = 'https://www.google.com/finance/quote';
const G_INDEX =
  '§4 (symbol = URL quote/<SYM>:<EXCH>); ".INX:INDEXSP", "RUT:INDEXRUSSELL": .INX:INDEXSP, NDX:INDEXNASDAQ, RUT:INDEXRUSSELL, SPY:NYSEARCA';
const G_FUT = '"CME_EMINIS": ESW00:CME_EMINIS, NQW00:CME_EMINIS (google-finance tests and tickers maps)';
const INV = 'https://www.investing.com';
const INV_SEEN =
  '§5: h1 "Name (TICKER)"; URLs "investing.com/indices/us-spx-500-futures", nq-100-futures, smallcap-2000-futures';
const INV_H1 =
  'the h1 carries the ticker in parentheses (§5: "Apple Inc (AAPL)"), carried over to indexes, ETFs and the futures contract code';
const CNBC = 'https://www.cnbc.com/quotes';
const CNBC_INDEX = '"cnbc.com/quotes/.SPX": .SPX, .NDX, .RUT, .IXIC quote URLs and symbol lists';
const CNBC_FUT =
  '"@SP.1", "@TFS.1": CNBC front-month futures @SP.1 (S&P 500), @ND.1 (Nasdaq-100), @TFS.1 (Russell 2000), mapped from ES=F, NQ=F, RTY=F';
const CNBC_ETF = '§6 (symbol "IBM:NYSE"); "@SP.1": the same lists request SPY|QQQ|DIA';
const MW = 'https://www.marketwatch.com/investing';
const MW_SEEN =
  '§7 (.company__ticker, URL /investing/<type>/<sym>); "investing/index/ndx", "investing/index/rut", "marketwatch.com/investing/fund/spy", "investing/future/nq00", es00';
const IB = 'https://client2.interactivebrokers.com/portal/#/quote';
const IB_SEEN = '§9: quote page .quote-symbol, positions td[conid] span[dir] show the ticker';
const IB_FUT =
  'IBKR names a future "<ROOT> <MON>\'<YY>" (e.g. MES Mar\'25 in a public NinjaScript instrument-name comment); the portal text is not in any source found';
const FID = 'https://digital.fidelity.com/ftgw/digital/trade-equity/index/orderEntry';
const FID_SEEN = '§10: symbol input of the trade ticket';
const FID_INDEX =
  'Fidelity quotes indexes with a leading dot (.SPX, .NDX, .RUT); no source showed it on the ticket';
const TRADOVATE = 'https://trader.tradovate.com/';
const NINJA = 'https://app.ninjatrader.com/';
const TRADOVATE_SEEN =
  '§11 and §19: GoldenLayout tab "MESZ5 12:01:02" (NinjaTrader bot), contract codes ESZ5, MNQZ5';

export const SITE_SYMBOLS: readonly SiteSymbol[] = [
  row('tradingview-chart', 'SPX', 'index', 'SPX', tvChart('SP:SPX'), TVC_INDEX),
  row('tradingview-chart', 'NDX', 'index', 'NDX', tvChart('NASDAQ:NDX'), TVC_INDEX),
  row('tradingview-chart', 'RUT', 'index', 'RUT', tvChart('RUSSELL:RUT'), TVC_INDEX),
  row('tradingview-chart', 'SPY', 'etf', 'SPY', tvChart('AMEX:SPY'), TVC_ETF),
  row('tradingview-chart', 'QQQ', 'etf', 'QQQ', tvChart('NASDAQ:QQQ'), TVC_ETF),
  row('tradingview-chart', 'IWM', 'etf', 'IWM', tvChart('AMEX:IWM'), TVC_ETF),
  row('tradingview-chart', 'ES', 'front', 'ES1!', tvChart('CME_MINI:ES1!'), TVC_FRONT),
  row('tradingview-chart', 'ES', 'dated', 'ESZ2026', tvChart('CME_MINI:ESZ2026'), TV_DATED),
  row('tradingview-chart', 'ES', 'dated', 'ESH2027', tvChart('CME_MINI:ESH2027'), TV_DATED),
  row('tradingview-chart', 'NQ', 'front', 'NQ1!', tvChart('CME_MINI:NQ1!'), TV_FRONT),
  row('tradingview-chart', 'NQ', 'dated', 'NQZ2026', tvChart('CME_MINI:NQZ2026'), TV_DATED, true),
  row('tradingview-chart', 'RTY', 'front', 'RTY1!', tvChart('CME_MINI:RTY1!'), TV_FRONT),
  row('tradingview-chart', 'RTY', 'dated', 'RTYZ2026', tvChart('CME_MINI:RTYZ2026'), TV_DATED, true),
  row('tradingview-chart', 'MES', 'front', 'MES1!', tvChart('CME_MINI:MES1!'), TV_FRONT, true),
  row('tradingview-chart', 'MNQ', 'dated', 'MNQU2026', tvChart('CME_MINI:MNQU2026'), TV_DATED),
  row('tradingview-symbol', 'SPX', 'index', 'SPX', `${TV}/symbols/SP-SPX/`, `${TV_PAGE}; ${TV_INDEX}`),
  row('tradingview-symbol', 'NDX', 'index', 'NDX', `${TV}/symbols/NASDAQ-NDX/`, `${TV_PAGE}; ${TV_INDEX}`),
  row('tradingview-symbol', 'RUT', 'index', 'RUT', `${TV}/symbols/RUSSELL-RUT/`, `${TV_PAGE}; ${TV_INDEX}`),
  row('tradingview-symbol', 'SPY', 'etf', 'SPY', `${TV}/symbols/AMEX-SPY/`, `${TV_PAGE}; ${TV_ETF}`),
  row('tradingview-symbol', 'QQQ', 'etf', 'QQQ', `${TV}/symbols/NASDAQ-QQQ/`, `${TV_PAGE}; ${TV_ETF}`),
  row('tradingview-symbol', 'IWM', 'etf', 'IWM', `${TV}/symbols/AMEX-IWM/`, `${TV_PAGE}; ${TV_ETF}`),
  row('tradingview-symbol', 'ES', 'front', 'ES1!', `${TV}/symbols/CME_MINI-ES1!/`, `${TV_PAGE}; ${TV_DATED}`),
  row('tradingview-symbol', 'ES', 'dated', 'ESZ2026', `${TV}/symbols/CME_MINI-ESZ2026/`, TV_DATED, true),
  row('tradingview-symbol', 'NQ', 'front', 'NQ1!', `${TV}/symbols/CME_MINI-NQ1!/`, TV_FRONT, true),
  row('tradingview-symbol', 'RTY', 'front', 'RTY1!', `${TV}/symbols/CME_MINI-RTY1!/`, TV_FRONT, true),
  row('yahoo', 'SPX', 'index', '^GSPC', `${Y}/%5EGSPC/`, Y_SEEN),
  row('yahoo', 'SPX', 'index', '^SPX', `${Y}/%5ESPX/`, 'Yahoo lists the S&P 500 also as ^SPX', true),
  row('yahoo', 'NDX', 'index', '^NDX', `${Y}/%5ENDX/`, Y_SEEN),
  row('yahoo', 'RUT', 'index', '^RUT', `${Y}/%5ERUT/`, Y_SEEN),
  row('yahoo', 'SPY', 'etf', 'SPY', `${Y}/SPY/`, Y_SEEN),
  row('yahoo', 'QQQ', 'etf', 'QQQ', `${Y}/QQQ/`, Y_SEEN),
  row('yahoo', 'IWM', 'etf', 'IWM', `${Y}/IWM/`, Y_SEEN),
  row('yahoo', 'ES', 'front', 'ES=F', `${Y}/ES%3DF/`, Y_SEEN),
  row('yahoo', 'ES', 'dated', 'ESZ26.CME', `${Y}/ESZ26.CME/`, Y_DATED),
  row('yahoo', 'NQ', 'front', 'NQ=F', `${Y}/NQ%3DF/`, Y_SEEN),
  row('yahoo', 'NQ', 'dated', 'NQZ26.CME', `${Y}/NQZ26.CME/`, Y_DATED),
  row('yahoo', 'RTY', 'front', 'RTY=F', `${Y}/RTY%3DF/`, Y_SEEN),
  row('yahoo', 'RTY', 'dated', 'RTYZ26.CME', `${Y}/RTYZ26.CME/`, Y_DATED, true),
  row('yahoo', 'MES', 'dated', 'MESU6.CME', `${Y}/MESU6.CME/`, Y_DATED),
  row('google-finance', 'SPX', 'index', '.INX', `${G}/.INX:INDEXSP`, G_INDEX),
  row('google-finance', 'NDX', 'index', 'NDX', `${G}/NDX:INDEXNASDAQ`, G_INDEX),
  row('google-finance', 'RUT', 'index', 'RUT', `${G}/RUT:INDEXRUSSELL`, G_INDEX),
  row('google-finance', 'SPY', 'etf', 'SPY', `${G}/SPY:NYSEARCA`, G_INDEX),
  row('google-finance', 'QQQ', 'etf', 'QQQ', `${G}/QQQ:NASDAQ`, G_INDEX),
  row('google-finance', 'IWM', 'etf', 'IWM', `${G}/IWM:NYSEARCA`, G_INDEX, true),
  row('google-finance', 'ES', 'front', 'ESW00', `${G}/ESW00:CME_EMINIS`, G_FUT),
  row('google-finance', 'NQ', 'front', 'NQW00', `${G}/NQW00:CME_EMINIS`, G_FUT),
  row('google-finance', 'RTY', 'front', 'RTYW00', `${G}/RTYW00:CME_EMINIS`, G_FUT, true),
  row('investing', 'SPX', 'index', 'SPX', `${INV}/indices/us-spx-500`, INV_H1, true),
  row('investing', 'NDX', 'index', 'NDX', `${INV}/indices/nq-100`, INV_H1, true),
  row('investing', 'RUT', 'index', 'RUT', `${INV}/indices/smallcap-2000`, INV_H1, true),
  row('investing', 'SPY', 'etf', 'SPY', `${INV}/etfs/spdr-s-p-500`, INV_H1, true),
  row('investing', 'QQQ', 'etf', 'QQQ', `${INV}/etfs/powershares-qqqq`, INV_H1, true),
  row('investing', 'IWM', 'etf', 'IWM', `${INV}/etfs/ishares-russell-2000-index-etf`, INV_H1, true),
  row(
    'investing',
    'ES',
    'dated',
    'ESZ6',
    `${INV}/indices/us-spx-500-futures`,
    `${INV_SEEN}; ${INV_H1}`,
    true,
  ),
  row('investing', 'NQ', 'dated', 'NQZ6', `${INV}/indices/nq-100-futures`, `${INV_SEEN}; ${INV_H1}`, true),
  row(
    'investing',
    'RTY',
    'dated',
    'RTYZ6',
    `${INV}/indices/smallcap-2000-futures`,
    `${INV_SEEN}; ${INV_H1}`,
    true,
  ),
  row(
    'cnbc',
    'SPX',
    'index',
    '.SPX',
    `${CNBC}/.SPX`,
    `${CNBC_INDEX}; the bug report (popup: "No chain answers to .SPX")`,
  ),
  row('cnbc', 'NDX', 'index', '.NDX', `${CNBC}/.NDX`, CNBC_INDEX),
  row('cnbc', 'RUT', 'index', '.RUT', `${CNBC}/.RUT`, CNBC_INDEX),
  row('cnbc', 'SPY', 'etf', 'SPY', `${CNBC}/SPY`, CNBC_ETF),
  row('cnbc', 'QQQ', 'etf', 'QQQ', `${CNBC}/QQQ`, CNBC_ETF),
  row('cnbc', 'IWM', 'etf', 'IWM', `${CNBC}/IWM`, CNBC_ETF, true),
  row('cnbc', 'ES', 'front', '@SP.1', `${CNBC}/@SP.1`, CNBC_FUT),
  row('cnbc', 'NQ', 'front', '@ND.1', `${CNBC}/@ND.1`, CNBC_FUT),
  row('cnbc', 'RTY', 'front', '@TFS.1', `${CNBC}/@TFS.1`, CNBC_FUT),
  row('marketwatch', 'SPX', 'index', 'SPX', `${MW}/index/spx`, MW_SEEN),
  row('marketwatch', 'NDX', 'index', 'NDX', `${MW}/index/ndx`, MW_SEEN),
  row('marketwatch', 'RUT', 'index', 'RUT', `${MW}/index/rut`, MW_SEEN),
  row('marketwatch', 'SPY', 'etf', 'SPY', `${MW}/fund/spy`, MW_SEEN),
  row('marketwatch', 'QQQ', 'etf', 'QQQ', `${MW}/fund/qqq`, MW_SEEN, true),
  row('marketwatch', 'IWM', 'etf', 'IWM', `${MW}/fund/iwm`, MW_SEEN, true),
  row('marketwatch', 'ES', 'front', 'ES00', `${MW}/future/es00`, MW_SEEN),
  row(
    'marketwatch',
    'ES',
    'dated',
    'ESZ26',
    `${MW}/future/esz26`,
    'MarketWatch contract pages /investing/future/<root><month><yy>',
    true,
  ),
  row('marketwatch', 'NQ', 'front', 'NQ00', `${MW}/future/nq00`, MW_SEEN),
  row(
    'marketwatch',
    'RTY',
    'front',
    'RTY00',
    `${MW}/future/rty00`,
    'the <root>00 series of es00, nq00, gc00, hg00',
    true,
  ),
  row('ibkr', 'SPX', 'index', 'SPX', `${IB}/<conid>`, IB_SEEN, true),
  row('ibkr', 'NDX', 'index', 'NDX', `${IB}/<conid>`, IB_SEEN, true),
  row('ibkr', 'RUT', 'index', 'RUT', `${IB}/<conid>`, IB_SEEN, true),
  row('ibkr', 'SPY', 'etf', 'SPY', `${IB}/<conid>`, IB_SEEN, true),
  row('ibkr', 'QQQ', 'etf', 'QQQ', `${IB}/<conid>`, IB_SEEN, true),
  row('ibkr', 'IWM', 'etf', 'IWM', `${IB}/<conid>`, IB_SEEN, true),
  row('ibkr', 'ES', 'dated', "ES DEC'26", `${IB}/<conid>`, IB_FUT, true),
  row('ibkr', 'NQ', 'dated', "NQ DEC'26", `${IB}/<conid>`, IB_FUT, true),
  row('ibkr', 'RTY', 'dated', "RTY DEC'26", `${IB}/<conid>`, IB_FUT, true),
  row('ibkr', 'MES', 'dated', "MES MAR'27", `${IB}/<conid>`, IB_FUT, true),
  row('fidelity', 'SPX', 'index', '.SPX', FID, FID_INDEX, true),
  row('fidelity', 'NDX', 'index', '.NDX', FID, FID_INDEX, true),
  row('fidelity', 'RUT', 'index', '.RUT', FID, FID_INDEX, true),
  row('fidelity', 'SPY', 'etf', 'SPY', FID, FID_SEEN),
  row('fidelity', 'QQQ', 'etf', 'QQQ', FID, FID_SEEN),
  row('fidelity', 'IWM', 'etf', 'IWM', FID, FID_SEEN),
  row('tradovate', 'ES', 'dated', 'ESZ6', TRADOVATE, TRADOVATE_SEEN),
  row('tradovate', 'ES', 'dated', 'ESH7', TRADOVATE, TRADOVATE_SEEN),
  row('tradovate', 'NQ', 'dated', 'NQZ6', TRADOVATE, TRADOVATE_SEEN),
  row('tradovate', 'RTY', 'dated', 'RTYZ6', TRADOVATE, TRADOVATE_SEEN, true),
  row('tradovate', 'MES', 'dated', 'MESZ6', NINJA, TRADOVATE_SEEN),
  row('tradovate', 'MNQ', 'dated', 'MNQZ6', NINJA, TRADOVATE_SEEN),
  row('tradovate', 'M2K', 'dated', 'M2KZ6', TRADOVATE, TRADOVATE_SEEN, true),
];

/**
 * Cells with no row, because the site does not show them: Fidelity trades no futures; Tradovate and
 * NinjaTrader list futures only (their front month is a dated contract, e.g. ESZ6); Google Finance
 * and CNBC show only the continuous futures series; Investing.com shows only the current contract.
 */
