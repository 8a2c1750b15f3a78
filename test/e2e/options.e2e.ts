/**
 * The options page in real Chromium and Firefox: import each format through the page (file input
 * and paste), check the preview, save, reopen the page and find the data; a malformed file shows
 * its error and the saved chain survives; the sample loads in one click; the popup shows levels in
 * the page's units. Screenshots: options page (light here, dark in options-dark.e2e.ts) and popup.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionSession, launch, type Tab, UNMATCHED_HOST } from './harness/index.ts';

const fixture = (f: string) => fileURLToPath(new URL(`../fixtures/chains/${f}`, import.meta.url));
const SHARED_SPX = fileURLToPath(new URL('../../src/options/sample/spx-2023-09-14.csv', import.meta.url));
const OPTIONS = 'src/options/index.html';
const q = (id: string) => `document.querySelector('[data-testid="${id}"]')`;
const text = (id: string) => `(${q(id)}?.textContent ?? '')`;

/** What the background has stored, straight from storage (not through the page). */
const storedChains = (s: ExtensionSession) =>
  s.extEval<Record<string, { source: { format: string; importedAt: number }; chain: { count: number } }>>(
    `ext.storage.local.get(null).then((all) => Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('chain:'))))`,
  );

/** Pastes text into the textarea the way a paste does (one input event), then presses Read. */
async function paste(tab: Tab, value: string) {
  await tab.eval(`(() => {
    const t = ${q('paste')};
    t.value = ${JSON.stringify(value)};
    t.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  })()`);
  await tab.click('[data-testid="paste-read"]');
}

async function setInput(tab: Tab, id: string, value: string) {
  await tab.eval(`(() => {
    const el = ${q(id)};
    el.value = ${JSON.stringify(value)};
    el.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  })()`);
}

describe.each(BROWSERS)('%s options page', (browser) => {
  let s: ExtensionSession;
  let tmp: string;
  beforeAll(async () => {
    s = await launch(browser, { colorScheme: 'light' });
    tmp = mkdtempSync(join(tmpdir(), 'gexfocus-options-'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('imports Cboe JSON from a file input, previews it and saves it', async () => {
    const page = await s.newTab(s.extUrl(OPTIONS));
    await page.setViewport(1000, 900);
    await page.waitFor(`${q('no-chains')} || ${q('chain-list')}`);
    await page.setFiles('[data-testid="file-input"]', [fixture('cboe-spx-2025-01-06.json')]);
    await page.waitFor(`${q('preview-regime')}`, { timeoutMs: 20_000 });
    expect(await page.eval(text('preview-format'))).toContain(
      'Cboe delayed-quotes JSON · cboe-spx-2025-01-06.json',
    );
    expect(await page.eval(text('preview-asof'))).toBe('2025-01-06 20:57 New York');
    expect(await page.eval(text('preview-contracts'))).toMatch(/^40 read, 40 used/);
    expect(await page.eval(text('preview-regime'))).toMatch(/^(stabilizing|accelerating|transition)$/);
    await page.click('[data-testid="preview-save"]');
    await page.waitFor(`${text('import-saved')}.includes('Saved the SPX chain (40 contracts)')`);
    await page.waitFor(`${q('chain-SPX')}`);
    expect((await storedChains(s))['chain:SPX']?.source.format).toBe('cboe-json');
    await page.close();
  });

  it('imports a generic CSV by paste, asks for the symbol and the snapshot time, and saves it', async () => {
    const page = await s.newTab(s.extUrl(OPTIONS));
    await page.waitFor(`${q('chain-SPX')}`);
    await paste(page, readFileSync(fixture('generic-spy-2025-05-06-wide.csv'), 'utf8'));
    await page.waitFor(`${q('preview')}`, { timeoutMs: 20_000 });
    expect(await page.eval(text('preview-format'))).toContain('CSV with a header row');
    expect(await page.eval(text('preview-asof'))).toContain('The file has no snapshot time');
    expect(await page.eval(`${q('preview-save')}.disabled`)).toBe(true);
    await page.type('[data-testid="preview-underlying"]', 'SPY');
    await setInput(page, 'preview-asof-input', '2025-05-06T18:09');
    await page.waitFor(`${q('preview-regime')}`, { timeoutMs: 20_000 });
    expect(await page.eval(text('preview-contracts'))).toMatch(/^156 read/);
    await page.click('[data-testid="preview-save"]');
    await page.waitFor(`${text('import-saved')}.includes('Saved the SPY chain (156 contracts)')`);
    const stored = await s.extEval<Record<string, { asOf: string }>>(`ext.storage.local.get('chain:SPY')`);
    // 18:09 New York in May (EDT, UTC−4).
    expect(stored['chain:SPY']?.asOf).toBe('2025-05-06T22:09:00.000Z');
    await page.close();
  });

  it('imports a 19,920-contract Cboe CSV off the UI thread and replaces the SPX chain', async () => {
    const page = await s.newTab(s.extUrl(OPTIONS));
    await page.waitFor(`${q('chain-SPX')}`);
    await page.setFiles('[data-testid="file-input"]', [SHARED_SPX]);
    await page.waitFor(`${q('preview-regime')}`, { timeoutMs: 30_000 });
    expect(await page.eval(text('preview-format'))).toContain('Cboe quote-table CSV');
    expect(await page.eval(text('preview-contracts'))).toMatch(
      /^19,920 read, 18,473 used.*296 left out: expired before the snapshot time.*1,151 left out: no IV/,
    );
    expect(await page.eval(text('preview-regime'))).toBe('transition');
    expect(await page.eval(text('preview-save'))).toBe('Replace the SPX chain');
    await page.click('[data-testid="preview-save"]');
    await page.waitFor(`${text('import-saved')}.includes('19,920 contracts')`, { timeoutMs: 20_000 });
    await page.close();
  });

  it('reads a dropped file, and Cancel on the preview saves nothing', async () => {
    const before = await storedChains(s);
    const page = await s.newTab(s.extUrl(OPTIONS));
    await page.waitFor(`${q('dropzone')}`);
    const csv = readFileSync(fixture('generic-spx-2025-01-06-long.csv'), 'utf8');
    await page.eval(`(() => {
      const data = new DataTransfer();
      data.items.add(new File([${JSON.stringify(csv)}], 'dropped.csv', { type: 'text/csv' }));
      ${q('dropzone')}.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      return true;
    })()`);
    await page.waitFor(`${text('preview-format')}.includes('dropped.csv')`, { timeoutMs: 20_000 });
    expect(await page.eval(text('preview-contracts'))).toMatch(/^40 read/);
    await page.click('[data-testid="preview-cancel"]');
    await page.waitFor(`!${q('preview')} && ${q('dropzone')}`);
    expect(await storedChains(s)).toEqual(before);
    await page.close();
  });

  it.each([
    ['Cboe quote-table CSV', 'spx-quoted-minus-dayfirst.csv'],
    ['Cboe delayed-quotes JSON', 'cboe-nvda-2025-01-06.json'],
    ['CSV with a header row', 'generic-spx-2025-01-06-long.csv'],
  ])('detects a %s from its text, chosen as a file and pasted alike (%s)', async (label, file) => {
    const before = await storedChains(s);
    const page = await s.newTab(s.extUrl(OPTIONS));
    await page.waitFor(`${q('dropzone')}`);
    const shows = `${text('preview-format')}.includes(${JSON.stringify(label)}) && ${q('preview-contracts')}`;
    await page.setFiles('[data-testid="file-input"]', [fixture(file)]);
    await page.waitFor(shows, { timeoutMs: 20_000 });
    // "N read" comes with the parse; ", N used" only once the preview's analysis has run.
    const readCount = (t: string) => /^[\d,]+ read/.exec(t)?.[0];
    const fromFile = readCount(await page.eval<string>(text('preview-contracts')));
    expect(fromFile).toBeDefined();
    await page.click('[data-testid="preview-cancel"]');
    await page.waitFor(`!${q('preview')} && ${q('paste')}`);
    await paste(page, readFileSync(fixture(file), 'utf8'));
    await page.waitFor(shows, { timeoutMs: 20_000 });
    expect(readCount(await page.eval<string>(text('preview-contracts')))).toBe(fromFile);
    await page.click('[data-testid="preview-cancel"]');
    await page.waitFor(`!${q('preview')}`);
    expect(await storedChains(s)).toEqual(before);
    await page.close();
  });

  it('still lists both chains after the page is closed and opened again', async () => {
    const page = await s.newTab(s.extUrl(OPTIONS));
    await page.waitFor(`${q('chain-SPX')} && ${q('chain-SPY')}`);
    expect(await page.eval(text('chain-SPX'))).toContain('19,920 contracts');
    expect(await page.eval(text('chain-SPY'))).toContain('156 contracts');
    const stored = await storedChains(s);
    expect(Object.keys(stored).sort()).toEqual(['chain:SPX', 'chain:SPY']);
    await page.close();
  });

  it('shows the error of a malformed file and keeps the saved chain', async () => {
    const before = (await storedChains(s))['chain:SPX'];
    const bad = join(tmp, 'broken.json');
    writeFileSync(
      bad,
      // A bad entry is now left out and listed (issue 12.2); a document without "data" is refused.
      readFileSync(fixture('cboe-spx-2025-01-06.json'), 'utf8').replace('"data"', '"dat"'),
    );
    const page = await s.newTab(s.extUrl(OPTIONS));
    await page.waitFor(`${q('chain-SPX')}`);
    await page.setFiles('[data-testid="file-input"]', [bad]);
    await page.waitFor(`${q('import-error')}`, { timeoutMs: 20_000 });
    expect(await page.eval(text('import-error'))).toContain('The JSON has no "data" object');
    const missing = 'expiration,strike,type,volume,iv\n2025-01-17,100,C,10,0.2\n';
    await paste(page, missing);
    await page.waitFor(`${text('import-error')}.startsWith('No open interest column')`, {
      timeoutMs: 20_000,
    });
    const after = (await storedChains(s))['chain:SPX'];
    expect(after?.source.importedAt).toBe(before?.source.importedAt);
    expect(after?.chain.count).toBe(19_920);
    await page.screenshot('options-import-error', { fullPage: true });
    await page.close();
  });

  it('loads the bundled sample in one click, with its provenance shown', async () => {
    const page = await s.newTab(s.extUrl(OPTIONS));
    await page.waitFor(`${q('load-sample')}`);
    expect(await page.eval(text('sample-provenance'))).toContain('247c61d24179d4e2ad7e937ceb8f89c00edad1da');
    expect(await page.eval(text('sample-provenance'))).toContain(
      'Cboe delayed market data, for demonstration only.',
    );
    await page.click('[data-testid="load-sample"]');
    await page.waitFor(`${text('chains-message')}.includes('Loaded the sample SPX chain')`, {
      timeoutMs: 20_000,
    });
    expect((await storedChains(s))['chain:SPX']?.source.format).toBe('sample');
    await page.setViewport(1000, 900);
    await page.screenshot('options-page-light', { fullPage: true });
    await page.close();
  });

  it('shows the SPX levels in ES units in the popup once the basis is set', async () => {
    const url = s.fixtureUrl(UNMATCHED_HOST, '/');
    await s.newTab(url);
    const tabId = await s.tabIdOf(url);
    // A reading as the content script would store it: ES1! at SPX + 20 points.
    await s.extEval(`ext.storage.session.set({ 'tab:${tabId}': {
      tabId: ${tabId}, frameId: 0, frameUrl: ${JSON.stringify(url)}, at: Date.now(), symbol: 'ES1!', price: 4525.1001,
      text: '4,525.10', site: 'test', method: 'picker', confidence: 1, suspect: false } })`);
    const popup = await s.newTab(s.extUrl(`src/popup/index.html?tab=${tabId}`));
    await popup.waitFor(`${text('levels')}.includes('priced differently')`, { timeoutMs: 20_000 });
    const reply = await s.extEval<{ ok: boolean }>(
      `ext.runtime.sendMessage({ gexfocus: 1, type: 'chains/mapping', payload: { underlying: 'SPX', aliasConversions: { 'ES1!': { kind: 'offset', offset: 20 } } } })`,
    );
    expect(reply.ok).toBe(true);
    await popup.waitFor(`${q('levels-regime')} && ${q('ladder')}`, { timeoutMs: 20_000 });
    const levels = await popup.eval<string>(text('levels'));
    const level = (name: string) =>
      popup.eval<string>(
        `document.querySelector('.ladder-row[data-level~="${name}"] .ladder-value')?.textContent`,
      );
    // Every 2023 contract has expired by now, so the popup shows the snapshot's levels, labelled.
    // REFERENCE.md (live, at the snapshot): flip 4494.30149, call wall 4500 (SPX) → +20 in ES.
    expect(await popup.eval(text('levels-at-snapshot'))).toContain('as of its snapshot');
    expect(levels).toContain('Levels in ES1! prices (converted from SPX at 4,505.10)');
    expect(await level('flip')).toBe('4,514.30');
    expect(await level('call-wall')).toBe('4,520.00');
    expect(await level('put-wall')).toBe('4,520.00');
    expect(await popup.eval(text('levels-age'))).toContain('stale');
    await popup.setViewport(400, 600);
    await popup.screenshot('popup-levels', { selector: 'body' });
  });
});
