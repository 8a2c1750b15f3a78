/**
 * The regime at the current price (methodology "Regime"). Words describe the *type* of pressure
 * dealer hedging adds, never a direction (lesson 01: hedging does not predict direction).
 */
import type { TransitionBand } from './model';

export type Regime = 'stabilizing' | 'accelerating' | 'transition';

/**
 * transition when |balance| < band.balance or any crossing lies within band.flipDistance·S;
 * else stabilizing for net > 0, accelerating for net < 0.
 */
export function regimeOf(
  net: number,
  balance: number,
  S: number,
  crossings: readonly number[],
  band: TransitionBand,
): Regime {
  if (!(Math.abs(balance) >= band.balance)) return 'transition';
  for (const c of crossings) if (Math.abs(c - S) <= band.flipDistance * S) return 'transition';
  return net > 0 ? 'stabilizing' : 'accelerating';
}

/** One plain sentence for a regime, as a trader would read it. */
export function explainRegime(regime: Regime): string {
  switch (regime) {
    case 'stabilizing':
      return 'dealers are net long gamma here: their hedging sells strength and buys weakness, which tends to damp moves (it does not say which way price goes).';
    case 'accelerating':
      return 'dealers are net short gamma here: their hedging buys strength and sells weakness, which tends to extend moves (it does not say which way price goes).';
    default:
      return 'dealer gamma is nearly balanced or a flip is close: hedging pressure can switch between damping and extending moves; neither dominates.';
  }
}
