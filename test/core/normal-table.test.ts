import { describe, expect, it } from 'vitest';
import { normCdf, normPdf } from '../../src/core/normal';
import { tableCdf, tablePdf } from '../../src/core/normal-table';

describe('the Hermite tables for φ and N', () => {
  it('stay within 2e-11 of the exact functions on a dense grid that misses the table nodes', () => {
    let worstPdf = 0;
    let worstCdf = 0;
    for (let x = -11; x <= 11; x += 0.000917) {
      worstPdf = Math.max(worstPdf, Math.abs(tablePdf(x) - normPdf(x)));
      worstCdf = Math.max(worstCdf, Math.abs(tableCdf(x) - normCdf(x)));
    }
    expect(worstPdf).toBeLessThan(2e-11);
    expect(worstCdf).toBeLessThan(2e-11);
  });

  it('hit the exact values on the nodes', () => {
    for (const x of [-3, -0.5, 0, 1.25, 7]) {
      expect(Math.abs(tableCdf(x) - normCdf(x))).toBeLessThan(1e-15);
      expect(Math.abs(tablePdf(x) - normPdf(x))).toBeLessThan(1e-15);
    }
  });

  it('saturate outside ±10 and treat NaN as no contribution', () => {
    expect(tableCdf(12)).toBe(1);
    expect(tableCdf(-12)).toBe(0);
    expect(tablePdf(12)).toBe(0);
    expect(tableCdf(Number.NaN)).toBe(0);
    expect(tablePdf(Number.NaN)).toBe(0);
  });
});
