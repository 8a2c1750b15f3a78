// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TabGlance } from '../../src/messaging/types.ts';
import { EmptyState } from '../../src/popup/empty-state.tsx';
import { FlowChart } from '../../src/popup/flow-chart.tsx';
import { GexChart } from '../../src/popup/gex-chart.tsx';
import { Ladder } from '../../src/popup/ladder.tsx';
import { chartData } from '../../src/popup/model/chart-data.ts';
import { flowStory } from '../../src/popup/model/flow-story.ts';
import { ladderRows } from '../../src/popup/model/ladder.ts';
import { ModelLine } from '../../src/popup/model-line.tsx';
import { VerdictBanner } from '../../src/popup/verdict-banner.tsx';
import { ViewSwitch } from '../../src/popup/view-switch.tsx';
import { realLevels } from './real-levels.ts';
import { sampleGlance } from './sample-tab.ts';

vi.mock('../../src/platform/browser.ts', () => ({ ext: {} }));

const $ = (sel: string) => document.querySelector(sel);
const $$ = (sel: string) => [...document.querySelectorAll(sel)];
const text = (sel = 'body') => $(sel)?.textContent ?? '';

const glance: TabGlance = {
  ...sampleGlance,
  asOf: '2023-09-14T20:31:00.000Z',
  evaluatedAt: 0,
  used: 18_473,
};

describe('the verdict banner', () => {
  afterEach(() => render(null, document.body));

  it('shows word, icon and mechanism together, and the distance to the flip in points and %', () => {
    render(<VerdictBanner glance={glance} held={false} exposure="+$3.60 bn per 1 % move" />, document.body);
    expect(text('[data-testid=levels-regime]')).toBe('Stabilizing');
    expect($('.banner svg.verdict-icon path')?.getAttribute('d')).toBeTruthy();
    expect($('.banner')?.className).toContain('stabilizing');
    expect(text('[data-testid=mechanism]')).toBe(
      'Dealers long gamma: their hedging sells rallies and buys dips.',
    );
    expect(text('[data-testid=flip-distance]')).toBe('Flip 4,494.30: 10.80 pts (0.24 %) below');
    expect($('[data-testid=levels-raw-regime]')).toBeNull();
  });

  it('draws each verdict with its own icon, so colour is never the only difference', () => {
    const shapes = (['stabilizing', 'accelerating', 'transition'] as const).map((verdict) => {
      render(
        <VerdictBanner glance={{ ...glance, verdict, regime: verdict }} held={false} exposure="" />,
        document.body,
      );
      return $('.banner svg path')?.getAttribute('d');
    });
    expect(new Set(shapes).size).toBe(3);
  });

  it('tells when the raw regime at this exact price differs from the verdict (hysteresis)', () => {
    render(
      <VerdictBanner glance={{ ...glance, regime: 'transition' }} held={false} exposure="" />,
      document.body,
    );
    expect(text('[data-testid=levels-raw-regime]')).toContain('raw transition');
  });

  it('greys the verdict and says it is held while the price is not trusted', () => {
    render(<VerdictBanner glance={glance} held={true} exposure="" />, document.body);
    expect($('.banner')?.className).toContain('held');
    expect(text('.flip-line')).toContain('Price not trusted: verdict held');
  });

  it('says there is no flip instead of printing 0', () => {
    render(<VerdictBanner glance={{ ...glance, flip: null }} held={false} exposure="" />, document.body);
    expect(text('[data-testid=flip-distance]')).toContain('No flip within ±20 %');
  });
});

describe('the ladder', () => {
  afterEach(() => render(null, document.body));

  it('lists the levels in price order with the price marked, each with a definition on focus', () => {
    const rows = ladderRows({
      pagePrice: 4510,
      callWall: 4550,
      absGammaStrike: 4525,
      flip: 4494.3,
      putWall: 4400,
    });
    render(<Ladder rows={rows} symbol=".INX" conversion={null} />, document.body);
    const items = $$('.ladder-row');
    expect(items.map((li) => li.getAttribute('data-level'))).toEqual([
      'call-wall',
      'abs-gamma',
      'price',
      'flip',
      'put-wall',
    ]);
    expect(text('.ladder-row.is-price')).toContain('▶ .INX4,510.00');
    const flip = items[3]!;
    expect(flip.textContent).toContain('4,494.30\u22120.35 %\u221215.70 pts');
    const tip = document.getElementById(flip.getAttribute('aria-describedby')!);
    expect(tip?.getAttribute('role')).toBe('tooltip');
    expect(tip?.textContent).toContain('Gamma flip: where net dealer gamma changes sign');
    expect(flip.getAttribute('tabindex')).toBe('0');
  });

  it('says in which prices the levels are when the page is not priced like the chain', () => {
    const rows = ladderRows({
      pagePrice: 4525,
      callWall: null,
      absGammaStrike: null,
      flip: null,
      putWall: null,
    });
    render(
      <Ladder
        rows={rows}
        symbol="ES1!"
        conversion="Levels in ES1! prices (converted from SPX at 4,505.10)."
      />,
      document.body,
    );
    expect(text('.ladder-note')).toBe('Levels in ES1! prices (converted from SPX at 4,505.10).');
  });
});

describe('the GEX chart (real sample chain at its snapshot)', () => {
  afterEach(() => render(null, document.body));
  const a = realLevels(4505.1001);
  const props = {
    chart: a.chart,
    pagePrice: a.pagePrice,
    flip: a.flip,
    callWall: a.callWall,
    putWall: a.putWall,
  };

  it('draws a bar per strike in range and the profile, with the price and the flip marked', () => {
    render(<GexChart {...props} symbol="SPX" split={false} />, document.body);
    const d = chartData(props, false);
    expect($$('rect.bar')).toHaveLength(d.strikes.length);
    expect(d.strikes.length).toBeGreaterThan(20);
    expect($('polyline.profile')?.getAttribute('points')?.split(' ').length).toBe(d.profile.length);
    expect(text('[data-testid=chart-flip]')).toBe('flip 4,494.30');
    expect(text('[data-testid=chart-price]')).toBe('▶ 4,505.10');
    // Positive and negative strikes get different fills (colour), the sign also shows by direction.
    expect($$('rect.bar.pos').length).toBeGreaterThan(0);
    expect($$('rect.bar.neg').length).toBeGreaterThan(0);
  });

  it('keeps a marker’s label inside the plot: the flip’s goes right of its line near the left edge', () => {
    const flipLabel = () => $('[data-testid=chart-flip] text')!;
    const flipX = () => Number($('[data-testid=chart-flip] line')!.getAttribute('x1'));
    // At the snapshot's price the flip is mid-chart and its label goes left, away from the price.
    render(<GexChart {...props} symbol="SPX" split={false} />, document.body);
    expect(flipLabel().getAttribute('text-anchor')).toBe('end');
    render(null, document.body);
    // 2.1 % above the flip, it sits 43 px into the plot: its 12 characters to the left would cover the
    // axis labels (a SPY page in the E2E screenshots), so they go right of the line.
    render(<GexChart {...props} pagePrice={4590} symbol="SPX" split={false} />, document.body);
    expect(flipX()).toBeLessThan(100);
    expect(flipLabel().getAttribute('text-anchor')).toBe('start');
    expect(Number(flipLabel().getAttribute('x'))).toBeGreaterThan(flipX());
  });

  it('has a text alternative naming the range, the largest strikes and the flip', () => {
    render(<GexChart {...props} symbol="SPX" split={false} />, document.body);
    expect($('svg.gex-chart')?.getAttribute('role')).toBe('img');
    const desc = text('[data-testid=gex-summary]');
    expect(desc).toContain('Net gamma exposure by strike from');
    expect(desc).toContain('Largest positive: +$');
    expect(desc).toContain('crosses zero at the flip, 4,494.30');
  });

  it('splits each strike into a call bar and a put bar on demand', () => {
    render(<GexChart {...props} symbol="SPX" split={true} />, document.body);
    const d = chartData(props, true);
    expect($$('rect.bar.call')).toHaveLength(d.strikes.length);
    expect($$('rect.bar.put')).toHaveLength(d.strikes.length);
  });
});

describe('the hedge-flow chart', () => {
  afterEach(() => render(null, document.body));

  it('draws the curve, the ±1 % points, the sign changes and the flip', () => {
    const a = realLevels(4505.1001);
    const story = flowStory({
      flowCurve: a.flowCurve,
      pagePrice: a.pagePrice,
      underlying: 'SPX',
      underlyingPrice: a.underlyingPrice,
      flip: a.flip,
    });
    render(
      <FlowChart curve={a.flowCurve} story={story} pagePrice={a.pagePrice} symbol="SPX" />,
      document.body,
    );
    expect($('polyline.flow')?.getAttribute('points')?.split(' ')).toHaveLength(31);
    expect($$('circle.one-pct')).toHaveLength(2);
    expect($$('[data-testid=flow-sign-change]')).toHaveLength(story.signChanges.length);
    expect(text('[data-testid=flow-flip]')).toBe('flip 4,494.30');
    expect(text('#flow-desc')).toBe(story.sentence);
  });
});

describe('the empty states', () => {
  afterEach(() => render(null, document.body));
  const show = (state: Parameters<typeof EmptyState>[0]['state'], chains?: number) => {
    const onOptions = vi.fn();
    render(<EmptyState state={state} chains={chains} onOptions={onOptions} />, document.body);
    return onOptions;
  };

  it('tells a new user there is no chain yet, and opens the options page', () => {
    const open = show({ kind: 'no-chain', symbol: '.SPX' }, 0);
    expect(text()).toContain('No chain saved yet.');
    ($('[data-testid=open-options]') as HTMLButtonElement).click();
    expect(open).toHaveBeenCalledOnce();
  });

  it('names the symbol no saved chain answers to', () => {
    show({ kind: 'no-chain', symbol: '.SPX' }, 2);
    expect(text()).toContain('No chain answers to .SPX.');
  });

  it('says nothing is in scope, naming the scope', () => {
    show({ kind: 'nothing-in-scope', scope: '0dte' });
    expect(text()).toContain(
      'Nothing in scope. No contract of the chain is alive in the expiry scope “0DTE only”',
    );
  });

  it('says there is no price yet and shows an error as an error', () => {
    show({ kind: 'no-price' });
    expect(text()).toContain('No price on this tab yet.');
    show({ kind: 'error', message: 'the SPX chain is no longer stored' });
    expect($('[role=alert]')?.textContent).toBe('Levels unavailable: the SPX chain is no longer stored');
  });
});

describe('the model line', () => {
  afterEach(() => render(null, document.body));

  it('names preset, scope, sign model and positions model, and says what each assumes', () => {
    render(<ModelLine levels={realLevels(4505.1001)} />, document.body);
    expect(text('[data-testid=model]')).toBe(
      'live · all expirations · long calls, short puts · open interest',
    );
    expect($('details.info summary')?.getAttribute('aria-label')).toBe('What the model assumes');
    expect(text('[data-testid=model-info]')).toContain('Signs: dealers long the calls customers sell');
  });

  it('says "open interest only" when the chain has no volume for the model asked for', () => {
    const a = { ...realLevels(4505.1001), positions: 'oi' as const, positionsWanted: 'oi+volume' as const };
    render(<ModelLine levels={a} />, document.body);
    expect(text('[data-testid=model]')).toContain('open interest only');
    expect(text('[data-testid=model-info]')).toContain('has no volume column');
  });
});

describe('the detail views', () => {
  afterEach(() => render(null, document.body));

  it('switches with the arrow keys as WAI-ARIA tabs do', () => {
    render(<ViewSwitch render={(v) => <p data-testid="shown">{v}</p>} />, document.body);
    expect(text('[data-testid=shown]')).toBe('chart');
    const tablist = $('[role=tablist]')!;
    tablist.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    return Promise.resolve().then(() => {
      expect(text('[data-testid=shown]')).toBe('flow');
      expect($('[data-testid=view-flow]')?.getAttribute('aria-selected')).toBe('true');
      expect($('[data-testid=view-chart]')?.getAttribute('tabindex')).toBe('-1');
    });
  });
});
