/**
 * The manifest's keyboard commands (manifest.json `commands`; the user can rebind them at
 * chrome://extensions/shortcuts or in Firefox's add-on manager). `toggle-overlay` shows or hides the
 * on-page overlay on the current tab, whatever the settings say, until the overlay settings change
 * (./overlay/data-change.ts) or the tab leaves the site (./overlay/shown.ts). Registered at the top
 * level with the other listeners, so a worker woken by the command finds it.
 */
import { ext, type Tabs } from '../platform/browser.ts';
import { redrawTab, TOGGLE_OVERLAY } from './overlay/handlers.ts';
import { forgetOverlayTab, toggleOverlayOnTab } from './overlay/shown.ts';
import { getSettings } from './settings/store.ts';
import { localArea } from './storage/areas.ts';

async function currentTab(tab: Tabs.Tab | undefined): Promise<number | undefined> {
  if (tab?.id !== undefined && tab.id >= 0) return tab.id;
  const [active] = await ext.tabs.query({ active: true, lastFocusedWindow: true });
  return active?.id;
}

/** The command's work: flip the tab's overlay and draw the result at once. */
export async function toggleOverlayCommand(tab: Tabs.Tab | undefined): Promise<boolean | null> {
  const tabId = await currentTab(tab);
  if (tabId === undefined) return null;
  const { settings } = await getSettings(localArea());
  const shown = await toggleOverlayOnTab(tabId, settings);
  await redrawTab(tabId).catch(() => undefined); // no reading or chain yet: the next report draws it
  return shown;
}

export function listenCommands(): void {
  ext.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
    if (command === TOGGLE_OVERLAY) void toggleOverlayCommand(tab).catch(() => undefined);
  });
  ext.tabs.onRemoved.addListener((tabId) => {
    void forgetOverlayTab(tabId).catch(() => undefined);
  });
}
