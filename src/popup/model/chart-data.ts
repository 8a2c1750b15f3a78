/**
 * The GEX chart's data around the price: which strikes and profile points to draw, their scales, and
 * the text alternative. The background sends strikes within ±8 % and the profile over ±20 %; the
 * popup draws ±3 % around the price (the hedge-flow curve's range), widened to take in the walls and
 * the flip when they lie within the ±8 % the strikes cover.
 */
import { moneyPhrase } from '../../core/phrases.ts';
import type { TabChart } from '../../messaging/types.ts';
import { formatPrice } from '../../ui/format.ts';

export const CORE_RANGE = 0.03;
export const MAX_RANGE = 0.08;

export interface ChartInput {
  chart: TabChart;
  pagePrice: number;
  flip: number | null;
  callWall: number | null;
  putWall: number | null;
}

export interface ChartData {
  lo: number;
  hi: number;
  strikes: TabChart['strikes'];
  profile: TabChart['profile'];
  /** Extremes of what is drawn (bars: net or call/put; curve: profile), $ per 1 % move. */
  bars: { max: number; min: number };
  curve: { max: number; min: number };
}

export function chartData(x: ChartInput, split: boolean): ChartData {
  const p = x.pagePrice;
  let lo = p * (1 - CORE_RANGE);
  let hi = p * (1 + CORE_RANGE);
  for (const level of [x.flip, x.callWall, x.putWall]) {
    if (level === null || Math.abs(level / p - 1) > MAX_RANGE) continue;
    lo = Math.min(lo, level * 0.998);
    hi = Math.max(hi, level * 1.002);
  }
  const strikes = x.chart.strikes.filter((s) => s.strike >= lo && s.strike <= hi);
  const profile = x.chart.profile.filter((q) => q.price >= lo && q.price <= hi);
  const bars = { max: 0, min: 0 };
  for (const s of strikes) {
    const vals = split ? [s.callGex, s.putGex] : [s.netGex];
    for (const v of vals) {
      bars.max = Math.max(bars.max, v);
      bars.min = Math.min(bars.min, v);
    }
  }
  const curve = { max: 0, min: 0 };
  for (const q of profile) {
    curve.max = Math.max(curve.max, q.netGex);
    curve.min = Math.min(curve.min, q.netGex);
  }
  return { lo, hi, strikes, profile, bars, curve };
}

/** The chart in words, for screen readers and as the figure's description. */
export function chartSummary(d: ChartData, x: ChartInput, symbol: string): string {
  if (d.strikes.length === 0) return `No strikes with open positions within the range around ${symbol}.`;
  let top = d.strikes[0]!;
  let bottom = d.strikes[0]!;
  for (const s of d.strikes) {
    if (s.netGex > top.netGex) top = s;
    if (s.netGex < bottom.netGex) bottom = s;
  }
  const parts = [
    `Net gamma exposure by strike from ${formatPrice(d.lo)} to ${formatPrice(d.hi)} (${symbol} prices, dollars per 1 % move).`,
    top.netGex > 0
      ? `Largest positive: ${moneyPhrase(top.netGex, { signed: true })} at ${formatPrice(top.strike)}.`
      : '',
    bottom.netGex < 0
      ? `Largest negative: ${moneyPhrase(bottom.netGex, { signed: true })} at ${formatPrice(bottom.strike)}.`
      : '',
    x.flip === null
      ? 'The profile does not cross zero within ±20 %: no flip.'
      : `The profile (net exposure if the price were there) crosses zero at the flip, ${formatPrice(x.flip)}.`,
    `Price ${formatPrice(x.pagePrice)}.`,
  ];
  return parts.filter(Boolean).join(' ');
}
