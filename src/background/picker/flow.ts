/**
 * The picker's background side, over an injected API so the permission/registration logic is unit
 * tested with a fake (headless browsers cannot click permission prompts).
 *
 * - start: message the tab's content script; where none runs (a host without an adapter), inject it
 *   into the top frame (activeTab after the popup click, or the host permission just granted).
 * - picked: save the selectors for the host; on a non-built-in host with its permission granted,
 *   register a persistent dynamic content script so the reading survives reloads.
 * - forget: remove the selectors; the registration and the optional host permission go too unless
 *   the user also turned reading on for that host (./site-flow.ts), which still needs them.
 */
import { isBuiltInHost } from '../../core/built-in-hosts.ts';
import type { ContentCommand } from '../../messaging/protocol.ts';
import type { SavedPicker } from '../../messaging/types.ts';

export interface PickerApi {
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Sends a command to the tab's top-frame content script; false when nothing listens there. */
  sendCommand(tabId: number, command: ContentCommand): Promise<boolean>;
  injectContentScript(tabId: number): Promise<void>;
  hasOrigin(origin: string): Promise<boolean>;
  removeOrigin(origin: string): Promise<void>;
  /** The match patterns of a registered dynamic script, or null when none has that id. */
  registeredMatches(id: string): Promise<string[] | null>;
  register(script: { id: string; matches: string[] }): Promise<void>;
  unregister(id: string): Promise<void>;
  getPicker(host: string): Promise<SavedPicker | null>;
  savePicker(host: string, picker: SavedPicker): Promise<void>;
  removePicker(host: string): Promise<boolean>;
  /** settings.sites (host → reading on/off), validated. */
  getSites(): Promise<Record<string, boolean>>;
  /** Sets one host's switch in settings.sites (null removes the entry: back to the default). */
  setSite(host: string, on: boolean | null): Promise<void>;
}

/** The https origin: what a picked or enabled host is asked for. */
export const originOf = (host: string) => `https://${host}/*`;
/** Both origins a host may hold; http only when the page asking was served over http. */
export const originsOf = (host: string) => [`https://${host}/*`, `http://${host}/*`];
export const scriptIdOf = (host: string) => `gexfocus-picked-${host}`;

export function hostOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.hostname : null;
  } catch {
    return null;
  }
}

export async function startPicking(api: PickerApi, tabId: number): Promise<boolean> {
  if (!hostOfUrl(await api.tabUrl(tabId))) return false;
  if (await api.sendCommand(tabId, 'picker/start')) return true;
  await api.injectContentScript(tabId);
  // The injected script registers its listener synchronously, so one retry after injection suffices.
  return api.sendCommand(tabId, 'picker/start');
}

export async function savePicked(
  api: PickerApi,
  host: string,
  picked: { selectors: string[]; sample: string },
  now: number,
): Promise<boolean> {
  await api.savePicker(host, { selectors: picked.selectors, sample: picked.sample, savedAt: now });
  await ensureRegistered(api, host);
  return true;
}

/** The origins of a host the user granted (https, and http if it was asked for on an http page). */
export async function grantedOrigins(api: PickerApi, host: string): Promise<string[]> {
  const all = originsOf(host);
  const held = await Promise.all(all.map((o) => api.hasOrigin(o)));
  return all.filter((_, i) => held[i]);
}

/**
 * Registers the dynamic content script for a non-built-in host whose permission was granted, on
 * every granted origin (re-registered when an http grant was added later). The one mechanism behind
 * both the picker and "Read prices on <host>".
 */
export async function ensureRegistered(api: PickerApi, host: string): Promise<boolean> {
  if (isBuiltInHost(host)) return false;
  const matches = await grantedOrigins(api, host);
  if (matches.length === 0) return false;
  const id = scriptIdOf(host);
  const current = await api.registeredMatches(id);
  if (current && current.length === matches.length && matches.every((m) => current.includes(m))) return true;
  if (current) await api.unregister(id);
  await api.register({ id, matches });
  return true;
}

/** Removes the dynamic script and the optional permissions of a non-built-in host. */
export async function releaseHost(api: PickerApi, host: string): Promise<void> {
  if (isBuiltInHost(host)) return; // manifest hosts: nothing registered, nothing optional to remove
  if (await api.registeredMatches(scriptIdOf(host))) await api.unregister(scriptIdOf(host));
  for (const origin of await grantedOrigins(api, host)) await api.removeOrigin(origin);
}

export async function forgetPicked(api: PickerApi, tabId: number): Promise<boolean> {
  const host = hostOfUrl(await api.tabUrl(tabId));
  if (!host) return false;
  const removed = await api.removePicker(host);
  await api.sendCommand(tabId, 'picker/forget');
  // "Read prices on <host>" still needs the script and the permission: keep them while it is on.
  if ((await api.getSites())[host] !== true) await releaseHost(api, host);
  return removed;
}
