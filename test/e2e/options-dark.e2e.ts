/** The options page (with a preview open) and the popup's levels on the dark theme, both browsers. */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionSession, launch, UNMATCHED_HOST } from './harness/index.ts';

const fixture = (f: string) => fileURLToPath(new URL(`../fixtures/chains/${f}`, import.meta.url));
const q = (id: string) => `document.querySelector('[data-testid="${id}"]')`;

describe.each(BROWSERS)('%s options page, dark', (browser) => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launch(browser, { colorScheme: 'dark' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('draws the chain list and an import preview on the dark background', async () => {
    const loaded = await s.extEval<{ ok: boolean }>(
      `ext.runtime.sendMessage({ gexfocus: 1, type: 'chains/load-sample', payload: null })`,
    );
    expect(loaded.ok).toBe(true);
    const page = await s.newTab(s.extUrl('src/options/index.html'));
    await page.setViewport(1000, 900);
    await page.waitFor(`${q('chain-SPX')}`);
    await page.setFiles('[data-testid="file-input"]', [fixture('cboe-nvda-2025-01-06.json')]);
    await page.waitFor(`${q('preview-asof-input')}`, { timeoutMs: 20_000 });
    await page.eval(
      `(() => { const el = ${q('preview-asof-input')}; el.value = '2025-01-06T21:30'; el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`,
    );
    await page.waitFor(`${q('preview-regime')}`, { timeoutMs: 20_000 });
    const bg = await page.eval<string>(`getComputedStyle(document.body).backgroundColor`);
    expect(bg).toBe('rgb(15, 23, 42)');
    await page.screenshot('options-page-dark', { fullPage: true });
  });

  it('draws the popup levels on the dark background', async () => {
    const url = s.fixtureUrl(UNMATCHED_HOST, '/');
    await s.newTab(url);
    const tabId = await s.tabIdOf(url);
    await s.extEval(`ext.storage.session.set({ 'tab:${tabId}': {
      tabId: ${tabId}, frameId: 0, frameUrl: ${JSON.stringify(url)}, at: Date.now(), symbol: 'SPX', price: 4505.1001,
      text: '4,505.10', site: 'test', method: 'picker', confidence: 1, suspect: false } })`);
    const popup = await s.newTab(s.extUrl(`src/popup/index.html?tab=${tabId}`));
    await popup.waitFor(`${q('levels-regime')} && ${q('ladder')}`, { timeoutMs: 20_000 });
    // REFERENCE.md, live preset at the snapshot: flip 4494.30149, walls 4500.
    expect(
      await popup.eval(`document.querySelector('.ladder-row[data-level~="flip"] .ladder-value').textContent`),
    ).toBe('4,494.30');
    await popup.setViewport(400, 600);
    await popup.screenshot('popup-levels-dark', { selector: 'body' });
  });
});
