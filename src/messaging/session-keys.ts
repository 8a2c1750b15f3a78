/**
 * The storage.session keys of a tab's state (written by src/background/state/tab-state.ts): the best
 * frame's reading, every frame's latest, and the live verdict with the glance the popup paints first.
 * One place, because the popup reads two of them directly (src/popup/stored-snapshot.ts).
 */
export type TabPart = 'reading' | 'frames' | 'live';

const PREFIX: Record<TabPart, string> = { reading: 'tab:', frames: 'frames:', live: 'live:' };

export const tabSessionKey = (part: TabPart, tabId: number): string => `${PREFIX[part]}${tabId}`;
