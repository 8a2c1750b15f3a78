/**
 * Hostnames the browsers resolve to our local fixture server. One concrete host per
 * manifest.json content_scripts pattern, so the shipped content script runs on them unchanged,
 * plus one host it must NOT match (for "generic page" tests).
 */
export const BROKER_HOSTS = [
  'www.tradingview.com',
  's.tradingview.com',
  'finance.yahoo.com',
  'www.google.com',
  'www.investing.com',
  'de.investing.com',
  'www.cnbc.com',
  'www.marketwatch.com',
  'www.interactivebrokers.com',
  'client2.interactivebrokers.com',
  'digital.fidelity.com',
  'trader.tradovate.com',
  'app.ninjatrader.com',
] as const;

/** Not matched by any content-script pattern: the content script must stay out of it. */
export const UNMATCHED_HOST = 'www.example-broker.test';

export const FIXTURE_HOSTS: readonly string[] = [...BROKER_HOSTS, UNMATCHED_HOST];
