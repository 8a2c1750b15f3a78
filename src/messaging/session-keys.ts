/**
 * The storage.session keys of a tab's state (written by src/background/state/tab-state.ts): the best
 * frame's reading, every frame's latest, and the live verdict with the glance the popup paints first.
 * One place, because the popup reads two of them directly (src/popup/stored-snapshot.ts).
 */
export type TabPart = 'reading' | 'frames' | 'live';

const PREFIX: Record<TabPart, string> = { reading: 'tab:', frames: 'frames:', live: 'live:' };

export const tabSessionKey = (part: TabPart, tabId: number): string => `${PREFIX[part]}${tabId}`;

/** The tab id of a session key of that part (`tab:12` → 12), or undefined for any other key. */
export function tabOfSessionKey(part: TabPart, key: string): number | undefined {
  const prefix = PREFIX[part];
  if (!key.startsWith(prefix)) return undefined;
  const rest = key.slice(prefix.length);
  return /^\d+$/.test(rest) ? Number(rest) : undefined;
}
