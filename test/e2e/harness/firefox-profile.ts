/** The Firefox ESR test profile: a user.js that keeps the browser quiet, offline and predictable. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ColorScheme } from './types.ts';

export const GECKO_ID = 'gexfocus@gexfocus.app';

export function writeFirefoxProfile(
  dir: string,
  extensionUuid: string,
  colorScheme: ColorScheme,
  extra: Record<string, string | number | boolean> = {},
): void {
  const prefs: Record<string, string | number | boolean> = {
    // First run, default-browser and welcome pages.
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'startup.homepage_welcome_url': 'about:blank',
    'browser.aboutwelcome.enabled': false,
    'trailhead.firstrun.didSeeAboutWelcome': true,
    'browser.tabs.warnOnClose': false,
    // Telemetry, updates and background network traffic.
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'app.update.enabled': false,
    'app.update.auto': false,
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.region.update.enabled': false,
    'network.trr.mode': 5,
    // Every hostname resolves to the local fixture server (the Chromium side uses host-resolver-rules).
    'network.dns.forceResolve': '127.0.0.1',
    // A known moz-extension://<uuid>/ origin for our extension's pages.
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: extensionUuid }),
    // prefers-color-scheme for content: 0 dark, 1 light.
    'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
    // The caller's prefs (LaunchOptions.prefs) last, so they win.
    ...extra,
  };
  const lines = Object.entries(prefs).map(
    ([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`,
  );
  writeFileSync(join(dir, 'user.js'), `${lines.join('\n')}\n`);
}
