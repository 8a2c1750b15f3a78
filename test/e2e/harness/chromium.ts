/** The Chromium driver: Debian's /usr/bin/chromium via playwright-core, the built extension loaded. */
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ACTIVE_TAB_ID, pollUntil, screenshotPath, unwrapValue, wrapExpression } from './common.ts';
import { FIXTURE_HOSTS } from './hosts.ts';
import { BROWSER_BINARIES } from './paths.ts';
import type { ExtensionSession, LaunchOptions, Tab } from './types.ts';

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

  async newTab(url: string): Promise<Tab> {
    const page = await this.context.newPage();
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
}
