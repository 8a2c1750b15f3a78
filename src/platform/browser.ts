/**
 * The only module that imports webextension-polyfill. Everything else imports `ext` from here, so unit
 * tests can run without a browser (the polyfill throws under plain Node) and browser differences stay
 * in src/platform.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
export const ext = browser;
