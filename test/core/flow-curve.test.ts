import { describe, expect, it } from 'vitest';
import { hedgeFlowFor, makeModel, prepare } from '../../src/core';
import { FLOW_MOVES, hedgeFlowCurve } from '../../src/core/flow-curve.ts';
import { expectRel, sharedChain } from './chains';

const chain = sharedChain('spx_quotedata_2023-09-14_full.csv');
const p = prepare(chain, makeModel(), Date.parse(chain.asOf!));

describe('the hedge flow curve', () => {
  it('runs from −3 % to +3 % in 31 points, through 0 and ±1 %', () => {
    expect(FLOW_MOVES).toHaveLength(31);
    expect(FLOW_MOVES[0]).toBe(-0.03);
    expect(FLOW_MOVES[30]).toBe(0.03);
    expect(FLOW_MOVES).toContain(0);
    expect(FLOW_MOVES).toContain(0.01);
    expect(FLOW_MOVES).toContain(-0.01);
  });

  it('gives the full-revaluation ±1 % hedge flow of REFERENCE.md at ±1 %, and nothing for no move', () => {
    const curve = hedgeFlowCurve(p, chain.spot);
    const at = (m: number) => curve.find((c) => c.move === m)!;
    expectRel(at(0.01).shares, hedgeFlowFor(p, chain.spot, 0.01).shares, 1e-9);
    expectRel(at(-0.01).shares, hedgeFlowFor(p, chain.spot, -0.01).shares, 1e-9);
    // REFERENCE.md live SPX: +1 % → −9,226,589 shares; −1 % → −3,139,366 shares.
    expectRel(at(0.01).shares, -9_226_589, 1e-6);
    expectRel(at(-0.01).shares, -3_139_366, 1e-6);
    expect(at(0).shares).toBe(0);
    expect(at(0.01).notional).toBeCloseTo(at(0.01).shares * chain.spot, 0);
  });

  it('changes sign where the move crosses the flip: dealers buy a small drop and sell a larger one', () => {
    // Spot 4505.10 sits 0.24 % above the flip 4494.30 (transition): short moves down are still in
    // long-gamma territory (buy weakness), a larger drop crosses the flip and dealers sell.
    const curve = hedgeFlowCurve(p, chain.spot);
    const down = curve.filter((c) => c.move < 0).sort((a, b) => b.move - a.move);
    expect(down[0]!.shares).toBeGreaterThan(0);
    expect(down.at(-1)!.shares).toBeLessThan(0);
    const up = curve.filter((c) => c.move > 0);
    expect(up.every((c) => c.shares < 0)).toBe(true);
  });
});
