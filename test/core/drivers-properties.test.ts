import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyze,
  type Chain,
  ChainBuilder,
  computeDrivers,
  dealerDelta,
  horizonAfter,
  makeModel,
  type PositionsModel,
  prepare,
} from '../../src/core';
import { liveCrossings, nearestCrossing, nearestLiveCrossing } from '../../src/core/levels';
import { liveProfile } from '../../src/core/profile';
import { expectRel, sharedChain } from './chains';
import { TOY_NOW, toyChain } from './toy';

const spx = sharedChain('spx_quotedata_2023-09-14_full.csv');
const snapshot = Date.parse(spx.asOf!);
const at1120 = Date.parse('2023-09-14T11:20:00-04:00');

/** A copy of `chain` keeping only the lines `keep(i)` accepts. */
function subset(chain: Chain, keep: (i: number) => boolean): Chain {
  const b = new ChainBuilder({ underlying: chain.underlying, spot: chain.spot, asOf: chain.asOf });
  for (let i = 0; i < chain.count; i++) {
    if (!keep(i)) continue;
    b.add({
      root: chain.roots[chain.root[i]!]!,
      expiration: chain.expirations[chain.expiry[i]!]!,
      isCall: chain.isCall[i] === 1,
      strike: chain.strike[i]!,
      iv: chain.iv[i]!,
      oi: chain.oi[i]!,
      volume: chain.volume[i]!,
      gamma: chain.gamma[i]!,
    });
  }
  return b.build();
}

describe('what moves the hedge: properties', () => {
  it('lets the charm flow shrink to nothing as the horizon approaches now', () => {
    const horizon = horizonAfter(at1120);
    const charm = (secondsBefore: number) => {
      const t = horizon - secondsBefore * 1000;
      return Math.abs(computeDrivers(prepare(spx, makeModel(), t), spx.spot).charmFlow.shares);
    };
    const [hour, minute, second, tick] = [charm(3600), charm(60), charm(1), charm(0.01)];
    expect(hour).toBeGreaterThan(minute);
    expect(minute).toBeGreaterThan(second);
    expect(second).toBeGreaterThan(tick);
    expect(tick).toBeLessThan(1e-4 * hour);
  });

  it('gives vanna flows of opposite signs for +1 and −1 vol point on every shared chain, at and around spot', () => {
    const files = [
      'spx_quotedata_2023-09-14_full.csv',
      'spy_quotedata_2023-09-14_full.csv',
      'ndx_quotedata_2022-02-05_full.csv',
      'nvda_quotedata_2025-01-06.csv',
    ];
    for (const file of files) {
      // Lines within a vol point of the 0.0001 floor (some files print IV 0.001 far from the money)
      // would make the −1 point shift lopsided; the property is about chains without them.
      const full = sharedChain(file);
      const chain = subset(full, (i) => !(full.iv[i]! > 0 && full.iv[i]! <= 0.02));
      const p = prepare(chain, makeModel(), Date.parse(chain.asOf!));
      expect(p.counts.used).toBeGreaterThan(500);
      for (const k of [0.98, 1, 1.02]) {
        const { up1vol, down1vol } = computeDrivers(p, chain.spot * k).vannaFlow;
        expect(Math.sign(up1vol.shares) * Math.sign(down1vol.shares), `${file} at ${k}`).toBe(-1);
      }
    }
  });

  it('ends the projection with exactly what a fresh analysis prepared at the horizon gives', () => {
    for (const [t, S] of [
      [at1120, spx.spot],
      [snapshot, spx.spot],
      [snapshot, spx.spot * 1.01],
    ] as const) {
      const d = computeDrivers(prepare(spx, makeModel(), t), S);
      const last = d.projection.at(-1)!;
      expect(last.at).toBe(d.charmFlow.until);
      const fresh = analyze(prepare(spx, makeModel(), last.at), S);
      expectRel(last.netGex, fresh.netGex, 1e-10);
      expect(Math.abs(last.flip! - fresh.flip!)).toBeLessThan(1e-9 * S);
      expect(last.regime).toBe(fresh.regime);
    }
  });

  it('includes in the charm flow the whole delta of AM-settled monthlies that settle before the horizon', () => {
    // At 16:31 on Thursday the horizon is Friday 15:55; the SPX (AM) monthlies settle Friday 09:30.
    const model = makeModel();
    const am = (i: number) =>
      spx.roots[spx.root[i]!] === 'SPX' && spx.expirations[spx.expiry[i]!] === '2023-09-15';
    const withAm = computeDrivers(prepare(spx, model, snapshot), spx.spot).charmFlow.shares;
    const without = computeDrivers(
      prepare(
        subset(spx, (i) => !am(i)),
        model,
        snapshot,
      ),
      spx.spot,
    ).charmFlow.shares;
    const amDelta = dealerDelta(prepare(subset(spx, am), model, snapshot), spx.spot);
    expect(Math.abs(amDelta)).toBeGreaterThan(1e6);
    // Their hedge is unwound entirely: dealers trade back what they held against them.
    expectRel(withAm - without, amDelta, 1e-9);
  });

  it('counts oi+volume as the sum of the open-interest and volume models, line by line', () => {
    const toy = toyChain();
    const b = new ChainBuilder({ underlying: 'TOY', spot: 100, asOf: null });
    const volumes = [1200, 0, 4000, Number.NaN, 900, 15_000];
    for (let i = 0; i < toy.count; i++)
      b.add({
        root: 'TOY',
        expiration: '2024-02-15',
        isCall: toy.isCall[i] === 1,
        strike: toy.strike[i]!,
        iv: toy.iv[i]!,
        oi: i === 5 ? 0 : toy.oi[i]!, // a line traded today with no open interest yet
        volume: volumes[i]!,
      });
    const chain = b.build();
    expect(chain.hasVolume).toBe(true);
    const run = (positions: PositionsModel) => {
      const p = prepare(chain, makeModel({ positions }), TOY_NOW);
      expect(p.positions).toBe(positions);
      return { a: analyze(p, 101), d: computeDrivers(p, 101) };
    };
    const [oi, vol, both] = [run('oi'), run('volume'), run('oi+volume')];
    expectRel(both.a.netGex, oi.a.netGex + vol.a.netGex, 1e-12);
    expectRel(both.a.grossGex, oi.a.grossGex + vol.a.grossGex, 1e-12);
    for (const s of both.a.strikes) {
      const o = oi.a.strikes.find((x) => x.strike === s.strike);
      const v = vol.a.strikes.find((x) => x.strike === s.strike);
      expect(s.callGex).toBeCloseTo((o?.callGex ?? 0) + (v?.callGex ?? 0), 4);
      expect(s.putGex).toBeCloseTo((o?.putGex ?? 0) + (v?.putGex ?? 0), 4);
    }
    expectRel(both.d.charmFlow.shares, oi.d.charmFlow.shares + vol.d.charmFlow.shares, 1e-9);
  });

  it('falls back to open interest when the chain has no volume, and says so in the prepared lines', () => {
    const p = prepare(toyChain(), makeModel({ positions: 'volume' }), TOY_NOW);
    expect(p.positions).toBe('oi');
    expect(analyze(p, 100).netGex).toBeCloseTo(
      analyze(prepare(toyChain(), makeModel(), TOY_NOW), 100).netGex,
      6,
    );
  });

  it('has no drivers under the classic preset (no clock)', () => {
    const p = prepare(spx, makeModel({ preset: 'classic' }), snapshot);
    expect(() => computeDrivers(p, spx.spot)).toThrow(/classic/);
  });
});

describe('the flip found on a window of the profile', () => {
  const full = (p: ReturnType<typeof prepare>, S: number) =>
    nearestCrossing(liveCrossings(p, liveProfile(p, S), S), S);

  it('is the flip of the whole profile on SPX, hour by hour over two sessions, from −3 % to +1 % around spot', () => {
    for (let h = 0; h < 48; h += 8) {
      const t = at1120 + h * 3_600_000;
      const p = prepare(spx, makeModel(), t);
      for (const k of [0.97, 1, 1.01]) {
        const S = spx.spot * k;
        const a = full(p, S);
        const b = nearestLiveCrossing(p, S);
        if (a === null) expect(b).toBeNull();
        else expect(Math.abs(b! - a)).toBeLessThan(1e-9 * S);
      }
    }
  });

  it('is the flip of the whole profile on random chains, including ones with no flip or a far one', () => {
    const line = fc.record({
      isCall: fc.boolean(),
      strike: fc.integer({ min: 70, max: 130 }),
      iv: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
      oi: fc.integer({ min: 1, max: 50_000 }),
      expiration: fc.constantFrom('2024-01-16', '2024-01-19', '2024-02-16', '2024-12-20'),
    });
    const now = Date.parse('2024-01-16T15:00:00Z');
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 16 }),
        fc.double({ min: 75, max: 125, noNaN: true }),
        (lines, S) => {
          const b = new ChainBuilder({ underlying: 'X', spot: 100, asOf: null });
          for (const l of lines) b.add({ root: 'X', ...l });
          const p = prepare(b.build(), makeModel(), now);
          const a = full(p, S);
          const w = nearestLiveCrossing(p, S);
          if (a === null) return w === null;
          return w !== null && Math.abs(w - a) <= 1e-9 * S;
        },
      ),
      { numRuns: 300 },
    );
  });
});
