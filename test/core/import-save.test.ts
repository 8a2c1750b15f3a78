import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../src/background/chains/record.ts';
import { listChains, saveChain } from '../../src/background/chains/store.ts';
import { ChainBuilder, chainFromJSON, chainToJSON } from '../../src/core';
import { importChain } from '../../src/core/import';
import { MemoryArea } from '../background/chains-fakes.ts';

const fixture = (f: string) => readFileSync(new URL(`../fixtures/chains/${f}`, import.meta.url), 'utf8');

/** A chain that got past no import (built directly): lines without IV, and lines without contracts. */
function unusableChain() {
  const b = new ChainBuilder({ underlying: 'SPX', spot: 5975, asOf: '2025-01-07T01:57:00.000Z' });
  b.add({ root: 'SPXW', expiration: '2025-01-07', isCall: true, strike: 5950, iv: Number.NaN, oi: 100 });
  b.add({ root: 'SPXW', expiration: '2025-01-07', isCall: false, strike: 5950, iv: 0.2, oi: 0 });
  return b.build();
}

describe('a chain with no usable contract is never saved', () => {
  it('is refused by makeRecord, the background’s save path, with the reason', () => {
    // The options page sends the chain as JSON; the handler rebuilds it with chainFromJSON first.
    const chain = chainFromJSON(JSON.parse(JSON.stringify(chainToJSON(unusableChain()))));
    expect(() =>
      makeRecord({ chain, asOf: chain.asOf!, source: { format: 'generic-csv', importedAt: 2 } }),
    ).toThrow('no usable contracts: of 2 lines, 1 have no IV and the rest no open interest or volume');
  });

  it('leaves the saved chain as it was', async () => {
    const area = new MemoryArea();
    const good = importChain(fixture('cboe-spx-2025-01-06.json')).chain;
    await saveChain(
      area,
      makeRecord({ chain: good, asOf: good.asOf!, source: { format: 'cboe-json', importedAt: 1 } }),
    );
    const before = await listChains(area);
    const bad = unusableChain();
    await expect(async () =>
      saveChain(
        area,
        makeRecord({ chain: bad, asOf: bad.asOf!, source: { format: 'generic-csv', importedAt: 2 } }),
      ),
    ).rejects.toThrow(/^no usable contracts/);
    expect(await listChains(area)).toEqual(before);
    expect(before.chains.map((c) => [c.underlying, c.contracts])).toEqual([['SPX', 40]]);
  });
});
