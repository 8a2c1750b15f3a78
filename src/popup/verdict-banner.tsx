/**
 * The verdict banner: icon, word and colour together (never colour alone), the mechanism in words,
 * and the distance to the flip in points of the page's units and in %. `elementtiming` lets the
 * popup-speed bench read when the verdict word was painted (Element Timing API, Chromium).
 */
import type { TabGlance } from '../messaging/types.ts';
import { formatPrice } from '../ui/format.ts';
import { signedPct, signedPoints } from '../ui/numbers.ts';
import { VerdictIcon } from '../ui/verdict-icon.tsx';
import { EFFECT, MECHANISM, VERDICT_TITLE } from '../ui/verdict-words.ts';

interface Props {
  glance: TabGlance;
  /** The page's price is not trusted: the verdict is held (the background does not move it). */
  held: boolean;
  /** Net GEX at the price in the user's units. */
  exposure: string;
}

const unsigned = (s: string) => s.replace(/^[+\u2212]/, '');

/** "Flip 4,494.30: 10.80 pts (0.24 %) below". */
export function flipDistance(flip: number | null, price: number): string {
  if (flip === null) return 'No flip within ±20 %: one regime across the range';
  const d = flip - price;
  if (unsigned(signedPoints(d, price)) === '0 pts') return `Flip ${formatPrice(flip)}: at the price`;
  const where = d > 0 ? 'above' : 'below';
  return `Flip ${formatPrice(flip)}: ${unsigned(signedPoints(d, price))} (${unsigned(signedPct(d / price))}) ${where}`;
}

export function VerdictBanner({ glance: g, held, exposure }: Props) {
  const v = g.verdict;
  const raw = g.regime !== v && !held;
  return (
    <section class={`banner ${v}${held ? ' held' : ''}`} data-testid="verdict" data-verdict={v}>
      <div class="banner-top">
        <VerdictIcon verdict={v} size={22} />
        {/* Announced when it changes (the flip distance moves every tick and is not). */}
        <strong class="word" data-testid="levels-regime" aria-live="polite" {...{ elementtiming: 'verdict' }}>
          {VERDICT_TITLE[v]}
        </strong>
        <span class="net muted num" title="Net dealer gamma exposure at this price">
          net {exposure}
        </span>
      </div>
      <p class="mechanism" data-testid="mechanism" title={EFFECT[v]}>
        {MECHANISM[v]}
      </p>
      <p class="flip-line num">
        {held && <span class="held-note">Price not trusted: verdict held · </span>}
        <span data-testid="flip-distance">{flipDistance(g.flip, g.pagePrice)}</span>
        {raw && (
          <span
            class="raw"
            data-testid="levels-raw-regime"
            title="At this exact price the raw regime differs: the verdict changes only once the price is clearly past the transition band, so it does not flicker."
          >
            {' '}
            · raw {g.regime}
          </span>
        )}
      </p>
    </section>
  );
}
