/**
 * The hedge flow as a curve: what dealers trade (notional, buy up / sell down) if the price moves
 * from −3 % to +3 % (full revaluation, 31 points from the background), with the ±1 % points, the
 * places where the trade changes sign, and the flip, marked; the ±1 % sentence under it says the same
 * in words (flowStory).
 */
import type { FlowPointData } from '../messaging/types.ts';
import { formatPrice } from '../ui/format.ts';
import { shortMoney } from './gex-chart.tsx';
import type { FlowStory } from './model/flow-story.ts';
import { linear } from './model/scale.ts';

const W = 372;
const H = 132;
const L = 44;
const R = W - 16;
const T = 12;
const B = 110;
const TICKS = [-0.03, -0.02, -0.01, 0, 0.01, 0.02, 0.03];

interface Props {
  curve: FlowPointData[];
  story: FlowStory;
  pagePrice: number;
  symbol: string;
}

const pct = (m: number) => (m === 0 ? '0' : `${m > 0 ? '+' : '\u2212'}${Math.abs(m * 100).toFixed(0)} %`);

export function FlowChart({ curve, story, pagePrice, symbol }: Props) {
  const pts = [...curve].sort((a, b) => a.move - b.move);
  const lo = Math.min(0, ...pts.map((p) => p.notional));
  const hi = Math.max(0, ...pts.map((p) => p.notional));
  const pad = (hi - lo) * 0.08 || 1;
  const sx = linear(-0.03, 0.03, L, R);
  const sy = linear(lo - pad, hi + pad, B, T);
  const line = pts.map((p) => `${sx(p.move).toFixed(1)},${sy(p.notional).toFixed(1)}`).join(' ');
  const ones = pts.filter((p) => Math.abs(Math.abs(p.move) - 0.01) < 1e-9);
  const fx = story.flipMove === null ? null : sx(story.flipMove);
  return (
    <svg
      class="chart flow-chart"
      data-testid="flow-chart"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-labelledby="flow-title flow-desc"
    >
      <title id="flow-title">Dealer hedge trades for price moves of −3 % to +3 %, {symbol}</title>
      <desc id="flow-desc">{story.sentence}</desc>
      <line class="zero" x1={L} x2={R} y1={sy(0)} y2={sy(0)} />
      {TICKS.map((t) => (
        <g key={t}>
          <line class="tick" x1={sx(t)} x2={sx(t)} y1={B} y2={B + 3} />
          <text class="axis" x={sx(t)} y={B + 13} text-anchor="middle">
            {pct(t)}
          </text>
        </g>
      ))}
      <text class="axis" x={L - 4} y={T + 4} text-anchor="end">
        buy
      </text>
      <text class="axis" x={L - 4} y={T + 14} text-anchor="end">
        {shortMoney(hi)}
      </text>
      <text class="axis" x={L - 4} y={B - 10} text-anchor="end">
        {shortMoney(lo)}
      </text>
      <text class="axis" x={L - 4} y={B} text-anchor="end">
        sell
      </text>
      <line class="price-axis" x1={sx(0)} x2={sx(0)} y1={T} y2={B} />
      {fx !== null && (
        <g class="flip-mark" data-testid="flow-flip">
          <line x1={fx} x2={fx} y1={T} y2={B} />
          <text
            x={fx + (fx > sx(0) ? 4 : -4)}
            y={sy(0) < (T + B) / 2 ? B - 4 : T + 8}
            text-anchor={fx > sx(0) ? 'start' : 'end'}
          >
            flip {formatPrice(pagePrice * (1 + story.flipMove!))}
          </text>
        </g>
      )}
      <polyline class="flow" data-testid="flow-curve" points={line} />
      {ones.map((p) => (
        <circle key={p.move} class="one-pct" cx={sx(p.move)} cy={sy(p.notional)} r={3} />
      ))}
      {story.signChanges.map((c) => (
        <g key={c.move} class="sign-change" data-testid="flow-sign-change">
          <circle cx={sx(c.move)} cy={sy(0)} r={4} />
          <text x={sx(c.move)} y={sy(0) < (T + B) / 2 ? sy(0) + 15 : sy(0) - 8} text-anchor="middle">
            {formatPrice(c.price)}
          </text>
        </g>
      ))}
    </svg>
  );
}
