import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { implausibility, isPlausible } from '../../src/core/price-plausible.ts';

describe('implausibility', () => {
  it('rejects zero, negative and non-finite prices', () => {
    expect(implausibility(null, 0)).toBe('not-positive');
    expect(implausibility(100, -1)).toBe('not-positive');
    expect(implausibility(100, Number.NaN)).toBe('not-finite');
    expect(implausibility(null, Number.POSITIVE_INFINITY)).toBe('not-finite');
  });

  it('accepts any positive first reading', () => {
    expect(implausibility(null, 0.0001)).toBeNull();
    expect(implausibility(null, 65000)).toBeNull();
  });

  it('flags a jump larger than the allowed percentage from the previous reading', () => {
    expect(implausibility(100, 120, 15)).toBe('jump');
    expect(implausibility(100, 80, 15)).toBe('jump');
    expect(implausibility(100, 114, 15)).toBeNull();
    expect(implausibility(190.12, 1901.2)).toBe('jump');
  });

  it('is symmetric enough that small moves in both directions pass', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.double({ min: -0.1, max: 0.1, noNaN: true }),
        (prev, move) => {
          expect(isPlausible(prev, prev * (1 + move), 15)).toBe(true);
        },
      ),
    );
  });
});
