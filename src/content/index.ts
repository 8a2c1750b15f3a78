/**
 * Content script entry: runs in broker and charting pages (untrusted). Kept tiny: it announces
 * itself to the background; price reading lives in its own modules.
 */
import { send } from '../messaging/send.ts';

void send('page/hello', { frameUrl: location.href }).catch(() => {
  // The background may be restarting; the next report will reach it.
});
