import type { Handlers } from '../../messaging/router.ts';
import { getSettings, patchSettings } from '../settings/store.ts';
import { localArea } from '../storage/areas.ts';

export const settingsHandlers: Pick<Handlers, 'settings/get' | 'settings/update'> = {
  'settings/get': () => getSettings(localArea()),
  // The prepared chains and drivers are keyed by the model, so a changed setting needs no cache reset.
  'settings/update': ({ patch }) => patchSettings(localArea(), patch),
};
