import type { Handlers } from '../../messaging/router.ts';
import { setBadge } from '../badge.ts';
import { getReading, putReading } from '../state/tab-readings.ts';

export const pageHandlers: Pick<Handlers, 'page/hello' | 'tab/reading'> = {
  'page/hello': async ({ frameUrl }, { tabId }) => {
    if (tabId === undefined) throw new Error('page/hello without a tab');
    await putReading({ tabId, frameUrl, at: Date.now() });
    await setBadge(tabId, 'connected');
    return { tabId };
  },

  'tab/reading': async ({ tabId }) => (await getReading(tabId)) ?? null,
};
