/**
 * One stored chain: storage.local key `chain:<UNDERLYING>`. Validated on every read (a record that
 * fails is reported, never used); older schema versions are migrated first.
 *
 * Schema 1 (the first shape): no `aliasConversions`. Schema 2 adds per-alias conversions so ES1! can
 * carry the futures basis while SPX itself stays 1:1.
 */
import * as z from 'zod/mini';
import { type Chain, type ChainJSON, chainFromJSON, chainToJSON } from '../../core/chain.ts';
import { type Conversion, defaultAliases, normalizeSymbol } from '../../core/symbol-map.ts';
import { noUsableContracts } from '../../core/usable.ts';
import type { ChainSource, ChainSummary } from '../../messaging/types.ts';

export type { ChainSource, ChainSummary };

export const RECORD_SCHEMA_VERSION = 2;

export interface ChainRecord {
  schemaVersion: typeof RECORD_SCHEMA_VERSION;
  /** Upper case, e.g. 'SPX'; also the storage key suffix. */
  underlying: string;
  /** Page symbols this chain answers to. */
  aliases: string[];
  /** Default conversion from a page price to this underlying. */
  conversion: Conversion;
  /** Per-alias conversions that override `conversion` (keys are aliases). */
  aliasConversions: Record<string, Conversion>;
  /** Snapshot instant, ISO-8601 UTC. */
  asOf: string;
  source: ChainSource;
  chain: ChainJSON;
}

export const recordKey = (underlying: string) => `chain:${normalizeSymbol(underlying)}`;

export const conversionSchema = z.union([
  z.object({ kind: z.literal('ratio'), ratio: z.number().check(z.gt(0)) }),
  z.object({ kind: z.literal('offset'), offset: z.number() }),
  z.object({
    kind: z.literal('auto'),
    ratio: z.optional(z.number().check(z.gt(0))),
    confirmedAt: z.optional(z.number()),
  }),
]);

const symbol = z.string().check(z.minLength(1), z.maxLength(24));
const mappingShape = {
  aliases: z.array(symbol).check(z.maxLength(64)),
  conversion: conversionSchema,
  aliasConversions: z.record(symbol, conversionSchema),
};
const mappingSchema = z.object(mappingShape);
const recordSchema = z.object({
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
  underlying: symbol,
  ...mappingShape,
  asOf: z.iso.datetime({ offset: true }),
  source: z.object({
    format: z.enum(['cboe-csv', 'cboe-json', 'generic-csv', 'sample']),
    fileName: z.optional(z.string().check(z.maxLength(300))),
    importedAt: z.number(),
  }),
  chain: z.record(z.string(), z.unknown()),
});

type Raw = Record<string, unknown>;
const MIGRATIONS: Record<number, (r: Raw) => Raw> = {
  1: (r) => {
    const aliases = Array.isArray(r.aliases) ? (r.aliases as string[]) : [];
    const defaults = defaultAliases(String(r.underlying ?? '')).aliasConversions;
    const aliasConversions = Object.fromEntries(
      Object.entries(defaults).filter(([a]) => aliases.includes(a)),
    );
    return { ...r, schemaVersion: 2, aliasConversions };
  },
};

export class StoredRecordError extends Error {
  override name = 'StoredRecordError';
}

/** "<key>: <field> <what is wrong>" for the first issue zod found (`whole` names the value itself). */
function invalid(key: string, issues: readonly z.core.$ZodIssue[], whole: string): StoredRecordError {
  const issue = issues[0];
  return new StoredRecordError(`${key}: ${issue?.path.join('.') || whole} ${issue?.message ?? 'is invalid'}`);
}

/** Validates (after migrating) a stored value; returns the record and its rebuilt chain. */
export function readRecord(value: unknown, key: string): { record: ChainRecord; chain: Chain } {
  if (typeof value !== 'object' || value === null) throw new StoredRecordError(`${key}: not an object`);
  let raw = value as Raw;
  let v = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 1;
  while (v < RECORD_SCHEMA_VERSION && MIGRATIONS[v]) raw = MIGRATIONS[v++]!(raw);
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) throw invalid(key, parsed.error.issues, '(record)');
  let chain: Chain;
  try {
    chain = chainFromJSON(parsed.data.chain);
  } catch (e) {
    throw new StoredRecordError(`${key}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { record: parsed.data as unknown as ChainRecord, chain };
}

/**
 * A chain's page symbols and conversions. They are also stored on their own, `mapping:<UNDERLYING>`
 * (./store.ts), so that changing them (the popup's "Use ratio", the options page) writes a few
 * hundred bytes instead of the whole chain: with the full SPX chain (a 0.7 MB record) a change took
 * 0.37–0.49 s in Chromium and 0.84–1.19 s in Firefox, now 7–37 and 9–17 ms. Where that key is
 * stored and valid it is the chain's mapping; the record's own copy is the one it was saved with.
 */
export interface ChainMapping {
  aliases: string[];
  conversion: Conversion;
  aliasConversions: Record<string, Conversion>;
}

export const mappingKey = (underlying: string) => `mapping:${normalizeSymbol(underlying)}`;

export const mappingOf = (m: ChainMapping): ChainMapping => ({
  aliases: m.aliases,
  conversion: m.conversion,
  aliasConversions: m.aliasConversions,
});

/** A mapping to be written, validated; StoredRecordError naming the key and field if it is not one. */
export function checkMapping(value: ChainMapping, key: string): ChainMapping {
  const parsed = mappingSchema.safeParse(value);
  if (parsed.success) return parsed.data as ChainMapping;
  throw invalid(key, parsed.error.issues, '(mapping)');
}

/** The record with its stored mapping `value`; the record's own when there is none or it fails validation. */
export function withStoredMapping(record: ChainRecord, value: unknown): ChainRecord {
  if (value === undefined) return record;
  const parsed = mappingSchema.safeParse(value);
  return parsed.success ? { ...record, ...(parsed.data as ChainMapping) } : record;
}

export interface NewRecordInput {
  chain: Chain;
  asOf: string;
  source: ChainSource;
  aliases?: string[];
  conversion?: Conversion;
  aliasConversions?: Record<string, Conversion>;
  underlying?: string;
}

/**
 * Builds a record for a freshly imported chain, with default aliases for its underlying. A chain
 * with no usable contract is refused here too, so it can never be saved over a good one.
 */
export function makeRecord(input: NewRecordInput): ChainRecord {
  const unusable = noUsableContracts(input.chain);
  if (unusable) throw new StoredRecordError(unusable);
  const underlying = normalizeSymbol(input.underlying || input.chain.underlying);
  const defaults = defaultAliases(underlying);
  const chain = { ...input.chain, underlying, asOf: input.asOf };
  const record: ChainRecord = {
    schemaVersion: RECORD_SCHEMA_VERSION,
    underlying,
    aliases: input.aliases ?? defaults.aliases,
    conversion: input.conversion ?? { kind: 'ratio', ratio: 1 },
    aliasConversions: input.aliasConversions ?? defaults.aliasConversions,
    asOf: input.asOf,
    source: input.source,
    chain: chainToJSON(chain),
  };
  readRecord(record, recordKey(underlying));
  return record;
}

export function summarize(record: ChainRecord): ChainSummary {
  return {
    underlying: record.underlying,
    underlyingName: record.chain.underlyingName,
    asOf: record.asOf,
    source: record.source,
    contracts: record.chain.count,
    expirations: record.chain.expirations.length,
    spot: record.chain.spot,
    aliases: record.aliases,
    conversion: record.conversion,
    aliasConversions: record.aliasConversions,
    hasVolume: record.chain.hasVolume === true,
  };
}
