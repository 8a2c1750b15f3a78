/**
 * The chain index (storage.local `chains:index`): one summary per stored chain, so the list and the
 * per-tick symbol lookup never load a chain. Validated on every read like the records: a damaged
 * index (a `null` entry made every tab's analysis throw, issue 9) is treated as missing, and a
 * missing or other-version index is rebuilt from the records once and saved (it used to be rebuilt
 * on every lookup: 248 ms with 8 chains, on every price report).
 *
 * The index also keeps the lines of records that could not be read when it was rebuilt, so the
 * options page keeps showing them after the rebuild; saving or deleting that underlying clears its line.
 */
import * as z from 'zod/mini';
import type { ChainSummary } from '../../messaging/types.ts';
import {
  conversionSchema,
  mappingKey,
  readRecord,
  recordKey,
  summarize,
  withStoredMapping,
} from './record.ts';

export const INDEX_KEY = 'chains:index';
export const INDEX_VERSION = 1;

export interface ChainIndex {
  version: typeof INDEX_VERSION;
  /** Sorted by underlying. */
  entries: ChainSummary[];
  /** "chain:XYZ: …" for each record the last rebuild could not read. */
  problems?: string[];
}

const symbol = z.string().check(z.minLength(1), z.maxLength(24));
const count = z.int().check(z.gte(0));
// Loose: the fields the background relies on are checked, fields a newer summary adds are kept.
const summarySchema = z.looseObject({
  underlying: symbol,
  underlyingName: z.string().check(z.maxLength(300)),
  asOf: z.iso.datetime({ offset: true }),
  source: z.looseObject({
    format: z.enum(['cboe-csv', 'cboe-json', 'generic-csv', 'sample']),
    fileName: z.optional(z.string().check(z.maxLength(300))),
    importedAt: z.number(),
  }),
  contracts: count,
  expirations: count,
  spot: z.nullable(z.number()),
  aliases: z.array(symbol).check(z.maxLength(64)),
  conversion: conversionSchema,
  aliasConversions: z.record(symbol, conversionSchema),
});
const indexSchema = z.object({
  version: z.literal(INDEX_VERSION),
  entries: z.array(summarySchema).check(z.maxLength(1000)),
  problems: z.optional(z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(1000))),
});

/** The stored index, or null when it is missing, of another version, or fails validation. */
export function parseIndex(raw: unknown): ChainIndex | null {
  const parsed = indexSchema.safeParse(raw);
  return parsed.success ? (parsed.data as ChainIndex) : null;
}

const byUnderlying = (a: ChainSummary, b: ChainSummary) => a.underlying.localeCompare(b.underlying);

/** The index of every readable `chain:*` record among all stored items. */
export function rebuildIndex(all: Record<string, unknown>): ChainIndex {
  const entries: ChainSummary[] = [];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith('chain:')) continue;
    try {
      const { record } = readRecord(value, key);
      entries.push(summarize(withStoredMapping(record, all[mappingKey(record.underlying)])));
    } catch (e) {
      problems.push(e instanceof Error ? e.message : String(e));
    }
  }
  entries.sort(byUnderlying);
  return { version: INDEX_VERSION, entries, problems };
}

const otherProblems = (index: ChainIndex, underlying: string) =>
  (index.problems ?? []).filter((p) => !p.startsWith(`${recordKey(underlying)}:`));

/** The index with `summary` added or replacing the entry of its underlying. */
export function withEntry(index: ChainIndex, summary: ChainSummary): ChainIndex {
  const entries = index.entries.filter((s) => s.underlying !== summary.underlying);
  entries.push(summary);
  entries.sort(byUnderlying);
  return { version: INDEX_VERSION, entries, problems: otherProblems(index, summary.underlying) };
}

/** The index without the entry of `underlying` (normalised). */
export function withoutEntry(index: ChainIndex, underlying: string): ChainIndex {
  return {
    version: INDEX_VERSION,
    entries: index.entries.filter((s) => s.underlying !== underlying),
    problems: otherProblems(index, underlying),
  };
}
