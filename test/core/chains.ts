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
