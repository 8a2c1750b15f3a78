/**
 * Table-driven φ and N for the per-tick live re-evaluation (evaluate.ts), where 14,000+ lines each
 * need φ(d1) and N at three spots inside a 0.5 ms budget: Math.exp plus a rational erfc per call
 * costs ~70 ns a line here, a table lookup a few ns.
 *
 * Both functions are cubic Hermite interpolants on a uniform grid of step h = 1/128 over [−10, 10],
 * using the exact derivatives (N′ = φ, φ′ = −xφ), stored as the four coefficients of the cubic in
 * the position t ∈ [0, 1) between two nodes (one cubic per lookup). The interpolation error is at
 * most h⁴/384 · max|f⁗| ≈ 1.3e-11 absolute for N and 1.2e-11 for φ (whose peak is 0.399); beyond
 * ±10, φ < 8e-23 and N is 0 or 1 to double precision.
 * test/core/normal-table.test.ts checks the bound against normal.ts on a dense grid.
 *
 * Callers in hot loops may inline the lookup: `u = (x − TABLE_LO) · TABLE_STEPS`, node k = ⌊u⌋,
 * t = u − k, then the cubic at t of interval k (below) for 0 ≤ u < TABLE_SIZE.
 */
import { normCdf, normPdf } from './normal';

export const TABLE_LO = -10;
/** Nodes per unit of x (1/h). */
export const TABLE_STEPS = 128;
/** Number of intervals. */
export const TABLE_SIZE = -TABLE_LO * 2 * TABLE_STEPS;
const H = 1 / TABLE_STEPS;

/**
 * The cubics of both functions in one array, interval by interval: NORMAL_TABLE[8k … 8k+3] are φ's
 * [a, b, c, d] on interval k and NORMAL_TABLE[8k+4 … 8k+7] are N's, so the φ and N a line needs at
 * one position are 64 adjacent bytes. Each is evaluated as (a + b·t) + (c + d·t)·t², which
 * has a shorter dependency chain than Horner's form.
 *
 * Hot loops take the table into a local and pass it to cdfAtPosition: V8 (Node 20's 11.3) reloads
 * a module binding, and with it the array's base and length, at every access. The local (most of
 * it), the interleaving and Estrin's form together made the live re-evaluation ~15 % faster
 * (0.533 → 0.453 ms, `npm run bench` before and after, 2026-12-01).
 */
export const NORMAL_TABLE = new Float64Array(8 * TABLE_SIZE);
/** Offset of N's coefficients within an interval's eight. */
const CDF_OFFSET = 4;

function fill(offset: number, f: (x: number) => number, slope: (x: number) => number): void {
  for (let k = 0; k < TABLE_SIZE; k++) {
    const x0 = TABLE_LO + k * H;
    const x1 = x0 + H;
    const f0 = f(x0);
    const f1 = f(x1);
    const m0 = H * slope(x0);
    const m1 = H * slope(x1);
    const j = 8 * k + offset;
    NORMAL_TABLE[j] = f0;
    NORMAL_TABLE[j + 1] = m0;
    NORMAL_TABLE[j + 2] = 3 * (f1 - f0) - 2 * m0 - m1;
    NORMAL_TABLE[j + 3] = 2 * (f0 - f1) + m0 + m1;
  }
}
fill(0, normPdf, (x) => -x * normPdf(x));
fill(CDF_OFFSET, normCdf, normPdf);

/** N(x) to ~1e-11 absolute. */
export function tableCdf(x: number): number {
  return cdfAtPosition(NORMAL_TABLE, (x - TABLE_LO) * TABLE_STEPS);
}

/**
 * N at table position u = (x − TABLE_LO) · TABLE_STEPS (hot loops compute u incrementally);
 * `table` is always NORMAL_TABLE, passed in so that the caller's loop keeps it in a register.
 */
export function cdfAtPosition(table: Float64Array, u: number): number {
  if (!(u >= 0)) return 0;
  if (!(u < TABLE_SIZE)) return 1;
  const k = u | 0;
  const t = u - k;
  const j = (k << 3) | CDF_OFFSET;
  return table[j]! + table[j | 1]! * t + (table[j | 2]! + table[j | 3]! * t) * (t * t);
}

/** φ(x) to ~1e-11 absolute. */
export function tablePdf(x: number): number {
  const u = (x - TABLE_LO) * TABLE_STEPS;
  if (!(u >= 0 && u < TABLE_SIZE)) return 0;
  const k = u | 0;
  const t = u - k;
  const j = k << 3;
  const table = NORMAL_TABLE;
  return table[j]! + table[j | 1]! * t + (table[j | 2]! + table[j | 3]! * t) * (t * t);
}
