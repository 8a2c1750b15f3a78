/**
 * The browser's storage areas as KvArea objects, one per area for the worker's lifetime: the write
 * queue (./serial.ts) is keyed by the object, so everyone must get the same one. Each also keeps
 * parsed values of hot keys (./read-cache.ts), dropped on every write through it and on
 * storage.onChanged.
 */
import { ext } from '../../platform/browser.ts';
import type { KvArea } from './kv.ts';
import { type CachingArea, ReadCache } from './read-cache.ts';

let local: CachingArea | undefined;
let session: CachingArea | undefined;

function wrap(area: KvArea, name: string): CachingArea {
  const readCache = new ReadCache();
  // Another context's write (or the browser clearing an area): the cached values are stale.
  ext.storage.onChanged.addListener((changes: Record<string, unknown>, areaName: string) => {
    if (areaName === name) readCache.forget(Object.keys(changes));
  });
  return {
    readCache,
    get: (keys) => area.get(keys),
    async set(items) {
      const keys = Object.keys(items);
      readCache.forget(keys);
      try {
        await area.set(items);
      } finally {
        readCache.forget(keys);
      }
    },
    async remove(keys) {
      readCache.forget(keys);
      try {
        await area.remove(keys);
      } finally {
        readCache.forget(keys);
      }
    },
    ...(typeof area.getBytesInUse === 'function'
      ? { getBytesInUse: (keys?: string | string[] | null) => area.getBytesInUse!(keys) }
      : {}),
    ...(typeof area.QUOTA_BYTES === 'number' ? { QUOTA_BYTES: area.QUOTA_BYTES } : {}),
  };
}

/** storage.local: chains, settings, pickers (kept across browser restarts). */
export const localArea = (): KvArea => (local ??= wrap(ext.storage.local as unknown as KvArea, 'local'));

/** storage.session: per-tab readings, verdicts, alert state (cleared when the browser closes). */
export const sessionArea = (): KvArea =>
  (session ??= wrap(ext.storage.session as unknown as KvArea, 'session'));
