import { describe, expect, it, vi } from 'vitest';

// site-enabled.ts also reads storage (isSiteEnabled); the flow only uses its pure part.
vi.mock('../../src/platform/browser.ts', () => ({ ext: {} }));

import { forgetPicked, savePicked } from '../../src/background/picker/flow.ts';
import {
  disableHost,
  disableSite,
  enableHost,
  enableSite,
  onOriginsRemoved,
  siteStatus,
} from '../../src/background/picker/site-flow.ts';
import { siteEnabledFrom } from '../../src/background/readings/site-enabled.ts';
import { fakeApi } from './picker-fake-api.ts';

const HOST = 'trade.thinkorswim.com';
const HTTPS = `https://${HOST}/*`;
const HTTP = `http://${HOST}/*`;
const PICK = { selectors: ['div.last > span'], sample: '101.25' };

describe('reading prices on one more site', () => {
  it('offers https only for an https page and both origins for an http page', async () => {
    const https = await siteStatus(fakeApi({ url: `https://${HOST}/trade` }).api, 1);
    expect(https).toMatchObject({
      host: HOST,
      builtIn: false,
      enabled: false,
      granted: [],
      request: [HTTPS],
    });
    const http = await siteStatus(fakeApi({ url: `http://${HOST}/trade` }).api, 1);
    expect(http.request).toEqual([HTTPS, HTTP]);
  });

  it('has nothing to offer on a page that is not a web page', async () => {
    expect(await siteStatus(fakeApi({ url: 'about:addons' }).api, 1)).toMatchObject({ host: null });
    expect(await siteStatus(fakeApi({ url: undefined }).api, 1)).toMatchObject({ host: null });
  });

  it('refuses to switch a host on before its permission was granted, and changes nothing', async () => {
    const { api, state } = fakeApi({ url: `https://${HOST}/` });
    await expect(enableSite(api, 1)).rejects.toThrow(/No permission/);
    expect(state).toMatchObject({ sites: {}, injected: 0 });
    expect(state.registered.size).toBe(0);
  });

  it('switches the host on, registers its script and injects it into the tab once', async () => {
    const { api, state } = fakeApi({ url: `https://${HOST}/`, granted: [HTTPS] });
    expect(await enableSite(api, 1)).toEqual({ host: HOST });
    expect(state.sites).toEqual({ [HOST]: true });
    expect([...state.registered]).toEqual([[`gexfocus-picked-${HOST}`, [HTTPS]]]);
    expect(state.injected).toBe(1);
    expect(await siteStatus(api, 1)).toMatchObject({ enabled: true, granted: [HTTPS] });
  });

  it('tells a content script that already runs to re-read its config instead of injecting again', async () => {
    const { api, state } = fakeApi({ url: `https://${HOST}/`, granted: [HTTPS], listening: true });
    await enableSite(api, 1);
    expect(state).toMatchObject({ injected: 0, commands: ['picker/forget'] });
  });

  it('re-registers on both origins when an http grant is added to an https one', async () => {
    const { api, state } = fakeApi({ url: `http://${HOST}/`, granted: [HTTPS] });
    await enableSite(api, 1);
    state.granted.add(HTTP);
    await enableSite(api, 1);
    expect(state.registered.get(`gexfocus-picked-${HOST}`)).toEqual([HTTPS, HTTP]);
  });

  it('stops: switch off, registration, both permissions and the pick are gone, the tab is told', async () => {
    const { api, state } = fakeApi({
      url: `http://${HOST}/`,
      granted: [HTTPS, HTTP, 'https://other.test/*'],
    });
    await enableSite(api, 1);
    await savePicked(api, HOST, PICK, 1);
    expect(await disableSite(api, 1)).toEqual({ host: HOST });
    expect(state.sites).toEqual({ [HOST]: false });
    expect(state.registered.size).toBe(0);
    expect(state.pickers.size).toBe(0);
    expect([...state.granted]).toEqual(['https://other.test/*']);
    expect(state.commands.at(-1)).toBe('picker/forget');
  });

  it('keeps the permission when a pick is forgotten on a host whose reading is switched on', async () => {
    const { api, state } = fakeApi({ url: `https://${HOST}/`, granted: [HTTPS], listening: true });
    await enableSite(api, 1);
    await savePicked(api, HOST, PICK, 1);
    await forgetPicked(api, 1);
    expect(state.pickers.size).toBe(0);
    expect([...state.granted]).toEqual([HTTPS]);
    expect(state.registered.size).toBe(1);
  });

  it('turns a built-in host off and on without touching permissions or registrations', async () => {
    const { api, state } = fakeApi({ url: undefined, granted: ['https://www.cnbc.com/*'] });
    await disableHost(api, 'www.cnbc.com');
    expect(state.sites).toEqual({ 'www.cnbc.com': false });
    expect(siteEnabledFrom({ sites: state.sites }, 'www.cnbc.com')).toBe(false);
    await enableHost(api, 'www.cnbc.com');
    expect(state.sites).toEqual({ 'www.cnbc.com': true });
    expect([...state.granted]).toEqual(['https://www.cnbc.com/*']);
    expect(state.registered.size).toBe(0);
  });

  it('removes a non-built-in entry altogether when asked to forget it', async () => {
    const { api, state } = fakeApi({ url: undefined, granted: [HTTPS], sites: { [HOST]: true } });
    await disableHost(api, HOST, true);
    expect(state.sites).toEqual({});
    expect(state.granted.size).toBe(0);
  });
});

describe('the site switch', () => {
  it('takes the exact host first, then the nearest parent domain, then the built-in default', () => {
    const sites = { 'tradingview.com': false, 'www.tradingview.com': true };
    expect(siteEnabledFrom({ sites }, 'www.tradingview.com')).toBe(true);
    expect(siteEnabledFrom({ sites }, 's.tradingview.com')).toBe(false);
    expect(siteEnabledFrom({ sites }, 'finance.yahoo.com')).toBe(true);
    expect(siteEnabledFrom({ sites: { com: true } }, 'trade.thinkorswim.com')).toBe(false);
  });
});

describe('access removed in the browser settings', () => {
  it('unregisters the host and turns its switch off, keeping a picked price for a later grant', async () => {
    const { api, state } = fakeApi({ url: `https://${HOST}/trade`, granted: [HTTPS] });
    await enableHost(api, HOST);
    await savePicked(api, HOST, PICK, 1);
    state.granted.delete(HTTPS); // what the browser did before telling us
    expect(await onOriginsRemoved(api, [HTTPS])).toEqual([HOST]);
    expect(state.registered.size).toBe(0);
    expect(state.sites[HOST]).toBe(false);
    expect(state.pickers.has(HOST)).toBe(true);
  });

  it('leaves a host alone while it still holds another origin, and ignores built-in hosts', async () => {
    const { api, state } = fakeApi({ url: `http://${HOST}/trade`, granted: [HTTPS, HTTP] });
    await enableHost(api, HOST);
    state.granted.delete(HTTP);
    expect(await onOriginsRemoved(api, [HTTP, 'https://www.cnbc.com/*'])).toEqual([]);
    expect(state.registered.size).toBe(1);
    expect(state.sites[HOST]).toBe(true);
  });
});
