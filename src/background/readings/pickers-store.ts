/**
 * Saved picker selectors per host: storage.local `pickers` (validated on every read). Saving and
 * removing are read-modify-writes of the whole map, so they run in the area's write queue: two picks
 * on two sites at once both stay.
 */
import * as z from 'zod/mini';
import type { SavedPicker } from '../../messaging/types.ts';
import type { KvArea } from '../storage/kv.ts';
import { serialWrite } from '../storage/serial.ts';

const KEY = 'pickers';

const savedPicker = z.strictObject({
  selectors: z
    .array(z.string().check(z.minLength(1), z.maxLength(512)))
    .check(z.minLength(1), z.maxLength(4)),
  sample: z.string().check(z.maxLength(64)),
  savedAt: z.number(),
});

/** Valid entries only: a corrupt entry is dropped, not allowed to break reading on other sites. */
export function parsePickers(raw: unknown): Record<string, SavedPicker> {
  const out: Record<string, SavedPicker> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [host, value] of Object.entries(raw)) {
    const parsed = savedPicker.safeParse(value);
    if (parsed.success && /^[a-z0-9.-]{1,253}$/.test(host)) out[host] = parsed.data;
  }
  return out;
}

async function readAll(area: KvArea): Promise<Record<string, SavedPicker>> {
  return parsePickers((await area.get(KEY))[KEY]);
}

export async function getPicker(area: KvArea, host: string): Promise<SavedPicker | null> {
  return (await readAll(area))[host] ?? null;
}

export function savePicker(area: KvArea, host: string, picker: SavedPicker): Promise<void> {
  return serialWrite(area, async () => {
    const all = await readAll(area);
    all[host] = picker;
    await area.set({ [KEY]: all });
  });
}

export function removePicker(area: KvArea, host: string): Promise<boolean> {
  return serialWrite(area, async () => {
    const all = await readAll(area);
    if (!all[host]) return false;
    delete all[host];
    await area.set({ [KEY]: all });
    return true;
  });
}
