import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { familyOf, readFuture } from '../../src/core/index-families.ts';
import {
  type AliasTarget,
  type Conversion,
  conversionFor,
  defaultAliases,
  isUsable,
  matchChain,
  normalizeSymbol,
  pickChain,
} from '../../src/core/symbol-map.ts';

const chain = (
  underlying: string,
  extra: Partial<AliasTarget> = {},
): AliasTarget & { underlying: string } => ({
  underlying,
  ...defaultAliases(underlying),
  conversion: { kind: 'ratio', ratio: 1 },
  ...extra,
});
const confirmed = (ratio: number): Conversion => ({ kind: 'auto', ratio, confirmedAt: 1 });

describe('futures recognised by shape', () => {
  it.each([
    ['ES1!', 'ES', false],
    ['ES2!', 'ES', false],
    ['ES=F', 'ES', false],
    ['ESW00', 'ES', false],
    ['ES00', 'ES', false],
    ['/ES', 'ES', false],
    ['@ES', 'ES', false],
    ['ES', 'ES', false],
    ['@SP.1', 'SP', false],
    ['ESZ6', 'ES', true],
    ['ESH27', 'ES', true],
    ['/ESZ26', 'ES', true],
    ['ESZ2026', 'ES', true],
    ['ESZ26.CME', 'ES', true],
    ["ESDEC'26", 'ES', true],
    ['ESDEC26', 'ES', true],
    ['ES12-26', 'ES', true],
    ['MESZ6', 'MES', true],
    ['MES1!', 'MES', false],
  ])('reads %s as a future on %s (dated: %s)', (symbol, root, dated) => {
    expect(readFuture(symbol, ['ES', 'MES'], ['SP'])).toEqual({ root, dated });
  });

  it.each([
    'ESPR',
    'ESS',
    'ESX6',
    'ESF26',
    'ES13-26',
    'ESZ',
    'ESZ6X',
    'ESZ123',
    'SPZ6',
    'MESA',
    'ESTC',
    '@SP.2',
  ])('does not read the ticker %s as an S&P future', (symbol) => {
    expect(readFuture(symbol, ['ES', 'MES'], ['SP'])).toBeNull();
  });

  it('maps any quarterly contract of the next hundred years without a listed entry', () => {
    const codes = ['H', 'M', 'U', 'Z'];
    fc.assert(
      fc.property(
        fc.constantFrom('ES', 'MES', 'NQ', 'MNQ', 'RTY', 'M2K'),
        fc.constantFrom(...codes),
        fc.integer({ min: 2026, max: 2125 }),
        fc.constantFrom(1, 2, 4),
        fc.constantFrom('', '/'),
        (root, month, year, digits, prefix) => {
          const symbol = `${prefix}${root}${month}${String(year).slice(-digits)}`;
          const found = familyOf(normalizeSymbol(symbol));
          return found?.relation === 'future' && found.future?.root === root && found.future.dated;
        },
      ),
    );
  });
});

describe('which chain a page symbol answers to', () => {
  const SPX = chain('SPX');
  const SPY = chain('SPY');
  const NDX = chain('NDX');

  it('answers CNBC’s .SPX with the SPX chain 1:1 (the bug that started this table)', () => {
    expect(matchChain(SPX, '.SPX')).toEqual({ kind: 'same', conversion: { kind: 'ratio', ratio: 1 } });
  });

  it('answers a chain saved before the table existed (no .SPX, no SPY in its aliases)', () => {
    const old = chain('SPX', {
      aliases: ['SPX', '^GSPC', 'ES1!'],
      aliasConversions: { 'ES1!': { kind: 'auto' } },
    });
    expect(conversionFor(old, '.SPX')).toEqual({ kind: 'ratio', ratio: 1 });
    expect(matchChain(old, 'SPY')?.kind).toBe('etf-index');
    expect(matchChain(old, 'ESZ6')?.kind).toBe('future');
  });

  it('prefers the exact underlying, then the index’s own symbols, then futures, then ETF↔index', () => {
    expect(pickChain([SPX, SPY], 'SPY')?.target).toBe(SPY);
    expect(pickChain([SPY, SPX], '^GSPC')?.target).toBe(SPX);
    expect(pickChain([SPY, SPX], 'ES1!')?.target).toBe(SPX);
    expect(pickChain([SPX], 'SPY')).toMatchObject({ target: SPX, kind: 'etf-index' });
    expect(pickChain([SPY], 'SPX')).toMatchObject({ target: SPY, kind: 'etf-index' });
    expect(pickChain([SPY], 'ES1!')).toMatchObject({ target: SPY, kind: 'etf-future' });
    expect(pickChain([SPX, SPY, NDX], 'QQQ')).toMatchObject({ target: NDX, kind: 'etf-index' });
    expect(pickChain([SPX, SPY], 'NQ1!')).toBeNull();
    expect(pickChain([SPX, SPY], 'AAPL')).toBeNull();
  });

  it('keeps a confirmed basis to its own contract: ESZ6 confirmed leaves ESH7 to confirm', () => {
    const after = chain('SPX', {
      aliasConversions: { ...SPX.aliasConversions, ESZ6: confirmed(0.996) },
    });
    expect(conversionFor(after, 'ESZ6')).toEqual(confirmed(0.996));
    expect(conversionFor(after, 'CME_MINI:ESZ6')).toEqual(confirmed(0.996));
    expect(isUsable(conversionFor(after, 'ESH7')!)).toBe(false);
    expect(isUsable(conversionFor(after, 'ES1!')!)).toBe(false);
  });

  it('takes a conversion the user saved for a symbol over the built-in one', () => {
    const typed = chain('SPX', { aliasConversions: { 'ES1!': { kind: 'offset', offset: 18.5 } } });
    expect(conversionFor(typed, 'CME_MINI:ES1!')).toEqual({ kind: 'offset', offset: 18.5 });
    const custom = chain('SPX', {
      aliases: ['SPX', 'XSP'],
      aliasConversions: { XSP: { kind: 'ratio', ratio: 10 } },
    });
    expect(matchChain(custom, 'XSP')).toEqual({ kind: 'same', conversion: { kind: 'ratio', ratio: 10 } });
  });

  it('lists the family in a new chain’s aliases, futures and ETF to be confirmed', () => {
    const spx = defaultAliases('SPX');
    expect(spx.aliases).toEqual(expect.arrayContaining(['.SPX', '.INX', '^GSPC', 'ES1!', 'MES1!', 'SPY']));
    expect(spx.aliasConversions.SPY).toEqual({ kind: 'auto' });
    expect(spx.aliasConversions['.SPX']).toBeUndefined();
    const spy = defaultAliases('SPY');
    expect(spy.aliases[0]).toBe('SPY');
    expect(spy.aliasConversions.SPX).toEqual({ kind: 'auto' });
    expect(spy.aliasConversions.SPY).toBeUndefined();
  });
});
