/** Interactive Brokers Client Portal (positions and quote pages). broker-pages.md §9. */
import { type Adapter, hostIs } from './types.ts';

export const ibkr: Adapter = {
  id: 'ibkr',
  matches: (url) =>
    hostIs(url, '*.interactivebrokers.com', '*.interactivebrokers.ie', '*.interactivebrokers.co.uk') &&
    url.pathname.startsWith('/portal'),
  symbol: [
    // Quote page header ticker (`.quote-symbol div`; Medium).
    { css: '.quote-main .quote-symbol div' },
    { css: '.quote-symbol' },
    // First positions row: symbol text inside the conid cell (ctubio extension; High).
    { css: '#cp-ptf-positions-table0 td[conid] span[dir]' },
    { css: 'td[conid] span[dir]' },
  ],
  price: [
    // FIX tag 31 = Last; "C" prefix = prior close, "H" = halted (parsed as not-live).
    { css: '.quote-main [fix="31"]' },
    { css: '#cp-ptf-positions-table0 tr:first-child [fix="31"]' },
    { css: '[fix="31"]', confidence: 0.8 },
  ],
};
