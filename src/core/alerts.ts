/**
 * When to alert (issue 11.6): the pure decisions behind the opt-in browser notifications. Prices and
 * levels are in the chain's underlying units; time is a parameter (epoch ms).
 *
 * What is news, per symbol:
 * - The regime turns: the shown verdict (already with hysteresis, ./verdict.ts) settles on
 *   stabilizing after accelerating or the reverse. "transition" is where the verdict is undecided, so
 *   entering it is not news, and returning from it to the same side is not either; alerting on it
 *   would also spend the cool-down just before the turn the trader wants to hear about.
 * - The price crosses the flip, the call wall or the put wall: its side of the level is decided only
 *   outside the transition band's flip distance plus the verdict's hysteresis margin
 *   (F·(1 + HYSTERESIS), 0.35 % of the price with the defaults), so a price hovering on a level never
 *   flaps between sides. A level that jumps (another strike becomes the wall, another crossing the
 *   flip) starts a new side without an alert: nothing was crossed. A level that drifts (the flip
 *   moves with time) stays the same level, so it passing through a still price is a cross.
 * - The first look at a symbol only records where things are: turning alerts on is not news.
 *
 * Then the limits: a cool-down per symbol and a cap per hour over all symbols. News that falls inside
 * them is dropped (the memory still moves on), never delivered late.
 */
import type { TransitionBand } from './model';
import type { Regime } from './regime';
import { HYSTERESIS } from './verdict';

export type Side = 'above' | 'below';
export type LevelName = 'flip' | 'callWall' | 'putWall';
export const LEVEL_NAMES: readonly LevelName[] = ['flip', 'callWall', 'putWall'];

export interface LevelMark {
  /** The level's last seen value (price units). */
  level: number;
  /** The side last decided outside the band; null until the price has been clearly on one side. */
  side: Side | null;
}

/** What the alerts remember about one symbol. */
export interface SymbolMemory {
  /** The last regime the verdict settled on; transition does not settle. */
  regime: 'stabilizing' | 'accelerating' | null;
  levels: Partial<Record<LevelName, LevelMark>>;
  /** When the last alert for this symbol was shown (epoch ms); 0 = never. */
  lastAlertAt: number;
}

export interface Observation {
  /** The price (underlying units). */
  S: number;
  /** The verdict shown now (with hysteresis). */
  verdict: Regime;
  /** The levels now (underlying units; null = none). */
  levels: Record<LevelName, number | null>;
  band: TransitionBand;
}

export type AlertEvent =
  | { kind: 'regime'; from: 'stabilizing' | 'accelerating'; to: 'stabilizing' | 'accelerating' }
  | { kind: 'cross'; level: LevelName; value: number; direction: 'up' | 'down' };

/** Half-width of the undecided zone around a level, as a fraction of the price. */
export const sideMargin = (band: TransitionBand): number => band.flipDistance * (1 + HYSTERESIS);

/** The side of `level` the price S is clearly on, or null inside the margin. */
export function sideOf(S: number, level: number, margin: number): Side | null {
  if (S > level * (1 + margin)) return 'above';
  if (S < level * (1 - margin)) return 'below';
  return null;
}

/** The symbol's memory after this observation, and what happened since the last one. */
export function observe(
  memory: SymbolMemory | undefined,
  x: Observation,
): { memory: SymbolMemory; events: AlertEvent[] } {
  const margin = sideMargin(x.band);
  const events: AlertEvent[] = [];
  const settled = x.verdict === 'transition' ? null : x.verdict;
  const regime = settled ?? memory?.regime ?? null;
  if (memory && settled && memory.regime && memory.regime !== settled)
    events.push({ kind: 'regime', from: memory.regime, to: settled });
  const levels: SymbolMemory['levels'] = {};
  for (const name of LEVEL_NAMES) {
    const level = x.levels[name];
    if (level === null || !(level > 0)) continue;
    const was = memory?.levels[name];
    const side = sideOf(x.S, level, margin);
    const same = was !== undefined && Math.abs(level - was.level) <= margin * x.S;
    if (!same) {
      levels[name] = { level, side };
      continue;
    }
    if (side && was.side && side !== was.side)
      events.push({ kind: 'cross', level: name, value: level, direction: side === 'above' ? 'up' : 'down' });
    levels[name] = { level, side: side ?? was.side };
  }
  return { memory: { regime, levels, lastAlertAt: memory?.lastAlertAt ?? 0 }, events };
}

/** True when the memory changed in a way worth saving (a side or the regime; not a level's drift). */
export function materiallyChanged(before: SymbolMemory | undefined, after: SymbolMemory): boolean {
  if (!before || before.regime !== after.regime || before.lastAlertAt !== after.lastAlertAt) return true;
  for (const name of LEVEL_NAMES) {
    const a = before.levels[name];
    const b = after.levels[name];
    if (!a !== !b || a?.side !== b?.side) return true;
  }
  return false;
}

export interface AlertLimits {
  /** Minutes between two alerts for one symbol. */
  cooldownMin: number;
  /** Alerts in any hour, all symbols together. */
  maxPerHour: number;
}

const HOUR_MS = 3_600_000;

/** The alert instants that still count against the hourly cap at `now`. */
export const withinHour = (sent: readonly number[], now: number): number[] =>
  sent.filter((t) => t <= now && now - t < HOUR_MS);

/** May an alert for a symbol whose last alert was at `lastAlertAt` be shown at `now`? */
export function mayAlert(
  lastAlertAt: number,
  sent: readonly number[],
  now: number,
  limits: AlertLimits,
): { ok: true } | { ok: false; reason: 'cooldown' | 'cap' } {
  if (lastAlertAt > 0 && now >= lastAlertAt && now - lastAlertAt < limits.cooldownMin * 60_000)
    return { ok: false, reason: 'cooldown' };
  if (withinHour(sent, now).length >= limits.maxPerHour) return { ok: false, reason: 'cap' };
  return { ok: true };
}
