/**
 * The toolbar badge, per tab: a short text and a colour for the state of that tab's page, plus a
 * tooltip that says it in words. At 16 px the badge holds 2–3 narrow glyphs, so the regimes are
 * drawn as +γ / −γ / ≈ (dealers net long gamma, net short gamma, near balance) on colours that keep
 * white text at a contrast of about 4.9:1 (the theme's stabilizing/accelerating/transition colours).
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

// What each tab's badge was last set to, so a tick that changes nothing costs no API calls. Only a
// cache: a restarted worker sets the badge again.
const shown = new Map<number, string>();

/** Forget the cached badge of a tab (a new document: the browser may have reset the badge). */
export function forgetBadge(tabId: number): void {
  shown.delete(tabId);
}

export async function setBadge(tabId: number, state: BadgeState, title = DEFAULT_TITLE): Promise<void> {
  const memo = `${state}|${title}`;
  if (shown.get(tabId) === memo) return;
  shown.set(tabId, memo);
  const { text, color } = BADGE_STYLE[state];
  try {
    await Promise.all([
      ext.action.setBadgeText({ tabId, text }),
      ext.action.setBadgeBackgroundColor({ tabId, color }),
      ext.action.setBadgeTextColor({ tabId, color: '#ffffff' }),
      ext.action.setTitle({ tabId, title }),
    ]);
  } catch (e) {
    shown.delete(tabId);
    throw e;
  }
}
