/**
 * The live verdict: the regime shown to the user, with hysteresis so it does not flicker on every
 * tick while the price sits on the edge of the transition band (methodology "Regime at the current
 * price": the verdict changes only once the price is clearly past the band).
 *
 * The exact rule. With the band B = transitionBand.balance, F = transitionBand.flipDistance and the
 * margin h = HYSTERESIS (a fraction of the band, so a user's wider band gets a wider margin):
 *   b = |balance|, d = distance of the nearest crossing from S as a fraction of S (∞ without one).
 *   - "clearly stabilizing"  : net > 0, b ≥ B·(1 + h) and d > F·(1 + h)
 *   - "clearly accelerating" : net < 0, b ≥ B·(1 + h) and d > F·(1 + h)
 *   - "clearly transition"   : b < B·(1 − h) or d ≤ F·(1 − h)
 * 1. No previous verdict (first evaluation of a tab or a new symbol): the raw regime (regimeOf).
 * 2. The raw regime is clear: it becomes the verdict.
 * 3. Otherwise the evaluation is inside the margin around the band's edge: the previous verdict stays,
 *    except that stabilizing/accelerating cannot outlive a change of the sign of net GEX (calling a
 *    net-short-gamma book "stabilizing" would be wrong, not just late): then it is "transition".
 * With the defaults (B = 0.05, F = 0.25 %, h = 0.4) the balance must pass 0.07 to leave transition
 * and fall under 0.03 to enter it; a flip must be farther than 0.35 % of S to leave it and nearer
 * than 0.15 % to enter it.
 */
import type { TransitionBand } from './model';
import { type Regime, regimeOf } from './regime';

/** Margin on each side of the band edge, as a fraction of the band (dimensionless). */
export const HYSTERESIS = 0.4;

export interface VerdictInput {
  /** Price units (the chain's underlying). */
  spot: number;
  /** $ per 1 % move; only its sign matters here. */
  netGex: number;
  /** net / gross ∈ [−1, 1]. */
  balance: number;
  /** Every crossing of the profile (price units), e.g. from the last analyze(). */
  crossings: readonly number[];
}

/** |nearest crossing − S| / S, or Infinity without a crossing. */
function flipDistance(x: VerdictInput): number {
  let d = Number.POSITIVE_INFINITY;
  for (const c of x.crossings) d = Math.min(d, Math.abs(c - x.spot) / x.spot);
  return d;
}

/** The regime when the evaluation is clearly past the band's edge in its direction, else null. */
export function clearRegime(x: VerdictInput, band: TransitionBand, h = HYSTERESIS): Regime | null {
  const b = Math.abs(x.balance);
  const d = flipDistance(x);
  if (!(b >= band.balance * (1 - h)) || d <= band.flipDistance * (1 - h)) return 'transition';
  if (b >= band.balance * (1 + h) && d > band.flipDistance * (1 + h) && x.netGex !== 0)
    return x.netGex > 0 ? 'stabilizing' : 'accelerating';
  return null;
}

/** The verdict to show after this evaluation, given the one shown before (null = none yet). */
export function nextVerdict(
  previous: Regime | null,
  x: VerdictInput,
  band: TransitionBand,
  h = HYSTERESIS,
): Regime {
  const raw = regimeOf(x.netGex, x.balance, x.spot, x.crossings, band);
  if (previous === null || raw === previous) return raw;
  const clear = clearRegime(x, band, h);
  if (clear !== null) return clear;
  if (previous === 'stabilizing' && !(x.netGex > 0)) return 'transition';
  if (previous === 'accelerating' && !(x.netGex < 0)) return 'transition';
  return previous;
}
