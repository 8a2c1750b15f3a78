/**
 * What the background keeps per tab (every frame's latest reading, the best one, the live verdict)
 * in memory, mirrored to storage.session so a stopped worker finds it again:
 *   `tab:<id>` the best frame's reading (what the popup shows), `frames:<id>` every frame's latest,
 *   `live:<id>` the verdict with hysteresis and the last overlay view pushed (../overlay/tab-verdict.ts).
 *
 * A page ticks up to 20 times a second and each report used to cost three session writes (issue 9).
 * Now the memory copy is the working state and the session copy is written at most once per 250 ms
 * per tab, all changed keys in one set() (a trailing write catches the last change; the browser stops
 * an idle worker only after ~30 s, long after that). The memory copy is loaded from storage.session
 * the first time this worker instance touches the tab.
 *
 * A closed tab's entry, timer and session keys are dropped, and late reports for it are ignored.
 */
import * as z from 'zod/mini';
import { pageReportSchema } from '../../messaging/schemas.ts';
import { type TabPart, tabOfSessionKey, tabSessionKey } from '../../messaging/session-keys.ts';
import type { TabReading } from '../../messaging/types.ts';
import { sessionArea } from '../storage/areas.ts';
import { serialWrite } from '../storage/serial.ts';

/** At most one session write per tab per this many ms. */
export const FLUSH_MS = 250;

export type Frames = Record<string, TabReading>;

/** Every session key of a tab, in TabEntry's order (reading, frames, live). */
const keysOf = (tabId: number) =>
  (['reading', 'frames', 'live'] as const).map((p) => tabSessionKey(p, tabId));

export interface TabEntry<Live = unknown> {
  frames: Frames;
  reading: TabReading | undefined;
  live: Live | undefined;
}

interface Slot {
  entry: TabEntry;
  dirty: Set<TabPart>;
  lastFlush: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The tab's last flush, so a caller can wait for it. */
  flushed: Promise<void>;
}

const slots = new Map<number, Slot>();
const loading = new Map<number, Promise<Slot>>();
/** Tabs closed in this worker's life (ids are not reused within a browser session). */
const closed = new Set<number>();
const CLOSED_KEPT = 1000;

// What was stored is validated like everything else read from storage: a part that does not pass
// is dropped (the next report rebuilds it), never used.
const readingSchema = z.extend(pageReportSchema, {
  tabId: z.number(),
  frameId: z.number(),
  at: z.number(),
  host: z.optional(z.string().check(z.maxLength(253))),
  frameUrl: z.string().check(z.maxLength(4096)),
});
const framesSchema = z.record(z.string().check(z.regex(/^\d+$/)), readingSchema);
const liveSchema = z.looseObject({
  key: z.string(),
  verdict: z.nullable(z.enum(['stabilizing', 'accelerating', 'transition'])),
  sent: z.nullable(z.looseObject({})),
  sentAt: z.number(),
  delivered: z.boolean(),
});
const valid = <T>(schema: z.ZodMiniType<T>, raw: unknown): T | undefined => {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
};

/** A stored reading, validated (undefined when absent or invalid). */
export const storedReading = (raw: unknown): TabReading | undefined =>
  valid(readingSchema, raw) as TabReading | undefined;

async function load(tabId: number): Promise<Slot> {
  const keys = keysOf(tabId);
  const items = await sessionArea().get(keys);
  const entry: TabEntry = {
    reading: storedReading(items[keys[0]!]),
    frames: (valid(framesSchema, items[keys[1]!]) as Frames | undefined) ?? {},
    live: valid(liveSchema, items[keys[2]!]),
  };
  return { entry, dirty: new Set(), lastFlush: 0, timer: undefined, flushed: Promise.resolve() };
}

/** The tab's entry (loaded from storage.session once); null for a tab that was closed. */
export async function tabEntry(tabId: number): Promise<TabEntry | null> {
  if (closed.has(tabId)) return null;
  const ready = slots.get(tabId);
  if (ready) return ready.entry;
  let pending = loading.get(tabId);
  if (!pending) {
    pending = load(tabId).then((slot) => {
      loading.delete(tabId);
      if (closed.has(tabId)) return slot;
      // Someone may have created it meanwhile (not possible today: only this function does).
      const existing = slots.get(tabId);
      if (existing) return existing;
      slots.set(tabId, slot);
      return slot;
    });
    loading.set(tabId, pending);
  }
  const slot = await pending;
  return closed.has(tabId) ? null : slot.entry;
}

/** The entry if this worker has it in memory already (no storage access). */
export const loadedEntry = (tabId: number): TabEntry | undefined => slots.get(tabId)?.entry;

/** Marks parts of the tab's entry as changed: they reach storage.session within FLUSH_MS. */
export function touch(tabId: number, ...parts: TabPart[]): void {
  const slot = slots.get(tabId);
  if (!slot) return;
  for (const p of parts) slot.dirty.add(p);
  if (slot.timer !== undefined) return;
  const wait = Math.max(0, slot.lastFlush + FLUSH_MS - Date.now());
  slot.timer = setTimeout(() => {
    slot.timer = undefined;
    void flush(tabId);
  }, wait);
}

/** Writes the tab's changed parts now (one set(), plus a remove for parts that became empty). */
export function flush(tabId: number): Promise<void> {
  const slot = slots.get(tabId);
  if (!slot) return Promise.resolve();
  if (slot.timer !== undefined) {
    clearTimeout(slot.timer);
    slot.timer = undefined;
  }
  if (slot.dirty.size === 0) return slot.flushed;
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const part of slot.dirty) {
    const value = slot.entry[part];
    if (value === undefined) remove.push(tabSessionKey(part, tabId));
    else set[tabSessionKey(part, tabId)] = value;
  }
  slot.dirty.clear();
  slot.lastFlush = Date.now();
  const area = sessionArea();
  slot.flushed = serialWrite(area, async () => {
    if (closed.has(tabId)) return;
    if (Object.keys(set).length > 0) await area.set(set);
    if (remove.length > 0) await area.remove(remove);
  }).catch(() => undefined); // a failed write is retried with the next change
  return slot.flushed;
}

/** Forgets a closed tab: memory, timer, session keys; later reports for it are ignored. */
export function forgetTabState(tabId: number): Promise<void> {
  closed.add(tabId);
  if (closed.size > CLOSED_KEPT) closed.delete(closed.values().next().value!);
  const slot = slots.get(tabId);
  if (slot?.timer !== undefined) clearTimeout(slot.timer);
  slots.delete(tabId);
  const area = sessionArea();
  const keys = keysOf(tabId);
  return serialWrite(area, () => area.remove(keys)).catch(() => undefined);
}

/** How many tabs this worker holds in memory (tests: pruning). */
export const heldTabs = (): number => slots.size + loading.size;

/**
 * Every open tab the background holds a reading for: those in this worker's memory and those only in
 * storage.session (a worker just started has not loaded them yet). Closed tabs are left out.
 */
export async function knownTabs(): Promise<number[]> {
  const ids = new Set(slots.keys());
  for (const key of Object.keys(await sessionArea().get(null))) {
    const id = tabOfSessionKey('reading', key);
    if (id !== undefined) ids.add(id);
  }
  return [...ids].filter((id) => !closed.has(id));
}
