import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChainBuilder, ChainFormatError, chainFromJSON, chainToJSON, parseOccSymbol } from '../../src/core';
import { REASONS } from '../../src/core/contract-checks';
import { OccReader } from '../../src/core/occ';
import { noUsableContracts, usableContracts } from '../../src/core/usable';
import { sharedChain } from './chains';

describe('OCC symbols', () => {
  it('reads root, expiration, side and strike', () => {
    expect(parseOccSymbol('SPXW230914C04500000')).toEqual({
      root: 'SPXW',
      expiration: '2023-09-14',
      isCall: true,
      strike: 4500,
    });
    expect(parseOccSymbol('NVDA250110P00050500')).toEqual({
      root: 'NVDA',
      expiration: '2025-01-10',
      isCall: false,
      strike: 50.5,
    });
  });

  it('returns null for text that is not a symbol or has an impossible date', () => {
    for (const s of ['', 'SPX', 'SPXW231331C04500000', 'SPXW230230C04500000', 'SPXW230914X04500000']) {
      expect(parseOccSymbol(s)).toBeNull();
    }
  });
});

describe('the columnar chain', () => {
  it('sorts expirations and roots and remaps every line', () => {
    const b = new ChainBuilder({ spot: 10, asOf: null });
    b.add({ root: 'SPXW', expiration: '2024-02-01', isCall: true, strike: 10, iv: 0.2, oi: 1 });
    b.add({
      root: 'SPX',
      expiration: '2024-01-01',
      isCall: false,
      strike: 11,
      iv: Number.NaN,
      oi: 2,
      gamma: 0.1,
    });
    const c = b.build();
    expect(c.expirations).toEqual(['2024-01-01', '2024-02-01']);
    expect(c.roots).toEqual(['SPX', 'SPXW']);
    expect([...c.expiry]).toEqual([1, 0]);
    expect([...c.root]).toEqual([1, 0]);
    expect(c.underlying).toBe('SPX');
  });

  it('survives a JSON round trip unchanged, NaN included', () => {
    const c = sharedChain('spy_quotedata_2025-05-06_near-money_mit.csv');
    const back = chainFromJSON(JSON.parse(JSON.stringify(chainToJSON(c))));
    expect(back).toEqual(c);
  });

  it('rejects a damaged stored chain with an error naming the field', () => {
    const j = chainToJSON(sharedChain('spy_quotedata_2025-05-06_near-money_mit.csv'));
    expect(() => chainFromJSON({ ...j, strike: j.strike.slice(1) })).toThrow(ChainFormatError);
    expect(() => chainFromJSON({ ...j, expiry: j.expiry.map(() => 99) })).toThrow(/expiry\[0\]/);
    expect(() => chainFromJSON(null)).toThrow(ChainFormatError);
  });
});

describe('ChainBuilder checks', () => {
  it('refuses a header spot or snapshot time no chain may carry', () => {
    expect(() => new ChainBuilder({ spot: 1e-320, asOf: null })).toThrow(/spot 1e-320 is out of range/);
    expect(() => new ChainBuilder({ spot: Number.POSITIVE_INFINITY, asOf: null })).toThrow(ChainFormatError);
    expect(() => new ChainBuilder({ spot: 100, asOf: '9999-01-01T00:00:00.000Z' })).toThrow(/2000–2100/);
    expect(() => new ChainBuilder({ spot: Number.NaN, asOf: null })).not.toThrow();
  });

  it('returns why a line is left out instead of throwing, and adds the rest', () => {
    const b = new ChainBuilder({ spot: 100, asOf: null });
    const line = { root: 'XYZ', expiration: '2024-02-01', isCall: true, strike: 100, iv: 0.2, oi: 1 };
    expect(b.add({ ...line, expiration: '2024-02-30x' })).toBe(REASONS.expiration);
    expect(b.add({ ...line, root: '' })).toBe(REASONS.root);
    expect(b.add({ ...line, strike: Number.NaN })).toBe(REASONS.strike);
    expect(b.add({ ...line, oi: Number.NaN })).toBe(REASONS.noOi);
    expect(b.add(line)).toBeNull();
    expect(b.add({ ...line, oi: 5 })).toBe(REASONS.duplicate);
    expect(b.add({ ...line, isCall: false })).toBeNull();
    expect(b.count).toBe(2);
  });
});

describe('stored chains are read with the same bounds', () => {
  it('refuses a stored chain holding a value no import would have let through', () => {
    const j = chainToJSON(sharedChain('spy_quotedata_2025-05-06_near-money_mit.csv'));
    expect(() => chainFromJSON({ ...j, oi: j.oi.map((x, i) => (i === 3 ? 1e308 : x)) })).toThrow(/oi\[3\]/);
    expect(() => chainFromJSON({ ...j, iv: j.iv.map((x, i) => (i === 0 ? 25 : x)) })).toThrow(/iv\[0\]/);
    expect(() => chainFromJSON({ ...j, spot: 1e-320 })).toThrow(/spot is not a price/);
    expect(() => chainFromJSON({ ...j, asOf: '9999-01-01T00:00:00Z' })).toThrow(/asOf/);
  });
});

describe('the fast OCC reader', () => {
  it('reads every symbol as parseOccSymbol does, in place, including symbols it hands back to it', () => {
    const reader = new OccReader();
    const symbol = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('SPX', 'SPXW', 'NDXP', 'A', 'BRKB1', 'spy'),
          fc.constantFrom(' ', '', '  '),
          fc.integer({ min: 0, max: 991231 }),
          fc.constantFrom('C', 'P', 'c', 'X'),
          fc.integer({ min: 0, max: 99_999_999 }),
        )
        .map(
          ([r, sp, d, cp, k]) => `${r}${sp}${String(d).padStart(6, '0')}${cp}${String(k).padStart(8, '0')}`,
        ),
      fc.string({ maxLength: 24 }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), symbol, fc.string({ maxLength: 4 }), (before, s, after) => {
        const out = { root: '', expiration: '', isCall: false, strike: 0 };
        const line = `${before}${s}${after}`;
        const ok = reader.read(line, before.length, before.length + s.length, out);
        const expected = parseOccSymbol(s);
        expect(ok).toBe(expected !== null);
        if (expected) expect(out).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('usable contracts', () => {
  it('needs an IV and open interest or volume', () => {
    const b = new ChainBuilder({ spot: 100, asOf: null });
    b.add({ root: 'XYZ', expiration: '2024-02-01', isCall: true, strike: 100, iv: Number.NaN, oi: 10 });
    b.add({ root: 'XYZ', expiration: '2024-02-01', isCall: false, strike: 100, iv: 0.2, oi: 0 });
    const c = b.build();
    expect(usableContracts(c)).toBe(0);
    expect(noUsableContracts(c)).toBe(
      'no usable contracts: of 2 lines, 1 have no IV and the rest no open interest or volume',
    );
    expect(noUsableContracts(sharedChain('nvda_quotedata_2025-01-06.csv'))).toBeNull();
  });
});
