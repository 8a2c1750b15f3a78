/**
 * What moves the hedge besides price (methodology "What moves the hedge"): time and volatility, by
 * full revaluation of dealer delta D, and the projection of the structure through the session.
 *
 *   const d = computeDrivers(prepared, S, nowMs);
 *   d.charmFlow   // if the price holds until 15:55 New York: shares dealers trade (negative = sell)
 *   d.vannaFlow   // if every IV moves ±1 vol point now
 *   d.projection  // net GEX at S, flip and regime at each session hour up to 15:55, then 15:55
 *
 * Live preset only: the classic preset has no clock (the CLI prints these as null there).
 * Units: shares are units of the underlying, notional = shares × S in dollars, net GEX $ per 1 % move,
 * prices in the underlying's units, instants epoch ms UTC.
 */
import { dealerDelta, type HedgeFlow, netGrossAt } from './exposure';
import { horizonAfter, projectionInstants } from './horizon';
import { nearestLiveCrossing } from './levels';
import { newYorkDate } from './ny-time';
import type { Prepared } from './prepare';
import { type Regime, regimeOf } from './regime';
import { retime } from './retime';

/** One vol point (annualised decimal). */
export const VOL_POINT = 0.01;

export interface ProjectionPoint {
  /** Epoch ms UTC. */
  at: number;
  /** Net GEX at S, $ per 1 % move. */
  netGex: number;
  /** The crossing of the profile nearest S (price units); null = none within ±20 %. */
  flip: number | null;
  regime: Regime;
}

export interface Drivers {
  /** The instant t (epoch ms) and spot S (price units) the drivers are for. */
  at: number;
  spot: number;
  /** Time (charm) flow: what dealers trade from t to the horizon if the price holds. */
  charmFlow: HedgeFlow & { /** The horizon t_c, epoch ms. */ until: number };
  /** Volatility (vanna) flow: what dealers trade if every line's IV moves by ±1 vol point, at t and S. */
  vannaFlow: { up1vol: HedgeFlow; down1vol: HedgeFlow };
  /** Whole session hours strictly between t and t_c, then t_c. */
  projection: ProjectionPoint[];
  /**
   * The structure one second after the last line that settles on the horizon's date settles (16:00
   * for PM-settled lines): what is left once that day's expirations are gone. Null when no line
   * settles on that date after t.
   */
  afterExpirations: ProjectionPoint | null;
}

function flow(before: number, after: number, S: number): HedgeFlow {
  const shares = -(after - before);
  return { shares, notional: shares * S };
}

/** The structure of `p` (already at its instant) at spot S: net GEX, flip nearest S, regime. */
export function structureAt(p: Prepared, S: number): ProjectionPoint {
  const { net, gross } = netGrossAt(p, S);
  const flip = nearestLiveCrossing(p, S);
  const balance = gross > 0 ? net / gross : 0;
  return {
    at: p.evaluationMs,
    netGex: net,
    flip,
    regime: regimeOf(net, balance, S, flip === null ? [] : [flip], p.model.transitionBand),
  };
}

/**
 * The drivers at spot S (price units) and instant `nowMs` (default: the prepared instant). `p` may be
 * prepared up to a few minutes earlier (a cache): it is re-timed to `nowMs` first.
 */
export function computeDrivers(p: Prepared, S: number, nowMs = p.evaluationMs): Drivers {
  if (!(S > 0) || !Number.isFinite(S)) throw new RangeError(`spot must be a positive number, got ${S}`);
  if (p.model.preset !== 'live') throw new RangeError('the classic preset has no clock: no drivers');
  const now = nowMs === p.evaluationMs ? p : retime(p, nowMs);
  const horizon = horizonAfter(nowMs);
  const d0 = dealerDelta(now, S);
  const atHorizon = retime(now, horizon);
  const up = retime(now, nowMs, { sigmaShift: VOL_POINT });
  const down = retime(now, nowMs, { sigmaShift: -VOL_POINT });
  const projection = projectionInstants(nowMs, horizon).map((at) =>
    structureAt(at === horizon ? atHorizon : retime(now, at), S),
  );
  return assertFinite({
    at: nowMs,
    spot: S,
    charmFlow: { until: horizon, ...flow(d0, dealerDelta(atHorizon, S), S) },
    vannaFlow: {
      up1vol: flow(d0, dealerDelta(up, S), S),
      down1vol: flow(d0, dealerDelta(down, S), S),
    },
    projection,
    afterExpirations: afterExpirations(now, S, nowMs, horizon),
  });
}

/** Every number the drivers report is finite (a NaN here would be a bug upstream, never a figure). */
function assertFinite(d: Drivers): Drivers {
  const points = [...d.projection, ...(d.afterExpirations ? [d.afterExpirations] : [])];
  const numbers = [
    d.charmFlow.shares,
    d.charmFlow.notional,
    d.vannaFlow.up1vol.shares,
    d.vannaFlow.down1vol.shares,
    ...points.flatMap((x) => [x.netGex, x.flip ?? 0]),
  ];
  if (!numbers.every(Number.isFinite)) throw new RangeError('drivers: a non-finite result (bug)');
  return d;
}

function afterExpirations(p: Prepared, S: number, nowMs: number, horizon: number): ProjectionPoint | null {
  const day = newYorkDate(horizon);
  const present = new Uint8Array(p.groupSettleMs.length);
  for (let i = 0; i < p.n; i++) present[p.settleGroup[i]!] = 1;
  let last = Number.NEGATIVE_INFINITY;
  p.groupSettleMs.forEach((s, g) => {
    if (present[g] && s > nowMs && s > last && newYorkDate(s) === day) last = s;
  });
  return Number.isFinite(last) ? structureAt(retime(p, last + 1000), S) : null;
}
