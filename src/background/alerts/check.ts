/**
 * The alert check after each live evaluation of a tab (../overlay/refresh.ts): observe the verdict
 * and the levels for the chain's symbol, and when something is news (core/alerts.ts) and the
 * cool-down and the hourly cap allow it, show a notification with the numbers. Nothing happens
 * unless alerts are on; nothing is decided on a price the reader does not trust or on a chain whose
 * every line has expired (its levels are as of the snapshot, not now).
 *
 * The state is saved before the notification is shown: a worker stopped in between cannot show the
 * same alert twice.
 */
import { type AlertEvent, materiallyChanged, mayAlert, observe, withinHour } from '../../core/alerts.ts';
import type { Analysis } from '../../core/analyze.ts';
import type { Evaluation } from '../../core/evaluate.ts';
import type { Regime } from '../../core/regime.ts';
import { toPage } from '../../core/symbol-map.ts';
import type { TabContext } from '../analysis/tab-levels.ts';
import { alertState, saveAlertState } from './alert-state.ts';
import { alertText } from './alert-text.ts';
import { canNotify, notificationId, showNotification } from './notify.ts';

export interface AlertInput {
  tabId: number;
  context: TabContext;
  verdict: Regime;
  /** Levels at the price (underlying units). */
  analysis: Analysis;
  evaluation: Evaluation;
  nowMs: number;
}

/** What the check did (tests). */
export type AlertOutcome = 'off' | 'quiet' | 'shown' | 'held' | 'refused';

export async function checkAlerts(x: AlertInput): Promise<AlertOutcome> {
  const c = x.context;
  if (!c.settings.alerts.enabled || c.reading.suspect || c.atSnapshot) return 'off';
  const state = await alertState();
  const symbol = c.summary.underlying;
  const before = state.symbols[symbol];
  const { memory, events } = observe(before, {
    S: c.S,
    verdict: x.verdict,
    levels: { flip: x.analysis.flip, callWall: x.analysis.callWall, putWall: x.analysis.putWall },
    band: c.model.transitionBand,
  });
  state.symbols[symbol] = memory;
  if (events.length === 0) {
    if (materiallyChanged(before, memory)) await saveAlertState();
    return 'quiet';
  }
  const { title, message } = textOf(events, x);
  const may = canNotify()
    ? mayAlert(memory.lastAlertAt, state.sent, x.nowMs, c.settings.alerts)
    : ({ ok: false, reason: 'no-permission' } as const);
  if (!may.ok) {
    state.held = { at: x.nowMs, symbol, reason: may.reason, title };
    await saveAlertState();
    return 'held';
  }
  const id = notificationId(x.tabId, x.nowMs);
  memory.lastAlertAt = x.nowMs;
  state.sent = [...withinHour(state.sent, x.nowMs), x.nowMs];
  state.last = { at: x.nowMs, symbol, tabId: x.tabId, title, message, id };
  // Alerts turned off since this tab's evaluation began: nothing is shown (nor kept).
  if (!(await saveAlertState())) return 'off';
  return (await showNotification(id, title, message)) ? 'shown' : 'refused';
}

function textOf(events: readonly AlertEvent[], x: AlertInput) {
  const c = x.context;
  return alertText(events, {
    symbol: c.reading.symbol,
    pagePrice: c.reading.price,
    toPage: (p) => toPage(c.conversion, p),
    verdict: x.verdict,
    underlying: c.summary.underlying,
    S: c.S,
    hedgeFlow: x.evaluation.hedgeFlow,
  });
}
