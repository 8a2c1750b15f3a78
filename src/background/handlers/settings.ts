import type { Handlers } from '../../messaging/router.ts';
import { ext } from '../../platform/browser.ts';
import { forgetPrepared } from '../analysis/cache.ts';
import type { KvArea } from '../chains/store.ts';
import { getSettings, patchSettings } from '../settings/store.ts';

const area = (): KvArea => ext.storage.local as unknown as KvArea;

export const settingsHandlers: Pick<Handlers, 'settings/get' | 'settings/update'> = {
  'settings/get': () => getSettings(area()),
  'settings/update': async ({ patch }) => {
    const next = await patchSettings(area(), patch);
    forgetPrepared();
    return next;
  },
};
