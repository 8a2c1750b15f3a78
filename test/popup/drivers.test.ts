import { describe, expect, it } from 'vitest';
import { tradePhrase } from '../../src/core/phrases.ts';
import type { TabLevels } from '../../src/messaging/types.ts';
import { driversView, inWords, MATERIAL_ZERO_DTE } from '../../src/popup/model/drivers.ts';
import { realLevels, SNAPSHOT } from './real-levels.ts';

// A weekday session: 2026-12-01 (Tuesday) 11:20 New York = 16:20 UTC; its horizon 15:55 = 20:55 UTC.
const NOW = Date.parse('2026-12-01T16:20:00Z');
const HORIZON = Date.parse('2026-12-01T20:55:00Z');
const flow = (shares: number, S = 4505.1) => ({ shares, notional: shares * S });

function levels(over: Partial<TabLevels> = {}): TabLevels {
  const base = realLevels(4505.1001);
  return {
    ...base,
    regime: 'stabilizing',
    flip: 4494.3,
    zeroDteShare: 0.02,
    drivers: {
      computedAt: NOW,
      pagePrice: 4505.1,
      charmFlow: { until: HORIZON, ...flow(870_235.68) },
      vannaFlow: { up1vol: flow(-5.8e6), down1vol: flow(5.83e6) },
      projection: [
        { at: Date.parse('2026-12-01T17:00:00Z'), netGex: 3e9, flip: 4494.1, regime: 'stabilizing' },
        { at: HORIZON, netGex: 2e9, flip: 4497.5, regime: 'stabilizing' },
      ],
      afterExpirations: { at: HORIZON + 300_000, netGex: -1e9, flip: 4512, regime: 'accelerating' },
    },
    ...over,
  };
}

describe('what moves the hedge, in words', () => {
  it('puts time to the close and IV ±1 point next to the ±1 % price figure, with the one formatter', () => {
    const v = driversView(levels(), NOW);
    expect(v.rows.map((r) => r.key)).toEqual(['price', 'time', 'vol']);
    expect(v.rows[1]!.text).toBe(
      `if the price holds until 15:55 New York (in 4 h 35 min): dealers ${tradePhrase(870_235.68, 4505.1, 'SPX')}`,
    );
    expect(v.rows[1]!.text).toContain('buy $3.92 bn (≈ 17,405 ES)');
    expect(v.rows[2]!.text).toMatch(/^\+1 point: sell \$26\.1 bn \(≈ [\d,]+ ES\); −1 point: buy \$26\.3 bn/);
  });

  it('says how the flip drifts by the close and whether the regime at this price changes', () => {
    expect(driversView(levels(), NOW).close).toBe(
      'Flip drifts 4,494.30 → 4,497.50 by the close; at this price the regime stays stabilizing.',
    );
    const d = levels().drivers!;
    const held = levels({
      drivers: { ...d, projection: [{ ...d.projection[1]!, flip: 4494.301, regime: 'transition' }] },
    });
    expect(driversView(held, NOW).close).toBe(
      'Flip holds at 4,494.30 by the close; at this price the regime turns transition.',
    );
  });

  it('says the regime once today’s expirations are gone only when it differs', () => {
    expect(driversView(levels(), NOW).after).toBe("After today's expirations: accelerating (flip 4,512.00).");
    const d = levels().drivers!;
    const same = levels({
      drivers: { ...d, afterExpirations: { ...d.afterExpirations!, regime: 'stabilizing' } },
    });
    expect(driversView(same, NOW).after).toBeNull();
  });

  it('names the day when the horizon is not today (evening, weekend)', () => {
    const friday = Date.parse('2026-12-04T22:00:00Z');
    const monday = Date.parse('2026-12-07T20:55:00Z');
    const d = levels().drivers!;
    const v = driversView(
      levels({ drivers: { ...d, computedAt: friday, charmFlow: { ...d.charmFlow, until: monday } } }),
      friday,
    );
    expect(v.rows[1]!.text).toContain('until Monday 15:55 New York (in 2 d 22 h)');
    expect(v.close).toContain("by Monday's close");
    expect(v.after).toContain("After Monday's expirations");
  });

  it('mentions the gamma expiring today only when it is material', () => {
    expect(driversView(levels({ zeroDteShare: MATERIAL_ZERO_DTE - 0.001 }), NOW).zeroDte).toBeNull();
    expect(driversView(levels({ zeroDteShare: 0.42 }), NOW).zeroDte).toBe(
      '42 % of the gamma at this price expires today.',
    );
  });

  it('explains that the classic preset has no time or volatility flows', () => {
    const v = driversView(levels({ drivers: null }), NOW);
    expect(v.rows.map((r) => r.key)).toEqual(['price']);
    expect(v.note).toContain('classic preset has no clock');
  });

  it('reads the engine’s real drivers for the sample chain the evening of its snapshot', () => {
    const a = realLevels(4505.1001);
    const v = driversView(a, SNAPSHOT);
    // 16:31 on Thursday 2023-09-14: the horizon is Friday 15:55, and Friday's AM monthly settles first.
    expect(v.rows[1]!.text).toContain('until Friday 15:55 New York (in 23 h 24 min)');
    expect(v.rows[1]!.text).toContain(tradePhrase(a.drivers!.charmFlow.shares, 4505.1001, 'SPX'));
    expect(v.close).toMatch(/^Flip drifts 4,494\.30 → 4,49\d\.\d\d by Friday's close/);
  });

  it('writes durations the way a trader says them', () => {
    expect(inWords(45 * 60_000)).toBe('45 min');
    expect(inWords(3 * 3600_000)).toBe('3 h');
    expect(inWords(3 * 3600_000 + 10 * 60_000)).toBe('3 h 10 min');
    expect(inWords(70 * 3600_000)).toBe('2 d 22 h');
  });

  it('names the price the drivers were computed at when it is not the page’s price now', () => {
    const d = levels().drivers!;
    const v = driversView(levels({ drivers: { ...d, pagePrice: 4471.62 } }), NOW);
    expect(v.close).toBe(
      'Flip drifts 4,494.30 → 4,497.50 by the close; at 4,471.62 the regime is stabilizing then.',
    );
    expect(v.note).toBe('Computed 11:20 New York at 4,471.62; refreshed each minute.');
  });
});
