/**
 * The popup and the first-run page on the dark theme, in real Chromium and Firefox: every verdict on
 * the live chain (./popup-live.ts), the empty popup, the welcome page — screenshots
 * (artifacts/screenshots/<browser>/popup-*-dark.png, welcome-dark.png), looked at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainToJSON } from '../../src/core/index.ts';
import { BROWSERS, type ExtensionSession, launch } from './harness/index.ts';
import { chain, fitsWithoutScrolling, live, PRICES, q, showEmptyStates, text, tickTo } from './popup-live.ts';

describe.each(BROWSERS)('%s popup, dark', (browser) => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launch(browser, { colorScheme: 'dark' });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('draws every verdict and the empty states on the dark theme', async () => {
    const url = s.fixtureUrl('www.google.com', '/finance/quote/.INX:INDEXSP/demo?hz=0');
    const page = await s.newTab(url);
    const tabId = await s.tabIdOf(url.split('?')[0]!);
    await tickTo(s, page, tabId, PRICES.accelerating);
    const popupUrl = s.extUrl(`src/popup/index.html?tab=${tabId}`);
    const popup = await s.newTab(popupUrl);
    await popup.setViewport(400, 600);
    await popup.waitFor(`${text('levels')}.includes('No chain saved yet.')`, { timeoutMs: 15_000 });
    expect(await popup.eval(`getComputedStyle(document.body).backgroundColor`)).toBe('rgb(15, 23, 42)');
    await popup.screenshot('popup-no-chain-dark', {});
    const welcome = await s.newTab(s.extUrl('src/welcome/index.html'));
    await welcome.setViewport(900, 900);
    await welcome.waitFor(`document.querySelectorAll('.steps > li').length === 3`);
    await welcome.screenshot('welcome-dark', { fullPage: true });
    await welcome.close();
    // Saved with the message the options page sends (the light session imports through the page).
    const saved = await s.extEval<{ ok: boolean }>(
      `ext.runtime.sendMessage({ gexfocus: 1, type: 'chains/save', payload: ${JSON.stringify({
        chain: chainToJSON(chain),
        asOf: live.asOf,
        source: { format: 'cboe-csv', fileName: 'quotedata.csv', importedAt: Date.now() },
      })} })`,
    );
    expect(saved.ok).toBe(true);
    for (const [verdict, views] of [
      ['accelerating', ['chart']],
      ['transition', ['flow']],
      ['stabilizing', ['chart', 'drivers']],
    ] as const) {
      await tickTo(s, page, tabId, PRICES[verdict]);
      await popup.waitFor(`${text('levels-regime')}.toLowerCase() === '${verdict}' && ${q('ladder')}`, {
        timeoutMs: 15_000,
      });
      await s.tabIdOf(popupUrl);
      for (const view of views) {
        await popup.click(`[data-testid="view-${view}"]`);
        await popup.waitFor(`document.querySelector('[data-view=${view}]')`);
        await popup.screenshot(`popup-${verdict}-${view}-dark`, {});
      }
      expect(await fitsWithoutScrolling(popup)).toBe(true);
    }
    // A price the reader does not trust: the verdict is held, greyed.
    await page.eval(`fixture.tick(${Math.round(PRICES.stabilizing * 1.3)})`);
    await popup.waitFor(`${q('reading-suspect')} && ${q('verdict')}.classList.contains('held')`, {
      timeoutMs: 15_000,
    });
    await popup.screenshot('popup-suspect-dark', {});
  });

  it('says what is missing on the dark theme: a price, a ratio to confirm, a chain for the symbol', async () => {
    await showEmptyStates(s, 'dark');
  });
});
