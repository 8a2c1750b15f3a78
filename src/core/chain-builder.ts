/**
 * ChainBuilder: the one way importers turn contract lines into a Chain. It grows typed arrays one
 * line at a time and is where every value is checked (contract-checks.ts): a line that breaks a
 * bound, or repeats a contract already added (same root, expiration, strike and type), is not added;
 * add() returns why, and the importer counts it in its SkipLog. The first of two duplicates wins.
 *
 *   const b = new ChainBuilder({ underlyingName: 'S&P 500', spot: 4505.1, asOf: '2023-09-14T20:31:00.000Z' });
 *   const why = b.add({ root: 'SPXW', expiration: '2023-09-15', isCall: true, strike: 4500, iv: 0.12,
 *                       oi: 1000, volume: 52, gamma: 0.0031, sourceLine: 5 });   // null = added
 *   const chain = b.build();   // expirations and roots sorted; `underlying` = first root seen
 */
import type { Chain, ChainHeader, ContractInput } from './chain';
import { ChainFormatError } from './chain-format-error';
import {
  contractsInRange,
  dateInRange,
  gammaInRange,
  instantInRange,
  ivInRange,
  priceInRange,
  REASONS,
  type SkipReason,
  strikeInRange,
} from './contract-checks';
import { rootToUnderlying } from './occ';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ChainBuilder {
  private readonly header: ChainHeader;
  private readonly spot: number;
  private n = 0;
  private cap = 256;
  private expiryIdx = new Map<string, number>();
  private rootIdx = new Map<string, number>();
  /**
   * Per (root, expiration) group, the contracts already added: strike in thousandths (OCC strikes
   * have three decimals) × 2, + 1 for a call — a small integer, so V8 hashes it without allocating.
   */
  private seen = new Map<number, Set<number>>();
  private lastGroup = -1;
  private lastSeen: Set<number> | null = null;
  private firstRoot = '';
  /** The last expiration and root added, and their indexes: importers send runs of the same ones. */
  private lastExp: string | null = null;
  private lastE = -1;
  private lastRoot: string | null = null;
  private lastR = -1;
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

  /**
   * Throws ChainFormatError for a spot or snapshot time no chain may carry. `capacity`: the number
   * of lines expected, if known (saves the array doublings).
   */
  constructor(header: ChainHeader, capacity = 256) {
    const spot = header.spot;
    if (!Number.isNaN(spot) && !priceInRange(spot))
      throw new ChainFormatError(`spot ${spot} is out of range`);
    if (header.asOf !== null && !instantInRange(Date.parse(header.asOf)))
      throw new ChainFormatError(`snapshot time "${header.asOf}" is not an instant in 2000–2100`);
    this.header = header;
    this.spot = spot;
    if (capacity > this.cap) {
      this.cap = Math.min(capacity, 1 << 24);
      this.allocate();
    }
  }

  get count(): number {
    return this.n;
  }

  /**
   * Adds one contract line, or leaves it out and says why (contract-checks.ts REASONS). Never throws
   * for a bad line; throws ChainFormatError only past 65,536 expirations or 256 roots.
   */
  add(c: ContractInput): SkipReason | null {
    const sameExp = c.expiration === this.lastExp;
    if (
      !sameExp &&
      (typeof c.expiration !== 'string' || !DATE.test(c.expiration) || !dateInRange(c.expiration))
    )
      return REASONS.expiration;
    if (!c.root) return REASONS.root;
    const strike = c.strike;
    if (!strikeInRange(strike, this.spot)) return REASONS.strike;
    const iv = c.iv > 0 ? c.iv : Number.NaN;
    if (iv > 0 && !ivInRange(iv)) return REASONS.iv;
    if (Number.isNaN(c.oi)) return REASONS.noOi;
    if (!contractsInRange(c.oi)) return REASONS.oi;
    const vol = c.volume ?? Number.NaN;
    if (!Number.isNaN(vol) && !contractsInRange(vol)) return REASONS.volume;
    const gamma = c.gamma ?? Number.NaN;
    if (!Number.isNaN(gamma) && !gammaInRange(gamma, this.spot)) return REASONS.gamma;

    const e = sameExp ? this.lastE : this.expirationIndex(c.expiration);
    const r = c.root === this.lastRoot ? this.lastR : this.rootIndex(c.root);
    const group = r * 0x10000 + e;
    let strikes = group === this.lastGroup ? this.lastSeen! : this.seen.get(group);
    if (!strikes) {
      strikes = new Set();
      this.seen.set(group, strikes);
    }
    this.lastGroup = group;
    this.lastSeen = strikes;
    const before = strikes.size;
    strikes.add(Math.round(strike * 1000) * 2 + (c.isCall ? 1 : 0));
    if (strikes.size === before) return REASONS.duplicate;

    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.expiry[i] = e;
    this.root[i] = r;
    this.isCall[i] = c.isCall ? 1 : 0;
    this.strike[i] = strike;
    this.iv[i] = iv;
    this.oi[i] = c.oi;
    this.volume[i] = vol;
    if (!Number.isNaN(vol)) this.anyVolume = true;
    this.gamma[i] = gamma;
    this.sourceLine[i] = c.sourceLine ?? 0;
    return null;
  }

  private expirationIndex(expiration: string): number {
    let e = this.expiryIdx.get(expiration);
    if (e === undefined) {
      e = this.expiryIdx.size;
      if (e > 0xffff) throw new ChainFormatError('too many expirations');
      this.expiryIdx.set(expiration, e);
    }
    this.lastExp = expiration;
    this.lastE = e;
    return e;
  }

  private rootIndex(root: string): number {
    let r = this.rootIdx.get(root);
    if (r === undefined) {
      r = this.rootIdx.size;
      if (r > 0xff) throw new ChainFormatError('too many roots');
      this.rootIdx.set(root, r);
      if (!this.firstRoot) this.firstRoot = root;
    }
    this.lastRoot = root;
    this.lastR = r;
    return r;
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

  private allocate(): void {
    this.expiry = new Uint16Array(this.cap);
    this.root = new Uint8Array(this.cap);
    this.isCall = new Uint8Array(this.cap);
    this.strike = new Float64Array(this.cap);
    this.iv = new Float64Array(this.cap);
    this.oi = new Float64Array(this.cap);
    this.volume = new Float64Array(this.cap);
    this.gamma = new Float64Array(this.cap);
    this.sourceLine = new Uint32Array(this.cap);
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
