/**
 * One JSON file with all settings and chains. Import validates everything before writing anything,
 * so a bad file changes nothing.
 */
import { readSettings } from '../../core/settings.ts';
import { SETTINGS_KEY } from '../settings/store.ts';
import { type ChainRecord, readRecord, recordKey } from './record.ts';
import { allRecords, type KvArea, saveChain } from './store.ts';

export const BACKUP_FORMAT = 'gexfocus-backup';

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: string;
  settings: unknown;
  chains: ChainRecord[];
}

export class BackupError extends Error {
  override name = 'BackupError';
}

export async function exportBackup(area: KvArea, now: number): Promise<Backup> {
  const settings = readSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]).settings;
  const { records } = await allRecords(area);
  return {
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: new Date(now).toISOString(),
    settings,
    chains: records,
  };
}

export async function importBackup(
  area: KvArea,
  backup: unknown,
): Promise<{ chains: number; notes: string[] }> {
  if (typeof backup !== 'object' || backup === null)
    throw new BackupError('The backup is not a JSON object.');
  const b = backup as Partial<Backup>;
  if (b.format !== BACKUP_FORMAT)
    throw new BackupError(`Not a GEXfocus backup (format is ${JSON.stringify(b.format)}).`);
  if (b.version !== 1) throw new BackupError(`Unsupported backup version ${JSON.stringify(b.version)}.`);
  if (!Array.isArray(b.chains)) throw new BackupError('The backup has no "chains" list.');
  const { settings, notes } = readSettings(b.settings);
  const records = b.chains.map((c, i) => {
    try {
      return readRecord(c, `chains[${i}]`).record;
    } catch (e) {
      throw new BackupError(
        `The backup's ${e instanceof Error ? e.message : String(e)}; nothing was imported.`,
      );
    }
  });
  const keys = new Set(records.map((r) => recordKey(r.underlying)));
  if (keys.size !== records.length)
    throw new BackupError('The backup lists the same underlying twice; nothing was imported.');
  await area.set({ [SETTINGS_KEY]: settings });
  for (const r of records) await saveChain(area, r);
  return { chains: records.length, notes };
}
