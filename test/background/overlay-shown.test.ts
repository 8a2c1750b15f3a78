import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryArea } from './chains-fakes.ts';

const session = new MemoryArea();
vi.mock('../../src/platform/browser.ts', () => ({
  ext: { storage: { session, onChanged: { addListener: () => undefined } } },
}));

const {
  clearOverlayToggles,
  forgetOverlayTab,
  overlayShownOn,
  overlayStarted,
  overlayWantedOn,
  setOverlayOnTab,
  toggleOverlayOnTab,
} = await import('../../src/background/overlay/shown.ts');
const { DEFAULT_SETTINGS } = await import('../../src/core/settings.ts');

const settings = (over: Partial<typeof DEFAULT_SETTINGS> = {}) => ({
  ...structuredClone(DEFAULT_SETTINGS),
  ...over,
});

beforeEach(async () => {
  await clearOverlayToggles();
  session.data.clear();
});

describe('whether a site shows the overlay', () => {
  it('follows the global switch where the site has none', () => {
    expect(overlayWantedOn({ overlay: true, overlaySites: {} }, 'www.cnbc.com')).toBe(true);
    expect(overlayWantedOn({ overlay: false, overlaySites: {} }, 'www.cnbc.com')).toBe(false);
    expect(overlayWantedOn({ overlay: false, overlaySites: {} }, null)).toBe(false);
  });

  it('lets the site’s own switch win, the exact host first, then its parent domains', () => {
    const sites = { 'tradingview.com': false, 'in.tradingview.com': true };
    expect(overlayWantedOn({ overlay: true, overlaySites: sites }, 'www.tradingview.com')).toBe(false);
    expect(overlayWantedOn({ overlay: false, overlaySites: sites }, 'in.tradingview.com')).toBe(true);
    expect(overlayWantedOn({ overlay: true, overlaySites: { com: false } }, 'www.cnbc.com')).toBe(true);
  });
});

describe('the overlay on a tab', () => {
  it('is the settings’ answer for the tab’s site until the tab’s own toggle says otherwise', async () => {
    await overlayStarted(7, 'www.cnbc.com');
    expect(await overlayShownOn(7, settings())).toBe(true);
    expect(await overlayShownOn(7, settings({ overlaySites: { 'www.cnbc.com': false } }))).toBe(false);
    expect(await toggleOverlayOnTab(7, settings())).toBe(false);
    expect(await overlayShownOn(7, settings())).toBe(false);
    expect(await toggleOverlayOnTab(7, settings({ overlay: false }))).toBe(true);
    expect(await overlayShownOn(7, settings({ overlay: false }))).toBe(true);
  });

  it('keeps the toggle in session storage, so a restarted worker still knows it', async () => {
    await overlayStarted(8, 'finance.yahoo.com');
    await setOverlayOnTab(8, false);
    expect(session.data.get('overlay:8')).toEqual({ host: 'finance.yahoo.com', shown: false });
    vi.resetModules();
    const fresh = await import('../../src/background/overlay/shown.ts');
    expect(await fresh.overlayShownOn(8, settings())).toBe(false);
  });

  it('drops the toggle when the tab moves to another site, or the overlay settings change', async () => {
    await overlayStarted(9, 'www.cnbc.com');
    await setOverlayOnTab(9, false);
    await overlayStarted(9, 'www.cnbc.com'); // a reload on the same site keeps it
    expect(await overlayShownOn(9, settings())).toBe(false);
    await overlayStarted(9, 'finance.yahoo.com');
    expect(await overlayShownOn(9, settings())).toBe(true);
    await setOverlayOnTab(9, false);
    await setOverlayOnTab(10, true);
    await clearOverlayToggles();
    expect(await overlayShownOn(9, settings())).toBe(true);
    expect(await overlayShownOn(10, settings({ overlay: false }))).toBe(false);
    expect(session.data.get('overlay:9')).toEqual({ host: 'finance.yahoo.com' });
  });

  it('forgets a closed tab', async () => {
    await overlayStarted(11, 'www.cnbc.com');
    await forgetOverlayTab(11);
    expect(session.data.has('overlay:11')).toBe(false);
  });
});
