/** A page's price report as the Google Finance adapter sends it (the background tests' input). */
import type { PageReport } from '../../src/messaging/types.ts';

export const URL_SPX = 'https://www.google.com/finance/quote/.INX:INDEXSP';

export const pageReport = (symbol: string, price: number, over: Partial<PageReport> = {}): PageReport => ({
  symbol,
  price,
  text: price.toFixed(2),
  site: 'google-finance',
  method: 'adapter',
  confidence: 1,
  suspect: false,
  frameUrl: URL_SPX,
  ...over,
});
