/**
 * The popup on the dark theme, run at the end of popup.e2e.ts's session after
 * `session.setColorScheme('dark')` (one browser launch per file; the welcome page and the empty popup
 * are shot dark at the start of the session): every verdict on the live chain with its views, a
 * suspect price and the other empty states — screenshots (artifacts/screenshots/<browser>/
 * popup-*-dark.png), looked at.
 */
import { expect } from 'vitest';
import type { ExtensionSession, Tab } from './harness/index.ts';
import { fitsWithoutScrolling, PRICES, q, showEmptyStates, text, tickTo } from './popup-live.ts';

/** `popup`: the session's open popup for the demo page's tab (at `popupUrl`). */
export async function darkChecks(
  s: ExtensionSession,
  page: Tab,
  tabId: number,
  popup: Tab,
  popupUrl: string,
): Promise<void> {
  await s.setColorScheme('dark');
  await popup.waitFor(`getComputedStyle(document.body).backgroundColor === 'rgb(15, 23, 42)'`);
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
  await tickTo(s, page, tabId, PRICES.stabilizing);
  await showEmptyStates(s, 'dark');
  await s.setColorScheme('light');
}
