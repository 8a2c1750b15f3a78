/** The toolbar badge, per tab: a short text and a colour for the state of that tab's page. */
import { ext } from '../platform/browser.ts';

export type BadgeState = 'connected' | 'stabilizing' | 'accelerating' | 'transition' | 'stale' | 'off';

const STYLE: Record<BadgeState, { text: string; color: string }> = {
  connected: { text: '•', color: '#5b6b7f' },
  stabilizing: { text: '+γ', color: '#1b8a5a' },
  accelerating: { text: '−γ', color: '#c2410c' },
  transition: { text: '≈', color: '#b08800' },
  stale: { text: '!', color: '#6b7280' },
  off: { text: '', color: '#6b7280' },
};

export async function setBadge(tabId: number, state: BadgeState): Promise<void> {
  const { text, color } = STYLE[state];
  await Promise.all([
    ext.action.setBadgeText({ tabId, text }),
    ext.action.setBadgeBackgroundColor({ tabId, color }),
  ]);
}
