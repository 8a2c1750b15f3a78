import type { Handlers } from '../../messaging/router.ts';
import { forgetBadge } from '../badge.ts';
import { refreshTab } from '../overlay/refresh.ts';
import { hostOfUrl } from '../picker/flow.ts';
import { getPicker } from '../readings/pickers-store.ts';
import { isSiteEnabled } from '../readings/site-enabled.ts';
import { coalesce } from '../state/coalesce.ts';
import { currentReading, getReading, putReport, startDocument } from '../state/tab-readings.ts';
import { localArea } from '../storage/areas.ts';

export const pageHandlers: Pick<
  Handlers,
  'page/hello' | 'page/config' | 'page/report' | 'page/overlay' | 'tab/reading'
> = {
  'page/hello': ({ frameUrl: _ }, { tabId }) => {
    if (tabId === undefined) throw new Error('page/hello without a tab');
    return { tabId };
  },

  'page/config': async (_payload, { tabId, frameId, sender }) => {
    if (tabId === undefined) throw new Error('page/config without a tab');
    if (frameId === 0) {
      await startDocument(tabId, Date.now());
      forgetBadge(tabId); // a new document: the browser may have reset the tab's badge
    }
    // Decide on the browser's view of the frame URL; the payload is only a hint.
    const host = hostOfUrl(sender.url);
    if (!host) return { enabled: false, picker: null };
    const [enabled, picker] = await Promise.all([
      isSiteEnabled(localArea(), host),
      getPicker(localArea(), host),
    ]);
    return { enabled, picker };
  },

  'page/report': async (report, { tabId, frameId, sender }) => {
    if (tabId === undefined) throw new Error('page/report without a tab');
    const frame = frameId ?? 0;
    const best = await putReport(tabId, frame, report, sender.url, Date.now());
    // Only the frame the tab's reading comes from moves the verdict, badge and overlay. While an
    // update runs, this report only makes sure one more runs after it, on the latest reading.
    if (best?.frameId === frame)
      await coalesce(tabId, () => refreshTab(tabId, currentReading(tabId), Date.now(), true));
    return null;
  },

  'page/overlay': async (_payload, { tabId, frameId }) => {
    if (tabId === undefined || frameId !== 0) return null;
    return (await refreshTab(tabId, await getReading(tabId), Date.now(), false)).view;
  },

  'tab/reading': async ({ tabId }) => (await getReading(tabId)) ?? null,
};
