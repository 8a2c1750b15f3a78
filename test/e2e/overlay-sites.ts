/**
 * Every built-in site's fixture page (test/content/adapters-fixtures.test.ts) with the symbol it shows
 * and its price, and the element the reader follows there: the first of the adapter's price sources
 * that the page shows (src/content/locate.ts reads them in that order).
 */
import { findAdapter } from '../../src/content/adapters/registry.ts';
import type { Tab } from './harness/index.ts';

export const SITES = [
  ['www.tradingview.com', '/chart/abc/', 'AAPL', 190.12],
  ['www.tradingview.com', '/symbols/FX-USDJPY/', 'USDJPY', 150.123],
  ['s.tradingview.com', '/widgetembed/?symbol=NASDAQ%3AMSFT', 'MSFT', 411.2],
  ['finance.yahoo.com', '/quote/AAPL/', 'AAPL', 190.12],
  ['www.google.com', '/finance/quote/AAPL:NASDAQ', 'AAPL', 178.72],
  ['de.investing.com', '/equities/rheinmetall-ag', 'RHMG', 1734.5],
  ['www.cnbc.com', '/quotes/IBM', 'IBM', 190.12],
  ['www.marketwatch.com', '/investing/stock/aapl', 'AAPL', 511.36],
  ['client2.interactivebrokers.com', '/portal/#/dashboard/positions', 'AAPL', 190.12],
  ['digital.fidelity.com', '/ftgw/digital/trade-equity/index/orderEntry', 'AAPL', 190.12],
  ['trader.tradovate.com', '/', 'MESZ5', 6012.25],
  ['app.ninjatrader.com', '/', 'MNQZ5', 21012.25],
] as const;

/** The selector of the element the reader follows on the page, or null when it reads the title. */
export async function readElement(tab: Tab, url: string, symbol: string): Promise<string | null> {
  const adapter = findAdapter(new URL(url))!;
  // The title is read first where an adapter lists it first (TradingView's chart): it has no box.
  if (adapter.price[0]?.css === 'title' && /\d/.test(await tab.eval<string>('document.title'))) return null;
  const candidates = adapter.price
    .filter((src) => src.css && src.css !== 'title')
    .map((src) => ({ css: src.css!.replaceAll('{symbol}', symbol), attr: src.attr ?? null }));
  return tab.eval<string | null>(`(() => {
    for (const c of ${JSON.stringify(candidates)}) {
      const el = document.querySelector(c.css);
      const text = el && (c.attr ? el.getAttribute(c.attr) : el.textContent);
      if (text && /\\d/.test(text)) return c.css;
    }
    return null;
  })()`);
}
