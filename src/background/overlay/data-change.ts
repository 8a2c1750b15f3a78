/**
 * A change of the settings or of the saved chains (options page, popup, backup restore, another
 * window) re-evaluates every tab the background holds a reading for, at once: badge, overlay, alerts
 * and the glance the popup paints first (storage.session `live:<tab>`). Before, a tab waited for its
 * page's next price report — on a page whose price stands still (after the close, a halted symbol)
 * the badge and overlay kept the old model's verdict, and the popup painted it first.
 *
 * A change of the overlay switches also clears the tabs' own keyboard toggles first (they give way
 * to the user's new choice; ./shown.ts). Changes that arrive while a round runs are taken together
 * in one more round.
 */
import { readSettings } from '../../core/settings.ts';
import { ext, type Storage } from '../../platform/browser.ts';
import { INDEX_KEY } from '../chains/chain-index.ts';
import { SETTINGS_KEY } from '../settings/store.ts';
import { knownTabs } from '../state/tab-state.ts';
import { redrawTab } from './handlers.ts';
import { clearOverlayToggles } from './shown.ts';

const overlaySwitches = (v: unknown) => {
  const s = readSettings(v).settings;
  return JSON.stringify([s.overlay, s.overlaySites]);
};

let queued = false;
let clearToggles = false;
let rounds: Promise<void> = Promise.resolve();

/** storage.onChanged's listener: schedules one round for what changed (nothing for other keys). */
export function onDataChanged(changes: Record<string, Storage.StorageChange>, areaName: string): void {
  if (areaName !== 'local') return;
  const s = changes[SETTINGS_KEY];
  if (!s && !(INDEX_KEY in changes)) return;
  if (s && overlaySwitches(s.oldValue) !== overlaySwitches(s.newValue)) clearToggles = true;
  if (queued) return;
  queued = true;
  rounds = rounds.then(redrawAll);
}

/** The rounds scheduled so far, done (tests). */
export const dataChangesSettled = (): Promise<void> => rounds;

async function redrawAll(): Promise<void> {
  queued = false;
  const clear = clearToggles;
  clearToggles = false;
  if (clear) await clearOverlayToggles().catch(() => undefined);
  const tabs = await knownTabs().catch((): number[] => []);
  // One tab's failure (closed meanwhile, no chain any more) must not stop the others.
  await Promise.all(tabs.map((tab) => redrawTab(tab).catch(() => undefined)));
}

export function listenDataChanges(): void {
  ext.storage.onChanged.addListener(onDataChanged);
}
