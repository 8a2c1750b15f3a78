// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findAdapter } from '../../src/content/adapters/registry.ts';
import { sourceLocator } from '../../src/content/locate.ts';
import { type ReaderReport, startReader } from '../../src/content/reader.ts';
import { type LoadedFixture, loadFixture, settle } from './fixture-window.ts';

/** Every fixture page, the URL it stands for, the adapter that must claim it and its first reading. */
const CASES = [
  [
    'www.tradingview.com/chart.html',
    'https://www.tradingview.com/chart/abc/?hz=0',
    'tradingview',
    'AAPL',
    190.12,
  ],
  [
    'www.tradingview.com/symbols.html',
    'https://www.tradingview.com/symbols/FX-USDJPY/?hz=0',
    'tradingview',
    'USDJPY',
    150.123,
  ],
  [
    's.tradingview.com/widgetembed.html',
    'https://s.tradingview.com/widgetembed/?symbol=NASDAQ%3AMSFT&hz=0',
    'tradingview',
    'MSFT',
    411.2,
  ],
  ['finance.yahoo.com/quote.html', 'https://finance.yahoo.com/quote/AAPL/?hz=0', 'yahoo', 'AAPL', 190.12],
  [
    'www.google.com/finance/quote.html',
    'https://www.google.com/finance/quote/AAPL:NASDAQ?hz=0',
    'google-finance',
    'AAPL',
    178.72,
  ],
  [
    'de.investing.com/equities.html',
    'https://de.investing.com/equities/rheinmetall-ag?hz=0',
    'investing',
    'RHMG',
    1734.5,
  ],
  ['www.cnbc.com/quotes.html', 'https://www.cnbc.com/quotes/IBM?hz=0', 'cnbc', 'IBM', 190.12],
  [
    'www.marketwatch.com/investing.html',
    'https://www.marketwatch.com/investing/stock/aapl?hz=0',
    'marketwatch',
    'AAPL',
    511.36,
  ],
  [
    'client2.interactivebrokers.com/portal.html',
    'https://client2.interactivebrokers.com/portal/?hz=0#/dashboard/positions',
    'ibkr',
    'AAPL',
    190.12,
  ],
  [
    'digital.fidelity.com/ftgw/digital/trade-equity.html',
    'https://digital.fidelity.com/ftgw/digital/trade-equity/index/orderEntry?hz=0',
    'fidelity',
    'AAPL',
    190.12,
  ],
  ['trader.tradovate.com/index.html', 'https://trader.tradovate.com/?hz=0', 'tradovate', 'MESZ5', 6012.25],
  ['app.ninjatrader.com/index.html', 'https://app.ninjatrader.com/?hz=0', 'tradovate', 'MNQZ5', 21012.25],
] as const;

let page: LoadedFixture | undefined;
let stop: AbortController | undefined;
afterEach(async () => {
  stop?.abort();
  await page?.close();
});

function follow(file: string, url: string) {
  page = loadFixture(file, url);
  const adapter = findAdapter(new URL(url))!;
  const locator = sourceLocator(page.document, {
    method: 'adapter',
    site: adapter.id,
    decimal: adapter.decimal?.(new URL(url)),
    symbol: adapter.symbol,
    price: adapter.price,
  });
  const reports: ReaderReport[] = [];
  stop = new AbortController();
  startReader(page.document, locator, {
    signal: stop.signal,
    onReport: (r) => reports.push(r),
    minGapMs: 0,
    holdMs: 100,
  });
  return { adapter, reports, fixture: page.fixture, last: () => reports.at(-1) };
}

describe.each(CASES)('the adapter on %s', (file, url, id, symbol, first) => {
  it('claims the page, reads its symbol and price and follows three ticks including re-renders', async () => {
    const { adapter, reports, fixture } = follow(file, url);
    expect(adapter.id).toBe(id);
    await settle(900); // the TradingView symbol page and IBKR "connect" after a delay
    if (id === 'ibkr') fixture.tick(first); // the first render is the prior close, flagged below
    await settle();
    expect(reports.at(-1)).toMatchObject({ symbol, price: first, suspect: false });
    for (let i = 0; i < 3; i++) {
      const p = fixture.tick();
      await settle();
      expect(reports.at(-1)).toMatchObject({ symbol, price: p, suspect: false });
    }
  });
});

describe('reading robustly', () => {
  it('drops the old price before reporting the new symbol, and ignores the stale price text', async () => {
    const { reports, fixture } = follow(CASES[3][0], CASES[3][1]);
    await settle();
    const before = reports.length;
    const switched = fixture.switchSymbol('MSFT', 411.2, 50);
    await settle(20);
    expect(reports.slice(before)).toEqual([expect.objectContaining({ symbol: 'MSFT', price: null })]);
    await switched;
    await settle();
    expect(reports.at(-1)).toMatchObject({ symbol: 'MSFT', price: 411.2, suspect: false });
    expect(reports.slice(before).some((r) => r.symbol === 'MSFT' && r.price !== null && r.price < 300)).toBe(
      false,
    );
  });

  it('reports a far jump without a symbol change as suspect, then accepts a level that persists', async () => {
    const { last, fixture } = follow(CASES[6][0], CASES[6][1]);
    await settle();
    fixture.tick(1901.2);
    await settle();
    expect(last()).toMatchObject({ price: 1901.2, suspect: true, reason: 'jump' });
    fixture.tick(1901.3);
    await settle();
    fixture.tick(1901.4);
    await settle();
    expect(last()).toMatchObject({ price: 1901.4, suspect: false });
  });

  it("flags IBKR's C prefix as the prior close, not a live price", async () => {
    const { last } = follow(CASES[8][0], CASES[8][1]);
    await settle();
    expect(last()).toMatchObject({ price: 190.12, suspect: true, reason: 'prior-close' });
  });

  it('ignores the TradingView legend while the pointer is over the chart', async () => {
    const { last, fixture } = follow(CASES[0][0], CASES[0][1].replace('?', '?variant=legend&'));
    await settle();
    expect(last()).toMatchObject({ symbol: 'AAPL', price: 190.12 });
    const chart = page!.document.getElementById('chart')!;
    const View = page!.window;
    chart.dispatchEvent(new View.PointerEvent('pointerover', { bubbles: true }) as unknown as Event);
    chart.dispatchEvent(new View.MouseEvent('mousemove', { bubbles: true }) as unknown as Event);
    await settle();
    expect(page!.document.getElementById('legend-c')!.textContent).toBe('150.00');
    expect(last()).toMatchObject({ price: 190.12 });
    page!.document.documentElement.dispatchEvent(new View.PointerEvent('pointerleave') as unknown as Event);
    chart.dispatchEvent(new View.MouseEvent('mouseleave') as unknown as Event);
    await settle(150);
    const p = fixture.tick();
    await settle();
    expect(last()).toMatchObject({ price: p, suspect: false });
  });

  it('stops observing when its signal aborts', async () => {
    const { reports, fixture } = follow(CASES[6][0], CASES[6][1]);
    await settle();
    const n = reports.length;
    stop!.abort();
    fixture.tick();
    await settle(300);
    expect(reports.length).toBe(n);
  });
});
