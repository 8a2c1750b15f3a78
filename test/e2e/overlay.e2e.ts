/**
 * The live verdict on the page, in real Chromium and Firefox with the shipped build and the bundled
 * SPX sample: the overlay appears next to the S&P 500 price of the Google Finance demo page, follows
 * its ticks, agrees with the badge and the popup's answer, leaves the rest of the page clickable,
 * goes away when the setting is turned off, and survives a page whose CSS attacks every element.
 *
 * The panel is in a closed shadow root, so the test cannot read it (by design): it reads the host's
 * `data-gexfocus-verdict`, what the background recorded it sent (storage.session `live:<tabId>`, with
 * the overlay's acknowledgement), the badge, and screenshots (overlay-light, overlay-dark,
 * overlay-hostile-css) that a person looks at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionSession, launch, type Tab } from './harness/index.ts';

const HOST = `document.querySelector('gexfocus-overlay')`;
const VERDICT = `${HOST}?.dataset.gexfocusVerdict`;
/** What the badge shows per verdict (src/background/badge.ts), as the user sees it. */
const BADGE: Record<string, { text: string; color: number[] }> = {
  stabilizing: { text: '+γ', color: [21, 128, 61, 255] },
  accelerating: { text: '−γ', color: [194, 65, 12, 255] },
  transition: { text: '≈', color: [161, 98, 7, 255] },
};

interface LiveState {
  verdict: string | null;
  sent: {
    verdict: string;
    title: string;
    price: string;
    rows: { label: string; value: string }[];
    notes: { text: string }[];
  } | null;
  sentAt: number;
  delivered: boolean;
}

/** Polls the background's record until `cond` (an expression over `l`) holds. */
const waitLive = (s: ExtensionSession, tabId: number, cond: string, timeoutMs = 15_000) =>
  s.extEval<LiveState>(`(async () => {
    const end = Date.now() + ${timeoutMs};
    let l = null;
    while (Date.now() < end) {
      l = (await ext.storage.session.get('live:${tabId}'))['live:${tabId}'] ?? null;
      if (l && (${cond})) return l;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error('timed out; last: ' + JSON.stringify(l));
  })()`);

const badge = (s: ExtensionSession, tabId: number) =>
  s.extEval<[string, number[]]>(
    `Promise.all([ext.action.getBadgeText({ tabId: ${tabId} }), ext.action.getBadgeBackgroundColor({ tabId: ${tabId} })])`,
  );

const setOverlay = (s: ExtensionSession, on: boolean) =>
  s.extEval(
    `ext.runtime.sendMessage({ gexfocus: 1, type: 'settings/update', payload: { patch: { overlay: ${on} } } })`,
  );

/** Share of a 24 × 16 grid of viewport points where the page's hit test lands on the overlay's host. */
const overlayHitShare = (tab: Tab) =>
  tab.eval<number>(`(() => {
    const host = ${HOST};
    let hits = 0;
    for (let i = 0; i < 24; i++) for (let j = 0; j < 16; j++) {
      const el = document.elementFromPoint((i + 0.5) * innerWidth / 24, (j + 0.5) * innerHeight / 16);
      if (el === host) hits++;
    }
    return hits / (24 * 16);
  })()`);

async function openDemo(s: ExtensionSession): Promise<{ tab: Tab; tabId: number }> {
  const url = s.fixtureUrl('www.google.com', '/finance/quote/.INX:INDEXSP');
  const tab = await s.newTab(url);
  await tab.setViewport(1000, 600);
  const tabId = await s.tabIdOf(url);
  return { tab, tabId };
}

async function loadSample(s: ExtensionSession) {
  await s.extEval('1'); // the hidden extension page first, so tabIdOf() finds the fixture tab
  const reply = await s.extEval<{ ok: boolean }>(
    `ext.runtime.sendMessage({ gexfocus: 1, type: 'chains/load-sample', payload: null })`,
  );
  expect(reply.ok).toBe(true);
}

describe.each(BROWSERS)('%s overlay', (browser) => {
  let s: ExtensionSession;
  let demo: { tab: Tab; tabId: number };
  beforeAll(async () => {
    s = await launch(browser, { colorScheme: 'light' });
    await loadSample(s);
    demo = await openDemo(s);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the verdict and the levels next to the S&P 500 price, as of the sample’s snapshot', async () => {
    const { tab, tabId } = demo;
    const verdict = await tab.waitFor<string>(VERDICT, { timeoutMs: 20_000 });
    expect(Object.keys(BADGE)).toContain(verdict);
    const state = await waitLive(s, tabId, 'l.delivered && l.sent');
    expect(state.verdict).toBe(verdict);
    expect(state.sent!.title.toLowerCase()).toBe(verdict);
    expect(state.sent!.rows.map((r) => r.label)).toEqual(['Gamma flip', 'Call wall', 'Put wall']);
    // REFERENCE.md: flip 4494.30, call wall 4500 (SPX = .INX, 1:1).
    expect(state.sent!.rows[0]!.value).toBe('4,494.30');
    expect(state.sent!.rows[1]!.value).toBe('4,500.00');
    const notes = state.sent!.notes.map((n) => n.text).join(' | ');
    expect(notes).toContain('levels as of the chain’s snapshot, not now');
    expect(notes).toContain('stale');
    // Drawing the panel must not move the page's focus.
    expect(
      await tab.eval(`document.activeElement === document.body || document.activeElement === null`),
    ).toBe(true);
    await tab.screenshot('overlay-light');
  });

  it('follows the page’s ticks', async () => {
    const { tabId } = demo;
    const first = await waitLive(s, tabId, 'l.delivered && l.sent');
    const next = await waitLive(
      s,
      tabId,
      `l.delivered && l.sent && l.sent.price !== ${JSON.stringify(first.sent!.price)}`,
    );
    expect(next.sent!.price).toMatch(/^at 4,51\d\.\d\d$/);
    expect(next.sentAt).toBeGreaterThan(first.sentAt);
  });

  it('gives the tab a badge in the verdict’s text and colour, and the popup the same word', async () => {
    const { tab, tabId } = demo;
    const verdict = await tab.waitFor<string>(VERDICT);
    const [text, color] = await badge(s, tabId);
    expect(text).toBe(BADGE[verdict]!.text);
    expect(color).toEqual(BADGE[verdict]!.color);
    const reply = await s.extEval<{
      ok: boolean;
      value: { status: string; verdict: string; regime: string };
    }>(`ext.runtime.sendMessage({ gexfocus: 1, type: 'tab/analysis', payload: { tabId: ${tabId} } })`);
    expect(reply.value.status).toBe('ok');
    expect(reply.value.verdict).toBe(await tab.eval(VERDICT));
    expect(['stabilizing', 'accelerating', 'transition']).toContain(reply.value.regime);
  });

  it('covers only its own box: the rest of the page still gets the clicks', async () => {
    const share = await overlayHitShare(demo.tab);
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(0.2);
  });

  it('goes away when the overlay setting is turned off, and comes back when it is turned on', async () => {
    const { tab, tabId } = demo;
    await tab.waitFor(VERDICT);
    await setOverlay(s, false);
    await tab.waitFor(`!${HOST}`, { timeoutMs: 10_000 });
    // The background records what it pushed at most every 250 ms per tab: wait for it.
    const off = await waitLive(s, tabId, '!l.sent');
    expect(off?.sent ?? null).toBeNull();
    // The badge keeps telling the verdict without the overlay.
    expect(Object.values(BADGE).map((b) => b.text)).toContain((await badge(s, tabId))[0]);
    await setOverlay(s, true);
    await tab.waitFor(VERDICT, { timeoutMs: 10_000 });
  });

  it('keeps its look and its box on a page whose CSS attacks every element', async () => {
    const url = s.fixtureUrl('www.cnbc.com', '/hostile.html?symbol=SPX');
    const tab = await s.newTab(url);
    await tab.setViewport(1000, 600);
    const verdict = await tab.waitFor<string>(VERDICT, { timeoutMs: 20_000 });
    expect(Object.keys(BADGE)).toContain(verdict);
    // The host's own box is what the page could restyle: the :host reset wins over `* { all: unset;
    // font-size: 40px !important }`.
    const host = await tab.eval<Record<string, string>>(`(() => {
      const cs = getComputedStyle(${HOST});
      return { position: cs.position, display: cs.display, fontSize: cs.fontSize, width: cs.width };
    })()`);
    expect(host).toEqual({ position: 'fixed', display: 'block', fontSize: '16px', width: '0px' });
    const share = await overlayHitShare(tab);
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(0.25);
    expect(
      await tab.eval(`(() => {
        const r = document.getElementById('link').getBoundingClientRect();
        return document.elementFromPoint(r.left + 5, r.top + r.height / 2)?.id ?? null;
      })()`),
    ).toBe('link');
    await tab.screenshot('overlay-hostile-css');
    await tab.close();
  });
});

describe.each(BROWSERS)('%s overlay in dark mode', (browser) => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launch(browser, { colorScheme: 'dark' });
    await loadSample(s);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('draws the panel in dark colours', async () => {
    const { tab } = await openDemo(s);
    await tab.waitFor(VERDICT, { timeoutMs: 20_000 });
    expect(await tab.eval(`matchMedia('(prefers-color-scheme: dark)').matches`)).toBe(true);
    await tab.screenshot('overlay-dark');
  });
});
