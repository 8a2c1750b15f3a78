/**
 * The per-tick evaluation of a tab: evaluateAt (~0.4 ms on a 20,000-line chain) at the page price,
 * with the levels (flip, walls, every crossing) from a full analyze() that is cached and refreshed
 * only every minute, when the prepared lines change, or when the price has moved more than 0.5 %
 * from where it ran (analyze builds an 801-point profile: far too slow for every tick).
 * Module variables are a cache only; a stopped worker simply analyzes again.
 */
import { type Analysis, analyze } from '../../core/analyze.ts';
import { type Evaluation, evaluateAt } from '../../core/evaluate.ts';
import type { Prepared } from '../../core/prepare.ts';
import type { TabContext } from '../analysis/tab-levels.ts';

const MAX_AGE_MS = 60_000;
const MAX_MOVE = 0.005;

let cached: { prepared: Prepared; S: number; at: number; analysis: Analysis } | null = null;

export interface LiveEvaluation {
  /** Levels from the cached analyze (underlying units). */
  analysis: Analysis;
  /** Net, balance, raw regime and hedge flow at the current price and instant. */
  evaluation: Evaluation;
}

/** The analyze() to take levels from, rerun when stale. */
export function levelsAnalysis(c: TabContext, nowMs: number): Analysis {
  const fresh =
    cached &&
    cached.prepared === c.prepared &&
    nowMs - cached.at < MAX_AGE_MS &&
    Math.abs(c.S / cached.S - 1) <= MAX_MOVE;
  if (!fresh) cached = { prepared: c.prepared, S: c.S, at: nowMs, analysis: analyze(c.prepared, c.S) };
  return cached!.analysis;
}

export function evaluateLive(c: TabContext, nowMs: number): LiveEvaluation {
  const analysis = levelsAnalysis(c, nowMs);
  // At the snapshot fallback every line is dead at the clock: evaluate at the snapshot instant.
  const at = c.atSnapshot ? c.prepared.evaluationMs : nowMs;
  const evaluation = evaluateAt(c.prepared, c.S, { nowMs: at, crossings: analysis.crossings });
  return { analysis, evaluation };
}
