/**
 * Human-readable summary of an analysis for the terminal. Words follow lesson 01: hedging explains
 * the type of pressure (damping or extending moves), never the direction.
 */
import { type Analysis, explainRegime, type Model } from '../core';

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const px = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** '+$16.10bn' style money (dollars in, billions/millions out). */
export function money(x: number, signed = true): string {
  const sign = x < 0 ? '−' : signed ? '+' : '';
  const a = Math.abs(x);
  const [v, u] = a >= 1e9 ? [a / 1e9, 'bn'] : a >= 1e6 ? [a / 1e6, 'm'] : a >= 1e3 ? [a / 1e3, 'k'] : [a, ''];
  return `${sign}$${px.format(v)}${u}`;
}

function pct(level: number, spot: number): string {
  const d = ((level - spot) / spot) * 100;
  return `${d < 0 ? '−' : '+'}${Math.abs(d).toFixed(2)} % from spot`;
}

const SIGN_WORDS: Record<Model['signs'], string> = {
  'long-calls-short-puts': 'dealers long calls, short puts',
  'short-all': 'dealers short calls and puts',
  'long-all': 'dealers long calls and puts',
};

const SCOPE_WORDS: Record<Model['scope'], string> = {
  all: 'all expirations',
  '0dte': 'same-day expirations only (0DTE)',
  '7d': 'expirations within 7 days',
  'ex-nearest': 'all but the nearest expiration',
};

function flow(label: string, f: { shares: number; notional: number }): string {
  const verb = f.shares < 0 ? 'sell' : 'buy';
  return `${label} → dealers ${verb} ${int.format(Math.abs(f.shares))} shares (${money(Math.abs(f.notional), false)} notional)`;
}

export interface SummaryInput {
  file: string;
  underlying: string;
  asOf: string;
  model: Model;
  analysis: Analysis;
}

/** Multi-line summary, units on every figure. */
export function formatSummary({ underlying, asOf, model, analysis: a }: SummaryInput): string {
  const ny = new Date(asOf).toLocaleString('en-US', {
    timeZone: 'America/New_York',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const level = (name: string, v: number | null) =>
    v === null ? `${name}: none` : `${name}: ${px.format(v)} (${pct(v, a.spot)})`;
  const c = a.contracts;
  const lines = [
    `${underlying}  spot ${px.format(a.spot)}  at ${ny} New York (${asOf})`,
    `Model: ${model.preset} preset · ${SCOPE_WORDS[model.scope]} · signs ${model.signs} (${SIGN_WORDS[model.signs]}) · r ${model.rate} · q ${model.dividend} · ${model.multiplier} per contract`,
    `Regime: ${a.regime} — ${explainRegime(a.regime)}`,
    `Net GEX: ${money(a.netGex)} per 1 % move (gross ${money(a.grossGex, false)}, balance ${a.balance >= 0 ? '+' : '−'}${Math.abs(a.balance).toFixed(3)})`,
    a.flip === null
      ? 'Gamma flip: no flip — net GEX keeps one sign from −20 % to +20 % of spot'
      : `Gamma flip: ${px.format(a.flip)} (${pct(a.flip, a.spot)}); ${a.crossings.length} crossing${a.crossings.length === 1 ? '' : 's'}: ${a.crossings.map((x) => px.format(x)).join(', ')}`,
    `${level('Call wall', a.callWall)} · ${level('Put wall', a.putWall)} · ${level('Abs gamma strike', a.absGammaStrike)}`,
    `Hedge flow (full revaluation): ${flow('+1 %', a.hedgeFlow.up1pct)}; ${flow('−1 %', a.hedgeFlow.down1pct)}`,
    `Same-day (0DTE) share of gross gamma: ${(a.zeroDteShare * 100).toFixed(1)} %`,
    `Contracts: ${int.format(c.total)} in file, ${int.format(c.used)} used; left out: ${int.format(c.expired)} expired, ${int.format(c.noIv)} without IV, ${int.format(c.outOfScope)} out of scope`,
  ];
  return `${lines.join('\n')}\n`;
}
