/**
 * Parsed values of a few keys read on every price tick (the chain index, the settings), kept between
 * ticks: reading, cloning and validating them again on each report was a third of the background's
 * time per report (npm run bench, background profile). A value is dropped whenever its key is
 * written — before and after the write, so a read that started while the write was in flight is not
 * kept — and whenever storage.onChanged reports the key changed from elsewhere.
 *
 * Only the browser's areas carry a cache (./areas.ts); other areas (tests) read through every time.
 */
import type { KvArea } from './kv.ts';

export class ReadCache {
  private entries = new Map<string, { parse: (raw: unknown) => unknown; value: Promise<unknown> }>();

  forget(keys: string | string[] | null): void {
    if (keys === null) this.entries.clear();
    else for (const k of typeof keys === 'string' ? [keys] : keys) this.entries.delete(k);
  }

  read<T>(area: KvArea, key: string, parse: (raw: unknown) => T): Promise<T> {
    const hit = this.entries.get(key);
    if (hit?.parse === parse) return hit.value as Promise<T>;
    const value = area.get(key).then((items) => parse(items[key]));
    const entry = { parse, value };
    this.entries.set(key, entry);
    value.catch(() => this.entries.get(key) === entry && this.entries.delete(key));
    return value;
  }
}

/** An area that keeps parsed values (./areas.ts). */
export interface CachingArea extends KvArea {
  readCache: ReadCache;
}

/**
 * The value of `key` parsed by `parse`: from the area's cache when it has one. Callers must not
 * change the returned value (it is shared until the key is written).
 */
export function readParsed<T>(area: KvArea, key: string, parse: (raw: unknown) => T): Promise<T> {
  const cache = (area as Partial<CachingArea>).readCache;
  if (cache) return cache.read(area, key, parse);
  return area.get(key).then((items) => parse(items[key]));
}
