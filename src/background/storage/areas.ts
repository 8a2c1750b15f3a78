/**
 * The browser's storage areas as KvArea objects, one per area for the worker's lifetime: the write
 * queue (./serial.ts) is keyed by the object, so everyone must get the same one.
 */
import { ext } from '../../platform/browser.ts';
import type { KvArea } from './kv.ts';

let local: KvArea | undefined;
let session: KvArea | undefined;

function wrap(area: KvArea): KvArea {
  return {
    get: (keys) => area.get(keys),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
    ...(typeof area.getBytesInUse === 'function'
      ? { getBytesInUse: (keys?: string | string[] | null) => area.getBytesInUse!(keys) }
      : {}),
    ...(typeof area.QUOTA_BYTES === 'number' ? { QUOTA_BYTES: area.QUOTA_BYTES } : {}),
  };
}

/** storage.local: chains, settings, pickers (kept across browser restarts). */
export const localArea = (): KvArea => (local ??= wrap(ext.storage.local as unknown as KvArea));

/** storage.session: per-tab readings, verdicts, alert state (cleared when the browser closes). */
export const sessionArea = (): KvArea => (session ??= wrap(ext.storage.session as unknown as KvArea));
