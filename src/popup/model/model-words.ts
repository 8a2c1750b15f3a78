/**
 * The model in one line (preset, scope, sign model, positions model) and what each part assumes, for
 * the info control next to it. Every figure says which model produced it (methodology.md).
 */
import type { TabLevels } from '../../messaging/types.ts';

const PRESET: Record<string, [string, string]> = {
  live: ['live', 'Live: time to each exact settlement instant (New York), gamma from IV, at the clock.'],
  classic: [
    'classic',
    'Classic: business days to expiry and the file’s own gamma, to compare with the widely copied script.',
  ],
};
const SCOPE: Record<string, [string, string]> = {
  all: ['all expirations', 'Scope: every expiration in the chain counts.'],
  '0dte': ['0DTE only', 'Scope: only contracts expiring today (New York date) count.'],
  '7d': ['within 7 days', 'Scope: only expirations within 7 calendar days count.'],
  'ex-nearest': ['all but the nearest', 'Scope: every expiration except the nearest still alive.'],
};
const SIGNS: Record<string, [string, string]> = {
  'long-calls-short-puts': [
    'long calls, short puts',
    'Signs: dealers long the calls customers sell and short the puts they buy (the classic convention).',
  ],
  'short-all': ['short all', 'Signs: dealers short every option (customers buy everything).'],
  'long-all': ['long all', 'Signs: dealers long every option.'],
};
const POSITIONS: Record<string, [string, string]> = {
  oi: ['open interest', 'Positions: open interest, the end-of-day positions published before the open.'],
  'oi+volume': [
    'OI + volume',
    'Positions: open interest plus today’s traded volume, a rough proxy for today’s new positions.',
  ],
  volume: ['volume only', 'Positions: today’s traded volume alone.'],
};

const pick = (table: Record<string, [string, string]>, key: string): [string, string] =>
  table[key] ?? [key, key];

/** "0DTE only", "all expirations", … */
export const scopeLabel = (scope: string): string => pick(SCOPE, scope)[0];

export interface ModelWords {
  line: string;
  assumptions: string[];
}

export function modelWords(
  a: Pick<
    TabLevels,
    'preset' | 'scope' | 'signs' | 'positions' | 'positionsWanted' | 'multiplier' | 'underlying'
  >,
): ModelWords {
  const preset = pick(PRESET, a.preset);
  const scope = pick(SCOPE, a.scope);
  const signs = pick(SIGNS, a.signs);
  const positions = pick(POSITIONS, a.positions);
  const onlyOi = a.positionsWanted !== undefined && a.positionsWanted !== a.positions;
  return {
    line: [preset[0], scope[0], signs[0], onlyOi ? 'open interest only' : positions[0]].join(' · '),
    assumptions: [
      preset[1],
      scope[1],
      signs[1],
      onlyOi
        ? `Positions: open interest only — this ${a.underlying} chain has no volume column, so “${pick(POSITIONS, a.positionsWanted!)[0]}” cannot apply.`
        : positions[1],
      `Contract multiplier ×${a.multiplier}. Change any of these in Chains & settings.`,
    ],
  };
}
