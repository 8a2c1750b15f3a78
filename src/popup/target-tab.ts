/**
 * The tab the popup describes: the active tab of the window it was opened from, or the tab named by
 * `?tab=<id>` (when the popup is opened as a page, e.g. pinned in its own tab).
 */
import { ext } from '../platform/browser.ts';

export async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
