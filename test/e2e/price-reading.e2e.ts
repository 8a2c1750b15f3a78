/**
 * Reading the live price in real Chromium and Firefox ESR with the shipped build, on fixture pages
 * served under the real broker hostnames: every adapter follows ticks, a symbol switch drops the old
 * price, the TradingView legend is ignored while hovered, a jump is flagged, a widget iframe reports,
 * the generic detector guesses, the picker saves a selector, and the popup shows the reading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionSession, launch, UNMATCHED_HOST } from './harness/index.ts';

interface Reading {
  symbol: string | null;
  price: number | null;
  method: string;
  site: string;
  suspect: boolean;
  reason?: string;
  confidence: number;
  frameId: number;
}

/** Polls tab/reading from an extension page until `cond` (a JS expression over `r`) holds. */
function waitReading(s: ExtensionSession, tabId: number, cond: string, timeoutMs = 8000) {
  return s.extEval<Reading & { seen: Reading[] }>(`(async () => {
    const end = Date.now() + ${timeoutMs};
    const seen = [];
    let r = null;
    while (Date.now() < end) {
      const reply = await ext.runtime.sendMessage({ gexfocus: 1, type: 'tab/reading', payload: { tabId: ${tabId} } });
      r = reply?.value ?? null;
      if (r && (seen.length === 0 || seen.at(-1).at !== r.at)) seen.push(r);
      if (r && (${cond})) return { ...r, seen };
      await new Promise((ok) => setTimeout(ok, 50));
    }
    return { timeout: true, last: r, seen };
  })()`);
}

const SITES: [host: string, path: string, symbol: string][] = [
  ['www.tradingview.com', '/chart/abc/', 'AAPL'],
  ['www.tradingview.com', '/symbols/FX-USDJPY/', 'USDJPY'],
  ['finance.yahoo.com', '/quote/AAPL/', 'AAPL'],
  ['www.google.com', '/finance/quote/AAPL:NASDAQ', 'AAPL'],
  ['de.investing.com', '/equities/rheinmetall-ag', 'RHMG'],
  ['www.cnbc.com', '/quotes/IBM', 'IBM'],
  ['www.marketwatch.com', '/investing/stock/aapl', 'AAPL'],
  ['client2.interactivebrokers.com', '/portal/', 'AAPL'],
  ['digital.fidelity.com', '/ftgw/digital/trade-equity/index/orderEntry', 'AAPL'],
  ['trader.tradovate.com', '/', 'MESZ5'],
  ['app.ninjatrader.com', '/', 'MNQZ5'],
];

describe.each(BROWSERS)('%s reading prices', (browser) => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launch(browser);
    // Open the hidden extension page first: created lazily, it would otherwise become the active tab
    // during the first tabIdOf() and be mistaken for the fixture tab.
    await s.extEval('1');
  });
  afterAll(async () => {
    await s?.close();
  });

  async function open(host: string, path: string, query = 'hz=0') {
    const url = s.fixtureUrl(host, `${path}?${query}`);
    const tab = await s.newTab(url);
    return { tab, tabId: await s.tabIdOf(url.split('?')[0]!) };
  }

  it.each(SITES)('follows three ticks on %s%s', async (host, path, symbol) => {
    const { tab, tabId } = await open(host, path);
    for (let i = 0; i < 3; i++) {
      const p = await tab.eval<number>('fixture.tick()');
      const r = await waitReading(s, tabId, `r.price === ${p} && !r.suspect`);
      expect(r).toMatchObject({ symbol, price: p, method: 'adapter', suspect: false, frameId: 0 });
    }
    await tab.close();
  });

  it('drops the old price on a symbol switch and never reports it under the new symbol', async () => {
    const { tab, tabId } = await open('www.tradingview.com', '/chart/abc/');
    const old = await tab.eval<number>('fixture.tick()');
    await waitReading(s, tabId, `r.price === ${old}`);
    await tab.eval(`void fixture.switchSymbol('MSFT', 411.2, 1200)`);
    const r = await waitReading(s, tabId, `r.symbol === 'MSFT' && r.price === 411.2`);
    expect(r).toMatchObject({ symbol: 'MSFT', price: 411.2, suspect: false });
    const msft = r.seen.filter((x) => x.symbol === 'MSFT');
    expect(msft[0]).toMatchObject({ price: null });
    expect(msft.filter((x) => x.price !== null && x.price !== 411.2)).toEqual([]);
    await tab.close();
  });

  it('ignores the TradingView legend while the pointer is over the chart', async () => {
    const { tab, tabId } = await open('www.tradingview.com', '/chart/abc/', 'variant=legend&hz=0');
    const p = await tab.eval<number>('fixture.tick()');
    await waitReading(s, tabId, `r.price === ${p}`);
    await tab.hover('#chart');
    await tab.mouseMove(300, 150);
    expect(
      await tab.waitFor<string>(`document.getElementById('legend-c').textContent === '150.00' && 'hovered'`),
    ).toBe('hovered');
    const during = await waitReading(s, tabId, 'r.price === 150', 1500);
    expect(during).toMatchObject({ timeout: true });
    await tab.mouseMove(700, 450); // off the chart: the legend is live again
    const next = await tab.eval<number>('fixture.tick()');
    expect(await waitReading(s, tabId, `r.price === ${next}`)).toMatchObject({ price: next, suspect: false });
    await tab.close();
  });

  it('reports a jump far from the previous price as suspect', async () => {
    const { tab, tabId } = await open('www.cnbc.com', '/quotes/IBM');
    const p = await tab.eval<number>('fixture.tick()');
    await waitReading(s, tabId, `r.price === ${p}`);
    await tab.eval('fixture.tick(1901.2)');
    expect(await waitReading(s, tabId, 'r.price === 1901.2')).toMatchObject({
      suspect: true,
      reason: 'jump',
    });
    await tab.close();
  });

  it('keeps reading after the page clears every timer id it can count while it ticks', async () => {
    // A content script shares the window's timer ids with the page (src/content/timers.ts): while the
    // page ticks, the reader's observers are off and only its interval reads the next price.
    const { tab, tabId } = await open('www.cnbc.com', '/quotes/IBM', 'hz=20');
    await waitReading(s, tabId, 'r.price !== null');
    await new Promise((ok) => setTimeout(ok, 300));
    await tab.eval(
      '(() => { for (let id = 1; id < 100000; id++) { clearTimeout(id); clearInterval(id); } return true; })()',
    );
    for (const p of [191.37, 192.41]) {
      await tab.eval(`fixture.tick(${p})`);
      expect(await waitReading(s, tabId, `r.price === ${p}`)).toMatchObject({ price: p, suspect: false });
    }
    await tab.close();
  });

  it('finds a price drawn late on a large page among more changes than it looks at one by one', async () => {
    // Only a full look finds it. Each of the adapter's sources takes 0.1–0.3 ms over this page in
    // Chromium, 2–5 ms in Firefox, so Firefox's full looks after the first go one source a flush
    // (src/content/reader.ts, `steps`). At 300,000 elements Firefox takes 14–25 ms a source, and
    // the full looks' pace (200 × their cost) would keep this test waiting half a minute.
    const { tab, tabId } = await open('trader.tradovate.com', '/_shared/big-page.html', 'hz=20&n=50000');
    expect(await tab.eval<number>('fixture.elements')).toBeGreaterThan(50_000);
    await new Promise((ok) => setTimeout(ok, 1000)); // the first full look finds nothing
    await tab.eval(`(() => {
      const grid = document.getElementById('grid');
      for (let i = 0; i < 200; i++) grid.children[i * 20].append(document.createElement('i'));
      const row = document.createElement('div');
      row.className = 'fixedDataTableRowLayout_rowWrapper';
      for (const text of ['MESZ5', '6,050.25']) {
        const cell = document.createElement('div');
        cell.className = 'public_fixedDataTableCell_cellContent';
        cell.textContent = text;
        row.append(cell);
      }
      grid.children[4000].after(row);
      return true;
    })()`);
    const r = await waitReading(s, tabId, 'r.price === 6050.25', 20_000);
    expect(r).toMatchObject({ price: 6050.25, method: 'adapter', site: 'tradovate', suspect: false });
    await tab.eval(
      "document.querySelectorAll('.public_fixedDataTableCell_cellContent')[1].textContent = '6,051.50'",
    );
    expect(await waitReading(s, tabId, 'r.price === 6051.5')).toMatchObject({ price: 6051.5 });
    await tab.close();
  });

  it('reads a TradingView widget from inside its iframe on an unmatched host', async () => {
    const { tab, tabId } = await open(UNMATCHED_HOST, '/tv-widget.html', 'hz=4');
    const r = await waitReading(s, tabId, 'r.price !== null');
    expect(r).toMatchObject({ symbol: 'MSFT', method: 'adapter', site: 'tradingview' });
    expect(r.frameId).not.toBe(0);
    const later = await waitReading(s, tabId, `r.price !== ${r.price}`);
    expect(later.price).not.toBe(r.price);
    await tab.close();
  });

  it('guesses with the generic detector on a matched host page without adapter structure', async () => {
    const { tab, tabId } = await open('www.marketwatch.com', '/tools/quote');
    const p = await tab.eval<number>('fixture.tick()');
    const r = await waitReading(s, tabId, `r.price === ${p}`);
    expect(r).toMatchObject({ symbol: 'SPY', method: 'generic' });
    expect(r.confidence).toBeLessThan(0.7);
    const popup = await s.newTab(s.extUrl(`src/popup/index.html?tab=${tabId}`));
    expect(
      await popup.waitFor<string>(`document.body.innerText.includes('guess') && document.body.innerText`),
    ).toContain('SPY');
    await popup.close();
    await tab.close();
  });

  it('lets the user pick the price, follows it, and forgets it', async () => {
    const { tab, tabId } = await open('www.cnbc.com', '/pick/');
    const popup = await s.newTab(s.extUrl(`src/popup/index.html?tab=${tabId}`));
    await popup.waitFor(`document.querySelector('[data-testid=pick]')`);
    await popup.click('[data-testid=pick]');
    await tab.waitFor(`document.querySelector('gexfocus-picker') !== null`);
    // A real click where the price is: the picker's shield covers the page while picking, so the
    // click lands on it (and never on the page's element); Playwright's element click would refuse.
    const at = await tab.eval<{ x: number; y: number }>(
      `(() => { const b = document.querySelector('.num-Qq83Lm').getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; })()`,
    );
    await tab.clickAt(at.x, at.y);
    const r = await waitReading(s, tabId, `r.method === 'picker' && r.price === 441.08`);
    expect(r).toMatchObject({ method: 'picker', price: 441.08, suspect: false });
    expect(await tab.eval('document.querySelector("gexfocus-picker")')).toBeNull();
    for (let i = 0; i < 3; i++) {
      const p = await tab.eval<number>('fixture.tick()');
      expect(await waitReading(s, tabId, `r.price === ${p}`)).toMatchObject({ method: 'picker', price: p });
    }
    const saved = await s.extEval<Record<string, { selectors: string[] }>>(
      `ext.storage.local.get('pickers').then((x) => x.pickers)`,
    );
    expect(saved['www.cnbc.com']?.selectors.length).toBeGreaterThan(0);
    await popup.goto(s.extUrl(`src/popup/index.html?tab=${tabId}`));
    await popup.waitFor(`document.querySelector('[data-testid=forget]')`);
    await popup.click('[data-testid=forget]');
    await popup.waitFor(`document.body.innerText.includes('Forgot')`);
    const after = await s.extEval<Record<string, unknown>>(
      `ext.storage.local.get('pickers').then((x) => x.pickers)`,
    );
    expect(after['www.cnbc.com']).toBeUndefined();
    await popup.close();
    await tab.close();
  });

  it('shows the reading in the popup', async () => {
    const { tabId } = await open('finance.yahoo.com', '/quote/AAPL/', 'hz=1');
    await waitReading(s, tabId, 'r.price !== null');
    const popup = await s.newTab(s.extUrl(`src/popup/index.html?tab=${tabId}`));
    await popup.setViewport(360, 400);
    const text = await popup.waitFor<string>(
      `document.querySelector('[data-testid=reading-price]') && document.body.innerText`,
    );
    expect(text).toContain('AAPL');
    expect(text).toContain('yahoo');
    await popup.screenshot('popup-reading', { selector: 'body' });
  });
});
