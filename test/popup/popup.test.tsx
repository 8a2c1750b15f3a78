// @vitest-environment happy-dom
/**
 * The whole popup against a scripted background: the verdict paints from the cheap glance before the
 * full levels are asked for, the views fill in, ticks update in place, and the overlay switches write
 * the settings the content script reads.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSettings } from '../../src/core/settings.ts';
import type { TabGlance, TabReading } from '../../src/messaging/types.ts';
import { realLevels } from './real-levels.ts';

const calls: { type: string; payload: unknown }[] = [];
const replies: Record<string, (payload: unknown) => unknown> = {};
vi.mock('../../src/messaging/send.ts', () => ({
  send: (type: string, payload: unknown) => {
    calls.push({ type, payload });
    const reply = replies[type];
    return reply ? Promise.resolve(reply(payload)) : Promise.reject(new Error(`no reply for ${type}`));
  },
}));
vi.mock('../../src/platform/browser.ts', () => ({
  ext: { runtime: { openOptionsPage: vi.fn() }, tabs: { query: async () => [] }, permissions: {} },
}));

const { Popup } = await import('../../src/popup/popup.tsx');

const levels = realLevels(4505.1001);
const reading: TabReading = {
  tabId: 7,
  frameId: 0,
  frameUrl: 'https://www.google.com/finance/quote/.INX:INDEXSP',
  at: Date.now(),
  symbol: 'SPX',
  price: 4505.1001,
  text: '4,505.10',
  site: 'google-finance',
  method: 'adapter',
  confidence: 0.95,
  suspect: false,
};
const glance = (over: Partial<TabGlance> = {}): TabGlance => ({
  status: 'glance',
  symbol: 'SPX',
  pagePrice: 4505.1001,
  underlying: 'SPX',
  verdict: 'stabilizing',
  regime: 'transition',
  flip: levels.flip,
  netGex: levels.netGex,
  asOf: new Date().toISOString(),
  evaluatedAt: Date.now(),
  atSnapshot: false,
  used: levels.contracts.used,
  scope: 'all',
  ...over,
});
let settings = readSettings(undefined).settings;
let nextGlance: () => unknown = () => glance();

const until = async (pred: () => boolean, ms = 3000) => {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const text = (sel: string) => document.querySelector(sel)?.textContent ?? '';

describe('the popup against the background', () => {
  beforeEach(() => {
    calls.length = 0;
    settings = readSettings(undefined).settings;
    history.replaceState(null, '', '/src/popup/index.html?tab=7');
    replies['tab/reading'] = () => reading;
    replies['tab/glance'] = () => ({ reading: replies['tab/reading']!(null), glance: nextGlance() });
    nextGlance = () => glance();
    replies['tab/analysis'] = () => ({ ...levels, verdict: 'stabilizing' });
    replies['settings/get'] = () => ({ settings, notes: [] });
    replies['settings/update'] = (p) => {
      settings = { ...settings, ...(p as { patch: object }).patch };
      return settings;
    };
    replies['site/status'] = () => ({
      host: 'www.google.com',
      builtIn: true,
      enabled: true,
      granted: [],
      request: [],
      picked: false,
    });
    replies['picker/status'] = () => ({ host: 'www.google.com', saved: false, builtIn: true });
  });
  afterEach(() => render(null, document.body));

  it('paints the verdict from the glance first, then asks for the full levels', async () => {
    render(<Popup />, document.body);
    await until(() => text('[data-testid=levels-regime]') === 'Stabilizing');
    const first = calls.findIndex((c) => c.type === 'tab/glance');
    const full = calls.findIndex((c) => c.type === 'tab/analysis');
    expect(first).toBeGreaterThanOrEqual(0);
    expect(full === -1 || full > first).toBe(true);
    await until(() => !!document.querySelector('[data-testid=ladder]'));
    expect(text('[data-testid=flip-distance]')).toBe('Flip 4,494.30: 10.80 pts (0.24 %) below');
    expect(document.querySelector('[data-testid=gex-chart]')).not.toBeNull();
    expect(text('[data-testid=model]')).toContain('live · all expirations');
  });

  it('updates the verdict in place when the page ticks through the flip', async () => {
    render(<Popup />, document.body);
    await until(() => text('[data-testid=levels-regime]') === 'Stabilizing');
    const banner = document.querySelector('[data-testid=verdict]');
    nextGlance = () => glance({ verdict: 'accelerating', regime: 'accelerating', pagePrice: 4470 });
    await until(() => text('[data-testid=levels-regime]') === 'Accelerating', 4000);
    // The same element, updated: no remount, no jump.
    expect(document.querySelector('[data-testid=verdict]')).toBe(banner);
    expect(banner?.getAttribute('data-verdict')).toBe('accelerating');
  });

  it('switches the overlay for this site and for all sites through the settings', async () => {
    render(<Popup />, document.body);
    await until(() => !!document.querySelector('[data-testid=overlay-here]'));
    (document.querySelector('[data-testid=overlay-here]') as HTMLInputElement).click();
    await until(() => settings.overlaySites['www.google.com'] === false);
    (document.querySelector('[data-testid=overlay-all]') as HTMLInputElement).click();
    await until(() => settings.overlay === false);
    expect(calls.filter((c) => c.type === 'settings/update').map((c) => c.payload)).toEqual([
      { patch: { overlaySites: { 'www.google.com': false } } },
      { patch: { overlay: false } },
    ]);
  });

  it('says which symbol no chain answers to, and that none is saved at all for a new user', async () => {
    nextGlance = () => ({ status: 'no-chain', symbol: '.SPX' });
    replies['chains/list'] = () => ({ chains: [], problems: [] });
    render(<Popup />, document.body);
    await until(() => text('[data-testid=levels]').includes('No chain saved yet.'));
    expect(document.querySelector('[data-testid=verdict]')).toBeNull();
  });

  it('keeps the levels of the last trusted price while the page’s price is suspect', async () => {
    render(<Popup />, document.body);
    await until(() => text('[data-testid=flip-distance]') === 'Flip 4,494.30: 10.80 pts (0.24 %) below');
    replies['tab/reading'] = () => ({ ...reading, price: 5848, suspect: true, reason: 'jump' });
    nextGlance = () => glance({ pagePrice: 5848, flip: null });
    await until(() => !!document.querySelector('[data-testid=reading-suspect]'), 4000);
    expect(text('[data-testid=reading-price]')).toBe('5,848.00');
    expect(document.querySelector('[data-testid=verdict]')?.classList.contains('held')).toBe(true);
    expect(text('[data-testid=flip-distance]')).toBe('Flip 4,494.30: 10.80 pts (0.24 %) below');
  });
});
