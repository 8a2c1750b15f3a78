/** Google Finance `/finance/quote/SYM:EXCH`. broker-pages.md §4. */
import { type Adapter, hostIs } from './types.ts';

export const googleFinance: Adapter = {
  id: 'google-finance',
  matches: (url) => hostIs(url, 'www.google.com') && url.pathname.startsWith('/finance/quote/'),
  symbol: [
    // The URL is the identity: quote/<SYM>:<EXCH> (High).
    { url: /\/finance\/quote\/([^:/?#]+)/ },
  ],
  price: [
    // Unformatted number on the main quote block, the first in document order (related cards follow; High).
    { css: 'main [data-last-price]', attr: 'data-last-price' },
    { css: '[data-last-price]', attr: 'data-last-price' },
    // Visible "$178.72" (obfuscated class names; Medium).
    { css: 'div.YMlKec.fxKbKc', confidence: 0.7 },
  ],
  decimal: () => '.',
};
