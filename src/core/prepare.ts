/**
 * prepare(chain, model, evaluationMs): everything about each line that does not depend on spot,
 * computed once, in typed arrays, for the lines that take part. Lines are left out (and counted)
 * when expired (T ≤ 0), out of the scope, or without IV. Lines that count zero contracts under the
 * positions model (zero OI by default) are counted as used but not stored (they add nothing).
 * The classic preset keeps no-IV lines, and (scope 'all') the rows of an expiration already past,
 * for the at-spot sums, which use the feed's gamma over every row of the file exactly as the
 * reproduced method does; both get σ = 0, so they add no delta and no profile.
 */
import type { Chain } from './chain';
import { dealerSign, type Model, type PositionsModel, positionsOf } from './model';
import { newYorkDate } from './ny-time';
import { classicYears, liveYears, settlementInstant } from './settlement';

export interface LineCounts {
  /** Contract lines in the chain. */
  total: number;
  /** Lines that take part (in scope, alive, with IV). */
  used: number;
  /** Lines whose settlement is at or before the evaluation instant. */
  expired: number;
  /** Alive, in-scope lines with missing or non-positive IV. */
  noIv: number;
  /** Alive lines outside the expiry scope. */
  outOfScope: number;
}

export interface Prepared {
  readonly model: Model;
  /**
   * The positions model actually applied: model.positions, except 'oi' when the chain has no volume
   * (a format without a volume column offers only open interest).
   */
  readonly positions: PositionsModel;
  /** Evaluation instant, epoch ms UTC. */
  readonly evaluationMs: number;
  /** New York date of the evaluation instant 'YYYY-MM-DD'. */
  readonly evaluationDate: string;
  readonly counts: LineCounts;
  /** Number of stored lines (below: one entry per stored line). */
  readonly n: number;
  readonly isCall: Uint8Array;
  /** Price units. */
  readonly strike: Float64Array;
  readonly lnStrike: Float64Array;
  /** Annualised decimal; 0 = no IV (classic only). */
  readonly sigma: Float64Array;
  /** Years. */
  readonly t: Float64Array;
  /** σ√T. */
  readonly vol: Float64Array;
  /** (r − q + σ²/2)·T. */
  readonly drift: Float64Array;
  /** e^(−qT). */
  readonly discQ: Float64Array;
  /** s × OI × M: signed units of underlying per unit of delta. */
  readonly weight: Float64Array;
  /** Feed gamma per option, NaN = absent. */
  readonly feedGamma: Float64Array;
  /** Settlement instant, epoch ms (for re-evaluation at a later time). */
  readonly settleMs: Float64Array;
  /** Index into `groupSettleMs`: lines that settle at the same instant share T at any time. */
  readonly settleGroup: Uint32Array;
  /** Settlement instant per (root, expiration) group, epoch ms. */
  readonly groupSettleMs: Float64Array;
  /** 1 when the line expires on the evaluation date. */
  readonly zeroDte: Uint8Array;
  /** Index into `strikes`. */
  readonly strikeIdx: Uint32Array;
  /** Distinct strikes of the used lines (including zero OI), ascending. */
  readonly strikes: Float64Array;
}

/** Builds the per-line arrays. `evaluationMs` is the instant the numbers are for (epoch ms UTC). */
export function prepare(chain: Chain, model: Model, evaluationMs: number): Prepared {
  const evaluationDate = newYorkDate(evaluationMs);
  const classic = model.preset === 'classic';
  const { rate: r, dividend: q, multiplier: M } = model;
  const settle = new Float64Array(chain.roots.length * chain.expirations.length);
  chain.roots.forEach((root, ri) => {
    chain.expirations.forEach((exp, ei) => {
      settle[ri * chain.expirations.length + ei] = settlementInstant(exp, root);
    });
  });
  const inScope = scopeFilter(chain, model, evaluationMs, evaluationDate, settle);
  const positions: PositionsModel = chain.hasVolume ? model.positions : 'oi';
  const count = (i: number) => positionsOf(positions, chain.oi[i]!, chain.volume[i]!);
  const counts: LineCounts = { total: chain.count, used: 0, expired: 0, noIv: 0, outOfScope: 0 };
  const keep: number[] = [];
  const years = new Float64Array(chain.count);
  const pastRow = new Uint8Array(chain.count);
  const usedStrikes = new Set<number>();
  // Classic T depends on the expiration alone: counted once per expiration, not once per line.
  const classicT = classic ? chain.expirations.map((exp) => classicYears(evaluationDate, exp)) : [];
  for (let i = 0; i < chain.count; i++) {
    const e = chain.expiry[i]!;
    const sMs = settle[chain.root[i]! * chain.expirations.length + e]!;
    const t = classic ? (classicT[e] ?? null) : liveYears(sMs, evaluationMs);
    if (t === null) {
      counts.expired++;
      // Classic: a row of a past expiration still adds its feed gamma to the at-spot sums, as the
      // reproduced script sums every row of the file (methodology "The classic preset"); with no
      // time left it has no IV-based gamma, delta or place in the profile (σ stored as 0).
      if (classic && model.scope === 'all' && count(i) > 0 && Number.isFinite(chain.gamma[i]!)) {
        keep.push(i);
        years[i] = 0;
        pastRow[i] = 1;
      }
      continue;
    }
    if (!inScope[e]) {
      counts.outOfScope++;
      continue;
    }
    const hasIv = chain.iv[i]! > 0;
    if (!hasIv) counts.noIv++;
    else {
      counts.used++;
      usedStrikes.add(chain.strike[i]!);
    }
    if (count(i) > 0 && (hasIv || classic)) {
      keep.push(i);
      years[i] = t;
    }
  }
  if (classic) for (const i of keep) usedStrikes.add(chain.strike[i]!);
  const strikes = Float64Array.from([...usedStrikes].sort((a, b) => a - b));
  const strikeAt = new Map<number, number>();
  strikes.forEach((k, j) => {
    strikeAt.set(k, j);
  });
  const n = keep.length;
  const p = {
    model,
    positions,
    evaluationMs,
    evaluationDate,
    counts,
    n,
    isCall: new Uint8Array(n),
    strike: new Float64Array(n),
    lnStrike: new Float64Array(n),
    sigma: new Float64Array(n),
    t: new Float64Array(n),
    vol: new Float64Array(n),
    drift: new Float64Array(n),
    discQ: new Float64Array(n),
    weight: new Float64Array(n),
    feedGamma: new Float64Array(n),
    settleMs: new Float64Array(n),
    settleGroup: new Uint32Array(n),
    groupSettleMs: settle,
    zeroDte: new Uint8Array(n),
    strikeIdx: new Uint32Array(n),
    strikes,
  };
  for (let j = 0; j < n; j++) {
    const i = keep[j]!;
    const call = chain.isCall[i] === 1;
    const iv = chain.iv[i]!;
    // Missing IV (classic only) or a classic row of a past expiration → σ = 0: feed gamma only.
    const sigma = Number.isNaN(iv) || iv <= 0 || pastRow[i] ? 0 : iv;
    const t = years[i]!;
    const e = chain.expiry[i]!;
    p.isCall[j] = call ? 1 : 0;
    p.strike[j] = chain.strike[i]!;
    p.lnStrike[j] = Math.log(chain.strike[i]!);
    p.sigma[j] = sigma;
    p.t[j] = t;
    p.vol[j] = sigma * Math.sqrt(t);
    p.drift[j] = (r - q + 0.5 * sigma * sigma) * t;
    p.discQ[j] = Math.exp(-q * t);
    p.weight[j] = dealerSign(model.signs, call) * count(i) * M;
    p.feedGamma[j] = chain.gamma[i]!;
    p.settleGroup[j] = chain.root[i]! * chain.expirations.length + e;
    p.settleMs[j] = settle[p.settleGroup[j]!]!;
    p.zeroDte[j] = chain.expirations[e] === evaluationDate ? 1 : 0;
    p.strikeIdx[j] = strikeAt.get(chain.strike[i]!)!;
  }
  return p;
}

/** inScope[e] for each expiration index e. */
function scopeFilter(
  chain: Chain,
  model: Model,
  evaluationMs: number,
  evaluationDate: string,
  settle: Float64Array,
): boolean[] {
  const E = chain.expirations.length;
  const alive = chain.expirations.map((exp, e) =>
    model.preset === 'classic'
      ? exp >= evaluationDate
      : chain.roots.some((_, r) => settle[r * E + e]! > evaluationMs),
  );
  const limit7 = addDays(evaluationDate, 7);
  const nearest = alive.indexOf(true);
  return chain.expirations.map((exp, e) => {
    switch (model.scope) {
      case '0dte':
        return exp === evaluationDate;
      case '7d':
        return exp <= limit7;
      case 'ex-nearest':
        return e !== nearest;
      default:
        return true;
    }
  });
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
