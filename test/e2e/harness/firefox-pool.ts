/**
 * One Firefox per test process, lent to the E2E files in turn. vitest runs a browser's files one
 * after another in one worker (fileParallelism: false, isolate: false), so this module outlives each
 * file. Every `launch('firefox')` without a kept profile installs a fresh copy of the build under a
 * new moz-extension UUID — a new origin, so empty storage and no granted permissions — into the
 * running browser; `close()` uninstalls it, closes every tab and undoes what the session changed
 * browser-wide (its prefs, the colour scheme, site zoom). Measured: a Firefox start costs about
 * 4 CPU-seconds (session.new waits for the browser's delayed startup), an install about 0.3 s.
 * A kept profile (a browser restart) still gets a browser of its own; GEXFOCUS_E2E_FRESH_FIREFOX=1
 * turns the pool off.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BidiClient } from './bidi.ts';
import { makeCertificate } from './cert.ts';
import type { DriverEnv } from './chromium.ts';
import { chromeEval, FirefoxSession, startFirefox, stopProcess } from './firefox.ts';
import { GECKO_ID, writeFirefoxProfile } from './firefox-profile.ts';
import { FIXTURE_HOSTS } from './hosts.ts';
import { DIST } from './paths.ts';
import { startFixtureServer } from './server.ts';
import type { ExtensionSession, LaunchOptions } from './types.ts';

interface Pool {
  child: ChildProcess;
  bidi: BidiClient;
  tmp: string;
  profileDir: string;
  port: number;
  fixtureUrl: (host: string, path: string) => string;
  launches: number;
}

let pool: Promise<Pool> | undefined;
/** A session holds the shared browser (a suite that never closed its session keeps it). */
let lentOut = false;

/** Whether the next launch can use the shared browser; otherwise it gets a browser of its own. */
export const firefoxPoolFree = () => process.env.GEXFOCUS_E2E_FRESH_FIREFOX !== '1' && !lentOut;

async function startPool(): Promise<Pool> {
  const tmp = mkdtempSync(join(tmpdir(), 'gexfocus-e2e-firefox-pool-'));
  const profileDir = join(tmp, 'profile');
  mkdirSync(profileDir, { recursive: true });
  writeFirefoxProfile(profileDir, randomUUID(), 'light');
  const server = await startFixtureServer(makeCertificate(tmp, FIXTURE_HOSTS));
  const { child, bidi } = await startFirefox(profileDir);
  // vitest ends its worker without a hook after the last file (and without an 'exit' event): a
  // watchdog stops the browser (its own process group) and removes its files once the worker is gone.
  spawn(
    process.execPath,
    [
      '-e',
      `const [worker, group, dir] = process.argv.slice(1);
       const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
       const timer = setInterval(() => {
         if (alive(Number(worker)) && alive(-Number(group))) return;
         clearInterval(timer);
         try { process.kill(-Number(group), 'SIGKILL'); } catch {}
         require('node:fs').rmSync(dir, { recursive: true, force: true });
       }, 500);`,
      String(process.pid),
      String(child.pid),
      tmp,
    ],
    { detached: true, stdio: 'ignore' },
  ).unref();
  child.once('exit', () => {
    pool = undefined;
    void server.close();
  });
  return {
    child,
    bidi,
    tmp,
    profileDir,
    port: server.port,
    fixtureUrl: (host, path) => `https://${host}:${server.port}${path.startsWith('/') ? path : `/${path}`}`,
    launches: 0,
  };
}

/** A chrome-scope expression that sets each pref by its type. */
function setPrefs(prefs: Record<string, string | number | boolean>): string {
  const calls = Object.entries(prefs).map(([k, v]) => {
    const setter =
      typeof v === 'boolean' ? 'setBoolPref' : typeof v === 'number' ? 'setIntPref' : 'setStringPref';
    return `Services.prefs.${setter}(${JSON.stringify(k)}, ${JSON.stringify(v)});`;
  });
  return `(() => { ${calls.join(' ')} return true; })()`;
}

async function contexts(bidi: BidiClient): Promise<string[]> {
  const tree = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {
    maxDepth: 0,
  });
  return tree.contexts.map((c) => c.context);
}

export async function launchPooledFirefox(opts: LaunchOptions): Promise<ExtensionSession> {
  pool ??= startPool().catch((error) => {
    pool = undefined;
    throw error;
  });
  lentOut = true;
  const p = await pool.catch((error) => {
    lentOut = false;
    throw error;
  });
  const n = ++p.launches;
  const extensionDir = join(p.tmp, `extension-${n}`);
  const uuid = randomUUID();
  let extension: string | undefined;
  const release = async () => {
    try {
      await reset();
    } catch (error) {
      // A browser in an unknown state is not lent again.
      pool = undefined;
      await stopProcess(p.child);
      throw error;
    } finally {
      rmSync(extensionDir, { recursive: true, force: true });
      lentOut = false;
    }
  };
  const reset = async () => {
    // A new browser window with one blank tab is the next session's first tab, as in a new browser.
    // It opens before the uninstall: that closes the extension's own tabs, and a browser whose last
    // window closes quits.
    const { context } = await p.bidi.send<{ context: string }>('browsingContext.create', { type: 'window' });
    if (extension) await p.bidi.send('webExtension.uninstall', { extension });
    for (const c of await contexts(p.bidi)) {
      if (c === context) continue;
      // One the uninstall is still closing may be gone by now.
      await p.bidi.send('browsingContext.close', { context: c }).catch((error: Error) => {
        if (!/no such frame/.test(error.message)) throw error;
      });
    }
    await chromeEval(
      p.bidi,
      `(async () => {
        for (const name of ${JSON.stringify(Object.keys(opts.prefs ?? {}))}) Services.prefs.clearUserPref(name);
        Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', 1);
        const prefs = Cc['@mozilla.org/content-pref/service;1'].getService(Ci.nsIContentPrefService2);
        await new Promise((done) => prefs.removeByName('browser.content.full-zoom', null, { handleResult() {}, handleError: done, handleCompletion: done }));
        return true;
      })()`,
    );
  };
  try {
    cpSync(DIST.firefox, extensionDir, { recursive: true });
    const [first] = await contexts(p.bidi);
    await chromeEval(
      p.bidi,
      setPrefs({
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1,
        ...opts.prefs,
      }),
    );
    ({ extension } = await p.bidi.send<{ extension: string }>('webExtension.install', {
      extensionData: { type: 'path', path: extensionDir },
    }));
    const env: DriverEnv = {
      profileDir: p.profileDir,
      extensionDir,
      extensionUuid: uuid,
      kept: false,
      port: p.port,
      fixtureUrl: p.fixtureUrl,
      cleanup: async () => {},
    };
    return new FirefoxSession(p.bidi, p.child, uuid, env, first!, release);
  } catch (error) {
    // A browser in an unknown state is not lent again.
    pool = undefined;
    lentOut = false;
    await stopProcess(p.child);
    throw error;
  }
}
