import type { KvArea } from '../../src/background/storage/kv.ts';

/**
 * storage.local stand-in with a byte quota measured like Chrome's (JSON length of key + value), and
 * published like Chrome's (QUOTA_BYTES) when there is one.
 */
export class MemoryArea implements KvArea {
  data = new Map<string, unknown>();
  readonly QUOTA_BYTES?: number;
  constructor(private quota = Number.POSITIVE_INFINITY) {
    if (Number.isFinite(quota)) this.QUOTA_BYTES = quota;
  }
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
    if (Number.isFinite(this.quota) && this.bytes(next) > this.quota)
      throw new Error('Resource::kQuotaBytes quota exceeded (QUOTA_BYTES)');
    this.data = next;
  }
  async remove(keys: string | string[]) {
    for (const k of typeof keys === 'string' ? [keys] : keys) this.data.delete(k);
  }
}

/** A small seeded generator (mulberry32), so a failing round can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Waits `hops` turns of the event loop (each one lets every other ready task run first). */
async function hops(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((ok) => setImmediate(ok));
}

/**
 * A slow storage: every get, set and remove waits a random 0–`maxHops` turns of the event loop before
 * it acts (a get returns the value at the END of its wait; a set writes at the end of its wait), so
 * unserialised read-modify-writes interleave the way two pages' messages do in a real browser, where
 * each storage call is a round trip to the browser process of random length. Turns, not
 * milliseconds: the order is what matters, and 100 rounds stay fast.
 */
export class SlowArea extends MemoryArea {
  calls = { get: 0, set: 0, remove: 0 };
  constructor(
    private random: () => number,
    private maxHops = 4,
    quota?: number,
  ) {
    super(quota);
  }
  private wait() {
    return hops(Math.floor(this.random() * (this.maxHops + 1)));
  }
  override async get(keys: string | string[] | null) {
    this.calls.get++;
    await this.wait();
    return super.get(keys);
  }
  override async set(items: Record<string, unknown>) {
    this.calls.set++;
    await this.wait();
    return super.set(items);
  }
  override async remove(keys: string | string[]) {
    this.calls.remove++;
    await this.wait();
    return super.remove(keys);
  }
}
