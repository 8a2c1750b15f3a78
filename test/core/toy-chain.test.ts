import { describe, expect, it } from 'vitest';
import { analyze, evaluateAt, makeModel, prepare } from '../../src/core';
import { TOY_NOW, toyChain } from './toy';

describe('the toy chain', () => {
  const p = prepare(toyChain(), makeModel(), TOY_NOW);

  it('has T = 30/365 for every line', () => {
    for (const t of p.t) expect(t).toBeCloseTo(30 / 365, 15);
  });

  it('gives net GEX −2,035,966.15 at 100, +18,075,692.35 at 105 and −18,323,666.92 at 90 (to $0.01)', () => {
    expect(Math.abs(analyze(p, 100).netGex - -2_035_966.15)).toBeLessThan(0.01);
    expect(Math.abs(evaluateAt(p, 105).netGex - 18_075_692.35)).toBeLessThan(0.01);
    expect(Math.abs(evaluateAt(p, 90).netGex - -18_323_666.92)).toBeLessThan(0.01);
  });

  it('finds the exact flip 100.47261683 from the profile, not the per-strike shortcut 100.6037', () => {
    const a = analyze(p, 100);
    expect(a.crossings).toHaveLength(1);
    expect(Math.abs(a.flip! - 100.47261683)).toBeLessThan(1e-8 * 100);
  });

  it('names call wall 105, absolute gamma strike 100 and regime accelerating at 100', () => {
    const a = analyze(p, 100);
    expect([a.callWall, a.absGammaStrike, a.regime]).toEqual([105, 100, 'accelerating']);
  });

  it('puts the put wall at 100: |putGex| 8,345,812.9 against 7,699,896.6 for the 95 put (REFERENCE.md)', () => {
    const a = analyze(p, 100);
    const put = (k: number) => Math.abs(a.strikes.find((s) => s.strike === k)!.putGex);
    expect(Math.abs(put(100) - 8_345_812.9)).toBeLessThan(0.05);
    expect(Math.abs(put(95) - 7_699_896.6)).toBeLessThan(0.05);
    expect(a.putWall).toBe(100);
  });

  it('calls it a transition when the flip is inside a wider band', () => {
    const wide = prepare(toyChain(), makeModel({ transitionBand: { flipDistance: 0.005 } }), TOY_NOW);
    expect(analyze(wide, 100).regime).toBe('transition');
  });

  it('flips every sign under short-all for calls, keeps puts, and doubles nothing', () => {
    const a = analyze(prepare(toyChain(), makeModel({ signs: 'long-all' }), TOY_NOW), 100);
    const b = analyze(prepare(toyChain(), makeModel({ signs: 'short-all' }), TOY_NOW), 100);
    expect(a.netGex).toBeCloseTo(-b.netGex, 6);
    expect(a.netGex).toBeCloseTo(a.grossGex, 6);
    expect(b.flip).toBeNull();
  });
});
