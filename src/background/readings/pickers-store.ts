/** Saved picker selectors per host: storage.local `pickers` (validated on every read). */
import * as z from 'zod/mini';
import type { SavedPicker } from '../../messaging/types.ts';
import { ext } from '../../platform/browser.ts';

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

async function readAll(): Promise<Record<string, SavedPicker>> {
  const { pickers } = await ext.storage.local.get('pickers');
  return parsePickers(pickers);
}

export async function getPicker(host: string): Promise<SavedPicker | null> {
  return (await readAll())[host] ?? null;
}

export async function savePicker(host: string, picker: SavedPicker): Promise<void> {
  const all = await readAll();
  all[host] = picker;
  await ext.storage.local.set({ pickers: all });
}

export async function removePicker(host: string): Promise<boolean> {
  const all = await readAll();
  if (!all[host]) return false;
  delete all[host];
  await ext.storage.local.set({ pickers: all });
  return true;
}
