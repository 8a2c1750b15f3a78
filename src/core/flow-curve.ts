/**
 * The hedge flow as a curve (methodology "Hedge flow", drawn by the popup): for each move m from
 * −3 % to +3 %, what dealers trade if the price goes from S to S(1 + m) — `−(D(S(1+m)) − D(S))`
 * shares by full revaluation of every line's delta, never the linear Γ estimate, so a move that
 * crosses the flip shows dealers first buying and then selling (or the reverse).
 *
 * N comes from the Hermite table of normal-table.ts (≤ 1.3e-11 absolute per line), which keeps 31
 * revaluations of a 14,000-line chain to a few milliseconds; the ±1 % points agree with
 * hedgeFlowFor (exact N) to 1e-9 relative (test/core/flow-curve.test.ts).
 */
import { cdfAtPosition, NORMAL_TABLE, TABLE_LO, TABLE_STEPS } from './normal-table';
import type { Prepared } from './prepare';

export interface FlowPoint {
  /** The move as a fraction of S (0.01 = +1 %). */
  move: number;
  /** S(1 + move), price units. */
  spot: number;
  /** Shares (units of the underlying) dealers trade for the move; negative = sell. */
  shares: number;
  /** shares × S, dollars. */
  notional: number;
}

/** Moves −3 % … +3 % in 0.2 % steps: 31 points, ±1 % among them. */
export const FLOW_MOVES: readonly number[] = Array.from(
  { length: 31 },
  (_, k) => Math.round(k * 20 - 300) / 10_000,
);

/** The curve at spot S (price units) for the given moves (default FLOW_MOVES). */
export function hedgeFlowCurve(p: Prepared, S: number, moves: readonly number[] = FLOW_MOVES): FlowPoint[] {
  const m = moves.length;
  const shifts = moves.map((mv) => Math.log(1 + mv));
  const delta = new Float64Array(m);
  const x = Math.log(S);
  const { vol, lnStrike, drift, weight, discQ } = p;
  const table = NORMAL_TABLE;
  for (let i = 0; i < p.n; i++) {
    const v = vol[i]!;
    if (v === 0) continue;
    const c = TABLE_STEPS / v;
    const u0 = (x - lnStrike[i]! + drift[i]!) * c - TABLE_LO * TABLE_STEPS;
    const w = weight[i]! * discQ[i]!;
    const n0 = cdfAtPosition(table, u0);
    // Calls and puts alike: Δ changes by e^(−qT)·(N(d1′) − N(d1)); the put's −1 cancels in the difference.
    for (let k = 0; k < m; k++) delta[k]! += w * (cdfAtPosition(table, u0 + shifts[k]! * c) - n0);
  }
  return moves.map((move, k) => {
    const shares = delta[k] === 0 ? 0 : -delta[k]!;
    return { move, spot: S * (1 + move), shares, notional: shares * S };
  });
}
