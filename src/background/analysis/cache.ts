/**
 * Prepared chains for the levels (popup, badge, overlay, alerts): a small LRU keyed by (chain, model,
 * minute), with the parsed chains behind it. Two tabs on SPX and NDX used to evict each other's one
 * cached chain and reload and re-prepare it on 399 of 400 price reports (43 ms a report, issue 9).
 *
 * - The minute: the live preset's T shrinks through the session, so a chain is prepared again once a
 *   minute (each tick's evaluateAt re-times every line at the clock anyway; the minute only bounds how
 *   old the levels' T may be). A chain whose every line has expired is evaluated at its snapshot, a
 *   fixed instant, so that entry lives as long as the chain.
 * - The chain: underlying, snapshot and import time, so a re-import is a new key even when the file
 *   has the same snapshot; a saved or deleted chain also drops its entries at once (forgetChain).
 * - Sizes: a prepared 20,000-line chain holds about 1 MB of typed arrays, a parsed one about as much,
 *   so 8 prepared and 4 parsed chains stay under ~15 MB while four open tabs on four chains (plus the
 *   snapshot fallback) all hit.
 * Concurrent misses for one key share one preparation. Module variables are only a cache: a stopped
 * worker rebuilds from storage.
 */
import type { Chain } from '../../core/chain.ts';
import type { Model } from '../../core/model.ts';
import { type Prepared, prepare } from '../../core/prepare.ts';
import { forgetDrivers } from './drivers-cache.ts';

const MINUTE_MS = 60_000;
const MAX_PREPARED = 8;
const MAX_CHAINS = 4;

/** Which stored chain: a re-import under the same underlying is a different one. */
export interface ChainId {
  underlying: string;
  asOf: string;
  importedAt: number;
}

const prepared = new Map<string, Promise<Prepared>>();
const chains = new Map<string, Promise<Chain>>();
let preparations = 0;

const chainKey = (c: ChainId) => `${c.underlying}|${c.asOf}|${c.importedAt}`;

/** Map as LRU: a hit moves the entry to the end; the oldest goes first. */
function touchLru<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value!);
}

/** Drops everything (tests; a storage-wide change such as a backup restore). */
export function forgetPrepared(): void {
  prepared.clear();
  chains.clear();
  forgetDrivers();
}

/** Drops the entries of one underlying (its chain was replaced or deleted). */
export function forgetChain(underlying: string): void {
  for (const map of [prepared, chains] as Map<string, unknown>[]) {
    for (const key of [...map.keys()]) if (key.startsWith(`${underlying}|`)) map.delete(key);
  }
  forgetDrivers();
}

/** How many times prepare() ran (benchmark and tests: "did this report re-prepare?"). */
export const preparationCount = (): number => preparations;

/** Prepared lines for (chain, model) in the minute of `nowMs`; `load` reads the chain when not cached. */
export function preparedFor(
  id: ChainId,
  model: Model,
  nowMs: number,
  load: () => Promise<Chain>,
): Promise<Prepared> {
  const ck = chainKey(id);
  const key = `${ck}|${JSON.stringify(model)}|${Math.floor(nowMs / MINUTE_MS)}`;
  const hit = prepared.get(key);
  if (hit) {
    touchLru(prepared, key, hit, MAX_PREPARED);
    return hit;
  }
  let chain = chains.get(ck);
  if (chain) touchLru(chains, ck, chain, MAX_CHAINS);
  else {
    chain = load();
    touchLru(chains, ck, chain, MAX_CHAINS);
    chain.catch(() => chains.get(ck) === chain && chains.delete(ck));
  }
  const next = chain.then((c) => {
    preparations++;
    return prepare(c, model, nowMs);
  });
  touchLru(prepared, key, next, MAX_PREPARED);
  next.catch(() => prepared.get(key) === next && prepared.delete(key));
  return next;
}
