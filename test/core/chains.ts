/** Test helpers: the shared real Cboe chains (../shared/data/chains beside the repo). */
import { readFileSync } from 'node:fs';
import { type Chain, parseCboeQuoteTable } from '../../src/core';

export const SHARED_CHAINS = new URL('../../../shared/data/chains/', import.meta.url);

export function sharedText(name: string): string {
  return readFileSync(new URL(name, SHARED_CHAINS), 'utf8');
}

const cache = new Map<string, Chain>();

export function sharedChain(name: string): Chain {
  let c = cache.get(name);
  if (!c) {
    c = parseCboeQuoteTable(sharedText(name));
    cache.set(name, c);
  }
  return c;
}

/** |actual/expected − 1| ≤ rel. */
export function expectRel(actual: number, expected: number, rel: number): void {
  const err = Math.abs(actual / expected - 1);
  if (!(err <= rel))
    throw new Error(`expected ${actual} to be within ${rel} relative of ${expected} (off by ${err})`);
}

/**
 * `actual` agrees with a figure as REFERENCE.md prints it: within 1e-9 relative, or within half a
 * unit of its last printed digit where the print is coarser ("870,235.68" → ±0.005).
 */
export function expectPrinted(actual: number, printed: string): void {
  const expected = Number(printed.replace(/,/g, '').replace('\u2212', '-'));
  const decimals = printed.includes('.') ? printed.length - printed.indexOf('.') - 1 : 0;
  const tolerance = Math.max(1e-9 * Math.abs(expected), 0.5 * 10 ** -decimals);
  if (!(Math.abs(actual - expected) <= tolerance))
    throw new Error(`expected ${actual} to be ${printed} (±${tolerance}), off by ${actual - expected}`);
}
