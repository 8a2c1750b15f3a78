/**
 * The prepared chain for the levels (popup, badge, overlay), kept in a module variable. It is only a
 * cache: the worker can be stopped at any time, and a missing entry is rebuilt from storage. Entries
 * are re-prepared after a minute (the live preset's T shrinks through the session).
 *
 * A few instants are kept per (chain, model): a chain whose every line has expired is evaluated at
 * its snapshot time right after the live instant, and with one slot those two would evict each other
 * and re-prepare the whole chain on every price tick.
 */
import type { Chain } from '../../core/chain.ts';
import type { Model } from '../../core/model.ts';
import { type Prepared, prepare } from '../../core/prepare.ts';
import { forgetDrivers } from './drivers-cache.ts';

const MAX_AGE_MS = 60_000;
const SLOTS = 3;

let entry: { key: string; chain: Chain; prepared: Prepared[] } | null = null;

/** Drops the cache (a chain or a setting changed). */
export function forgetPrepared(): void {
  entry = null;
  forgetDrivers();
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
  const same = entry?.key === key ? entry : null;
  const hit = same?.prepared.find((p) => Math.abs(nowMs - p.evaluationMs) < MAX_AGE_MS);
  if (hit) return hit;
  const chain = same ? same.chain : await load();
  const prepared = prepare(chain, model, nowMs);
  entry = { key, chain, prepared: [prepared, ...(same?.prepared ?? [])].slice(0, SLOTS) };
  return prepared;
}
