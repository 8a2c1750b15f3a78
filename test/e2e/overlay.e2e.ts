/**
 * The overlay in real Chromium and Firefox with the shipped build and a LIVE chain (the shared SPX
 * chain moved forward by whole weeks, test/fixtures/live-chain.ts, its snapshot re-stamped half an hour
 * ago), one browser launch per browser:
 * - the pill shows what the engine (src/core) gives at the page's price and the clock, and follows a
 *   tick across the flip; it opens into the card and closes; moves by mouse, finger and keys and keeps
 *   its place per site across a reload; shrinks to a dot; obeys the keyboard command and the site and
 *   global switches; is grey when the price is not trusted; stays above the page's popover and dialog;
 *   leaves nothing about the verdict in the page's DOM;
 * - the page: its pixels are unchanged (hidden = as without the extension; shown = only its own box),
 *   a page whose CSS attacks everything cannot break it, and on every built-in site's page it keeps
 *   clear of the price element the reader follows; the picker takes only the user's real click;
 * - light and dark pages, 100 % and 200 % zoom, and the system in dark mode.
 * The page-level checks live in overlay-page-checks.ts (same session). The pill is in a closed shadow
 * root: the test reads it as DevTools does (harness shadowEval), which no page can. Screenshots (look at them): overlay-pill-light, overlay-card-light, overlay-stale,
 * overlay-dark-page, overlay-zoom-200, overlay-hostile-css, layout-*, overlay-dark-scheme-*.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, DOT, PILL } from '../../src/content/overlay/styles.ts';
import { formatDistance, formatPrice } from '../../src/ui/format.ts';
import { BROWSERS, type ExtensionSession, launch, type Tab } from './harness/index.ts';
import {
  centre,
  clearPrices,
  HOST,
  type LiveSpx,
  liveSpx,
  message,
  overlap,
  saveChain,
  shown,
  textRect,
  waitShown,
} from './overlay-helpers.ts';
import {
  aboveThePage,
  clearOnEverySite,
  hostileCss,
  layoutUnchanged,
  pickerTrust,
} from './overlay-page-checks.ts';
import { SITES } from './overlay-sites.ts';

const PATH = '/finance/quote/SPX:INDEXSP';
const SHORTCUT = 'Alt+Shift+G';
const WORD: Record<string, string> = {
  stabilizing: 'Stabilizing',
  accelerating: 'Accelerating',
  transition: 'Transition',
};
const flipText = (flip: number | null, S: number) =>
  flip === null ? 'no flip near' : `flip ${formatDistance(flip, S)}`;
const focusBar = (tab: Tab) =>
  tab.shadowEval('gexfocus-overlay', `(root) => { root.querySelector('.bar').focus(); return true; }`);

describe.each(BROWSERS)('%s overlay', (browser) => {
  let s: ExtensionSession;
  let spx: LiveSpx;
  let tab: Tab;
  let url: string;
  let first: { S: number; regime: string };
  let second: { S: number; regime: string };
  const settings = (patch: Record<string, unknown>) => message(s, 'settings/update', { patch });

  beforeAll(async () => {
    s = await launch(browser, { colorScheme: 'light' });
    spx = liveSpx(Date.now());
    const clear = clearPrices(spx, Date.now());
    first = clear[0]!;
    // The tick crosses to the other regime when the chain has one within ±6 %, else moves within it.
    second = clear.find((c) => c.regime !== first.regime) ?? clear.at(-1)!;
    await s.extEval('1'); // the hidden extension page first, so tabIdOf() finds the fixture tab
    await saveChain(s, spx.chain);
    // Every site fixture's symbol answers to the SPX chain too, converted by a ratio to the SPX level.
    const { value } = await message<{ chains: { aliases: string[]; aliasConversions: object }[] }>(
      s,
      'chains/list',
      null,
    );
    const ratios = Object.fromEntries(
      SITES.map(([, , sym, p]) => [sym, { kind: 'ratio', ratio: 4505.1 / p }]),
    );
    const aliases = [...new Set([...value.chains[0]!.aliases, ...SITES.map((x) => x[2])])];
    expect(
      (
        await message(s, 'chains/mapping', {
          underlying: 'SPX',
          aliases,
          aliasConversions: { ...value.chains[0]!.aliasConversions, ...ratios },
        })
      ).ok,
    ).toBe(true);
    url = s.fixtureUrl('www.google.com', `${PATH}?hz=0&price=${first.S}`);
    tab = await s.newTab(url);
    await tab.setViewport(1000, 600);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the verdict the engine gives at the page price and the clock, in a pill of fixed size', async () => {
    const v = await waitShown(tab, (x) => x.label.includes(formatPrice(first.S)));
    const e = spx.engine(first.S, Date.now());
    expect([v.word, v.flip, v.stale]).toEqual([WORD[e.regime], flipText(e.flip, first.S), false]);
    expect(v.glyph).toBe({ stabilizing: '+γ', accelerating: '−γ', transition: '≈' }[e.regime]);
    expect(v.line2).toMatch(/^\+1 %: (sell|buy) \$[\d.]+ (bn|m|k) \(≈ [\d,]+ ES\)$/);
    // About 240 × 32 and at most ~20,000 px², in the top layer, at the default bottom-left place.
    expect([v.box.w, v.box.h, v.box.w * v.box.h <= 20_000]).toEqual([PILL.width, PILL.height, true]);
    expect([v.topLayer, v.box.x, v.box.y + v.box.h]).toEqual([true, 8, 600 - 8]);
    expect(await tab.eval(`document.activeElement === document.body`)).toBe(true); // focus not taken
    await tab.screenshot('overlay-pill-light');
  });

  it('says the same verdict as the toolbar badge and the popup', async () => {
    const v = await shown(tab);
    const tabId = await s.tabIdOf(url);
    const badge = await s.extEval<string>(`ext.action.getBadgeText({ tabId: ${tabId} })`);
    expect(badge).toBe(v.glyph); // the badge's glyphs: +γ, −γ, ≈
    const analysis = await message<{ verdict: string }>(s, 'tab/analysis', { tabId });
    expect(WORD[analysis.value.verdict]).toBe(v.word);
  });

  it('shows a change of the model at once on a page whose price stands still, with the badge', async () => {
    const tabId = await s.tabIdOf(url);
    // Dealers short (long) every option: negative (positive) gamma at every price, the other verdict.
    const other = first.regime === 'stabilizing' ? 'accelerating' : 'stabilizing';
    const signs = other === 'accelerating' ? 'short-all' : 'long-all';
    expect((await settings({ signs })).ok).toBe(true);
    try {
      const v = await waitShown(tab, (x) => x.word === WORD[other]);
      expect(await s.extEval<string>(`ext.action.getBadgeText({ tabId: ${tabId} })`)).toBe(v.glyph);
    } finally {
      await settings({ signs: 'long-calls-short-puts' });
    }
    await waitShown(tab, (x) => x.word === WORD[spx.engine(first.S, Date.now()).regime]);
  });

  it('follows a tick across the flip with the engine’s answer there, at the same size', async () => {
    await tab.eval(`fixture.tick(${second.S})`);
    const v = await waitShown(tab, (x) => x.label.includes(formatPrice(second.S)));
    const e = spx.engine(second.S, Date.now());
    expect([v.word, v.flip]).toEqual([WORD[e.regime], flipText(e.flip, second.S)]);
    expect([v.box.w, v.box.h]).toEqual([PILL.width, PILL.height]); // the size never tells the verdict
    await tab.eval(`fixture.tick(${first.S})`);
    await waitShown(tab, (x) => x.label.includes(formatPrice(first.S)));
  });

  it('opens into the card with the levels in price order and what moves the hedge, and closes again', async () => {
    await tab.clickAt(centre((await shown(tab)).bar).x, centre((await shown(tab)).bar).y);
    const card = await waitShown(tab, (x) => x.mode === 'card');
    expect([card.box.w, card.box.h]).toEqual([CARD.width, CARD.height]);
    const prices = card.ladder.map((r) => Number(r[1]!.replace(/,/g, ''))).filter(Number.isFinite);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    expect(card.ladder.map((r) => r[0])).toEqual(
      expect.arrayContaining(['▶ Price', 'Gamma flip', 'Call wall', 'Put wall']),
    );
    const e = spx.engine(first.S, Date.now());
    const flip = Number(card.ladder.find((r) => r[0] === 'Gamma flip')![1]!.replace(/,/g, ''));
    if (e.flip !== null) expect(Math.abs(flip - e.flip)).toBeLessThan(0.5);
    expect(card.flows.map((r) => r[0])).toEqual([
      'Price +1 %',
      'Price −1 %',
      expect.stringMatching(/^Time to (\w{3} )?15:55$/),
      'IV +1 pt',
      'IV −1 pt',
    ]);
    for (const [, value] of card.flows)
      expect(value).toMatch(/^((buy|sell) \$[\d.]+ \w+ \(≈\u00a0[\d,]+\u00a0ES\)|no trade)$/);
    expect(card.later[0]?.[0]).toMatch(/^At (\w{3} )?15:55$/);
    await tab.screenshot('overlay-card-light');
    await tab.press('Escape');
    await waitShown(tab, (x) => x.mode === 'pill');
    // Keyboard: Enter or Space on the focused pill opens it, Escape closes it; a click on its bar too.
    await focusBar(tab);
    await tab.press('Enter');
    expect((await waitShown(tab, (x) => x.mode === 'card')).label).toContain('Enter shows less');
    await tab.press('Escape');
    await waitShown(tab, (x) => x.mode === 'pill');
    await tab.press('Space');
    const bar = (await waitShown(tab, (x) => x.mode === 'card')).bar;
    await tab.clickAt(centre(bar).x, centre(bar).y);
    await waitShown(tab, (x) => x.mode === 'pill');
  });

  it('moves with the mouse, a finger and the arrow keys, and keeps its place on this site after a reload', async () => {
    const a = await shown(tab);
    await tab.drag(centre(a.bar), { x: centre(a.bar).x + 300, y: centre(a.bar).y - 250 });
    const b = await waitShown(tab, (x) => x.box.x !== a.box.x);
    expect([b.box.x, b.box.y]).toEqual([a.box.x + 300, a.box.y - 250]);
    await tab.drag(
      centre(b.bar),
      { x: centre(b.bar).x - 100, y: centre(b.bar).y + 40 },
      { pointer: 'touch' },
    );
    const c = await waitShown(tab, (x) => x.box.x !== b.box.x);
    expect([c.box.x, c.box.y, c.mode]).toEqual([b.box.x - 100, b.box.y + 40, 'pill']); // a drag is not a click
    await focusBar(tab);
    await tab.press('ArrowUp', { shift: true });
    await tab.press('ArrowRight');
    const d = await waitShown(tab, (x) => x.box.y !== c.box.y && x.box.x !== c.box.x);
    expect([d.box.x - c.box.x, d.box.y - c.box.y]).toEqual([8, -40]);
    // Saved per site as fractions of the free space (after 400 ms without a key).
    await s.extEval(`(async () => {
      for (let i = 0; i < 50; i++) {
        const p = (await ext.storage.local.get('overlayPlaces')).overlayPlaces?.hosts?.['www.google.com'];
        if (p && Math.abs(8 + p.y * (600 - ${PILL.height} - 16) - ${d.box.y}) < 1) return true;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the place was not saved');
    })()`);
    await tab.goto(url);
    const after = await waitShown(tab, (x) => x.word !== '');
    expect([Math.round(after.box.x), Math.round(after.box.y)]).toEqual([
      Math.round(d.box.x),
      Math.round(d.box.y),
    ]);
    await tab.setViewport(500, 400); // clamped into a smaller window
    await waitShown(tab, (x) => x.box.x >= 8 && x.box.x + x.box.w <= 500 - 8 && x.box.y + x.box.h <= 400 - 8);
    await tab.setViewport(1000, 600);
    await waitShown(tab, (x) => Math.abs(x.box.x - d.box.x) < 1);
  });

  it('shrinks to a dot and back, and remembers the dot', async () => {
    const p = await shown(tab);
    await tab.clickAt(centre(p.min).x, centre(p.min).y);
    expect((await waitShown(tab, (x) => x.mode === 'dot')).box).toMatchObject({
      w: DOT.width,
      h: DOT.height,
    });
    await tab.goto(url);
    const again = await waitShown(tab, (x) => x.word !== '');
    expect(again.mode).toBe('dot');
    await tab.clickAt(centre(again.box).x, centre(again.box).y);
    await waitShown(tab, (x) => x.mode === 'pill');
  });

  it('keeps clear of the price it reads: dropped on it, it moves aside', async () => {
    const price = (await textRect(tab, '#quote'))!;
    const p = await shown(tab);
    await tab.drag(centre(p.bar), centre(price));
    const after = await waitShown(tab, (x) => x.box.x !== p.box.x || x.box.y !== p.box.y);
    expect(overlap(after.box, price)).toBe(false);
    expect(after.box.y).toBeGreaterThanOrEqual(price.y + price.h);
  });

  it('still moves aside from the price on a page that cancels every animation frame id', async () => {
    // A page shares its frame ids with the content script: this one cancels every id up to its own
    // latest, every 4 ms, so nearly every frame the overlay asks for is cancelled before it runs.
    await tab.eval(`(() => {
      window.cancelFrames = setInterval(() => {
        const top = requestAnimationFrame(() => {});
        for (let id = top; id > 0 && id > top - 10000; id--) cancelAnimationFrame(id);
      }, 4);
      return true;
    })()`);
    try {
      const p = await shown(tab);
      // The page moves the price under the overlay; its next ticks must make it move aside.
      await tab.eval(`(() => {
        const q = document.querySelector('#quote');
        q.style.cssText = 'position:fixed;left:${Math.round(p.box.x + 4)}px;top:${Math.round(p.box.y + 2)}px;margin:0';
        return true;
      })()`);
      const price = (await textRect(tab, '#quote'))!;
      expect(overlap(p.box, price)).toBe(true);
      // The look at the price is due on a push (at most every 2 s): tick until it moved, 15 s at most.
      const end = Date.now() + 15_000;
      let x = p;
      for (let n = 1; overlap(x.box, price) && Date.now() < end; n++) {
        await tab.eval(`fixture.tick(${first.S + (n % 2) / 100})`);
        await new Promise((ok) => setTimeout(ok, 250));
        x = await shown(tab);
      }
      expect(overlap(x.box, price)).toBe(false);
    } finally {
      await tab.eval(`(() => {
        clearInterval(window.cancelFrames);
        document.querySelector('#quote').style.cssText = '';
        return true;
      })()`);
      await tab.eval(`fixture.tick(${first.S})`);
    }
  });

  it('is grey with the reason when the price is not trusted, and shows the verdict again once it is', async () => {
    await tab.eval(`fixture.tick(${Math.round(first.S * 1.2 * 100) / 100})`); // a jump is not trusted at once
    const grey = await waitShown(tab, (x) => x.stale);
    expect(grey.line2).toBe('price jumped, unconfirmed');
    expect(grey.colour).toMatch(/rgb\((107, 114, 128|156, 163, 175)\)/); // the grey, not a verdict colour
    expect([grey.box.w, grey.box.h]).toEqual([PILL.width, PILL.height]);
    await tab.eval(`fixture.tick(${first.S})`); // back before the jump is confirmed (5 s)
    await tab.screenshot('overlay-stale');
    await waitShown(tab, (x) => !x.stale && x.label.includes(formatPrice(first.S)));
  });

  it('stays above the page’s own popover and modal dialog', async () => {
    await aboveThePage(s, tab, url);
  });

  it('leaves nothing about the verdict in the page’s DOM', async () => {
    const host = await tab.eval(`(() => {
      const h = ${HOST};
      const cs = getComputedStyle(h);
      return { attrs: h.attributes.length, text: h.textContent, shadow: h.shadowRoot !== null, size: cs.width + ' ' + cs.height, children: h.childNodes.length };
    })()`);
    expect(host).toEqual({ attrs: 0, text: '', shadow: false, size: '0px 0px', children: 0 });
    expect(await tab.eval(`document.querySelector('[data-gexfocus-verdict]')`)).toBeNull();
  });

  it('hides and shows with the keyboard command, and follows the site and global switches', async () => {
    await s.pressShortcut(url, SHORTCUT);
    await tab.waitFor(`!${HOST}`);
    await s.pressShortcut(url, SHORTCUT);
    await tab.waitFor(HOST);
    await settings({ overlaySites: { 'www.google.com': false } });
    await tab.waitFor(`!${HOST}`);
    await settings({ overlay: false, overlaySites: { 'www.google.com': true } });
    await tab.waitFor(HOST);
    await settings({ overlaySites: {} });
    await tab.waitFor(`!${HOST}`);
    await s.pressShortcut(url, SHORTCUT); // the command shows it on this tab even with the overlay off
    await tab.waitFor(HOST);
    await settings({ overlay: true });
    await tab.waitFor(HOST);
  });

  it('stays legible on a dark page and at 200 % zoom', async () => {
    await tab.goto(s.fixtureUrl('www.google.com', `${PATH}?hz=0&theme=dark&price=${first.S}`));
    const v = await waitShown(tab, (x) => x.word !== '');
    await tab.screenshot('overlay-dark-page');
    const tabId = await s.tabIdOf(s.fixtureUrl('www.google.com', PATH));
    await s.extEval(`ext.tabs.setZoom(${tabId}, 2)`);
    // 200 %: half as many CSS px; the pill keeps its CSS size and stays inside.
    const zoomed = await waitShown(tab, (x) => x.box.y !== v.box.y);
    expect([zoomed.box.w, zoomed.box.h, await tab.eval('innerWidth')]).toEqual([
      PILL.width,
      PILL.height,
      500,
    ]);
    expect(zoomed.box.y + zoomed.box.h).toBeLessThanOrEqual(300 - 8 + 0.5);
    await tab.screenshot('overlay-zoom-200');
    await s.extEval(`ext.tabs.setZoom(${tabId}, 1)`);
  });

  it('leaves the page’s own pixels alone: hidden it is as if not installed, shown it touches only its box', async () => {
    await layoutUnchanged(s, tab);
  });

  it('keeps its look and its box on a page whose CSS attacks every element', async () => {
    await hostileCss(s, tab);
  });

  it('keeps clear of the price element the reader follows on every built-in site’s page', async () => {
    await clearOnEverySite(s, tab);
  });

  it('picks only on the user’s own click, and the pick click never reaches the page', async () => {
    await pickerTrust(s, tab);
  });

  it('draws in dark colours when the system is dark, on a light and on a dark page', async () => {
    await s.setColorScheme('dark');
    await tab.goto(s.fixtureUrl('www.google.com', `${PATH}?hz=0&price=${first.S}`));
    expect(await tab.eval(`matchMedia('(prefers-color-scheme: dark)').matches`)).toBe(true);
    const v = await waitShown(tab, (x) => x.word !== '');
    expect(v.colour).toMatch(/rgb\((86, 180, 233|230, 159, 0|240, 228, 66)\)/); // Okabe–Ito, dark scheme
    await tab.screenshot('overlay-dark-scheme-light-page');
    await tab.clickAt(centre(v.bar).x, centre(v.bar).y);
    await waitShown(tab, (x) => x.mode === 'card');
    await tab.screenshot('overlay-dark-scheme-card');
    await tab.goto(s.fixtureUrl('www.google.com', `${PATH}?hz=0&theme=dark&price=${first.S}`));
    await waitShown(tab, (x) => x.word !== '');
    await tab.screenshot('overlay-dark-scheme-dark-page');
  });
});
