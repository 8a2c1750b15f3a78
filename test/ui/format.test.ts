import { describe, expect, it } from 'vitest';
import { formatPrice } from '../../src/ui/format.ts';

describe('formatPrice', () => {
  it('shows cents from $10 up: a level converted to SPY is not shown to a hundredth of a cent', () => {
    // SPX's flip 4,494.30149 on a SPY page (÷ 10.0123 …) came out "449.3634".
    expect(formatPrice(449.36338)).toBe('449.36');
    expect(formatPrice(4494.30149)).toBe('4,494.30');
    expect(formatPrice(10)).toBe('10.00');
    expect(formatPrice(458.96)).toBe('458.96');
  });

  it('keeps up to four decimals under $10, and says nothing for no price', () => {
    expect(formatPrice(2.12345)).toBe('2.1235');
    expect(formatPrice(9.5)).toBe('9.50');
    expect(formatPrice(0.0123)).toBe('0.0123');
    expect(formatPrice(null)).toBe('—');
    expect(formatPrice(Number.NaN)).toBe('—');
  });
});
