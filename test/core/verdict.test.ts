import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../../src/core/model.ts';
import type { Regime } from '../../src/core/regime.ts';
import { clearRegime, HYSTERESIS, nextVerdict, type VerdictInput } from '../../src/core/verdict.ts';

const band = DEFAULT_MODEL.transitionBand; // balance 0.05, flip 0.25 %
const S = 4500;

/** An evaluation at S with this balance (net has the balance's sign) and these crossings. */
const at = (balance: number, crossings: number[] = [], spot = S): VerdictInput => ({
  spot,
  netGex: balance * 1e9,
  balance,
  crossings,
});

/** Runs a sequence of evaluations through nextVerdict, starting from no verdict. */
function run(inputs: VerdictInput[], start: Regime | null = null): Regime[] {
  const shown: Regime[] = [];
  let v = start;
  for (const x of inputs) {
    v = nextVerdict(v, x, band);
    shown.push(v);
  }
  return shown;
}

describe('the live verdict with hysteresis', () => {
  it('takes the raw regime on the first evaluation', () => {
    expect(nextVerdict(null, at(0.3), band)).toBe('stabilizing');
    expect(nextVerdict(null, at(-0.3), band)).toBe('accelerating');
    expect(nextVerdict(null, at(0.049), band)).toBe('transition');
    expect(nextVerdict(null, at(0.3, [S * 1.002]), band)).toBe('transition');
  });

  it('keeps one verdict while the balance oscillates around the band edge', () => {
    const wobble = [0.052, 0.048, 0.055, 0.045, 0.051, 0.047, 0.06, 0.04];
    expect(new Set(run(wobble.map((b) => at(b))))).toEqual(new Set(['stabilizing']));
    expect(
      new Set(
        run(
          wobble.map((b) => at(b)),
          'transition',
        ),
      ),
    ).toEqual(new Set(['transition']));
    // The raw regime itself flips on every tick of that sequence: that is what hysteresis hides.
    expect(new Set(wobble.map((b) => nextVerdict(null, at(b), band))).size).toBe(2);
  });

  it('keeps one verdict while the price oscillates around the flip-distance edge', () => {
    const flip = 4488.75; // 0.25 % below S = 4500
    const prices = [4500.4, 4499.6, 4500.9, 4499.1, 4500.2, 4499.8];
    const shown = run(prices.map((p) => at(0.3, [flip], p)));
    expect(new Set(shown).size).toBe(1);
  });

  it('changes the verdict once the balance is clearly past the band', () => {
    expect(run([at(0.04), at(0.06), at(0.071)])).toEqual(['transition', 'transition', 'stabilizing']);
    expect(run([at(0.2), at(0.04), at(0.029)])).toEqual(['stabilizing', 'stabilizing', 'transition']);
    expect(run([at(-0.2), at(-0.04), at(-0.02)])).toEqual(['accelerating', 'accelerating', 'transition']);
  });

  it('changes the verdict once a flip is clearly near or clearly far', () => {
    const spot = 4500;
    // Flip 0.3 % away (inside the margin) keeps transition; 0.4 % away (past 0.35 %) releases it.
    expect(run([at(0.3, [spot * 1.002]), at(0.3, [spot * 1.003]), at(0.3, [spot * 1.004])])).toEqual([
      'transition',
      'transition',
      'stabilizing',
    ]);
    // From stabilizing, a flip 0.2 % away (raw: transition) is not yet clear; 0.1 % is.
    expect(run([at(0.3, [spot * 1.002]), at(0.3, [spot * 1.001])], 'stabilizing')).toEqual([
      'stabilizing',
      'transition',
    ]);
  });

  it('never calls a net-short-gamma book stabilizing, even inside the margin', () => {
    expect(nextVerdict('stabilizing', at(-0.06), band)).toBe('transition');
    expect(nextVerdict('accelerating', at(0.06), band)).toBe('transition');
    expect(nextVerdict('stabilizing', at(-0.5), band)).toBe('accelerating');
  });

  it('scales the margin with a wider band', () => {
    const wide = { balance: 0.2, flipDistance: 0.01 };
    expect(nextVerdict('transition', at(0.25), wide)).toBe('transition');
    expect(nextVerdict('transition', at(0.29), wide)).toBe('stabilizing');
    expect(HYSTERESIS).toBe(0.4);
  });

  it('agrees with the raw regime whenever the evaluation is clear (property)', () => {
    const balance = fc.double({ min: -1, max: 1, noNaN: true });
    const regimes = fc.constantFrom<Regime | null>(null, 'stabilizing', 'accelerating', 'transition');
    const flip = fc.option(fc.double({ min: 0.9, max: 1.1, noNaN: true }), { nil: undefined });
    fc.assert(
      fc.property(regimes, balance, flip, (prev, b, f) => {
        const x = at(b, f === undefined ? [] : [S * f]);
        const clear = clearRegime(x, band);
        const v = nextVerdict(prev, x, band);
        if (clear !== null) expect(v).toBe(clear);
        else if (prev !== null) expect([prev, 'transition']).toContain(v);
      }),
    );
  });
});
