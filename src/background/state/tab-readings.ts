/**
 * The latest reading per tab (./tab-state.ts keeps it in memory and in storage.session): every
 * frame's latest report, and the best of them — the top frame when it has a price, else the most
 * recent frame that has one (a chart widget in an iframe), else the top frame's report.
 *
 * The reading's `frameUrl` and `host` come from the browser's view of the sender (sender.url), never
 * from the payload: a page can put anything there (a payload `frameUrl: "https://"` passed the
 * schema and made the popup throw, issue 9).
 */

import { tabSessionKey } from '../../messaging/session-keys.ts';
import type { PageReport, TabReading } from '../../messaging/types.ts';
import { sessionArea } from '../storage/areas.ts';
import {
  type Frames,
  flush,
  forgetTabState,
  loadedEntry,
  storedReading,
  tabEntry,
  touch,
} from './tab-state.ts';

export function bestOf(frames: Frames): TabReading | undefined {
  const all = Object.values(frames);
  const top = all.find((r) => r.frameId === 0);
  if (top && top.price !== null) return top;
  const priced = all.filter((r) => r.price !== null).sort((a, b) => b.at - a.at);
  return priced[0] ?? top ?? all.sort((a, b) => b.at - a.at)[0];
}

/** The host shown to the user for a frame URL the browser reported ('' when it has none). */
export function trustedHost(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * The tab's best reading: this worker's memory copy (written to storage.session first, so the
 * popup and a restarted worker agree), else storage.session.
 */
export async function getReading(tabId: number): Promise<TabReading | undefined> {
  const entry = loadedEntry(tabId);
  if (!entry) {
    const key = tabSessionKey('reading', tabId);
    return storedReading((await sessionArea().get(key))[key]);
  }
  await flush(tabId);
  return entry.reading;
}

/** The best reading in memory right now (the per-tick path; undefined before the first report). */
export const currentReading = (tabId: number): TabReading | undefined => loadedEntry(tabId)?.reading;

/** The same report again (the reader sends a report only when something in it changed). */
const sameReport = (a: TabReading, b: PageReport, frameUrl: string) =>
  a.price === b.price &&
  a.symbol === b.symbol &&
  a.text === b.text &&
  a.suspect === b.suspect &&
  a.reason === b.reason &&
  a.site === b.site &&
  a.method === b.method &&
  a.confidence === b.confidence &&
  a.frameUrl === frameUrl;

/**
 * Stores a frame's report (frameUrl/host from the sender, see above) and returns the tab's best
 * reading afterwards; undefined for a tab that was closed meanwhile. The same report again keeps its
 * first `at`: it is not a new tick (the content script sends its last report once more when the
 * background dropped its port, src/messaging/report-port.ts), and the popup's "no tick for …"
 * counts from the price's last change.
 */
export async function putReport(
  tabId: number,
  frameId: number,
  report: PageReport,
  senderUrl: string | undefined,
  at: number,
): Promise<TabReading | undefined> {
  const entry = await tabEntry(tabId);
  if (!entry) return undefined;
  const frameUrl = senderUrl ?? report.frameUrl;
  const before = entry.frames[String(frameId)];
  const since = before && sameReport(before, report, frameUrl) ? before.at : at;
  entry.frames[String(frameId)] = {
    ...report,
    frameUrl,
    host: trustedHost(frameUrl),
    tabId,
    frameId,
    at: since,
  };
  const best = bestOf(entry.frames)!;
  entry.reading = best;
  touch(tabId, 'frames', 'reading');
  return best;
}

/**
 * A new document started in the tab's top frame: readings of the previous document are void. Frames
 * that reported in the last `keepMs` belong to the new document already (they may start first).
 */
export async function startDocument(tabId: number, now: number, keepMs = 3000): Promise<void> {
  const entry = await tabEntry(tabId);
  if (!entry) return;
  const kept: Frames = {};
  for (const [id, r] of Object.entries(entry.frames)) if (id !== '0' && now - r.at <= keepMs) kept[id] = r;
  entry.frames = kept;
  entry.reading = bestOf(kept);
  touch(tabId, 'frames', 'reading');
}

export const forgetTab = (tabId: number) => forgetTabState(tabId);
