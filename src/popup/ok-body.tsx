/**
 * Everything below the verdict banner once the full levels are there: the ladder, the detail views
 * (GEX chart, hedge flow, what moves the hedge) and the model line. It is drawn once the full levels
 * have arrived, after the first paint; the popup is one script (scripts/popup-one-file.ts), so this is
 * not a chunk of its own: a second request cost more than parsing it in the first.
 */

import type { TabLevels } from '../messaging/types.ts';
import { formatPrice } from '../ui/format.ts';
import { DriversPanel } from './drivers-panel.tsx';
import { FlowChart } from './flow-chart.tsx';
import { GexChart } from './gex-chart.tsx';
import { Ladder } from './ladder.tsx';
import { flowStory } from './model/flow-story.ts';
import { ladderRows } from './model/ladder.ts';
import { ModelLine } from './model-line.tsx';
import { ViewSwitch } from './view-switch.tsx';

export interface OkProps {
  levels: TabLevels;
  /** The latest page price (from the glance, fresher than the levels). */
  price: number;
  now: number;
  split: boolean;
  onSplit(split: boolean): void;
}

export function OkBody({ levels: a, price, now, split, onSplit }: OkProps) {
  const converted = !(a.conversion.kind === 'ratio' && a.conversion.ratio === 1);
  const rows = ladderRows({
    pagePrice: price,
    callWall: a.callWall,
    absGammaStrike: a.absGammaStrike,
    flip: a.flip,
    putWall: a.putWall,
  });
  const story = flowStory({
    flowCurve: a.flowCurve,
    pagePrice: a.pagePrice,
    underlying: a.underlying,
    underlyingPrice: a.underlyingPrice,
    flip: a.flip,
  });
  return (
    <>
      <Ladder
        rows={rows}
        symbol={a.symbol}
        conversion={
          converted
            ? `Levels in ${a.symbol} prices (converted from ${a.underlying} at ${formatPrice(a.underlyingPrice)}).`
            : null
        }
      />
      <ViewSwitch
        render={(view) =>
          view === 'chart' ? (
            <div class="chart-view">
              <div class="chart-head">
                <span class="legend muted">
                  <i class="key bar-key" /> by strike (left) <i class="key curve-key" /> profile (right), $
                  per 1 % move
                </span>
                <button
                  type="button"
                  class="toggle"
                  data-testid="split-toggle"
                  aria-pressed={split}
                  onClick={() => onSplit(!split)}
                >
                  {split ? 'Calls & puts' : 'Net'}
                </button>
              </div>
              <GexChart
                chart={a.chart}
                pagePrice={price}
                flip={a.flip}
                callWall={a.callWall}
                putWall={a.putWall}
                symbol={a.symbol}
                split={split}
              />
            </div>
          ) : view === 'flow' ? (
            <div class="flow-view">
              <FlowChart curve={a.flowCurve} story={story} pagePrice={a.pagePrice} symbol={a.symbol} />
              <p class="flow-sentence num" data-testid="flow-sentence">
                {story.sentence}
              </p>
            </div>
          ) : (
            <DriversPanel levels={a} now={now} />
          )
        }
      />
      <ModelLine levels={a} />
    </>
  );
}
