/**
 * The browser side of alerts: show a notification, focus its tab (and window) when it is clicked,
 * and give the optional `notifications` permission back when alerts are turned off.
 *
 * `notifications` is optional (least privilege): the popup asks for it inside the user's click when
 * alerts are turned on, and until it is granted `ext.notifications` does not exist. The click
 * listener is therefore added at the top level when the API is there (a worker woken by a click
 * finds it) and again when the permission is granted while the worker runs.
 */
import { ext } from '../../platform/browser.ts';

export const NOTIFICATIONS = 'notifications';
const PREFIX = 'gexfocus-alert:';

/** The notification id names the tab to focus: `gexfocus-alert:<tabId>:<instant>`. */
export const notificationId = (tabId: number, at: number): string => `${PREFIX}${tabId}:${at}`;

/** The tab a notification id names, or null for an id that is not ours. */
export function tabOfNotification(id: string): number | null {
  if (!id.startsWith(PREFIX)) return null;
  const tabId = Number(id.slice(PREFIX.length).split(':')[0]);
  return Number.isInteger(tabId) && tabId >= 0 ? tabId : null;
}

/** True when the notifications API is usable now (the permission is granted). */
export const canNotify = (): boolean => typeof ext.notifications?.create === 'function';

/** Shows a notification; false when the permission is missing or the browser refused it. */
export async function showNotification(id: string, title: string, message: string): Promise<boolean> {
  if (!canNotify()) return false;
  try {
    await ext.notifications.create(id, {
      type: 'basic',
      iconUrl: ext.runtime.getURL('icons/icon-128.png'),
      title,
      message,
    });
    return true;
  } catch {
    return false;
  }
}

/** A click on one of our notifications: bring its tab and window to the front, then clear it. */
export async function onNotificationClicked(id: string): Promise<boolean> {
  const tabId = tabOfNotification(id);
  if (tabId === null) return false;
  await ext.notifications?.clear(id).catch(() => false);
  try {
    const tab = await ext.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await ext.windows.update(tab.windowId, { focused: true });
    return true;
  } catch {
    return false; // the tab was closed since
  }
}

const onClicked = (id: string) => {
  void onNotificationClicked(id);
};

/** Adds the click listener when the API exists and it is not there yet (see the file comment). */
export function listenForClicks(): void {
  const event = ext.notifications?.onClicked;
  if (event && !event.hasListener(onClicked)) event.addListener(onClicked);
}

/** Gives the permission back (alerts turned off). */
export async function releaseNotifications(): Promise<void> {
  await ext.permissions.remove({ permissions: [NOTIFICATIONS] }).catch(() => false);
}
