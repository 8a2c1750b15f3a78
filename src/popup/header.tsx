/**
 * Top line: the page's symbol and price, where the price comes from and how old it is, and an amber
 * chip for each thing that is wrong (suspect price, a guess, a page gone quiet, an old chain). Keeps
 * the test ids the E2E suites read (`reading`, `reading-symbol`, `reading-price`).
 */
import type { TabReading } from '../messaging/types.ts';
import { formatAge } from '../ui/format.ts';
import type { Chip } from './model/status.ts';

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s ago` : `${formatAge(ms)} ago`;
}

/** The price as the page wrote it: at least 2 decimals, as many as the page shows (up to 6). */
function priceText(r: TabReading): string {
  if (r.price === null) return '—';
  const decimals = Math.min(6, Math.max(2, (r.text.split(/[.,]/).pop() ?? '').replace(/\D.*$/, '').length));
  return r.price.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: decimals });
}

/** The host the browser saw the report come from (sender.url), never one from the page's payload. */
function hostOf(r: TabReading): string {
  return r.host || 'this page';
}

interface Props {
  reading: TabReading | null | undefined;
  chips: Chip[];
  /** "SPX chain 10 min old" (fresh chains only; an old one is a chip). */
  chainAge: { asOf: string; now: number; stale: boolean } | null;
  now: number;
  loading: boolean;
}

export function Header({ reading, chips, chainAge, now, loading }: Props) {
  const how = reading
    ? reading.method === 'adapter'
      ? reading.site
      : reading.method === 'picker'
        ? 'picked'
        : 'detected'
    : '';
  return (
    <section class="head" data-testid="reading" aria-label="Price on this tab">
      {reading ? (
        <>
          <p class="head-main" data-testid="reading-line">
            <strong class="sym" data-testid="reading-symbol">
              {reading.symbol ?? 'Unknown symbol'}
            </strong>
            <span class="px num" data-testid="reading-price">
              {priceText(reading)}
            </span>
            {chips.map((c) => (
              <span
                key={c.id}
                class="chip"
                title={c.detail}
                data-testid={
                  c.id === 'suspect'
                    ? 'reading-suspect'
                    : c.id === 'at-snapshot'
                      ? 'levels-at-snapshot'
                      : c.id === 'stale-chain'
                        ? 'levels-age'
                        : `chip-${c.id}`
                }
              >
                <span aria-hidden="true">! </span>
                {c.text}
              </span>
            ))}
          </p>
          <p class="head-sub muted">
            Connected to {hostOf(reading)} · {how} · {ago(now - reading.at)}
            {chainAge && !chainAge.stale && (
              <span data-testid="levels-age">
                {' '}
                · chain {formatAge(chainAge.now - Date.parse(chainAge.asOf))} old
              </span>
            )}
          </p>
        </>
      ) : (
        <p class="head-main muted">{loading ? 'Reading this tab…' : 'No price source on this tab yet.'}</p>
      )}
    </section>
  );
}
