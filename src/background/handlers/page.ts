import type { Handlers } from '../../messaging/router.ts';
import { setBadge } from '../badge.ts';
import { hostOfUrl } from '../picker/flow.ts';
import { badgeFor } from '../readings/badge-state.ts';
import { getPicker } from '../readings/pickers-store.ts';
import { isSiteEnabled } from '../readings/site-enabled.ts';
import { getReading, putReport, startDocument } from '../state/tab-readings.ts';

export const pageHandlers: Pick<Handlers, 'page/hello' | 'page/config' | 'page/report' | 'tab/reading'> = {
  'page/hello': ({ frameUrl: _ }, { tabId }) => {
    if (tabId === undefined) throw new Error('page/hello without a tab');
    return { tabId };
  },

  'page/config': async (_payload, { tabId, frameId, sender }) => {
    if (tabId === undefined) throw new Error('page/config without a tab');
    if (frameId === 0) await startDocument(tabId, Date.now());
    // Decide on the browser's view of the frame URL; the payload is only a hint.
    const host = hostOfUrl(sender.url);
    if (!host) return { enabled: false, picker: null };
    const [enabled, picker] = await Promise.all([isSiteEnabled(host), getPicker(host)]);
    return { enabled, picker };
  },

  'page/report': async (report, { tabId, frameId }) => {
    if (tabId === undefined) throw new Error('page/report without a tab');
    const best = await putReport(tabId, frameId ?? 0, report, Date.now());
    await setBadge(tabId, badgeFor(best)).catch(() => undefined); // the tab may have closed meanwhile
    return null;
  },

  'tab/reading': async ({ tabId }) => (await getReading(tabId)) ?? null,
};
