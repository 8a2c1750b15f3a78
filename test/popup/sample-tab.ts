/** A tab's reading and glance as the popup gets them (Google Finance's .INX just above the flip). */
import type { TabGlance, TabReading } from '../../src/messaging/types.ts';

export const NOW = Date.parse('2026-12-01T16:00:00Z');

export const sampleReading: TabReading = {
  tabId: 7,
  frameId: 0,
  frameUrl: 'https://www.google.com/finance/quote/.INX:INDEXSP',
  at: NOW - 1000,
  symbol: '.INX',
  price: 4505.1,
  text: '4,505.10',
  site: 'google-finance',
  method: 'adapter',
  confidence: 0.95,
  suspect: false,
};

export const sampleGlance: TabGlance = {
  status: 'glance',
  symbol: '.INX',
  pagePrice: 4505.1,
  underlying: 'SPX',
  verdict: 'stabilizing',
  regime: 'stabilizing',
  flip: 4494.3,
  netGex: 3.6e9,
  asOf: new Date(NOW - 3600_000).toISOString(),
  evaluatedAt: NOW,
  atSnapshot: false,
  used: 18_000,
  scope: 'all',
};
