/**
 * analyze(prepared, spot): the full picture at one spot — everything the CLI's JSON contract and
 * the views need. All money is dollars per 1 % move; shares are units of underlying.
 *
 * Live: gamma from IV at the exact spot, 801-point log profile, every crossing root-refined, flip
 * = crossing nearest spot. Classic: at-spot numbers from the feed's gamma, 60-point linear profile,
 * flip = FIRST crossing from the low end, linearly interpolated (the reproduced method).
 */
import { dealerDelta, exposureAtSpot, type HedgeFlow, hedgeFlowFor } from './exposure';
import { assertAllFinite, assertFinite } from './finite';
import { argmaxStrike, classicCrossings, liveCrossings, nearestCrossing } from './levels';
import type { LineCounts, Prepared } from './prepare';
import { classicProfile, liveProfile } from './profile';
import { type Regime, regimeOf } from './regime';

export interface StrikeRow {
  /** Price units. */
  strike: number;
  /** Signed by the sign model, $ per 1 %. */
  callGex: number;
  putGex: number;
  netGex: number;
  /** Contracts. */
  callOi: number;
  putOi: number;
}

export interface Analysis {
  /** Price units. */
  spot: number;
  contracts: LineCounts;
  /** $ per 1 % move. */
  netGex: number;
  grossGex: number;
  /** net / gross ∈ [−1, 1]; 0 when gross is 0. */
  balance: number;
  regime: Regime;
  /** Price units; null = no flip. */
  flip: number | null;
  /** Every crossing, ascending, price units. */
  crossings: number[];
  callWall: number | null;
  putWall: number | null;
  absGammaStrike: number | null;
  hedgeFlow: { up1pct: HedgeFlow; down1pct: HedgeFlow };
  /** Share of gross GEX in lines expiring on the evaluation date (0–1). */
  zeroDteShare: number;
  strikes: StrikeRow[];
  profile: { spot: number; netGex: number }[];
}

/** Full analysis at spot S (price units). */
export function analyze(p: Prepared, S: number): Analysis {
  if (!(S > 0) || !Number.isFinite(S)) throw new RangeError(`spot must be a positive number, got ${S}`);
  const classic = p.model.preset === 'classic';
  const at = exposureAtSpot(p, S);
  const profile = classic ? classicProfile(p, S) : liveProfile(p, S);
  const crossings = classic ? classicCrossings(profile) : liveCrossings(p, profile, S);
  const flip = classic ? (crossings[0] ?? null) : nearestCrossing(crossings, S);
  const balance = at.gross > 0 ? at.net / at.gross : 0;
  const deltaAtS = dealerDelta(p, S); // once for both hedge flows
  const strikes: StrikeRow[] = [];
  for (let k = 0; k < p.strikes.length; k++) {
    strikes.push({
      strike: p.strikes[k]!,
      callGex: at.callGex[k]!,
      putGex: at.putGex[k]!,
      netGex: at.callGex[k]! + at.putGex[k]!,
      callOi: at.callOi[k]!,
      putOi: at.putOi[k]!,
    });
  }
  const profileRows: { spot: number; netGex: number }[] = [];
  for (let j = 0; j < profile.spots.length; j++) {
    profileRows.push({ spot: profile.spots[j]!, netGex: profile.net[j]! });
  }
  const a: Analysis = {
    spot: S,
    contracts: { ...p.counts },
    netGex: at.net,
    grossGex: at.gross,
    balance,
    regime: regimeOf(at.net, balance, S, crossings, p.model.transitionBand),
    flip,
    crossings: [...crossings].sort((a, b) => a - b),
    callWall: argmaxStrike(p.strikes, (k) => Math.abs(at.callGex[k]!), S),
    putWall: argmaxStrike(p.strikes, (k) => Math.abs(at.putGex[k]!), S),
    absGammaStrike: argmaxStrike(p.strikes, (k) => Math.abs(at.callGex[k]!) + Math.abs(at.putGex[k]!), S),
    hedgeFlow: { up1pct: hedgeFlowFor(p, S, 0.01, deltaAtS), down1pct: hedgeFlowFor(p, S, -0.01, deltaAtS) },
    zeroDteShare: at.gross > 0 ? at.zeroDteGross / at.gross : 0,
    strikes,
    profile: profileRows,
  };
  assertAnalysisFinite(a);
  return a;
}

/** Every number of an analysis is finite, or NonFiniteOutputError (finite.ts). */
function assertAnalysisFinite(a: Analysis): void {
  const where = `analysis at spot ${a.spot}`;
  assertAllFinite(
    {
      netGex: a.netGex,
      grossGex: a.grossGex,
      balance: a.balance,
      flip: a.flip,
      callWall: a.callWall,
      putWall: a.putWall,
      absGammaStrike: a.absGammaStrike,
      'hedge flow +1 % (shares)': a.hedgeFlow.up1pct.shares,
      'hedge flow +1 % (notional)': a.hedgeFlow.up1pct.notional,
      'hedge flow −1 % (shares)': a.hedgeFlow.down1pct.shares,
      'hedge flow −1 % (notional)': a.hedgeFlow.down1pct.notional,
      zeroDteShare: a.zeroDteShare,
    },
    where,
  );
  for (const c of a.crossings) assertFinite(c, 'a crossing', where);
  for (const r of a.strikes) {
    // One sum is finite only if every term is: check that first, name the figure only on a failure.
    if (Number.isFinite(r.callGex + r.putGex + r.callOi + r.putOi)) continue;
    assertAllFinite(
      { callGex: r.callGex, putGex: r.putGex, callOi: r.callOi, putOi: r.putOi },
      `${where}, strike ${r.strike}`,
    );
  }
  for (const r of a.profile) assertFinite(r.netGex, `the profile at ${r.spot}`, where);
}
