/**
 * "Priced differently": a page symbol that maps to a chain through a live ratio (a future, an ETF)
 * the user confirms once, from the chain's price at the same moment.
 */
import { useState } from 'preact/hooks';
import { normalizeSymbol, suggestRatio } from '../core/symbol-map.ts';
import { send } from '../messaging/send.ts';
import type { TabAnalysis } from '../messaging/types.ts';
import { formatNewYork, formatPrice } from '../ui/format.ts';

type NeedsRatio = Extract<TabAnalysis, { status: 'needs-ratio' }>;

/** Saves the confirmed ratio: only this symbol's, merged into the chain's in the background's write queue. */
export async function confirmRatio(underlying: string, symbol: string, ratio: number): Promise<void> {
  const conversion = { kind: 'auto' as const, ratio, confirmedAt: Date.now() };
  await send('chains/mapping', {
    underlying,
    addAliasConversions: { [normalizeSymbol(symbol)]: conversion },
  });
}

export function RatioPrompt({ a, onConfirm }: { a: NeedsRatio; onConfirm(ratio: number): Promise<void> }) {
  const [price, setPrice] = useState(a.chainSpot === null ? '' : String(a.chainSpot));
  const [error, setError] = useState<string | null>(null);
  const ratio = suggestRatio(Number(price.replace(',', '.')), a.pagePrice);
  return (
    <section class="empty" data-testid="levels">
      <p>
        <strong>{a.symbol}</strong> is priced differently from the {a.underlying} chain. Enter {a.underlying}
        ’s price at the same moment as {a.symbol} {formatPrice(a.pagePrice)}:
      </p>
      <p class="row">
        <input
          aria-label={`${a.underlying} price now`}
          size={10}
          inputMode="decimal"
          value={price}
          onInput={(e) => setPrice(e.currentTarget.value)}
        />
        <button
          type="button"
          class="primary"
          disabled={!ratio}
          onClick={() =>
            ratio &&
            onConfirm(ratio).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
          }
        >
          Use ratio {ratio ? ratio.toPrecision(6) : '—'}
        </button>
      </p>
      <p class="muted small">
        Prefilled with the chain’s own spot from {formatNewYork(a.asOf)}; use a current quote if the basis has
        moved. You confirm it once; it is kept with the chain.
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
