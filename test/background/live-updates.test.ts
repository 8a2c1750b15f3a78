/**
 * The per-tick path of the background (page/report → reading → live update), on live chains
 * (test/fixtures/live-chain.ts) in a fake browser: bounded work per report (coalescing, session
 * writes, badge calls), the caches (prepared chains per chain/model/minute, analyses per tab, drivers
 * once a minute), pruning when a tab closes, the trusted host, and a worker stopped between ticks.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { fakeBrowser } from './fake-browser.ts';
import { pageReport, URL_SPX } from './page-report.ts';

// Each test runs the background's whole path on real chains (a new worker loads, prepares and
// analyses its chain again): allow for a loaded machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const fake = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof fakeBrowser> }));
vi.mock('../../src/platform/browser.ts', async () => {
  const { fakeBrowser: make } = await import('./fake-browser.ts');
  fake.current = make();
  return { ext: fake.current.ext };
});

const { pageHandlers } = await import('../../src/background/handlers/page.ts');
const { analysisHandlers } = await import('../../src/background/handlers/analysis.ts');
const { onTabClosed } = await import('../../src/background/tab-closed.ts');
const { preparationCount } = await import('../../src/background/analysis/cache.ts');
const { analysisCount } = await import('../../src/background/overlay/live-evaluation.ts');
const { driversComputed } = await import('../../src/background/analysis/drivers-cache.ts');
const { badgeCalls } = await import('../../src/background/badge.ts');
const { heldTabs, FLUSH_MS } = await import('../../src/background/state/tab-state.ts');
const { coalescing } = await import('../../src/background/state/coalesce.ts');
const { makeRecord } = await import('../../src/background/chains/record.ts');
const { saveChain } = await import('../../src/background/chains/store.ts');
const { importChain } = await import('../../src/core/import/index.ts');
const { liveQuoteTable } = await import('../fixtures/live-chain.ts');
const { snapshotFromSession } = await import('../../src/popup/stored-snapshot.ts');
const { setOverlayOnTab } = await import('../../src/background/overlay/shown.ts');
const { listenDataChanges, dataChangesSettled } = await import('../../src/background/overlay/data-change.ts');
const { patchSettings, SETTINGS_KEY } = await import('../../src/background/settings/store.ts');
const { flush } = await import('../../src/background/state/tab-state.ts');
listenDataChanges();
type PageReport = import('../../src/messaging/types.ts').PageReport;
type TabReading = import('../../src/messaging/types.ts').TabReading;
type Sender = import('../../src/platform/browser.ts').Runtime.MessageSender;

const shared = (f: string) =>
  readFileSync(new URL(`../../../shared/data/chains/${f}`, import.meta.url), 'utf8');
const URL_NDX = 'https://www.google.com/finance/quote/NDX:INDEXNASDAQ';

let spot = { SPX: 0, NDX: 0 };

beforeAll(async () => {
  const now = Date.now();
  for (const [file, underlying] of [
    ['spx_quotedata_2023-09-14_full.csv', 'SPX'],
    ['ndx_quotedata_2022-02-05_full.csv', 'NDX'],
  ] as const) {
    const { chain } = importChain(liveQuoteTable(shared(file), now).text);
    spot = { ...spot, [underlying]: chain.spot! };
    await saveChain(
      fake.current.local,
      makeRecord({ chain, asOf: chain.asOf!, source: { format: 'cboe-csv', importedAt: 1 } }),
    );
  }
});

let nextTab = 100;
beforeEach(() => {
  nextTab += 10;
});

const report = pageReport;

const send = (tabId: number, r: PageReport, url = URL_SPX, frameId = 0) =>
  pageHandlers['page/report'](r, {
    tabId,
    frameId,
    sender: { url, tab: { id: tabId }, frameId } as unknown as Sender,
  });

const pushedTo = (tabId: number) =>
  fake.current.sent.filter((m) => m.tabId === tabId).map((m) => m.message as { view: { price: string } });
const sessionSets = () => fake.current.session.data.size;
const until = async (cond: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((ok) => setTimeout(ok, 5));
  }
};

describe('bounded work per price report', () => {
  it('coalesces reports that arrive while an update runs: the latest price wins, the rest are never evaluated', async () => {
    const tab = nextTab;
    await send(tab, report('SPX', spot.SPX)); // first update: loads and prepares
    const before = pushedTo(tab).length;
    const prices = Array.from({ length: 50 }, (_, i) => spot.SPX + i * 0.25);
    await Promise.all(prices.map((p) => send(tab, report('SPX', p))));
    const pushed = pushedTo(tab).slice(before);
    expect(pushed.length).toBeLessThanOrEqual(2); // the one running, then one on the latest report
    expect(pushed.at(-1)!.view.price).toBe(
      `SPX ${prices.at(-1)!.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
    );
    expect(coalescing()).toBe(0);
  });

  it('writes storage.session at most once per 250 ms per tab, and the last reading gets there', async () => {
    const tab = nextTab;
    const session = fake.current.session;
    const realSet = session.set.bind(session);
    const writes: number[] = [];
    session.set = async (items) => {
      if (Object.keys(items).some((k) => k.endsWith(`:${tab}`))) writes.push(Date.now());
      return realSet(items);
    };
    try {
      const start = Date.now();
      let last = 0;
      for (let i = 0; i < 20; i++) {
        last = spot.SPX + (i % 2 ? 1 : -1) * 0.5 + i * 0.01;
        await send(tab, report('SPX', last));
        await new Promise((ok) => setTimeout(ok, 50)); // 20 reports a second
      }
      await new Promise((ok) => setTimeout(ok, FLUSH_MS + 50));
      const elapsed = Date.now() - start;
      expect(writes.length).toBeLessThanOrEqual(Math.ceil(elapsed / FLUSH_MS) + 1);
      for (let i = 1; i < writes.length; i++)
        expect(writes[i]! - writes[i - 1]!).toBeGreaterThanOrEqual(FLUSH_MS - 5); // timer slack
      const stored = session.data.get(`tab:${tab}`) as TabReading;
      expect(stored.price).toBe(last);
    } finally {
      session.set = realSet;
    }
  });

  it('calls the badge API only when its text, colour or title changes, not on every price', async () => {
    const tab = nextTab;
    await send(tab, report('SPX', spot.SPX));
    const before = badgeCalls();
    for (let i = 1; i <= 20; i++) await send(tab, report('SPX', spot.SPX + i * 0.05));
    expect(badgeCalls() - before).toBe(0);
    const titles = fake.current.badge.calls.filter((c) => c.tabId === tab && c.api === 'title');
    expect(titles).toHaveLength(1);
    expect(titles[0]!.value).toMatch(
      /^GEXfocus: SPX (stabilizing|accelerating|transition) \((flip [\d,.]+|no flip within ±20 %)\)$/,
    );
  });

  it('forgets a closed tab everywhere, and ignores a report that arrives after the close', async () => {
    const tab = nextTab;
    await send(tab, report('SPX', spot.SPX));
    await until(() => fake.current.session.data.has(`live:${tab}`));
    const held = heldTabs();
    await onTabClosed(tab);
    expect(heldTabs()).toBe(held - 1);
    for (const k of ['tab:', 'frames:', 'live:'])
      expect(fake.current.session.data.has(`${k}${tab}`)).toBe(false);
    await send(tab, report('SPX', spot.SPX + 1));
    await new Promise((ok) => setTimeout(ok, FLUSH_MS + 20));
    expect(heldTabs()).toBe(held - 1);
    expect([...fake.current.session.data.keys()].filter((k) => k.endsWith(`:${tab}`))).toEqual([]);
    expect(coalescing()).toBe(0);
  });

  it('takes the reading’s host and URL from the sender, not from the page’s payload', async () => {
    const tab = nextTab;
    await send(
      tab,
      report('SPX', spot.SPX, { frameUrl: 'https://' }),
      'https://finance.yahoo.com/quote/%5EGSPC',
    );
    const reading = await pageHandlers['tab/reading']({ tabId: tab }, { sender: {} as Sender });
    expect(reading).toMatchObject({
      host: 'finance.yahoo.com',
      frameUrl: 'https://finance.yahoo.com/quote/%5EGSPC',
    });
  });

  it('keeps the time of a report sent again unchanged (no new tick), and takes a changed one’s', async () => {
    const tab = nextTab;
    const at = async () =>
      ((await pageHandlers['tab/reading']({ tabId: tab }, { sender: {} as Sender })) as TabReading).at;
    await send(tab, report('SPX', spot.SPX));
    const first = await at();
    await new Promise((ok) => setTimeout(ok, 20));
    await send(tab, report('SPX', spot.SPX)); // the report port's resend after a dropped port
    expect(await at()).toBe(first);
    await send(tab, report('SPX', spot.SPX, { suspect: true, reason: 'jump' }));
    const changed = await at();
    expect(changed).toBeGreaterThan(first);
    await new Promise((ok) => setTimeout(ok, 20));
    await send(tab, report('SPX', spot.SPX + 1));
    expect(await at()).toBeGreaterThan(changed);
  });
});

describe('caches that hold what the user has open', () => {
  it('does not re-prepare when two tabs on SPX and NDX alternate reports', async () => {
    const [a, b] = [nextTab, nextTab + 1];
    await send(a, report('SPX', spot.SPX));
    await send(b, report('NDX', spot.NDX), URL_NDX);
    const prepared = preparationCount();
    for (let i = 0; i < 20; i++) {
      await send(a, report('SPX', spot.SPX * (1 + (i % 5) * 0.001)));
      await send(b, report('NDX', spot.NDX * (1 - (i % 5) * 0.001)), URL_NDX);
    }
    // Within the minute: nothing; across a minute boundary: each chain once more.
    expect(preparationCount() - prepared).toBeLessThanOrEqual(2);
  });

  it('does not re-run the full analysis on every report of a price alternating ±0.6 %', async () => {
    const tab = nextTab;
    await send(tab, report('SPX', spot.SPX));
    const before = analysisCount();
    for (let i = 0; i < 20; i++) await send(tab, report('SPX', spot.SPX * (i % 2 ? 1.006 : 0.994)));
    // Two anchors serve the two prices (≤ 1 % away); a minute boundary may add two more.
    expect(analysisCount() - before).toBeLessThanOrEqual(4);
  });

  it('computes the drivers at most once a minute per chain and model, however often the popup asks', async () => {
    const tab = nextTab;
    await send(tab, report('SPX', spot.SPX));
    const before = driversComputed();
    for (let i = 0; i < 5; i++) {
      const levels = await analysisHandlers['tab/analysis']({ tabId: tab }, { sender: {} as Sender });
      expect(levels).toMatchObject({ status: 'ok', drivers: { charmFlow: expect.any(Object) } });
    }
    expect(driversComputed() - before).toBeLessThanOrEqual(1);
  });
});

describe('what storage.session holds for a tab', () => {
  it('is validated when read: a damaged entry is dropped, never used, and the next report replaces it', async () => {
    const tab = nextTab;
    fake.current.session.data.set(`tab:${tab}`, { tabId: tab, price: 'lots', frameUrl: 'javascript:1' });
    fake.current.session.data.set(`live:${tab}`, { verdict: 'bullish' });
    expect(await pageHandlers['tab/reading']({ tabId: tab }, { sender: {} as Sender })).toBeNull();
    await send(tab, report('SPX', spot.SPX));
    await until(() => (fake.current.session.data.get(`tab:${tab}`) as TabReading).price === spot.SPX);
    await until(() =>
      ['stabilizing', 'accelerating', 'transition'].includes(
        (fake.current.session.data.get(`live:${tab}`) as { verdict: string }).verdict,
      ),
    );
  });

  it('holds the glance the popup paints first: the background’s own answer for that reading', async () => {
    const tab = nextTab;
    const price = spot.SPX * 0.995;
    await send(tab, report('SPX', price));
    const items = () => Object.fromEntries(fake.current.session.data);
    await until(() => snapshotFromSession(items(), tab) !== undefined);
    const stored = snapshotFromSession(items(), tab)!;
    const asked = await analysisHandlers['tab/glance']({ tabId: tab, quick: true }, { sender: {} as Sender });
    expect(stored.reading).toEqual(asked.reading);
    expect(asked.glance.status).toBe('glance');
    const { evaluatedAt, netGex, ...rest } = asked.glance as Extract<
      typeof asked.glance,
      { status: 'glance' }
    >;
    expect(stored.glance).toMatchObject({ ...rest, pagePrice: price });
    // Evaluated at the report, not at the question: only the clock between them differs.
    expect(stored.glance.status === 'glance' && stored.glance.evaluatedAt).toBeLessThanOrEqual(evaluatedAt);
    expect(stored.glance.status === 'glance' && stored.glance.netGex).toBeCloseTo(
      netGex,
      -Math.log10(Math.abs(netGex) * 1e-4),
    );
    // A price the stored glance was not computed at is not painted from storage.
    fake.current.session.data.set(`tab:${tab}`, { ...stored.reading!, price: price + 1 });
    expect(snapshotFromSession(items(), tab)).toBeUndefined();
    // A symbol no chain answers to: the old glance leaves storage (the popup must not paint it),
    // with the overlay hidden on the tab too (no view to take off the page).
    await setOverlayOnTab(tab, false);
    await send(tab, report('SPX', price));
    await until(() => {
      const live = fake.current.session.data.get(`live:${tab}`) as { sent: unknown; glance?: unknown };
      return live.sent === null && live.glance != null;
    });
    await send(tab, report('AAPL', 190.5));
    await until(() => (fake.current.session.data.get(`live:${tab}`) as { glance?: unknown }).glance === null);
  });
});

describe('a change of the model', () => {
  it('re-evaluates the tab at once: the stored glance, the badge and the overlay follow without a new report', async () => {
    const tab = nextTab;
    const price = spot.SPX * 1.004;
    await send(tab, report('SPX', price));
    const glance = () =>
      (fake.current.session.data.get(`live:${tab}`) as { glance?: { netGex: number; verdict: string } })
        ?.glance;
    await until(() => glance() != null);
    const before = glance()!;
    const pushes = pushedTo(tab).length;
    const old = fake.current.local.data.get(SETTINGS_KEY);
    await patchSettings(fake.current.local, { signs: 'short-all' });
    fake.current.events.storageChanged.fire(
      { [SETTINGS_KEY]: { oldValue: old, newValue: fake.current.local.data.get(SETTINGS_KEY) } },
      'local',
    );
    await dataChangesSettled();
    await flush(tab);
    const after = glance()!;
    // Dealers short every option: negative gamma everywhere, so the sign of net GEX turns.
    expect(Math.sign(before.netGex)).toBe(1);
    expect(after.netGex).toBeLessThan(0);
    expect(after.verdict).toBe('accelerating');
    const asked = await analysisHandlers['tab/glance']({ tabId: tab, quick: true }, { sender: {} as Sender });
    expect(asked.glance).toMatchObject({ verdict: after.verdict });
    expect(pushedTo(tab).length).toBeGreaterThan(pushes); // the overlay got the new view
    const titles = fake.current.badge.calls.filter((c) => c.tabId === tab && c.api === 'title');
    expect(titles.at(-1)!.value).toMatch(/^GEXfocus: SPX accelerating/);
    await patchSettings(fake.current.local, { signs: 'long-calls-short-puts' });
  });
});

describe('a worker stopped between two ticks', () => {
  it('finds the tab’s reading and verdict again in storage.session', async () => {
    const tab = nextTab;
    await send(tab, report('SPX', spot.SPX * 1.02));
    await until(
      () => (fake.current.session.data.get(`live:${tab}`) as { verdict?: string })?.verdict != null,
    );
    const live = fake.current.session.data.get(`live:${tab}`) as { verdict: string; key: string };
    // A new worker: fresh module instances over the same storage.
    vi.resetModules();
    const fresh = await import('../../src/background/handlers/page.ts');
    const reading = await fresh.pageHandlers['tab/reading']({ tabId: tab }, { sender: {} as Sender });
    expect(reading).toMatchObject({ symbol: 'SPX', price: spot.SPX * 1.02 });
    const verdict = await import('../../src/background/overlay/tab-verdict.ts');
    expect(await verdict.getLiveState(tab)).toMatchObject({ verdict: live.verdict, key: live.key });
    expect(sessionSets()).toBeGreaterThan(0);
  });
});
