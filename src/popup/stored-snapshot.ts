/**
 * The popup's first paint from storage.session: the tab's reading (`tab:<id>`) and the glance of the
 * background's last update of the tab (`live:<id>`, src/background/overlay/refresh.ts), read in one
 * get() — one round trip to the browser, no message to the background, which need not even be
 * running. Measured in headless Chromium this paints the verdict sooner than asking the background
 * (bench/popup.bench.mjs); the popup asks for a fresh glance right after (use-tab-data.ts).
 *
 * Session storage is written only by the background (pages cannot reach it), but what is stored is
 * still checked like everything read from storage: a field of the wrong type, an unknown verdict or a
 * glance that belongs to another price or symbol than the reading gives undefined, and the popup asks
 * the background as before. Checked by hand rather than with the background's zod schema for the
 * reading (state/tab-state.ts): zod is not in the popup's script and would add ~7 KB gzipped to the
 * first paint.
 */
import { tabSessionKey } from '../messaging/session-keys.ts';
import type { TabGlance, TabReading } from '../messaging/types.ts';
import { ext } from '../platform/browser.ts';
import type { Snapshot } from './use-tab-data.ts';

const REGIMES: readonly unknown[] = ['stabilizing', 'accelerating', 'transition'];
const METHODS: readonly unknown[] = ['adapter', 'generic', 'picker'];

type Fields = Record<string, unknown>;
const isObject = (x: unknown): x is Fields => typeof x === 'object' && x !== null && !Array.isArray(x);
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const str = (x: unknown): x is string => typeof x === 'string';

function readingOf(x: unknown, tabId: number): TabReading | undefined {
  if (!isObject(x) || x.tabId !== tabId) return undefined;
  const ok =
    (x.symbol === null || str(x.symbol)) &&
    (x.price === null || finite(x.price)) &&
    str(x.text) &&
    str(x.site) &&
    METHODS.includes(x.method) &&
    finite(x.confidence) &&
    typeof x.suspect === 'boolean' &&
    (x.reason === undefined || str(x.reason)) &&
    str(x.frameUrl) &&
    finite(x.frameId) &&
    finite(x.at) &&
    (x.host === undefined || str(x.host));
  return ok ? (x as unknown as TabReading) : undefined;
}

function glanceOf(x: unknown): TabGlance | undefined {
  if (!isObject(x) || x.status !== 'glance') return undefined;
  const ok =
    str(x.symbol) &&
    finite(x.pagePrice) &&
    str(x.underlying) &&
    REGIMES.includes(x.verdict) &&
    REGIMES.includes(x.regime) &&
    (x.flip === null || finite(x.flip)) &&
    finite(x.netGex) &&
    str(x.asOf) &&
    finite(x.evaluatedAt) &&
    typeof x.atSnapshot === 'boolean' &&
    Number.isInteger(x.used) &&
    str(x.scope);
  return ok ? (x as unknown as TabGlance) : undefined;
}

/** The snapshot in `items` (a storage.session get of both keys) for the tab, or undefined. */
export function snapshotFromSession(items: Fields, tabId: number): Snapshot | undefined {
  const reading = readingOf(items[tabSessionKey('reading', tabId)], tabId);
  const live = items[tabSessionKey('live', tabId)];
  const glance = isObject(live) ? glanceOf(live.glance) : undefined;
  if (!reading || !glance || reading.symbol !== glance.symbol || reading.price !== glance.pagePrice)
    return undefined;
  return { reading, glance };
}

/**
 * The tab's stored snapshot; undefined when there is none that fits, or when storage.session cannot
 * be read (the popup then asks the background, as it always could).
 */
export async function storedSnapshot(tabId: number): Promise<Snapshot | undefined> {
  performance.mark('gexfocus:stored-read');
  const keys = [tabSessionKey('reading', tabId), tabSessionKey('live', tabId)];
  let items: Fields;
  try {
    items = await ext.storage.session.get(keys);
  } catch {
    return undefined;
  }
  performance.mark('gexfocus:stored-received');
  return snapshotFromSession(items, tabId);
}
