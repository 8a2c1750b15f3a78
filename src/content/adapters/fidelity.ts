/** Fidelity trade ticket / Trader+ (digital.fidelity.com). broker-pages.md §10. */
import { type Adapter, hostIs } from './types.ts';

export const fidelity: Adapter = {
  id: 'fidelity',
  matches: (url) => hostIs(url, 'digital.fidelity.com', '*.fidelity.com'),
  symbol: [
    // Symbol input of the trade ticket (labelled "Symbol"; ≥7 automation repos).
    { css: '#eq-ticket-dest-symbol', attr: 'value' },
    { css: 'input[aria-label="Symbol" i]', attr: 'value' },
    { css: '#quote-panel .symbol, #quote-panel [data-symbol]' },
  ],
  price: [
    // "$123.45" in the quote panel (High).
    { css: '#eq-ticket__last-price > span.last-price' },
    { css: '#quote-panel .last-price', confidence: 0.8 },
    // Fidelity UK price cell in pence ("1,234.5p").
    { css: 'div[data-test="latest-price-cell"]', confidence: 0.7 },
  ],
  decimal: () => '.',
};
