/**
 * First run: the welcome page opens once, when the extension is installed — not on an update or a
 * browser update (issue 10 item 7), so nobody is greeted twice.
 */
import { ext } from '../platform/browser.ts';

export const WELCOME_PAGE = 'src/welcome/index.html';

/** What onInstalled does for a reason ('install' | 'update' | 'browser_update' | …). */
export async function onInstalled(
  details: { reason: string },
  openTab: (url: string) => Promise<unknown> = (url) => ext.tabs.create({ url }),
): Promise<void> {
  if (details.reason !== 'install') return;
  await openTab(ext.runtime.getURL(WELCOME_PAGE));
}

export function registerWelcome(): void {
  ext.runtime.onInstalled.addListener((details) => {
    void onInstalled(details).catch(() => undefined);
  });
}
