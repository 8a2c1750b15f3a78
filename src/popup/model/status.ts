/**
 * What the popup shows for a tab, decided from the reading, the glance and the full levels: one of the
 * empty states, or the verdict; and the amber chips that say what is wrong (nothing is amber when all
 * is well). Pure, so every state is unit-tested without a browser.
 */
import { isStaleChain } from '../../core/chain-age.ts';
import type { Res } from '../../messaging/protocol.ts';
import type { TabAnalysis, TabReading } from '../../messaging/types.ts';
import { formatAge, SUSPECT_REASONS } from '../../ui/format.ts';

export type Glance = Res<'tab/glance'>['glance'];

/** A page that has not changed its price for this long may have stopped updating (or the market closed). */
export const QUIET_READING_MS = 120_000;

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'no-price' }
  | { kind: 'no-chain'; symbol: string | null }
  | { kind: 'needs-ratio'; analysis: Extract<TabAnalysis, { status: 'needs-ratio' }> }
  | { kind: 'error'; message: string }
  | { kind: 'nothing-in-scope'; scope: string }
  | { kind: 'ok' };

export function popupState(
  tabId: number | undefined,
  reading: TabReading | null | undefined,
  glance: Glance | undefined,
): PopupState {
  if (tabId === undefined) return { kind: 'no-tab' };
  if (reading === null || (reading && reading.price === null)) return { kind: 'no-price' };
  if (!glance) return { kind: 'loading' };
  switch (glance.status) {
    case 'no-reading':
      return { kind: 'no-price' };
    case 'no-chain':
      return { kind: 'no-chain', symbol: glance.symbol };
    case 'needs-ratio':
      return { kind: 'needs-ratio', analysis: glance };
    case 'error':
      return { kind: 'error', message: glance.message };
    default:
      return glance.used === 0 ? { kind: 'nothing-in-scope', scope: glance.scope } : { kind: 'ok' };
  }
}

export interface Chip {
  id: 'suspect' | 'guess' | 'quiet' | 'stale-chain' | 'at-snapshot';
  text: string;
  /** The longer explanation (tooltip and accessible description). */
  detail: string;
}

export interface ChipInput {
  reading: TabReading | null | undefined;
  /** Chain snapshot, ISO; null before the levels are known. */
  asOf: string | null;
  atSnapshot: boolean;
  now: number;
}

export const isGuess = (r: TabReading) => r.method === 'generic' || r.confidence < 0.5;

export function chipsOf({ reading, asOf, atSnapshot, now }: ChipInput): Chip[] {
  const chips: Chip[] = [];
  if (reading?.suspect) {
    const why = SUSPECT_REASONS[reading.reason ?? ''] ?? 'check the page';
    chips.push({
      id: 'suspect',
      text: `suspect: ${why}`,
      detail: `The price on the page is not trusted (${why}): the verdict is held at its last trusted value.`,
    });
  }
  if (reading && isGuess(reading)) {
    chips.push({
      id: 'guess',
      text: 'guess',
      detail: `The price was found by the generic detector (confidence ${Math.round(reading.confidence * 100)} %): pick it on the page to be sure.`,
    });
  }
  if (reading && reading.price !== null && now - reading.at > QUIET_READING_MS) {
    chips.push({
      id: 'quiet',
      text: `no tick for ${formatAge(now - reading.at)}`,
      detail:
        'The page has not changed its price since then: the market may be closed, or the page stopped updating.',
    });
  }
  if (atSnapshot) {
    chips.push({
      id: 'at-snapshot',
      text: 'levels as of its snapshot',
      detail:
        'Every contract in this chain has expired: the levels are as of its snapshot, not now. Import a current chain.',
    });
  }
  if (asOf && isStaleChain(now - Date.parse(asOf))) {
    chips.push({
      id: 'stale-chain',
      text: `stale chain, ${formatAge(now - Date.parse(asOf))} old`,
      detail: 'Positions have changed since this chain was saved: import today’s chain.',
    });
  }
  return chips;
}
