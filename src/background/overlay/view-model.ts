/**
 * The overlay's view-model: everything the on-page panel shows, converted to the page's units and
 * formatted here, so the content script stays small and only sets textContent. The wording follows
 * the popup (src/popup/levels.tsx, reading-line.tsx): hedging explains the type of pressure, not the
 * direction (lesson 01), every figure carries its unit, and an old chain is flagged.
 */
import type { Analysis } from '../../core/analyze.ts';
import { isStaleChain } from '../../core/chain-age.ts';
import type { Evaluation } from '../../core/evaluate.ts';
import type { Regime } from '../../core/regime.ts';
import { toPage } from '../../core/symbol-map.ts';
import type { OverlayView } from '../../messaging/types.ts';
import {
  formatAge,
  formatCount,
  formatDistance,
  formatMoney,
  formatNewYork,
  formatPrice,
  SUSPECT_REASONS,
} from '../../ui/format.ts';
import type { TabContext } from '../analysis/tab-levels.ts';

const LINES: Record<Regime, string> = {
  stabilizing:
    'Dealer hedging sells strength and buys weakness here: it tends to damp moves, not pick a direction.',
  accelerating:
    'Dealer hedging buys strength and sells weakness here: it tends to extend moves, not pick a direction.',
  transition:
    'Dealer gamma is near balance or a flip is close: damping and extending can switch. No direction.',
};

const title = (r: Regime) => r[0]!.toUpperCase() + r.slice(1);

/** Net GEX in the user's units (same formulas as the popup's levels). */
function exposure(c: TabContext, netGex: number): string {
  const { units } = c.settings;
  if (units === 'per-point')
    return `Net GEX ${formatMoney(netGex / (0.01 * c.reading.price))} per 1-point move of ${c.reading.symbol}`;
  if (units === 'shares')
    return `Net GEX ${formatCount(netGex / c.S)} ${c.summary.underlying} units per 1 % move`;
  return `Net GEX ${formatMoney(netGex)} per 1 % move`;
}

/** Dealer hedge trades for ±1 %: dollars of notional, or units of the underlying. */
function flow(c: TabContext, e: Evaluation): string {
  const shares = c.settings.units === 'shares';
  const one = (f: { shares: number; notional: number }) => {
    const v = shares ? f.shares : f.notional;
    const amount = shares ? formatCount(Math.abs(v)) : formatMoney(Math.abs(v));
    return `${v < 0 ? 'sell' : 'buy'} ${amount.replace('+', '')}`;
  };
  const unit = shares ? `${c.summary.underlying} units` : `${c.summary.underlying} notional`;
  return `Dealer hedge if +1 %: ${one(e.hedgeFlow.up1pct)} · if −1 %: ${one(e.hedgeFlow.down1pct)} (${unit})`;
}

export function overlayView(
  c: TabContext,
  analysis: Analysis,
  evaluation: Evaluation,
  verdict: Regime,
  nowMs: number,
): OverlayView {
  const pagePrice = c.reading.price;
  const page = (x: number | null) => (x === null ? null : toPage(c.conversion, x));
  const row = (label: string, level: number | null, none: string) => {
    const v = page(level);
    return { label, value: v === null ? none : formatPrice(v), distance: formatDistance(v, pagePrice) };
  };
  const converted = !(c.conversion.kind === 'ratio' && c.conversion.ratio === 1);
  const age = nowMs - Date.parse(c.summary.asOf);
  const stale = isStaleChain(age);
  const notes: OverlayView['notes'] = [];
  if (c.atSnapshot)
    notes.push({
      text: 'Every contract has expired: levels as of the chain’s snapshot, not now.',
      warn: true,
    });
  notes.push({
    text: `${c.summary.underlying} chain from ${formatNewYork(c.summary.asOf)}, ${formatAge(age)} old${stale ? ': stale, import a fresh one' : ''}`,
    warn: stale,
  });
  const flags: string[] = [];
  if (c.reading.method === 'generic' || c.reading.confidence < 0.5) flags.push('guess');
  if (c.reading.suspect)
    flags.push(`suspect: ${SUSPECT_REASONS[c.reading.reason ?? ''] ?? 'check the page'}`);
  return {
    verdict,
    title: title(verdict),
    price: `at ${formatPrice(pagePrice)}`,
    line: LINES[verdict],
    rows: [
      row('Gamma flip', analysis.flip, 'none within ±20 %'),
      row('Call wall', analysis.callWall, '—'),
      row('Put wall', analysis.putWall, '—'),
    ],
    flow: flow(c, evaluation),
    units: `${exposure(c, evaluation.netGex)} · levels in ${c.reading.symbol} prices${
      converted ? ` (from ${c.summary.underlying} ${formatPrice(c.S)})` : ''
    }`,
    notes,
    flags,
  };
}
