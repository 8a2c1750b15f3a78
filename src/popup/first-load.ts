/**
 * The popup's first request, started as its script runs (before preact renders or any effect runs):
 * the target tab and its snapshot (reading + glance) — the one the background stored at its last
 * update of the tab (stored-snapshot.ts: one storage.session read, no message), else the background's
 * answer. main.tsx renders once it has it, or after FIRST_PAINT_WAIT_MS, whichever comes first — so
 * in the usual case the first paint already holds the verdict (issue 10: verdict painted within 40 ms
 * of a static page), and a slow background (a service worker starting up) still gets a "Reading this
 * tab…" at once.
 */
import { storedSnapshot } from './stored-snapshot.ts';
import { targetTabId } from './target-tab.ts';
import { type Snapshot, snapshotOf } from './use-tab-data.ts';

export const FIRST_PAINT_WAIT_MS = 150;

export interface FirstLoad {
  /** undefined: no tab to describe. */
  tabId: number | undefined;
  snapshot?: Snapshot;
  /** The snapshot is the stored one: ask the background for a fresh one at once. */
  stored?: boolean;
}

export async function firstLoad(): Promise<FirstLoad> {
  const tabId = await targetTabId();
  if (tabId === undefined) return { tabId };
  const stored = await storedSnapshot(tabId);
  if (stored) return { tabId, snapshot: stored, stored: true };
  return { tabId, snapshot: await snapshotOf(tabId, true) };
}
