/**
 * A closed tab leaves nothing behind: its reading, frames and verdict (memory and storage.session),
 * its update queue and pending rerun, its cached analyses and its badge memo (issue 9: the per-tab
 * queues were never pruned).
 */
import { forgetBadge } from './badge.ts';
import { forgetTabAnalyses } from './overlay/live-evaluation.ts';
import { forgetTabQueue } from './overlay/tab-verdict.ts';
import { forgetCoalesced } from './state/coalesce.ts';
import { forgetTab } from './state/tab-readings.ts';

export async function onTabClosed(tabId: number): Promise<void> {
  forgetCoalesced(tabId);
  forgetTabQueue(tabId);
  forgetTabAnalyses(tabId);
  forgetBadge(tabId);
  await forgetTab(tabId);
}
