/**
 * Black–Scholes–Merton greeks of one European option (methodology "Notation").
 *
 * Inputs everywhere: S spot and K strike in price units, t years to settlement, sigma annualised
 * decimal vol, r and q continuously compounded annual rates (decimal). All functions return NaN
 * for t ≤ 0 or sigma ≤ 0 — callers leave such lines out rather than invent a value.
 */
import { normCdf, normPdf } from './normal';

export interface BsmInput {
  S: number;
  K: number;
  t: number;
  sigma: number;
  r?: number;
  q?: number;
}

/** d1 = [ln(S/K) + (r − q + σ²/2)t] / (σ√t). Dimensionless. */
export function d1Of({ S, K, t, sigma, r = 0, q = 0 }: BsmInput): number {
  if (!(t > 0) || !(sigma > 0)) return Number.NaN;
  return (Math.log(S / K) + (r - q + 0.5 * sigma * sigma) * t) / (sigma * Math.sqrt(t));
}

/** Γ = e^(−qt) φ(d1) / (S σ √t): change of delta per 1 unit of S (1/price units). Calls = puts. */
export function gamma(p: BsmInput): number {
  const d1 = d1Of(p);
  return (Math.exp(-(p.q ?? 0) * p.t) * normPdf(d1)) / (p.S * p.sigma * Math.sqrt(p.t));
}

/** Δ per option (dimensionless, shares per option): call e^(−qt) N(d1), put e^(−qt) (N(d1) − 1). */
export function delta(p: BsmInput, isCall: boolean): number {
  const d1 = d1Of(p);
  const dq = Math.exp(-(p.q ?? 0) * p.t);
  return isCall ? dq * normCdf(d1) : dq * (normCdf(d1) - 1);
}

/**
 * Vanna = ∂Δ/∂σ = −e^(−qt) φ(d1) d2 / σ, per 1.00 (100 vol points) change of σ; divide by 100 for
 * "per vol point". Same for calls and puts.
 */
export function vanna(p: BsmInput): number {
  const d1 = d1Of(p);
  const d2 = d1 - p.sigma * Math.sqrt(p.t);
  return (-Math.exp(-(p.q ?? 0) * p.t) * normPdf(d1) * d2) / p.sigma;
}

/**
 * Charm = dΔ/d(calendar time) = −∂Δ/∂t: the change of delta per year that passes (divide by 365
 * for per day), spot and vol held.
 */
export function charm(p: BsmInput, isCall: boolean): number {
  const { t, sigma, r = 0, q = 0 } = p;
  const d1 = d1Of(p);
  const sq = sigma * Math.sqrt(t);
  const d2 = d1 - sq;
  const dq = Math.exp(-q * t);
  const common = (dq * normPdf(d1) * (2 * (r - q) * t - d2 * sq)) / (2 * t * sq);
  return isCall ? q * dq * normCdf(d1) - common : -q * dq * normCdf(-d1) - common;
}
