import { describe, expect, it } from 'vitest';
import { charm, delta, gamma, vanna } from '../../src/core';
import { normCdf } from '../../src/core/normal';

// Oracles: ../shared/data/chains/REFERENCE.md, "Black–Scholes gamma oracles".
describe('Black–Scholes–Merton greeks', () => {
  it('reproduces Hull’s call gamma and delta (S=49, K=50, r=5 %, T=0.3846, σ=20 %) to 1e-12', () => {
    const p = { S: 49, K: 50, r: 0.05, t: 0.3846, sigma: 0.2 };
    expect(gamma(p)).toBeCloseTo(0.0655453772525, 12);
    expect(delta(p, true)).toBeCloseTo(0.521601633972, 12);
  });

  it('reproduces Haug’s generalized BS gamma (S=55, K=60, T=0.75, r=10 %, σ=30 %) to 1e-15', () => {
    expect(
      Math.abs(gamma({ S: 55, K: 60, t: 0.75, r: 0.1, sigma: 0.3 }) - 0.027821160476940845),
    ).toBeLessThan(1e-15);
  });

  it('reproduces py_vollib’s dividend case (q=5 %) for gamma and both deltas to 1e-13', () => {
    const p = { S: 100, K: 95, r: 0.1, t: 0.5, sigma: 0.2, q: 0.05 };
    expect(Math.abs(gamma(p) - 0.022839574296269996)).toBeLessThan(1e-13);
    expect(Math.abs(delta(p, true) - 0.71112831239226)).toBeLessThan(1e-13);
    expect(Math.abs(delta(p, false) - -0.2641815996360726)).toBeLessThan(1e-13);
  });

  it('gives calls and puts the same gamma and a put delta one e^(−qT) below the call delta', () => {
    const p = { S: 4505, K: 4400, r: 0.03, t: 0.1, sigma: 0.15, q: 0.015 };
    expect(delta(p, true) - delta(p, false)).toBeCloseTo(Math.exp(-0.015 * 0.1), 14);
  });

  it('computes vanna (per 1.00 of σ) and charm (per year) that match finite differences to 1e-6', () => {
    const p = { S: 100, K: 105, r: 0.02, t: 0.25, sigma: 0.25, q: 0.01 };
    const h = 1e-5;
    const dVol =
      (delta({ ...p, sigma: p.sigma + h }, true) - delta({ ...p, sigma: p.sigma - h }, true)) / (2 * h);
    expect(Math.abs(vanna(p) - dVol)).toBeLessThan(1e-6);
    for (const isCall of [true, false]) {
      const dT = -(delta({ ...p, t: p.t + h }, isCall) - delta({ ...p, t: p.t - h }, isCall)) / (2 * h);
      expect(Math.abs(charm(p, isCall) - dT)).toBeLessThan(1e-6);
    }
  });

  it('evaluates the normal distribution to 1e-15 at textbook points', () => {
    expect(Math.abs(normCdf(0) - 0.5)).toBeLessThan(1e-15);
    expect(Math.abs(normCdf(1.96) - 0.9750021048517795)).toBeLessThan(1e-15);
    expect(Math.abs(normCdf(-3) - 0.0013498980316301)).toBeLessThan(1e-15);
  });

  it('returns NaN rather than a number when T or σ is not positive', () => {
    expect(gamma({ S: 100, K: 100, t: 0, sigma: 0.2 })).toBeNaN();
    expect(gamma({ S: 100, K: 100, t: 0.1, sigma: 0 })).toBeNaN();
  });
});
