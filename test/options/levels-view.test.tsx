// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TabLevels } from '../../src/messaging/types.ts';
import { LevelsView } from '../../src/popup/levels.tsx';

// The view is pure; only the container talks to the background.
vi.mock('../../src/platform/browser.ts', () => ({ ext: {} }));

const NOW = Date.parse('2023-09-14T20:41:00Z');
const levels: TabLevels = {
  status: 'ok',
  symbol: 'ES1!',
  pagePrice: 4525.1,
  underlying: 'SPX',
  underlyingPrice: 4505.1,
  conversion: { kind: 'offset', offset: 20 },
  preset: 'live',
  scope: 'all',
  signs: 'long-calls-short-puts',
  positions: 'oi',
  units: 'per-1pct',
  multiplier: 100,
  asOf: '2023-09-14T20:31:00.000Z',
  evaluatedAt: NOW,
  atSnapshot: false,
  regime: 'stabilizing',
  netGex: 16.1e9,
  grossGex: 376e9,
  balance: 0.3,
  flip: 4514.3,
  callWall: 4520,
  putWall: 4500,
  absGammaStrike: 4520,
  hedgeFlow: { up1pct: { shares: -9.2e6, notional: -41e9 }, down1pct: { shares: 3.1e6, notional: 13e9 } },
  contracts: { total: 10, used: 10, expired: 0, noIv: 0, outOfScope: 0 },
  zeroDteShare: 0,
  chart: { strikes: [], profile: [] },
  flowCurve: [],
  drivers: null,
};
const show = (a: TabLevels, now = NOW) => {
  render(<LevelsView analysis={a} now={now} onConfirmRatio={async () => undefined} />, document.body);
  return document.body.textContent ?? '';
};

describe('the popup levels', () => {
  afterEach(() => render(null, document.body));

  it('states the regime as a type of pressure, never a direction, with levels in page units', () => {
    const text = show(levels);
    expect(text).toContain('Stabilizing');
    expect(text).toContain('it does not say which way price goes');
    expect(text).toContain('Gamma flip4,514.30−0.24 %');
    expect(text).toContain('Levels in ES1! prices (converted from SPX at 4,505.10)');
    expect(text).toContain('+$16.10 bn per 1 % move');
    expect(text).toContain('+1 %: sell 9.20 m · −1 %: buy 3.10 m SPX');
    expect(text).toContain('10 min old.');
    expect(text).not.toContain('stale');
  });

  it('labels the units the user chose', () => {
    // 16.1e9 / (0.01 × 4525.1) = 355.79 m dollars per ES point.
    expect(show({ ...levels, units: 'per-point' })).toContain('+$355.79 m per 1-point move of ES1!');
    expect(show({ ...levels, units: 'shares' })).toContain('units of SPX per 1 % move');
  });

  it('warns when the chain is from another session', () => {
    expect(show(levels, NOW + 2 * 86_400_000)).toContain('stale — positions have changed since');
  });

  it('says there is no flip instead of printing 0', () => {
    expect(show({ ...levels, flip: null })).toContain('Gamma flipnone within ±20 %');
  });
});
