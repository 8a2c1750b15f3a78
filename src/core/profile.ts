/**
 * The net GEX profile: G evaluated across spots, each line's σ and T held (methodology "Levels").
 *
 * Live: 801 spots evenly spaced in log-price from 0.8·S to 1.2·S. On that grid d1 of a line is
 * linear in the grid index j (d1_j = A + j·B with B = h/(σ√T)), so φ(d1_j) follows the exact
 * recurrence φ_{j+1} = φ_j·ρ_j, ρ_{j+1} = ρ_j·e^(−B²): two multiplications per point instead of an
 * exp. Each line is only visited where |d1| ≤ 8 (φ below 1.3e-14 of its peak outside), which
 * leaves every reference figure unchanged at 1e-12 relative.
 *
 * Classic: 60 evenly spaced spots (numpy.linspace) from 0.8·S to 1.2·S, gamma from IV with the
 * classic T, puts via K e^(−rT) φ(d2)/(S² σ√T) as the reproduced script writes it.
 */
import { INV_SQRT_2PI } from './normal';
import type { Prepared } from './prepare';

export const LIVE_POINTS = 801;
export const CLASSIC_POINTS = 60;
/** Half-width of the visited band, in units of d1. */
export const PRUNE_D1 = 8;

export interface Profile {
  /** Spot of each grid point, price units. */
  spots: Float64Array;
  /** Net GEX at each grid point, $ per 1 % move. */
  net: Float64Array;
}

/** The live grid around S: x_j = ln(0.8·S) + j·h, j = 0 … LIVE_POINTS − 1, h = ln(1.5)/(LIVE_POINTS − 1). */
export function liveGrid(S: number): { x0: number; h: number } {
  return { x0: Math.log(0.8 * S), h: Math.log(1.5) / (LIVE_POINTS - 1) };
}

/** Live profile on the 801-point log grid around S. */
export function liveProfile(p: Prepared, S: number): Profile {
  return liveProfileWindow(p, S, 0, LIVE_POINTS - 1);
}

/**
 * The live profile at grid points jlo … jhi only (indexes of the full 801-point grid; the result's
 * entry k is grid point jlo + k). Each line costs in proportion to the window, which is how the
 * projection finds the flip near S without the whole profile (levels.ts, nearestLiveCrossing).
 */
export function liveProfileWindow(p: Prepared, S: number, jlo: number, jhi: number): Profile {
  const { x0, h } = liveGrid(S);
  const N = jhi - jlo + 1;
  const acc = new Float64Array(N);
  for (let i = 0; i < p.n; i++) {
    const v = p.vol[i]!;
    if (v === 0) continue;
    const A = (x0 - p.lnStrike[i]! + p.drift[i]!) / v;
    const B = h / v;
    let lo = Math.ceil((-PRUNE_D1 - A) / B);
    let hi = Math.floor((PRUNE_D1 - A) / B);
    if (lo < jlo) lo = jlo;
    if (hi > jhi) hi = jhi;
    if (lo > hi) continue;
    const d = A + lo * B;
    const coef = (p.weight[i]! * p.discQ[i]!) / v;
    // Two interleaved recurrences (even and odd points, each stepping by two: φ_{j+2} = φ_j·σ_j,
    // σ_{j+2} = σ_j·e^(−4B²)) so the CPU overlaps them instead of waiting on one chain of products.
    let phi0 = coef * Math.exp(-0.5 * d * d);
    const rho0 = Math.exp(-d * B - 0.5 * B * B);
    const c = Math.exp(-B * B);
    let phi1 = phi0 * rho0;
    let s0 = rho0 * rho0 * c;
    let s1 = s0 * c * c;
    const c4 = c * c * c * c;
    let j = lo - jlo;
    const end = hi - jlo;
    for (; j < end; j += 2) {
      acc[j]! += phi0;
      acc[j + 1]! += phi1;
      phi0 *= s0;
      phi1 *= s1;
      s0 *= c4;
      s1 *= c4;
    }
    if (j === end) acc[j]! += phi0;
  }
  const spots = new Float64Array(N);
  for (let k = 0; k < N; k++) {
    spots[k] = Math.exp(x0 + (jlo + k) * h);
    acc[k] = acc[k]! * INV_SQRT_2PI * spots[k]! * 0.01;
  }
  return { spots, net: acc };
}

/** numpy.linspace(a, b, n): a + j·step, the last point exactly b. */
export function linspace(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  const step = (b - a) / (n - 1);
  for (let j = 0; j < n; j++) out[j] = a + j * step;
  out[n - 1] = b;
  return out;
}

/** Classic 60-point linear profile. */
export function classicProfile(p: Prepared, S: number): Profile {
  const spots = linspace(0.8 * S, 1.2 * S, CLASSIC_POINTS);
  const net = new Float64Array(CLASSIC_POINTS);
  const r = p.model.rate;
  for (let j = 0; j < CLASSIC_POINTS; j++) {
    const level = spots[j]!;
    const x = Math.log(level);
    let sum = 0;
    for (let i = 0; i < p.n; i++) {
      const v = p.vol[i]!;
      if (v === 0) continue;
      const dp = (x - p.lnStrike[i]! + p.drift[i]!) / v;
      const g = p.isCall[i]
        ? (p.discQ[i]! * Math.exp(-0.5 * dp * dp) * INV_SQRT_2PI) / (level * v)
        : (p.strike[i]! * Math.exp(-r * p.t[i]!) * Math.exp(-0.5 * (dp - v) ** 2) * INV_SQRT_2PI) /
          (level * level * v);
      sum += p.weight[i]! * level * level * 0.01 * g;
    }
    net[j] = sum;
  }
  return { spots, net };
}
