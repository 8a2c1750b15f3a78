/**
 * The picker's background side, over an injected API so the permission/registration logic is unit
 * tested with a fake (headless browsers cannot click permission prompts).
 *
 * - start: message the tab's content script; where none runs (a host without an adapter), inject it
 *   into the top frame (activeTab after the popup click, or the host permission just granted).
 * - picked: save the selectors for the host; on a non-built-in host with its permission granted,
 *   register a persistent dynamic content script so the reading survives reloads.
 * - forget: remove the selectors, the registration, and the optional host permission.
 */
import { isBuiltInHost } from '../../content/adapters/registry.ts';
import type { ContentCommand } from '../../messaging/protocol.ts';
import type { SavedPicker } from '../../messaging/types.ts';

export interface PickerApi {
  tabUrl(tabId: number): Promise<string | undefined>;
  /** Sends a command to the tab's top-frame content script; false when nothing listens there. */
  sendCommand(tabId: number, command: ContentCommand): Promise<boolean>;
  injectContentScript(tabId: number): Promise<void>;
  hasOrigin(origin: string): Promise<boolean>;
  removeOrigin(origin: string): Promise<void>;
  isRegistered(id: string): Promise<boolean>;
  register(script: { id: string; matches: string[] }): Promise<void>;
  unregister(id: string): Promise<void>;
  getPicker(host: string): Promise<SavedPicker | null>;
  savePicker(host: string, picker: SavedPicker): Promise<void>;
  removePicker(host: string): Promise<boolean>;
}

export const originOf = (host: string) => `https://${host}/*`;
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

/** Registers the dynamic content script for a non-built-in host whose permission was granted. */
export async function ensureRegistered(api: PickerApi, host: string): Promise<boolean> {
  if (isBuiltInHost(host)) return false;
  if (!(await api.hasOrigin(originOf(host)))) return false;
  if (await api.isRegistered(scriptIdOf(host))) return true;
  await api.register({ id: scriptIdOf(host), matches: [originOf(host)] });
  return true;
}

export async function forgetPicked(api: PickerApi, tabId: number): Promise<boolean> {
  const host = hostOfUrl(await api.tabUrl(tabId));
  if (!host) return false;
  const removed = await api.removePicker(host);
  await api.sendCommand(tabId, 'picker/forget');
  if (!isBuiltInHost(host)) {
    if (await api.isRegistered(scriptIdOf(host))) await api.unregister(scriptIdOf(host));
    // Optional permissions only; required (manifest) hosts cannot be removed and are never asked for.
    if (await api.hasOrigin(originOf(host))) await api.removeOrigin(originOf(host));
  }
  return removed;
}
