/** TradingView chart (`/chart/…`) and its embedded widget frames. broker-pages.md §1, §17.2. */
import { type Adapter, hostIs } from './types.ts';

/** The crosshair area: while the pointer is over it, the legend shows a past bar (§1b.3). */
const CHART_AREA = '.chart-markup-table, .chart-gui-wrapper, .chart-container';

export const tradingviewChart: Adapter = {
  id: 'tradingview',
  matches: (url) =>
    (hostIs(url, 'www.tradingview.com', '*.tradingview.com') && url.pathname.startsWith('/chart')) ||
    hostIs(url, 's.tradingview.com', 'www.tradingview-widget.com'),
  symbol: [
    // Header symbol button, ticker in its inner div (akumidv SEL.ticker, amanhigh tickerSelector; High).
    { css: '#header-toolbar-symbol-search > div[class*="text-"]' },
    { css: '#header-toolbar-symbol-search > div' },
    // Legend title of the main series (Selenium TV bot; AlgoVault data-qa-id variant).
    { css: '[data-name="legend-series-item"] [data-name="legend-source-title"]' },
    // Tab title "AAPL 190.12 ▲ +0.53% …" (AI Market Insight regex), exchange prefix dropped.
    { css: 'title', re: /^(?:[A-Z0-9_]+:)?([A-Z0-9.\-_/!]+)\s/ },
    // `?symbol=NASDAQ:AAPL` on chart/widget URLs (a public source tries the URL first).
    { url: /[?&]symbol=(?:[^&:]*(?::|%3A))?([^&]+)/i },
  ],
  price: [
    // Tab title: symbol then last price; live, cheap, immune to hashed classes (§1b.1; Med–High).
    { css: 'title', re: /^\S+\s+([\d.,\u202F\u00A0]+\d)\s/, confidence: 0.85 },
    // Watchlist "details" box, first span is the last price (amanhigh ltpSelector; Medium).
    { css: '[class^="priceWrapper"] > span:first-child, [class*=" priceWrapper"] > span:first-child' },
    // Header bar price display (TradingView CDP tool; Medium–Low).
    { css: '[class*="headerRow"] [class^="last-"], [class*="headerRow"] [class*=" last-"]', confidence: 0.8 },
    // Legend C value of the main series; the bar under the crosshair while hovering (§1b.3).
    {
      css: '[data-name="legend-series-item"] [class^="valueItem-"]:nth-child(2) [class^="valueValue-"]',
      pausedWhileHovering: CHART_AREA,
      confidence: 0.7,
    },
  ],
};
