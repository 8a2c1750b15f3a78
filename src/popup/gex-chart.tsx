/**
 * Net GEX by strike around the price (bars, left axis; a call/put split on demand) and the profile
 * (curve, right axis: net GEX if the price were there), sharing one zero line, with the price and the
 * flip marked. Plain SVG from preact: a charting library would outweigh the whole popup (issue 10:
 * keep the bundle lean). The figure carries a text alternative (chartSummary).
 */
import { formatPrice } from '../ui/format.ts';
import { axisPrice } from '../ui/numbers.ts';
import { type ChartInput, chartData, chartSummary } from './model/chart-data.ts';
import { linear, niceTicks, sharedZero, unitsToPixels } from './model/scale.ts';

const W = 372;
const H = 150;
const L = 44;
const R = W - 44;
const T = 14;
const B = 126;
/** A 10 px label's width per character, a little over the digits' 6.4 px in DejaVu Sans (popup.css). */
const LABEL_CHAR_PX = 6.5;

/** "+3.9 bn", "−820 m": the axis's short money (the legend says dollars per 1 % move). */
export function shortMoney(v: number): string {
  const a = Math.abs(v);
  const sign = v < 0 ? '\u2212' : v > 0 ? '+' : '';
  const [x, unit] =
    a >= 1e9 ? [a / 1e9, ' bn'] : a >= 1e6 ? [a / 1e6, ' m'] : a >= 1e3 ? [a / 1e3, ' k'] : [a, ''];
  const digits = x >= 100 || unit === '' ? 0 : x >= 10 ? 0 : 1;
  return `${sign}${x.toFixed(digits)}${unit}`;
}

interface Props extends ChartInput {
  symbol: string;
  split: boolean;
}

export function GexChart(props: Props) {
  const { split, symbol, pagePrice, flip } = props;
  const d = chartData(props, split);
  const sx = linear(d.lo, d.hi, L, R);
  const z = sharedZero([d.bars, d.curve]);
  const zeroY = T + z * (B - T);
  const kBars = unitsToPixels(d.bars, zeroY, T, B);
  const kCurve = unitsToPixels(d.curve, zeroY, T, B);
  const yBar = (v: number) => zeroY - v * kBars;
  const yCurve = (v: number) => zeroY - v * kCurve;
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < d.strikes.length; i++)
    gap = Math.min(gap, sx(d.strikes[i]!.strike) - sx(d.strikes[i - 1]!.strike));
  const w = Math.max(1, Math.min(8, Number.isFinite(gap) ? gap * 0.7 : 6));
  const bar = (x: number, v: number, width: number, cls: string, key: string) => (
    <rect
      key={key}
      class={cls}
      x={x}
      y={Math.min(yBar(v), zeroY)}
      width={width}
      height={Math.max(0.5, Math.abs(yBar(v) - zeroY))}
    />
  );
  const curve = d.profile.map((q) => `${sx(q.price).toFixed(1)},${yCurve(q.netGex).toFixed(1)}`).join(' ');
  const px = sx(pagePrice);
  const fx = flip !== null && flip >= d.lo && flip <= d.hi ? sx(flip) : null;
  // A marker's label goes on the side away from the other marker, unless it would run out of the
  // plot there (over the axis labels: a flip near the left edge): then on the other side.
  const anchor = (x: number, other: number | null, label: string) => {
    const away = other !== null ? (other > x ? 'end' : 'start') : x > (L + R) / 2 ? 'end' : 'start';
    const width = label.length * LABEL_CHAR_PX + 4;
    if (away === 'end' && x - width < L) return 'start';
    if (away === 'start' && x + width > R) return 'end';
    return away;
  };
  const shift = (a: string) => (a === 'end' ? -4 : 4);
  const priceLabel = `▶ ${formatPrice(pagePrice)}`;
  const flipLabel = flip === null ? '' : `flip ${formatPrice(flip)}`;
  const pa = anchor(px, fx, priceLabel);
  const fa = fx === null ? 'start' : anchor(fx, px, flipLabel);
  const summary = chartSummary(d, props, symbol);
  return (
    <svg
      class="chart gex-chart"
      data-testid="gex-chart"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-labelledby="gex-title gex-desc"
    >
      <title id="gex-title">Net gamma exposure by strike and the profile, {symbol}</title>
      <desc id="gex-desc" data-testid="gex-summary">
        {summary}
      </desc>
      <line class="zero" x1={L} x2={R} y1={zeroY} y2={zeroY} />
      {niceTicks(d.lo, d.hi, 4).map((t) => (
        <g key={t}>
          <line class="tick" x1={sx(t)} x2={sx(t)} y1={B} y2={B + 3} />
          <text class="axis" x={sx(t)} y={B + 13} text-anchor="middle">
            {axisPrice(t)}
          </text>
        </g>
      ))}
      <g class="bars">
        {d.strikes.map((s) =>
          split
            ? [
                bar(sx(s.strike) - w / 2, s.callGex, w / 2, 'bar call', `c${s.strike}`),
                bar(sx(s.strike), s.putGex, w / 2, 'bar put', `p${s.strike}`),
              ]
            : bar(sx(s.strike) - w / 2, s.netGex, w, `bar ${s.netGex >= 0 ? 'pos' : 'neg'}`, `n${s.strike}`),
        )}
      </g>
      {curve && <polyline class="profile" data-testid="profile" points={curve} />}
      <text class="axis" x={L - 4} y={T + 4} text-anchor="end">
        {shortMoney(d.bars.max)}
      </text>
      <text class="axis" x={L - 4} y={zeroY + 3} text-anchor="end">
        0
      </text>
      <text class="axis" x={L - 4} y={B} text-anchor="end">
        {shortMoney(d.bars.min)}
      </text>
      <text class="axis curve-axis" x={R + 4} y={T + 4}>
        {shortMoney(d.curve.max)}
      </text>
      <text class="axis curve-axis" x={R + 4} y={B}>
        {shortMoney(d.curve.min)}
      </text>
      {fx !== null && (
        <g class="flip-mark" data-testid="chart-flip">
          <line x1={fx} x2={fx} y1={T} y2={B} />
          <text x={fx + shift(fa)} y={B - 4} text-anchor={fa}>
            {flipLabel}
          </text>
        </g>
      )}
      <g class="price-mark" data-testid="chart-price">
        <line x1={px} x2={px} y1={T} y2={B} />
        <text x={px + shift(pa)} y={T - 3} text-anchor={pa}>
          {priceLabel}
        </text>
      </g>
    </svg>
  );
}
