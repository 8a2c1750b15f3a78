/**
 * The overlay's view-model: everything the on-page pill and card show, converted to the page's units
 * and formatted here, so the content script stays small and only sets textContent. Hedging explains
 * the type of pressure, not the direction (lesson 01); every figure carries its unit and every trade
 * is one phrase (src/core/phrases.ts).
 *
 * Honest when not live (issue 11.4): the view is `stale` — drawn grey, with the reason in the pill —
 * when the chain is older than a session (src/core/chain-age.ts), every contract has expired (levels
 * as of the snapshot), the reader does not trust the price, or no new price arrived for QUIET_MS
 * (the page stopped updating: the verdict is about a price that is no longer the market's).
 */
import type { Analysis } from '../../core/analyze.ts';
import { isStaleChain } from '../../core/chain-age.ts';
import type { Evaluation } from '../../core/evaluate.ts';
import { moneyPhrase, tradePhrase } from '../../core/phrases.ts';
import type { Regime } from '../../core/regime.ts';
import { toPage } from '../../core/symbol-map.ts';
import type { OverlayView } from '../../messaging/types.ts';
import { formatAge, formatDistance, formatNewYork, formatPrice, SUSPECT_REASONS } from '../../ui/format.ts';
import { type TabContext, tabDrivers } from '../analysis/tab-levels.ts';
import { flowsOf, ladderOf } from './view-flows.ts';

/** No new price for this long: the reading stopped (reports are sent only when the price changes). */
export const QUIET_MS = 3 * 60_000;

const LINES: Record<Regime, string> = {
  stabilizing:
    'Dealer hedging sells strength and buys weakness here: it tends to damp moves, not pick a direction.',
  accelerating:
    'Dealer hedging buys strength and sells weakness here: it tends to extend moves, not pick a direction.',
  transition:
    'Dealer gamma is near balance or a flip is close: damping and extending can switch. No direction.',
};

/** The badge's glyphs (src/background/badge.ts): dealers net long gamma, net short, near balance. */
const GLYPHS: Record<Regime, string> = { stabilizing: '+γ', accelerating: '−γ', transition: '≈' };

const SCOPES: Record<string, string> = {
  all: 'all expirations',
  '0dte': 'same-day expirations',
  '7d': 'expirations within 7 days',
  'ex-nearest': 'all but the nearest expiration',
};
const SIGNS: Record<string, string> = {
  'long-calls-short-puts': 'dealers long calls, short puts',
  'short-all': 'dealers short every option',
  'long-all': 'dealers long every option',
};
const POSITIONS: Record<string, string> = {
  oi: 'open interest',
  'oi+volume': 'open interest + volume',
  volume: 'volume only',
};

/** Why the price is not trusted, short enough for the pill (the card's flag has the long words). */
const SUSPECT_SHORT: Record<string, string> = {
  jump: 'price jumped, unconfirmed',
  'not-positive': 'not a valid price',
  'not-finite': 'not a valid price',
  'prior-close': 'previous close, not live',
  halted: 'trading halted',
};

const title = (r: Regime) => r[0]!.toUpperCase() + r.slice(1);

/** Net GEX in the user's units, with what the levels are quoted in. */
function exposure(c: TabContext, netGex: number): string {
  const { units } = c.settings;
  const net =
    units === 'per-point'
      ? `${moneyPhrase(netGex / (0.01 * c.reading.price), { signed: true })} per 1-point move of ${c.reading.symbol}`
      : `${moneyPhrase(netGex, { signed: true })} per 1 % move`;
  const converted = !(c.conversion.kind === 'ratio' && c.conversion.ratio === 1);
  const from = converted ? ` (from ${c.summary.underlying} ${formatPrice(c.S)})` : '';
  return `Net GEX ${net} · levels in ${c.reading.symbol} prices${from}`;
}

function staleness(c: TabContext, nowMs: number): { why: string | null; chainOld: boolean; age: number } {
  const age = nowMs - Date.parse(c.summary.asOf);
  const chainOld = isStaleChain(age) || c.atSnapshot;
  const quiet = nowMs - c.reading.at;
  const why = c.reading.suspect
    ? (SUSPECT_SHORT[c.reading.reason ?? ''] ?? 'price not trusted')
    : quiet > QUIET_MS
      ? `no new price for ${formatAge(quiet)}`
      : chainOld
        ? `chain ${formatAge(age)} old`
        : null;
  return { why, chainOld, age };
}

export function overlayView(
  c: TabContext,
  analysis: Analysis,
  evaluation: Evaluation,
  verdict: Regime,
  nowMs: number,
): OverlayView {
  const pagePrice = c.reading.price;
  const flip = analysis.flip === null ? null : toPage(c.conversion, analysis.flip);
  const { why, chainOld, age } = staleness(c, nowMs);
  const { flows, later, crossing } = flowsOf(c, analysis, evaluation, tabDrivers(c, nowMs));
  const flipText = flip === null ? 'no flip near' : `flip ${formatDistance(flip, pagePrice)}`;
  const move = `+1 %: ${tradePhrase(evaluation.hedgeFlow.up1pct.shares, c.S, c.summary.underlying)}`;
  const price = `${c.reading.symbol} ${formatPrice(pagePrice)}`;

  const notes: OverlayView['notes'] = [];
  if (c.atSnapshot)
    notes.push({
      text: 'Every contract has expired: levels as of the chain’s snapshot, not now.',
      warn: true,
    });
  if (crossing) notes.push({ text: crossing, warn: false });
  notes.push({ text: exposure(c, evaluation.netGex), warn: false });
  const flags: string[] = [];
  if (c.reading.method === 'generic' || c.reading.confidence < 0.5) flags.push('guess');
  if (c.reading.suspect)
    flags.push(`suspect: ${SUSPECT_REASONS[c.reading.reason ?? ''] ?? 'check the page'}`);

  const positions =
    c.prepared.positions !== c.settings.positions
      ? `${POSITIONS[c.prepared.positions]} (this chain has no volume)`
      : POSITIONS[c.prepared.positions];
  return {
    verdict,
    stale: why !== null,
    staleWhy: why,
    palette: c.settings.palette,
    glyph: GLYPHS[verdict],
    word: title(verdict),
    flip: flipText,
    move,
    label: `GEXfocus: ${title(verdict)} at ${price}; ${flipText}; ${move}${why ? `. Not live: ${why}` : ''}`,
    price,
    line: LINES[verdict],
    ladder: ladderOf(c, analysis),
    flows,
    later,
    age: `${c.summary.underlying} chain from ${formatNewYork(c.summary.asOf)}, ${formatAge(age)} old${
      chainOld ? ': stale, import a fresh one' : ''
    }`,
    model: `${c.model.preset} · ${SCOPES[c.model.scope] ?? c.model.scope} · ${SIGNS[c.model.signs] ?? c.model.signs} · ${positions}`,
    notes,
    flags,
  };
}
