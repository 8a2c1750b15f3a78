/** Settings in storage.local under `settings`, validated on every read (src/core/settings.ts). */
import { readSettings, type Settings, type SettingsRead, updateSettings } from '../../core/settings.ts';
import type { KvArea } from '../chains/store.ts';

export const SETTINGS_KEY = 'settings';

export async function getSettings(area: KvArea): Promise<SettingsRead> {
  return readSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

export async function patchSettings(
  area: KvArea,
  patch: Partial<Omit<Settings, 'version'>>,
): Promise<Settings> {
  const { settings } = await getSettings(area);
  const next = updateSettings(settings, patch);
  await area.set({ [SETTINGS_KEY]: next });
  return next;
}
