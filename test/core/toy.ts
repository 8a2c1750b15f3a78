import { ChainBuilder, settlementInstant } from '../../src/core';

// REFERENCE.md "A toy chain with a known flip": every line 30 calendar days, r = q = 0, M = 100.
export function toyChain() {
  const b = new ChainBuilder({ underlying: 'TOY', spot: 100, asOf: null });
  const lines: [boolean, number, number, number][] = [
    [true, 105, 0.18, 20_000],
    [true, 110, 0.17, 15_000],
    [false, 95, 0.24, 18_000],
    [false, 90, 0.28, 25_000],
    [true, 100, 0.2, 10_000],
    [false, 100, 0.2, 12_000],
  ];
  for (const [isCall, strike, iv, oi] of lines)
    b.add({ root: 'TOY', expiration: '2024-02-15', isCall, strike, iv, oi });
  return b.build();
}
/** 30 × 86,400 s before the 16:00 New York settlement: T = 30/365 exactly. */
export const TOY_NOW = settlementInstant('2024-02-15', 'TOY') - 30 * 86_400_000;
