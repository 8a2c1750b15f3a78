import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeRecord, readRecord, recordKey } from '../../src/background/chains/record.ts';
import {
  deleteChain,
  findByAlias,
  INDEX_KEY,
  listChains,
  loadChain,
  saveChain,
  updateMapping,
} from '../../src/background/chains/store.ts';
import { importChain } from '../../src/core/import/index.ts';
import { MemoryArea } from './chains-fakes.ts';

const fixture = (f: string) => readFileSync(new URL(`../fixtures/chains/${f}`, import.meta.url), 'utf8');
const spxRecord = (importedAt = 1) => {
  const r = importChain(fixture('cboe-spx-2025-01-06.json'));
  return makeRecord({
    chain: r.chain,
    asOf: r.chain.asOf!,
    source: { format: r.format, fileName: 'spx.json', importedAt },
  });
};
const nvdaRecord = () => {
  const r = importChain(fixture('cboe-nvda-2025-01-06.json'));
  return makeRecord({
    chain: r.chain,
    asOf: '2025-01-07T02:30:00.000Z',
    source: { format: r.format, importedAt: 2 },
  });
};

describe('chain storage', () => {
  it('keeps several chains, one per underlying, listed from the index', async () => {
    const area = new MemoryArea();
    await saveChain(area, spxRecord());
    await saveChain(area, nvdaRecord());
    const { chains, problems } = await listChains(area);
    expect(problems).toEqual([]);
    expect(chains.map((c) => [c.underlying, c.contracts, c.source.format])).toEqual([
      ['NVDA', 1086, 'cboe-json'],
      ['SPX', 40, 'cboe-json'],
    ]);
    const loaded = await loadChain(area, 'spx');
    expect(loaded?.chain.count).toBe(40);
    expect(loaded?.chain.asOf).toBe('2025-01-07T01:57:00.000Z');
  });

  it('replaces a chain of the same underlying and deletes one without touching the other', async () => {
    const area = new MemoryArea();
    await saveChain(area, spxRecord(1));
    await saveChain(area, nvdaRecord());
    await saveChain(area, spxRecord(5));
    expect((await listChains(area)).chains.find((c) => c.underlying === 'SPX')?.source.importedAt).toBe(5);
    await deleteChain(area, 'SPX');
    expect((await listChains(area)).chains.map((c) => c.underlying)).toEqual(['NVDA']);
    expect(await loadChain(area, 'SPX')).toBeNull();
  });

  it('says storage is full and leaves the previous chain readable when a replacement does not fit', async () => {
    const first = spxRecord(1);
    const area = new MemoryArea(JSON.stringify(first).length * 1.5);
    await saveChain(area, first);
    const bigger = nvdaRecord();
    bigger.underlying = 'SPX';
    await expect(saveChain(area, bigger)).rejects.toThrow(
      /^Storage is full: the SPX chain .* Delete a chain/,
    );
    const still = await loadChain(area, 'SPX');
    expect(still?.record.source.importedAt).toBe(1);
    expect(still?.chain.count).toBe(40);
  });

  it('puts the previous record back when the index write fails', async () => {
    const area = new MemoryArea();
    await saveChain(area, spxRecord(1));
    const realSet = area.set.bind(area);
    area.set = async (items) => {
      if (INDEX_KEY in items) throw new Error('QuotaExceededError');
      return realSet(items);
    };
    await expect(saveChain(area, spxRecord(9))).rejects.toThrow(/Storage is full/);
    area.set = realSet;
    expect((await loadChain(area, 'SPX'))?.record.source.importedAt).toBe(1);
  });

  it('refuses a damaged record on read, naming the key and field', async () => {
    const area = new MemoryArea();
    await saveChain(area, spxRecord());
    const rec = area.data.get('chain:SPX') as { chain: { strike: number[] } };
    rec.chain.strike[3] = -5;
    await expect(loadChain(area, 'SPX')).rejects.toThrow(/chain:SPX: stored chain: strike\[3\] is invalid/);
    (area.data.get('chain:SPX') as { asOf: string }).asOf = 'yesterday';
    await expect(loadChain(area, 'SPX')).rejects.toThrow(/chain:SPX: asOf/);
  });

  it('rebuilds a lost index from the records and reports unreadable ones', async () => {
    const area = new MemoryArea();
    await saveChain(area, spxRecord());
    await saveChain(area, nvdaRecord());
    area.data.delete(INDEX_KEY);
    area.data.set('chain:BAD', { schemaVersion: 2 });
    const { chains, problems } = await listChains(area);
    expect(chains.map((c) => c.underlying)).toEqual(['NVDA', 'SPX']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^chain:BAD:/);
  });

  it('treats an index with a null entry as damaged: lookups still work and it is rebuilt and saved once', async () => {
    const area = new MemoryArea();
    await saveChain(area, spxRecord());
    await saveChain(area, nvdaRecord());
    const index = area.data.get(INDEX_KEY) as { entries: unknown[] };
    index.entries.push(null);
    const sets: string[][] = [];
    const realSet = area.set.bind(area);
    area.set = async (items) => {
      sets.push(Object.keys(items));
      return realSet(items);
    };
    expect((await findByAlias(area, 'SPX'))?.summary.underlying).toBe('SPX');
    expect((await findByAlias(area, 'NVDA'))?.summary.underlying).toBe('NVDA');
    expect(sets).toEqual([[INDEX_KEY]]); // rebuilt on the first lookup, saved, then read as stored
    expect((area.data.get(INDEX_KEY) as { entries: unknown[] }).entries).toHaveLength(2);
  });

  it('rebuilds an index of another version once, and keeps reporting unreadable records afterwards', async () => {
    const area = new MemoryArea();
    await saveChain(area, spxRecord());
    area.data.set(INDEX_KEY, { version: 7, entries: [] });
    area.data.set('chain:BAD', { schemaVersion: 2 });
    let fullReads = 0;
    const realGet = area.get.bind(area);
    area.get = (keys) => {
      if (keys === null) fullReads++;
      return realGet(keys);
    };
    for (let i = 0; i < 5; i++) {
      const { chains, problems } = await listChains(area);
      expect(chains.map((c) => c.underlying)).toEqual(['SPX']);
      expect(problems).toEqual([expect.stringMatching(/^chain:BAD:/)]);
    }
    expect(fullReads).toBe(1);
  });

  it('writes a record, its mapping and its index entry in one set() call; a mapping change leaves the chain alone', async () => {
    const area = new MemoryArea();
    await saveChain(area, nvdaRecord());
    const sets: string[][] = [];
    const realSet = area.set.bind(area);
    area.set = async (items) => {
      sets.push(Object.keys(items).sort());
      return realSet(items);
    };
    await saveChain(area, spxRecord());
    const chainBefore = area.data.get('chain:SPX');
    await updateMapping(area, 'SPX', { aliases: ['SPX', 'SPXW'] });
    expect(sets).toEqual([
      ['chain:SPX', INDEX_KEY, 'mapping:SPX'],
      [INDEX_KEY, 'mapping:SPX'],
    ]);
    // The stored chain is the very value the save wrote; the change is in the mapping and the index.
    expect(area.data.get('chain:SPX')).toBe(chainBefore);
    expect((await loadChain(area, 'SPX'))!.record.aliases).toEqual(['SPX', 'SPXW']);
    expect((await listChains(area)).chains.find((c) => c.underlying === 'SPX')!.aliases).toEqual([
      'SPX',
      'SPXW',
    ]);
  });

  it('refuses a mapping that is not one, naming the field, and changes nothing', async () => {
    const area = new MemoryArea();
    await saveChain(area, spxRecord());
    const before = new Map(area.data);
    await expect(updateMapping(area, 'SPX', { aliases: ['SPX', ''] })).rejects.toThrow(
      /^mapping:SPX: aliases\.1 /,
    );
    await expect(updateMapping(area, 'NDX', { aliases: ['NDX'] })).rejects.toThrow(/no stored chain for NDX/);
    expect(area.data).toEqual(before);
  });

  it('keeps the mapping the user set when the index is lost and rebuilt from the records', async () => {
    const area = new MemoryArea();
    await saveChain(area, spxRecord());
    await updateMapping(area, 'SPX', { aliasConversions: { 'ES1!': { kind: 'offset', offset: 20 } } });
    area.data.delete(INDEX_KEY);
    const [spx] = (await listChains(area)).chains;
    expect(spx!.aliasConversions['ES1!']).toEqual({ kind: 'offset', offset: 20 });
    expect((await findByAlias(area, 'ES1!'))?.conversion).toEqual({ kind: 'offset', offset: 20 });
  });

  it('reads the mapping the record was saved with when the stored mapping is damaged', async () => {
    const area = new MemoryArea();
    await saveChain(area, spxRecord());
    area.data.set('mapping:SPX', { aliases: null });
    expect((await loadChain(area, 'SPX'))!.record.aliasConversions['ES1!']).toEqual({ kind: 'auto' });
    area.data.delete(INDEX_KEY);
    expect((await listChains(area)).chains[0]!.aliasConversions['ES1!']).toEqual({ kind: 'auto' });
  });

  it('removes the mapping with the chain: a new chain of that underlying starts from its own', async () => {
    const area = new MemoryArea();
    await saveChain(area, spxRecord(1));
    await updateMapping(area, 'SPX', { aliasConversions: { 'ES1!': { kind: 'offset', offset: 20 } } });
    await deleteChain(area, 'SPX');
    expect([...area.data.keys()].filter((k) => k.endsWith('SPX'))).toEqual([]);
    await saveChain(area, spxRecord(2), { keepMapping: true });
    expect((await loadChain(area, 'SPX'))!.record.aliasConversions['ES1!']).toEqual({ kind: 'auto' });
  });

  it('keeps the symbols and conversions the user set when the same underlying is imported again', async () => {
    const area = new MemoryArea();
    await saveChain(area, spxRecord(1));
    await updateMapping(area, 'SPX', { aliasConversions: { 'ES1!': { kind: 'offset', offset: 20 } } });
    await saveChain(area, spxRecord(2), { keepMapping: true });
    const { record } = (await loadChain(area, 'SPX'))!;
    expect(record.source.importedAt).toBe(2);
    expect(record.aliasConversions['ES1!']).toEqual({ kind: 'offset', offset: 20 });
    // Without keepMapping (a backup's own record) the record's mapping is written as it is.
    await saveChain(area, spxRecord(3));
    expect((await loadChain(area, 'SPX'))!.record.aliasConversions['ES1!']).toEqual({ kind: 'auto' });
  });

  it('migrates a schema-1 record (no per-alias conversions) on read', () => {
    const rec = spxRecord() as unknown as Record<string, unknown>;
    const v1: Record<string, unknown> = { ...rec, schemaVersion: 1, aliases: ['SPX', 'ES1!'] };
    delete v1.aliasConversions;
    const { record } = readRecord(v1, recordKey('SPX'));
    expect(record.schemaVersion).toBe(2);
    expect(record.aliasConversions).toEqual({ 'ES1!': { kind: 'auto' } });
  });

  it('finds the chain for a page symbol with the conversion that applies to it', async () => {
    const area = new MemoryArea();
    await saveChain(area, spxRecord());
    await saveChain(area, nvdaRecord());
    expect((await findByAlias(area, 'SP:SPX'))?.conversion).toEqual({ kind: 'ratio', ratio: 1 });
    expect((await findByAlias(area, 'CME_MINI:ES1!'))?.conversion).toEqual({ kind: 'auto' });
    expect((await findByAlias(area, 'NASDAQ:NVDA'))?.summary.underlying).toBe('NVDA');
    expect(await findByAlias(area, 'AAPL')).toBeNull();
    await updateMapping(area, 'SPX', { aliasConversions: { 'ES1!': { kind: 'offset', offset: 20 } } });
    expect((await findByAlias(area, 'ES1!'))?.conversion).toEqual({ kind: 'offset', offset: 20 });
  });
});
