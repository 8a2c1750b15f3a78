/** Absolute paths the harness needs, resolved from the repository root. */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST = { chromium: `${ROOT}dist/chrome`, firefox: `${ROOT}dist/firefox` } as const;
export const PAGES_DIR = `${ROOT}test/fixtures/pages`;
export const SCREENSHOTS_DIR = `${ROOT}artifacts/screenshots`;
export const BROWSER_BINARIES = { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' } as const;
