import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyze,
  ChainBuilder,
  ChainParseError,
  gamma,
  makeModel,
  netGexAt,
  parseCboeQuoteTable,
  prepare,
} from '../../src/core';
import { ImportError, importChain } from '../../src/core/import';
import { fuzzOne } from '../fuzz/check';
import { boundsCsv, fuzzInput, rng } from '../fuzz/mutate';
import { loadSeeds } from '../fuzz/seeds';
import { SHARED_CHAINS, sharedText } from './chains';

const NOW = Date.parse('2024-01-02T15:00:00Z');
const line = fc.record({
  isCall: fc.boolean(),
  strike: fc.integer({ min: 80, max: 120 }),
  iv: fc.double({ min: 0.05, max: 1, noNaN: true }),
  oi: fc.integer({ min: 1, max: 50_000 }),
  expiration: fc.constantFrom('2024-01-05', '2024-01-19', '2024-03-15', '2024-12-20'),
});
type Line = { isCall: boolean; strike: number; iv: number; oi: number; expiration: string };
const chainOf = (lines: Line[], oiScale = 1) => {
  const b = new ChainBuilder({ spot: 100, asOf: null });
  for (const l of lines) b.add({ ...l, root: 'XYZ', oi: l.oi * oiScale });
  return b.build();
};

describe('properties', () => {
  it('every reported flip is a root of the exact profile (|G(flip)| tiny next to the profile)', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const p = prepare(chainOf(lines), makeModel(), NOW);
        const a = analyze(p, 100);
        const scale = Math.max(...a.profile.map((x) => Math.abs(x.netGex)));
        for (const c of a.crossings) {
          // Within 1e-9·S of the root: |G| ≤ |G'|·1e-7 ≲ scale·1e-5.
          expect(Math.abs(netGexAt(p, c))).toBeLessThanOrEqual(scale * 1e-5);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('scales net and gross GEX linearly with open interest (1e-12 relative)', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 2, max: 1000 }),
        (lines, k) => {
          const a = analyze(prepare(chainOf(lines), makeModel(), NOW), 100);
          const b = analyze(prepare(chainOf(lines, k), makeModel(), NOW), 100);
          expect(Math.abs(b.netGex - k * a.netGex)).toBeLessThanOrEqual(1e-12 * k * a.grossGex + 1e-300);
          // Absolute form: a far-OTM line can underflow to a denormal or zero gross (seed 739356424).
          expect(Math.abs(b.grossGex - k * a.grossGex)).toBeLessThanOrEqual(1e-12 * k * a.grossGex + 1e-290);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives calls and puts the same gamma for any inputs', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.double({ min: 1e-4, max: 3, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        (S, m, t, sigma) => {
          // Put gamma written the other way round: K e^(−rT) φ(d2) / (S² σ √T).
          const K = S * m;
          const d2 = (Math.log(S / K) - 0.5 * sigma * sigma * t) / (sigma * Math.sqrt(t));
          const viaPut =
            (K * Math.exp(-0.5 * d2 * d2)) / Math.sqrt(2 * Math.PI) / (S * S * sigma * Math.sqrt(t));
          const g = gamma({ S, K, t, sigma });
          expect(Math.abs(g - viaPut)).toBeLessThanOrEqual(1e-9 * Math.max(g, 1e-300));
        },
      ),
    );
  });

  it('never throws anything but ChainParseError or ImportError on garbage of any type', () => {
    const real = sharedText('spx_quotedata_2025-01-06_single-expiry.csv');
    const mutated = fc
      .tuple(
        fc.integer({ min: 0, max: real.length }),
        fc.integer({ min: 0, max: 40 }),
        fc.string({ maxLength: 20 }),
      )
      .map(([at, cut, insert]) => real.slice(0, at) + insert + real.slice(at + cut));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), mutated, fc.anything()), (text) => {
        try {
          parseCboeQuoteTable(text as string);
        } catch (e) {
          expect(e).toBeInstanceOf(ChainParseError);
        }
        try {
          importChain(text as string);
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  // The fuzz script's own inputs and checks (test/fuzz/, `npm run fuzz` runs 100,000 of them).
  const seeds = loadSeeds(
    fileURLToPath(SHARED_CHAINS),
    fileURLToPath(new URL('../fixtures/chains/', import.meta.url)),
  );

  it('passes 1,000 fuzz inputs through every importer and the analysis: import errors only, all finite', () => {
    let imported = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { text } = fuzzInput(seed, seeds);
        const r = fuzzOne(text, seed);
        expect(r.findings).toEqual([]);
        if (r.readers.importChain === 'ok') imported++;
      }),
      { numRuns: 1000 },
    );
    // Not a vacuous pass: a good share of the mutated files still import and get analysed.
    expect(imported).toBeGreaterThan(300);
  }, 120_000);

  it('gives finite outputs for chains whose every value sits on a bound', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const text = boundsCsv(rng(seed));
        const r = fuzzOne(text, seed);
        expect(r.findings).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
