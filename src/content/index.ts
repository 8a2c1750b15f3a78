/**
 * Content script entry (built as one standalone file: no dynamic imports). Runs in broker and charting
 * pages (untrusted) in every frame; ./page.ts decides whether this frame reads anything at all.
 */
import { startPage } from './page.ts';

// The background may inject this file into a tab that already runs it (picker on a new host).
const flag = '__gexfocusContent';
if (!(globalThis as Record<string, unknown>)[flag]) {
  (globalThis as Record<string, unknown>)[flag] = true;
  startPage(document, window === window.top);
}
