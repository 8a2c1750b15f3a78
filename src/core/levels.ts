/**
 * Levels read from the profile and the per-strike table (methodology "Levels"): flip crossings,
 * call wall, put wall, absolute gamma strike.
 */
import { INV_SQRT_2PI } from './normal';
import type { Prepared } from './prepare';
import { LIVE_POINTS, liveGrid, liveProfile, liveProfileWindow, type Profile } from './profile';
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
    const kind = crossingIn(net[j]!, net[j + 1]!, j, dust, dust);
    if (kind === NONE) continue;
    out.push(kind === AT_HI ? spots[j + 1]! : refine(p, spots[j]!, spots[j + 1]!, S, net[j]!, net[j + 1]!));
  }
  return out;
}

const NONE = 0;
/** The profile is exactly 0 at the interval's upper point: that point is the crossing. */
const AT_HI = 1;
/** A sign change inside the interval: refine it. */
const INSIDE = 2;
/** Only for a window of the profile: dust or not cannot be told without the whole profile. */
const UNSURE = 3;

/**
 * The methodology's rule for grid interval [j, j+1] with values a, b: a sign change, unless both are
 * dust (below 1e-6 of the profile's largest |value|). `dustLo` ≤ that threshold ≤ `dustHi` (equal when
 * the whole profile is known); between the two the answer is UNSURE.
 */
function crossingIn(a: number, b: number, j: number, dustLo: number, dustHi: number): number {
  if (a === 0 && j > 0) return NONE; // counted with the previous interval
  if (!(a < 0 ? b >= 0 : a > 0 ? b <= 0 : b !== 0)) return NONE;
  const m = Math.max(Math.abs(a), Math.abs(b));
  if (m < dustLo) return NONE;
  if (m < dustHi) return UNSURE;
  return b === 0 ? AT_HI : INSIDE;
}

/** Brent on G(S) over the lines that matter in [lo, hi]; fa, fb: the profile's values there. */
function refine(p: Prepared, lo: number, hi: number, S: number, fa: number, fb: number): number {
  return brentRoot(bracketNetGex(p, lo, hi), lo, hi, ROOT_TOLERANCE * S, fa, fb);
}

/** Lines at least this wide (σ√T) are summed as one polynomial in the bracket (see bracketNetGex). */
const WIDE_VOL = 0.01;
/** Degree of that polynomial. */
const TAYLOR_DEGREE = 6;

/**
 * G(s) for s in [lo, hi] (a grid interval, ln(hi/lo) ≈ 5e-4), as a function for the root finder.
 * Lines that matter nowhere in the bracket (|d1| > 9 at both ends, same side) are left out. Lines
 * narrower than WIDE_VOL are evaluated exactly at each s. The wide ones (most of a chain: every
 * expiration more than a few days out) are summed once into a polynomial in δ = ln s − x_m around
 * the bracket's middle x_m: e^(−(d0+ε)²/2) = e^(−d0²/2) Σ_k He_k(d0) (−ε)^k / k! with ε = δ/σ√T
 * (He_k the probabilists' Hermite polynomials). With |ε| ≤ 2.5e-4/0.01 = 0.025 the degree-6
 * remainder is below 1e-13 of each line's peak, far under the 1e-9·S tolerance of the root, and a
 * root-finder step costs the narrow lines only.
 */
function bracketNetGex(p: Prepared, lo: number, hi: number): (s: number) => number {
  const xl = Math.log(lo);
  const xh = Math.log(hi);
  const xm = 0.5 * (xl + xh);
  const coef = new Float64Array(TAYLOR_DEGREE + 1);
  const narrow: number[] = [];
  const { vol, lnStrike, drift, weight, discQ } = p;
  for (let i = 0; i < p.n; i++) {
    const v = vol[i]!;
    if (v === 0) continue;
    const a = (xl - lnStrike[i]! + drift[i]!) / v;
    const b = (xh - lnStrike[i]! + drift[i]!) / v;
    if (a > CANDIDATE_D1 || b < -CANDIDATE_D1) continue;
    if (v < WIDE_VOL) {
      narrow.push(i);
      continue;
    }
    const d0 = (xm - lnStrike[i]! + drift[i]!) / v;
    // c · e^(−d0²/2) · He_k(d0) · (−1/v)^k / k!, accumulated per power k of δ.
    let term = ((weight[i]! * discQ[i]!) / v) * Math.exp(-0.5 * d0 * d0);
    let hePrev = 1;
    let he = d0;
    coef[0]! += term;
    const step = -1 / v;
    for (let k = 1; k <= TAYLOR_DEGREE; k++) {
      term *= step / k;
      coef[k]! += term * he;
      const next = d0 * he - k * hePrev;
      hePrev = he;
      he = next;
    }
  }
  return (s: number) => {
    const x = Math.log(s);
    const delta = x - xm;
    let poly = 0;
    for (let k = TAYLOR_DEGREE; k >= 0; k--) poly = poly * delta + coef[k]!;
    let sum = poly;
    for (const i of narrow) {
      const v = vol[i]!;
      const d1 = (x - lnStrike[i]! + drift[i]!) / v;
      sum += (weight[i]! * discQ[i]! * Math.exp(-0.5 * d1 * d1)) / v;
    }
    return sum * INV_SQRT_2PI * s * 0.01;
  };
}

/**
 * The flip alone — the crossing of the live profile nearest S — without building the whole profile:
 * the profile is computed on a window of the grid around S that widens (×4) until the nearest
 * crossing is certain, and the crossing is refined exactly as liveCrossings does, so the result is
 * the one `nearestCrossing(liveCrossings(p, liveProfile(p, S), S), S)` gives (the same bracket and the
 * same Brent run; only grid values rounded differently by ~1e-15 could tell them apart). Where a
 * window cannot tell dust from a crossing (the dust threshold depends on the whole profile), it falls
 * back to the whole profile. The projection calls this at every hour (drivers.ts).
 */
export function nearestLiveCrossing(p: Prepared, S: number): number | null {
  const { x0, h } = liveGrid(S);
  const last = LIVE_POINTS - 1;
  const jS = (Math.log(S) - x0) / h;
  // Upper bound of max |profile|: every line at its own peak (φ ≤ 1/√(2π)) and the grid's top spot.
  let peak = 0;
  for (let i = 0; i < p.n; i++) if (p.vol[i]! > 0) peak += Math.abs((p.weight[i]! * p.discQ[i]!) / p.vol[i]!);
  const bound = peak * INV_SQRT_2PI * 1.2 * S * 0.01;
  for (let W = 6; ; W *= 4) {
    const jlo = Math.max(0, Math.floor(jS) - W);
    const jhi = Math.min(last, Math.ceil(jS) + W);
    const { spots, net } = liveProfileWindow(p, S, jlo, jhi);
    let max = 0;
    for (const g of net) max = Math.max(max, Math.abs(g));
    const whole = jlo === 0 && jhi === last;
    const dustLo = max * DUST_FRACTION;
    const dustHi = whole ? dustLo : Math.max(max, bound) * DUST_FRACTION;
    if (jlo > 0 && net[0] === 0) return fromWholeProfile(p, S); // its interval lies outside the window
    // Crossing intervals by their nearest possible distance to S.
    const found: { j: number; kind: number; near: number }[] = [];
    for (let k = 0; k + 1 < net.length; k++) {
      const kind = crossingIn(net[k]!, net[k + 1]!, jlo + k, dustLo, dustHi);
      if (kind === UNSURE) return fromWholeProfile(p, S);
      if (kind === NONE) continue;
      const lo = spots[k]!;
      const hi = spots[k + 1]!;
      found.push({ j: k, kind, near: S < lo ? lo - S : S > hi ? S - hi : 0 });
    }
    found.sort((a, b) => a.near - b.near || a.j - b.j);
    let best: number | null = null;
    for (const f of found) {
      if (best !== null && f.near > Math.abs(best - S)) break;
      const c =
        f.kind === AT_HI
          ? spots[f.j + 1]!
          : refine(p, spots[f.j]!, spots[f.j + 1]!, S, net[f.j]!, net[f.j + 1]!);
      if (
        best === null ||
        Math.abs(c - S) < Math.abs(best - S) ||
        (Math.abs(c - S) === Math.abs(best - S) && c < best)
      )
        best = c;
    }
    if (whole) return best;
    // Certain once no crossing beyond the window can be nearer than the best one inside it.
    const reach = Math.min(
      jlo === 0 ? Infinity : S - spots[0]!,
      jhi === last ? Infinity : spots[spots.length - 1]! - S,
    );
    if (best !== null && Math.abs(best - S) <= reach) return best;
  }
}

function fromWholeProfile(p: Prepared, S: number): number | null {
  return nearestCrossing(liveCrossings(p, liveProfile(p, S), S), S);
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
