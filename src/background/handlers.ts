/** All message handlers of the background, merged from one file per area (./handlers/*). */
import type { Handlers } from '../messaging/router.ts';
import { analysisHandlers } from './handlers/analysis.ts';
import { appHandlers } from './handlers/app.ts';
import { chainHandlers } from './handlers/chains.ts';
import { pageHandlers } from './handlers/page.ts';
import { settingsHandlers } from './handlers/settings.ts';
import { overlayHandlers } from './overlay/handlers.ts';
import { pickerHandlers } from './picker/handlers.ts';
import { siteHandlers } from './picker/site-handlers.ts';

export const handlers: Handlers = {
  ...appHandlers,
  ...pageHandlers,
  ...chainHandlers,
  ...settingsHandlers,
  ...analysisHandlers,
  ...pickerHandlers,
  ...siteHandlers,
  ...overlayHandlers,
};
