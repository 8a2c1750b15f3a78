/**
 * Alerts end to end, in real Chromium and Firefox with the shipped build, on a LIVE SPX chain (a real
 * Cboe quote table moved forward by whole weeks, test/fixtures/live-chain.ts) and a page whose price
 * the test moves across the gamma flip the engine (src/core) computes at the clock:
 * - alerts are turned on the way the popup does it: `permissions.request({ permissions:
 *   ['notifications'] })` inside a real click, then the setting;
 * - the background is stopped between the tick above the flip and the tick below it, and again
 *   before the next crossing: the alert fires once, carries the symbol, the price, the flip (the
 *   one the popup's analysis shows, and the engine's at that price and time) and the verdict, and is
 *   held by the cool-down the second time;
 * - turning alerts off gives the permission back.
 *
 * What each browser covers of the notification itself:
 * - Chromium: headless Chromium cannot accept a permission prompt (browser UI), so the profile is
 *   created with `notifications` already granted (Preferences, extensions.settings.<id>
 *   .active_permissions — what Chrome records once the user accepted its prompt; the id of an
 *   unpacked extension is derived from its path). The extension's own request in the click then
 *   resolves true without a prompt. The notification is checked with notifications.getAll(); its
 *   click cannot be driven (no test API reaches Chromium's notification UI; the click handler has unit
 *   tests).
 * - Firefox: `extensions.webextOptionalPermissionPrompts = false` grants the request in the click; the
 *   harness records what the browser's notification service was asked to show (title and text as
 *   shown) and clicks it as the desktop would: the tab is brought to the front.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.ts';
import { chainToJSON } from '../../src/core/chain.ts';
import { importChain } from '../../src/core/import/index.ts';
import { prepare } from '../../src/core/prepare.ts';
import { DEFAULT_SETTINGS, modelFor } from '../../src/core/settings.ts';
import { liveQuoteTable } from '../fixtures/live-chain.ts';
import {
  BROWSERS,
  type ExtensionSession,
  launch,
  type NotificationRecorder,
  type Tab,
} from './harness/index.ts';

const SPX = readFileSync(
  new URL('../../../shared/data/chains/spx_quotedata_2023-09-14_full.csv', import.meta.url),
  'utf8',
);
const send = (type: string, payload: unknown) =>
  `ext.runtime.sendMessage({ gexfocus: 1, type: ${JSON.stringify(type)}, payload: ${JSON.stringify(payload)} })`;

interface Alerts {
  symbols: Record<string, { levels: { flip?: { side: string | null } }; lastAlertAt: number }>;
  last: { title: string; message: string; id: string; tabId: number; at: number } | null;
  held: { reason: string; at: number } | null;
}
const alertsOf = (s: ExtensionSession) =>
  s.extEval<Alerts | null>(`ext.storage.session.get('alerts').then((x) => x.alerts ?? null)`);
/** Polls the background's alert state (storage.session) until `cond` over `a` holds. */
const waitAlerts = (s: ExtensionSession, cond: string, timeoutMs = 15_000) =>
  s.extEval<Alerts>(`(async () => {
    const end = Date.now() + ${timeoutMs};
    let a = null;
    while (Date.now() < end) {
      a = (await ext.storage.session.get('alerts')).alerts ?? null;
      if (a && (${cond})) return a;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error('timed out; last: ' + JSON.stringify(a));
  })()`);

/** Chrome's id for an unpacked extension: SHA-256 of its path, first 32 hex digits as a–p. */
const unpackedId = (path: string) =>
  [...createHash('sha256').update(path).digest('hex').slice(0, 32)]
    .map((c) => String.fromCharCode(97 + Number.parseInt(c, 16)))
    .join('');

/** A Chromium profile in which the user already accepted the `notifications` prompt (see above). */
function chromiumProfileWithNotifications(dir: string): void {
  const grant = { api: ['notifications'], explicit_host: [], manifest_permissions: [], scriptable_host: [] };
  const id = unpackedId(join(dir, 'extension')); // where the harness copies the build (profileDir)
  mkdirSync(join(dir, 'profile', 'Default'), { recursive: true });
  writeFileSync(
    join(dir, 'profile', 'Default', 'Preferences'),
    JSON.stringify({
      extensions: { settings: { [id]: { active_permissions: grant, granted_permissions: grant } } },
    }),
  );
}

describe.each(BROWSERS)('%s alerts', (browser) => {
  const dir = mkdtempSync(join(tmpdir(), `gexfocus-e2e-alerts-${browser}-`));
  let s: ExtensionSession;
  let recorder: NotificationRecorder | undefined;
  let chain: ReturnType<typeof importChain>['chain'];

  beforeAll(async () => {
    if (browser === 'chromium') chromiumProfileWithNotifications(dir);
    s = await launch(browser, {
      profileDir: dir,
      prefs: { 'extensions.webextOptionalPermissionPrompts': false },
    });
    if (browser === 'chromium') expect(s.extUrl('')).toContain(unpackedId(join(dir, 'extension')));
    recorder = await s.recordNotifications?.();
    chain = importChain(liveQuoteTable(SPX, Date.now()).text).chain;
    const saved = await s.extEval<{ ok: boolean }>(
      send('chains/save', {
        chain: chainToJSON(chain),
        asOf: chain.asOf,
        source: { format: 'cboe-csv', fileName: 'spx-live.csv', importedAt: Date.now() },
      }),
    );
    expect(saved.ok).toBe(true);
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The engine's flip for the live chain at this instant and price (SPX units = page units). */
  const engineFlip = (S: number) =>
    analyze(prepare(chain, modelFor(DEFAULT_SETTINGS, 'SPX'), Date.now()), S).flip!;

  async function turnAlertsOn(): Promise<Tab> {
    const page = await s.newTab(s.extUrl('src/options/index.html'));
    await page.eval(`(() => {
      const b = document.createElement('button');
      b.id = 'alerts-on';
      b.textContent = 'Alerts on';
      b.onclick = () => {
        window.asked = ext.permissions
          .request({ permissions: ['notifications'] })
          .then((ok) => ok && ${send('settings/update', { patch: { alerts: { enabled: true, cooldownMin: 5, maxPerHour: 12 } } })})
          .then((r) => (window.done = r ? JSON.stringify(r.value?.alerts ?? r) : 'refused'));
      };
      document.body.prepend(b);
      return true;
    })()`);
    await page.click('#alerts-on'); // a real click: the request is inside the user's gesture
    const done = await page.waitFor<string>(`window.done`);
    expect(JSON.parse(done)).toEqual({ enabled: true, cooldownMin: 5, maxPerHour: 12 });
    expect(await page.eval(`ext.permissions.contains({ permissions: ['notifications'] })`)).toBe(true);
    return page;
  }

  it('fires once when the price crosses the flip, with the numbers, across a stopped background', async () => {
    const options = await turnAlertsOn();
    const flip = engineFlip(chain.spot!);
    const above = Math.round(flip * 1.01 * 100) / 100;
    const below = Math.round(flip * 0.99 * 100) / 100;
    const url = s.fixtureUrl('www.google.com', `/finance/quote/SPX:ALERTS?price=${above}`);
    const page = await s.newTab(url);
    const tabId = await s.tabIdOf(url);
    // The first look records the side; nothing is shown for it.
    await waitAlerts(s, `a.symbols.SPX?.levels.flip?.side === 'above'`);
    expect((await alertsOf(s))?.last).toBeNull();

    await s.stopBackground();
    await page.eval(`tick(${below})`);
    const fired = await waitAlerts(s, 'a.last !== null');
    expect(fired.last!.tabId).toBe(tabId);
    expect(fired.last!.title).toBe('GEXfocus: SPX crossed below the gamma flip');
    const shownFlip = Number(/gamma flip at ([\d,]+\.\d\d)/.exec(fired.last!.message)![1]!.replace(/,/g, ''));
    expect(fired.last!.message).toContain(
      `SPX ${below.toLocaleString('en-US', { minimumFractionDigits: 2 })} is below`,
    );
    expect(fired.last!.message).toMatch(
      /dealer hedging now (damps|extends) moves \((stabilizing|accelerating|transition)\)/,
    );
    expect(fired.last!.message).toMatch(
      /Dealer hedge if \+1 %: (buy|sell) \$.* \(≈ [\d,]+ ES\); if −1 %: (buy|sell) \$/,
    );
    // The flip in the alert is the one the popup shows, and the engine's at that price and instant.
    const levels = await s.extEval<{ value: { status: string; flip: number; pagePrice: number } }>(
      send('tab/analysis', { tabId }),
    );
    expect(levels.value).toMatchObject({ status: 'ok', pagePrice: below });
    expect(Math.abs(shownFlip - levels.value.flip)).toBeLessThan(0.006);
    expect(Math.abs(levels.value.flip - engineFlip(below))).toBeLessThan(0.01);

    // What reached the browser.
    if (recorder) {
      const shown = await recorder.shown();
      expect(shown).toEqual([{ name: fired.last!.id, title: fired.last!.title, text: fired.last!.message }]);
    } else {
      const all = await s.extEval<Record<string, boolean>>(`ext.notifications.getAll()`);
      expect(Object.keys(all)).toEqual([fired.last!.id]);
    }

    // Back above and below again within the cool-down, with the background stopped in between.
    await s.stopBackground();
    await page.eval(`tick(${above})`);
    await waitAlerts(s, `a.symbols.SPX?.levels.flip?.side === 'above'`);
    await page.eval(`tick(${below})`);
    const held = await waitAlerts(s, `a.held?.reason === 'cooldown'`);
    expect(held.last).toEqual(fired.last); // nothing new was shown
    if (recorder) expect(await recorder.shown()).toHaveLength(1);
    else expect(Object.keys(await s.extEval<object>(`ext.notifications.getAll()`))).toHaveLength(1);

    // Firefox: a click on the notification brings its tab to the front.
    if (recorder) {
      await s.tabIdOf(s.extUrl('src/options/index.html')); // another tab is active now
      await recorder.click(fired.last!.id);
      await options.waitFor(
        `ext.tabs.query({ active: true, lastFocusedWindow: true }).then(([t]) => t?.id === ${tabId})`,
      );
    }
  });

  it('gives the notifications permission back when alerts are turned off', async () => {
    await s.extEval(
      send('settings/update', { patch: { alerts: { enabled: false, cooldownMin: 5, maxPerHour: 12 } } }),
    );
    const page = await s.newTab(s.extUrl('src/options/index.html'));
    await page.waitFor(`ext.permissions.contains({ permissions: ['notifications'] }).then((held) => !held)`);
    await page.waitFor(`ext.storage.session.get('alerts').then((x) => x.alerts === undefined)`);
  });
});
