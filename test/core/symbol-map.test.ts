import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conversionFor,
  defaultAliases,
  describeConversion,
  isUsable,
  normalizeSymbol,
  suggestRatio,
  toPage,
  toUnderlying,
} from '../../src/core/symbol-map.ts';

describe('symbol mapping', () => {
  it('drops exchange prefixes and case so page symbols compare equal', () => {
    expect(normalizeSymbol('CBOE:spx')).toBe('SPX');
    expect(normalizeSymbol(' CME_MINI:ES1! ')).toBe('ES1!');
    expect(normalizeSymbol('^GSPC')).toBe('^GSPC');
  });

  it('answers the SPX chain for index symbols 1:1 and for ES with a basis that must be confirmed', () => {
    const d = defaultAliases('SPX');
    const target = {
      aliases: d.aliases,
      aliasConversions: d.aliasConversions,
      conversion: { kind: 'ratio', ratio: 1 } as const,
    };
    expect(conversionFor(target, 'SP:SPX')).toEqual({ kind: 'ratio', ratio: 1 });
    expect(conversionFor(target, '.INX')).toEqual({ kind: 'ratio', ratio: 1 });
    expect(conversionFor(target, 'CME_MINI:ES1!')).toEqual({ kind: 'auto' });
    expect(isUsable(conversionFor(target, '/ES')!)).toBe(false);
    expect(conversionFor(target, 'AAPL')).toBeNull();
  });

  it('gives an equity chain just its own ticker', () => {
    expect(defaultAliases('nvda')).toEqual({ aliases: ['NVDA'], aliasConversions: {} });
  });
});

describe('price conversion', () => {
  it('converts SPY to SPX by ratio and back', () => {
    const c = { kind: 'ratio', ratio: 4505.1001 / 450.81 } as const;
    expect(toUnderlying(c, 450.81)).toBeCloseTo(4505.1001, 9);
    expect(toPage(c, 4500)).toBeCloseTo(4500 / c.ratio, 12);
  });

  it('converts ES to SPX by subtracting the basis and levels back by adding it', () => {
    const c = { kind: 'offset', offset: 15.25 } as const;
    expect(toUnderlying(c, 4520.25)).toBe(4505);
    expect(toPage(c, 4500)).toBe(4515.25);
  });

  it('refuses an unconfirmed auto conversion instead of guessing', () => {
    expect(() => toUnderlying({ kind: 'auto' }, 4500)).toThrow(/not been confirmed/);
    expect(toUnderlying({ kind: 'auto', ratio: 0.5, confirmedAt: 1 }, 10)).toBe(5);
    expect(suggestRatio(4505, 4520)).toBeCloseTo(4505 / 4520, 15);
    expect(suggestRatio(4505, 0)).toBeNull();
  });

  it('round-trips any price through any usable conversion', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.oneof(
          fc.double({ min: 1e-3, max: 1e3, noNaN: true }).map((ratio) => ({ kind: 'ratio', ratio }) as const),
          fc
            .double({ min: -500, max: 500, noNaN: true })
            .map((offset) => ({ kind: 'offset', offset }) as const),
        ),
        (price, c) => Math.abs(toPage(c, toUnderlying(c, price)) - price) <= 1e-9 * Math.max(1, price),
      ),
    );
  });

  it('describes conversions in a few words', () => {
    expect(describeConversion({ kind: 'ratio', ratio: 1 })).toBe('1:1');
    expect(describeConversion({ kind: 'offset', offset: 15.25 })).toBe('− 15.25 pts');
    expect(describeConversion({ kind: 'auto' })).toBe('auto (unconfirmed)');
  });
});
