/**
 * The latest reading per tab in session storage (survives the worker being stopped):
 * `tab:<id>` = the best frame's reading (what the popup shows), `frames:<id>` = every frame's latest.
 * Best = the top frame when it has a price, else the most recent frame that has one (a chart widget
 * in an iframe), else the top frame's report.
 */
import type { PageReport, TabReading } from '../../messaging/types.ts';
import { sessionGet, sessionRemove, sessionSet } from './session-store.ts';

const key = (tabId: number) => `tab:${tabId}`;
const framesKey = (tabId: number) => `frames:${tabId}`;
type Frames = Record<string, TabReading>;

// Reports from several frames of one tab arrive concurrently: serialise the read-modify-write.
const queues = new Map<number, Promise<unknown>>();
function serial<T>(tabId: number, job: () => Promise<T>): Promise<T> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(job, job);
  queues.set(
    tabId,
    next.catch(() => undefined),
  );
  return next;
}

export function bestOf(frames: Frames): TabReading | undefined {
  const all = Object.values(frames);
  const top = all.find((r) => r.frameId === 0);
  if (top && top.price !== null) return top;
  const priced = all.filter((r) => r.price !== null).sort((a, b) => b.at - a.at);
  return priced[0] ?? top ?? all.sort((a, b) => b.at - a.at)[0];
}

export const getReading = (tabId: number) => sessionGet<TabReading>(key(tabId));

/** Stores a frame's report and returns the tab's best reading afterwards. */
export function putReport(
  tabId: number,
  frameId: number,
  report: PageReport,
  at: number,
): Promise<TabReading> {
  return serial(tabId, async () => {
    const frames = (await sessionGet<Frames>(framesKey(tabId))) ?? {};
    frames[String(frameId)] = { ...report, tabId, frameId, at };
    const best = bestOf(frames)!;
    await sessionSet(framesKey(tabId), frames);
    await sessionSet(key(tabId), best);
    return best;
  });
}

/**
 * A new document started in the tab's top frame: readings of the previous document are void. Frames
 * that reported in the last `keepMs` belong to the new document already (they may start first).
 */
export function startDocument(tabId: number, now: number, keepMs = 3000): Promise<void> {
  return serial(tabId, async () => {
    const frames = (await sessionGet<Frames>(framesKey(tabId))) ?? {};
    const kept: Frames = {};
    for (const [id, r] of Object.entries(frames)) if (id !== '0' && now - r.at <= keepMs) kept[id] = r;
    const best = bestOf(kept);
    await sessionSet(framesKey(tabId), kept);
    if (best) await sessionSet(key(tabId), best);
    else await sessionRemove(key(tabId));
  });
}

export const forgetTab = (tabId: number) =>
  serial(tabId, async () => {
    await sessionRemove(key(tabId));
    await sessionRemove(framesKey(tabId));
  });
