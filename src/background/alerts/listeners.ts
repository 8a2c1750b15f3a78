/**
 * Alert wiring, registered at the top level of the background:
 * - alerts turned off (from any page, or by a backup restore): the `notifications` permission is
 *   given back and the alert memory cleared, so turning them on again starts from a new baseline;
 * - the permission taken away in the browser's own settings: alerts are switched off, so no page
 *   shows them on while nothing can fire;
 * - the permission granted while the worker runs: the click listener is added.
 */
import { readSettings } from '../../core/settings.ts';
import { ext } from '../../platform/browser.ts';
import { changeSettings } from '../settings/store.ts';
import { localArea } from '../storage/areas.ts';
import { clearAlertState } from './alert-state.ts';
import { listenForClicks, NOTIFICATIONS, releaseNotifications } from './notify.ts';

const enabledIn = (value: unknown): boolean => readSettings(value).settings.alerts.enabled;

/** Called with storage.onChanged's arguments. */
export async function onSettingsChanged(
  changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
  area: string,
): Promise<void> {
  const change = changes.settings;
  if (area !== 'local' || !change) return;
  if (enabledIn(change.oldValue) && !enabledIn(change.newValue)) {
    await releaseNotifications();
    await clearAlertState();
  }
}

export async function onPermissionsRemoved(permissions: readonly string[]): Promise<void> {
  if (!permissions.includes(NOTIFICATIONS)) return;
  await changeSettings(localArea(), ({ alerts }) =>
    alerts.enabled ? { alerts: { ...alerts, enabled: false } } : {},
  );
  await clearAlertState();
}

export function listenForAlerts(): void {
  listenForClicks();
  ext.storage.onChanged.addListener((changes, area) => {
    void onSettingsChanged(changes, area);
  });
  ext.permissions.onAdded.addListener(({ permissions }) => {
    if (permissions?.includes(NOTIFICATIONS)) listenForClicks();
  });
  ext.permissions.onRemoved.addListener(({ permissions }) => {
    void onPermissionsRemoved(permissions ?? []);
  });
}
