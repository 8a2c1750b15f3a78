/** Every built-in adapter, most specific first. Pure data, shared by the content script and the background. */
import { cnbc } from './cnbc.ts';
import { fidelity } from './fidelity.ts';
import { googleFinance } from './google-finance.ts';
import { ibkr } from './ibkr.ts';
import { investing } from './investing.ts';
import { marketwatch } from './marketwatch.ts';
import { tradingviewChart } from './tradingview.ts';
import { tradingviewSymbol } from './tradingview-symbol.ts';
import { tradovate } from './tradovate.ts';
import type { Adapter } from './types.ts';
import { yahoo } from './yahoo.ts';

export const ADAPTERS: readonly Adapter[] = [
  tradingviewSymbol,
  tradingviewChart,
  yahoo,
  googleFinance,
  investing,
  cnbc,
  marketwatch,
  ibkr,
  fidelity,
  tradovate,
];

export function findAdapter(url: URL): Adapter | undefined {
  return ADAPTERS.find((a) => a.matches(url));
}

/** Hosts where a built-in adapter may run (reading enabled by default there). */
export function isBuiltInHost(host: string): boolean {
  return BUILT_IN_HOSTS.some((h) =>
    h.startsWith('*.') ? host === h.slice(2) || host.endsWith(h.slice(1)) : host === h,
  );
}

const BUILT_IN_HOSTS = [
  '*.tradingview.com',
  'www.tradingview-widget.com',
  'finance.yahoo.com',
  '*.finance.yahoo.com',
  'www.google.com',
  '*.investing.com',
  'www.cnbc.com',
  'www.marketwatch.com',
  '*.interactivebrokers.com',
  '*.interactivebrokers.ie',
  '*.interactivebrokers.co.uk',
  '*.fidelity.com',
  '*.tradovate.com',
  '*.ninjatrader.com',
];
