/**
 * One JSON file with all settings and chains. Import validates everything, checks that the result
 * fits in storage, and then writes settings, chains and index in ONE set(), so "nothing was changed"
 * is true whenever it fails (issue 9: it wrote chain by chain, and a quota error on the third chain
 * left two chains and the settings changed under that message).
 */
import { readSettings } from '../../core/settings.ts';
import { SETTINGS_KEY } from '../settings/store.ts';
import { bytesInUse, isQuotaError, itemBytes, type KvArea, quotaOf } from '../storage/kv.ts';
import { serialWrite } from '../storage/serial.ts';
import { INDEX_KEY, withEntry } from './chain-index.ts';
import { type ChainRecord, mappingKey, mappingOf, readRecord, recordKey, summarize } from './record.ts';
import { allRecords, indexInWriteJob } from './store.ts';

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

/** Everything in the file, validated, or a BackupError naming the first problem. */
function validate(backup: unknown): { settings: unknown; records: ChainRecord[]; notes: string[] } {
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
  return { settings, records, notes };
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** Bytes the stored values of `keys` take now (0 for keys not stored). */
async function storedBytes(area: KvArea, keys: string[]): Promise<number> {
  if (typeof area.getBytesInUse === 'function') {
    try {
      return await area.getBytesInUse(keys);
    } catch {
      // counted below
    }
  }
  let n = 0;
  for (const [k, v] of Object.entries(await area.get(keys))) n += itemBytes(k, v);
  return n;
}

export async function importBackup(
  area: KvArea,
  backup: unknown,
): Promise<{ chains: number; notes: string[] }> {
  const { settings, records, notes } = validate(backup);
  return serialWrite(area, async () => {
    let index = await indexInWriteJob(area);
    for (const r of records) index = withEntry(index, summarize(r));
    const items: Record<string, unknown> = { [SETTINGS_KEY]: settings, [INDEX_KEY]: index };
    for (const r of records) {
      items[recordKey(r.underlying)] = r;
      items[mappingKey(r.underlying)] = mappingOf(r); // the record's own, over any stored before
    }
    const keys = Object.keys(items);
    let added = 0;
    for (const k of keys) added += itemBytes(k, items[k]);
    const after = (await bytesInUse(area)) - (await storedBytes(area, keys)) + added;
    const quota = quotaOf(area);
    const full = () =>
      new BackupError(
        `The backup needs ${mb(after)} MB of storage together with the chains already saved, and the browser keeps ${mb(quota)} MB for GEXfocus. Delete chains you no longer use, then restore again; nothing was changed.`,
      );
    if (after > quota) throw full();
    try {
      await area.set(items);
    } catch (e) {
      throw isQuotaError(e) ? full() : e;
    }
    return { chains: records.length, notes };
  });
}
