/**
 * The prepared lines at a later instant or at shifted IV (methodology "What moves the hedge", later
 * instants): every line follows the live rule at t′ — settled by t′ → left out (its hedge is gone),
 * otherwise T′ = max(settlement − t′, 5 min) — with σ held, or σ′ = max(σ + shift, 0.0001) for the
 * vol-point shift. A full revaluation: the result is a Prepared that every exposure, profile and
 * delta function takes as it is.
 */
import type { Prepared } from './prepare';
import { MIN_LIVE_SECONDS, SECONDS_PER_YEAR } from './settlement';

/** The vol-point shift's floor: σ never goes below 0.0001 (0.01 vol point). */
export const SIGMA_FLOOR = 0.0001;

export interface RetimeOptions {
  /** Added to every line's σ (annualised decimal; 0.01 = one vol point), floored at SIGMA_FLOOR. */
  sigmaShift?: number;
}

/**
 * `p` re-evaluated at instant `atMs` (epoch ms UTC; live preset only — classic has no clock). Lines
 * settled by `atMs` are dropped; the rest keep their strike, sign and positions.
 */
export function retime(p: Prepared, atMs: number, opts: RetimeOptions = {}): Prepared {
  if (p.model.preset !== 'live') throw new RangeError('retime: only the live preset has a clock');
  const shift = opts.sigmaShift ?? 0;
  const { rate: r, dividend: q } = p.model;
  const groups = p.groupSettleMs.length;
  const groupT = new Float64Array(groups);
  for (let k = 0; k < groups; k++) {
    const s = (p.groupSettleMs[k]! - atMs) / 1000;
    groupT[k] = s <= 0 ? 0 : Math.max(s, MIN_LIVE_SECONDS) / SECONDS_PER_YEAR;
  }
  let n = 0;
  for (let i = 0; i < p.n; i++) if (groupT[p.settleGroup[i]!]! > 0) n++;
  const groupSqrtT = groupT.map(Math.sqrt);
  // Nothing settled since p's instant (the usual case within a session): the per-line facts are
  // shared, only T, σ and what derives from them are new.
  const same = n === p.n;
  // Every key in prepare()'s order, no spread: one object shape for every Prepared, so the hot
  // functions that take them stay optimised (the spread's shapes were among the "wrong map"
  // deoptimisations of liveProfileWindow, bracketNetGex and dealerDelta in a cold CLI run).
  const out: Prepared = {
    model: p.model,
    positions: p.positions,
    evaluationMs: atMs,
    evaluationDate: p.evaluationDate,
    counts: p.counts,
    n,
    isCall: same ? p.isCall : new Uint8Array(n),
    strike: same ? p.strike : new Float64Array(n),
    lnStrike: same ? p.lnStrike : new Float64Array(n),
    sigma: new Float64Array(n),
    t: new Float64Array(n),
    vol: new Float64Array(n),
    drift: new Float64Array(n),
    discQ: new Float64Array(n),
    weight: same ? p.weight : new Float64Array(n),
    feedGamma: same ? p.feedGamma : new Float64Array(n),
    settleMs: same ? p.settleMs : new Float64Array(n),
    settleGroup: same ? p.settleGroup : new Uint32Array(n),
    groupSettleMs: p.groupSettleMs,
    zeroDte: same ? p.zeroDte : new Uint8Array(n),
    strikeIdx: same ? p.strikeIdx : new Uint32Array(n),
    strikes: p.strikes,
  };
  let j = 0;
  for (let i = 0; i < p.n; i++) {
    const g = p.settleGroup[i]!;
    const t = groupT[g]!;
    if (t === 0) continue;
    const sigma = shift === 0 ? p.sigma[i]! : Math.max(p.sigma[i]! + shift, SIGMA_FLOOR);
    out.sigma[j] = sigma;
    out.t[j] = t;
    out.vol[j] = sigma * groupSqrtT[g]!;
    out.drift[j] = (r - q + 0.5 * sigma * sigma) * t;
    out.discQ[j] = q === 0 ? 1 : Math.exp(-q * t);
    if (!same) {
      out.isCall[j] = p.isCall[i]!;
      out.strike[j] = p.strike[i]!;
      out.lnStrike[j] = p.lnStrike[i]!;
      out.weight[j] = p.weight[i]!;
      out.feedGamma[j] = p.feedGamma[i]!;
      out.settleMs[j] = p.settleMs[i]!;
      out.settleGroup[j] = g;
      out.zeroDte[j] = p.zeroDte[i]!;
      out.strikeIdx[j] = p.strikeIdx[i]!;
    }
    j++;
  }
  return out;
}
