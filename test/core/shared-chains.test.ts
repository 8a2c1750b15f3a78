import { describe, expect, it } from 'vitest';
import { analyze, makeModel, prepare } from '../../src/core';
import { readCboeQuoteTable } from '../../src/core/cboe-quotedata';
import { sharedChain, sharedText } from './chains';

// PROVENANCE.md: rows (call+put pairs) per file, expirations, spot, snapshot line.
const FILES: [
  file: string,
  contracts: number,
  expirations: number,
  spot: number,
  asOf: string,
  underlying: string,
][] = [
  ['ndx_quotedata_2022-02-05_full.csv', 18_386, 34, 14694.3506, '2022-02-06T01:26:00.000Z', 'NDX'],
  ['spx_quotedata_2023-09-14_full.csv', 19_920, 53, 4505.1001, '2023-09-14T20:31:00.000Z', 'SPX'],
  ['spy_quotedata_2023-09-14_full.csv', 7_292, 31, 450.81, '2023-09-14T20:31:00.000Z', 'SPY'],
  ['spx_quotedata_2022-03-23_full_es-locale.csv', 19_002, 41, 4479.0898, '2022-03-23T14:11:00.000Z', 'SPX'],
  ['spx_quotedata_2025-01-06_single-expiry.csv', 40, 1, 5975.3799, '2025-01-07T01:57:00.000Z', 'SPX'],
  ['spy_quotedata_2025-05-06_near-money_mit.csv', 156, 13, 557.37, '2025-05-06T22:09:00.000Z', 'SPY'],
  ['nvda_quotedata_2025-01-06.csv', 1_086, 4, 150.2802, '2025-01-07T02:30:00.000Z', 'NVDA'],
];

describe('every shared Cboe chain', () => {
  it.each(FILES)(
    '%s parses with the contract count, expirations, spot and snapshot PROVENANCE lists',
    (file, n, e, spot, asOf, u) => {
      const { chain: c, skipped } = readCboeQuoteTable(sharedText(file));
      const left = skipped.reduce((k, g) => k + g.count, 0);
      expect([c.count + left, c.expirations.length, c.spot, c.asOf, c.underlying]).toEqual([
        n,
        e,
        spot,
        asOf,
        u,
      ]);
      expect(c.hasVolume).toBe(true);
    },
  );

  it('leaves out only NDX’s two strike-1.00 rows (0.00007× spot, no open interest), and nothing else', () => {
    for (const [file] of FILES) {
      const { skipped } = readCboeQuoteTable(sharedText(file));
      if (file.startsWith('ndx'))
        expect(skipped).toEqual([
          { reason: 'strike out of range', count: 4, examples: [8055, 8056], places: 2, place: 'line' },
        ]);
      else expect(skipped, file).toEqual([]);
    }
    const lines = sharedText('ndx_quotedata_2022-02-05_full.csv').split('\n');
    for (const ln of [8055, 8056])
      expect(lines[ln - 1]).toMatch(/^Fri Dec 16 2022,NDXP?221216C00001000,.*,0,1\.00,/);
  });

  it.each(FILES)('%s gives a finite live analysis whose counts add up', (file) => {
    const c = sharedChain(file);
    const a = analyze(prepare(c, makeModel(), Date.parse(c.asOf!)), c.spot);
    const k = a.contracts;
    expect(k.used + k.expired + k.noIv + k.outOfScope).toBe(k.total);
    expect(Number.isFinite(a.netGex) && Number.isFinite(a.grossGex)).toBe(true);
    expect(Math.abs(a.balance)).toBeLessThanOrEqual(1);
    expect(a.profile).toHaveLength(801);
    expect(a.flip === null || a.flip > 0).toBe(true);
  });

  it('finds SPX and SPXW, NDX and NDXP roots in the index files', () => {
    expect(sharedChain('spx_quotedata_2023-09-14_full.csv').roots).toEqual(['SPX', 'SPXW']);
    expect(sharedChain('ndx_quotedata_2022-02-05_full.csv').roots).toEqual(['NDX', 'NDXP']);
  });

  it('reports no flip (null, never 0) in live for the single-expiry SPX and the near-money SPY files', () => {
    for (const file of [
      'spx_quotedata_2025-01-06_single-expiry.csv',
      'spy_quotedata_2025-05-06_near-money_mit.csv',
    ]) {
      const c = sharedChain(file);
      const a = analyze(prepare(c, makeModel(), Date.parse(c.asOf!)), c.spot);
      expect(a.flip).toBeNull();
      expect(a.crossings).toEqual([]);
    }
  });
});

describe('expiry scopes on SPX 2023-09-14', () => {
  const c = sharedChain('spx_quotedata_2023-09-14_full.csv');
  const run = (scope: 'all' | '0dte' | '7d' | 'ex-nearest', at = c.asOf!) =>
    analyze(prepare(c, makeModel({ scope }), Date.parse(at)), c.spot);

  it('keeps nothing in 0DTE after the close; in the morning the same-day lines with IV are 100 % of 0DTE gamma', () => {
    expect(run('0dte').contracts.used).toBe(0);
    // SPY's snapshot still shows IV on 112 same-day rows (PROVENANCE.md); evaluate them at 10:00 EDT.
    const spy = sharedChain('spy_quotedata_2023-09-14_full.csv');
    const at = (scope: '0dte' | 'all') =>
      analyze(prepare(spy, makeModel({ scope }), Date.parse('2023-09-14T14:00:00Z')), spy.spot);
    expect(at('0dte').contracts.used).toBeGreaterThan(0);
    expect(at('0dte').zeroDteShare).toBeCloseTo(1, 12);
    expect(at('all').zeroDteShare).toBeGreaterThan(0);
    expect(at('all').zeroDteShare).toBeLessThan(1);
  });

  it('keeps fewer lines within 7 days and without the nearest expiration, and counts the rest as out of scope', () => {
    const all = run('all').contracts;
    for (const scope of ['7d', 'ex-nearest'] as const) {
      const k = run(scope).contracts;
      expect(k.used).toBeLessThan(all.used);
      expect(k.used + k.noIv + k.outOfScope).toBe(all.used + all.noIv);
    }
  });
});
