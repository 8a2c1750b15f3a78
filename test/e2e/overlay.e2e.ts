/**
 * The overlay in real Chromium and Firefox with the shipped build and a LIVE chain (the shared SPX
 * chain moved forward by whole weeks, snapshot re-stamped half an hour ago): the pill shows the verdict
 * the engine gives at the page's price and the clock, follows ticks, opens into the card and closes,
 * moves by mouse, finger and keys and keeps its place per site across a reload, shrinks to a dot,
 * obeys the keyboard command and the site and global switches, keeps clear of the price it reads, is
 * grey when the price is not trusted, stays above the page's own popover and modal dialog, and leaves
 * nothing about the verdict in the page's DOM.
 *
 * The pill lives in a closed shadow root: the test reads it the way DevTools does (harness
 * `shadowEval`), which no page can. Screenshots: overlay-pill-light, overlay-card-light,
 * overlay-dark-page, overlay-zoom-200, overlay-stale (look at them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, DOT, PILL } from '../../src/content/overlay/styles.ts';
import { formatDistance, formatPrice } from '../../src/ui/format.ts';
import { BROWSERS, type ExtensionSession, launch, type Tab } from './harness/index.ts';
import {
  centre,
  HOST,
  type LiveSpx,
  liveSpx,
  message,
  overlap,
  pixelDiff,
  type Shown,
  saveChain,
  shown,
  textRect,
  waitShown,
} from './overlay-helpers.ts';

const PATH = '/finance/quote/SPX:INDEXSP';
const SHORTCUT = 'Alt+Shift+G';
const WORDS: Record<string, string> = {
  stabilizing: 'Stabilizing',
  accelerating: 'Accelerating',
  transition: 'Transition',
};

/** A page price where the engine's regime is clear of the transition band (so hysteresis cannot hold it). */
function clearPrices(spx: LiveSpx, nowMs: number): { S: number; regime: string }[] {
  const out: { S: number; regime: string }[] = [];
  for (let k = -15; k <= 15; k++) {
    const S = Math.round(4505.1 * (1 + k * 0.004) * 100) / 100;
    const e = spx.engine(S, nowMs);
    const far = e.flip === null || Math.abs(e.flip / S - 1) > 0.006;
    if (e.regime !== 'transition' && Math.abs(e.balance) > 0.12 && far) out.push({ S, regime: e.regime });
  }
  return out;
}

const settings = (s: ExtensionSession, patch: Record<string, unknown>) =>
  message(s, 'settings/update', { patch });

describe.each(BROWSERS)('%s overlay', (browser) => {
  let s: ExtensionSession;
  let spx: LiveSpx;
  let tab: Tab;
  let url: string;
  let first: { S: number; regime: string };
  let second: { S: number; regime: string };

  beforeAll(async () => {
    s = await launch(browser, { colorScheme: 'light' });
    spx = liveSpx(Date.now());
    const clear = clearPrices(spx, Date.now());
    first = clear[0]!;
    // The tick crosses to the other regime when the chain has one within ±6 %, else moves within it.
    second = clear.find((c) => c.regime !== first.regime) ?? clear.at(-1)!;
    await s.extEval('1'); // the hidden extension page first, so tabIdOf() finds the fixture tab
    await saveChain(s, spx.chain);
    url = s.fixtureUrl('www.google.com', `${PATH}?hz=0&price=${first.S}`);
    tab = await s.newTab(url);
    await tab.setViewport(1000, 600);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the verdict the engine gives at the page price and the clock, in a pill of fixed size', async () => {
    const v = await waitShown(tab, (x) => x.word !== '' && x.label.includes(formatPrice(first.S)));
    const e = spx.engine(first.S, Date.now());
    expect(v.word).toBe(WORDS[e.regime]);
    expect(v.flip).toBe(e.flip === null ? 'no flip near' : `flip ${formatDistance(e.flip, first.S)}`);
    expect(v.stale).toBe(false);
    expect(v.line2).toMatch(/^\+1 %: (sell|buy) \$[\d.]+ (bn|m|k) \(≈ [\d,]+ ES\)$/);
    expect(v.glyph).toBe({ stabilizing: '+γ', accelerating: '−γ', transition: '≈' }[e.regime]);
    // About 240 × 32 and at most ~20,000 px², in the top layer, at the default bottom-left place.
    expect([v.box.w, v.box.h]).toEqual([PILL.width, PILL.height]);
    expect(v.topLayer).toBe(true);
    expect(v.box.x).toBe(8);
    expect(v.box.y + v.box.h).toBe(600 - 8);
    // Drawing it did not move the page's focus.
    expect(await tab.eval(`document.activeElement === document.body`)).toBe(true);
    await tab.screenshot('overlay-pill-light');
  });

  it('follows a tick across the flip with the engine’s answer there', async () => {
    await tab.eval(`fixture.tick(${second.S})`);
    const v = await waitShown(tab, (x) => x.label.includes(formatPrice(second.S)));
    const e = spx.engine(second.S, Date.now());
    expect(v.word).toBe(WORDS[e.regime]);
    expect(v.flip).toBe(e.flip === null ? 'no flip near' : `flip ${formatDistance(e.flip, second.S)}`);
    expect([v.box.w, v.box.h]).toEqual([PILL.width, PILL.height]); // the size never tells the verdict
    await tab.eval(`fixture.tick(${first.S})`);
    await waitShown(tab, (x) => x.label.includes(formatPrice(first.S)));
  });

  it('opens into the card with the levels in price order and what moves the hedge, and closes again', async () => {
    const pill = await shown(tab);
    await tab.clickAt(centre(pill.bar).x, centre(pill.bar).y);
    const card = await waitShown(tab, (x) => x.mode === 'card');
    expect([card.box.w, card.box.h]).toEqual([CARD.width, CARD.height]);
    const prices = card.ladder.map((r) => Number(r[1]!.replace(/,/g, ''))).filter((n) => Number.isFinite(n));
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    expect(card.ladder.map((r) => r[0])).toEqual(
      expect.arrayContaining(['▶ Price', 'Gamma flip', 'Call wall', 'Put wall']),
    );
    const e = spx.engine(first.S, Date.now());
    const flipRow = card.ladder.find((r) => r[0] === 'Gamma flip')!;
    if (e.flip !== null) expect(Math.abs(Number(flipRow[1]!.replace(/,/g, '')) - e.flip)).toBeLessThan(0.5);
    const labels = card.flows.map((r) => r[0]);
    expect(labels.slice(0, 2)).toEqual(['Price +1 %', 'Price −1 %']);
    expect(labels).toContain('IV +1 pt');
    expect(labels.some((l) => /^Time to (\w{3} )?15:55$/.test(l!))).toBe(true);
    for (const [, value] of card.flows)
      expect(value).toMatch(/^((buy|sell) \$[\d.]+ \w+ \(≈\u00a0[\d,]+\u00a0ES\)|no trade)$/);
    expect(card.later[0]?.[0]).toMatch(/^At (\w{3} )?15:55$/);
    await tab.screenshot('overlay-card-light');
    await tab.press('Escape');
    await waitShown(tab, (x) => x.mode === 'pill');
    // Keyboard: Enter on the focused pill opens it, Escape closes it; a click on its bar closes it too.
    await tab.shadowEval(
      'gexfocus-overlay',
      `(root) => { root.querySelector('.bar').focus(); return true; }`,
    );
    await tab.press('Enter');
    const open = await waitShown(tab, (x) => x.mode === 'card');
    await tab.press('Escape');
    await waitShown(tab, (x) => x.mode === 'pill');
    await tab.press('Space');
    await waitShown(tab, (x) => x.mode === 'card');
    const bar = (await shown(tab)).bar;
    await tab.clickAt(centre(bar).x, centre(bar).y);
    await waitShown(tab, (x) => x.mode === 'pill');
    expect(open.label).toContain('Enter shows less');
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
    expect([c.box.x, c.box.y]).toEqual([b.box.x - 100, b.box.y + 40]);
    expect(c.mode).toBe('pill'); // a drag is not a click
    await tab.shadowEval(
      'gexfocus-overlay',
      `(root) => { root.querySelector('.bar').focus(); return true; }`,
    );
    await tab.press('ArrowUp', { shift: true });
    await tab.press('ArrowRight');
    const d = await waitShown(tab, (x) => x.box.y !== c.box.y);
    expect(d.box.x - c.box.x).toBeCloseTo(8, 0);
    expect(d.box.y - c.box.y).toBeCloseTo(-40, 0);
    // Saved per site as fractions of the free space (the key moves after 400 ms of quiet).
    const saved = await s.extEval<{ x: number; y: number }>(`(async () => {
      for (let i = 0; i < 50; i++) {
        const p = (await ext.storage.local.get('overlayPlaces')).overlayPlaces?.hosts?.['www.google.com'];
        if (p && Math.abs(8 + p.y * (600 - 34 - 16) - ${d.box.y}) < 1) return p;
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    })()`);
    expect(saved).not.toBeNull();
    await tab.goto(url);
    const after = await waitShown(tab, (x) => x.word !== '');
    expect(after.box.x).toBeCloseTo(d.box.x, 0);
    expect(after.box.y).toBeCloseTo(d.box.y, 0);
    // Clamped on resize: a narrower window keeps it inside.
    await tab.setViewport(500, 400);
    const small = await waitShown(tab, (x) => x.box.x + x.box.w <= 500 - 8 && x.box.y + x.box.h <= 400 - 8);
    expect(small.box.x).toBeGreaterThanOrEqual(8);
    await tab.setViewport(1000, 600);
    await waitShown(tab, (x) => Math.abs(x.box.x - d.box.x) < 1);
  });

  it('shrinks to a dot and back, and remembers the dot', async () => {
    const p = await shown(tab);
    await tab.clickAt(centre(p.min).x, centre(p.min).y);
    const dot = await waitShown(tab, (x) => x.mode === 'dot');
    expect([dot.box.w, dot.box.h]).toEqual([DOT.width, DOT.height]);
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

  it('is grey with the reason when the price is not trusted, and shows the verdict again once it is', async () => {
    const jump = Math.round(first.S * 1.2 * 100) / 100; // a jump the reader does not trust at once
    await tab.eval(`fixture.tick(${jump})`);
    const grey = await waitShown(tab, (x) => x.stale);
    expect(grey.line2).toMatch(/^price not trusted: price jumped/);
    expect(grey.colour).toMatch(/rgb\((107, 114, 128|156, 163, 175)\)/); // the grey, not a verdict colour
    expect([grey.box.w, grey.box.h]).toEqual([PILL.width, PILL.height]);
    await tab.eval(`fixture.tick(${first.S})`); // back before the jump is confirmed (5 s)
    await tab.screenshot('overlay-stale');
    await waitShown(tab, (x) => !x.stale && x.label.includes(formatPrice(first.S)));
  });

  it('stays above the page’s own popover and modal dialog', async () => {
    // Back to the default place, where the page's popover opens.
    await s.extEval(`ext.storage.local.remove('overlayPlaces')`);
    await tab.goto(url);
    const q = await waitShown(tab, (x) => x.box.x === 8 && x.word !== '');
    await tab.eval(`document.getElementById('page-pop').showPopover()`);
    await tab.waitFor(`document.getElementById('page-pop').matches(':popover-open')`);
    expect(
      await tab.waitFor(`document.elementFromPoint(${centre(q.box).x}, ${centre(q.box).y}) === ${HOST}`),
    ).toBe(true);
    // The page's popover is still there around it.
    expect(await tab.eval(`document.elementFromPoint(400, 590)?.id`)).toBe('page-pop');
    await tab.eval(`document.getElementById('page-pop').hidePopover()`);
    // A modal dialog dims the page with its backdrop; the pill is drawn above it, pixel for pixel as
    // before. (The browser makes everything outside a modal dialog inert, so it takes no clicks until
    // the dialog closes.)
    await tab.mouseMove(600, 300);
    const before = await tab.screenshot('overlay-before-dialog');
    await tab.eval(`document.getElementById('page-dialog').showModal()`);
    await tab.waitFor(`document.elementFromPoint(500, 100)?.id === 'page-dialog'`); // the backdrop is up
    // Inside the rounded corners: outside them the page (dimmed) shows through.
    const inner = { x: q.box.x + 10, y: q.box.y + 2, w: q.box.w - 20, h: q.box.h - 4 };
    let during = '';
    for (let i = 0; i < 20; i++) {
      during = await tab.screenshot('overlay-above-dialog');
      if ((await pixelDiff(s, before, during, { only: inner })) === 0) break;
    }
    expect(await pixelDiff(s, before, during, { only: inner })).toBe(0);
    expect(await pixelDiff(s, before, during, { only: { x: 400, y: 60, w: 100, h: 80 } })).toBeGreaterThan(0);
    expect((await shown(tab)).topLayer).toBe(true);
    await tab.eval(`document.getElementById('page-dialog').close()`);
    expect(
      await tab.waitFor(`document.elementFromPoint(${centre(q.box).x}, ${centre(q.box).y}) === ${HOST}`),
    ).toBe(true);
  });

  it('leaves nothing about the verdict in the page’s DOM', async () => {
    const host = await tab.eval<{
      attrs: number;
      text: string;
      shadow: boolean;
      size: string;
      children: number;
    }>(`(() => {
      const h = ${HOST};
      const cs = getComputedStyle(h);
      return { attrs: h.attributes.length, text: h.textContent, shadow: h.shadowRoot !== null, size: cs.width + ' ' + cs.height, children: h.childNodes.length };
    })()`);
    expect(host).toEqual({ attrs: 0, text: '', shadow: false, size: '0px 0px', children: 0 });
    expect(await tab.eval(`document.querySelector('[data-gexfocus-verdict]')`)).toBeNull();
    // What the page can measure, the box (by hit testing), has the same size whatever the verdict
    // (asserted after each verdict above): PILL for the pill.
    const v: Shown = await shown(tab);
    expect(v.box.w * v.box.h).toBeLessThanOrEqual(20_000);
  });

  it('hides and shows with the keyboard command, and follows the site and global switches', async () => {
    await waitShown(tab, (x) => x.word !== '');
    await s.pressShortcut(url, SHORTCUT);
    await tab.waitFor(`!${HOST}`);
    await s.pressShortcut(url, SHORTCUT);
    await tab.waitFor(HOST);
    await settings(s, { overlaySites: { 'www.google.com': false } });
    await tab.waitFor(`!${HOST}`);
    await settings(s, { overlay: false, overlaySites: { 'www.google.com': true } });
    await tab.waitFor(HOST);
    await settings(s, { overlaySites: {} });
    await tab.waitFor(`!${HOST}`);
    // The command shows it on this tab even with the overlay off everywhere.
    await s.pressShortcut(url, SHORTCUT);
    await tab.waitFor(HOST);
    await settings(s, { overlay: true });
    await tab.waitFor(HOST);
  });

  it('stays legible on a dark page and at 200 % zoom', async () => {
    await tab.goto(s.fixtureUrl('www.google.com', `${PATH}?hz=0&theme=dark&price=${first.S}`));
    const v = await waitShown(tab, (x) => x.word !== '');
    await tab.screenshot('overlay-dark-page');
    const tabId = await s.tabIdOf(s.fixtureUrl('www.google.com', PATH));
    await s.extEval(`ext.tabs.setZoom(${tabId}, 2)`);
    const zoomed = await waitShown(tab, (x) => x.box.y !== v.box.y);
    // 200 %: the viewport is half as many CSS px; the pill keeps its CSS size and stays inside.
    expect([zoomed.box.w, zoomed.box.h]).toEqual([PILL.width, PILL.height]);
    expect(await tab.eval('innerWidth')).toBe(500);
    expect(zoomed.box.y + zoomed.box.h).toBeLessThanOrEqual(300 - 8 + 0.5);
    await tab.screenshot('overlay-zoom-200');
    await s.extEval(`ext.tabs.setZoom(${tabId}, 1)`);
  });
});
