/**
 * The levels ladder, in price order, the price marked ▶. Each row is focusable and shows the
 * definition of its levels on hover and focus (a tooltip tied by aria-describedby).
 */
import { formatPrice } from '../ui/format.ts';
import { signedPct, signedPoints } from '../ui/numbers.ts';
import { type LadderRow, LEVEL_DEFINITIONS, ladderName } from './model/ladder.ts';

interface Props {
  rows: LadderRow[];
  symbol: string;
  /** "converted from SPX at 4,505.10" when the page is not priced like the chain's underlying. */
  conversion: string | null;
}

export function Ladder({ rows, symbol, conversion }: Props) {
  return (
    <section class="ladder" data-testid="levels" aria-label={`Levels in ${symbol} prices, highest first`}>
      {/* Escape dismisses a definition without moving the pointer (WCAG 1.4.13). */}
      <ol
        class="ladder-rows"
        data-testid="ladder"
        onKeyDown={(e) => e.key === 'Escape' && (e.target as HTMLElement).blur()}
      >
        {rows.map((r) => {
          const id = `def-${r.keys.join('-')}`;
          return (
            <li
              key={r.keys.join('|')}
              class={`ladder-row${r.isPrice ? ' is-price' : ''}${r.keys.includes('flip') ? ' is-flip' : ''}`}
              data-level={r.keys.join(' ')}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users get the definition shown on hover (WCAG 1.4.13).
              tabIndex={0}
              aria-describedby={id}
            >
              <span class="ladder-name">{r.isPrice ? `▶ ${symbol}` : ladderName(r.keys)}</span>
              <span class="ladder-value num">{formatPrice(r.value)}</span>
              <span class="ladder-pct num muted">{r.isPrice ? '' : signedPct(r.pct)}</span>
              <span class="ladder-pts num muted">{r.isPrice ? '' : signedPoints(r.points, r.value)}</span>
              <span class="tip" role="tooltip" id={id}>
                {r.keys.map((k) => LEVEL_DEFINITIONS[k]).join(' ')}
              </span>
            </li>
          );
        })}
      </ol>
      {conversion && <p class="ladder-note muted">{conversion}</p>}
    </section>
  );
}
