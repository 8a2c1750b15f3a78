/** The Chromium driver: Debian's /usr/bin/chromium via playwright-core, the built extension loaded. */
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ACTIVE_TAB_ID, pollUntil, screenshotPath, unwrapValue, wrapExpression } from './common.ts';
import { FIXTURE_HOSTS } from './hosts.ts';
import { cdpModifiers, type Key, keyCode, parseShortcut } from './input.ts';
import { BROWSER_BINARIES } from './paths.ts';
import type { ColorScheme, ExtensionSession, LaunchOptions, Tab } from './types.ts';

export interface DriverEnv {
  profileDir: string;
  /** The unpacked extension to load (a copy of dist/chrome or dist/firefox). */
  extensionDir: string;
  /** Firefox: the moz-extension:// UUID to pin (kept with a kept profile). */
  extensionUuid: string;
  /** The profile is reused across launches (LaunchOptions.profileDir). */
  kept: boolean;
  port: number;
  fixtureUrl(host: string, path: string): string;
  /** Stops the fixture server and removes temp files. */
  cleanup(): Promise<void>;
}

export async function launchChromium(env: DriverEnv, opts: LaunchOptions): Promise<ExtensionSession> {
  const rules = FIXTURE_HOSTS.map((h) => `MAP ${h} 127.0.0.1`).join(', ');
  const context = await chromium.launchPersistentContext(env.profileDir, {
    executablePath: BROWSER_BINARIES.chromium,
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${env.extensionDir}`,
      `--load-extension=${env.extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
    ],
  });
  try {
    const worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    return new ChromiumSession(context, extensionId, env);
  } catch (error) {
    await context.close();
    throw error;
  }
}

class ChromiumSession implements ExtensionSession {
  readonly browser = 'chromium' as const;
  private extPage: Promise<Tab> | undefined;

  constructor(
    private readonly context: BrowserContext,
    private readonly extensionId: string,
    private readonly env: DriverEnv,
  ) {}

  get port() {
    return this.env.port;
  }

  extUrl(path: string): string {
    return `chrome-extension://${this.extensionId}/${path.replace(/^\//, '')}`;
  }

  fixtureUrl(host: string, path: string): string {
    return this.env.fixtureUrl(host, path);
  }

  private scheme: ColorScheme | null = null;

  async setColorScheme(scheme: ColorScheme): Promise<void> {
    this.scheme = scheme;
    for (const page of this.context.pages()) await page.emulateMedia({ colorScheme: scheme });
  }

  async newTab(url: string): Promise<Tab> {
    const page = await this.context.newPage();
    if (this.scheme) await page.emulateMedia({ colorScheme: this.scheme });
    const tab = new ChromiumTab(page);
    await tab.goto(url);
    return tab;
  }

  async extEval<T>(expr: string): Promise<T> {
    // A blank extension page with the extension's API (manifest.json renders as text in our origin).
    this.extPage ??= this.newTab(this.extUrl('manifest.json'));
    return (await this.extPage).eval<T>(expr);
  }

  tabIdOf(urlPrefix: string, opts?: { timeoutMs?: number }): Promise<number> {
    return pollUntil(
      async () => {
        const page = this.context.pages().find((p) => p.url().startsWith(urlPrefix));
        if (!page) return null;
        // Open the helper page first: opening it later would make it the active tab.
        await this.extEval('1');
        await page.bringToFront();
        return this.extEval<number | null>(ACTIVE_TAB_ID);
      },
      `a tab at ${urlPrefix}`,
      opts?.timeoutMs,
    );
  }

  async triggerAction(urlPrefix: string): Promise<void> {
    const page = this.context.pages().find((p) => p.url().startsWith(urlPrefix));
    if (!page) throw new Error(`no tab at ${urlPrefix}`);
    await page.bringToFront();
    const cdp = await this.context.browser()!.newBrowserCDPSession();
    try {
      // The action acts on a tab target (not the page target Playwright drives).
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
      const tab = targetInfos.find((t) => t.url.startsWith(urlPrefix));
      if (!tab) throw new Error(`no tab target at ${urlPrefix}`);
      await cdp.send('Extensions.triggerAction', { id: this.extensionId, targetId: tab.targetId });
    } finally {
      await cdp.detach().catch(() => {});
    }
  }

  async stopBackground(): Promise<void> {
    const cdp = await this.context.browser()!.newBrowserCDPSession();
    try {
      const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'service_worker' }] });
      const ours = targetInfos.filter((t) => t.url.startsWith(`chrome-extension://${this.extensionId}/`));
      if (ours.length === 0) throw new Error('the extension has no running service worker');
      for (const t of ours) await cdp.send('Target.closeTarget', { targetId: t.targetId });
    } finally {
      await cdp.detach().catch(() => {});
    }
  }

  async grantFromBrowserUi(origin: string): Promise<void> {
    const page = await this.context.newPage();
    try {
      await page.goto('chrome://extensions/');
      await page.evaluate(
        ([id, pattern]) =>
          (
            globalThis as unknown as {
              chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
            }
          ).chrome.developerPrivate.addHostPermission(id!, pattern!),
        [this.extensionId, origin],
      );
    } finally {
      await page.close();
    }
  }

  async pressShortcut(urlPrefix: string, shortcut: string): Promise<void> {
    const page = this.context.pages().find((p) => p.url().startsWith(urlPrefix));
    if (!page) throw new Error(`no tab at ${urlPrefix}`);
    await page.bringToFront();
    const s = parseShortcut(shortcut);
    const vk = s.key.charCodeAt(0);
    const key = {
      modifiers: cdpModifiers(s),
      key: s.key,
      code: keyCode(s.key),
      windowsVirtualKeyCode: vk,
      nativeVirtualKeyCode: vk,
    };
    const cdp = await this.context.newCDPSession(page);
    try {
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
    } finally {
      await cdp.detach().catch(() => {});
    }
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
    await this.env.cleanup();
  }
}

class ChromiumTab implements Tab {
  constructor(private readonly page: Page) {}

  url = async () => this.page.url();

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async eval<T>(expr: string): Promise<T> {
    return unwrapValue<T>(await this.page.evaluate(wrapExpression(expr)));
  }

  waitFor<T>(expr: string, opts?: { timeoutMs?: number }): Promise<T> {
    return pollUntil(() => this.eval<T>(expr), expr, opts?.timeoutMs);
  }

  click = (selector: string) => this.page.click(selector);
  hover = (selector: string) => this.page.hover(selector);
  mouseMove = (x: number, y: number) => this.page.mouse.move(x, y);

  async type(selector: string, text: string): Promise<void> {
    await this.page.click(selector);
    await this.page.keyboard.type(text);
  }

  setFiles = (selector: string, paths: string[]) => this.page.setInputFiles(selector, paths);
  setViewport = (width: number, height: number) => this.page.setViewportSize({ width, height });

  async screenshot(name: string, opts: { fullPage?: boolean; selector?: string } = {}): Promise<string> {
    const path = screenshotPath('chromium', name);
    if (opts.selector) await this.page.locator(opts.selector).first().screenshot({ path });
    else await this.page.screenshot({ path, fullPage: opts.fullPage ?? false });
    return path;
  }

  close = () => this.page.close();

  async press(key: Key, opts: { shift?: boolean } = {}): Promise<void> {
    await this.page.keyboard.press(opts.shift ? `Shift+${key}` : key);
  }

  clickAt = (x: number, y: number) => this.page.mouse.click(x, y);

  async drag(
    from: { x: number; y: number },
    to: { x: number; y: number },
    opts: { pointer?: 'mouse' | 'touch'; steps?: number } = {},
  ): Promise<void> {
    const steps = opts.steps ?? 8;
    if (opts.pointer !== 'touch') {
      await this.page.mouse.move(from.x, from.y);
      await this.page.mouse.down();
      await this.page.mouse.move(to.x, to.y, { steps });
      await this.page.mouse.up();
      return;
    }
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const at = (k: number) => [
        { x: from.x + ((to.x - from.x) * k) / steps, y: from.y + ((to.y - from.y) * k) / steps },
      ];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
      for (let k = 1; k <= steps; k++)
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(k) });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    } finally {
      await cdp.detach().catch(() => {});
    }
  }

  async shadowEval<T>(hostSelector: string, fn: string): Promise<T> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: `document.querySelector(${JSON.stringify(hostSelector)})`,
      });
      if (!result.objectId) throw new Error(`no element matches ${hostSelector}`);
      const { node } = await cdp.send('DOM.describeNode', {
        objectId: result.objectId,
        depth: 1,
        pierce: true,
      });
      const shadow = node.shadowRoots?.[0];
      if (!shadow) throw new Error(`${hostSelector} has no shadow root`);
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      const reply = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: `async function () { return JSON.stringify({ value: await (${fn})(this) }); }`,
        awaitPromise: true,
        returnByValue: true,
      });
      if (reply.exceptionDetails)
        throw new Error(`in shadow root: ${reply.exceptionDetails.exception?.description}`);
      return unwrapValue<T>(reply.result.value);
    } finally {
      await cdp.detach().catch(() => {});
    }
  }
}
