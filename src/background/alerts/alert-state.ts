/**
 * What the alerts remember (../../core/alerts.ts), in storage.session under `alerts` so it holds when
 * the browser stops the worker between two ticks: per symbol the settled regime, each level's side
 * and the last alert; the instants of the last hour's alerts (the cap); the last alert shown and the
 * last one held back (what the popup or a test can show). Validated on read; anything unreadable
 * starts afresh (a new baseline, never a false alert).
 *
 * The memory copy is the working state (loaded once per worker); a save writes the whole state and
 * runs in the session area's write queue, at most one queued at a time (it writes the latest).
 *
 * Turning alerts off clears the state (./listeners.ts), and nothing may write it back afterwards. A
 * check works from settings read when its tab's evaluation began (../overlay/refresh.ts); one that
 * began just before the switch would save after the clear and leave a memory that the next turn-on
 * would take as its baseline (the alerts E2E saw the key stay after the switch, in CI). So a save
 * reads the switch again inside the queue and writes only while alerts are on; the clear's removal
 * is queued after the settings were written, so it runs after any save that still saw them on.
 */
import * as z from 'zod/mini';
import type { SymbolMemory } from '../../core/alerts.ts';
import { getSettings } from '../settings/store.ts';
import { localArea, sessionArea } from '../storage/areas.ts';
import { serialWrite } from '../storage/serial.ts';

export const ALERTS_KEY = 'alerts';

export interface ShownAlert {
  at: number;
  /** The chain's underlying the cool-down counts for. */
  symbol: string;
  tabId: number;
  title: string;
  message: string;
  /** The notification's id (it names the tab to focus on a click). */
  id: string;
}

export interface HeldAlert {
  at: number;
  symbol: string;
  reason: 'cooldown' | 'cap' | 'no-permission';
  /** What would have been said. */
  title: string;
}

export interface AlertState {
  version: 1;
  symbols: Record<string, SymbolMemory>;
  sent: number[];
  last: ShownAlert | null;
  held: HeldAlert | null;
}

const side = z.nullable(z.enum(['above', 'below']));
const mark = z.object({ level: z.number(), side });
const regime = z.nullable(z.enum(['stabilizing', 'accelerating']));
const text = z.string().check(z.maxLength(1000));
const schema = z.object({
  version: z.literal(1),
  symbols: z.record(
    z.string().check(z.maxLength(32)),
    z.object({
      regime,
      levels: z.object({ flip: z.optional(mark), callWall: z.optional(mark), putWall: z.optional(mark) }),
      lastAlertAt: z.number(),
    }),
  ),
  sent: z.array(z.number()).check(z.maxLength(500)),
  last: z.nullable(
    z.object({
      at: z.number(),
      symbol: text,
      tabId: z.number(),
      title: text,
      message: text,
      id: text,
    }),
  ),
  held: z.nullable(
    z.object({
      at: z.number(),
      symbol: text,
      reason: z.enum(['cooldown', 'cap', 'no-permission']),
      title: text,
    }),
  ),
});

const empty = (): AlertState => ({ version: 1, symbols: {}, sent: [], last: null, held: null });

/** A stored value as AlertState; anything invalid is a fresh state. */
export function parseAlertState(raw: unknown): AlertState {
  const parsed = schema.safeParse(raw);
  return parsed.success ? (parsed.data as AlertState) : empty();
}

let state: AlertState | null = null;
let loading: Promise<AlertState> | null = null;
let queuedSave: Promise<boolean> | null = null;

/** The alert state (storage.session, read once per worker). */
export function alertState(): Promise<AlertState> {
  if (state) return Promise.resolve(state);
  loading ??= sessionArea()
    .get(ALERTS_KEY)
    .then((items) => {
      state ??= parseAlertState(items[ALERTS_KEY]);
      loading = null;
      return state;
    });
  return loading;
}

/**
 * Saves the current state (the latest when the write runs; one save queued at most). Resolves false
 * when alerts were off by then: nothing was written and the memory is forgotten.
 */
export function saveAlertState(): Promise<boolean> {
  if (queuedSave) return queuedSave;
  const area = sessionArea();
  const save: Promise<boolean> = serialWrite(area, async () => {
    if (queuedSave === save) queuedSave = null;
    if (!(await getSettings(localArea())).settings.alerts.enabled) {
      state = empty(); // what a check that began before the switch observed is not kept either
      return false;
    }
    if (state) await area.set({ [ALERTS_KEY]: state });
    return true;
  }).catch(() => true);
  queuedSave = save;
  return save;
}

/** Forgets everything (alerts turned off): the next look at each symbol is a new baseline. */
export function clearAlertState(): Promise<void> {
  state = empty();
  const area = sessionArea();
  return serialWrite(area, () => area.remove(ALERTS_KEY)).catch(() => undefined);
}
