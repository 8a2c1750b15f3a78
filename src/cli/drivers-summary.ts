/**
 * The summary's three "what moves the hedge" lines (methodology "What moves the hedge", issue 8.2):
 * time (charm), volatility (vanna) and the projection of the flip and regime to the horizon. Every
 * trade is said by tradePhrase (issue 10.4: one phrase per figure everywhere).
 */
import type { Drivers, ProjectionPoint } from '../core/drivers';
import { newYorkDate, wallClockAt } from '../core/ny-time';
import { tradePhrase } from '../core/phrases';
import { formatPrice } from './numbers';

/** 'dealers buy $3.92 bn (≈ 17,405 ES)'; 'dealers trade nothing' below a dollar. */
export function dealers(shares: number, spot: number, underlying: string): string {
  const p = tradePhrase(shares, spot, underlying);
  return p === 'no trade' ? 'dealers trade nothing' : `dealers ${p}`;
}

/**
 * '15:55', or '15:55 on Fri Sep 15' when the instant is not on `today` (New York dates); with
 * `zone`, 'New York' goes after the time: '15:55 New York on Fri Sep 15'.
 */
function clock(ms: number, today: string, zone = ''): string {
  const w = wallClockAt(ms);
  const hm = `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}${zone}`;
  if (newYorkDate(ms) === today) return hm;
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day)).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  });
  return `${hm} on ${day.replace(',', '')}`;
}

const flipText = (flip: number | null) => (flip === null ? 'no flip' : formatPrice(flip));

/** How the regime runs through the projection: 'regime transition all session' or its changes. */
function regimeRun(now: string, points: readonly ProjectionPoint[], today: string): string {
  if (points.every((p) => p.regime === now)) return `regime ${now} all session`;
  const changes: string[] = [`${now} now`];
  let last = now;
  for (const p of points) {
    if (p.regime !== last) changes.push(`${p.regime} from ${clock(p.at, today)}`);
    last = p.regime;
  }
  return `regime ${changes.join(', ')}`;
}

export interface DriversLineInput {
  drivers: Drivers;
  underlying: string;
  /** The flip and regime of the analysis at the evaluation instant. */
  flipNow: number | null;
  regimeNow: string;
}

/** Three lines: charm, vanna, and the flip/regime projection (with what is left after expirations). */
export function driversLines({ drivers: d, underlying, flipNow, regimeNow }: DriversLineInput): string[] {
  const today = newYorkDate(d.at);
  const S = d.spot;
  const horizon = d.projection.at(-1)!;
  const after = d.afterExpirations;
  const afterText =
    after && after.regime !== horizon.regime ? `; after the day's expirations: ${after.regime}` : '';
  return [
    `If the price holds until ${clock(d.charmFlow.until, today, ' New York')}, ${dealers(d.charmFlow.shares, S, underlying)} (time decay, charm)`,
    `IV +1 point: ${dealers(d.vannaFlow.up1vol.shares, S, underlying)} · IV −1 point: ${dealers(d.vannaFlow.down1vol.shares, S, underlying)} (vanna)`,
    `${flipNow === null && horizon.flip === null ? 'No flip now or' : `Flip now ${flipText(flipNow)} → ${flipText(horizon.flip)}`} at ${clock(horizon.at, today)}; ${regimeRun(regimeNow, d.projection, today)}${afterText}`,
  ];
}
