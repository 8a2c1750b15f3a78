/**
 * The overlay and the page, in real Chromium and Firefox with the system in dark mode: the pill in
 * dark colours on a light and a dark page; the page's own pixels unchanged (the overlay hidden looks
 * exactly like the page without the extension, and shown it changes nothing outside its own box);
 * a page whose CSS attacks every element cannot break it; on every built-in site's fixture page it
 * keeps clear of the price element the reader follows; and the price picker takes only the user's
 * real clicks, none of which reaches the page.
 *
 * Screenshots: overlay-dark-scheme-light-page, overlay-dark-scheme-card, overlay-dark-scheme-dark-page,
 * overlay-hostile-css, layout-* (look at them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAdapter } from '../../src/content/adapters/registry.ts';
import { PILL } from '../../src/content/overlay/styles.ts';
import { BROWSERS, type ExtensionSession, launch, type Tab, UNMATCHED_HOST } from './harness/index.ts';
import {
  centre,
  HOST,
  liveSpx,
  message,
  overlap,
  pixelDiff,
  type Rect,
  saveChain,
  textRect,
  waitShown,
} from './overlay-helpers.ts';

const PATH = '/finance/quote/SPX:INDEXSP';
const SPOT = 4505.1;

/** Every built-in site's fixture page (test/content/adapters-fixtures.test.ts), with its symbol and price. */
const SITES = [
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

/** The first price source of the page's adapter that the page shows: the element the reader follows. */
async function readElement(tab: Tab, url: string, symbol: string): Promise<string | null> {
  const adapter = findAdapter(new URL(url))!;
  const candidates = adapter.price
    .filter((src) => src.css && src.css !== 'title')
    .map((src) => ({ css: src.css!.replaceAll('{symbol}', symbol), attr: src.attr ?? null }));
  // The title is read first where an adapter lists it first (TradingView's chart): it has no box.
  if (adapter.price[0]?.css === 'title' && (await tab.eval<string>('document.title')).match(/\d/))
    return null;
  return tab.eval<string | null>(`(() => {
    for (const c of ${JSON.stringify(candidates)}) {
      const el = document.querySelector(c.css);
      const text = el && (c.attr ? el.getAttribute(c.attr) : el.textContent);
      if (text && /\\d/.test(text)) return c.css;
    }
    return null;
  })()`);
}

describe.each(BROWSERS)('%s overlay on pages, in dark mode', (browser) => {
  let s: ExtensionSession;
  let tab: Tab;

  beforeAll(async () => {
    s = await launch(browser, { colorScheme: 'dark' });
    await s.extEval('1');
    await saveChain(s, liveSpx(Date.now()).chain);
    // Every fixture page's symbol answers to the SPX chain, converted by a ratio to the SPX level.
    const list = await message<{ chains: { aliases: string[]; aliasConversions: object }[] }>(
      s,
      'chains/list',
      null,
    );
    const spx = list.value.chains[0]!;
    const conversions = Object.fromEntries(
      SITES.map(([, , sym, p]) => [sym, { kind: 'ratio', ratio: SPOT / p }]),
    );
    const mapped = await message(s, 'chains/mapping', {
      underlying: 'SPX',
      aliases: [...new Set([...spx.aliases, ...SITES.map((x) => x[2])])],
      aliasConversions: { ...spx.aliasConversions, ...conversions },
    });
    expect(mapped.ok).toBe(true);
    tab = await s.newTab(s.fixtureUrl('www.google.com', `${PATH}?hz=0`));
    await tab.setViewport(1000, 600);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('draws the pill and the card in dark colours, on a light and on a dark page', async () => {
    const v = await waitShown(tab, (x) => x.word !== '');
    expect(await tab.eval(`matchMedia('(prefers-color-scheme: dark)').matches`)).toBe(true);
    // Okabe–Ito in the dark scheme: sky blue, orange, yellow (or the grey when not live).
    expect(v.colour).toMatch(/rgb\((86, 180, 233|230, 159, 0|240, 228, 66)\)/);
    await tab.screenshot('overlay-dark-scheme-light-page');
    await tab.clickAt(centre(v.bar).x, centre(v.bar).y);
    await waitShown(tab, (x) => x.mode === 'card');
    await tab.screenshot('overlay-dark-scheme-card');
    await tab.press('Escape');
    await tab.goto(s.fixtureUrl('www.google.com', `${PATH}?hz=0&theme=dark`));
    await waitShown(tab, (x) => x.word !== '' && x.mode === 'pill');
    await tab.screenshot('overlay-dark-scheme-dark-page');
  });

  it('leaves the page’s own pixels alone: hidden it is as if not installed, shown it touches only its box', async () => {
    const query = '?hz=0&price=4512.40';
    // The same file on a host no content script matches: the page without the extension.
    const bare = await s.newTab(s.fixtureUrl(UNMATCHED_HOST, `${PATH}${query}`));
    await bare.setViewport(1000, 600);
    await bare.mouseMove(990, 590);
    await bare.waitFor(`document.getElementById('shown').textContent === '4,512.40'`);
    const without = await bare.screenshot('layout-without-extension');
    await bare.close();
    const url = s.fixtureUrl('www.google.com', `${PATH}${query}`);
    await tab.goto(url);
    await tab.mouseMove(990, 590);
    const v = await waitShown(tab, (x) => x.word !== '');
    const withPill = await tab.screenshot('layout-with-overlay');
    // Outside the box and its shadow (4 px offset, 14 px blur) not one pixel changed.
    const around: Rect = { x: v.box.x - 20, y: v.box.y - 20, w: v.box.w + 40, h: v.box.h + 40 };
    expect(await pixelDiff(s, without, withPill, { exclude: around })).toBe(0);
    expect(await pixelDiff(s, without, withPill, { only: v.box })).toBeGreaterThan(0);
    await s.pressShortcut(url, 'Alt+Shift+G');
    await tab.waitFor(`!${HOST}`);
    const hidden = await tab.screenshot('layout-overlay-hidden');
    expect(await pixelDiff(s, without, hidden)).toBe(0);
    await s.pressShortcut(url, 'Alt+Shift+G');
    await tab.waitFor(HOST);
  });

  it('keeps its look and its box on a page whose CSS attacks every element', async () => {
    await tab.goto(s.fixtureUrl('www.cnbc.com', '/hostile.html?symbol=SPX'));
    const v = await waitShown(tab, (x) => x.word !== '');
    // The host's own box is what the page could restyle: the :host reset wins over
    // `* { all: unset; font-size: 40px !important }`.
    const host = await tab.eval<Record<string, string>>(`(() => {
      const cs = getComputedStyle(${HOST});
      return { position: cs.position, display: cs.display, fontSize: cs.fontSize, width: cs.width };
    })()`);
    expect(host).toEqual({ position: 'fixed', display: 'block', fontSize: '16px', width: '0px' });
    expect([v.box.w, v.box.h]).toEqual([PILL.width, PILL.height]);
    expect(v.word).toMatch(/^(Stabilizing|Accelerating|Transition)$/);
    const font = await tab.shadowEval<string>(
      'gexfocus-overlay',
      `(root) => getComputedStyle(root.querySelector('.word')).fontSize`,
    );
    expect(font).toBe('13px');
    // Only its own box takes clicks: the page's link still gets them.
    expect(
      await tab.eval(`(() => {
        const r = document.getElementById('link').getBoundingClientRect();
        return document.elementFromPoint(r.left + 5, r.top + r.height / 2)?.id ?? null;
      })()`),
    ).toBe('link');
    expect(
      await tab.eval(`document.elementFromPoint(${centre(v.box).x}, ${centre(v.box).y}) === ${HOST}`),
    ).toBe(true);
    expect(
      await tab.eval(`document.elementFromPoint(${v.box.x + v.box.w + 30}, ${centre(v.box).y}) === ${HOST}`),
    ).toBe(false);
    await tab.screenshot('overlay-hostile-css');
  });

  it('keeps clear of the price element the reader follows on every built-in site’s page', async () => {
    for (const [host, path, symbol] of SITES) {
      const url = s.fixtureUrl(host, `${path}${path.includes('?') ? '&' : '?'}hz=0`);
      await tab.goto(url);
      const v = await waitShown(tab, (x) => x.word !== '', 20_000);
      const selector = await readElement(tab, url, symbol);
      if (!selector) continue; // read from the title: nothing on the page to keep clear of
      const price = (await textRect(tab, selector))!;
      expect(overlap(v.box, price), `${host}: at its place`).toBe(false);
      // Dropped right on the price, it moves aside.
      await tab.drag(centre(v.bar), centre(price));
      const after = await waitShown(tab, (x) => x.box.x !== v.box.x || x.box.y !== v.box.y);
      expect(overlap(after.box, price), `${host}: dropped on the price`).toBe(false);
      await s.extEval(`ext.storage.local.remove('overlayPlaces')`);
    }
  });

  it('picks only on the user’s own click, and the pick click never reaches the page', async () => {
    const url = s.fixtureUrl('www.cnbc.com', '/pick/?hz=0');
    await tab.goto(url);
    const tabId = await s.tabIdOf(url);
    // The page listens to everything, capture first, on window (before any listener of ours could).
    await tab.eval(`(() => {
      window.__seen = [];
      for (const t of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
        window.addEventListener(t, (e) => __seen.push(t + ':' + (e.target.className || e.target.localName)), true);
      return true;
    })()`);
    const started = await message<{ started: boolean }>(s, 'picker/start', { tabId });
    expect(started.value.started).toBe(true);
    await tab.waitFor(`document.querySelector('gexfocus-picker') !== null`);
    // A synthetic click from the page on its own price is not the user: nothing is picked.
    await tab.eval(`document.querySelector('.num-Qq83Lm').click()`);
    await tab.eval(
      `document.querySelector('.num-Qq83Lm').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))`,
    );
    expect(await tab.eval(`document.querySelector('gexfocus-picker') !== null`)).toBe(true);
    await tab.eval(`window.__seen = []`);
    const price = (await textRect(tab, '.num-Qq83Lm'))!;
    await tab.clickAt(centre(price).x, centre(price).y);
    await tab.waitFor(`document.querySelector('gexfocus-picker') === null`);
    const saved = await s.extEval<Record<string, { selectors: string[]; sample: string }>>(
      `ext.storage.local.get('pickers').then((x) => x.pickers ?? {})`,
    );
    expect(saved['www.cnbc.com']?.sample).toMatch(/^\d+\.\d{2}$/);
    // The page saw the click land on our shield (its host), never on its price element.
    const seen = await tab.eval<string[]>('__seen');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((x) => x.endsWith(':gexfocus-picker'))).toBe(true);
    await message(s, 'picker/forget', { tabId });
  });
});
