/**
 * The words of an alert: what happened, with the numbers (symbol, price, level, the verdict now) in
 * the page's units, and what dealers trade for ±1 % in the one phrase used everywhere
 * (core/phrases.ts tradePhrase). Like every view, it names the type of pressure, never a direction
 * (lesson 01).
 */
import type { AlertEvent, LevelName } from '../../core/alerts.ts';
import { tradePhrase } from '../../core/phrases.ts';
import type { Regime } from '../../core/regime.ts';
import { formatPrice } from '../../ui/format.ts';

const LEVEL_WORDS: Record<LevelName, string> = {
  flip: 'the gamma flip',
  callWall: 'the call wall',
  putWall: 'the put wall',
};

const MEANING: Record<Regime, string> = {
  stabilizing: 'dealer hedging now damps moves (stabilizing)',
  accelerating: 'dealer hedging now extends moves (accelerating)',
  transition: 'dealer gamma is near balance (transition)',
};

export interface AlertFacts {
  /** The page's symbol and price, and a converter from underlying units to page units. */
  symbol: string;
  pagePrice: number;
  toPage: (underlyingPrice: number) => number;
  verdict: Regime;
  /** The chain's underlying, its price, and the hedge for ±1 % (units of the underlying). */
  underlying: string;
  S: number;
  hedgeFlow: { up1pct: { shares: number }; down1pct: { shares: number } };
}

/** Title and message of the notification for these events (the first crossing leads). */
export function alertText(events: readonly AlertEvent[], f: AlertFacts): { title: string; message: string } {
  const cross = events.find((e) => e.kind === 'cross');
  const turn = events.find((e) => e.kind === 'regime');
  const price = formatPrice(f.pagePrice);
  let title: string;
  let what: string;
  if (cross?.kind === 'cross') {
    const dir = cross.direction === 'up' ? 'above' : 'below';
    title = `${f.symbol} crossed ${dir} ${LEVEL_WORDS[cross.level]}`;
    what = `${f.symbol} ${price} is ${dir} ${LEVEL_WORDS[cross.level]} at ${formatPrice(f.toPage(cross.value))}`;
  } else {
    title = `${f.symbol} is now ${f.verdict}`;
    what = `${f.symbol} at ${price}${turn?.kind === 'regime' ? `, was ${turn.from}` : ''}`;
  }
  const flow = `Dealer hedge if +1 %: ${tradePhrase(f.hedgeFlow.up1pct.shares, f.S, f.underlying)}; if −1 %: ${tradePhrase(f.hedgeFlow.down1pct.shares, f.S, f.underlying)}.`;
  return { title: `GEXfocus: ${title}`, message: `${what}: ${MEANING[f.verdict]}. ${flow}` };
}
