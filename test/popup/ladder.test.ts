import { describe, expect, it } from 'vitest';
import { ladderName, ladderRows } from '../../src/popup/model/ladder.ts';
import { realLevels } from './real-levels.ts';

describe('the levels ladder', () => {
  it('lists the levels in price order, highest first, with the price between them', () => {
    const rows = ladderRows({
      pagePrice: 4510,
      callWall: 4550,
      absGammaStrike: 4525,
      flip: 4494.3,
      putWall: 4400,
    });
    expect(rows.map((r) => r.keys.join('+'))).toEqual([
      'call-wall',
      'abs-gamma',
      'price',
      'flip',
      'put-wall',
    ]);
    const values = rows.map((r) => r.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('gives each level its signed distance in % and in points of the page’s units', () => {
    const rows = ladderRows({
      pagePrice: 4000,
      callWall: 4100,
      absGammaStrike: null,
      flip: 3980,
      putWall: null,
    });
    const call = rows.find((r) => r.keys.includes('call-wall'))!;
    const flip = rows.find((r) => r.keys.includes('flip'))!;
    expect(call.points).toBe(100);
    expect(call.pct).toBeCloseTo(0.025, 12);
    expect(flip.points).toBe(-20);
    expect(flip.pct).toBeCloseTo(-0.005, 12);
  });

  it('puts levels at the same strike on one row and leaves out the ones that do not exist', () => {
    const rows = ladderRows({
      pagePrice: 4505.1,
      callWall: 4500,
      absGammaStrike: 4500,
      flip: null,
      putWall: 4500,
    });
    expect(rows.map((r) => r.keys)).toEqual([['price'], ['call-wall', 'abs-gamma', 'put-wall']]);
  });

  it('orders the sample chain’s real levels around the price the way the engine found them', () => {
    const a = realLevels(4470);
    const rows = ladderRows({
      pagePrice: a.pagePrice,
      callWall: a.callWall,
      absGammaStrike: a.absGammaStrike,
      flip: a.flip,
      putWall: a.putWall,
    });
    const at = (k: string) => rows.findIndex((r) => r.keys.includes(k as never));
    // The flip (4,494.30) and the 4,500 walls sit above 4,470: accelerating territory below the flip.
    expect(at('flip')).toBeLessThan(at('price'));
    expect(rows[at('flip')]!.value).toBeCloseTo(a.flip!, 9);
    expect(rows.every((r, i) => i === 0 || rows[i - 1]!.value >= r.value)).toBe(true);
  });

  it('names a shared row briefly enough for the popup’s width', () => {
    expect(ladderName(['call-wall', 'abs-gamma', 'put-wall'])).toBe('Call & put wall · abs. gamma');
    expect(ladderName(['call-wall', 'abs-gamma'])).toBe('Call wall · abs. gamma');
    expect(ladderName(['flip'])).toBe('Flip');
  });
});
