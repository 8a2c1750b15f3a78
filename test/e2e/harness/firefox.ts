/**
 * The Firefox driver: firefox-esr over its built-in WebDriver BiDi, our extension installed as a
 * temporary add-on from dist/firefox.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { BidiClient, type RemoteValue } from './bidi.ts';
import type { DriverEnv } from './chromium.ts';
import { ACTIVE_TAB_ID, pollUntil, screenshotPath, unwrapValue, wrapExpression } from './common.ts';
import { GECKO_ID, writeFirefoxProfile } from './firefox-profile.ts';
import { type Key, keyCode, parseShortcut, WEBDRIVER_KEYS } from './input.ts';
import { BROWSER_BINARIES } from './paths.ts';
import type {
  ColorScheme,
  ExtensionSession,
  LaunchOptions,
  NotificationRecorder,
  ScreenshotOptions,
  Tab,
} from './types.ts';

export async function launchFirefox(env: DriverEnv, opts: LaunchOptions): Promise<ExtensionSession> {
  const uuid = env.extensionUuid;
  const kept: Record<string, boolean> = env.kept
    ? {
        // A guard: uninstalling an add-on clears its storage.local and forgets its UUID unless these
        // are set (Extension.sys.mjs, LEAVE_STORAGE_PREF / LEAVE_UUID_PREF, Firefox ESR 153). Tried
        // 2026-11: with the harness's shutdown (session.end, SIGTERM) storage survived even with them
        // off, so the temporary add-on's cleanup did not run; these keep it so if that changes.
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
      }
    : {};
  writeFirefoxProfile(env.profileDir, uuid, opts.colorScheme ?? 'light', { ...kept, ...opts.prefs });
  const { child, bidi } = await startFirefox(env.profileDir);
  try {
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: env.extensionDir } });
    const tree = await bidi.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {
      maxDepth: 0,
    });
    return new FirefoxSession(bidi, child, uuid, env, tree.contexts[0]!.context);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}

/** Starts firefox-esr headless on a written profile and opens a BiDi session (no extension yet). */
export async function startFirefox(profileDir: string): Promise<{ child: ChildProcess; bidi: BidiClient }> {
  const child = spawn(
    BROWSER_BINARIES.firefox,
    [
      '--headless',
      '--remote-debugging-port=0',
      '--remote-allow-system-access',
      '--no-remote',
      '--profile',
      profileDir,
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
    },
  );
  try {
    const wsUrl = await bidiUrl(child);
    const bidi = await BidiClient.connect(`${wsUrl}/session`);
    await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    return { child, bidi };
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}

/** Reads `WebDriver BiDi listening on ws://…` from Firefox's stderr. */
function bidiUrl(child: ChildProcess, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`Firefox did not start BiDi in ${timeoutMs} ms:\n${seen}`)),
      timeoutMs,
    );
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`Firefox exited (${code}) before BiDi was up:\n${seen}`)));
  });
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Evaluates in the browser window's privileged chrome document (needs --remote-allow-system-access). */
export async function chromeEval(bidi: BidiClient, expression: string): Promise<unknown> {
  const tree = await bidi.send<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', {
    maxDepth: 0,
    'moz:scope': 'chrome',
  });
  const win = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!win) throw new Error('no browser window in the chrome scope');
  const reply = await bidi.send<{
    type: string;
    exceptionDetails?: { text: string };
    result?: { value?: unknown };
  }>('script.evaluate', { expression, target: { context: win.context }, awaitPromise: true });
  if (reply.type === 'exception') throw new Error(`in chrome scope: ${reply.exceptionDetails?.text}`);
  return reply.result?.value;
}

export class FirefoxSession implements ExtensionSession {
  readonly browser = 'firefox' as const;
  private extPage: Promise<Tab> | undefined;

  constructor(
    private readonly bidi: BidiClient,
    private readonly child: ChildProcess,
    private readonly uuid: string,
    private readonly env: DriverEnv,
    private readonly firstContext: string,
    /** A pooled session: hands the running browser back (extension removed, tabs closed) on close. */
    private readonly release?: () => Promise<void>,
  ) {}

  get port() {
    return this.env.port;
  }

  extUrl(path: string): string {
    return `moz-extension://${this.uuid}/${path.replace(/^\//, '')}`;
  }

  fixtureUrl(host: string, path: string): string {
    return this.env.fixtureUrl(host, path);
  }

  async newTab(url: string): Promise<Tab> {
    const { context } = await this.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    const tab = new FirefoxTab(this.bidi, context);
    await tab.goto(url);
    return tab;
  }

  async extEval<T>(expr: string): Promise<T> {
    // The tab Firefox started with hosts a blank extension page with the extension's API.
    this.extPage ??= (async () => {
      const tab = new FirefoxTab(this.bidi, this.firstContext);
      await tab.goto(this.extUrl('manifest.json'));
      return tab;
    })();
    return (await this.extPage).eval<T>(expr);
  }

  tabIdOf(urlPrefix: string, opts?: { timeoutMs?: number }): Promise<number> {
    return pollUntil(
      async () => {
        const tree = await this.bidi.send<{ contexts: { context: string; url: string }[] }>(
          'browsingContext.getTree',
          { maxDepth: 0 },
        );
        const found = tree.contexts.find((c) => c.url.startsWith(urlPrefix));
        if (!found) return null;
        // Open the helper page first: opening it later would make it the active tab.
        await this.extEval('1');
        await this.bidi.send('browsingContext.activate', { context: found.context });
        return this.extEval<number | null>(ACTIVE_TAB_ID);
      },
      `a tab at ${urlPrefix}`,
      opts?.timeoutMs,
    );
  }

  async triggerAction(urlPrefix: string): Promise<void> {
    await this.tabIdOf(urlPrefix); // activates that tab: the action acts on the selected tab
    await this.chromeEval(`(() => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
      ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
      return true;
    })()`);
  }

  async stopBackground(): Promise<void> {
    await this.chromeEval(`(async () => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      await ExtensionParent.DebugUtils.terminateBackgroundScript(${JSON.stringify(GECKO_ID)});
      return true;
    })()`);
  }

  async grantFromBrowserUi(origin: string): Promise<void> {
    await this.chromeEval(`(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
      await ExtensionPermissions.add(extension.id, { permissions: [], origins: [${JSON.stringify(origin)}] }, extension);
      return true;
    })()`);
  }

  async pressShortcut(urlPrefix: string, shortcut: string): Promise<void> {
    await this.tabIdOf(urlPrefix); // activates that tab: commands act on the selected tab
    const s = parseShortcut(shortcut);
    const mods = [
      s.alt && ['Alt', 'AltLeft', 18],
      s.ctrl && ['Control', 'ControlLeft', 17],
      s.meta && ['Meta', 'MetaLeft', 91],
      s.shift && ['Shift', 'ShiftLeft', 16],
    ].filter(Boolean);
    await this.chromeEval(`(() => {
      const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      if (!tip.beginInputTransactionForTests(window)) throw new Error('no input transaction');
      const ev = ([key, code, keyCode]) => new KeyboardEvent('', { key, code, keyCode });
      const mods = ${JSON.stringify(mods)};
      const main = [${JSON.stringify(s.key)}, ${JSON.stringify(keyCode(s.key))}, ${s.key.charCodeAt(0)}];
      for (const m of mods) tip.keydown(ev(m));
      tip.keydown(ev(main));
      tip.keyup(ev(main));
      for (const m of [...mods].reverse()) tip.keyup(ev(m));
      return true;
    })()`);
  }

  async setColorScheme(scheme: ColorScheme): Promise<void> {
    // The same pref the profile sets at launch (firefox-profile.ts): 0 dark, 1 light; read live.
    await this.chromeEval(
      `(() => { Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1}); return true; })()`,
    );
  }

  async recordNotifications(): Promise<NotificationRecorder> {
    // A stand-in for the desktop's notification service under the alerts-service contract: the
    // notifications API (ext-notifications.js) looks the service up on every notification.
    await this.chromeEval(`(() => {
      const shown = (window.__gexfocusAlerts = []);
      const service = {
        QueryInterface: ChromeUtils.generateQI(['nsIAlertsService']),
        showAlert(alert, listener) {
          shown.push({ alert, listener });
          listener?.observe(null, 'alertshow', alert.cookie);
        },
        closeAlert() {},
      };
      const factory = {
        QueryInterface: ChromeUtils.generateQI(['nsIFactory']),
        createInstance: (iid) => service.QueryInterface(iid),
      };
      Components.manager
        .QueryInterface(Ci.nsIComponentRegistrar)
        .registerFactory(Components.ID(Services.uuid.generateUUID().toString()), 'test alerts', '@mozilla.org/alerts-service;1', factory);
      return true;
    })()`);
    return {
      shown: async () =>
        JSON.parse(
          String(
            await this.chromeEval(
              `JSON.stringify((window.__gexfocusAlerts ?? []).map(({ alert }) => ({ name: alert.name, title: alert.title, text: alert.text })))`,
            ),
          ),
        ),
      click: async (name) => {
        await this.chromeEval(`(() => {
          const found = window.__gexfocusAlerts.find(({ alert }) => alert.name === ${JSON.stringify(name)});
          if (!found) throw new Error('no such notification');
          found.listener.observe(null, 'alertclickcallback', found.alert.cookie);
          return true;
        })()`);
      },
    };
  }

  /** Evaluates in the browser window's privileged chrome document (needs --remote-allow-system-access). */
  private chromeEval(expression: string): Promise<unknown> {
    return chromeEval(this.bidi, expression);
  }

  async close(): Promise<void> {
    if (this.release) {
      await this.release();
      return;
    }
    await this.bidi.send('session.end', {}, 5_000).catch(() => {});
    this.bidi.close();
    await stopProcess(this.child);
    await this.env.cleanup();
  }
}

class FirefoxTab implements Tab {
  constructor(
    private readonly bidi: BidiClient,
    private readonly context: string,
  ) {}

  url = async () => {
    const tree = await this.bidi.send<{ contexts: { url: string }[] }>('browsingContext.getTree', {
      root: this.context,
      maxDepth: 0,
    });
    return tree.contexts[0]!.url;
  };

  async goto(url: string): Promise<void> {
    const navigate = (timeoutMs?: number) =>
      this.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' }, timeoutMs);
    // Seen once in 8 full runs (site-symbols, a popup page in a new tab on a loaded 2-core machine):
    // a navigation that never reported 'complete'. Sent again, the page loads; a second silence fails.
    await navigate(20_000).catch((error: Error) => {
      if (!/no BiDi reply/.test(error.message)) throw error;
      return navigate();
    });
  }

  private async evaluate(expression: string, ownership: 'none' | 'root' = 'none'): Promise<RemoteValue> {
    const reply = await this.bidi.send<{
      type: string;
      result?: RemoteValue;
      exceptionDetails?: { text: string };
    }>('script.evaluate', {
      expression,
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: ownership,
    });
    if (reply.type === 'exception') throw new Error(`in page: ${reply.exceptionDetails?.text}`);
    return reply.result!;
  }

  async eval<T>(expr: string): Promise<T> {
    return unwrapValue<T>((await this.evaluate(wrapExpression(expr))).value);
  }

  waitFor<T>(expr: string, opts?: { timeoutMs?: number }): Promise<T> {
    return pollUntil(() => this.eval<T>(expr), expr, opts?.timeoutMs);
  }

  /** A BiDi reference to the first element matching the selector, scrolled into view. */
  private async element(selector: string): Promise<{ sharedId: string }> {
    const sel = JSON.stringify(selector);
    const node = await this.evaluate(
      `(() => { const el = document.querySelector(${sel}); el?.scrollIntoView({ block: 'center', inline: 'center' }); return el; })()`,
      'root',
    );
    if (node.type !== 'node' || !node.sharedId) throw new Error(`no element matches ${selector}`);
    return { sharedId: node.sharedId };
  }

  private async pointer(actions: Record<string, unknown>[]): Promise<void> {
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
  }

  async hover(selector: string): Promise<void> {
    const element = await this.element(selector);
    await this.pointer([{ type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element } }]);
  }

  async click(selector: string): Promise<void> {
    const element = await this.element(selector);
    await this.pointer([
      { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element } },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ]);
  }

  async mouseMove(x: number, y: number): Promise<void> {
    await this.pointer([{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' }]);
  }

  async type(selector: string, text: string): Promise<void> {
    await this.click(selector);
    const keys = [...text].flatMap((value) => [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ]);
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'key', id: 'keyboard', actions: keys }],
    });
  }

  async setFiles(selector: string, paths: string[]): Promise<void> {
    const element = await this.element(selector);
    await this.bidi.send('input.setFiles', { context: this.context, element, files: paths });
  }

  async setViewport(width: number, height: number): Promise<void> {
    await this.bidi.send('browsingContext.setViewport', {
      context: this.context,
      viewport: { width, height },
    });
  }

  async screenshot(name: string, opts: ScreenshotOptions = {}): Promise<string> {
    const path = screenshotPath('firefox', name);
    const params: Record<string, unknown> = {
      context: this.context,
      origin: opts.fullPage ? 'document' : 'viewport',
    };
    if (opts.selector) params.clip = { type: 'element', element: await this.element(opts.selector) };
    const { data } = await this.bidi.send<{ data: string }>('browsingContext.captureScreenshot', params);
    writeFileSync(path, Buffer.from(data, 'base64'));
    return path;
  }

  async close(): Promise<void> {
    await this.bidi.send('browsingContext.close', { context: this.context });
  }

  private async keys(actions: Record<string, unknown>[]): Promise<void> {
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'key', id: 'keyboard', actions }],
    });
  }

  async press(key: Key, opts: { shift?: boolean } = {}): Promise<void> {
    const value = WEBDRIVER_KEYS[key];
    const shift = WEBDRIVER_KEYS.Shift;
    await this.keys([
      ...(opts.shift ? [{ type: 'keyDown', value: shift }] : []),
      { type: 'keyDown', value },
      { type: 'keyUp', value },
      ...(opts.shift ? [{ type: 'keyUp', value: shift }] : []),
    ]);
  }

  async clickAt(x: number, y: number): Promise<void> {
    await this.pointer([
      { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ]);
  }

  async drag(
    from: { x: number; y: number },
    to: { x: number; y: number },
    opts: { pointer?: 'mouse' | 'touch'; steps?: number } = {},
  ): Promise<void> {
    const steps = opts.steps ?? 8;
    const moves = Array.from({ length: steps }, (_, i) => ({
      type: 'pointerMove',
      x: Math.round(from.x + ((to.x - from.x) * (i + 1)) / steps),
      y: Math.round(from.y + ((to.y - from.y) * (i + 1)) / steps),
      origin: 'viewport',
      duration: 16,
    }));
    const pointerType = opts.pointer ?? 'mouse';
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: pointerType,
          parameters: { pointerType },
          actions: [
            { type: 'pointerMove', x: Math.round(from.x), y: Math.round(from.y), origin: 'viewport' },
            { type: 'pointerDown', button: 0 },
            ...moves,
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await this.bidi.send('input.releaseActions', { context: this.context });
  }

  async shadowEval<T>(hostSelector: string, fn: string): Promise<T> {
    const host = await this.bidi.send<{ type: string; result?: RemoteValue }>('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(hostSelector)})`,
      target: { context: this.context },
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
    });
    const shadow = (host.result?.value as { shadowRoot?: { sharedId?: string } } | undefined)?.shadowRoot;
    if (!shadow?.sharedId) throw new Error(`${hostSelector}: no element, or no shadow root`);
    const reply = await this.bidi.send<{
      type: string;
      result?: RemoteValue;
      exceptionDetails?: { text: string };
    }>('script.callFunction', {
      functionDeclaration: `async function (root) { return JSON.stringify({ value: await (${fn})(root) }); }`,
      arguments: [{ sharedId: shadow.sharedId }],
      target: { context: this.context },
      awaitPromise: true,
    });
    if (reply.type === 'exception') throw new Error(`in shadow root: ${reply.exceptionDetails?.text}`);
    return unwrapValue<T>(reply.result?.value);
  }
}
