// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSettings, type Settings } from '../../src/core/settings.ts';
import type { ChainSummary } from '../../src/messaging/types.ts';

const request = vi.fn<(p: unknown) => Promise<boolean>>();
vi.mock('../../src/platform/browser.ts', () => ({
  ext: { permissions: { request: (p: unknown) => request(p) } },
}));
vi.mock('../../src/messaging/send.ts', () => ({ send: vi.fn() }));
const { SettingsPanel } = await import('../../src/options/sections/settings-panel.tsx');

const $ = <T extends Element = HTMLElement>(sel: string) => document.querySelector(sel) as T;
let patches: Partial<Settings>[] = [];
const show = (s: Settings = readSettings(undefined).settings, chains: ChainSummary[] = []) =>
  render(
    <SettingsPanel
      settings={s}
      notes={[]}
      builtInHosts={['www.cnbc.com']}
      chains={chains}
      onChange={async (p) => {
        patches.push(p);
      }}
    />,
    document.body,
  );
const change = (el: HTMLInputElement | HTMLSelectElement, value: string | boolean) => {
  if (typeof value === 'boolean') (el as HTMLInputElement).checked = value;
  else el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
};

describe('the settings section', () => {
  beforeEach(() => {
    patches = [];
    request.mockReset();
  });
  afterEach(() => render(null, document.body));

  it('puts the positions model right after the sign model', () => {
    show();
    const labels = [...document.querySelectorAll('.field-label')].map((l) => l.textContent);
    expect(labels.indexOf('Positions model')).toBe(labels.indexOf('Sign model') + 1);
    change($<HTMLSelectElement>('[data-testid=set-positions]'), 'oi+volume');
    expect(patches).toEqual([{ positions: 'oi+volume' }]);
  });

  it('says which saved chains can only use open interest (their files have no volume column)', () => {
    const chain = (underlying: string, hasVolume: boolean) => ({ underlying, hasVolume }) as ChainSummary;
    show(undefined, [chain('SPX', true), chain('NVDA', false)]);
    const help = [...document.querySelectorAll('.field')].find((f) =>
      f.textContent?.includes('Positions model'),
    );
    expect(help?.textContent).toContain('Open interest only for NVDA: its file has no volume column.');
  });

  it('offers the colour-blind-safe palette by default and the classic one on request', () => {
    show();
    expect($<HTMLSelectElement>('[data-testid=set-palette]').value).toBe('okabe-ito');
    change($<HTMLSelectElement>('[data-testid=set-palette]'), 'classic');
    expect(patches).toEqual([{ palette: 'classic' }]);
  });

  it('switches the overlay globally and per site; a site can go back to the default', () => {
    const s = { ...readSettings(undefined).settings, overlaySites: { 'www.cnbc.com': true } };
    show(s);
    change($<HTMLInputElement>('[data-testid=set-overlay]'), false);
    const host = $<HTMLInputElement>('[data-testid=overlay-host]');
    host.value = 'https://www.tradingview.com/chart/';
    host.dispatchEvent(new Event('input', { bubbles: true }));
    return Promise.resolve().then(() => {
      $<HTMLButtonElement>('[data-testid=overlay-site-off]').click();
      ($('[data-overlay-site="www.cnbc.com"] button') as HTMLButtonElement).click();
      expect(patches).toEqual([
        { overlay: false },
        { overlaySites: { 'www.cnbc.com': true, 'www.tradingview.com': false } },
        { overlaySites: {} },
      ]);
    });
  });

  it('asks for the notifications permission inside the click that turns alerts on, and saves only if granted', async () => {
    request.mockResolvedValueOnce(true).mockResolvedValueOnce(false);
    show();
    change($<HTMLInputElement>('[data-testid=set-alerts]'), true);
    // Synchronously in the event: Firefox refuses permissions.request after an await.
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    await vi.waitFor(() =>
      expect(patches).toEqual([{ alerts: { enabled: true, cooldownMin: 5, maxPerHour: 12 } }]),
    );
    change($<HTMLInputElement>('[data-testid=set-alerts]'), true);
    await vi.waitFor(() =>
      expect($('[data-testid=settings-error]')?.textContent).toBe(
        'Notifications were not allowed: alerts stay off.',
      ),
    );
    expect(patches).toHaveLength(1);
  });

  it('turns alerts off without asking anything (the background gives the permission back)', () => {
    show({ ...readSettings(undefined).settings, alerts: { enabled: true, cooldownMin: 5, maxPerHour: 12 } });
    change($<HTMLInputElement>('[data-testid=set-alerts]'), false);
    expect(request).not.toHaveBeenCalled();
    expect(patches).toEqual([{ alerts: { enabled: false, cooldownMin: 5, maxPerHour: 12 } }]);
  });

  it('refuses a cool-down outside 1–240 minutes with one clear message', () => {
    show();
    change($<HTMLInputElement>('[data-testid=set-alert-cooldown]'), '0');
    expect(patches).toEqual([]);
    return Promise.resolve().then(() =>
      expect($('[data-testid=settings-error]')?.textContent).toBe(
        'The cool-down is a whole number of minutes from 1 to 240.',
      ),
    );
  });
});
