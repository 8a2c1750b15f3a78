/**
 * Chain storage in storage.local: one key per underlying (`chain:SPX`) plus an index
 * (`chains:index`) of summaries so the list never loads every chain.
 *
 * Save order: the record first, then the index. storage.set is atomic per call, so a failed record
 * write (quota) leaves the previous record in place; a failed index write puts the previous
 * record back. Quota errors become StorageFullError with a message the user can act on.
 */
import type { Chain } from '../../core/chain.ts';
import { type Conversion, normalizeSymbol, pickChain } from '../../core/symbol-map.ts';
import {
  type ChainRecord,
  type ChainSummary,
  readRecord,
  recordKey,
  StoredRecordError,
  summarize,
} from './record.ts';

/** The part of storage.local this module uses (injected so tests run without a browser). */
export interface KvArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const INDEX_KEY = 'chains:index';

export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

const isQuotaError = (e: unknown) =>
  /QUOTA_BYTES|QuotaExceeded|quota/i.test(e instanceof Error ? `${e.name} ${e.message}` : String(e));

function asStorageFull(e: unknown, what: string, bytes: number): unknown {
  if (!isQuotaError(e)) return e;
  const mb = (bytes / 1e6).toFixed(1);
  return new StorageFullError(
    `Storage is full: ${what} (${mb} MB) did not fit. Delete a chain you no longer use or import a smaller file (fewer expirations); nothing was changed.`,
  );
}

interface Index {
  version: 1;
  entries: ChainSummary[];
}

async function readIndex(area: KvArea): Promise<Index | null> {
  const raw = (await area.get(INDEX_KEY))[INDEX_KEY] as Index | undefined;
  if (raw?.version !== 1 || !Array.isArray(raw.entries)) return null;
  return raw;
}

/** Rebuilds the index from the records themselves (index missing or damaged). */
async function rebuildIndex(area: KvArea, problems: string[]): Promise<Index> {
  const all = await area.get(null);
  const entries: ChainSummary[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith('chain:')) continue;
    try {
      entries.push(summarize(readRecord(value, key).record));
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  entries.sort((a, b) => a.underlying.localeCompare(b.underlying));
  return { version: 1, entries };
}

export interface ChainList {
  chains: ChainSummary[];
  /** Records that could not be read (validation failures), one line each. */
  problems: string[];
}

export async function listChains(area: KvArea): Promise<ChainList> {
  const problems: string[] = [];
  const index = (await readIndex(area)) ?? (await rebuildIndex(area, problems));
  return { chains: index.entries, problems };
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

export async function saveChain(area: KvArea, record: ChainRecord): Promise<ChainSummary> {
  const key = recordKey(record.underlying);
  const previous = (await area.get(key))[key];
  const bytes = JSON.stringify(record).length;
  try {
    await area.set({ [key]: record });
  } catch (e) {
    throw asStorageFull(e, `the ${record.underlying} chain`, bytes);
  }
  const summary = summarize(record);
  try {
    const index = (await readIndex(area)) ?? (await rebuildIndex(area, []));
    const entries = index.entries.filter((s) => s.underlying !== record.underlying);
    entries.push(summary);
    entries.sort((a, b) => a.underlying.localeCompare(b.underlying));
    await area.set({ [INDEX_KEY]: { version: 1, entries } satisfies Index });
  } catch (e) {
    if (previous === undefined) await area.remove(key).catch(() => undefined);
    else await area.set({ [key]: previous }).catch(() => undefined);
    throw asStorageFull(e, 'the chain list', bytes);
  }
  return summary;
}

export async function deleteChain(area: KvArea, underlying: string): Promise<void> {
  const u = normalizeSymbol(underlying);
  const index = (await readIndex(area)) ?? (await rebuildIndex(area, []));
  await area.set({ [INDEX_KEY]: { version: 1, entries: index.entries.filter((s) => s.underlying !== u) } });
  await area.remove(recordKey(u));
}

export interface MappingPatch {
  aliases?: string[];
  conversion?: Conversion;
  aliasConversions?: Record<string, Conversion>;
}

/** Changes a chain's page symbols / conversions (validated as a whole record before writing). */
export async function updateMapping(
  area: KvArea,
  underlying: string,
  patch: MappingPatch,
): Promise<ChainSummary> {
  const found = await loadChain(area, underlying);
  if (!found) throw new StoredRecordError(`no stored chain for ${underlying}`);
  const record: ChainRecord = { ...found.record, ...patch };
  readRecord(record, recordKey(underlying));
  return saveChain(area, record);
}

/** The chain a page symbol answers to, with the conversion that applies (core pickChain's order). */
export async function findByAlias(
  area: KvArea,
  pageSymbol: string,
): Promise<{ summary: ChainSummary; conversion: Conversion } | null> {
  const { chains } = await listChains(area);
  const best = pickChain(chains, pageSymbol);
  return best && { summary: best.target, conversion: best.conversion };
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
