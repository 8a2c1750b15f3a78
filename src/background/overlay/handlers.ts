/**
 * The overlay's messages from the tab's top frame (src/content/overlay/). The site is the browser's
 * sender.url, never the payload; only the top frame may speak for the tab's overlay.
 */
import type { Handlers } from '../../messaging/router.ts';
import { ext } from '../../platform/browser.ts';
import { hostOfUrl } from '../picker/flow.ts';
import { getReading } from '../state/tab-readings.ts';
import { localArea } from '../storage/areas.ts';
import { getPlace, savePlace } from './places.ts';
import { refreshTab } from './refresh.ts';
import { overlayStarted, setOverlayOnTab } from './shown.ts';

/** The manifest command that shows or hides the overlay on the current tab (manifest.json `commands`). */
export const TOGGLE_OVERLAY = 'toggle-overlay';

function topFrame(type: string, tabId: number | undefined, frameId: number | undefined): number {
  if (tabId === undefined || frameId !== 0) throw new Error(`${type}: only a tab's top frame has an overlay`);
  return tabId;
}

/** The toggle command's key as the browser shows it (the user may have changed or removed it). */
export async function toggleShortcut(): Promise<string | null> {
  const commands = await ext.commands.getAll().catch(() => []);
  return commands.find((c) => c.name === TOGGLE_OVERLAY)?.shortcut || null;
}

/** Pushes the tab's overlay state at once (after a toggle), as a price report would. */
export async function redrawTab(tabId: number): Promise<void> {
  await refreshTab(tabId, await getReading(tabId), Date.now(), true);
}

export const overlayHandlers: Pick<Handlers, 'overlay/start' | 'overlay/place' | 'overlay/hide'> = {
  'overlay/start': async (_payload, { tabId, frameId, sender }) => {
    const tab = topFrame('overlay/start', tabId, frameId);
    const host = hostOfUrl(sender.url);
    await overlayStarted(tab, host);
    const [place, shortcut] = await Promise.all([
      host ? getPlace(localArea(), host) : null,
      toggleShortcut(),
    ]);
    return { place, shortcut };
  },

  'overlay/place': async (place, { tabId, frameId, sender }) => {
    topFrame('overlay/place', tabId, frameId);
    const host = hostOfUrl(sender.url);
    if (!host) throw new Error('overlay/place: the page has no site');
    await savePlace(localArea(), host, place, Date.now());
    return null;
  },

  'overlay/hide': async (_payload, { tabId, frameId }) => {
    const tab = topFrame('overlay/hide', tabId, frameId);
    await setOverlayOnTab(tab, false);
    await redrawTab(tab);
    return null;
  },
};
