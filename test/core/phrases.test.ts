import { describe, expect, it } from 'vitest';
import {
  futuresPhrase,
  gexPhrase,
  hedgeInstrument,
  moneyPhrase,
  tradePhrase,
  tradeSize,
} from '../../src/core/phrases.ts';

describe('one phrase per figure', () => {
  it('says an index hedge in notional dollars and the future’s contracts, never in index units', () => {
    // REFERENCE.md: charm flow +870,235.68 SPX units at 4505.1001 = $3.920 bn; ES is $50 × the index.
    expect(tradePhrase(870_235.68, 4505.1001, 'SPX')).toBe('buy $3.92 bn (≈ 17,405 ES)');
    expect(tradePhrase(-9_226_589, 4505.1001, 'SPX')).toBe('sell $41.6 bn (≈ 184,532 ES)');
    expect(tradePhrase(-1000, 15000, 'NDX')).toBe('sell $15.0 m (≈ 50 NQ)');
    expect(tradePhrase(10, 2000, 'RUT')).toBe('buy $20.0 k (< 1 RTY)');
  });

  it('says an ETF or stock hedge in shares with the notional beside it', () => {
    expect(tradePhrase(-9_226_589, 450.81, 'SPY')).toBe('sell 9.23 m shares ($4.16 bn)');
    expect(tradePhrase(1, 150, 'NVDA')).toBe('buy 1 share ($150)');
  });

  it('says an index without a mapped future in notional dollars only', () => {
    expect(hedgeInstrument('VIX').kind).toBe('notional');
    expect(tradeSize(-100, 20, 'VIX')).toBe('$2.00 k');
  });

  it('calls a trade below one dollar no trade, and refuses to print a non-finite figure', () => {
    expect(tradePhrase(1e-9, 4500, 'SPX')).toBe('no trade');
    expect(tradePhrase(Number.NaN, 4500, 'SPX')).toBe('—');
    expect(moneyPhrase(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('signs money with + and U+2212, three significant digits and a scale word', () => {
    expect(moneyPhrase(16_101_846_541.3, { signed: true })).toBe('+$16.1 bn');
    expect(moneyPhrase(-2_035_966.15, { signed: true })).toBe('\u2212$2.04 m');
    expect(moneyPhrase(999)).toBe('$999');
    expect(gexPhrase(23_309_734_045)).toBe('+$23.3 bn per 1 % move');
    expect(futuresPhrase(-50 * 4500 * 3, 4500, 'ES', 50)).toBe('≈ 3 ES');
  });

  it('knows which future hedges which index, whatever the symbol’s decoration', () => {
    expect(hedgeInstrument('^spx')).toEqual({
      kind: 'future',
      underlying: 'SPX',
      root: 'ES',
      pointValue: 50,
    });
    expect(hedgeInstrument('NDX')).toMatchObject({ root: 'NQ', pointValue: 20 });
    expect(hedgeInstrument('RUT')).toMatchObject({ root: 'RTY', pointValue: 50 });
    expect(hedgeInstrument('QQQ').kind).toBe('shares');
  });
});
