/**
 * Background entry (Chrome service worker / Firefox event page). Listeners are registered
 * synchronously at the top level so a worker woken by an event finds them.
 */
import { listen } from '../messaging/router.ts';
import { ext } from '../platform/browser.ts';
import { listenForAlerts } from './alerts/listeners.ts';
import { listenCommands } from './commands.ts';
import { handlers } from './handlers.ts';
import { listenDataChanges } from './overlay/data-change.ts';
import { browserPickerApi } from './picker/browser-api.ts';
import { onOriginsRemoved } from './picker/site-flow.ts';
import { onTabClosed } from './tab-closed.ts';
import { registerWelcome } from './welcome.ts';

listen(handlers);
registerWelcome();
listenCommands();
listenDataChanges();

ext.tabs.onRemoved.addListener((tabId) => {
  void onTabClosed(tabId);
});

// Access to a site removed in the browser's own settings: stop reading there (see onOriginsRemoved).
ext.permissions.onRemoved.addListener(({ origins }) => {
  void onOriginsRemoved(browserPickerApi, origins ?? []);
});

listenForAlerts();
