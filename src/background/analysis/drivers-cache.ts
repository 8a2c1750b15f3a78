/**
 * What moves the hedge (core/drivers.ts), at most once a minute per (chain, model): the drivers cost
 * tens of milliseconds (charm, vanna and a projection of up to 7 instants), so they are never run per
 * price tick. Within the minute every tab on that chain gets the same drivers, computed at the page
 * price of the tab that asked first (the view says at which price). Only a cache: a stopped worker
 * computes them again.
 */
import { computeDrivers, type Drivers } from '../../core/drivers.ts';
import type { Prepared } from '../../core/prepare.ts';

const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 8;

const entries = new Map<string, { at: number; drivers: Drivers }>();
let computed = 0;

/** How many times the drivers were computed (tests: at most once a minute per chain and model). */
export const driversComputed = (): number => computed;

/** Drops every cached driver (a chain or a setting changed). */
export function forgetDrivers(): void {
  entries.clear();
}

/** The drivers for `key` (chain + model), computed at `nowMs` and S when none is under a minute old. */
export function driversFor(key: string, prepared: Prepared, S: number, nowMs: number): Drivers {
  const hit = entries.get(key);
  if (hit && nowMs - hit.at >= 0 && nowMs - hit.at < MAX_AGE_MS) return hit.drivers;
  computed++;
  const drivers = computeDrivers(prepared, S, nowMs);
  entries.delete(key);
  entries.set(key, { at: nowMs, drivers });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return drivers;
}
