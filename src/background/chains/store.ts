/**
 * Chain storage in storage.local: one key per underlying (`chain:SPX`) plus the index
 * (`chains:index`, ./chain-index.ts) of summaries so the list never loads every chain.
 *
 * Every change runs in the area's write queue (../storage/serial.ts) and writes the record and the
 * index in ONE set(): storage.set is atomic per call in both browsers, so a failed write (quota)
 * changes nothing and the two can never disagree. Quota errors become StorageFullError with a
 * message the user can act on.
 *
 * A re-import keeps the chain's page symbols and conversions (the user's "Use ratio", a futures
 * basis): a mapping change made just before or during the re-import is not lost, and one made after
 * it applies to the new chain. The old chain is never written back (issue 9: it was, when a mapping
 * change read the record before the save and wrote it after).
 */
import type { Chain } from '../../core/chain.ts';
import { type Conversion, conversionFor, normalizeSymbol } from '../../core/symbol-map.ts';
import { isQuotaError, type KvArea } from '../storage/kv.ts';
import { readParsed } from '../storage/read-cache.ts';
import { serialWrite } from '../storage/serial.ts';
import {
  type ChainIndex,
  INDEX_KEY,
  parseIndex,
  rebuildIndex,
  withEntry,
  withoutEntry,
} from './chain-index.ts';
import {
  type ChainRecord,
  type ChainSummary,
  readRecord,
  recordKey,
  StoredRecordError,
  summarize,
} from './record.ts';

export type { KvArea } from '../storage/kv.ts';
export { INDEX_KEY } from './chain-index.ts';

export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

function asStorageFull(e: unknown, what: string, bytes: number): unknown {
  if (!isQuotaError(e)) return e;
  const mb = (bytes / 1e6).toFixed(1);
  return new StorageFullError(
    `Storage is full: ${what} (${mb} MB) did not fit. Delete a chain you no longer use or import a smaller file (fewer expirations); nothing was changed.`,
  );
}

/** The stored index, rebuilt and saved inside a write job when it is missing or damaged. */
async function indexIn(area: KvArea): Promise<ChainIndex> {
  const stored = parseIndex((await area.get(INDEX_KEY))[INDEX_KEY]);
  if (stored) return stored;
  const rebuilt = rebuildIndex(await area.get(null));
  // A full storage cannot save it: answer from the rebuilt one and try again next time.
  await area.set({ [INDEX_KEY]: rebuilt }).catch(() => undefined);
  return rebuilt;
}

/**
 * The index for reading: no queue when the stored one is valid (every lookup, every tick), and from
 * the area's read cache when it has one. Do not change the returned index.
 */
export async function readIndex(area: KvArea): Promise<ChainIndex> {
  const stored = await readParsed(area, INDEX_KEY, parseIndex);
  return stored ?? serialWrite(area, () => indexIn(area));
}

export interface ChainList {
  chains: ChainSummary[];
  /** Records that could not be read (validation failures), one line each. */
  problems: string[];
}

export async function listChains(area: KvArea): Promise<ChainList> {
  const index = await readIndex(area);
  return { chains: [...index.entries], problems: [...(index.problems ?? [])] };
}

/** The stored chain for an underlying, validated; null when there is none. */
export async function loadChain(
  area: KvArea,
  underlying: string,
): Promise<{ record: ChainRecord; chain: Chain } | null> {
  const key = recordKey(underlying);
  const value = (await area.get(key))[key];
  return value === undefined ? null : readRecord(value, key);
}

/** Writes a record and its index entry in one set() (inside a write job). */
async function put(area: KvArea, index: ChainIndex, record: ChainRecord): Promise<ChainSummary> {
  const summary = summarize(record);
  const items = { [recordKey(record.underlying)]: record, [INDEX_KEY]: withEntry(index, summary) };
  try {
    await area.set(items);
  } catch (e) {
    throw asStorageFull(e, `the ${record.underlying} chain`, JSON.stringify(record).length);
  }
  return summary;
}

export interface SaveOptions {
  /**
   * Keep the page symbols and conversions of the chain already stored for this underlying (a
   * re-import). Off for a backup restore, whose records carry their own.
   */
  keepMapping?: boolean;
}

/** Saves (adds or replaces) a chain; the previous one stays when the write fails. */
export function saveChain(area: KvArea, record: ChainRecord, opts: SaveOptions = {}): Promise<ChainSummary> {
  return serialWrite(area, async () => {
    const index = await indexIn(area);
    const old = opts.keepMapping ? index.entries.find((s) => s.underlying === record.underlying) : undefined;
    const next: ChainRecord = old
      ? {
          ...record,
          aliases: old.aliases,
          conversion: old.conversion,
          aliasConversions: old.aliasConversions,
        }
      : record;
    return put(area, index, next);
  });
}

export function deleteChain(area: KvArea, underlying: string): Promise<void> {
  const u = normalizeSymbol(underlying);
  return serialWrite(area, async () => {
    // The index first: if removing the record then fails, the chain is gone from every list and
    // lookup, and the next save of the same underlying overwrites the leftover record.
    await area.set({ [INDEX_KEY]: withoutEntry(await indexIn(area), u) });
    await area.remove(recordKey(u));
  });
}

export interface MappingPatch {
  aliases?: string[];
  conversion?: Conversion;
  aliasConversions?: Record<string, Conversion>;
}

/** Changes a chain's page symbols / conversions (validated as a whole record before writing). */
export function updateMapping(area: KvArea, underlying: string, patch: MappingPatch): Promise<ChainSummary> {
  return serialWrite(area, async () => {
    const found = await loadChain(area, underlying);
    if (!found) throw new StoredRecordError(`no stored chain for ${underlying}`);
    const record: ChainRecord = { ...found.record, ...patch };
    readRecord(record, recordKey(underlying));
    return put(area, await indexIn(area), record);
  });
}

export interface AliasMatch {
  summary: ChainSummary;
  conversion: Conversion;
}

/**
 * Every page symbol of an index → its chain and conversion, built once per index read (a lookup on
 * every tick normalised every alias of every chain). An exact underlying match wins over an alias
 * listed by another chain; otherwise the first chain in the index's order.
 */
const tables = new WeakMap<ChainIndex, Map<string, AliasMatch>>();
function aliasTable(index: ChainIndex): Map<string, AliasMatch> {
  let table = tables.get(index);
  if (table) return table;
  table = new Map();
  for (const summary of index.entries) {
    for (const alias of summary.aliases) {
      const s = normalizeSymbol(alias);
      const conversion = conversionFor(summary, s);
      if (!conversion) continue;
      const held = table.get(s);
      if (!held || (summary.underlying === s && held.summary.underlying !== s))
        table.set(s, { summary, conversion });
    }
  }
  tables.set(index, table);
  return table;
}

/** The chain whose aliases include the page symbol, with the conversion that applies. */
export async function findByAlias(area: KvArea, pageSymbol: string): Promise<AliasMatch | null> {
  return aliasTable(await readIndex(area)).get(normalizeSymbol(pageSymbol)) ?? null;
}

/** Everything stored, for the backup file. */
export async function allRecords(area: KvArea): Promise<{ records: ChainRecord[]; problems: string[] }> {
  const { chains, problems } = await listChains(area);
  const records: ChainRecord[] = [];
  for (const c of chains) {
    try {
      const found = await loadChain(area, c.underlying);
      if (found) records.push(found.record);
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  return { records, problems };
}

export { indexIn as indexInWriteJob };
