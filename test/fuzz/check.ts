/**
 * One fuzz input through every importer and, for what imports, through the analysis (prepare,
 * analyze, evaluateAt, computeDrivers) and the stored form (chainToJSON → chainFromJSON). What may
 * happen: a chain, or an ImportError / ChainParseError. What may not (a "finding"): any other
 * exception, a non-finite number in any output, an imported chain without a usable contract, a
 * chain its own stored form refuses.
 */
import {
  analyze,
  type Chain,
  ChainParseError,
  chainFromJSON,
  chainToJSON,
  computeDrivers,
  evaluateAt,
  type Model,
  makeModel,
  parseCboeQuoteTable,
  prepare,
} from '../../src/core';
import { detectFormat, ImportError, importChain } from '../../src/core/import';
import { importCboeCsv } from '../../src/core/import/cboe-csv';
import { importCboeJson } from '../../src/core/import/cboe-json';
import { importGenericCsv } from '../../src/core/import/generic-csv';
import { usableContracts } from '../../src/core/usable';

export interface FuzzOutcome {
  /** Per reader: 'ok', or the expected error's name. */
  readers: Record<string, string>;
  /** Analyses run (one per reader that imported, per model). */
  analyses: number;
  /** Problems found: each a sentence. */
  findings: string[];
}

const READERS: Record<string, (text: string) => Chain> = {
  importChain: (t) => importChain(t).chain,
  'cboe-csv': (t) => importCboeCsv(t).chain,
  'cboe-json': (t) => importCboeJson(t).chain,
  'generic-csv': (t) => importGenericCsv(t).chain,
  parseCboeQuoteTable: (t) => parseCboeQuoteTable(t),
};

/** Lists the paths of every number in `value` that is not finite (NaN, ±Infinity). */
export function nonFinite(value: unknown, path = ''): string[] {
  return allFinite(value) ? [] : paths(value, path);
}

/** The fast check: no strings built unless something is wrong. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) {
    for (const v of value) if (!allFinite(v)) return false;
    return true;
  }
  if (value && typeof value === 'object') {
    for (const k in value) if (!allFinite((value as Record<string, unknown>)[k])) return false;
  }
  return true;
}

function paths(value: unknown, path: string): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => paths(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => paths(v, path ? `${path}.${k}` : k));
  return [];
}

const MODELS: Model[] = [
  makeModel(),
  makeModel({ preset: 'classic' }),
  makeModel({ scope: '0dte', positions: 'oi+volume', signs: 'short-all' }),
  makeModel({ scope: 'ex-nearest', positions: 'volume', signs: 'long-all' }),
];

/** The instant to analyse at: the file's, else the day before the first expiration, 15:00 UTC. */
function instantOf(chain: Chain): number {
  if (chain.asOf) return Date.parse(chain.asOf);
  return Date.parse(`${chain.expirations[0] ?? '2025-01-17'}T15:00:00Z`) - 86_400_000;
}

/** The spot to analyse at: the file's, else the middle strike. */
function spotOf(chain: Chain): number {
  if (Number.isFinite(chain.spot)) return chain.spot;
  const strikes = Array.from(chain.strike).sort((a, b) => a - b);
  return strikes[strikes.length >> 1] ?? 100;
}

function analyseChain(chain: Chain, modelIndex: number, findings: string[], reader: string): void {
  const model = MODELS[((modelIndex % MODELS.length) + MODELS.length) % MODELS.length]!;
  const at = instantOf(chain);
  const S = spotOf(chain);
  const p = prepare(chain, model, at);
  const a = analyze(p, S);
  const e = evaluateAt(p, S * 1.004, { nowMs: at + 3_600_000, crossings: a.crossings });
  const d = model.preset === 'live' ? computeDrivers(p, S) : null;
  for (const bad of nonFinite({ analysis: a, evaluation: e, drivers: d }))
    findings.push(`${reader}, ${model.preset}/${model.scope}/${model.positions}: non-finite ${bad}`);
}

/** Runs one input; `modelIndex` picks the model of the analysis (inputs rotate through them). */
export function fuzzOne(text: string, modelIndex = 0): FuzzOutcome {
  const out: FuzzOutcome = { readers: {}, analyses: 0, findings: [] };
  // importChain's result is its detected reader's: analysing both would run the same numbers twice.
  const detected = detectFormat(text);
  for (const [name, read] of Object.entries(READERS)) {
    let chain: Chain;
    try {
      chain = read(text);
    } catch (e) {
      if (e instanceof ImportError || e instanceof ChainParseError) {
        out.readers[name] = e.name;
        continue;
      }
      out.findings.push(`${name} threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      continue;
    }
    out.readers[name] = 'ok';
    if (name === 'importChain' && usableContracts(chain) === 0)
      out.findings.push('importChain let through a chain without a usable contract');
    try {
      chainFromJSON(JSON.parse(JSON.stringify(chainToJSON(chain))));
      const same = name === detected && out.readers.importChain === 'ok';
      if (name !== 'parseCboeQuoteTable' && !same) {
        analyseChain(chain, modelIndex, out.findings, name);
        out.analyses++;
      }
    } catch (e) {
      out.findings.push(
        `${name}: the analysis or the stored form threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
      );
    }
  }
  return out;
}
