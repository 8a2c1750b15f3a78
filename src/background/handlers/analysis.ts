import type { Handlers } from '../../messaging/router.ts';
import { ext } from '../../platform/browser.ts';
import { tabLevels } from '../analysis/tab-levels.ts';
import type { KvArea } from '../chains/store.ts';
import { getReading } from '../state/tab-readings.ts';

export const analysisHandlers: Pick<Handlers, 'tab/analysis'> = {
  'tab/analysis': async ({ tabId }) => {
    try {
      return await tabLevels(ext.storage.local as unknown as KvArea, await getReading(tabId), Date.now());
    } catch (e) {
      return { status: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  },
};
