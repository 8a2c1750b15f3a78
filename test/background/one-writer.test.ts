/**
 * Every writer of storage.local, run concurrently against a slow fake storage whose every call waits
 * a random number of event-loop turns (test/background/chains-fakes.ts SlowArea): 100 rounds each, 0 lost updates.
 * The first test is the control: the same fake loses updates when nothing serialises the writes,
 * so the others could fail.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBackup } from '../../src/background/chains/backup.ts';
import { type ChainRecord, makeRecord } from '../../src/background/chains/record.ts';
import {
  deleteChain,
  findByAlias,
  INDEX_KEY,
  listChains,
  loadChain,
  saveChain,
  updateMapping,
} from '../../src/background/chains/store.ts';
import { getPicker, removePicker, savePicker } from '../../src/background/readings/pickers-store.ts';
import {
  changeSettings,
  getSettings,
  patchSettings,
  SETTINGS_KEY,
} from '../../src/background/settings/store.ts';
import type { Chain } from '../../src/core/chain.ts';
import { importChain } from '../../src/core/import/index.ts';
import { updateSettings } from '../../src/core/settings.ts';
import { SlowArea, seeded } from './chains-fakes.ts';

const ROUNDS = 100;
const fixture = (f: string) => readFileSync(new URL(`../fixtures/chains/${f}`, import.meta.url), 'utf8');
const spx: Chain = importChain(fixture('cboe-spx-2025-01-06.json')).chain;

const record = (underlying: string, importedAt: number): ChainRecord =>
  makeRecord({
    chain: spx,
    asOf: spx.asOf!,
    underlying,
    source: { format: 'cboe-json', fileName: `${underlying}.json`, importedAt },
  });

/** Runs `round` ROUNDS times on a fresh slow storage each time; the seed makes a failure replayable. */
async function rounds(round: (area: SlowArea, n: number) => Promise<void>): Promise<void> {
  for (let n = 0; n < ROUNDS; n++) await round(new SlowArea(seeded(n + 1)), n);
}

describe('one writer per storage area', () => {
  it('the slow fake storage loses updates when two read-modify-writes are not serialised (control)', async () => {
    let lost = 0;
    await rounds(async (area) => {
      const naive = async (patch: Parameters<typeof updateSettings>[1]) => {
        const { settings } = await getSettings(area);
        await area.set({ [SETTINGS_KEY]: updateSettings(settings, patch) });
      };
      await Promise.all([naive({ units: 'shares' }), naive({ overlay: false })]);
      const { settings } = await getSettings(area);
      if (settings.units !== 'shares' || settings.overlay !== false) lost++;
    });
    expect(lost).toBeGreaterThan(10);
  });

  it('keeps all of three settings changed at once from different pages, in 100 rounds', async () => {
    let lost = 0;
    await rounds(async (area) => {
      await Promise.all([
        patchSettings(area, { units: 'shares' }),
        patchSettings(area, { overlay: false }),
        patchSettings(area, { palette: 'classic' }),
      ]);
      const { settings } = await getSettings(area);
      if (settings.units !== 'shares' || settings.overlay || settings.palette !== 'classic') lost++;
    });
    expect(lost).toBe(0);
  });

  it('keeps every site switched at once (entries of one map), in 100 rounds', async () => {
    let lost = 0;
    const hosts = ['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com'];
    await rounds(async (area) => {
      await Promise.all(
        hosts.map((h, i) => changeSettings(area, ({ sites }) => ({ sites: { ...sites, [h]: i % 2 === 0 } }))),
      );
      const { sites } = (await getSettings(area)).settings;
      if (Object.keys(sites).length !== hosts.length) lost++;
    });
    expect(lost).toBe(0);
  });

  it('keeps every chain saved at once, each record with its index entry, in 100 rounds', async () => {
    let lost = 0;
    await rounds(async (area) => {
      await Promise.all(['AAA', 'BBB', 'CCC'].map((u, i) => saveChain(area, record(u, i))));
      const { chains } = await listChains(area);
      const records = await Promise.all(['AAA', 'BBB', 'CCC'].map((u) => loadChain(area, u)));
      if (chains.map((c) => c.underlying).join() !== 'AAA,BBB,CCC' || records.some((r) => !r)) lost++;
    });
    expect(lost).toBe(0);
  });

  it('never puts the old chain back when a mapping change races a re-import, and keeps the mapping', async () => {
    let lost = 0;
    await rounds(async (area, n) => {
      await saveChain(area, record('SPX', 1));
      const es = { kind: 'offset', offset: 20 } as const;
      const save = saveChain(area, record('SPX', 2), { keepMapping: true });
      const mapping = updateMapping(area, 'SPX', { aliasConversions: { 'ES1!': es } });
      // Both orders: the mapping sent before the save, or after it.
      await (n % 2 ? Promise.all([save, mapping]) : Promise.all([mapping, save]));
      const stored = (await loadChain(area, 'SPX'))!.record;
      const listed = (await listChains(area)).chains[0]!;
      if (
        stored.source.importedAt !== 2 ||
        listed.source.importedAt !== 2 ||
        JSON.stringify(stored.aliasConversions['ES1!']) !== JSON.stringify(es) ||
        JSON.stringify(listed.aliasConversions['ES1!']) !== JSON.stringify(es)
      )
        lost++;
    });
    expect(lost).toBe(0);
  });

  it('keeps both ratios confirmed at once for two symbols (each sent alone), in 100 rounds', async () => {
    let lost = 0;
    await rounds(async (area) => {
      await saveChain(area, record('SPX', 1));
      const confirm = (symbol: string, ratio: number) =>
        updateMapping(area, 'SPX', {
          addAliasConversions: { [symbol]: { kind: 'auto', ratio, confirmedAt: 1 } },
        });
      await Promise.all([confirm('ES1!', 0.9965), confirm('SPY', 10.01)]);
      const { aliasConversions } = (await loadChain(area, 'SPX'))!.record;
      const listed = (await listChains(area)).chains[0]!.aliasConversions;
      const want = JSON.stringify([0.9965, 10.01]);
      for (const c of [aliasConversions, listed])
        if (JSON.stringify([c['ES1!'], c.SPY].map((x) => (x?.kind === 'auto' ? x.ratio : null))) !== want)
          lost++;
    });
    expect(lost).toBe(0);
  });

  it('leaves the index right when a save and a delete of another chain run at once, in 100 rounds', async () => {
    let lost = 0;
    await rounds(async (area) => {
      await saveChain(area, record('OLD', 1));
      await Promise.all([saveChain(area, record('NEW', 2)), deleteChain(area, 'OLD')]);
      const { chains } = await listChains(area);
      if (chains.map((c) => c.underlying).join() !== 'NEW' || (await loadChain(area, 'OLD')) !== null) lost++;
    });
    expect(lost).toBe(0);
  });

  it('keeps every pick saved at once and removes only the one removed, in 100 rounds', async () => {
    let lost = 0;
    const pick = (n: number) => ({ selectors: [`#p${n}`], sample: '1.00', savedAt: n });
    await rounds(async (area) => {
      await savePicker(area, 'gone.example.com', pick(0));
      await Promise.all([
        savePicker(area, 'a.example.com', pick(1)),
        savePicker(area, 'b.example.com', pick(2)),
        removePicker(area, 'gone.example.com'),
      ]);
      const [a, b, gone] = await Promise.all(
        ['a.example.com', 'b.example.com', 'gone.example.com'].map((h) => getPicker(area, h)),
      );
      if (!a || !b || gone) lost++;
    });
    expect(lost).toBe(0);
  });

  it('lands a backup restore and a chain save made at once, in 100 rounds', async () => {
    let lost = 0;
    await rounds(async (area) => {
      const backup = {
        format: 'gexfocus-backup',
        version: 1,
        exportedAt: new Date(0).toISOString(),
        settings: { version: 3, units: 'shares' },
        chains: [record('BAK', 1)],
      };
      await Promise.all([importBackup(area, backup), saveChain(area, record('NEW', 2))]);
      const { chains } = await listChains(area);
      if (chains.map((c) => c.underlying).join() !== 'BAK,NEW') lost++;
      if ((await getSettings(area)).settings.units !== 'shares') lost++;
    });
    expect(lost).toBe(0);
  });

  it('rebuilds a missing index once and saves it, while lookups and a save run at once', async () => {
    let lost = 0;
    let rebuilds = 0;
    await rounds(async (area) => {
      await saveChain(area, record('AAA', 1));
      await saveChain(area, record('BBB', 2));
      area.data.delete(INDEX_KEY);
      const getAll = area.get.bind(area);
      area.get = (keys) => {
        if (keys === null) rebuilds++;
        return getAll(keys);
      };
      const found = await Promise.all([
        findByAlias(area, 'AAA'),
        findByAlias(area, 'BBB'),
        saveChain(area, record('CCC', 3)),
        findByAlias(area, 'AAA'),
      ]);
      if (!found[0] || !found[1] || !found[3]) lost++;
      if ((await listChains(area)).chains.length !== 3) lost++;
    });
    expect(lost).toBe(0);
    expect(rebuilds).toBe(ROUNDS); // once per round, not once per lookup
  });
});
