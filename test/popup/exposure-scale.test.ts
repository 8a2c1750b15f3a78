import { describe, expect, it } from 'vitest';
import { exposurePhrase } from '../../src/popup/model/exposure.ts';
import { linear, niceTicks, sharedZero, unitsToPixels } from '../../src/popup/model/scale.ts';
import { signedPct, signedPoints } from '../../src/ui/numbers.ts';

const x = {
  netGex: 16.1e9,
  units: 'per-1pct' as const,
  symbol: 'ES1!',
  pagePrice: 4525.1,
  underlying: 'SPX',
  underlyingPrice: 4505.1,
};

describe('net GEX in the user’s units', () => {
  it('is dollars per 1 % move by default, signed', () => {
    expect(exposurePhrase(x)).toBe('+$16.1 bn per 1 % move');
    expect(exposurePhrase({ ...x, netGex: -2.04e9 })).toBe('\u2212$2.04 bn per 1 % move');
  });

  it('is dollars per 1-point move of the page’s symbol', () => {
    // 16.1e9 / (0.01 × 4525.1) = $355.8 m per ES1! point.
    expect(exposurePhrase({ ...x, units: 'per-point' })).toBe('+$356 m per 1-point move of ES1!');
  });

  it('is the index future’s contracts for an index, and shares for an ETF — never units of SPX', () => {
    // 16.1e9 / (50 × 4505.1) = 71,474.6 ES.
    expect(exposurePhrase({ ...x, units: 'shares' })).toBe('+71,475 ES per 1 % move');
    expect(exposurePhrase({ ...x, units: 'shares', underlying: 'SPY', underlyingPrice: 450.51 })).toBe(
      '+35.7 m shares per 1 % move',
    );
  });
});

describe('signed distances', () => {
  it('uses a true minus sign and a unit', () => {
    expect(signedPct(-0.0024)).toBe('\u22120.24 %');
    expect(signedPct(0.0125)).toBe('+1.25 %');
    expect(signedPoints(-10.8, 4505.1)).toBe('\u221210.80 pts');
    expect(signedPoints(0.00001, 4505.1)).toBe('0 pts');
    expect(signedPoints(0.0123, 1.2)).toBe('+0.0123 pts');
  });
});

describe('chart scales', () => {
  it('maps a domain linearly onto pixels', () => {
    const s = linear(4400, 4600, 40, 340);
    expect(s(4400)).toBe(40);
    expect(s(4500)).toBe(190);
    expect(s(4600)).toBe(340);
  });

  it('picks round ticks inside the range, no closer than the range over the count asked for', () => {
    expect(niceTicks(4371.2, 4640.3, 4)).toEqual([4400, 4500, 4600]);
    expect(niceTicks(4371.2, 4640.3, 6)).toEqual([4400, 4450, 4500, 4550, 4600]);
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(5, 5)).toEqual([]);
  });

  it('puts one zero line where two series on their own scales both fill the plot best', () => {
    // Both series have as much above zero as below: zero in the middle.
    expect(
      sharedZero([
        { max: 2, min: -2 },
        { max: 40, min: -40 },
      ]),
    ).toBeCloseTo(0.5, 9);
    // One mostly positive, one mostly negative: zero between their own best places, inside 15–85 %.
    const z = sharedZero([
      { max: 9, min: -1 },
      { max: 1, min: -3 },
    ]);
    expect(z).toBeGreaterThan(0.25);
    expect(z).toBeLessThan(0.9);
    const k = unitsToPixels({ max: 9, min: -1 }, 14 + z * 112, 14, 126);
    expect(14 + z * 112 - 9 * k).toBeGreaterThanOrEqual(14 - 1e-9);
    expect(14 + z * 112 + 1 * k).toBeLessThanOrEqual(126 + 1e-9);
  });
});
