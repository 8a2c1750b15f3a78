/**
 * The E2E harness: `launch('chromium' | 'firefox')` starts a real browser with the built extension
 * (dist/chrome or dist/firefox) and an HTTPS fixture server that the broker hostnames resolve to.
 * See test/e2e/README.md.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCertificate } from './cert.ts';
import { type DriverEnv, launchChromium } from './chromium.ts';
import { launchFirefox } from './firefox.ts';
import { firefoxPoolFree, launchPooledFirefox } from './firefox-pool.ts';
import { FIXTURE_HOSTS } from './hosts.ts';
import { DIST } from './paths.ts';
import { startFixtureServer } from './server.ts';
import type { BrowserName, ExtensionSession, LaunchOptions } from './types.ts';

export { BROKER_HOSTS, FIXTURE_HOSTS, UNMATCHED_HOST } from './hosts.ts';
export type * from './types.ts';

const ALL: readonly BrowserName[] = ['chromium', 'firefox'];

/**
 * The browsers this process tests: all, unless GEXFOCUS_E2E_BROWSERS (comma-separated) narrows it.
 * The vitest e2e-chromium / e2e-firefox projects set it so the two browsers run in parallel.
 */
export const BROWSERS: readonly BrowserName[] = (() => {
  const wanted = process.env.GEXFOCUS_E2E_BROWSERS?.split(',').map((s) => s.trim());
  return wanted ? ALL.filter((b) => wanted.includes(b)) : ALL;
})();

export async function launch(browser: BrowserName, opts: LaunchOptions = {}): Promise<ExtensionSession> {
  if (!existsSync(join(DIST[browser], 'manifest.json'))) {
    throw new Error(`${DIST[browser]} has no build: run \`npm run build\` first`);
  }
  // Firefox starts slowly: one browser per process takes each fresh session in turn (firefox-pool.ts);
  // a launch while it is lent out (a second session at once) gets a browser of its own.
  if (browser === 'firefox' && !opts.profileDir && firefoxPoolFree()) return launchPooledFirefox(opts);
  const tmp = mkdtempSync(join(tmpdir(), `gexfocus-e2e-${browser}-`));
  // A kept profile (opts.profileDir) holds the profile and the build's copy at fixed paths: Chromium
  // derives an unpacked extension's id from its path, and the id keys its storage.
  const keep = opts.profileDir;
  const profileDir = join(keep ?? tmp, 'profile');
  mkdirSync(profileDir, { recursive: true });
  // A private copy of the build: another `npm run build` in the same checkout empties dist/ mid-run.
  const extensionDir = join(keep ?? tmp, 'extension');
  rmSync(extensionDir, { recursive: true, force: true });
  cpSync(DIST[browser], extensionDir, { recursive: true });
  const server = await startFixtureServer(makeCertificate(tmp, FIXTURE_HOSTS));
  const env: DriverEnv = {
    profileDir,
    extensionDir,
    extensionUuid: keep ? keptUuid(keep) : randomUUID(),
    kept: keep !== undefined,
    port: server.port,
    fixtureUrl: (host, path) => `https://${host}:${server.port}${path.startsWith('/') ? path : `/${path}`}`,
    cleanup: async () => {
      await server.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
  try {
    return browser === 'chromium' ? await launchChromium(env, opts) : await launchFirefox(env, opts);
  } catch (error) {
    await env.cleanup();
    throw error;
  }
}

/** The Firefox UUID pinned for a kept profile: the same on every launch, so its storage is found again. */
function keptUuid(dir: string): string {
  const file = join(dir, 'extension-uuid');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const uuid = randomUUID();
  writeFileSync(file, uuid);
  return uuid;
}
