/**
 * Table-driven φ and N for the per-tick live re-evaluation (evaluate.ts), where 14,000+ lines each
 * need φ(d1) and N at three spots inside a 0.5 ms budget: Math.exp plus a rational erfc per call
 * costs ~70 ns a line here, a table lookup a few ns.
 *
 * Both functions are cubic Hermite interpolants on a uniform grid of step h = 1/128 over [−10, 10],
 * using the exact derivatives (N′ = φ, φ′ = −xφ), stored as the four coefficients of the cubic in
 * the position t ∈ [0, 1) between two nodes (one Horner evaluation per lookup). The interpolation
 * error is at most h⁴/384 · max|f⁗| ≈ 1.3e-11 absolute for N and 1.2e-11 for φ (whose peak is
 * 0.399); beyond ±10, φ < 8e-23 and N is 0 or 1 to double precision.
 * test/core/normal-table.test.ts checks the bound against normal.ts on a dense grid.
 *
 * Callers in hot loops may inline the lookup: `u = (x − TABLE_LO) · TABLE_STEPS`, node k = ⌊u⌋,
 * t = u − k, value = ((c[4k+3]·t + c[4k+2])·t + c[4k+1])·t + c[4k] for 0 ≤ u < TABLE_SIZE.
 */
import { normCdf, normPdf } from './normal';

export const TABLE_LO = -10;
/** Nodes per unit of x (1/h). */
export const TABLE_STEPS = 128;
/** Number of intervals. */
export const TABLE_SIZE = -TABLE_LO * 2 * TABLE_STEPS;
const H = 1 / TABLE_STEPS;

/** Cubic coefficients per interval for N (CDF_COEF) and φ (PDF_COEF): [a, b, c, d] × TABLE_SIZE. */
export const CDF_COEF = new Float64Array(4 * TABLE_SIZE);
export const PDF_COEF = new Float64Array(4 * TABLE_SIZE);

function fill(coef: Float64Array, f: (x: number) => number, slope: (x: number) => number): void {
  for (let k = 0; k < TABLE_SIZE; k++) {
    const x0 = TABLE_LO + k * H;
    const x1 = x0 + H;
    const f0 = f(x0);
    const f1 = f(x1);
    const m0 = H * slope(x0);
    const m1 = H * slope(x1);
    coef[4 * k] = f0;
    coef[4 * k + 1] = m0;
    coef[4 * k + 2] = 3 * (f1 - f0) - 2 * m0 - m1;
    coef[4 * k + 3] = 2 * (f0 - f1) + m0 + m1;
  }
}
fill(CDF_COEF, normCdf, normPdf);
fill(PDF_COEF, normPdf, (x) => -x * normPdf(x));

/** N(x) to ~1e-11 absolute. */
export function tableCdf(x: number): number {
  return cdfAtPosition((x - TABLE_LO) * TABLE_STEPS);
}

/** N at table position u = (x − TABLE_LO) · TABLE_STEPS (hot loops compute u incrementally). */
export function cdfAtPosition(u: number): number {
  if (!(u >= 0)) return 0;
  if (!(u < TABLE_SIZE)) return 1;
  const k = u | 0;
  const t = u - k;
  const j = 4 * k;
  return ((CDF_COEF[j + 3]! * t + CDF_COEF[j + 2]!) * t + CDF_COEF[j + 1]!) * t + CDF_COEF[j]!;
}

/** φ(x) to ~1e-11 absolute. */
export function tablePdf(x: number): number {
  const u = (x - TABLE_LO) * TABLE_STEPS;
  if (!(u >= 0 && u < TABLE_SIZE)) return 0;
  const k = u | 0;
  const t = u - k;
  const j = 4 * k;
  return ((PDF_COEF[j + 3]! * t + PDF_COEF[j + 2]!) * t + PDF_COEF[j + 1]!) * t + PDF_COEF[j]!;
}
