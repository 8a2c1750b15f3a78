/**
 * The read cache of the browser's areas (src/background/storage/read-cache.ts): hot keys are read and
 * validated once, and never served stale after a write through the background, a write that was in
 * flight during a read, or a change reported by storage.onChanged.
 */
import { describe, expect, it, vi } from 'vitest';
import type { fakeBrowser } from './fake-browser.ts';

const fake = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof fakeBrowser> }));
vi.mock('../../src/platform/browser.ts', async () => {
  const { fakeBrowser: make } = await import('./fake-browser.ts');
  fake.current = make();
  return { ext: fake.current.ext };
});

const { localArea } = await import('../../src/background/storage/areas.ts');
const { getSettings, patchSettings } = await import('../../src/background/settings/store.ts');

function countGets() {
  const local = fake.current.local;
  const real = local.get.bind(local);
  const counter = { n: 0 };
  local.get = (keys) => {
    counter.n++;
    return real(keys);
  };
  return counter;
}

describe('the read cache', () => {
  it('reads and validates the settings once for many ticks', async () => {
    const gets = countGets();
    const first = await getSettings(localArea());
    for (let i = 0; i < 50; i++) expect(await getSettings(localArea())).toBe(first);
    expect(gets.n).toBe(1);
  });

  it('serves the new value right after a write through the background', async () => {
    await getSettings(localArea());
    await patchSettings(localArea(), { units: 'shares' });
    expect((await getSettings(localArea())).settings.units).toBe('shares');
  });

  it('does not keep a value read while a write was in flight', async () => {
    const local = fake.current.local;
    const realSet = local.set.bind(local);
    let release!: () => void;
    local.set = async (items) => {
      await new Promise<void>((ok) => {
        release = ok;
      });
      return realSet(items);
    };
    const write = patchSettings(localArea(), { palette: 'classic' });
    await new Promise((ok) => setTimeout(ok, 5));
    const during = await getSettings(localArea()); // the old value: the write has not landed
    expect(during.settings.palette).toBe('okabe-ito');
    release();
    await write;
    local.set = realSet;
    expect((await getSettings(localArea())).settings.palette).toBe('classic');
  });

  it('drops a value another context changed (storage.onChanged)', async () => {
    await getSettings(localArea());
    fake.current.local.data.set('settings', { version: 3, overlay: false });
    fake.current.events.storageChanged.fire(
      { settings: { newValue: { version: 3, overlay: false } } },
      'local',
    );
    expect((await getSettings(localArea())).settings.overlay).toBe(false);
  });
});
