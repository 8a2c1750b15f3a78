/**
 * evaluateAt(prepared, spot, {nowMs}): the cheap live re-evaluation for every price tick — net,
 * gross, balance, regime and ±1 % hedge flow, without the profile or the levels.
 *
 * One pass over the lines; at a new instant each line's T (seconds to its settlement, 5-minute
 * floor) is recomputed and lines that have expired since prepare() drop out. Work is only spent
 * where it matters: a line whose three d1 values (S, 1.01·S, 0.99·S) all lie beyond ±8.5 on one
 * side adds < 1e-16 of its size to gamma and to the delta change and is skipped without an exp.
 * Otherwise one exp gives φ(d1) for gamma, and the delta change N(d1 + δ) − N(d1) comes from its
 * Taylor series in δ = ln(1.01)/(σ√T) (Hermite polynomials, 7 terms, error < 1e-9 relative for
 * δ ≤ 0.05) — exact normCdf only for the few short-dated lines with larger δ.
 * The classic preset keeps its date-based T and its feed-gamma at-spot numbers.
 */
import type { HedgeFlow } from './exposure';
import { INV_SQRT_2PI, normCdf } from './normal';
import type { Prepared } from './prepare';
import { type Regime, regimeOf } from './regime';
import { MIN_LIVE_SECONDS, SECONDS_PER_YEAR } from './settlement';

export interface EvaluateOptions {
  /** Evaluation instant, epoch ms UTC (live preset; default: prepare()'s instant). */
  nowMs?: number;
  /** Crossings from the last analyze(), for the "flip within the band" rule (price units). */
  crossings?: readonly number[];
}

export interface Evaluation {
  /** Price units. */
  spot: number;
  /** Epoch ms UTC. */
  evaluationMs: number;
  /** $ per 1 % move. */
  netGex: number;
  grossGex: number;
  balance: number;
  regime: Regime;
  hedgeFlow: { up1pct: HedgeFlow; down1pct: HedgeFlow };
  /** Share of gross GEX expiring on prepare()'s New York date (0–1). */
  zeroDteShare: number;
}

const LN_UP = Math.log(1.01);
const LN_DOWN = Math.log(0.99);
const FLAT_D1 = 8.5;
/** Above this δ the Taylor series is not used. */
const TAYLOR_MAX = 0.05;

/** Net/gross/balance/regime/hedge flow at spot S (price units). */
export function evaluateAt(p: Prepared, S: number, options: EvaluateOptions = {}): Evaluation {
  const nowMs = options.nowMs ?? p.evaluationMs;
  const retime = p.model.preset === 'live' && nowMs !== p.evaluationMs;
  const classic = p.model.preset === 'classic';
  const { rate: r, dividend: q } = p.model;
  const x = Math.log(S);
  const scale = S * S * 0.01;
  let net = 0;
  let gross = 0;
  let zero = 0;
  let dUp = 0;
  let dDown = 0;
  for (let i = 0; i < p.n; i++) {
    let v = p.vol[i]!;
    let drift = p.drift[i]!;
    let dq = p.discQ[i]!;
    if (retime) {
      const s = (p.settleMs[i]! - nowMs) / 1000;
      if (s <= 0) continue;
      const t = Math.max(s, MIN_LIVE_SECONDS) / SECONDS_PER_YEAR;
      const sigma = p.sigma[i]!;
      v = sigma * Math.sqrt(t);
      drift = (r - q + 0.5 * sigma * sigma) * t;
      dq = q === 0 ? 1 : Math.exp(-q * t);
    }
    const w = p.weight[i]! * dq;
    let g = 0;
    if (classic) {
      const fg = p.feedGamma[i]!;
      if (!Number.isNaN(fg)) g = p.weight[i]! * fg * scale;
    }
    if (v === 0) {
      net += g;
      gross += Math.abs(g);
      if (p.zeroDte[i]) zero += Math.abs(g);
      continue;
    }
    const d1 = (x - p.lnStrike[i]! + drift) / v;
    const du = d1 + LN_UP / v;
    const dd = d1 + LN_DOWN / v;
    if (dd > FLAT_D1 || du < -FLAT_D1) {
      net += g;
      gross += g < 0 ? -g : g;
      continue;
    }
    const e0 = Math.exp(-0.5 * d1 * d1) * INV_SQRT_2PI;
    if (!classic) g = (w * e0 * S * 0.01) / v;
    net += g;
    const ag = g < 0 ? -g : g;
    gross += ag;
    if (p.zeroDte[i]) zero += ag;
    const du1 = du - d1;
    if (du1 <= TAYLOR_MAX) {
      dUp += w * e0 * normIncrement(d1, du1);
      dDown += w * e0 * normIncrement(d1, dd - d1);
    } else {
      const n0 = normCdf(d1);
      dUp += w * (normCdf(du) - n0);
      dDown += w * (normCdf(dd) - n0);
    }
  }
  const balance = gross > 0 ? net / gross : 0;
  return {
    spot: S,
    evaluationMs: nowMs,
    netGex: net,
    grossGex: gross,
    balance,
    regime: regimeOf(net, balance, S, options.crossings ?? [], p.model.transitionBand),
    hedgeFlow: {
      up1pct: { shares: -dUp, notional: -dUp * S },
      down1pct: { shares: -dDown, notional: -dDown * S },
    },
    zeroDteShare: gross > 0 ? zero / gross : 0,
  };
}

/**
 * (N(d + δ) − N(d)) / φ(d) = Σ_{n≥0} (−1)^n He_n(d) δ^(n+1)/(n+1)!, first 7 terms
 * (He = probabilists' Hermite polynomials: He_{n+1} = d·He_n − n·He_{n−1}).
 */
function normIncrement(d: number, delta: number): number {
  let hePrev = 1;
  let he = d;
  let c = delta;
  let sum = delta;
  let sign = -1;
  for (let n = 1; n <= 6; n++) {
    c *= delta / (n + 1);
    sum += sign * he * c;
    sign = -sign;
    const next = d * he - n * hePrev;
    hePrev = he;
    he = next;
  }
  return sum;
}
