import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forgetPrepared } from '../../src/background/analysis/cache.ts';
import { tabLevels } from '../../src/background/analysis/tab-levels.ts';
import { exportBackup, importBackup } from '../../src/background/chains/backup.ts';
import { makeRecord } from '../../src/background/chains/record.ts';
import {
  INDEX_KEY,
  listChains,
  loadChain,
  saveChain,
  updateMapping,
} from '../../src/background/chains/store.ts';
import { SETTINGS_KEY } from '../../src/background/settings/store.ts';
import { importChain } from '../../src/core/import/index.ts';
import type { TabLevels, TabReading } from '../../src/messaging/types.ts';
import { MemoryArea } from './chains-fakes.ts';

const shared = (f: string) =>
  readFileSync(new URL(`../../../shared/data/chains/${f}`, import.meta.url), 'utf8');
const SNAPSHOT = Date.parse('2023-09-14T20:31:00Z');

async function areaWithSpx(): Promise<MemoryArea> {
  const area = new MemoryArea();
  const { chain } = importChain(shared('spx_quotedata_2023-09-14_full.csv'));
  await saveChain(
    area,
    makeRecord({ chain, asOf: chain.asOf!, source: { format: 'cboe-csv', importedAt: 1 } }),
  );
  return area;
}

const reading = (symbol: string, price: number): TabReading => ({
  tabId: 7,
  frameId: 0,
  frameUrl: 'https://www.tradingview.com/chart/',
  at: SNAPSHOT,
  symbol,
  price,
  text: String(price),
  site: 'tradingview',
  method: 'adapter',
  confidence: 1,
  suspect: false,
});

describe('levels for a tab', () => {
  it('reproduces the reference live numbers for SPX at the snapshot, in SPX units', async () => {
    forgetPrepared();
    const a = (await tabLevels(await areaWithSpx(), reading('SP:SPX', 4505.1001), SNAPSHOT)) as TabLevels;
    expect(a.status).toBe('ok');
    // REFERENCE.md, live preset at 2023-09-14 16:31 New York.
    // 6e-5: REFERENCE ignores the one-hour DST change in T (see test/core/live-reference.test.ts).
    expect(Math.abs(a.netGex / 16_102_651_903.5 - 1)).toBeLessThan(6e-5);
    // Same tolerance as the engine's own reference test (test/core/live-reference.test.ts).
    expect(Math.abs(a.flip! - 4494.30149)).toBeLessThan(1e-3);
    expect(a.callWall).toBe(4500);
    expect(a.regime).toBe('transition');
    expect(a.atSnapshot).toBe(false);
    expect(Math.abs(a.hedgeFlow.up1pct.shares / -9_226_862 - 1)).toBeLessThan(5e-5);
  });

  it('converts an ES page price by the basis and the levels back to ES points', async () => {
    forgetPrepared();
    const area = await areaWithSpx();
    const needs = await tabLevels(area, reading('ES1!', 4525.1001), SNAPSHOT);
    expect(needs).toMatchObject({ status: 'needs-ratio', underlying: 'SPX', chainSpot: 4505.1001 });
    const { record } = (await loadChain(area, 'SPX'))!;
    await saveChain(area, {
      ...record,
      aliasConversions: { ...record.aliasConversions, 'ES1!': { kind: 'offset', offset: 20 } },
    });
    const a = (await tabLevels(area, reading('CME_MINI:ES1!', 4525.1001), SNAPSHOT)) as TabLevels;
    expect(a.underlyingPrice).toBeCloseTo(4505.1001, 9);
    expect(Math.abs(a.flip! - 4514.30149)).toBeLessThan(1e-3);
    expect(a.callWall).toBe(4520);
    expect(Math.abs(a.netGex / 16_102_651_903.5 - 1)).toBeLessThan(6e-5);
  });

  it('falls back to the snapshot, and says so, when every contract has expired at the clock', async () => {
    forgetPrepared();
    const a = (await tabLevels(
      await areaWithSpx(),
      reading('SPX', 4505.1001),
      Date.parse('2030-01-01T15:00:00Z'),
    )) as TabLevels;
    expect(a.atSnapshot).toBe(true);
    expect(a.evaluatedAt).toBe(SNAPSHOT);
    expect(a.callWall).toBe(4500);
  });

  it('says which symbol has no chain, and nothing without a reading', async () => {
    const area = await areaWithSpx();
    expect(await tabLevels(area, reading('AAPL', 200), SNAPSHOT)).toEqual({
      status: 'no-chain',
      symbol: 'AAPL',
    });
    expect(await tabLevels(area, undefined, SNAPSHOT)).toEqual({ status: 'no-reading' });
  });

  it('uses the stored settings: long-all signs make every line count positive', async () => {
    forgetPrepared();
    const area = await areaWithSpx();
    await area.set({ [SETTINGS_KEY]: { version: 2, signs: 'long-all' } });
    const a = (await tabLevels(area, reading('SPX', 4505.1001), SNAPSHOT)) as TabLevels;
    expect(a.signs).toBe('long-all');
    expect(a.netGex).toBeGreaterThan(0);
    expect(a.balance).toBe(1);
  });
});

describe('backup', () => {
  it('round-trips settings and chains through one JSON object', async () => {
    const area = await areaWithSpx();
    await area.set({
      [SETTINGS_KEY]: { version: 2, signs: 'short-all', sites: { 'www.example.com': true } },
    });
    const backup = JSON.parse(JSON.stringify(await exportBackup(area, SNAPSHOT)));
    const fresh = new MemoryArea();
    expect(await importBackup(fresh, backup)).toEqual({ chains: 1, notes: [] });
    expect((await listChains(fresh)).chains.map((c) => c.contracts)).toEqual([19_920]);
    expect(fresh.data.get(SETTINGS_KEY)).toMatchObject({
      signs: 'short-all',
      sites: { 'www.example.com': true },
    });
  });

  it('carries the mapping the user set, and a restore puts it back over one changed since', async () => {
    const area = await areaWithSpx();
    const es = (offset: number) => ({ 'ES1!': { kind: 'offset' as const, offset } });
    await updateMapping(area, 'SPX', { aliasConversions: es(20) });
    const backup = JSON.parse(JSON.stringify(await exportBackup(area, SNAPSHOT)));
    expect(backup.chains[0].aliasConversions).toEqual(es(20));
    await updateMapping(area, 'SPX', { aliasConversions: es(30) });
    expect(await importBackup(area, backup)).toEqual({ chains: 1, notes: [] });
    expect((await loadChain(area, 'SPX'))!.record.aliasConversions).toEqual(es(20));
    expect((await listChains(area)).chains[0]!.aliasConversions).toEqual(es(20));
  });

  it('changes nothing when one chain in the file is damaged', async () => {
    const area = await areaWithSpx();
    const backup = JSON.parse(JSON.stringify(await exportBackup(area, SNAPSHOT)));
    backup.chains[0].chain.iv[5] = 'high';
    const target = new MemoryArea();
    await target.set({ [SETTINGS_KEY]: { version: 2, signs: 'long-all' } });
    await expect(importBackup(target, backup)).rejects.toThrow(
      /chains\[0\]: stored chain: iv\[5\] is invalid.*nothing was imported/,
    );
    expect(target.data.get(SETTINGS_KEY)).toEqual({ version: 2, signs: 'long-all' });
    expect((await listChains(target)).chains).toEqual([]);
  });

  it('checks the size against the quota first and, when it does not fit, truly changes nothing', async () => {
    const source = await areaWithSpx();
    const backup = JSON.parse(JSON.stringify(await exportBackup(source, SNAPSHOT)));
    // Three chains from the file: two fit next to what is stored, the third does not.
    const spx = backup.chains[0];
    backup.chains = ['SPX', 'NDX', 'RUT'].map((u) => ({ ...spx, underlying: u, aliases: [u] }));
    const one = JSON.stringify(spx).length;
    const target = new MemoryArea(one * 2.5);
    await target.set({
      [SETTINGS_KEY]: { version: 3, signs: 'long-all' },
      [INDEX_KEY]: { version: 1, entries: [] },
    });
    const before = structuredClone([...target.data]);
    const sets: string[][] = [];
    const realSet = target.set.bind(target);
    target.set = async (items) => {
      sets.push(Object.keys(items));
      return realSet(items);
    };
    await expect(importBackup(target, backup)).rejects.toThrow(
      /^The backup needs [\d.]+ MB of storage .* nothing was changed\.$/,
    );
    expect(sets).toEqual([]);
    expect([...target.data]).toEqual(before);
  });

  it('says nothing was changed when the browser refuses the one write, and nothing was', async () => {
    const area = await areaWithSpx();
    const backup = JSON.parse(JSON.stringify(await exportBackup(area, SNAPSHOT)));
    const target = new MemoryArea();
    await target.set({ [SETTINGS_KEY]: { version: 3, units: 'shares' } });
    const before = structuredClone([...target.data]);
    target.set = async () => {
      throw new Error('QuotaExceededError: storage.local is full');
    };
    await expect(importBackup(target, backup)).rejects.toThrow(/nothing was changed/);
    expect([...target.data]).toEqual(before);
  });

  it('rejects a file that is not a GEXfocus backup', async () => {
    await expect(importBackup(new MemoryArea(), { format: 'other' })).rejects.toThrow(
      /Not a GEXfocus backup/,
    );
  });
});
