/**
 * Settings in storage.local under `settings`, validated on every read (src/core/settings.ts). Every
 * change is a read-modify-write in the area's write queue (../storage/serial.ts): two pages changing
 * different settings at once both land (issue 9 lost one of them in about half of the rounds).
 */
import { readSettings, type Settings, type SettingsRead, updateSettings } from '../../core/settings.ts';
import type { KvArea } from '../storage/kv.ts';
import { readParsed } from '../storage/read-cache.ts';
import { serialWrite } from '../storage/serial.ts';

export const SETTINGS_KEY = 'settings';

export type SettingsPatch = Partial<Omit<Settings, 'version'>>;

/** The settings, validated (from the area's read cache on the per-tick path; do not change them). */
export function getSettings(area: KvArea): Promise<SettingsRead> {
  return readParsed(area, SETTINGS_KEY, readSettings);
}

/**
 * Applies a change computed from the settings as they are when the job runs (not as some page last
 * saw them): use it for a change to one entry of a map (a site switch, a per-site overlay), so two
 * such changes at once both land.
 */
export function changeSettings(
  area: KvArea,
  change: (current: Settings) => SettingsPatch,
): Promise<Settings> {
  return serialWrite(area, async () => {
    const { settings } = readSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
    const patch = change(settings);
    if (Object.keys(patch).length === 0) return settings; // nothing to write (no storage.onChanged)
    const next = updateSettings(settings, patch);
    await area.set({ [SETTINGS_KEY]: next });
    return next;
  });
}

/** Replaces the fields in `patch` (validated; a RangeError names a bad one) and keeps the rest. */
export const patchSettings = (area: KvArea, patch: SettingsPatch): Promise<Settings> =>
  changeSettings(area, () => patch);
