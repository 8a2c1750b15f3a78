import { beforeEach, describe, expect, it, vi } from 'vitest';

// The flow module imports nothing from the browser; the registry is pure data.
import {
  ensureRegistered,
  forgetPicked,
  savePicked,
  startPicking,
} from '../../src/background/picker/flow.ts';
import { fakeApi } from './picker-fake-api.ts';

const PICK = { selectors: ['div.last > span'], sample: '101.25' };

describe('the picker flow', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('messages a content script that already runs, without injecting', async () => {
    const { api, state } = fakeApi({ url: 'https://www.cnbc.com/pick/', listening: true });
    expect(await startPicking(api, 7)).toBe(true);
    expect(state).toMatchObject({ injected: 0, commands: ['picker/start'] });
  });

  it('injects the content script into a page that has none, then starts the picker', async () => {
    const { api, state } = fakeApi({ url: 'https://trade.thinkorswim.com/trade?symbol=SPY' });
    expect(await startPicking(api, 7)).toBe(true);
    expect(state).toMatchObject({ injected: 1, commands: ['picker/start'] });
  });

  it('refuses pages that are not web pages', async () => {
    const { api, state } = fakeApi({ url: 'chrome://extensions/' });
    expect(await startPicking(api, 7)).toBe(false);
    expect(state.injected).toBe(0);
  });

  it('registers a persistent script for a new host only once its permission was granted', async () => {
    const denied = fakeApi({ url: 'https://trade.thinkorswim.com/' });
    await savePicked(denied.api, 'trade.thinkorswim.com', PICK, 1);
    expect(denied.state.pickers.get('trade.thinkorswim.com')).toEqual({ ...PICK, savedAt: 1 });
    expect(denied.state.registered.size).toBe(0);

    const granted = fakeApi({
      url: 'https://trade.thinkorswim.com/',
      granted: ['https://trade.thinkorswim.com/*'],
    });
    await savePicked(granted.api, 'trade.thinkorswim.com', PICK, 1);
    expect([...granted.state.registered.values()]).toEqual([['https://trade.thinkorswim.com/*']]);
    expect(await ensureRegistered(granted.api, 'trade.thinkorswim.com')).toBe(true);
    expect(granted.state.registered.size).toBe(1);
  });

  it('never registers a dynamic script on a host the manifest already covers', async () => {
    const { api, state } = fakeApi({
      url: 'https://www.cnbc.com/pick/',
      granted: ['https://www.cnbc.com/*'],
    });
    await savePicked(api, 'www.cnbc.com', PICK, 1);
    expect(state.registered.size).toBe(0);
  });

  it('forgets the selector, the registration and the optional permission of that host only', async () => {
    const { api, state } = fakeApi({
      url: 'https://trade.thinkorswim.com/trade',
      granted: ['https://trade.thinkorswim.com/*', 'https://client.schwab.com/*'],
      listening: true,
    });
    await savePicked(api, 'trade.thinkorswim.com', PICK, 1);
    expect(await forgetPicked(api, 3)).toBe(true);
    expect(state.pickers.size).toBe(0);
    expect(state.registered.size).toBe(0);
    expect([...state.granted]).toEqual(['https://client.schwab.com/*']);
    expect(state.commands).toContain('picker/forget');
  });

  it('keeps manifest host permissions when forgetting a pick on a built-in site', async () => {
    const { api, state } = fakeApi({
      url: 'https://www.cnbc.com/pick/',
      granted: ['https://www.cnbc.com/*'],
    });
    await savePicked(api, 'www.cnbc.com', PICK, 1);
    await forgetPicked(api, 3);
    expect([...state.granted]).toEqual(['https://www.cnbc.com/*']);
  });
});
