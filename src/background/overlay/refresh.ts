/**
 * One live update of a tab, after each price report from its best frame and whenever the overlay or
 * the popup asks: evaluate the tab (cached prepared chain + cached levels + evaluateAt), move the
 * verdict through the hysteresis, set the badge, build the overlay's view and check the alerts.
 * Popup, badge, overlay and alerts all take their word from here, so they agree.
 */
import type { Regime } from '../../core/regime.ts';
import { toPage } from '../../core/symbol-map.ts';
import type { OverlayEnvelope } from '../../messaging/protocol.ts';
import type { OverlayView, TabReading } from '../../messaging/types.ts';
import { ext } from '../../platform/browser.ts';
import { formatPrice } from '../../ui/format.ts';
import { checkAlerts } from '../alerts/check.ts';
import { glanceOf } from '../analysis/tab-glance.ts';
import { tabContext } from '../analysis/tab-levels.ts';
import { setBadge } from '../badge.ts';
import { badgeFor } from '../readings/badge-state.ts';
import { localArea } from '../storage/areas.ts';
import { evaluateLive } from './live-evaluation.ts';
import { overlayShownOn } from './shown.ts';
import { advance, getLiveState, putLiveState, serialTab } from './tab-verdict.ts';
import { overlayView } from './view-model.ts';

export interface TabUpdate {
  /** The verdict shown (null: no chain for the page, no usable price). */
  verdict: Regime | null;
  /** What the overlay should draw (null: nothing — no chain, or the overlay is turned off). */
  view: OverlayView | null;
}

/**
 * Updates the tab's verdict and badge from its reading. `push` sends the view to the top frame
 * (tabs.sendMessage); the overlay's own refresh asks with push off and takes the returned view.
 */
export function refreshTab(
  tabId: number,
  reading: TabReading | undefined,
  nowMs: number,
  push: boolean,
): Promise<TabUpdate> {
  return serialTab(tabId, async () => {
    const c = await tabContext(localArea(), reading, nowMs);
    const state = await getLiveState(tabId);
    if ('status' in c) {
      if (reading) await setBadge(tabId, badgeFor(reading)).catch(() => undefined);
      // Nothing to show any more (chain deleted, symbol without one…): take the view off the page and
      // the glance out of storage, so the popup does not paint the old verdict first.
      if (state?.sent) {
        const delivered = push && (await pushView(tabId, null));
        await putLiveState(tabId, { ...state, sent: null, sentAt: nowMs, delivered, glance: null });
      } else if (state?.glance) await putLiveState(tabId, { ...state, glance: null });
      return { verdict: null, view: null };
    }
    const live = evaluateLive(c, nowMs, tabId);
    const { analysis, evaluation } = live;
    const key = `${c.reading.symbol}|${c.summary.underlying}|${c.summary.asOf}|${c.atSnapshot}`;
    const input = {
      spot: c.S,
      netGex: evaluation.netGex,
      balance: evaluation.balance,
      crossings: analysis.crossings,
    };
    // A price the reader does not trust (unconfirmed jump, prior close, halt) must not move the verdict.
    const previous = state?.key === key ? state.verdict : null;
    const verdict = c.reading.suspect
      ? (previous ?? evaluation.regime)
      : advance(state, key, input, c.model.transitionBand);
    const shown = await overlayShownOn(tabId, c.settings); // tab toggle, else overlaySites, else overlay
    const view = shown ? overlayView(c, analysis, evaluation, verdict, nowMs) : null;
    // No price in the tooltip: it would change on every tick and cost an API call each time.
    const flip =
      analysis.flip === null
        ? 'no flip within ±20 %'
        : `flip ${formatPrice(toPage(c.conversion, analysis.flip))}`;
    const title = c.reading.suspect
      ? `GEXfocus: ${c.reading.symbol} price not trusted (${c.reading.reason ?? 'check the page'})`
      : `GEXfocus: ${c.reading.symbol} ${verdict} (${flip})`;
    await setBadge(tabId, c.reading.suspect ? 'stale' : verdict, title).catch(() => undefined);
    const delivered = push && (view !== null || !!state?.sent) && (await pushView(tabId, view));
    await putLiveState(tabId, {
      key,
      verdict: c.reading.suspect ? previous : verdict,
      sent: view,
      sentAt: nowMs,
      delivered,
      glance: glanceOf(c, live, verdict),
    });
    await checkAlerts({ tabId, context: c, verdict, analysis, evaluation, nowMs }).catch(() => undefined);
    return { verdict, view };
  });
}

/** Sends the view to the tab's top frame; true when its overlay took it. */
async function pushView(tabId: number, view: OverlayView | null): Promise<boolean> {
  const message: OverlayEnvelope = { gexfocus: 1, command: 'overlay/show', view };
  // No listener in the top frame (not a page we run in, or it is navigating): nothing to draw there.
  return (await ext.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => false)) === true;
}
