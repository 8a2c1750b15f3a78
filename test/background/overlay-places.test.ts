import { describe, expect, it } from 'vitest';
import { getPlace, MAX_PLACES, PLACES_KEY, savePlace } from '../../src/background/overlay/places.ts';
import { MemoryArea } from './chains-fakes.ts';

/** storage.local stand-in whose reads and writes each take a random few milliseconds. */
class SlowArea extends MemoryArea {
  private pause = () => new Promise((r) => setTimeout(r, Math.random() * 4));
  override async get(keys: string | string[] | null) {
    await this.pause();
    return super.get(keys);
  }
  override async set(items: Record<string, unknown>) {
    await this.pause();
    return super.set(items);
  }
}

describe('the overlay’s place per site', () => {
  it('remembers a place per host and gives nothing for a host never moved', async () => {
    const area = new MemoryArea();
    await savePlace(area, 'www.tradingview.com', { x: 0.25, y: 0.5, dot: false }, 1);
    await savePlace(area, 'finance.yahoo.com', { x: 1, y: 0, dot: true }, 2);
    expect(await getPlace(area, 'www.tradingview.com')).toEqual({ x: 0.25, y: 0.5, dot: false });
    expect(await getPlace(area, 'finance.yahoo.com')).toEqual({ x: 1, y: 0, dot: true });
    expect(await getPlace(area, 'www.cnbc.com')).toBeNull();
  });

  it('reads a damaged store as no place saved, and a save repairs it', async () => {
    const area = new MemoryArea();
    for (const junk of [
      null,
      'x',
      { version: 2, hosts: {} },
      { version: 1, hosts: { 'a.com': { x: 5, y: 0, dot: false, at: 1 } } },
    ]) {
      await area.set({ [PLACES_KEY]: junk });
      expect(await getPlace(area, 'a.com')).toBeNull();
    }
    await savePlace(area, 'a.com', { x: 0.5, y: 0.5, dot: false }, 3);
    expect(await getPlace(area, 'a.com')).toEqual({ x: 0.5, y: 0.5, dot: false });
  });

  it('refuses a host that is not a hostname', async () => {
    await expect(
      savePlace(new MemoryArea(), 'https://x.com/', { x: 0, y: 0, dot: false }, 1),
    ).rejects.toThrow(/not a site/);
  });

  it(`keeps the ${MAX_PLACES} most recently moved sites`, async () => {
    const area = new MemoryArea();
    for (let i = 0; i < MAX_PLACES + 5; i++)
      await savePlace(area, `s${i}.example.com`, { x: 0, y: 1, dot: false }, i);
    const stored = (await area.get(PLACES_KEY))[PLACES_KEY] as { hosts: Record<string, unknown> };
    expect(Object.keys(stored.hosts)).toHaveLength(MAX_PLACES);
    expect(await getPlace(area, 's0.example.com')).toBeNull();
    expect(await getPlace(area, `s${MAX_PLACES + 4}.example.com`)).not.toBeNull();
  });

  it('loses none of 100 rounds of concurrent saves on a slow storage', async () => {
    const area = new SlowArea();
    const hosts = ['a.com', 'b.com', 'c.com', 'd.com'];
    let lost = 0;
    for (let round = 0; round < 100; round++) {
      await Promise.all(
        hosts.map((h, i) => savePlace(area, h, { x: i / 4, y: round / 100, dot: i % 2 === 1 }, round)),
      );
      for (const [i, h] of hosts.entries()) {
        const p = await getPlace(area, h);
        if (p?.y !== round / 100 || p.x !== i / 4) lost++;
      }
    }
    expect(lost).toBe(0);
  });
});
