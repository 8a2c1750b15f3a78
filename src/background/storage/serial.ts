/**
 * One writer per storage area: every read-modify-write of an area runs here, one job after the
 * other, so two messages that change stored data at once (two options pages, a save and a mapping
 * change, a picker save and a site switch) cannot read the same old value and overwrite each other.
 * The audit (issue 9) lost one of two concurrent settings changes in about half of the rounds.
 *
 * Reads that do not write back need no queue: each storage.get sees a whole set() (a set() is atomic
 * per call in both browsers), and every store writes what belongs together in one set().
 *
 * Jobs must not queue another job on the same area and wait for it (that would wait forever): the
 * stores call `serialWrite` only in their exported functions and pass the area down to helpers.
 */
import type { KvArea } from './kv.ts';

const tails = new WeakMap<KvArea, Promise<unknown>>();

/** Runs `job` after every job queued on `area` before it; its result or error is the caller's. */
export function serialWrite<T>(area: KvArea, job: () => Promise<T>): Promise<T> {
  const run = (tails.get(area) ?? Promise.resolve()).then(job, job);
  tails.set(
    area,
    run.catch(() => undefined),
  );
  return run;
}
