/** Tradovate and NinjaTrader Web (same GoldenLayout platform). broker-pages.md §11. */
import { type Adapter, hostIs } from './types.ts';

export const tradovate: Adapter = {
  id: 'tradovate',
  matches: (url) => hostIs(url, '*.tradovate.com', '*.ninjatrader.com'),
  symbol: [
    // Active GoldenLayout tab, text "<contract> <time>" (NinjaTrader Playwright bot; Medium).
    { css: '.lm_tab.lm_active .lm_title', re: /^\s*(\S+)/ },
    // Contract header of the trading module (tradovate_interface).
    { css: '.contract-symbol span' },
    { css: '.symbol-main' },
  ],
  price: [
    // Last price of the selected contract (tradovate_interface; `text-success` flashes on up ticks).
    { css: '.last-price-info .number' },
    // Trading-module row "LAST\n<price>\n<change>" (NinjaTrader bot): the price is the first number.
    { css: '.lm_items .gm-scroll-view > div:nth-child(2)', re: /^\s*LAST\s*([\d.,']+)/i, confidence: 0.8 },
    // Quote board: second cell of the first row is Last (get_market_data.js; Medium).
    {
      css: '.fixedDataTableRowLayout_rowWrapper .public_fixedDataTableCell_cellContent:nth-child(2)',
      confidence: 0.6,
    },
  ],
};
