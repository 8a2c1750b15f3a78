import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalMarkOf, parsePriceText } from '../../src/core/price-text.ts';

const value = (text: string, options?: Parameters<typeof parsePriceText>[1]) =>
  parsePriceText(text, options)?.value ?? null;

describe('parsePriceText', () => {
  it('reads the US format with grouping commas', () => {
    expect(value('1,234.56')).toBe(1234.56);
    expect(value('$178.72')).toBe(178.72);
  });

  it('takes the last of . and , as the decimal mark when both occur', () => {
    expect(value('1.234,56')).toBe(1234.56);
    expect(value('1.234.567,8')).toBe(1234567.8);
    expect(value('1,234,567.8')).toBe(1234567.8);
  });

  it('treats spaces, NBSP, narrow NBSP and apostrophes as grouping', () => {
    expect(value('1 234,56')).toBe(1234.56);
    expect(value('1\u00A0234,56')).toBe(1234.56);
    expect(value('12\u202F345.5')).toBe(12345.5);
    expect(value("1'234.56")).toBe(1234.56);
    expect(value('1\u2019234.56')).toBe(1234.56);
  });

  it('reads a repeated single separator as grouping', () => {
    expect(value('1.234.567')).toBe(1234567);
    expect(value('1,234,567')).toBe(1234567);
  });

  it('reads the Unicode minus and parentheses as negative', () => {
    expect(value('\u22121.25')).toBe(-1.25);
    expect(value('(3.50)')).toBe(-3.5);
    expect(value('-0.75')).toBe(-0.75);
  });

  it('keeps digits rendered in a trailing <sup> as extra precision', () => {
    // textContent of <span>150.12<sup>3</sup></span>
    expect(parsePriceText('150.123')).toMatchObject({ value: 150.123, decimals: 3 });
  });

  it('flags IBKR prior-close and halted prefixes as not live', () => {
    expect(parsePriceText('C190.12')).toMatchObject({ value: 190.12, status: 'prior-close' });
    expect(parsePriceText('H55.10')).toMatchObject({ value: 55.1, status: 'halted' });
    expect(parsePriceText('190.12')).toMatchObject({ status: 'live' });
  });

  it('ignores currency, pence and surrounding words', () => {
    expect(value('1,234.5p')).toBe(1234.5);
    expect(value('€ 98,40')).toBe(98.4);
    expect(value('LAST\n6012.25\n+12.50')).toBe(6012.25);
    expect(value('12.34 x 100')).toBe(12.34);
  });

  it('returns null for placeholders without digits', () => {
    expect(parsePriceText('—')).toBeNull();
    expect(parsePriceText('-')).toBeNull();
    expect(parsePriceText('')).toBeNull();
    expect(parsePriceText('N/A')).toBeNull();
  });

  it('does not mistake long fractions for grouping', () => {
    expect(value('0.12345')).toBe(0.12345);
    expect(value('0.123')).toBe(0.123);
    expect(value('1234.567')).toBe(1234.567);
  });

  it('resolves the ambiguous 1.234 by the locale hint', () => {
    expect(parsePriceText('1.234', { decimal: ',' })).toMatchObject({ value: 1234, ambiguous: false });
    expect(parsePriceText('1.234', { decimal: '.' })).toMatchObject({ value: 1.234, ambiguous: false });
    expect(parsePriceText('1,234', { decimal: ',' })).toMatchObject({ value: 1.234 });
  });

  it('resolves the ambiguous 1.234 by the previous value when there is no hint', () => {
    expect(value('1.234', { previous: 1233.5 })).toBe(1234);
    expect(value('1.234', { previous: 1.2 })).toBe(1.234);
    expect(value('1,234', { previous: 1.2 })).toBe(1.234);
  });

  it('defaults the ambiguous case to a dot decimal and says it guessed', () => {
    expect(parsePriceText('1.234')).toMatchObject({ value: 1.234, ambiguous: true });
    expect(parsePriceText('1,234')).toMatchObject({ value: 1234, ambiguous: true });
  });
});

describe('decimalMarkOf', () => {
  it('knows the decimal mark of common locales', () => {
    expect(decimalMarkOf('en-US')).toBe('.');
    expect(decimalMarkOf('de-DE')).toBe(',');
    expect(decimalMarkOf('fr')).toBe(',');
    expect(decimalMarkOf(undefined)).toBeUndefined();
    expect(decimalMarkOf('not a locale!')).toBeUndefined();
  });
});

type Style = { group: string; decimal: '.' | ',' };
const STYLES: Style[] = [
  { group: ',', decimal: '.' }, // en-US
  { group: '.', decimal: ',' }, // de-DE, tr, Investing localised
  { group: ' ', decimal: ',' }, // fr-FR with a plain space
  { group: '\u00A0', decimal: ',' }, // NBSP
  { group: '\u202F', decimal: '.' }, // TradingView narrow NBSP
  { group: "'", decimal: '.' }, // de-CH
  { group: '', decimal: '.' }, // no grouping
];

function format(units: number, decimals: number, style: Style, minus: string): string {
  const negative = units < 0;
  const abs = Math.abs(units);
  const scale = 10 ** decimals;
  const int = Math.floor(abs / scale).toString();
  const frac = (abs % scale).toString().padStart(decimals, '0');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, style.group);
  return `${negative ? minus : ''}${grouped}${decimals > 0 ? style.decimal + frac : ''}`;
}

describe('parsePriceText properties', () => {
  it('gives back any price formatted in any locale style when told the decimal mark', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...STYLES),
        fc.constantFrom('-', '\u2212'),
        fc.constantFrom('', '$', '€ ', 'C'),
        (units, decimals, style, minus, prefix) => {
          const text = prefix + format(units, decimals, style, minus);
          const parsed = parsePriceText(text, { decimal: style.decimal });
          expect(parsed?.value).toBeCloseTo(units / 10 ** decimals, 8);
        },
      ),
    );
  });

  it('gives back prices with two decimals in any style without a hint', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e10 }), fc.constantFrom(...STYLES), (cents, style) => {
        expect(parsePriceText(format(cents, 2, style, '-'))?.value).toBeCloseTo(cents / 100, 8);
      }),
    );
  });

  it('never throws and returns finite numbers on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const parsed = parsePriceText(text);
        if (parsed) expect(Number.isFinite(parsed.value)).toBe(true);
      }),
    );
  });
});
