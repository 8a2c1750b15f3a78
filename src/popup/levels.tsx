/**
 * The popup's levels section: the regime at the page's price in one word and one plain line, the
 * levels in the page's units with their distance, and the chain's age. Hedging explains the type
 * of pressure, not the direction (lesson 01), and the structure decays through the session, so an
 * old chain is flagged.
 */
import { useEffect, useState } from 'preact/hooks';
import { isStaleChain } from '../core/chain-age.ts';
import { explainRegime } from '../core/regime.ts';
import { normalizeSymbol, suggestRatio } from '../core/symbol-map.ts';
import { send } from '../messaging/send.ts';
import type { TabAnalysis, TabLevels } from '../messaging/types.ts';
import '../ui/levels-popup.css';
import {
  formatAge,
  formatCount,
  formatDistance,
  formatMoney,
  formatNewYork,
  formatPrice,
} from '../ui/format.ts';

const REFRESH_MS = 5_000;

export function Levels({ tabId }: { tabId: number }) {
  const [analysis, setAnalysis] = useState<TabAnalysis | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    send('tab/analysis', { tabId }).then(
      (a) => live && setAnalysis(a),
      (e: unknown) =>
        live && setAnalysis({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    const t = setTimeout(() => setTick((n) => n + 1), REFRESH_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [tabId, tick]);
  return (
    <LevelsView
      analysis={analysis}
      now={Date.now()}
      onConfirmRatio={(u, s, r) => confirmRatio(u, s, r).then(() => setTick((n) => n + 1))}
    />
  );
}

async function confirmRatio(underlying: string, symbol: string, ratio: number): Promise<void> {
  const { chains } = await send('chains/list', null);
  const current = chains.find((c) => c.underlying === underlying);
  const aliasConversions = {
    ...current?.aliasConversions,
    [normalizeSymbol(symbol)]: { kind: 'auto' as const, ratio, confirmedAt: Date.now() },
  };
  await send('chains/mapping', { underlying, aliasConversions });
}

interface ViewProps {
  analysis: TabAnalysis | null;
  now: number;
  onConfirmRatio(underlying: string, symbol: string, ratio: number): Promise<void>;
}

export function LevelsView({ analysis: a, now, onConfirmRatio }: ViewProps) {
  if (!a) return <section class="levels-popup muted">Computing levels…</section>;
  if (a.status === 'no-reading') return null;
  if (a.status === 'error')
    return (
      <section class="levels-popup error" data-testid="levels">
        Levels unavailable: {a.message}
      </section>
    );
  if (a.status === 'no-chain') {
    return (
      <section class="levels-popup muted" data-testid="levels">
        No chain answers to {a.symbol ?? 'this page'}. Import one (or add the symbol to a chain) in Chains
        &amp; settings.
      </section>
    );
  }
  if (a.status === 'needs-ratio') return <RatioPrompt a={a} onConfirm={onConfirmRatio} />;
  return <LevelsOk a={a} now={now} />;
}

function exposureText(a: TabLevels): string {
  if (a.units === 'per-point')
    return `${formatMoney(a.netGex / (0.01 * a.pagePrice))} per 1-point move of ${a.symbol}`;
  if (a.units === 'shares')
    return `${formatCount(a.netGex / a.underlyingPrice)} units of ${a.underlying} per 1 % move`;
  return `${formatMoney(a.netGex)} per 1 % move`;
}

const flowText = (shares: number) =>
  `${shares < 0 ? 'sell' : 'buy'} ${formatCount(Math.abs(shares)).replace('+', '')}`;

function LevelsOk({ a, now }: { a: TabLevels; now: number }) {
  const age = now - Date.parse(a.asOf);
  const converted = !(a.conversion.kind === 'ratio' && a.conversion.ratio === 1);
  const rows: [string, number | null][] = [
    ['Gamma flip', a.flip],
    ['Call wall', a.callWall],
    ['Put wall', a.putWall],
  ];
  // The verdict (with hysteresis) is the word the badge and the on-page overlay show.
  const verdict = a.verdict ?? a.regime;
  return (
    <section class="levels-popup" data-testid="levels">
      <p>
        <strong class={`regime ${verdict}`} data-testid="levels-regime">
          {verdict[0]!.toUpperCase() + verdict.slice(1)}
        </strong>{' '}
        <span class="muted">at {formatPrice(a.pagePrice)}:</span> {explainRegime(verdict)}
      </p>
      {verdict !== a.regime && (
        <p class="muted small" data-testid="levels-raw-regime">
          At this exact price the raw regime is {a.regime}; the verdict changes once the price is clearly past
          the transition band.
        </p>
      )}
      <table class="levels-table">
        <tbody>
          {rows.map(([name, v]) => (
            <tr key={name}>
              <th>{name}</th>
              <td class="num">
                {v === null ? (name === 'Gamma flip' ? 'none within ±20 %' : '—') : formatPrice(v)}
              </td>
              <td class="num muted">{formatDistance(v, a.pagePrice)}</td>
            </tr>
          ))}
          <tr>
            <th>Net GEX</th>
            <td class="num" colSpan={2}>
              {exposureText(a)}
            </td>
          </tr>
          <tr>
            <th>Dealer hedge</th>
            <td class="num" colSpan={2}>
              +1 %: {flowText(a.hedgeFlow.up1pct.shares)} · −1 %: {flowText(a.hedgeFlow.down1pct.shares)}{' '}
              {a.underlying}
            </td>
          </tr>
        </tbody>
      </table>
      <p class="muted small">
        Levels in {a.symbol} prices
        {converted ? ` (converted from ${a.underlying} at ${formatPrice(a.underlyingPrice)})` : ''}.{' '}
        {a.preset} preset · scope {a.scope} · signs {a.signs} · ×{a.multiplier}.
      </p>
      {a.atSnapshot && (
        <p class="small warn" data-testid="levels-at-snapshot">
          Every contract in this chain has expired: these are the levels as of its snapshot, not now.
        </p>
      )}
      <p class={`small ${isStaleChain(age) ? 'warn' : 'muted'}`} data-testid="levels-age">
        {a.underlying} chain from {formatNewYork(a.asOf)}, {formatAge(age)} old
        {isStaleChain(age) ? ': stale — positions have changed since; import today’s chain.' : '.'}
      </p>
    </section>
  );
}

function RatioPrompt({
  a,
  onConfirm,
}: {
  a: Extract<TabAnalysis, { status: 'needs-ratio' }>;
  onConfirm: ViewProps['onConfirmRatio'];
}) {
  const [price, setPrice] = useState(a.chainSpot === null ? '' : String(a.chainSpot));
  const ratio = suggestRatio(Number(price), a.pagePrice);
  return (
    <section class="levels-popup" data-testid="levels">
      <p>
        {a.symbol} is priced differently from the {a.underlying} chain. Enter {a.underlying}’s price at the
        same moment as {a.symbol} {formatPrice(a.pagePrice)}:
      </p>
      <p>
        <input
          aria-label={`${a.underlying} price now`}
          size={10}
          value={price}
          onInput={(e) => setPrice(e.currentTarget.value)}
        />{' '}
        <button
          type="button"
          disabled={!ratio}
          onClick={() => ratio && void onConfirm(a.underlying, a.symbol, ratio)}
        >
          Use ratio {ratio ? ratio.toPrecision(6) : '—'}
        </button>
      </p>
      <p class="muted small">
        Prefilled with the chain’s own spot from {formatNewYork(a.asOf)}; use a current quote if the basis has
        moved.
      </p>
    </section>
  );
}
