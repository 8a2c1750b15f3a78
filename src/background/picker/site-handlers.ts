/** "Read prices on <host>" messages: popup and options page → background (./site-flow.ts). */
import type { Handlers } from '../../messaging/router.ts';
import { browserPickerApi as api } from './browser-api.ts';
import { hostOfUrl } from './flow.ts';
import { disableHost, disableSite, enableHost, enableSite, siteStatus } from './site-flow.ts';

export const siteHandlers: Pick<Handlers, 'site/status' | 'site/enable' | 'site/disable' | 'sites/set'> = {
  'site/status': ({ tabId }) => siteStatus(api, tabId),
  'site/enable': ({ tabId }) => enableSite(api, tabId),
  'site/disable': ({ tabId }) => disableSite(api, tabId),
  'sites/set': async ({ host, on }) => {
    // Extension pages only (the router checks), but still a host name, not a URL or a pattern.
    if (hostOfUrl(`https://${host}/`) !== host) throw new RangeError(`not a host name: ${host}`);
    if (on) await enableHost(api, host);
    else await disableHost(api, host, on === null);
    return api.getSites();
  },
};
