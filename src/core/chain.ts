/**
 * The option chain as the rest of GEXfocus sees it: compact, columnar, one entry per contract line
 * (a Cboe quote-table row is two lines, a call and a put). Typed arrays keep a 20,000-line chain
 * around 1 MB and make the exposure loops allocation-free.
 *
 * Build one with ChainBuilder (importers for any source format use it):
 *
 *   const b = new ChainBuilder({ underlyingName: 'S&P 500', spot: 4505.1, asOf: '2023-09-14T20:31:00.000Z' });
 *   b.add({ root: 'SPXW', expiration: '2023-09-15', isCall: true, strike: 4500, iv: 0.12, oi: 1000,
 *           gamma: 0.0031, sourceLine: 5 });
 *   const chain = b.build();          // expirations and roots sorted; `underlying` = first root seen
 *
 * Store it with chainToJSON / chainFromJSON (validates; throws ChainFormatError).
 */

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

/** Thrown by chainFromJSON and ChainBuilder on data that cannot form a chain. */
export class ChainFormatError extends Error {
  override name = 'ChainFormatError';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Grows typed arrays one contract at a time; call build() once at the end. */
export class ChainBuilder {
  private readonly header: ChainHeader;
  private n = 0;
  private cap = 256;
  private expiryIdx = new Map<string, number>();
  private rootIdx = new Map<string, number>();
  private firstRoot = '';
  private expiry = new Uint16Array(this.cap);
  private root = new Uint8Array(this.cap);
  private isCall = new Uint8Array(this.cap);
  private strike = new Float64Array(this.cap);
  private iv = new Float64Array(this.cap);
  private oi = new Float64Array(this.cap);
  private volume = new Float64Array(this.cap);
  private anyVolume = false;
  private gamma = new Float64Array(this.cap);
  private sourceLine = new Uint32Array(this.cap);

  constructor(header: ChainHeader) {
    this.header = header;
  }

  get count(): number {
    return this.n;
  }

  /** Appends one contract line. Throws ChainFormatError on an impossible date, root or strike. */
  add(c: ContractInput): void {
    if (!DATE.test(c.expiration)) throw new ChainFormatError(`bad expiration date "${c.expiration}"`);
    if (!c.root) throw new ChainFormatError('empty root');
    if (!(c.strike > 0) || !Number.isFinite(c.strike)) throw new ChainFormatError(`bad strike ${c.strike}`);
    if (this.n === this.cap) this.grow();
    let e = this.expiryIdx.get(c.expiration);
    if (e === undefined) {
      e = this.expiryIdx.size;
      if (e > 0xffff) throw new ChainFormatError('too many expirations');
      this.expiryIdx.set(c.expiration, e);
    }
    let r = this.rootIdx.get(c.root);
    if (r === undefined) {
      r = this.rootIdx.size;
      if (r > 0xff) throw new ChainFormatError('too many roots');
      this.rootIdx.set(c.root, r);
      if (!this.firstRoot) this.firstRoot = c.root;
    }
    const i = this.n++;
    this.expiry[i] = e;
    this.root[i] = r;
    this.isCall[i] = c.isCall ? 1 : 0;
    this.strike[i] = c.strike;
    this.iv[i] = c.iv > 0 && Number.isFinite(c.iv) ? c.iv : Number.NaN;
    this.oi[i] = Number.isFinite(c.oi) && c.oi > 0 ? c.oi : 0;
    const vol = c.volume;
    if (vol !== undefined && Number.isFinite(vol) && vol >= 0) {
      this.volume[i] = vol;
      this.anyVolume = true;
    } else this.volume[i] = Number.NaN;
    this.gamma[i] = c.gamma === undefined || !Number.isFinite(c.gamma) ? Number.NaN : c.gamma;
    this.sourceLine[i] = c.sourceLine ?? 0;
  }

  /** Finishes the chain: sorts the expiration and root tables and trims the arrays. */
  build(): Chain {
    const n = this.n;
    const expirations = [...this.expiryIdx.keys()].sort();
    const roots = [...this.rootIdx.keys()].sort();
    const eMap = remap(this.expiryIdx, expirations);
    const rMap = remap(this.rootIdx, roots);
    const expiry = new Uint16Array(n);
    const root = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      expiry[i] = eMap[this.expiry[i]!]!;
      root[i] = rMap[this.root[i]!]!;
    }
    return {
      underlying: this.header.underlying || rootToUnderlying(this.firstRoot),
      underlyingName: this.header.underlyingName ?? '',
      spot: this.header.spot,
      asOf: this.header.asOf,
      expirations,
      roots,
      count: n,
      expiry,
      root,
      isCall: this.isCall.slice(0, n),
      strike: this.strike.slice(0, n),
      iv: this.iv.slice(0, n),
      oi: this.oi.slice(0, n),
      volume: this.volume.slice(0, n),
      hasVolume: this.header.hasVolume ?? this.anyVolume,
      gamma: this.gamma.slice(0, n),
      sourceLine: this.sourceLine.slice(0, n),
    };
  }

  private grow(): void {
    this.cap *= 2;
    const g = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.cap);
      b.set(a);
      return b;
    };
    this.expiry = g(this.expiry);
    this.root = g(this.root);
    this.isCall = g(this.isCall);
    this.strike = g(this.strike);
    this.iv = g(this.iv);
    this.oi = g(this.oi);
    this.volume = g(this.volume);
    this.gamma = g(this.gamma);
    this.sourceLine = g(this.sourceLine);
  }
}

function remap(index: Map<string, number>, sorted: string[]): number[] {
  const out: number[] = new Array(index.size);
  sorted.forEach((key, j) => {
    out[index.get(key)!] = j;
  });
  return out;
}

/** Weekly / PM roots of index options map to their index: SPXW → SPX, NDXP → NDX, RUTW → RUT. */
export function rootToUnderlying(root: string): string {
  const m = /^(SPX|NDX|RUT|DJX|VIX|XSP|OEX|XEO)(W|P|Q)?$/.exec(root);
  return m ? m[1]! : root;
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
  if (spot !== null && (typeof spot !== 'number' || !Number.isFinite(spot))) fail('spot', 'is not a number');
  const asOf = v.asOf;
  if (asOf !== null && (typeof asOf !== 'string' || Number.isNaN(Date.parse(asOf)))) {
    fail('asOf', 'is not an ISO-8601 instant');
  }
  return {
    underlying: str('underlying'),
    underlyingName: str('underlyingName'),
    spot: spot === null ? Number.NaN : (spot as number),
    asOf: asOf as string | null,
    expirations,
    roots,
    count: n,
    expiry: Uint16Array.from(nums('expiry', int(expirations.length))),
    root: Uint8Array.from(nums('root', int(roots.length))),
    isCall: Uint8Array.from(nums('isCall', int(2))),
    strike: nums('strike', (x) => x > 0),
    iv: nums('iv', (x) => x > 0, true),
    oi: nums('oi', (x) => x >= 0),
    volume:
      v.volume === undefined ? new Float64Array(n).fill(Number.NaN) : nums('volume', (x) => x >= 0, true),
    hasVolume: v.hasVolume === true && v.volume !== undefined,
    gamma: nums('gamma', () => true, true),
    sourceLine: Uint32Array.from(nums('sourceLine', int(2 ** 32))),
  };
}
