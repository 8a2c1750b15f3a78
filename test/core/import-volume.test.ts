import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, makeModel, prepare } from '../../src/core';
import { importChain } from '../../src/core/import';
import { expectRel, sharedText } from './chains';

const fixture = (f: string) => readFileSync(new URL(`../fixtures/chains/${f}`, import.meta.url), 'utf8');
/** contract key → volume, for comparing two imports of the same quotes. */
function volumes(text: string): Map<string, number> {
  const c = importChain(text).chain;
  const out = new Map<string, number>();
  for (let i = 0; i < c.count; i++) {
    out.set(
      `${c.roots[c.root[i]!]}|${c.expirations[c.expiry[i]!]}|${c.strike[i]}|${c.isCall[i]}`,
      c.volume[i]!,
    );
  }
  return out;
}

describe('the day’s volume in every format', () => {
  it('reads the Cboe JSON "volume" of each contract, equal to the quote table’s Volume columns', () => {
    const json = importChain(fixture('cboe-spx-2025-01-06.json')).chain;
    expect(json.hasVolume).toBe(true);
    expect(volumes(fixture('cboe-spx-2025-01-06.json'))).toEqual(
      volumes(sharedText('spx_quotedata_2025-01-06_single-expiry.csv')),
    );
  });

  it('reads a generic CSV "Vol" column (long layout) and "Call Volume"/"Put Volume" (wide layout)', () => {
    expect(volumes(fixture('generic-spx-2025-01-06-long-volume.csv'))).toEqual(
      volumes(sharedText('spx_quotedata_2025-01-06_single-expiry.csv')),
    );
    const wide = importChain(fixture('generic-spy-2025-05-06-wide-volume.csv')).chain;
    const table = importChain(sharedText('spy_quotedata_2025-05-06_near-money_mit.csv')).chain;
    expect(wide.hasVolume).toBe(true);
    expect(Array.from(wide.volume)).toEqual(Array.from(table.volume));
    expect(Array.from(wide.oi)).toEqual(Array.from(table.oi));
  });

  it('says a format carried no volume when it has no volume column or key', () => {
    expect(importChain(fixture('generic-spx-2025-01-06-long.csv')).chain.hasVolume).toBe(false);
    const doc = JSON.parse(fixture('cboe-spx-2025-01-06.json'));
    for (const o of doc.data.options) delete o.volume;
    expect(importChain(JSON.stringify(doc)).chain.hasVolume).toBe(false);
  });

  it('never reads a volume column as open interest', () => {
    expect(() => importChain('expiration,strike,type,volume,iv\n2025-01-17,100,C,10,0.2\n')).toThrow(
      /^No open interest column: .*volume is not open interest/,
    );
    expect(() =>
      importChain('expiry,strike,call vol,call iv,put vol,put iv\n2025-01-17,100,1,0.2,2,0.2\n'),
    ).toThrow(/^No type \(C\/P\) column/);
  });

  it('gives REFERENCE.md’s positions-model numbers for SPX 2023-09-14 at the snapshot', () => {
    const chain = importChain(sharedText('spx_quotedata_2023-09-14_full.csv')).chain;
    const at = (positions: 'oi+volume' | 'volume') =>
      analyze(prepare(chain, makeModel({ positions }), Date.parse(chain.asOf!)), chain.spot);
    const both = at('oi+volume');
    // REFERENCE prints net GEX to 0.1 $ (relative 1e-11) and flips to 5 decimals (relative 1.1e-9).
    expectRel(both.netGex, 23_375_206_658.5, 1e-10);
    expectRel(both.flip!, 4498.42555, 2e-9);
    expect([both.callWall, both.putWall]).toEqual([4500, 4500]);
    const volumeOnly = at('volume');
    expectRel(volumeOnly.netGex, 7_273_360_117.2, 1e-10);
    expectRel(volumeOnly.flip!, 4501.50358, 2e-9);
    expect([volumeOnly.callWall, volumeOnly.putWall]).toEqual([4500, 4500]);
  });
});
