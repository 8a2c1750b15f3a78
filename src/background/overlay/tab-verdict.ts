/**
 * The verdict shown per tab, in storage.session under `live:<tabId>` (the worker can stop between two
 * ticks; the hysteresis must survive it). The entry belongs to one page symbol and chain: a new
 * symbol, chain or snapshot starts again from the raw regime. It also records the last overlay view
 * pushed to the tab (so a null is pushed once when there is nothing to show any more, and tests can
 * ask what the page was sent).
 */
import type { TransitionBand } from '../../core/model.ts';
import type { Regime } from '../../core/regime.ts';
import { nextVerdict, type VerdictInput } from '../../core/verdict.ts';
import type { OverlayView } from '../../messaging/types.ts';
import { sessionGet, sessionRemove, sessionSet } from '../state/session-store.ts';

export interface LiveState {
  /** symbol|underlying|asOf the verdict belongs to. */
  key: string;
  verdict: Regime | null;
  /** The last view pushed to the top frame (null = none shown). */
  sent: OverlayView | null;
  sentAt: number;
  /** The top frame's overlay acknowledged that view. */
  delivered: boolean;
}

const storageKey = (tabId: number) => `live:${tabId}`;

// page/report and tab/analysis may run at once for one tab: serialise the read-modify-write.
const queues = new Map<number, Promise<unknown>>();
export function serialTab<T>(tabId: number, job: () => Promise<T>): Promise<T> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(job, job);
  queues.set(
    tabId,
    next.catch(() => undefined),
  );
  return next;
}

export const getLiveState = (tabId: number) => sessionGet<LiveState>(storageKey(tabId));
export const putLiveState = (tabId: number, state: LiveState) => sessionSet(storageKey(tabId), state);
export const forgetLiveState = (tabId: number) => sessionRemove(storageKey(tabId));

/** The verdict after this evaluation, from the state's previous one when it is for the same key. */
export function advance(
  state: LiveState | undefined,
  key: string,
  input: VerdictInput,
  band: TransitionBand,
): Regime {
  return nextVerdict(state?.key === key ? state.verdict : null, input, band);
}
