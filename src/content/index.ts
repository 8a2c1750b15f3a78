/**
 * Content script entry (built as one standalone file: no dynamic imports). Runs in broker and charting
 * pages (untrusted) in every frame; ./page.ts decides whether this frame reads anything at all.
 */
import { startOverlay } from './overlay/index.ts';
import { startPage } from './page.ts';
import { locatedPrice } from './reader.ts';

// The background may inject this file into a tab that already runs it (picker on a new host).
const flag = '__gexfocusContent';
if (!(globalThis as Record<string, unknown>)[flag]) {
  (globalThis as Record<string, unknown>)[flag] = true;
  startPage(document, window === window.top);
  // The overlay lives in the top frame only, clear of the price this frame's reader follows. Nothing
  // aborts it: it lives as long as the page (its own abort() is for tests and teardown).
  if (window === window.top)
    startOverlay(document, () => locatedPrice(document), new AbortController().signal);
}
