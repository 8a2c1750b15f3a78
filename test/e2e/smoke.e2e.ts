/**
 * Smoke tests in real Chromium and Firefox ESR with the shipped build: the background answers, a
 * content script on a broker hostname reaches it, the popup and options page render (light and
 * dark, with screenshots), and untrusted senders are refused.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionSession, launch, UNMATCHED_HOST } from './harness/index.ts';

/** Sends one raw envelope from an extension page and returns the router's reply. */
const sendRaw = (type: string, payload: unknown) =>
  `ext.runtime.sendMessage(${JSON.stringify({ gexfocus: 1, type, payload })})`;

const readingOf = (tabId: number) => sendRaw('tab/reading', { tabId });

/** Polls an extension-page expression until truthy (the content script reports asynchronously). */
async function pollExt(s: ExtensionSession, expr: string, timeoutMs = 10_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await s.extEval(expr);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expr}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

describe.each(BROWSERS)('%s with the built extension', (browser) => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launch(browser);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('answers app/ping from an extension page with the manifest version', async () => {
    const reply = await s.extEval<{ ok: boolean; value: { version: string } }>(sendRaw('app/ping', null));
    expect(reply).toMatchObject({ ok: true, value: { version: '0.1.0' } });
  });

  it('runs the content script on a broker host, which reports the page to the background', async () => {
    const url = s.fixtureUrl('finance.yahoo.com', '/quote/SPY');
    const tab = await s.newTab(url);
    expect(await tab.eval('document.title')).toBe('SPY quote (fixture)');
    const tabId = await s.tabIdOf(url);
    const reply = await pollExt(s, `${readingOf(tabId)}.then((r) => r?.value && r)`);
    expect(reply).toMatchObject({ ok: true, value: { tabId, frameUrl: url } });
    const stored = await s.extEval<Record<string, unknown>>(`ext.storage.session.get('tab:${tabId}')`);
    expect(stored[`tab:${tabId}`]).toMatchObject({ tabId, frameUrl: url });
  });

  it('keeps the content script out of a host the manifest does not match', async () => {
    const generic = s.fixtureUrl(UNMATCHED_HOST, '/');
    await s.newTab(generic);
    const genericId = await s.tabIdOf(generic);
    // A matched page opened afterwards has reported by the time we look, so the generic one had time too.
    const matched = s.fixtureUrl('www.cnbc.com', '/quotes/SPY');
    await s.newTab(matched);
    const matchedId = await s.tabIdOf(matched);
    const key = `tab:${matchedId}`;
    await pollExt(s, `ext.storage.session.get('${key}').then((items) => items['${key}'])`);
    expect(await s.extEval(readingOf(genericId))).toEqual({ ok: true, value: null });
  });

  it('gives a web page no channel to the background', async () => {
    const tab = await s.newTab(s.fixtureUrl(UNMATCHED_HOST, '/'));
    const reach = await tab.eval<string[]>(
      `[typeof globalThis.browser?.runtime?.sendMessage, typeof globalThis.chrome?.runtime?.sendMessage]`,
    );
    expect(reach).toEqual(['undefined', 'undefined']);
  });

  it('refuses a content-script message sent from an extension page', async () => {
    const reply = await s.extEval(sendRaw('page/hello', { frameUrl: 'https://finance.yahoo.com/quote/SPY' }));
    expect(reply).toMatchObject({ ok: false, error: { name: 'Forbidden' } });
  });

  it('renders the popup for a connected tab', async () => {
    const url = s.fixtureUrl('finance.yahoo.com', '/quote/QQQ');
    await s.newTab(url);
    const tabId = await s.tabIdOf(url);
    const popup = await s.newTab(s.extUrl(`src/popup/index.html?tab=${tabId}`));
    await popup.setViewport(360, 600);
    const text = await popup.waitFor<string>(
      `document.querySelector('[data-testid=reading]')?.textContent.includes('Connected') && document.body.innerText`,
    );
    expect(text).toContain('Connected to finance.yahoo.com');
    expect(text).toContain('Chains & settings');
    await popup.screenshot('popup-light', { selector: 'body' });
  });

  it('drives a page with real input: typing, clicking, hovering, files and the viewport', async () => {
    const tab = await s.newTab(s.fixtureUrl(UNMATCHED_HOST, '/form'));
    await tab.type('#symbol', 'SPY 5');
    expect(await tab.eval('document.getElementById("symbol").value')).toBe('SPY 5');
    const events = await tab.eval<string[]>('window.events');
    expect(events.filter((e) => e === 'input:symbol')).toHaveLength(5);
    expect(events.filter((e) => e === 'keydown:symbol')).toHaveLength(5);

    await tab.click('#go');
    expect(await tab.eval('document.getElementById("go").textContent')).toBe('Went to SPY 5');

    await tab.hover('#hover-target');
    expect(await tab.eval<string[]>('window.events')).toContain('mouseover:hover-target');
    await tab.mouseMove(5, 7);
    expect(await tab.waitFor('window.lastMouse?.[0] === 5 && window.lastMouse')).toEqual([5, 7]);

    const files = [fileURLToPath(import.meta.url), fileURLToPath(new URL('README.md', import.meta.url))];
    await tab.setFiles('#file', files);
    expect(await tab.eval('[...document.getElementById("file").files].map((f) => f.name)')).toEqual([
      'smoke.e2e.ts',
      'README.md',
    ]);
    expect(await tab.eval<string[]>('window.events')).toContain('change:file');

    await tab.setViewport(500, 400);
    expect(await tab.eval('[innerWidth, innerHeight]')).toEqual([500, 400]);
    await tab.close();
  });

  it('renders the options page', async () => {
    const options = await s.newTab(s.extUrl('src/options/index.html'));
    await options.setViewport(1000, 700);
    await options.waitFor(`document.querySelector('[data-testid=version]')?.textContent === 'v0.1.0'`);
    expect(await options.eval('document.querySelector("h2")?.textContent')).toBe('Option chains');
    await options.screenshot('options-light');
  });
});

describe.each(BROWSERS)('%s in dark mode', (browser) => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launch(browser, { colorScheme: 'dark' });
  });
  afterAll(async () => {
    await s?.close();
  });

  const background = `getComputedStyle(document.body).backgroundColor`;

  it('draws the popup and options page on the dark theme background', async () => {
    const popup = await s.newTab(s.extUrl('src/popup/index.html'));
    await popup.setViewport(360, 600);
    await popup.waitFor(`document.querySelector('[data-testid=reading] p:not(:empty)')`);
    expect(await popup.eval(background)).toBe('rgb(15, 23, 42)');
    await popup.screenshot('popup-dark', { selector: 'body' });

    const options = await s.newTab(s.extUrl('src/options/index.html'));
    await options.setViewport(1000, 700);
    await options.waitFor(`document.querySelector('[data-testid=version]')?.textContent`);
    expect(await options.eval(background)).toBe('rgb(15, 23, 42)');
    await options.screenshot('options-dark');
  });
});
