import type { Handlers } from '../../messaging/router.ts';
import { ext } from '../../platform/browser.ts';

const startedAt = Date.now();

export const appHandlers: Pick<Handlers, 'app/ping'> = {
  'app/ping': () => ({ version: ext.runtime.getManifest().version, startedAt }),
};
