import { describe, expect, it } from 'vitest';
import { netGexAt } from '../../src/core/exposure.ts';
import type { FlowPointData } from '../../src/messaging/types.ts';
import { flowStory } from '../../src/popup/model/flow-story.ts';
import { preparedAt, realLevels, SNAPSHOT } from './real-levels.ts';

const storyOf = (price: number) => {
  const a = realLevels(price);
  return {
    a,
    story: flowStory({
      flowCurve: a.flowCurve,
      pagePrice: a.pagePrice,
      underlying: a.underlying,
      underlyingPrice: a.underlyingPrice,
      flip: a.flip,
    }),
  };
};

describe('the hedge-flow story', () => {
  it('explains the issue’s case: just above the flip a 1 % drop crosses it, so dealers buy at first and then sell', () => {
    // SPX at its snapshot spot, 0.24 % above the flip (REFERENCE.md: 4494.30).
    const { a, story } = storyOf(4505.1001);
    const p = preparedAt(SNAPSHOT);
    expect(a.flip!).toBeLessThan(4505.1001);
    expect(a.flip!).toBeGreaterThan(4505.1001 * 0.99);
    // The engine's own regimes on either side say which way the increments go.
    expect(netGexAt(p, 4505.1001)).toBeGreaterThan(0);
    expect(netGexAt(p, 4505.1001 * 0.99)).toBeLessThan(0);
    expect(story.drop).toMatchObject({ crossesFlip: true, first: 1, last: -1 });
    expect(story.sentence).toMatch(
      /^A 1 % drop crosses the flip at 4,494\.30: dealers buy at first, then sell below it — net (buy|sell) \$[\d.]+ (bn|m) \(≈ [\d,]+ ES\); on a 1 % rise they (buy|sell) /,
    );
    // The net figure is the curve's own −1 % point, in the one formatter's words.
    expect(story.sentence).toContain(a.hedgeFlow.down1pct.shares < 0 ? 'net sell' : 'net buy');
  });

  it('says the two trades plainly when no move of 1 % reaches the flip', () => {
    const { a, story } = storyOf(4560);
    expect(Math.abs(a.flip! / 4560 - 1)).toBeGreaterThan(0.01);
    expect(story.rise?.crossesFlip).toBe(false);
    expect(story.drop?.crossesFlip).toBe(false);
    expect(story.sentence).toMatch(
      /^On a 1 % rise dealers (buy|sell) \$.+; on a 1 % drop they (buy|sell) \$.+\.$/,
    );
    expect(story.sentence).not.toContain('flip');
  });

  it('marks where the cumulative trade changes sign, between the two curve points around it', () => {
    const { a, story } = storyOf(4505.1001);
    const sorted = [...a.flowCurve].sort((x, y) => x.move - y.move);
    expect(story.signChanges.length).toBeGreaterThan(0);
    for (const c of story.signChanges) {
      const after = sorted.findIndex((q) => q.move > c.move);
      const [lo, hi] = [sorted[after - 1]!, sorted[after]!];
      expect(Math.sign(lo.shares)).toBe(-Math.sign(hi.shares));
      expect(c.price).toBeCloseTo(a.pagePrice * (1 + c.move), 6);
    }
  });

  it('places the flip on the curve’s move axis only when it lies within ±3 %', () => {
    expect(storyOf(4505.1001).story.flipMove).toBeCloseTo(4494.30149 / 4505.1001 - 1, 4);
    const far = storyOf(4700).story;
    expect(far.flipMove).toBeNull();
  });

  it('has nothing to say without the ±1 % points', () => {
    const curve: FlowPointData[] = [{ move: 0, price: 100, shares: 0, notional: 0 }];
    const s = flowStory({
      flowCurve: curve,
      pagePrice: 100,
      underlying: 'SPY',
      underlyingPrice: 100,
      flip: null,
    });
    expect(s.sentence).toBe('No hedge flow to show.');
  });
});
