/**
 * What `npm start` and `npm test` need before they run, on a fresh clone: the dependencies of
 * package-lock.json, and (for `npm test`) Debian's chromium and firefox-esr plus openssl.
 * Node built-ins only: it runs before anything is installed.
 *
 *   ensureDependencies(): `npm ci` when node_modules is missing or differs from package-lock.json.
 *     "Differs" is read from npm's own record of what it installed (node_modules/.package-lock.json):
 *     every locked package must be there at the locked version and integrity, except optional ones
 *     for other platforms (npm skips those: biome's macOS/Windows builds, see lock-all-platforms.mjs),
 *     and nothing else may be. A package folder that has gone missing counts too.
 *   ensureBrowsers(): when a browser or openssl is missing, runs scripts/install-browsers.sh as root;
 *     otherwise stops at once with the one command to run.
 *
 * Test hooks (environment), so the flow can be tried without touching the system:
 *   GEXFOCUS_PREFIX       the project directory to check and install in (default: this repository)
 *   GEXFOCUS_NPM          the npm command (default: npm)
 *   GEXFOCUS_CHROMIUM, GEXFOCUS_FIREFOX, GEXFOCUS_OPENSSL   where the tools must be
 *   GEXFOCUS_INSTALL_BROWSERS   the installer script run with bash (default: scripts/install-browsers.sh)
 *   GEXFOCUS_UID          the user id to decide as (default: this process's; 0 = root)
 *
 *   node scripts/bootstrap.mjs [--browsers]   does the same from the command line
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
export const INSTALL_BROWSERS = 'sudo bash scripts/install-browsers.sh';

const env = (name, fallback) => process.env[name] || fallback;
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

/** Why node_modules does not match package-lock.json (one line), or null when it does. */
export function dependencyDrift(prefix = env('GEXFOCUS_PREFIX', REPO)) {
  const lock = readJson(join(prefix, 'package-lock.json'));
  if (!lock?.packages) return 'package-lock.json is missing or unreadable';
  if (!existsSync(join(prefix, 'node_modules'))) return 'node_modules is missing';
  const installed = readJson(join(prefix, 'node_modules', '.package-lock.json'))?.packages;
  if (!installed) return 'node_modules has no record of what npm installed (node_modules/.package-lock.json)';
  for (const [key, want] of Object.entries(lock.packages)) {
    if (key === '' || !key.startsWith('node_modules/')) continue;
    const got = installed[key];
    if (!got) {
      if (want.optional) continue; // another platform's build, skipped by npm here
      return `${key.slice(13)} is not installed`;
    }
    if (got.version !== want.version || (want.integrity && got.integrity !== want.integrity))
      return `${key.slice(13)} is ${got.version}, the lock file has ${want.version}`;
  }
  for (const key of Object.keys(installed)) {
    if (!lock.packages[key]) return `${key.slice(13)} is installed but not in the lock file`;
    if (!existsSync(join(prefix, key, 'package.json'))) return `${key.slice(13)} has gone from node_modules`;
  }
  return null;
}

function run(command, args, cwd) {
  console.log(`  $ ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (r.error) throw new Error(`${command} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** Installs the locked dependencies when they are missing or out of date; true when it installed. */
export function ensureDependencies() {
  const prefix = env('GEXFOCUS_PREFIX', REPO);
  const drift = dependencyDrift(prefix);
  if (!drift) {
    console.log('  dependencies match package-lock.json');
    return false;
  }
  console.log(`  ${drift}: installing the locked dependencies`);
  run(env('GEXFOCUS_NPM', 'npm'), ['ci', '--no-audit', '--no-fund'], prefix);
  const still = dependencyDrift(prefix);
  if (still) throw new Error(`npm ci finished but ${still}`);
  return true;
}

/** The tools the E2E tests need that are not there: [{ name, path }]. */
export function missingTools() {
  const tools = {
    chromium: env('GEXFOCUS_CHROMIUM', '/usr/bin/chromium'),
    'firefox-esr': env('GEXFOCUS_FIREFOX', '/usr/bin/firefox-esr'),
    openssl: env('GEXFOCUS_OPENSSL', '/usr/bin/openssl'),
  };
  return Object.entries(tools)
    .filter(([, path]) => !existsSync(path))
    .map(([name, path]) => ({ name, path }));
}

const uid = () => Number(env('GEXFOCUS_UID', String(process.getuid?.() ?? -1)));

/**
 * Makes sure the browsers and openssl are there: installs them when this runs as root, else
 * throws with the one command to run. Returns the tools it installed.
 */
export function ensureBrowsers() {
  const missing = missingTools();
  const list = () => missing.map((t) => `${t.name} (${t.path})`).join(', ');
  if (missing.length === 0) {
    console.log('  chromium, firefox-esr and openssl present');
    return [];
  }
  if (uid() !== 0) throw new Error(`missing: ${list()}. Install them with:\n\n    ${INSTALL_BROWSERS}\n`);
  console.log(`  missing: ${list()}; installing (running as root)`);
  run('bash', [env('GEXFOCUS_INSTALL_BROWSERS', join(REPO, 'scripts/install-browsers.sh'))], REPO);
  const after = missingTools();
  if (after.length > 0)
    throw new Error(`the installer ran but these are still missing: ${after.map((t) => t.path).join(', ')}`);
  return missing.map((t) => t.name);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureDependencies();
    if (process.argv.includes('--browsers')) ensureBrowsers();
  } catch (e) {
    console.error(`\n✗ ${e.message}`);
    process.exit(1);
  }
}
