/**
 * Levels read from the profile and the per-strike table (methodology "Levels"): flip crossings,
 * call wall, put wall, absolute gamma strike.
 */
import { netGexAt } from './exposure';
import type { Prepared } from './prepare';
import type { Profile } from './profile';
import { brentRoot } from './root-find';

/** Grid neighbours both below this fraction of max |profile| are numerical dust, not a flip. */
export const DUST_FRACTION = 1e-6;
/** Crossings are refined to this fraction of spot. */
export const ROOT_TOLERANCE = 1e-9;
/** Lines whose |d1| exceeds this at both ends of a bracket add < 1e-17 of their peak: skipped. */
const CANDIDATE_D1 = 9;

/**
 * Every sign change of the live profile (dust ignored), each refined with Brent's method on the
 * exact G(S) to 1e-9·S. Ascending, price units.
 */
export function liveCrossings(p: Prepared, profile: Profile, S: number): number[] {
  const { spots, net } = profile;
  let max = 0;
  for (const g of net) max = Math.max(max, Math.abs(g));
  const dust = max * DUST_FRACTION;
  const out: number[] = [];
  for (let j = 0; j + 1 < net.length; j++) {
    const a = net[j]!;
    const b = net[j + 1]!;
    if (Math.abs(a) < dust && Math.abs(b) < dust) continue;
    if (a === 0 && j > 0) continue; // counted with the previous interval
    if (!(a < 0 ? b >= 0 : a > 0 ? b <= 0 : b !== 0)) continue;
    if (b === 0) {
      out.push(spots[j + 1]!);
      continue;
    }
    const lo = spots[j]!;
    const hi = spots[j + 1]!;
    const lines = candidateLines(p, lo, hi);
    const f = (s: number) => netGexAt(p, s, lines);
    out.push(brentRoot(f, lo, hi, ROOT_TOLERANCE * S));
  }
  return out;
}

/** Lines that matter anywhere in [lo, hi]. */
function candidateLines(p: Prepared, lo: number, hi: number): number[] {
  const xl = Math.log(lo);
  const xh = Math.log(hi);
  const out: number[] = [];
  for (let i = 0; i < p.n; i++) {
    const v = p.vol[i]!;
    if (v === 0) continue;
    const a = (xl - p.lnStrike[i]! + p.drift[i]!) / v;
    const b = (xh - p.lnStrike[i]! + p.drift[i]!) / v;
    if (!(a > CANDIDATE_D1 || b < -CANDIDATE_D1)) out.push(i);
  }
  return out;
}

/**
 * Classic crossings: numpy-style sign changes of the 60-point profile (a zero counts as its own
 * sign, as np.diff(np.sign(...)) does), each linearly interpolated between the two grid points.
 */
export function classicCrossings(profile: Profile): number[] {
  const { spots, net } = profile;
  const out: number[] = [];
  for (let j = 0; j + 1 < net.length; j++) {
    const neg = net[j]!;
    const pos = net[j + 1]!;
    if (Math.sign(neg) === Math.sign(pos)) continue;
    const lo = spots[j]!;
    const hi = spots[j + 1]!;
    out.push(hi - ((hi - lo) * pos) / (pos - neg));
  }
  return out;
}

/** The crossing nearest S; null when there is none (never 0). */
export function nearestCrossing(crossings: readonly number[], S: number): number | null {
  let best: number | null = null;
  for (const c of crossings) if (best === null || Math.abs(c - S) < Math.abs(best - S)) best = c;
  return best;
}

/** Index of the largest score; ties go to the strike nearest S; null when every score is 0. */
export function argmaxStrike(strikes: Float64Array, score: (k: number) => number, S: number): number | null {
  let best = -1;
  let bestScore = 0;
  for (let k = 0; k < strikes.length; k++) {
    const s = score(k);
    if (!(s > 0)) continue;
    const nearer = best >= 0 && Math.abs(strikes[k]! - S) < Math.abs(strikes[best]! - S);
    if (best < 0 || s > bestScore || (s === bestScore && nearer)) {
      best = k;
      bestScore = s;
    }
  }
  return best < 0 ? null : strikes[best]!;
}
