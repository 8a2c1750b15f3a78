/** Investing.com instrument pages (all language subdomains). broker-pages.md §5. */
import { type Adapter, hostIs } from './types.ts';

export const investing: Adapter = {
  id: 'investing',
  matches: (url) => hostIs(url, 'investing.com', '*.investing.com'),
  symbol: [
    // Instrument title; the ticker is in parentheses when present, e.g. "Apple Inc (AAPL)".
    { css: 'h1', re: /\(([^()]+)\)\s*$/ },
    { css: 'h1' },
  ],
  price: [
    // data-test hooks of the current layout (Selenium scrapers; High).
    { css: '[data-test="instrument-price-last"]' },
    // Legacy ids/classes (ru.investing.com etc.) and the streaming pid-<id>-last class.
    { css: '#last_last' },
    { css: '[class*="instrument-price_last"]', confidence: 0.8 },
    { css: '[class^="pid-"][class$="-last"]', confidence: 0.7 },
  ],
  // Localised subdomains print 1.234,56 (Turkish scraper in §5); www is English.
  decimal: (url) => (/^(de|tr|ru|es|fr|it|pt|br|pl|nl)\./.test(url.hostname) ? ',' : '.'),
};
