/**
 * The popup's first paint (`tab/glance`): the verdict, the flip and net GEX from the tab's live
 * evaluation — the cached levels and one evaluateAt (~0.4 ms), not the full analysis with its profile,
 * chart and flow curve (tens of ms). The popup asks for TabLevels right after it has painted this.
 */
import { toPage } from '../../core/symbol-map.ts';
import type { TabGlance } from '../../messaging/types.ts';
import type { LiveEvaluation } from '../overlay/live-evaluation.ts';
import type { TabContext } from './tab-levels.ts';

export function glanceOf(c: TabContext, live: LiveEvaluation, verdict: TabGlance['verdict']): TabGlance {
  const { analysis, evaluation } = live;
  return {
    status: 'glance',
    symbol: c.reading.symbol,
    pagePrice: c.reading.price,
    underlying: c.summary.underlying,
    verdict,
    regime: evaluation.regime,
    flip: analysis.flip === null ? null : toPage(c.conversion, analysis.flip),
    netGex: evaluation.netGex,
    asOf: c.summary.asOf,
    evaluatedAt: evaluation.evaluationMs,
    atSnapshot: c.atSnapshot,
    used: c.prepared.counts.used,
  };
}
