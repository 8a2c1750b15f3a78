/**
 * The option chain as the rest of GEXfocus sees it: compact, columnar, one entry per contract line
 * (a Cboe quote-table row is two lines, a call and a put). Typed arrays keep a 20,000-line chain
 * around 1 MB and make the exposure loops allocation-free.
 *
 * Build one with ChainBuilder (./chain-builder.ts: every importer uses it; it checks each value and
 * leaves out bad and duplicate lines). Store it with chainToJSON / chainFromJSON (validates with the
 * same bounds, contract-checks.ts; throws ChainFormatError).
 */
import { ChainFormatError } from './chain-format-error';
import { contractsInRange, gammaInRange, instantInRange, ivInRange, priceInRange } from './contract-checks';

export { ChainBuilder } from './chain-builder';
export { ChainFormatError } from './chain-format-error';
export { rootToUnderlying } from './occ';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A parsed option chain. Index i of every column describes contract line i. */
export interface Chain {
  /** Underlying symbol, e.g. 'SPX' (the file's symbol, else derived from the first OCC root). */
  underlying: string;
  /** Human name from the file, e.g. 'Standard & Poors 500 Index'; '' when unknown. */
  underlyingName: string;
  /** The file's last price of the underlying (price units); NaN when the file has none. */
  spot: number;
  /** Snapshot instant, ISO-8601 UTC ('…Z'); null = unknown, the caller must supply one. */
  asOf: string | null;
  /** Distinct expiration dates 'YYYY-MM-DD', ascending. `expiry[i]` indexes this. */
  expirations: string[];
  /** Distinct OCC roots, ascending, e.g. ['SPX', 'SPXW']. `root[i]` indexes this. */
  roots: string[];
  /** Number of contract lines. */
  count: number;
  expiry: Uint16Array;
  root: Uint8Array;
  /** 1 = call, 0 = put. */
  isCall: Uint8Array;
  /** Strike, price units. */
  strike: Float64Array;
  /** Implied volatility, annualised decimal (0.1749 = 17.49 %); NaN = missing. */
  iv: Float64Array;
  /** Open interest, contracts. */
  oi: Float64Array;
  /**
   * The day's traded volume, contracts; NaN = the source gives none for this line. `hasVolume` says
   * whether the source format has a volume column at all (the positions model needs it).
   */
  volume: Float64Array;
  /** True when the source carries volume (Cboe quote table, Cboe JSON `volume`, a CSV volume column). */
  hasVolume: boolean;
  /** The feed's gamma as printed (per 1 unit of underlying, one option); NaN = absent. */
  gamma: Float64Array;
  /** 1-based line number in the source file (0 = not from a file). */
  sourceLine: Uint32Array;
}

/** One contract line handed to ChainBuilder.add. */
export interface ContractInput {
  root: string;
  /** 'YYYY-MM-DD'. */
  expiration: string;
  isCall: boolean;
  /** Price units. */
  strike: number;
  /** Annualised decimal; NaN or ≤ 0 = missing. */
  iv: number;
  /** Contracts. */
  oi: number;
  /** The day's volume, contracts; omit or NaN when the source has none. */
  volume?: number;
  /** Feed gamma (per unit of underlying); omit or NaN when the source has none. */
  gamma?: number;
  /** 1-based source line, 0 if none. */
  sourceLine?: number;
}

export interface ChainHeader {
  /** Underlying symbol; defaults to the first root added. */
  underlying?: string;
  underlyingName?: string;
  /** Price units; NaN if unknown. */
  spot: number;
  /** ISO-8601 UTC or null. */
  asOf: string | null;
  /** The source format has a volume column (default: true when any line carried a volume). */
  hasVolume?: boolean;
}

/**
 * The JSON form: same fields, typed arrays as plain number arrays, NaN as null. Version 2 adds
 * `volume` (null per line without one) and `hasVolume`; version 1 (no volume) is still read.
 */
export interface ChainJSON {
  version: 2;
  underlying: string;
  underlyingName: string;
  spot: number | null;
  asOf: string | null;
  expirations: string[];
  roots: string[];
  count: number;
  expiry: number[];
  root: number[];
  isCall: number[];
  strike: number[];
  iv: (number | null)[];
  oi: number[];
  /** Absent in version 1. */
  volume?: (number | null)[];
  hasVolume?: boolean;
  gamma: (number | null)[];
  sourceLine: number[];
}

const nanToNull = (a: Float64Array): (number | null)[] => Array.from(a, (x) => (Number.isNaN(x) ? null : x));

/** Serialisable copy of a chain (JSON.stringify-safe: no NaN, no typed arrays). */
export function chainToJSON(chain: Chain): ChainJSON {
  return {
    version: 2,
    underlying: chain.underlying,
    underlyingName: chain.underlyingName,
    spot: Number.isNaN(chain.spot) ? null : chain.spot,
    asOf: chain.asOf,
    expirations: [...chain.expirations],
    roots: [...chain.roots],
    count: chain.count,
    expiry: Array.from(chain.expiry),
    root: Array.from(chain.root),
    isCall: Array.from(chain.isCall),
    strike: Array.from(chain.strike),
    iv: nanToNull(chain.iv),
    oi: Array.from(chain.oi),
    volume: nanToNull(chain.volume),
    hasVolume: chain.hasVolume,
    gamma: nanToNull(chain.gamma),
    sourceLine: Array.from(chain.sourceLine),
  };
}

/** Validates and rebuilds a chain from chainToJSON's output. Throws ChainFormatError naming the field. */
export function chainFromJSON(value: unknown): Chain {
  const fail = (field: string, what: string): never => {
    throw new ChainFormatError(`stored chain: ${field} ${what}`);
  };
  if (typeof value !== 'object' || value === null) return fail('(root)', 'is not an object');
  const v = value as Record<string, unknown>;
  if (v.version !== 1 && v.version !== 2) fail('version', 'is not 1 or 2');
  const str = (f: string): string =>
    typeof v[f] === 'string' ? (v[f] as string) : fail(f, 'is not a string');
  const strList = (f: string, re?: RegExp): string[] => {
    const a = v[f];
    if (!Array.isArray(a) || a.some((x) => typeof x !== 'string' || (re && !re.test(x)))) {
      return fail(f, 'is not a list of valid strings');
    }
    return a as string[];
  };
  const count = v.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) fail('count', 'is not a count');
  const n = count as number;
  const expirations = strList('expirations', DATE);
  const roots = strList('roots');
  const nums = (f: string, ok: (x: number) => boolean, nullable = false): Float64Array => {
    const a = v[f];
    if (!Array.isArray(a) || a.length !== n) return fail(f, `is not a list of ${n} numbers`);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = a[i];
      if (x === null && nullable) out[i] = Number.NaN;
      else if (typeof x === 'number' && Number.isFinite(x) && ok(x)) out[i] = x;
      else fail(`${f}[${i}]`, `is invalid (${String(x)})`);
    }
    return out;
  };
  const int = (max: number) => (x: number) => Number.isInteger(x) && x >= 0 && x < max;
  const spot = v.spot;
  if (spot !== null && (typeof spot !== 'number' || !priceInRange(spot))) fail('spot', 'is not a price');
  const spotValue = spot === null ? Number.NaN : (spot as number);
  const asOf = v.asOf;
  if (asOf !== null && (typeof asOf !== 'string' || !instantInRange(Date.parse(asOf)))) {
    fail('asOf', 'is not an ISO-8601 instant in 2000–2100');
  }
  return {
    underlying: str('underlying'),
    underlyingName: str('underlyingName'),
    spot: spotValue,
    asOf: asOf as string | null,
    expirations,
    roots,
    count: n,
    expiry: Uint16Array.from(nums('expiry', int(expirations.length))),
    root: Uint8Array.from(nums('root', int(roots.length))),
    isCall: Uint8Array.from(nums('isCall', int(2))),
    // The bounds a chain was built with (contract-checks.ts), except strike against spot: a chain
    // saved before that rule may hold real far strikes (NVDA 0.50), and they are harmless.
    strike: nums('strike', priceInRange),
    iv: nums('iv', ivInRange, true),
    oi: nums('oi', contractsInRange),
    volume:
      v.volume === undefined ? new Float64Array(n).fill(Number.NaN) : nums('volume', contractsInRange, true),
    hasVolume: v.hasVolume === true && v.volume !== undefined,
    gamma: nums('gamma', (x) => gammaInRange(x, spotValue), true),
    sourceLine: Uint32Array.from(nums('sourceLine', int(2 ** 32))),
  };
}
