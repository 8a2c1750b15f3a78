/**
 * The part of a storage area (storage.local, storage.session) the background uses, injected so the
 * stores run in unit tests and benchmarks without a browser.
 */
export interface KvArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Bytes used by these keys (null = all). Chrome; Firefox from 144 (MDN) — absent before. */
  getBytesInUse?(keys?: string | string[] | null): Promise<number>;
  /** Chrome's storage.local.QUOTA_BYTES (10 MiB without `unlimitedStorage`); absent in Firefox. */
  QUOTA_BYTES?: number;
}

/**
 * storage.local holds 10 MiB without the `unlimitedStorage` permission (Chrome's
 * storage.local.QUOTA_BYTES = 10,485,760). Firefox publishes no constant; the same limit applies
 * there so a backup or a chain that fits in one browser fits in the other.
 */
export const LOCAL_QUOTA_BYTES = 10 * 1024 * 1024;

/** What Chrome counts for one item: the key's length plus its value's JSON length. */
export function itemBytes(key: string, value: unknown): number {
  return key.length + (value === undefined ? 0 : JSON.stringify(value).length);
}

/** The area's quota in bytes: its own constant where the browser has one, else 10 MiB. */
export function quotaOf(area: KvArea): number {
  return typeof area.QUOTA_BYTES === 'number' && area.QUOTA_BYTES > 0 ? area.QUOTA_BYTES : LOCAL_QUOTA_BYTES;
}

/** Bytes in use now: the browser's own count where it has one, else counted from the items. */
export async function bytesInUse(area: KvArea): Promise<number> {
  if (typeof area.getBytesInUse === 'function') {
    try {
      return await area.getBytesInUse(null);
    } catch {
      // Firefox has it on storage.local only from 144 (MDN, getBytesInUse); count below instead.
    }
  }
  let n = 0;
  for (const [k, v] of Object.entries(await area.get(null))) n += itemBytes(k, v);
  return n;
}

const QUOTA_PATTERN = /QUOTA_BYTES|QuotaExceeded|quota/i;

/** True for the error a full storage area throws (Chrome: "QUOTA_BYTES quota exceeded"; Firefox: QuotaExceededError). */
export function isQuotaError(e: unknown): boolean {
  return QUOTA_PATTERN.test(e instanceof Error ? `${e.name} ${e.message}` : String(e));
}
