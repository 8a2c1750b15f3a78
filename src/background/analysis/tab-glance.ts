/**
 * The popup's first paint (`tab/glance`): the verdict, the flip and net GEX from the tab's live
 * evaluation — the cached levels and one evaluateAt (~0.4 ms), not the full analysis with its profile,
 * chart and flow curve (tens of ms). The popup asks for TabLevels right after it has painted this.
 */
import { toPage } from '../../core/symbol-map.ts';
import type { TabGlance } from '../../messaging/types.ts';
import type { LiveEvaluation } from '../overlay/live-evaluation.ts';
import { getLiveState } from '../overlay/tab-verdict.ts';
import type { TabContext } from './tab-levels.ts';

/**
 * The verdict the tab's badge shows now (storage.session `live:<tabId>`), when it belongs to this
 * symbol and chain; null otherwise (the caller then runs refreshTab). The key is refresh.ts's; a
 * mismatch only costs the slower path.
 */
export async function shownVerdict(tabId: number, c: TabContext): Promise<TabGlance['verdict'] | null> {
  const state = await getLiveState(tabId);
  const key = `${c.reading.symbol}|${c.summary.underlying}|${c.summary.asOf}|${c.atSnapshot}`;
  return state?.key === key ? state.verdict : null;
}

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
    scope: c.model.scope,
  };
}
