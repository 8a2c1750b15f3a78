/**
 * The levels ladder: call wall, absolute gamma strike, the price, the flip and the put wall, in price
 * order (highest first, as on a price ladder), each with its signed distance from the price in % and
 * in points of the page's units. Levels at the same price share one row (on an index the walls and the
 * absolute gamma strike often sit on one round strike).
 */

export type LevelKey = 'call-wall' | 'abs-gamma' | 'price' | 'flip' | 'put-wall';

export const LEVEL_NAMES: Record<LevelKey, string> = {
  'call-wall': 'Call wall',
  'abs-gamma': 'Abs. gamma',
  price: 'Price',
  flip: 'Flip',
  'put-wall': 'Put wall',
};

/** A row's name: "Call & put wall · abs. gamma" when levels share a strike (fits the 400 px ladder). */
export function ladderName(keys: LevelKey[]): string {
  const walls = keys.includes('call-wall') && keys.includes('put-wall');
  const names = keys
    .filter((k) => !(walls && (k === 'call-wall' || k === 'put-wall')))
    .map((k) => (keys.length > 1 && k === 'abs-gamma' ? 'abs. gamma' : LEVEL_NAMES[k]));
  return [...(walls ? ['Call & put wall'] : []), ...names].join(' · ');
}

/** One sentence each, shown on hover and focus. */
export const LEVEL_DEFINITIONS: Record<LevelKey, string> = {
  'call-wall':
    'Call wall: the strike with the largest call gamma exposure. Dealer hedging of calls is heaviest there, so moves often slow near it.',
  'abs-gamma':
    'Absolute gamma strike: the strike with the largest call + put gamma exposure, where the most hedging sits.',
  price: "Price: the page's last price; the levels are converted to its units.",
  flip: 'Gamma flip: where net dealer gamma changes sign. On one side hedging damps moves, on the other it chases them.',
  'put-wall':
    'Put wall: the strike with the largest put gamma exposure. Dealer hedging of puts is heaviest there, so moves often slow near it.',
};

export interface LadderRow {
  keys: LevelKey[];
  /** Page units. */
  value: number;
  /** (value − price) / price, fraction; 0 for the price row. */
  pct: number;
  /** value − price, page units. */
  points: number;
  isPrice: boolean;
}

export interface LadderInput {
  pagePrice: number;
  callWall: number | null;
  absGammaStrike: number | null;
  flip: number | null;
  putWall: number | null;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

export function ladderRows(x: LadderInput): LadderRow[] {
  const levels: [LevelKey, number | null][] = [
    ['call-wall', x.callWall],
    ['abs-gamma', x.absGammaStrike],
    ['flip', x.flip],
    ['put-wall', x.putWall],
  ];
  const rows: LadderRow[] = [];
  for (const [key, value] of levels) {
    if (value === null || !Number.isFinite(value)) continue;
    const row = rows.find((r) => same(r.value, value));
    if (row) row.keys.push(key);
    else
      rows.push({
        keys: [key],
        value,
        pct: (value - x.pagePrice) / x.pagePrice,
        points: value - x.pagePrice,
        isPrice: false,
      });
  }
  rows.push({ keys: ['price'], value: x.pagePrice, pct: 0, points: 0, isPrice: true });
  // Highest first; a level exactly at the price sits just above the price row.
  return rows.sort((a, b) => b.value - a.value || Number(a.isPrice) - Number(b.isPrice));
}
