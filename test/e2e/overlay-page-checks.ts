/**
 * The overlay and the page, run by overlay.e2e.ts in its one browser session (a launch per file is the
 * E2E suite's main cost): the page's own pixels unchanged, a page whose CSS attacks everything, the
 * price kept clear on every built-in site's page, and the picker taking only the user's real click.
 */
import { expect } from 'vitest';
import { PILL } from '../../src/content/overlay/styles.ts';
import { type ExtensionSession, type Tab, UNMATCHED_HOST } from './harness/index.ts';
import { centre, HOST, message, overlap, pixelDiff, textRect, waitShown } from './overlay-helpers.ts';
import { readElement, SITES } from './overlay-sites.ts';

const PATH = '/finance/quote/SPX:INDEXSP';
const SHORTCUT = 'Alt+Shift+G';

/** Hidden, the page looks exactly as without the extension; shown, it changes only its own box. */
export async function layoutUnchanged(s: ExtensionSession, tab: Tab): Promise<void> {
  const query = '?hz=0&price=4512.40';
  // The same file on a host no content script matches: the page without the extension.
  const bare = await s.newTab(s.fixtureUrl(UNMATCHED_HOST, `${PATH}${query}`));
  await bare.setViewport(1000, 600);
  await bare.mouseMove(990, 590);
  const without = await bare.screenshot('layout-without-extension');
  await bare.close();
  const page = s.fixtureUrl('www.google.com', `${PATH}${query}`);
  await tab.goto(page);
  await tab.mouseMove(990, 590);
  const v = await waitShown(tab, (x) => x.word !== '');
  const withPill = await tab.screenshot('layout-with-overlay');
  const around = { x: v.box.x - 20, y: v.box.y - 20, w: v.box.w + 40, h: v.box.h + 40 }; // box and shadow
  expect(await pixelDiff(s, without, withPill, { exclude: around })).toBe(0);
  expect(await pixelDiff(s, without, withPill, { only: v.box })).toBeGreaterThan(0);
  await s.pressShortcut(page, SHORTCUT);
  await tab.waitFor(`!${HOST}`);
  expect(await pixelDiff(s, without, await tab.screenshot('layout-overlay-hidden'))).toBe(0);
  await s.pressShortcut(page, SHORTCUT);
  await tab.waitFor(HOST);
}

/** On a page whose CSS attacks every element the pill keeps its look and box, and clicks pass around it. */
export async function hostileCss(s: ExtensionSession, tab: Tab): Promise<void> {
  await tab.goto(s.fixtureUrl('www.cnbc.com', '/hostile.html?symbol=SPX'));
  const v = await waitShown(tab, (x) => x.word !== '');
  // The host's own box is what the page could restyle: the :host reset wins over
  // `* { all: unset; font-size: 40px !important }`.
  const host = await tab.eval(
    `(() => { const cs = getComputedStyle(${HOST}); return [cs.position, cs.display, cs.fontSize, cs.width]; })()`,
  );
  expect(host).toEqual(['fixed', 'block', '16px', '0px']);
  expect([v.box.w, v.box.h]).toEqual([PILL.width, PILL.height]);
  expect(
    await tab.shadowEval(
      'gexfocus-overlay',
      `(root) => getComputedStyle(root.querySelector('.word')).fontSize`,
    ),
  ).toBe('13px');
  // Only its own box takes clicks: the page's link still gets them.
  const link = `(() => { const r = document.getElementById('link').getBoundingClientRect(); return document.elementFromPoint(r.left + 5, r.top + r.height / 2)?.id; })()`;
  expect(await tab.eval(link)).toBe('link');
  const at = (x: number) => tab.eval(`document.elementFromPoint(${x}, ${centre(v.box).y}) === ${HOST}`);
  expect([await at(centre(v.box).x), await at(v.box.x + v.box.w + 30)]).toEqual([true, false]);
  await tab.screenshot('overlay-hostile-css');
}

/** On every built-in site's fixture page: clear of the price the reader follows, and moved aside when dropped on it. */
export async function clearOnEverySite(s: ExtensionSession, tab: Tab): Promise<void> {
  for (const [host, path, symbol] of SITES) {
    const page = s.fixtureUrl(host, `${path}${path.includes('?') ? '&' : '?'}hz=0`);
    await tab.goto(page);
    const v = await waitShown(tab, (x) => x.word !== '', 20_000);
    const selector = await readElement(tab, page, symbol);
    if (!selector) continue; // read from the title: nothing on the page to keep clear of
    const price = (await textRect(tab, selector))!;
    expect(overlap(v.box, price), `${host}: at its place`).toBe(false);
    await tab.drag(centre(v.bar), centre(price)); // dropped right on the price, it moves aside
    const after = await waitShown(tab, (x) => x.box.x !== v.box.x || x.box.y !== v.box.y);
    expect(overlap(after.box, price), `${host}: dropped on the price`).toBe(false);
    await s.extEval(`ext.storage.local.remove('overlayPlaces')`);
  }
}

/** The picker ignores page-made clicks, and the page sees the pick click only on our shield. */
export async function pickerTrust(s: ExtensionSession, tab: Tab): Promise<void> {
  const page = s.fixtureUrl('www.cnbc.com', '/pick/?hz=0');
  await tab.goto(page);
  const tabId = await s.tabIdOf(page);
  // The page listens to everything, capture first, on window (before any listener of ours could).
  await tab.eval(`(() => {
      window.__seen = [];
      for (const t of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
        window.addEventListener(t, (e) => __seen.push(t + ':' + (e.target.className || e.target.localName)), true);
      return true;
    })()`);
  expect((await message<{ started: boolean }>(s, 'picker/start', { tabId })).value.started).toBe(true);
  await tab.waitFor(`document.querySelector('gexfocus-picker') !== null`);
  // Synthetic clicks from the page on its own price are not the user: nothing is picked.
  await tab.eval(`document.querySelector('.num-Qq83Lm').click()`);
  await tab.eval(
    `document.querySelector('.num-Qq83Lm').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }))`,
  );
  expect(await tab.eval(`document.querySelector('gexfocus-picker') !== null`)).toBe(true);
  await tab.eval(`window.__seen = []`);
  const price = (await textRect(tab, '.num-Qq83Lm'))!;
  await tab.clickAt(centre(price).x, centre(price).y);
  await tab.waitFor(`document.querySelector('gexfocus-picker') === null`);
  // The picker leaves the page when it sends the pick; the background's write lands a moment later.
  const saved = await s.extEval<Record<string, { sample: string }>>(`(async () => {
    const end = Date.now() + 5000;
    for (;;) {
      const { pickers = {} } = await ext.storage.local.get('pickers');
      if (pickers['www.cnbc.com'] || Date.now() > end) return pickers;
      await new Promise((ok) => setTimeout(ok, 50));
    }
  })()`);
  expect(saved['www.cnbc.com']?.sample).toMatch(/^\d+\.\d{2}$/);
  // The page saw the click land on our shield (its host), never on its price element.
  const seen = await tab.eval<string[]>('__seen');
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.every((x) => x.endsWith(':gexfocus-picker'))).toBe(true);
  await message(s, 'picker/forget', { tabId });
}

/** Above the page's own popover (hit testing) and its modal dialog (pixels: drawn above the backdrop). */
export async function aboveThePage(s: ExtensionSession, tab: Tab, url: string): Promise<void> {
  await s.extEval(`ext.storage.local.remove('overlayPlaces')`); // back to bottom-left, under the popover
  await tab.goto(url);
  const q = await waitShown(tab, (x) => x.box.x === 8 && x.word !== '');
  const onTop = `document.elementFromPoint(${centre(q.box).x}, ${centre(q.box).y}) === ${HOST}`;
  await tab.eval(`document.getElementById('page-pop').showPopover()`);
  expect(await tab.waitFor(onTop)).toBe(true);
  expect(await tab.eval(`document.elementFromPoint(400, 590)?.id`)).toBe('page-pop'); // still there around it
  await tab.eval(`document.getElementById('page-pop').hidePopover()`);
  // A modal dialog dims the page with its backdrop; the pill is drawn above it, pixel for pixel. (The
  // browser makes everything outside a modal dialog inert: no clicks until it closes.)
  await tab.mouseMove(600, 300);
  const before = await tab.screenshot('overlay-before-dialog');
  await tab.eval(`document.getElementById('page-dialog').showModal()`);
  await tab.waitFor(`document.elementFromPoint(500, 100)?.id === 'page-dialog'`); // the backdrop is up
  const inner = { x: q.box.x + 10, y: q.box.y + 2, w: q.box.w - 20, h: q.box.h - 4 }; // inside the corners
  let diff = -1;
  for (let i = 0; i < 20 && diff !== 0; i++)
    diff = await pixelDiff(s, before, await tab.screenshot('overlay-above-dialog'), { only: inner });
  expect(diff).toBe(0);
  const dimmed = await pixelDiff(s, before, await tab.screenshot('overlay-above-dialog'), {
    only: { x: 400, y: 60, w: 100, h: 80 },
  });
  expect(dimmed).toBeGreaterThan(0);
  await tab.eval(`document.getElementById('page-dialog').close()`);
  expect(await tab.waitFor(onTop)).toBe(true);
}
