/**
 * The verdict shown per tab, kept with the tab's state (../state/tab-state.ts: memory, and
 * storage.session `live:<tabId>` at most every 250 ms) because the worker can stop between two
 * ticks and the hysteresis must survive it. The entry belongs to one page symbol and chain: a new
 * symbol, chain or snapshot starts again from the raw regime. It also records the last overlay view
 * pushed to the tab (so a null is pushed once when there is nothing to show any more, and tests can
 * ask what the page was sent), and the tab's glance at that update: the popup paints it first, read
 * straight from storage.session (src/popup/stored-snapshot.ts), before it asks for a fresh one.
 */
import type { TransitionBand } from '../../core/model.ts';
import type { Regime } from '../../core/regime.ts';
import { nextVerdict, type VerdictInput } from '../../core/verdict.ts';
import type { OverlayView, TabGlance } from '../../messaging/types.ts';
import { tabEntry, touch } from '../state/tab-state.ts';

export interface LiveState {
  /** symbol|underlying|asOf the verdict belongs to. */
  key: string;
  verdict: Regime | null;
  /** The last view pushed to the top frame (null = none shown). */
  sent: OverlayView | null;
  sentAt: number;
  /** The top frame's overlay acknowledged that view. */
  delivered: boolean;
  /** The glance of that update (what `tab/glance` would answer); null when there is none. */
  glance?: TabGlance | null;
}

// page/report, page/overlay and tab/analysis may run at once for one tab: one update at a time.
const queues = new Map<number, Promise<unknown>>();
export function serialTab<T>(tabId: number, job: () => Promise<T>): Promise<T> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(job, job);
  const tail = next.then(
    () => undefined,
    () => undefined,
  );
  queues.set(tabId, tail);
  // Pruned once idle: a tab that stops reporting keeps no queue.
  void tail.then(() => {
    if (queues.get(tabId) === tail) queues.delete(tabId);
  });
  return next;
}

/** Drops the tab's queue (tab closed). */
export const forgetTabQueue = (tabId: number) => queues.delete(tabId);

export async function getLiveState(tabId: number): Promise<LiveState | undefined> {
  return (await tabEntry(tabId))?.live as LiveState | undefined;
}

export async function putLiveState(tabId: number, state: LiveState): Promise<void> {
  const entry = await tabEntry(tabId);
  if (!entry) return;
  entry.live = state;
  touch(tabId, 'live');
}

/** The verdict after this evaluation, from the state's previous one when it is for the same key. */
export function advance(
  state: LiveState | undefined,
  key: string,
  input: VerdictInput,
  band: TransitionBand,
): Regime {
  return nextVerdict(state?.key === key ? state.verdict : null, input, band);
}
