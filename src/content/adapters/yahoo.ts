/** Yahoo Finance `/quote/SYM/`. broker-pages.md §3. */
import { type Adapter, hostIs } from './types.ts';

export const yahoo: Adapter = {
  id: 'yahoo',
  matches: (url) =>
    hostIs(url, 'finance.yahoo.com', '*.finance.yahoo.com') && url.pathname.startsWith('/quote/'),
  symbol: [
    // Main price streamer's data-symbol, scoped to the quote header (2024+ Svelte layout; High).
    {
      css: 'section[data-testid="quote-price"] fin-streamer[data-field="regularMarketPrice"]',
      attr: 'data-symbol',
    },
    { css: '[data-testid="qsp-price"]', attr: 'data-symbol' },
    // Header title "Apple Inc. (AAPL)".
    { css: 'section[data-testid="quote-hdr"] h1', re: /\(([^()]+)\)\s*$/ },
    { url: /\/quote\/([^/?#]+)/ },
  ],
  price: [
    // Raw number in data-value, scoped to the current symbol: the ticker ribbon has other streamers (§3 pitfall).
    { css: 'fin-streamer[data-testid="qsp-price"][data-symbol="{symbol}"]', attr: 'data-value' },
    { css: 'fin-streamer[data-field="regularMarketPrice"][data-symbol="{symbol}"]', attr: 'data-value' },
    // Visible text of the same streamer (when data-value is missing).
    { css: '[data-testid="qsp-price"]' },
    // 2022–23 Atomic CSS layout: `value` attribute, data-test instead of data-testid.
    { css: '#quote-header-info fin-streamer[data-field="regularMarketPrice"]', attr: 'value' },
  ],
  decimal: () => '.',
};
