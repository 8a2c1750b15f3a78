import type { Handlers } from '../../messaging/router.ts';
import { glanceOf, shownVerdict } from '../analysis/tab-glance.ts';
import { tabContext, tabLevels } from '../analysis/tab-levels.ts';
import { evaluateLive } from '../overlay/live-evaluation.ts';
import { refreshTab } from '../overlay/refresh.ts';
import { getReading } from '../state/tab-readings.ts';
import { localArea } from '../storage/areas.ts';

const failure = (e: unknown) => ({
  status: 'error' as const,
  message: e instanceof Error ? e.message : String(e),
});

export const analysisHandlers: Pick<Handlers, 'tab/analysis' | 'tab/glance'> = {
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
      return failure(e);
    }
  },
  'tab/glance': async ({ tabId, quick }) => {
    const reading = (await getReading(tabId)) ?? null;
    try {
      const now = Date.now();
      const c = await tabContext(localArea(), reading ?? undefined, now);
      if ('status' in c) return { reading, glance: c };
      const live = evaluateLive(c, now, tabId);
      const verdict =
        (quick && (await shownVerdict(tabId, c))) ||
        (await refreshTab(tabId, reading ?? undefined, now, false)).verdict;
      return { reading, glance: glanceOf(c, live, verdict ?? live.evaluation.regime) };
    } catch (e) {
      return { reading, glance: failure(e) };
    }
  },
};
