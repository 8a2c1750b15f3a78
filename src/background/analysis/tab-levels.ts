/**
 * The levels for a tab: the chain whose aliases hold the tab's symbol, evaluated at the page price
 * converted to the chain's underlying and at the live clock, with every price level converted back
 * to the page's units (methodology mistake 12).
 */
import { analyze } from '../../core/analyze.ts';
import { modelFor, readSettings } from '../../core/settings.ts';
import { isUsable, toPage, toUnderlying } from '../../core/symbol-map.ts';
import type { TabAnalysis, TabReading } from '../../messaging/types.ts';
import type { KvArea } from '../chains/store.ts';
import { findByAlias, loadChain } from '../chains/store.ts';
import { SETTINGS_KEY } from '../settings/store.ts';
import { preparedFor } from './cache.ts';

export async function tabLevels(
  area: KvArea,
  reading: TabReading | undefined,
  nowMs: number,
): Promise<TabAnalysis> {
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
  const { settings } = readSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const model = modelFor(settings, summary.underlying);
  const S = toUnderlying(conversion, reading.price);
  const load = async () => {
    const stored = await loadChain(area, summary.underlying);
    if (!stored) throw new Error(`the ${summary.underlying} chain is no longer stored`);
    return stored.chain;
  };
  let prepared = await preparedFor(summary.underlying, summary.asOf, model, nowMs, load);
  // Every line expired (an old chain such as the bundled sample): nothing is live, so show the
  // chain as it was at its snapshot, clearly labelled, rather than an empty verdict.
  const atSnapshot = prepared.counts.used === 0 && prepared.counts.expired > 0;
  if (atSnapshot)
    prepared = await preparedFor(summary.underlying, summary.asOf, model, Date.parse(summary.asOf), load);
  const a = analyze(prepared, S);
  const page = (x: number | null) => (x === null ? null : toPage(conversion, x));
  return {
    status: 'ok',
    symbol: reading.symbol,
    pagePrice: reading.price,
    underlying: summary.underlying,
    underlyingPrice: S,
    conversion,
    preset: model.preset,
    scope: model.scope,
    signs: model.signs,
    units: settings.units,
    multiplier: model.multiplier,
    asOf: summary.asOf,
    evaluatedAt: prepared.evaluationMs,
    atSnapshot,
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
  };
}
