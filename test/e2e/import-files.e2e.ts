/**
 * Real chain files into the options page, both browsers: a Cboe quote table whose Date line is not
 * quoted and is day-first ("Date: 6 January 2025, 8:57 PM EST,Bid: …", issue 12.1) imports with its
 * own snapshot time, bad lines are listed by reason, and a file over the size rule is refused before
 * it is read, with the limit and why (issue 9.2). Pasted text goes through the same check
 * (test/options/import-size.test.tsx): a 21 MiB textarea alone takes 25–35 s to lay out in headless
 * Chromium here, far over this file's budget. Nothing is saved in this file.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionSession, launch, type Tab } from './harness/index.ts';

const fixture = (f: string) => fileURLToPath(new URL(`../fixtures/chains/${f}`, import.meta.url));
const q = (id: string) => `document.querySelector('[data-testid="${id}"]')`;
const text = (id: string) => `(${q(id)}?.textContent ?? '')`;
const SIZE_WHY =
  'chains of at most 20 MiB can be imported: the browser keeps at most 10 MiB for this extension, and a chain stores at about half the size of its text, so a larger one could never be saved.';

describe.each(BROWSERS)('%s: real chain files in the options page', (browser) => {
  let s: ExtensionSession;
  let page: Tab;
  beforeAll(async () => {
    s = await launch(browser, { colorScheme: 'light' });
    page = await s.newTab(s.extUrl('src/options/index.html'));
    await page.setViewport(1000, 900);
  });
  afterAll(async () => {
    await s?.close();
  });

  const cancelPreview = async () => {
    await page.click('[data-testid="preview-cancel"]');
    await page.waitFor(`!${q('preview')} && ${q('file-input')}`);
  };

  it('imports an unquoted, day-first Date line with its own snapshot time, no typing asked', async () => {
    await page.waitFor(`${q('file-input')}`);
    await page.setFiles('[data-testid="file-input"]', [fixture('date-unquoted-dayfirst.csv')]);
    await page.waitFor(`${q('preview-regime')}`, { timeoutMs: 20_000 });
    expect(await page.eval(text('preview-asof'))).toBe('2025-01-06 20:57 New York');
    expect(await page.eval(`!${q('preview-asof-input')}`)).toBe(true);
    expect(await page.eval(text('preview-contracts'))).toMatch(/^40 read, 40 used/);
    await page.screenshot('import-unquoted-dayfirst-date', { fullPage: true });
    await cancelPreview();
  });

  it('lists the lines it left out of a file with absurd values, by reason', async () => {
    await page.setFiles('[data-testid="file-input"]', [fixture('spx-bad-values.csv')]);
    await page.waitFor(`${q('preview-regime')}`, { timeoutMs: 20_000 });
    const contracts = await page.eval<string>(text('preview-contracts'));
    expect(contracts).toMatch(/^29 read/);
    expect(contracts).toMatch(/3 .*left out: open interest out of range \(lines 6, 8, 10\)/);
    expect(contracts).toMatch(/duplicate contract .*\(line 25\b/);
    await page.screenshot('import-bad-values', { fullPage: true });
    await cancelPreview();
  });

  it('refuses a dropped file over the size rule before reading it, saying the limit and why', async () => {
    // The file is made in the page (21 MiB of zeros): handing the browser a real 21 MiB file through
    // the driver would copy it over the protocol. Drop and "Choose a file…" share one reader.
    await page.eval(`(() => {
      const data = new DataTransfer();
      data.items.add(new File([new ArrayBuffer(21 * 1024 * 1024)], 'huge-quotedata.csv', { type: 'text/csv' }));
      ${q('dropzone')}.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      return true;
    })()`);
    await page.waitFor(`${text('import-error')}.length > 0`);
    expect(await page.eval(text('import-error'))).toBe(`huge-quotedata.csv is 21 MiB; ${SIZE_WHY}`);
    expect(await page.eval(`!${q('import-progress')} && !${q('preview')}`)).toBe(true);
    await page.screenshot('import-size-refused', { fullPage: true });
  });
});
