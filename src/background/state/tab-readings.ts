/** The latest reading per tab, kept in session storage under `tab:<id>`. */
import type { TabReading } from '../../messaging/types.ts';
import { sessionGet, sessionRemove, sessionSet } from './session-store.ts';

const key = (tabId: number) => `tab:${tabId}`;

export const getReading = (tabId: number) => sessionGet<TabReading>(key(tabId));
export const putReading = (reading: TabReading) => sessionSet(key(reading.tabId), reading);
export const forgetTab = (tabId: number) => sessionRemove(key(tabId));
