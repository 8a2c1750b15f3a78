/**
 * Alerts in a fake browser, on a live SPX chain (test/fixtures/live-chain.ts): a page price crossing
 * the flip the engine computes at the clock shows one notification with the numbers; the cool-down,
 * the hourly cap and a missing permission hold the next ones; the state survives a stopped worker;
 * a click focuses the tab; turning alerts off gives the permission back, and a check in flight then
 * cannot write the state back.
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

await import('../../src/platform/browser.ts'); // runs the mock's factory: fake.current exists from here
const { makeRecord } = await import('../../src/background/chains/record.ts');
const { saveChain } = await import('../../src/background/chains/store.ts');
const { patchSettings } = await import('../../src/background/settings/store.ts');
const { importChain } = await import('../../src/core/import/index.ts');
const { analyze } = await import('../../src/core/analyze.ts');
const { prepare } = await import('../../src/core/prepare.ts');
const { DEFAULT_SETTINGS, modelFor } = await import('../../src/core/settings.ts');
const { liveQuoteTable } = await import('../fixtures/live-chain.ts');
type PageReport = import('../../src/messaging/types.ts').PageReport;
type Sender = import('../../src/platform/browser.ts').Runtime.MessageSender;
type AlertState = import('../../src/background/alerts/alert-state.ts').AlertState;

let flip = 0;
let ndxSpot = 0;

/** A new worker: fresh module instances over the same storage (what stopBackground does). */
async function worker() {
  vi.resetModules();
  return {
    page: (await import('../../src/background/handlers/page.ts')).pageHandlers,
    notify: await import('../../src/background/alerts/notify.ts'),
    listeners: await import('../../src/background/alerts/listeners.ts'),
  };
}

const report = pageReport;
type Page = Awaited<ReturnType<typeof worker>>['page'];
const send = (page: Page, tabId: number, r: PageReport) =>
  page['page/report'](r, {
    tabId,
    frameId: 0,
    sender: { url: URL_SPX, tab: { id: tabId }, frameId: 0 } as unknown as Sender,
  });
const stored = () => fake.current.session.data.get('alerts') as AlertState | undefined;
const fmt = (p: number) => p.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

beforeAll(async () => {
  const now = Date.now();
  const shared = (f: string) =>
    readFileSync(new URL(`../../../shared/data/chains/${f}`, import.meta.url), 'utf8');
  const spx = importChain(liveQuoteTable(shared('spx_quotedata_2023-09-14_full.csv'), now).text).chain;
  const ndx = importChain(liveQuoteTable(shared('ndx_quotedata_2022-02-05_full.csv'), now).text).chain;
  ndxSpot = ndx.spot!;
  for (const chain of [spx, ndx])
    await saveChain(
      fake.current.local,
      makeRecord({ chain, asOf: chain.asOf!, source: { format: 'cboe-csv', importedAt: 1 } }),
    );
  // The engine's flip for SPX now (the live preset at the clock; one crossing near the spot).
  flip = analyze(prepare(spx, modelFor(DEFAULT_SETTINGS, 'SPX'), now), spx.spot!).flip!;
  expect(flip).toBeGreaterThan(spx.spot! * 0.97);
});

let tab = 500;
beforeEach(async () => {
  tab += 10;
  fake.current.notifications.length = 0;
  fake.current.session.data.delete('alerts');
  fake.current.setNotifications(true);
  await patchSettings(fake.current.local, { alerts: { enabled: true, cooldownMin: 5, maxPerHour: 12 } });
});

describe('alerts', () => {
  it('fires once when the price crosses the flip, with the symbol, price, level, verdict and hedge', async () => {
    const { page } = await worker();
    await send(page, tab, report('SPX', flip * 1.01));
    expect(fake.current.notifications).toEqual([]); // the first look is only a baseline
    const below = flip * 0.99;
    await send(page, tab, report('SPX', below));
    expect(fake.current.notifications).toHaveLength(1);
    const [n] = fake.current.notifications;
    expect(n!.title).toBe('GEXfocus: SPX crossed below the gamma flip');
    expect(n!.message).toContain(`SPX ${fmt(below)} is below the gamma flip at ${fmt(flip)}`);
    expect(n!.message).toMatch(
      /: dealer hedging now (damps|extends) moves \((stabilizing|accelerating|transition)\)\./,
    );
    expect(n!.message).toMatch(
      /Dealer hedge if \+1 %: (buy|sell) \$[\d.]+ (bn|m|k) \(≈ [\d,]+ ES\); if −1 %: (buy|sell) \$[\d.]+ (bn|m|k) \(≈ [\d,]+ ES\)\.$/,
    );
    expect(n!.id).toBe(`gexfocus-alert:${tab}:${stored()!.last!.at}`);
    expect(stored()!.last).toMatchObject({ symbol: 'SPX', tabId: tab, title: n!.title });
  });

  it('holds the next crossing within the cool-down, and says why', async () => {
    const { page } = await worker();
    for (const f of [1.01, 0.99, 1.01, 0.99]) await send(page, tab, report('SPX', flip * f));
    expect(fake.current.notifications).toHaveLength(1);
    expect(stored()!.held).toMatchObject({ symbol: 'SPX', reason: 'cooldown' });
  });

  it('keeps the cool-down and the sides when the worker is stopped between two ticks', async () => {
    let w = await worker();
    await send(w.page, tab, report('SPX', flip * 1.01));
    w = await worker(); // stopped after the baseline: the side "above" must come back from storage.session
    expect((await import('../../src/background/state/tab-state.ts')).heldTabs()).toBe(0); // a new instance
    await send(w.page, tab, report('SPX', flip * 0.99));
    expect(fake.current.notifications).toHaveLength(1);
    w = await worker(); // stopped after the alert: the cool-down must come back too
    await send(w.page, tab, report('SPX', flip * 1.01));
    expect(fake.current.notifications).toHaveLength(1);
    expect(stored()!.held).toMatchObject({ reason: 'cooldown' });
  });

  it('caps the alerts of all symbols at maxPerHour', async () => {
    await patchSettings(fake.current.local, { alerts: { enabled: true, cooldownMin: 5, maxPerHour: 1 } });
    const { page } = await worker();
    await send(page, tab, report('SPX', flip * 1.01));
    await send(page, tab, report('SPX', flip * 0.99));
    // NDX: its first look, then a jump far enough to cross something (its walls or flip) or turn.
    await send(page, tab + 1, report('NDX', ndxSpot));
    for (const f of [0.94, 1.06, 0.94]) await send(page, tab + 1, report('NDX', ndxSpot * f));
    expect(fake.current.notifications).toHaveLength(1);
    expect(stored()!.held).toMatchObject({ symbol: 'NDX', reason: 'cap' });
  });

  it('shows nothing without the permission, nothing on a suspect price, nothing when alerts are off', async () => {
    fake.current.setNotifications(false);
    let { page } = await worker();
    await send(page, tab, report('SPX', flip * 1.01));
    await send(page, tab, report('SPX', flip * 0.99));
    expect(stored()!.held).toMatchObject({ reason: 'no-permission' });
    fake.current.setNotifications(true);
    ({ page } = await worker());
    await send(page, tab, report('SPX', flip * 1.01, { suspect: true, reason: 'jump' }));
    await patchSettings(fake.current.local, { alerts: { enabled: false, cooldownMin: 5, maxPerHour: 12 } });
    await send(page, tab, report('SPX', flip * 0.99));
    expect(fake.current.notifications).toEqual([]);
  });

  it('focuses the notification’s tab and its window on a click', async () => {
    const { notify } = await worker();
    expect(await notify.onNotificationClicked(notify.notificationId(42, 1))).toBe(true);
    expect(fake.current.focused).toEqual([{ tabId: 42 }, { windowId: 9 }]);
    expect(await notify.onNotificationClicked('someone-else:42')).toBe(false);
  });

  it('gives the permission back and forgets the alert state when alerts are turned off', async () => {
    const { page, listeners } = await worker();
    await send(page, tab, report('SPX', flip * 1.01));
    expect(stored()?.symbols.SPX).toBeDefined();
    const on = { ...DEFAULT_SETTINGS, alerts: { enabled: true, cooldownMin: 5, maxPerHour: 12 } };
    const off = { ...on, alerts: { ...on.alerts, enabled: false } };
    await listeners.onSettingsChanged({ settings: { oldValue: on, newValue: off } }, 'local');
    expect(fake.current.permissions.has('notifications')).toBe(false);
    expect(stored()).toBeUndefined();
  });

  /**
   * Holds a new worker's first read of the settings (alerts on) until `answer()`: the report's
   * evaluation then works from settings read before a switch, as a tick in flight does.
   */
  function holdSettingsRead() {
    const local = fake.current.local;
    const get = local.get.bind(local);
    let readBegun!: () => void;
    const begun = new Promise<void>((ok) => (readBegun = ok));
    let answer!: () => void;
    const gate = new Promise<void>((ok) => (answer = ok));
    let armed = true;
    local.get = async (keys) => {
      if (!armed || keys !== 'settings') return get(keys);
      armed = false;
      const value = await get(keys);
      readBegun();
      await gate;
      return value;
    };
    return { begun, answer, restore: () => (local.get = get) };
  }
  const on = { ...DEFAULT_SETTINGS, alerts: { enabled: true, cooldownMin: 5, maxPerHour: 12 } };
  const off = { ...on, alerts: { ...on.alerts, enabled: false } };
  const switchedOff = { settings: { oldValue: on, newValue: off } };
  /** Writes alerts off and tells the worker's read caches, as storage.onChanged does after a write. */
  async function writeOff() {
    await patchSettings(fake.current.local, { alerts: off.alerts });
    fake.current.events.storageChanged.fire(switchedOff, 'local');
  }

  it('keeps nothing from a check that began before alerts were turned off and ended after', async () => {
    const { page, listeners } = await worker();
    const held = holdSettingsRead();
    try {
      const inFlight = send(page, tab, report('SPX', flip * 1.01));
      await held.begun;
      await writeOff();
      await listeners.onSettingsChanged(switchedOff, 'local');
      expect(stored()).toBeUndefined();
      held.answer();
      await inFlight;
    } finally {
      held.restore();
    }
    // The check saw alerts on, observed SPX and saved: nothing of it is stored or remembered.
    expect(stored()).toBeUndefined();
    const { alertState } = await import('../../src/background/alerts/alert-state.ts');
    expect((await alertState()).symbols).toEqual({});
  });

  it('shows nothing for a crossing whose check began before alerts were turned off', async () => {
    await send((await worker()).page, tab, report('SPX', flip * 1.01)); // the baseline, alerts on
    const { page, listeners } = await worker();
    const held = holdSettingsRead();
    try {
      const inFlight = send(page, tab, report('SPX', flip * 0.99)); // a crossing
      await held.begun;
      await writeOff(); // the permission is still held: the listener has not run yet
      held.answer();
      await inFlight;
    } finally {
      held.restore();
    }
    expect(fake.current.notifications).toEqual([]);
    await listeners.onSettingsChanged(switchedOff, 'local');
    expect(stored()).toBeUndefined();
    expect(fake.current.permissions.has('notifications')).toBe(false);
  });

  it('switches alerts off when the user takes the permission away in the browser', async () => {
    const { listeners } = await worker();
    await listeners.onPermissionsRemoved(['notifications']);
    const settings = fake.current.local.data.get('settings') as { alerts: { enabled: boolean } };
    expect(settings.alerts.enabled).toBe(false);
  });
});
