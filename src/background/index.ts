/**
 * Background entry (Chrome service worker / Firefox event page). Listeners are registered
 * synchronously at the top level so a worker woken by an event finds them.
 */
import { listen } from '../messaging/router.ts';
import { ext } from '../platform/browser.ts';
import { handlers } from './handlers.ts';
import { forgetTab } from './state/tab-readings.ts';

listen(handlers);

ext.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
});
