import { describe, expect, it } from 'vitest';
import {
  type LevelName,
  materiallyChanged,
  mayAlert,
  type Observation,
  observe,
  type SymbolMemory,
  sideMargin,
  sideOf,
  withinHour,
} from '../../src/core/alerts.ts';
import { DEFAULT_MODEL } from '../../src/core/model.ts';
import type { Regime } from '../../src/core/regime.ts';

const band = DEFAULT_MODEL.transitionBand; // flip distance 0.25 %, so the margin is 0.35 %
const FLIP = 4500;
const obs = (
  S: number,
  verdict: Regime = 'transition',
  levels: Partial<Record<LevelName, number | null>> = {},
) =>
  ({
    S,
    verdict,
    band,
    levels: { flip: FLIP, callWall: 4600, putWall: 4400, ...levels },
  }) satisfies Observation;

/** Feeds observations in order; returns every event and the final memory. */
function walk(list: Observation[], start?: SymbolMemory) {
  let memory = start;
  const events = [];
  for (const x of list) {
    const r = observe(memory, x);
    memory = r.memory;
    events.push(...r.events);
  }
  return { events, memory: memory! };
}

describe('which side of a level the price is on', () => {
  it('is decided only outside the flip distance plus the verdict’s hysteresis margin', () => {
    const m = sideMargin(band);
    expect(m).toBeCloseTo(0.0035, 12);
    expect(sideOf(FLIP * 1.0036, FLIP, m)).toBe('above');
    expect(sideOf(FLIP * 1.0034, FLIP, m)).toBeNull();
    expect(sideOf(FLIP * 0.9966, FLIP, m)).toBeNull();
    expect(sideOf(FLIP * 0.9964, FLIP, m)).toBe('below');
  });
});

describe('what is news', () => {
  it('says nothing on the first look at a symbol: it only records where the price is', () => {
    const { memory, events } = observe(undefined, obs(FLIP * 1.01, 'stabilizing'));
    expect(events).toEqual([]);
    expect(memory.levels.flip).toEqual({ level: FLIP, side: 'above' });
    expect(memory.regime).toBe('stabilizing');
  });

  it('reports the price crossing the flip once, with its direction and the level', () => {
    const { events } = walk([obs(FLIP * 1.01), obs(FLIP * 1.002), obs(FLIP * 0.995), obs(FLIP * 0.99)]);
    expect(events).toEqual([{ kind: 'cross', level: 'flip', value: FLIP, direction: 'down' }]);
  });

  it('never flaps while the price hovers on a level inside the margin, however long', () => {
    const hover = Array.from({ length: 200 }, (_, i) => obs(FLIP * (1 + (i % 2 ? 0.003 : -0.003))));
    expect(walk([obs(FLIP * 1.01), ...hover]).events).toEqual([]);
  });

  it('reports a wall crossed upwards, and nothing when another strike becomes the wall', () => {
    expect(walk([obs(4570), obs(4620)]).events).toEqual([
      { kind: 'cross', level: 'callWall', value: 4600, direction: 'up' },
    ]);
    // The call wall jumps from 4600 to 4500 (another strike) while the price stays at 4580.
    expect(walk([obs(4580), obs(4580, 'transition', { callWall: 4500 })]).events).toEqual([]);
  });

  it('reports a flip that drifts through a price that holds (0.1 % a step)', () => {
    const drift = Array.from({ length: 21 }, (_, i) =>
      obs(4500, 'transition', { flip: 4500 / (1.01 - i * 0.001) }),
    );
    const { events } = walk(drift);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'cross', level: 'flip', direction: 'down' });
    // Decided once the price was clearly below it: the flip then stood more than 0.35 % above 4,500.
    expect((events[0] as { value: number }).value).toBeGreaterThan(4500 * 1.0035);
  });

  it('reports a turn from stabilizing to accelerating, not the passage through transition', () => {
    const far = { flip: null, callWall: null, putWall: null };
    expect(
      walk([obs(4500, 'stabilizing', far), obs(4500, 'transition', far), obs(4500, 'accelerating', far)])
        .events,
    ).toEqual([{ kind: 'regime', from: 'stabilizing', to: 'accelerating' }]);
    expect(
      walk([obs(4500, 'stabilizing', far), obs(4500, 'transition', far), obs(4500, 'stabilizing', far)])
        .events,
    ).toEqual([]);
  });

  it('saves only when a side or the regime changes, not when a level drifts', () => {
    const a = observe(undefined, obs(FLIP * 1.01)).memory;
    expect(materiallyChanged(a, observe(a, obs(FLIP * 1.011, 'transition', { flip: FLIP + 1 })).memory)).toBe(
      false,
    );
    expect(materiallyChanged(a, observe(a, obs(FLIP * 0.99)).memory)).toBe(true);
    expect(materiallyChanged(undefined, a)).toBe(true);
  });
});

describe('the limits', () => {
  const limits = { cooldownMin: 5, maxPerHour: 3 };
  const T = Date.parse('2026-03-02T15:00:00Z');

  it('holds a second alert for the same symbol within the cool-down, and allows it after', () => {
    expect(mayAlert(T, [T], T + 4 * 60_000, limits)).toEqual({ ok: false, reason: 'cooldown' });
    expect(mayAlert(T, [T], T + 5 * 60_000, limits)).toEqual({ ok: true });
    expect(mayAlert(0, [], T, limits)).toEqual({ ok: true });
  });

  it('caps the alerts of all symbols together at maxPerHour in any hour', () => {
    const sent = [T - 61 * 60_000, T - 50 * 60_000, T - 20 * 60_000, T - 10 * 60_000];
    expect(withinHour(sent, T)).toHaveLength(3);
    expect(mayAlert(0, sent, T, limits)).toEqual({ ok: false, reason: 'cap' });
    expect(mayAlert(0, sent, T + 11 * 60_000, limits)).toEqual({ ok: true });
  });
});
