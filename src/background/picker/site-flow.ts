/**
 * "Read prices on <host>" / "Stop reading on <host>": reading with the generic detector on a host
 * without a built-in adapter, asked for one host at a time. The popup (or the options page) requests
 * the host permission inside the user's click; these functions do the rest with the picker's
 * mechanism (./flow.ts: one dynamic registration per host, one permission per origin).
 *
 * Decision on a host that also has a picked selector: the permission and the registration stay
 * while EITHER the site switch is on OR a pick is saved (forgetting the pick keeps them when the site
 * is on). "Stop reading" is the host's off switch, so it also forgets the pick there: a saved pick
 * would otherwise keep the content script reading (it overrides the switch), and the user asked for
 * reading on that host to stop.
 */
import { isBuiltInHost } from '../../core/built-in-hosts.ts';
import type { SiteStatus } from '../../messaging/types.ts';
import { siteEnabledFrom } from '../readings/site-enabled.ts';
import {
  ensureRegistered,
  grantedOrigins,
  hostOfUrl,
  type PickerApi,
  releaseHost,
  scriptIdOf,
} from './flow.ts';

export async function siteStatus(api: PickerApi, tabId: number): Promise<SiteStatus> {
  const url = await api.tabUrl(tabId);
  const host = hostOfUrl(url);
  if (!host) return { host, builtIn: false, enabled: false, granted: [], request: [], picked: false };
  const [sites, granted, picker] = await Promise.all([
    api.getSites(),
    grantedOrigins(api, host),
    api.getPicker(host),
  ]);
  const request = [`https://${host}/*`];
  if (url?.startsWith('http:')) request.push(`http://${host}/*`);
  return {
    host,
    builtIn: isBuiltInHost(host),
    enabled: siteEnabledFrom({ sites }, host),
    granted,
    request,
    picked: picker !== null,
  };
}

/**
 * Turns reading on for a host (options page, or the popup after its permission request). A
 * non-built-in host must hold its permission already: nothing here asks for one.
 */
export async function enableHost(api: PickerApi, host: string): Promise<void> {
  if (!isBuiltInHost(host) && (await grantedOrigins(api, host)).length === 0) {
    throw new Error(`No permission for ${host}: allow it first.`);
  }
  await ensureRegistered(api, host); // first: a failure must not leave the switch on
  await api.setSite(host, true);
}

/** Turns reading off for a host (`forget` also drops the entry, back to the host's default). */
export async function disableHost(api: PickerApi, host: string, forget = false): Promise<void> {
  await api.setSite(host, forget && !isBuiltInHost(host) ? null : false);
  await api.removePicker(host);
  await releaseHost(api, host);
}

/**
 * The content script re-reads its page/config (site switch + pick) when told `picker/forget`; where
 * none runs yet, inject it once: the registration covers the tab's later loads.
 */
async function restartReading(api: PickerApi, tabId: number): Promise<void> {
  if (!(await api.sendCommand(tabId, 'picker/forget'))) await api.injectContentScript(tabId);
}

/** The popup's "Read prices on <host>": the host comes from the browser's view of the tab. */
export async function enableSite(api: PickerApi, tabId: number): Promise<{ host: string | null }> {
  const host = hostOfUrl(await api.tabUrl(tabId));
  if (!host) return { host };
  await enableHost(api, host);
  await restartReading(api, tabId);
  return { host };
}

/** The popup's "Stop reading on <host>": off switch, pick forgotten, script and permission removed. */
export async function disableSite(api: PickerApi, tabId: number): Promise<{ host: string | null }> {
  const host = hostOfUrl(await api.tabUrl(tabId));
  if (!host) return { host };
  await disableHost(api, host);
  // The running content script stops once it re-reads its config (off, no pick).
  await api.sendCommand(tabId, 'picker/forget');
  return { host };
}

/**
 * The user took a host's access away in the browser's own settings (permissions.onRemoved). The
 * registration can no longer run there, so drop it and turn the host's switch off: the popup then
 * offers "Read prices on <host>" again instead of showing a switch that cannot work. A picked
 * selector is kept, so granting the host again brings it back. A host that still holds another
 * origin (http removed, https kept) is left as it is.
 */
export async function onOriginsRemoved(api: PickerApi, origins: readonly string[]): Promise<string[]> {
  const hosts = new Set(origins.map((o) => hostOfUrl(o)).filter((h) => h !== null));
  const released: string[] = [];
  for (const host of hosts) {
    if (isBuiltInHost(host) || (await grantedOrigins(api, host)).length > 0) continue;
    if (await api.registeredMatches(scriptIdOf(host))) await api.unregister(scriptIdOf(host));
    if ((await api.getSites())[host] === true) await api.setSite(host, false);
    released.push(host);
  }
  return released;
}
