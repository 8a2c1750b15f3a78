import type { Handlers } from '../../messaging/router.ts';
import { tabLevels } from '../analysis/tab-levels.ts';
import { refreshTab } from '../overlay/refresh.ts';
import { getReading } from '../state/tab-readings.ts';
import { localArea } from '../storage/areas.ts';

export const analysisHandlers: Pick<Handlers, 'tab/analysis'> = {
  'tab/analysis': async ({ tabId }) => {
    try {
      const reading = await getReading(tabId);
      const now = Date.now();
      const levels = await tabLevels(localArea(), reading, now);
      if (levels.status !== 'ok') return levels;
      // The word the badge and the overlay show (hysteresis), next to this evaluation's raw regime.
      const { verdict } = await refreshTab(tabId, reading, now, true);
      return verdict ? { ...levels, verdict } : levels;
    } catch (e) {
      return { status: 'error', message: e instanceof Error ? e.message : String(e) };
    }
  },
};
