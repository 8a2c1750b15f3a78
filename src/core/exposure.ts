/**
 * Exposure sums over prepared lines (methodology "Exposure", "Hedge flow").
 *
 * GEX_i(S) = s_i Γ_i(S) OI_i M S² 0.01 — dollars of underlying dealers trade per 1 % move. With
 * Γ = e^(−qT) φ(d1)/(S σ√T) this is weight_i · discQ_i · φ(d1) · S · 0.01 / vol_i, which is how it
 * is computed here. Live numbers use gamma from IV; the classic preset's at-spot numbers use the
 * feed's gamma column (s × Gamma × OI × M × S² × 0.01).
 */
import { INV_SQRT_2PI, normCdf } from './normal';
import type { Prepared } from './prepare';

/** Beyond |d1| = 38, φ(d1) underflows to 0 in double precision. */
const UNDERFLOW_D1 = 38;

/** Exact net GEX at S ($ per 1 % move), optionally over a subset of line indexes. */
export function netGexAt(p: Prepared, S: number, lines?: Int32Array | readonly number[]): number {
  const x = Math.log(S);
  let sum = 0;
  const count = lines ? lines.length : p.n;
  for (let k = 0; k < count; k++) {
    const i = lines ? lines[k]! : k;
    const v = p.vol[i]!;
    if (v === 0) continue;
    const d1 = (x - p.lnStrike[i]! + p.drift[i]!) / v;
    if (d1 > UNDERFLOW_D1 || d1 < -UNDERFLOW_D1) continue;
    sum += (p.weight[i]! * p.discQ[i]! * Math.exp(-0.5 * d1 * d1)) / v;
  }
  return sum * INV_SQRT_2PI * S * 0.01;
}

/** Net and gross GEX at S ($ per 1 % move), gamma from IV (live), in one pass. */
export function netGrossAt(p: Prepared, S: number): { net: number; gross: number } {
  const x = Math.log(S);
  let net = 0;
  let gross = 0;
  for (let i = 0; i < p.n; i++) {
    const v = p.vol[i]!;
    if (v === 0) continue;
    const d1 = (x - p.lnStrike[i]! + p.drift[i]!) / v;
    if (d1 > UNDERFLOW_D1 || d1 < -UNDERFLOW_D1) continue;
    const g = (p.weight[i]! * p.discQ[i]! * Math.exp(-0.5 * d1 * d1)) / v;
    net += g;
    gross += Math.abs(g);
  }
  const k = INV_SQRT_2PI * S * 0.01;
  return { net: net * k, gross: gross * k };
}

export interface AtSpot {
  /** $ per 1 % move. */
  net: number;
  gross: number;
  /** Gross GEX of lines expiring on the evaluation date, $ per 1 %. */
  zeroDteGross: number;
  /** Per strike (index as Prepared.strikes), signed $ per 1 %. */
  callGex: Float64Array;
  putGex: Float64Array;
  /** Contracts. */
  callOi: Float64Array;
  putOi: Float64Array;
}

/** Per-line GEX at S summed by strike, plus net/gross. Classic uses the feed gamma. */
export function exposureAtSpot(p: Prepared, S: number): AtSpot {
  const nk = p.strikes.length;
  const out: AtSpot = {
    net: 0,
    gross: 0,
    zeroDteGross: 0,
    callGex: new Float64Array(nk),
    putGex: new Float64Array(nk),
    callOi: new Float64Array(nk),
    putOi: new Float64Array(nk),
  };
  const classic = p.model.preset === 'classic';
  const x = Math.log(S);
  const scale = S * S * 0.01;
  const M = p.model.multiplier;
  for (let i = 0; i < p.n; i++) {
    let g = 0;
    if (classic) {
      const fg = p.feedGamma[i]!;
      g = Number.isNaN(fg) ? 0 : p.weight[i]! * fg * scale;
    } else {
      const v = p.vol[i]!;
      const d1 = (x - p.lnStrike[i]! + p.drift[i]!) / v;
      if (d1 <= UNDERFLOW_D1 && d1 >= -UNDERFLOW_D1) {
        g = (p.weight[i]! * p.discQ[i]! * INV_SQRT_2PI * Math.exp(-0.5 * d1 * d1) * S * 0.01) / v;
      }
    }
    const k = p.strikeIdx[i]!;
    const oi = Math.abs(p.weight[i]!) / M;
    if (p.isCall[i]) {
      out.callGex[k]! += g;
      out.callOi[k]! += oi;
    } else {
      out.putGex[k]! += g;
      out.putOi[k]! += oi;
    }
    out.net += g;
    out.gross += Math.abs(g);
    if (p.zeroDte[i]) out.zeroDteGross += Math.abs(g);
  }
  return out;
}

/** Dealer delta D(S) = Σ s Δ OI M, in shares (units of underlying). Lines without IV are skipped. */
export function dealerDelta(p: Prepared, S: number): number {
  const x = Math.log(S);
  let D = 0;
  for (let i = 0; i < p.n; i++) {
    const v = p.vol[i]!;
    if (v === 0) continue;
    const n = normCdf((x - p.lnStrike[i]! + p.drift[i]!) / v);
    D += p.weight[i]! * p.discQ[i]! * (p.isCall[i] ? n : n - 1);
  }
  return D;
}

export interface HedgeFlow {
  /** Shares dealers trade for the move (negative = sell). */
  shares: number;
  /** shares × S, dollars. */
  notional: number;
}

/**
 * −(D(S′) − D(S)) by full revaluation, for S′ = S(1 + move). `atS`: D(S) when the caller already has
 * it (analyze asks for ±1 % at the same S: one pass over the lines less).
 */
export function hedgeFlowFor(p: Prepared, S: number, move: number, atS = dealerDelta(p, S)): HedgeFlow {
  const shares = -(dealerDelta(p, S * (1 + move)) - atS);
  return { shares, notional: shares * S };
}
