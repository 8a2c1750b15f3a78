/**
 * The overlay card's levels ladder and its "what moves the hedge" lines, in the page's units. Every
 * trade is said by the one formatter (src/core/phrases.ts): buy/sell words, notional dollars, and the
 * index's future contracts or the ETF's shares, never "units of SPX" (issue 10.4).
 */
import type { Analysis } from '../../core/analyze.ts';
import type { Drivers, ProjectionPoint } from '../../core/drivers.ts';
import type { Evaluation } from '../../core/evaluate.ts';
import { wallClockAt } from '../../core/ny-time.ts';
import { tradePhrase } from '../../core/phrases.ts';
import { toPage } from '../../core/symbol-map.ts';
import type { OverlayView } from '../../messaging/types.ts';
import { formatDistance, formatPrice } from '../../ui/format.ts';
import type { TabContext } from '../analysis/tab-levels.ts';

type Ladder = OverlayView['ladder'];
type Flows = OverlayView['flows'];

/** What each rung means, for the hover/focus definition. Neutral about direction (lesson 01). */
const HINTS = {
  call: 'Call wall: the strike with the largest call gamma exposure.',
  abs: 'Absolute gamma strike: the strike with the most gamma, calls and puts together.',
  price: 'The page’s price now.',
  flip: 'Gamma flip: where net dealer gamma changes sign. Hedging damps moves on the positive side and extends them on the negative side.',
  put: 'Put wall: the strike with the largest put gamma exposure.',
};

/** Levels and the price, highest first; a level that does not exist goes last, said as such. */
export function ladderOf(c: TabContext, a: Analysis): Ladder {
  const price = c.reading.price;
  const page = (x: number | null) => (x === null ? null : toPage(c.conversion, x));
  const rungs: { label: string; level: number | null; none: string; here: boolean; hint: string }[] = [
    { label: 'Call wall', level: page(a.callWall), none: '—', here: false, hint: HINTS.call },
    { label: 'Abs. gamma', level: page(a.absGammaStrike), none: '—', here: false, hint: HINTS.abs },
    { label: '▶ Price', level: price, none: '—', here: true, hint: HINTS.price },
    { label: 'Gamma flip', level: page(a.flip), none: 'none within ±20 %', here: false, hint: HINTS.flip },
    { label: 'Put wall', level: page(a.putWall), none: '—', here: false, hint: HINTS.put },
  ];
  const known = rungs.filter((r) => r.level !== null).sort((x, y) => y.level! - x.level!);
  return [...known, ...rungs.filter((r) => r.level === null)].map((r) => ({
    label: r.label,
    value: r.level === null ? r.none : formatPrice(r.level),
    distance: r.here ? '' : formatDistance(r.level, price),
    here: r.here,
    hint: r.hint,
  }));
}

/** The trade phrase, its parenthesis kept on one line ("buy $3.92 bn (≈ 17,405 ES)"). */
const trade = (shares: number, spot: number, underlying: string) =>
  tradePhrase(shares, spot, underlying).replace(/\([^)]*\)/, (p) => p.replaceAll(' ', '\u00a0'));

/** "15:55" New York, with the weekday when it is not the day of `nowMs` ("Mon 15:55"). */
export function newYorkClock(ms: number, nowMs: number): string {
  const w = wallClockAt(ms);
  const n = wallClockAt(nowMs);
  const hm = `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
  if (w.year === n.year && w.month === n.month && w.day === n.day) return hm;
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][day]} ${hm}`;
}

/**
 * When a ±1 % move crosses the flip the two figures look contradictory (issue 10: at 0.4 % above the
 * flip a 1 % drop makes dealers buy first, then sell): say so in one sentence.
 */
function crossing(c: TabContext, a: Analysis, e: Evaluation): string | null {
  if (a.flip === null || !(c.S > 0)) return null;
  const d = (a.flip - c.S) / c.S;
  if (Math.abs(d) >= 0.01 || e.netGex === 0) return null;
  const damp = e.netGex > 0; // positive net gamma: hedging leans against the move
  const flip = formatPrice(toPage(c.conversion, a.flip));
  return d < 0
    ? `A 1 % drop crosses the flip at ${flip}: dealers ${damp ? 'buy' : 'sell'} at first, then ${damp ? 'sell' : 'buy'} below it.`
    : `A 1 % rise crosses the flip at ${flip}: dealers ${damp ? 'sell' : 'buy'} at first, then ${damp ? 'buy' : 'sell'} above it.`;
}

const structure = (c: TabContext, p: ProjectionPoint) =>
  `${p.regime}, flip ${p.flip === null ? 'none within ±20 %' : formatPrice(toPage(c.conversion, p.flip))}`;

/**
 * What dealers trade for a price move of ±1 %, for time to the close (price holding) and for IV ±1
 * point; and the structure later: at the close, and after today's expirations when that changes the
 * regime. Time and IV need the live preset's clock.
 */
export function flowsOf(
  c: TabContext,
  a: Analysis,
  e: Evaluation,
  d: Drivers | null,
): { flows: Flows; later: Flows; crossing: string | null } {
  const u = c.summary.underlying;
  const flows: Flows = [
    { label: 'Price +1 %', value: trade(e.hedgeFlow.up1pct.shares, c.S, u) },
    { label: 'Price −1 %', value: trade(e.hedgeFlow.down1pct.shares, c.S, u) },
  ];
  const later: Flows = [];
  if (d) {
    const until = newYorkClock(d.charmFlow.until, d.at);
    flows.push(
      { label: `Time to ${until}`, value: trade(d.charmFlow.shares, d.spot, u) },
      { label: 'IV +1 pt', value: trade(d.vannaFlow.up1vol.shares, d.spot, u) },
      { label: 'IV −1 pt', value: trade(d.vannaFlow.down1vol.shares, d.spot, u) },
    );
    const close = d.projection.at(-1);
    if (close) later.push({ label: `At ${until}`, value: structure(c, close) });
    const after = d.afterExpirations;
    if (after && after.regime !== (close?.regime ?? e.regime))
      later.push({ label: 'After today’s expiries', value: structure(c, after) });
  } else {
    later.push({ label: 'Time and IV', value: 'live preset only (classic has no clock)' });
  }
  return { flows, later, crossing: crossing(c, a, e) };
}
