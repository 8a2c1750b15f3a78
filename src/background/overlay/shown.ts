/**
 * Is the overlay shown on a tab? The tab's own toggle (the keyboard command, or "Hide on this tab"),
 * else the site's switch (settings.overlaySites, nearest domain first, as settings.sites is read),
 * else the global switch (settings.overlay).
 *
 * Per tab, in storage.session `overlay:<tabId>` (the worker can stop between two ticks): the host of
 * the tab's top frame, taken from the browser's sender.url when the overlay starts there, and the
 * toggle. The toggle belongs to that host: a tab that navigates to another site starts from the
 * settings again, and a change of the overlay settings clears every toggle (the user's latest word
 * wins). The Map is a cache; storage.session is the truth.
 */
import * as z from 'zod/mini';
import type { Settings } from '../../core/settings.ts';
import { sessionArea } from '../storage/areas.ts';
import { serialWrite } from '../storage/serial.ts';

export interface OverlayTab {
  /** The top frame's host (null: no overlay started in this tab yet). */
  host: string | null;
  /** The tab's toggle; absent = follow the settings. */
  shown?: boolean;
}

const PREFIX = 'overlay:';
const keyOf = (tabId: number) => `${PREFIX}${tabId}`;
const cache = new Map<number, OverlayTab>();
/** Bumped when every toggle is cleared: a read that started before must not cache the old value. */
let generation = 0;
const STORED = z.object({
  host: z.nullable(z.string().check(z.maxLength(253))),
  shown: z.optional(z.boolean()),
});

/** The site switch for a host (exact host, then each parent domain), else the global switch. */
export function overlayWantedOn(settings: Pick<Settings, 'overlay' | 'overlaySites'>, host: string | null) {
  if (host) {
    const labels = host.split('.');
    for (let i = 0; i < labels.length - 1; i++) {
      const flag = settings.overlaySites[labels.slice(i).join('.')];
      if (typeof flag === 'boolean') return flag;
    }
  }
  return settings.overlay;
}

async function getTab(tabId: number): Promise<OverlayTab> {
  const hit = cache.get(tabId);
  if (hit) return hit;
  const gen = generation;
  // Validated like every stored structure: a damaged entry is "no toggle" rather than an exception.
  const parsed = STORED.safeParse((await sessionArea().get(keyOf(tabId)))[keyOf(tabId)]);
  const t: OverlayTab = parsed.success ? parsed.data : { host: null };
  if (gen === generation) cache.set(tabId, t);
  return t;
}

function putTab(tabId: number, t: OverlayTab): Promise<void> {
  cache.set(tabId, t);
  return serialWrite(sessionArea(), () => sessionArea().set({ [keyOf(tabId)]: t }));
}

/** Whether the tab shows the overlay now. */
export async function overlayShownOn(tabId: number, settings: Settings): Promise<boolean> {
  const t = await getTab(tabId);
  return t.shown ?? overlayWantedOn(settings, t.host);
}

/** The overlay started in the tab's top frame on `host`: another site drops the tab's toggle. */
export async function overlayStarted(tabId: number, host: string | null): Promise<void> {
  const t = await getTab(tabId);
  if (t.host !== host) await putTab(tabId, { host });
}

/** Sets the tab's toggle: shown (true), hidden (false). */
export async function setOverlayOnTab(tabId: number, shown: boolean): Promise<void> {
  const t = await getTab(tabId);
  await putTab(tabId, { host: t.host, shown });
}

/** Flips what the tab shows now; returns the new state. */
export async function toggleOverlayOnTab(tabId: number, settings: Settings): Promise<boolean> {
  const shown = !(await overlayShownOn(tabId, settings));
  await setOverlayOnTab(tabId, shown);
  return shown;
}

export function forgetOverlayTab(tabId: number): Promise<void> {
  cache.delete(tabId);
  return serialWrite(sessionArea(), () => sessionArea().remove(keyOf(tabId)));
}

/** The overlay settings changed: every tab follows them again (hosts are kept). */
export function clearOverlayToggles(): Promise<void> {
  generation++;
  cache.clear();
  return serialWrite(sessionArea(), async () => {
    const all = await sessionArea().get(null);
    const next: Record<string, OverlayTab> = {};
    for (const [key, value] of Object.entries(all)) {
      if (!key.startsWith(PREFIX)) continue;
      const host = (value as OverlayTab | null)?.host;
      next[key] = { host: typeof host === 'string' ? host : null };
    }
    if (Object.keys(next).length > 0) await sessionArea().set(next);
    generation++;
    cache.clear();
  });
}
