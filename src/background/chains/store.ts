/**
 * Chain storage in storage.local: one key per underlying (`chain:SPX`), its page symbols and
 * conversions on their own (`mapping:SPX`: a mapping change does not rewrite the chain; ./record.ts)
 * and the index (`chains:index`, ./chain-index.ts) of summaries so the list never loads every chain.
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
import { type Conversion, normalizeSymbol, pickChain } from '../../core/symbol-map.ts';
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
  checkMapping,
  mappingKey,
  mappingOf,
  readRecord,
  recordKey,
  StoredRecordError,
  summarize,
  withStoredMapping,
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

/** The stored chain for an underlying, validated, with its mapping (./record.ts); null when there is none. */
export async function loadChain(
  area: KvArea,
  underlying: string,
): Promise<{ record: ChainRecord; chain: Chain } | null> {
  const key = recordKey(underlying);
  const mkey = mappingKey(underlying);
  const stored = await area.get([key, mkey]);
  if (stored[key] === undefined) return null;
  const { record, chain } = readRecord(stored[key], key);
  return { record: withStoredMapping(record, stored[mkey]), chain };
}

/** One set() of `items`; a quota error becomes StorageFullError naming `what` (`value`'s size). */
async function setAll(area: KvArea, items: Record<string, unknown>, what: string, value: unknown) {
  try {
    await area.set(items);
  } catch (e) {
    throw asStorageFull(e, what, JSON.stringify(value).length);
  }
}

/** Writes a record, its mapping and its index entry in one set() (inside a write job). */
async function put(area: KvArea, index: ChainIndex, record: ChainRecord): Promise<ChainSummary> {
  const summary = summarize(record);
  const items = {
    [recordKey(record.underlying)]: record,
    [mappingKey(record.underlying)]: mappingOf(record),
    [INDEX_KEY]: withEntry(index, summary),
  };
  await setAll(area, items, `the ${record.underlying} chain`, record);
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
    await area.remove([recordKey(u), mappingKey(u)]);
  });
}

export interface MappingPatch {
  aliases?: string[];
  conversion?: Conversion;
  /** All of the chain's per-symbol conversions (the options page's list). */
  aliasConversions?: Record<string, Conversion>;
  /**
   * Conversions added to the chain's (or replacing those of the same symbols), merged inside the write
   * queue: the popup's "Use ratio" sends only the one it confirms, so two confirms at once keep both
   * (it read the list and wrote the whole map back, and the later write dropped the other).
   */
  addAliasConversions?: Record<string, Conversion>;
}

/**
 * Changes a chain's page symbols / conversions: its mapping and index entry in one set(), the chain
 * itself untouched (./record.ts ChainMapping). The index entry carries the current mapping.
 */
export function updateMapping(area: KvArea, underlying: string, patch: MappingPatch): Promise<ChainSummary> {
  const u = normalizeSymbol(underlying);
  return serialWrite(area, async () => {
    const index = await indexIn(area);
    const entry = index.entries.find((s) => s.underlying === u);
    if (!entry) throw new StoredRecordError(`no stored chain for ${underlying}`);
    const { addAliasConversions, ...whole } = patch;
    const next = { ...entry, ...whole };
    if (addAliasConversions) next.aliasConversions = { ...next.aliasConversions, ...addAliasConversions };
    const mapping = checkMapping(mappingOf(next), mappingKey(u));
    const summary: ChainSummary = { ...entry, ...mapping };
    const items = { [mappingKey(u)]: mapping, [INDEX_KEY]: withEntry(index, summary) };
    await setAll(area, items, `the ${u} chain's symbols`, mapping);
    return summary;
  });
}

export interface AliasMatch {
  summary: ChainSummary;
  conversion: Conversion;
}

/**
 * Page symbol → its chain and conversion (core pickChain: an exact underlying, then the index's own
 * symbols, futures, ETF↔index), remembered per index read: a lookup on every tick once recomputed
 * it for every chain. A new index (a save, a mapping change) starts a new table.
 */
const tables = new WeakMap<ChainIndex, Map<string, AliasMatch | null>>();

/** The chain a page symbol answers to, with the conversion that applies; null when none does. */
export async function findByAlias(area: KvArea, pageSymbol: string): Promise<AliasMatch | null> {
  const index = await readIndex(area);
  let table = tables.get(index);
  if (!table) {
    table = new Map();
    tables.set(index, table);
  }
  const s = normalizeSymbol(pageSymbol);
  if (!table.has(s)) {
    const best = pickChain(index.entries, s);
    table.set(s, best && { summary: best.target, conversion: best.conversion });
  }
  return table.get(s) ?? null;
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
