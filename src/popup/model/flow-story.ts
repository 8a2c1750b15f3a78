/**
 * The hedge flow in words and marks: what dealers trade on a 1 % rise and a 1 % drop, in one sentence
 * that explains a crossing of the flip ("a 1 % drop crosses the flip at 4,494.30: dealers buy at
 * first, then sell below it"), and where the curve changes sign. Issue 10 found "Stabilizing" above
 * "+1 %: sell · −1 %: sell" read as a contradiction: both were right, because a 1 % drop crossed the
 * flip, but nothing said so.
 *
 * The curve (TabLevels.flowCurve) is cumulative: the trade for the whole move from the price. The
 * trade along the way is its increments, so "at first" is the first step's increment and "then" the
 * last step's.
 */
import { tradePhrase } from '../../core/phrases.ts';
import type { FlowPointData } from '../../messaging/types.ts';
import { formatPrice } from '../../ui/format.ts';

export interface FlowStoryInput {
  flowCurve: FlowPointData[];
  pagePrice: number;
  underlying: string;
  underlyingPrice: number;
  /** Page units. */
  flip: number | null;
}

export interface Leg {
  dir: 'rise' | 'drop';
  /** The ±1 % point of the curve. */
  at: FlowPointData;
  crossesFlip: boolean;
  /** Sign of the first and last increments on the way (1 buy, −1 sell, 0 none). */
  first: number;
  last: number;
}

export interface FlowStory {
  sentence: string;
  rise: Leg | null;
  drop: Leg | null;
  /** Where the cumulative trade changes sign (move fraction and page price), besides at the price. */
  signChanges: { move: number; price: number }[];
  /** The flip as a move from the price, when within the curve's range. */
  flipMove: number | null;
}

const ONE = 0.01;
const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const verb = (sign: number) => (sign > 0 ? 'buy' : 'sell');

function legOf(sorted: FlowPointData[], dir: 'rise' | 'drop', x: FlowStoryInput): Leg | null {
  const target = dir === 'rise' ? ONE : -ONE;
  const path = sorted
    .filter((p) => (dir === 'rise' ? p.move >= 0 : p.move <= 0) && Math.abs(p.move) <= ONE + 1e-12)
    .sort((a, b) => Math.abs(a.move) - Math.abs(b.move));
  const at = path.find((p) => near(p.move, target));
  if (!at || path.length < 2) return null;
  const scale = Math.max(...path.map((p) => Math.abs(p.shares)), 1e-300);
  const steps: number[] = [];
  for (let k = 1; k < path.length; k++) {
    const inc = path[k]!.shares - path[k - 1]!.shares;
    if (Math.abs(inc) > 1e-6 * scale) steps.push(Math.sign(inc));
  }
  const lo = dir === 'rise' ? x.pagePrice : x.pagePrice * (1 - ONE);
  const hi = dir === 'rise' ? x.pagePrice * (1 + ONE) : x.pagePrice;
  const crossesFlip = x.flip !== null && x.flip > lo && x.flip < hi;
  return { dir, at, crossesFlip, first: steps[0] ?? 0, last: steps[steps.length - 1] ?? 0 };
}

function legPhrase(leg: Leg, x: FlowStoryInput, lead: boolean): string {
  const trade = tradePhrase(leg.at.shares, x.underlyingPrice, x.underlying);
  const turns = leg.first !== 0 && leg.last !== 0 && leg.first !== leg.last;
  const side = leg.dir === 'drop' ? 'below' : 'above';
  if (leg.crossesFlip) {
    const head = `a 1 % ${leg.dir} crosses the flip at ${formatPrice(x.flip)}`;
    return turns
      ? `${head}: dealers ${verb(leg.first)} at first, then ${verb(leg.last)} ${side} it — net ${trade}`
      : `${head}: dealers ${trade}`;
  }
  const who = lead ? 'dealers' : 'they';
  return turns
    ? `on a 1 % ${leg.dir} ${who} ${verb(leg.first)} at first, then ${verb(leg.last)} — net ${trade}`
    : `on a 1 % ${leg.dir} ${who} ${trade}`;
}

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export function flowStory(x: FlowStoryInput): FlowStory {
  const sorted = [...x.flowCurve].sort((a, b) => a.move - b.move);
  const rise = legOf(sorted, 'rise', x);
  const drop = legOf(sorted, 'drop', x);
  const legs = [rise, drop].filter((l): l is Leg => l !== null);
  // A leg that crosses the flip leads: it is the one that needs explaining.
  legs.sort((a, b) => Number(b.crossesFlip) - Number(a.crossesFlip));
  const sentence =
    legs.length === 0
      ? 'No hedge flow to show.'
      : `${capital(legs.map((l, i) => legPhrase(l, x, i === 0)).join('; '))}.`;

  const signChanges: FlowStory['signChanges'] = [];
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1]!;
    const b = sorted[k]!;
    if ((a.shares > 0 && b.shares < 0) || (a.shares < 0 && b.shares > 0)) {
      const move = a.move + ((b.move - a.move) * a.shares) / (a.shares - b.shares);
      signChanges.push({ move, price: x.pagePrice * (1 + move) });
    }
  }
  const lo = sorted[0]?.move ?? 0;
  const hi = sorted[sorted.length - 1]?.move ?? 0;
  const fm = x.flip === null ? null : x.flip / x.pagePrice - 1;
  return { sentence, rise, drop, signChanges, flipMove: fm !== null && fm >= lo && fm <= hi ? fm : null };
}
