/**
 * What the popup E2E files share: a LIVE chain (the bundled SPX quote table moved forward by whole
 * weeks: test/fixtures/live-chain.ts), the engine's answers on it (src/core) at a price and the clock,
 * prices clearly inside each verdict, and the moves a test makes on the Google Finance demo page.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Analysis, analyze } from '../../src/core/analyze.ts';
import { parseCboeQuoteTable } from '../../src/core/index.ts';
import { makeModel } from '../../src/core/model.ts';
import { prepare } from '../../src/core/prepare.ts';
import { clearRegime } from '../../src/core/verdict.ts';
import { liveQuoteTable } from '../fixtures/live-chain.ts';
import { type ExtensionSession, type Tab, UNMATCHED_HOST } from './harness/index.ts';

export const SAMPLE = fileURLToPath(new URL('../../src/options/sample/spx-2023-09-14.csv', import.meta.url));
export const q = (id: string) => `document.querySelector('[data-testid="${id}"]')`;
export const text = (id: string) => `(${q(id)}?.textContent ?? '')`;
export const MODEL = makeModel();

/** The live chain, written where the options page's file input can take it. */
export const live = liveQuoteTable(readFileSync(SAMPLE, 'utf8'), Date.now());
export const liveFile = join(mkdtempSync(join(tmpdir(), 'gexfocus-popup-')), 'quotedata.csv');
writeFileSync(liveFile, live.text);
export const chain = parseCboeQuoteTable(live.text);
export const engineAt = (price: number, now = Date.now()): Analysis =>
  analyze(prepare(chain, MODEL, now), price);

/** A price (2 decimals) near `from`, stepping by `step`, where the engine is clearly in `regime`. */
function clearlyIn(
  regime: 'accelerating' | 'stabilizing' | 'transition',
  from: number,
  step: number,
): number {
  for (let k = 0; k < 200; k++) {
    const p = Math.round((from + k * step) * 100) / 100;
    const a = engineAt(p);
    const input = { spot: p, netGex: a.netGex, balance: a.balance, crossings: a.crossings };
    // 1.5× the hysteresis margin, so the clock moving during the test cannot make it unclear.
    if (clearRegime(input, MODEL.transitionBand, 0.6) === regime) return p;
  }
  throw new Error(`no price clearly ${regime} near ${from}`);
}
export const FLIP = engineAt(4500).flip!;
export const PRICES = {
  accelerating: clearlyIn('accelerating', FLIP * 0.995, -FLIP * 0.001),
  transition: Math.round(FLIP * 100) / 100,
  stabilizing: clearlyIn('stabilizing', FLIP * 1.005, FLIP * 0.001),
};

/** The page's price through the reader: tick, then wait until the background holds it. */
export async function tickTo(s: ExtensionSession, page: Tab, tabId: number, price: number): Promise<void> {
  await page.eval(`fixture.tick(${price})`);
  await s.extEval(`new Promise((done, fail) => { const end = Date.now() + 10000; const poll = () =>
    ext.storage.session.get('tab:${tabId}').then((x) => x['tab:${tabId}']?.price === ${price} ? done(1)
      : Date.now() > end ? fail(new Error('no reading of ${price}')) : setTimeout(poll, 50)); poll(); })`);
}

export const fitsWithoutScrolling = (popup: Tab) =>
  popup.eval<boolean>(
    `document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth`,
  );

export async function importLive(s: ExtensionSession): Promise<void> {
  const page = await s.newTab(s.extUrl('src/options/index.html'));
  await page.waitFor(`${q('file-input')}`);
  await page.setFiles('[data-testid="file-input"]', [liveFile]);
  // The levels arrive last and push Save down: click once the layout has settled.
  await page.waitFor(`${q('preview-regime')} && !${q('preview-save')}.disabled`, { timeoutMs: 30_000 });
  await page.click('[data-testid="preview-save"]');
  await page.waitFor(`${text('import-saved')}.includes('Saved the SPX chain')`, { timeoutMs: 30_000 });
  await page.close();
}

/** A reading as the content script stores it, for a tab on a page the test controls. */
export const fakeReading = (s: ExtensionSession, tabId: number, url: string, symbol: string, price: number) =>
  s.extEval(`ext.storage.session.set({ 'tab:${tabId}': {
    tabId: ${tabId}, frameId: 0, frameUrl: ${JSON.stringify(url)}, at: Date.now(), symbol: ${JSON.stringify(symbol)},
    price: ${price}, text: '${price}', site: 'test', method: 'picker', confidence: 1, suspect: false } })`);

/**
 * The popup for a tab on a page the test controls: no price yet, a future whose ratio to the SPX
 * chain is to be confirmed, a symbol no chain answers to (needs the live SPX chain saved).
 */
export async function showEmptyStates(s: ExtensionSession, scheme: 'light' | 'dark'): Promise<void> {
  const url = s.fixtureUrl(UNMATCHED_HOST, '/');
  const other = await s.newTab(url);
  const otherId = await s.tabIdOf(url);
  const show = async (name: string, ready: string) => {
    const p = await s.newTab(s.extUrl(`src/popup/index.html?tab=${otherId}`));
    await p.setViewport(400, 600);
    await p.waitFor(ready, { timeoutMs: 15_000 });
    await p.screenshot(`popup-${name}-${scheme}`, {});
    await p.close();
  };
  await show('no-price', `${text('levels')}.includes('No price on this tab yet.')`);
  await fakeReading(s, otherId, url, 'ES1!', Math.round((FLIP + 20) * 100) / 100);
  await show('ratio', `${text('levels')}.includes('is priced differently from the SPX chain')`);
  await fakeReading(s, otherId, url, 'NDX', 15000);
  await show('symbol-without-chain', `${text('levels')}.includes('No chain answers to NDX.')`);
  await other.close();
}
