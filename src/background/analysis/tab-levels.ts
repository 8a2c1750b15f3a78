/**
 * The levels for a tab: the chain whose aliases hold the tab's symbol, evaluated at the page price
 * converted to the chain's underlying and at the live clock, with every price level converted back
 * to the page's units (methodology mistake 12).
 *
 * tabContext() resolves the chain, conversion, model and prepared lines once; tabLevels() runs the
 * full analyze on it (popup), the live verdict (../overlay/) runs the cheap evaluateAt per tick.
 */
import { type Analysis, analyze } from '../../core/analyze.ts';
import type { Drivers, ProjectionPoint } from '../../core/drivers.ts';
import { hedgeFlowCurve } from '../../core/flow-curve.ts';
import type { Model } from '../../core/model.ts';
import type { Prepared } from '../../core/prepare.ts';
import { modelFor, type Settings } from '../../core/settings.ts';
import { type Conversion, isUsable, toPage, toUnderlying } from '../../core/symbol-map.ts';
import type {
  ChainSummary,
  DriversData,
  ProjectionData,
  TabAnalysis,
  TabChart,
  TabLevels,
  TabReading,
} from '../../messaging/types.ts';
import type { KvArea } from '../chains/store.ts';
import { findByAlias, loadChain } from '../chains/store.ts';
import { getSettings } from '../settings/store.ts';
import { preparedFor } from './cache.ts';
import { driversFor } from './drivers-cache.ts';

/** The chart shows strikes within this fraction of the price. */
const CHART_STRIKES = 0.08;
/** The profile is thinned to every n-th of its 801 points for the chart. */
const PROFILE_STEP = 4;

/** Everything needed to evaluate a tab's price against its chain. */
export interface TabContext {
  reading: TabReading & { symbol: string; price: number };
  summary: ChainSummary;
  conversion: Conversion;
  settings: Settings;
  model: Model;
  /** The page price in the underlying's units. */
  S: number;
  prepared: Prepared;
  /** Every line had expired at the clock: `prepared` is at the chain's snapshot instead. */
  atSnapshot: boolean;
}

/** The tab's context, or the TabAnalysis that says why there is none. */
export async function tabContext(
  area: KvArea,
  reading: TabReading | undefined,
  nowMs: number,
): Promise<TabContext | Exclude<TabAnalysis, TabLevels>> {
  if (!reading?.symbol || !(reading.price !== null && reading.price > 0)) {
    return reading?.symbol ? { status: 'no-chain', symbol: reading.symbol } : { status: 'no-reading' };
  }
  const found = await findByAlias(area, reading.symbol);
  if (!found) return { status: 'no-chain', symbol: reading.symbol };
  const { summary, conversion } = found;
  if (!isUsable(conversion)) {
    return {
      status: 'needs-ratio',
      symbol: reading.symbol,
      underlying: summary.underlying,
      pagePrice: reading.price,
      chainSpot: summary.spot,
      asOf: summary.asOf,
    };
  }
  const { settings } = await getSettings(area);
  const model = modelFor(settings, summary.underlying);
  const S = toUnderlying(conversion, reading.price);
  const load = async () => {
    const stored = await loadChain(area, summary.underlying);
    if (!stored) throw new Error(`the ${summary.underlying} chain is no longer stored`);
    return stored.chain;
  };
  const id = { underlying: summary.underlying, asOf: summary.asOf, importedAt: summary.source.importedAt };
  let prepared = await preparedFor(id, model, nowMs, load);
  // Every line expired (an old chain such as the bundled sample): nothing is live, so show the
  // chain as it was at its snapshot, clearly labelled, rather than an empty verdict.
  const atSnapshot = prepared.counts.used === 0 && prepared.counts.expired > 0;
  if (atSnapshot) prepared = await preparedFor(id, model, Date.parse(summary.asOf), load);
  return {
    reading: reading as TabContext['reading'],
    summary,
    conversion,
    settings,
    model,
    S,
    prepared,
    atSnapshot,
  };
}

/** TabLevels (page units) from a context, an analysis of it and the drivers (null: classic). */
export function levelsOf(c: TabContext, a: Analysis, drivers: Drivers | null): TabLevels {
  const page = (x: number | null) => (x === null ? null : toPage(c.conversion, x));
  const wanted = c.settings.positions;
  return {
    status: 'ok',
    symbol: c.reading.symbol,
    pagePrice: c.reading.price,
    underlying: c.summary.underlying,
    underlyingPrice: c.S,
    conversion: c.conversion,
    preset: c.model.preset,
    scope: c.model.scope,
    signs: c.model.signs,
    positions: c.prepared.positions,
    ...(wanted !== c.prepared.positions ? { positionsWanted: wanted } : {}),
    units: c.settings.units,
    multiplier: c.model.multiplier,
    asOf: c.summary.asOf,
    evaluatedAt: c.prepared.evaluationMs,
    atSnapshot: c.atSnapshot,
    regime: a.regime,
    netGex: a.netGex,
    grossGex: a.grossGex,
    balance: a.balance,
    flip: page(a.flip),
    callWall: page(a.callWall),
    putWall: page(a.putWall),
    absGammaStrike: page(a.absGammaStrike),
    hedgeFlow: a.hedgeFlow,
    contracts: a.contracts,
    zeroDteShare: a.zeroDteShare,
    chart: chartOf(c, a),
    flowCurve: hedgeFlowCurve(c.prepared, c.S).map((f) => ({
      move: f.move,
      price: toPage(c.conversion, f.spot),
      shares: f.shares,
      notional: f.notional,
    })),
    drivers: drivers && driversData(c, drivers),
  };
}

function chartOf(c: TabContext, a: Analysis): TabChart {
  const strikes: TabChart['strikes'] = [];
  for (const s of a.strikes) {
    if (Math.abs(s.strike / c.S - 1) > CHART_STRIKES) continue;
    strikes.push({
      strike: toPage(c.conversion, s.strike),
      callGex: s.callGex,
      putGex: s.putGex,
      netGex: s.netGex,
    });
  }
  const profile: TabChart['profile'] = [];
  for (let j = 0; j < a.profile.length; j += PROFILE_STEP) {
    profile.push({ price: toPage(c.conversion, a.profile[j]!.spot), netGex: a.profile[j]!.netGex });
  }
  return { strikes, profile };
}

function driversData(c: TabContext, d: Drivers): DriversData {
  const point = (p: ProjectionPoint): ProjectionData => ({
    at: p.at,
    netGex: p.netGex,
    flip: p.flip === null ? null : toPage(c.conversion, p.flip),
    regime: p.regime,
  });
  return {
    computedAt: d.at,
    pagePrice: toPage(c.conversion, d.spot),
    charmFlow: d.charmFlow,
    vannaFlow: d.vannaFlow,
    projection: d.projection.map(point),
    afterExpirations: d.afterExpirations && point(d.afterExpirations),
  };
}

/** The drivers for a context (at most once a minute per chain and model); null under classic. */
export function tabDrivers(c: TabContext, nowMs: number): Drivers | null {
  if (c.model.preset !== 'live') return null;
  // At the snapshot fallback every line is dead at the clock: the drivers are as of the snapshot too.
  const at = c.atSnapshot ? c.prepared.evaluationMs : nowMs;
  const key = `${c.summary.underlying}|${c.summary.asOf}|${c.summary.source.importedAt}|${c.atSnapshot}|${JSON.stringify(c.model)}`;
  return driversFor(key, c.prepared, c.S, at);
}

export async function tabLevels(
  area: KvArea,
  reading: TabReading | undefined,
  nowMs: number,
): Promise<TabAnalysis> {
  const c = await tabContext(area, reading, nowMs);
  if ('status' in c) return c;
  return levelsOf(c, analyze(c.prepared, c.S), tabDrivers(c, nowMs));
}
