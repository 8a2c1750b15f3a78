import type { KvArea } from '../../src/background/chains/store.ts';

/** storage.local stand-in with a byte quota measured like Chrome's (JSON length of key + value). */
export class MemoryArea implements KvArea {
  data = new Map<string, unknown>();
  constructor(private quota = Number.POSITIVE_INFINITY) {}
  private bytes(map: Map<string, unknown>) {
    let n = 0;
    for (const [k, v] of map) n += k.length + JSON.stringify(v).length;
    return n;
  }
  async get(keys: string | string[] | null) {
    const list = keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const k of list) if (this.data.has(k)) out[k] = structuredClone(this.data.get(k));
    return out;
  }
  async set(items: Record<string, unknown>) {
    const next = new Map(this.data);
    for (const [k, v] of Object.entries(items)) next.set(k, structuredClone(v));
    if (this.bytes(next) > this.quota) throw new Error('Resource::kQuotaBytes quota exceeded (QUOTA_BYTES)');
    this.data = next;
  }
  async remove(keys: string | string[]) {
    for (const k of typeof keys === 'string' ? [keys] : keys) this.data.delete(k);
  }
}
