/**
 * The prepared chain for the popup's levels, kept in a module variable. It is only a cache: the
 * worker can be stopped at any time, and a missing entry is rebuilt from storage. Entries are
 * re-prepared after a minute (the live preset's T shrinks through the session).
 */
import type { Chain } from '../../core/chain.ts';
import type { Model } from '../../core/model.ts';
import { type Prepared, prepare } from '../../core/prepare.ts';

const MAX_AGE_MS = 60_000;

let entry: { key: string; chain: Chain; prepared: Prepared } | null = null;

/** Drops the cache (a chain or a setting changed). */
export function forgetPrepared(): void {
  entry = null;
}

/** Prepared lines for (chain, model) at about `nowMs`; `load` reads the chain when not cached. */
export async function preparedFor(
  underlying: string,
  asOf: string,
  model: Model,
  nowMs: number,
  load: () => Promise<Chain>,
): Promise<Prepared> {
  const key = `${underlying}|${asOf}|${JSON.stringify(model)}`;
  if (entry?.key === key && Math.abs(nowMs - entry.prepared.evaluationMs) < MAX_AGE_MS) return entry.prepared;
  const chain = entry?.key === key ? entry.chain : await load();
  entry = { key, chain, prepared: prepare(chain, model, nowMs) };
  return entry.prepared;
}
