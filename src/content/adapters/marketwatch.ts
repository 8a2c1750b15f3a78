/** MarketWatch `/investing/<type>/<sym>`. broker-pages.md §7. */
import { type Adapter, hostIs } from './types.ts';

export const marketwatch: Adapter = {
  id: 'marketwatch',
  matches: (url) => hostIs(url, 'www.marketwatch.com') && url.pathname.startsWith('/investing/'),
  symbol: [
    // `.company__ticker` appears twice; both carry the ticker (Stock_Scraping; High).
    { css: '.company__ticker' },
    { url: /\/investing\/[^/]+\/([^/?#]+)/ },
  ],
  price: [
    // Intraday price custom element (Stock_Scraping main.py; High).
    { css: 'h2.intraday__price bg-quote' },
    { css: 'bg-quote.value[field="Last" i]' },
    { css: 'bg-quote.value', confidence: 0.7 },
    // Snapshot from the page's meta tag: not live, so a low confidence (§7).
    { css: 'meta[name="price"]', attr: 'content', confidence: 0.4 },
  ],
  decimal: () => '.',
};
