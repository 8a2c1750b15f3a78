/** Small chart arithmetic for the popup's SVG charts: nice ticks and linear scales. */

export type Scale = (v: number) => number;

/** A linear map from [d0, d1] to [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): Scale {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** About `count` round values within [lo, hi] (steps of 1, 2, 2.5 or 5 × 10^n). */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

/**
 * Where zero sits (0 = top, 1 = bottom of the plot) so that several series, each on its own vertical
 * scale, share one zero line and each fills as much of the height as the others allow: the z in
 * [0.15, 0.85] that maximises the smallest fill (sampled every 1 %; the charts are 150 px tall).
 */
export function sharedZero(series: { max: number; min: number }[]): number {
  let best = 0.5;
  let bestFill = -1;
  for (let z = 0.15; z <= 0.85 + 1e-9; z += 0.01) {
    let fill = 1;
    for (const { max, min } of series) {
      const up = Math.max(0, max);
      const down = Math.max(0, -min);
      if (up + down === 0) continue;
      fill = Math.min(fill, z / (up / (up + down)), (1 - z) / (down / (up + down)));
    }
    if (fill > bestFill + 1e-12) {
      bestFill = fill;
      best = z;
    }
  }
  return best;
}

/** Pixels per unit for a series with zero at `zeroY` in a plot from `top` to `bottom`. */
export function unitsToPixels(s: { max: number; min: number }, zeroY: number, top: number, bottom: number) {
  const up = Math.max(0, s.max);
  const down = Math.max(0, -s.min);
  const k = Math.min(up > 0 ? (zeroY - top) / up : Infinity, down > 0 ? (bottom - zeroY) / down : Infinity);
  return Number.isFinite(k) ? k : 0;
}
