/**
 * The toolbar badge, per tab: a short text and a colour for the state of that tab's page, plus a
 * tooltip that says it in words. At 16 px the badge holds 2–3 narrow glyphs, so the regimes are
 * drawn as +γ / −γ / ≈ (dealers net long gamma, net short gamma, near balance) on colours that keep
 * white text at a contrast of about 4.9:1 (the theme's stabilizing/accelerating/transition colours).
 *
 * Each property is set only when it changes: a tick that changes nothing costs no API call (the
 * tooltip used to carry the price, so every report cost four calls, issue 9). The tooltip therefore
 * never carries the price.
 */
import { ext } from '../platform/browser.ts';

export type BadgeState = 'connected' | 'stabilizing' | 'accelerating' | 'transition' | 'stale' | 'off';

export const BADGE_STYLE: Record<BadgeState, { text: string; color: string }> = {
  connected: { text: '•', color: '#475569' },
  stabilizing: { text: '+γ', color: '#15803d' },
  accelerating: { text: '−γ', color: '#c2410c' },
  transition: { text: '≈', color: '#a16207' },
  stale: { text: '!', color: '#6b7280' },
  off: { text: '', color: '#6b7280' },
};

const DEFAULT_TITLE = 'GEXfocus';
const TEXT_COLOR = '#ffffff';

interface Shown {
  text?: string;
  color?: string;
  textColor?: string;
  title?: string;
}

// What each tab's badge was last set to. Only a cache: a restarted worker sets the badge again.
const shown = new Map<number, Shown>();
let calls = 0;

/** Forget the cached badge of a tab (a new document: the browser may have reset it; or tab closed). */
export function forgetBadge(tabId: number): void {
  shown.delete(tabId);
}

/** Badge API calls made so far (benchmark and tests). */
export const badgeCalls = (): number => calls;

export async function setBadge(tabId: number, state: BadgeState, title = DEFAULT_TITLE): Promise<void> {
  const { text, color } = BADGE_STYLE[state];
  const was = shown.get(tabId) ?? {};
  const now: Shown = { text, color, textColor: TEXT_COLOR, title };
  shown.set(tabId, now);
  const pending: Promise<void>[] = [];
  if (was.text !== text) pending.push(ext.action.setBadgeText({ tabId, text }));
  if (was.color !== color) pending.push(ext.action.setBadgeBackgroundColor({ tabId, color }));
  if (was.textColor !== TEXT_COLOR) pending.push(ext.action.setBadgeTextColor({ tabId, color: TEXT_COLOR }));
  if (was.title !== title) pending.push(ext.action.setTitle({ tabId, title }));
  calls += pending.length;
  try {
    await Promise.all(pending);
  } catch (e) {
    shown.delete(tabId); // set everything again next time
    throw e;
  }
}
