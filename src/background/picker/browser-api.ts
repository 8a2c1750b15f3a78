/** The real PickerApi: scripting, permissions and tabs messaging of the running browser. */
import type { CommandEnvelope, ContentCommand } from '../../messaging/protocol.ts';
import { ext } from '../../platform/browser.ts';
import { getPicker, removePicker, savePicker } from '../readings/pickers-store.ts';
import { changeSettings, getSettings } from '../settings/store.ts';
import { localArea } from '../storage/areas.ts';
import type { PickerApi } from './flow.ts';

/**
 * The built content script's path, as the manifest names it (crxjs rewrites the source path).
 * Firefox's getManifest() gives it as a full moz-extension:// URL, which registerContentScripts
 * refuses ("must be a relative URL"): keep the path inside the extension.
 */
function contentScriptFile(): string {
  const file = ext.runtime.getManifest().content_scripts?.[0]?.js?.[0];
  if (!file) throw new Error('manifest has no content script');
  const base = ext.runtime.getURL('');
  return file.startsWith(base) ? file.slice(base.length) : file.replace(/^\//, '');
}

async function command(tabId: number, name: ContentCommand): Promise<unknown> {
  const message: CommandEnvelope = { gexfocus: 1, command: name };
  try {
    return await ext.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch {
    return undefined; // "Receiving end does not exist": no content script in that frame
  }
}

export const browserPickerApi: PickerApi = {
  async tabUrl(tabId) {
    // tabs.get shows the URL only with activeTab or a host permission; content-script matches do not
    // count in Chromium, so ask our content script in the top frame when the URL is hidden.
    const url = (await ext.tabs.get(tabId)).url;
    if (url) return url;
    const reply = await command(tabId, 'page/url');
    return typeof reply === 'string' ? reply : undefined;
  },
  sendCommand: async (tabId, name) => (await command(tabId, name)) === true,
  async injectContentScript(tabId) {
    await ext.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [contentScriptFile()] });
  },
  hasOrigin: (origin) => ext.permissions.contains({ origins: [origin] }),
  async removeOrigin(origin) {
    await ext.permissions.remove({ origins: [origin] }).catch(() => false);
  },
  async registeredMatches(id) {
    const [script] = await ext.scripting.getRegisteredContentScripts({ ids: [id] });
    return script ? (script.matches ?? []) : null;
  },
  async register({ id, matches }) {
    await ext.scripting.registerContentScripts([
      {
        id,
        matches,
        js: [contentScriptFile()],
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
  },
  async unregister(id) {
    await ext.scripting.unregisterContentScripts({ ids: [id] });
  },
  getPicker: (host) => getPicker(localArea(), host),
  savePicker: (host, picker) => savePicker(localArea(), host, picker),
  removePicker: (host) => removePicker(localArea(), host),
  getSites: async () => (await getSettings(localArea())).settings.sites,
  async setSite(host, on) {
    // One entry of the map, computed inside the write queue from the sites as they are then.
    await changeSettings(localArea(), ({ sites }) => {
      const { [host]: _old, ...rest } = sites;
      return { sites: on === null ? rest : { ...rest, [host]: on } };
    });
  },
};
