/** Every built-in adapter, most specific first. The hosts they run on: src/core/built-in-hosts.ts. */
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
