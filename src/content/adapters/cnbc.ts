/** CNBC `/quotes/SYM`. broker-pages.md §6. */
import { type Adapter, hostIs } from './types.ts';

export const cnbc: Adapter = {
  id: 'cnbc',
  matches: (url) => hostIs(url, 'www.cnbc.com') && url.pathname.startsWith('/quotes/'),
  symbol: [
    // "IBM:NYSE" (scrape_cnbc.js; High).
    { css: '.QuoteStrip-symbolAndExchange', re: /^\s*([^:\s]+)/ },
    { url: /\/quotes\/([^/?#]+)/ },
  ],
  price: [
    // Regular-session strip; the first .QuoteStrip-lastPrice on the page can be extended hours (§6 caveat).
    { css: '.QuoteStrip-lastPriceStripContainer .QuoteStrip-lastPrice' },
    // Legacy/any strip outside the extended-hours container.
    { css: '.QuoteStrip-lastTimeAndPriceContainer .QuoteStrip-lastPrice', confidence: 0.7 },
  ],
  decimal: () => '.',
};
