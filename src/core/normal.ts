/**
 * Standard normal density and distribution, double precision.
 *
 * normCdf is W. J. Cody's / Hart's algorithm 5666 as given by G. West, "Better approximations to
 * cumulative normal functions" (Wilmott, 2005): absolute error below 1e-14 over the real line,
 * which the 1e-9 relative reference comparisons need (an Abramowitz–Stegun 26.2.17 formula
 * would only give ~1e-7).
 */

/** 1/√(2π). */
export const INV_SQRT_2PI = 0.3989422804014327;

/** φ(x) = e^(−x²/2)/√(2π). */
export function normPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** N(x) = P(Z ≤ x) for a standard normal Z. */
export function normCdf(x: number): number {
  const a = Math.abs(x);
  let c: number;
  if (a > 37) {
    c = 0;
  } else {
    const e = Math.exp(-0.5 * a * a);
    if (a < 7.07106781186547) {
      let b = 3.52624965998911e-2 * a + 0.700383064443688;
      b = b * a + 6.37396220353165;
      b = b * a + 33.912866078383;
      b = b * a + 112.079291497871;
      b = b * a + 221.213596169931;
      b = b * a + 220.206867912376;
      c = e * b;
      b = 8.83883476483184e-2 * a + 1.75566716318264;
      b = b * a + 16.064177579207;
      b = b * a + 86.7807322029461;
      b = b * a + 296.564248779674;
      b = b * a + 637.333633378831;
      b = b * a + 793.826512519948;
      b = b * a + 440.413735824752;
      c /= b;
    } else {
      let b = a + 0.65;
      b = a + 4 / b;
      b = a + 3 / b;
      b = a + 2 / b;
      b = a + 1 / b;
      c = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - c : c;
}
