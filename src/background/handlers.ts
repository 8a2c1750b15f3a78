/** All message handlers of the background, merged from one file per area (./handlers/*). */
import type { Handlers } from '../messaging/router.ts';
import { appHandlers } from './handlers/app.ts';
import { pageHandlers } from './handlers/page.ts';

export const handlers: Handlers = {
  ...appHandlers,
  ...pageHandlers,
};
