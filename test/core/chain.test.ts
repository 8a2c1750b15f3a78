import { describe, expect, it } from 'vitest';
import { ChainBuilder, ChainFormatError, chainFromJSON, chainToJSON, parseOccSymbol } from '../../src/core';
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
