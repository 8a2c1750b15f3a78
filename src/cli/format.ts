/**
 * Human-readable summary of an analysis for the terminal. Words follow lesson 01: hedging explains
 * the type of pressure (damping or extending moves), never the direction. Money and trades go
 * through core/phrases.ts, the one formatter the popup, overlay and preview use too (issue 10.4).
 */
import type { Analysis } from '../core/analyze';
import type { Drivers } from '../core/drivers';
import type { SkippedGroup } from '../core/import/skip-log';
import type { Model, PositionsModel } from '../core/model';
import { formatInt, gexPhrase, moneyPhrase } from '../core/phrases';
import { explainRegime } from '../core/regime';
import { dealers, driversLines } from './drivers-summary';
import { formatPrice } from './numbers';

function pct(level: number, spot: number): string {
  const d = ((level - spot) / spot) * 100;
  return `${d < 0 ? '−' : '+'}${Math.abs(d).toFixed(2)} % from spot`;
}

const SIGN_WORDS: Record<Model['signs'], string> = {
  'long-calls-short-puts': 'dealers long calls, short puts',
  'short-all': 'dealers short calls and puts',
  'long-all': 'dealers long calls and puts',
};

export const POSITIONS_WORDS: Record<PositionsModel, string> = {
  oi: 'open interest',
  'oi+volume': "open interest plus the day's volume",
  volume: "the day's volume alone",
};

export const SCOPE_WORDS: Record<Model['scope'], string> = {
  all: 'all expirations',
  '0dte': 'same-day expirations only (0DTE)',
  '7d': 'expirations within 7 days',
  'ex-nearest': 'all but the nearest expiration',
};

/** '3 contracts left out: open interest out of range (lines 17, 52, 98)' per group. */
export function skippedLines(groups: readonly SkippedGroup[]): string[] {
  return groups.map((g) => {
    const n = `${formatInt(g.count)} contract${g.count === 1 ? '' : 's'}`;
    const places =
      g.place === 'option'
        ? `data.options ${g.examples.map((i) => `[${i}]`).join(', ')}`
        : `line${g.examples.length === 1 ? '' : 's'} ${g.examples.join(', ')}`;
    return `${n} left out: ${g.reason} (${places}${g.places > g.examples.length ? ', …' : ''})`;
  });
}

export interface SummaryInput {
  underlying: string;
  asOf: string;
  model: Model;
  /** The positions model applied (prepared.positions). */
  positions: PositionsModel;
  analysis: Analysis;
  /** Null under the classic preset (no clock). */
  drivers: Drivers | null;
  skipped: readonly SkippedGroup[];
}

/** Multi-line summary, units on every figure. */
export function formatSummary(input: SummaryInput): string {
  const { underlying, asOf, model, positions, analysis: a, drivers } = input;
  const ny = new Date(asOf).toLocaleString('en-US', {
    timeZone: 'America/New_York',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const level = (name: string, v: number | null) =>
    v === null ? `${name}: none` : `${name}: ${formatPrice(v)} (${pct(v, a.spot)})`;
  const flow = (label: string, shares: number) => `${label} → ${dealers(shares, a.spot, underlying)}`;
  const c = a.contracts;
  const lines = [
    `${underlying}  spot ${formatPrice(a.spot)}  at ${ny} New York (${asOf})`,
    `Model: ${model.preset} preset · ${SCOPE_WORDS[model.scope]} · signs ${model.signs} (${SIGN_WORDS[model.signs]}) · positions ${positions} (${POSITIONS_WORDS[positions]}) · r ${model.rate} · q ${model.dividend} · ${model.multiplier} per contract`,
    `Regime: ${a.regime} — ${explainRegime(a.regime)}`,
    `Net GEX: ${gexPhrase(a.netGex)} (gross ${moneyPhrase(a.grossGex)}, balance ${a.balance >= 0 ? '+' : '−'}${Math.abs(a.balance).toFixed(3)})`,
    a.flip === null
      ? 'Gamma flip: no flip — net GEX keeps one sign from −20 % to +20 % of spot'
      : `Gamma flip: ${formatPrice(a.flip)} (${pct(a.flip, a.spot)}); ${a.crossings.length} crossing${a.crossings.length === 1 ? '' : 's'}: ${a.crossings.map(formatPrice).join(', ')}`,
    `${level('Call wall', a.callWall)} · ${level('Put wall', a.putWall)} · ${level('Abs gamma strike', a.absGammaStrike)}`,
    `Hedge flow (full revaluation): ${flow('+1 %', a.hedgeFlow.up1pct.shares)}; ${flow('−1 %', a.hedgeFlow.down1pct.shares)}`,
    ...(drivers
      ? driversLines({ drivers, underlying, flipNow: a.flip, regimeNow: a.regime })
      : [
          'What moves the hedge (time, volatility, projection): live preset only — the classic preset has no clock',
        ]),
    `Same-day (0DTE) share of gross gamma: ${(a.zeroDteShare * 100).toFixed(1)} %`,
    `Contracts: ${formatInt(c.total)} in file, ${formatInt(c.used)} used; left out: ${formatInt(c.expired)} expired, ${formatInt(c.noIv)} without IV, ${formatInt(c.outOfScope)} out of scope`,
    ...skippedLines(input.skipped),
  ];
  return `${lines.join('\n')}\n`;
}
