/**
 * The per-tick evaluation of a tab: evaluateAt (≤ 0.5 ms on a 20,000-line chain) at the page price
 * and the clock, with the levels from a full analyze() (an 801-point profile and root-refined
 * crossings, ~15 ms: far too slow for every tick) cached per tab.
 *
 * What the levels need, and how stale they may be:
 * - The crossings (flips) are roots of the profile G(x), each line's σ and T held. G(x) does not
 *   depend on the price the analysis ran at; that price only sets the grid (0.8–1.2 × it) the roots
 *   are searched on. So the crossings of an analysis at S0 stay exact for any price near S0, and the
 *   flip — the crossing nearest the price — is picked again at every tick's price (levelsNear).
 * - The walls are the strikes with the most gamma exposure AT S0: they can differ from the walls at
 *   the price only where two strikes are nearly tied, and they move slowly with the price.
 * - T is held at the prepared instant: the prepared chain is renewed every minute, and a new one
 *   means a new analysis.
 * So an analysis serves every price within MAX_MOVE (1 %) of where it ran, for at most a minute. A
 * tab keeps ANCHORS analyses at different prices: a price alternating ±0.6 % (issue 9 measured a full
 * analysis on every report, 18.8 ms) settles on two of them and analyses nothing more that minute.
 *
 * Module variables are a cache only; a stopped worker simply analyzes again.
 */
import { type Analysis, analyze } from '../../core/analyze.ts';
import { type Evaluation, evaluateAt } from '../../core/evaluate.ts';
import { nearestCrossing } from '../../core/levels.ts';
import type { Prepared } from '../../core/prepare.ts';
import type { TabContext } from '../analysis/tab-levels.ts';

const MAX_AGE_MS = 60_000;
/** Largest |S/S0 − 1| an analysis at S0 serves (see above). */
export const MAX_MOVE = 0.01;
const ANCHORS = 3;

interface Anchor {
  prepared: Prepared;
  S: number;
  at: number;
  analysis: Analysis;
}

const byTab = new Map<number, Anchor[]>();
let analyses = 0;

export interface LiveEvaluation {
  /** Levels (underlying units): a cached analyze() with the flip picked at the current price. */
  analysis: Analysis;
  /** Net, balance, raw regime and hedge flow at the current price and instant. */
  evaluation: Evaluation;
}

/** Forgets a tab's analyses (tab closed). */
export const forgetTabAnalyses = (tabId: number): boolean => byTab.delete(tabId);

/** How many full analyses ran (benchmark and tests). */
export const analysisCount = (): number => analyses;

/** An analysis at S0 read at price S: the live flip is the crossing nearest S (classic: the first). */
export function levelsNear(a: Analysis, S: number, preset: string): Analysis {
  if (preset !== 'live' || a.spot === S) return a;
  return { ...a, flip: nearestCrossing(a.crossings, S) };
}

/** Callers without a tab (tests) share this slot. */
const NO_TAB = -1;

/** The analyze() to take levels from for this tab: a cached one near the price, or a new one. */
export function levelsAnalysis(c: TabContext, nowMs: number, tabId = NO_TAB): Analysis {
  const fresh = (byTab.get(tabId) ?? []).filter(
    (a) => a.prepared === c.prepared && nowMs - a.at < MAX_AGE_MS && nowMs >= a.at,
  );
  let best: Anchor | undefined;
  for (const a of fresh) {
    const move = Math.abs(c.S / a.S - 1);
    if (move <= MAX_MOVE && (!best || move < Math.abs(c.S / best.S - 1))) best = a;
  }
  if (!best) {
    analyses++;
    best = { prepared: c.prepared, S: c.S, at: nowMs, analysis: analyze(c.prepared, c.S) };
  }
  byTab.set(tabId, [best, ...fresh.filter((a) => a !== best)].slice(0, ANCHORS));
  return levelsNear(best.analysis, c.S, c.model.preset);
}

export function evaluateLive(c: TabContext, nowMs: number, tabId = NO_TAB): LiveEvaluation {
  const analysis = levelsAnalysis(c, nowMs, tabId);
  // At the snapshot fallback every line is dead at the clock: evaluate at the snapshot instant.
  const at = c.atSnapshot ? c.prepared.evaluationMs : nowMs;
  const evaluation = evaluateAt(c.prepared, c.S, { nowMs: at, crossings: analysis.crossings });
  return { analysis, evaluation };
}
