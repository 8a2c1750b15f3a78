/** TradingView symbol page `/symbols/EXCH-SYM/`. broker-pages.md §2. */
import { type Adapter, hostIs } from './types.ts';

export const tradingviewSymbol: Adapter = {
  id: 'tradingview',
  matches: (url) =>
    hostIs(url, 'www.tradingview.com', '*.tradingview.com') && url.pathname.startsWith('/symbols/'),
  symbol: [
    // URL shape /symbols/<EXCHANGE>-<TICKER>/ (ScrapingBee README; High).
    { url: /\/symbols\/(?:[A-Z0-9_]+-)?([A-Z0-9._!]+)/i },
  ],
  price: [
    // Stable JS/QA hooks; the number sits in a child span, extra digits in <sup> (§2; High).
    { css: '[data-qa-id="symbol-last-value"]' },
    { css: '.js-symbol-last' },
    // Legacy 2019–2021 layout and the embedded single-quote widget.
    { css: '.tv-symbol-price-quote__value' },
  ],
};
