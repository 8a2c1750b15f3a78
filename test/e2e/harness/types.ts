/** The driver API shared by both browsers. Everything is string-expression based (see README.md). */
import type { Key } from './input.ts';

export type { Key } from './input.ts';
export type BrowserName = 'chromium' | 'firefox';
export type ColorScheme = 'light' | 'dark';

export interface LaunchOptions {
  /** `prefers-color-scheme` for every page of the session (default light). */
  colorScheme?: ColorScheme;
  /**
   * Firefox only: extra prefs written into the profile's user.js (after the harness's own, so they
   * win), e.g. `{ 'extensions.webextOptionalPermissionPrompts': false }` to auto-grant
   * permissions.request. Chromium has no equivalent and ignores them.
   */
  prefs?: Record<string, string | number | boolean>;
  /**
   * A directory kept across launches (the caller creates and removes it): the browser profile and the
   * copy of the build live there, so a second `launch()` on it is a restart of the same browser
   * profile with the same extension id/UUID and its storage. Without it every launch is fresh.
   */
  profileDir?: string;
  /**
   * Chromium only: false opens a real window (`npm start` does when a display is present). Default
   * true; the E2E suites always run headless.
   */
  headless?: boolean;
}

export interface ScreenshotOptions {
  /** The whole scrollable page rather than the viewport. */
  fullPage?: boolean;
  /** Crop to this element's box. */
  selector?: string;
}

export interface Tab {
  readonly url: () => Promise<string>;
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /**
   * Evaluates a JS expression in the page (awaits promises) and returns its JSON round trip.
   * `ext` is bound to `browser` (Firefox) or `chrome` (Chromium), so extension pages can use `ext.*`.
   */
  eval<T>(expr: string): Promise<T>;
  /** Polls `expr` until it is truthy and returns that value; throws after timeoutMs (default 10 s). */
  waitFor<T>(expr: string, opts?: { timeoutMs?: number }): Promise<T>;
  /** A real pointer click at the element's centre (scrolled into view). */
  click(selector: string): Promise<void>;
  /** Focuses the element and types with real key events (input events that preact's onInput sees). */
  type(selector: string, text: string): Promise<void>;
  /** Sets the files of an `<input type=file>` (dispatches input/change). */
  setFiles(selector: string, paths: string[]): Promise<void>;
  hover(selector: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Writes artifacts/screenshots/<browser>/<name>.png and returns its path. */
  screenshot(name: string, opts?: ScreenshotOptions): Promise<string>;
  close(): Promise<void>;
  // --- Input and closed shadow roots (added for the overlay's tests) ---
  /** Presses one key with real key events in the focused element (Shift held when asked). */
  press(key: Key, opts?: { shift?: boolean }): Promise<void>;
  /** A real pointer click at viewport coordinates (CSS px), whatever element is there. */
  clickAt(x: number, y: number): Promise<void>;
  /** A real press, move in `steps` and release, with the mouse or a finger (touch). */
  drag(
    from: { x: number; y: number },
    to: { x: number; y: number },
    opts?: { pointer?: 'mouse' | 'touch'; steps?: number },
  ): Promise<void>;
  /**
   * Evaluates `fn`, a function expression's source taking the CLOSED shadow root of the first element
   * matching `hostSelector` (e.g. `(root) => root.textContent`), and returns its JSON round trip. The
   * page itself cannot do this; the harness reaches in as DevTools does (Chromium: CDP DOM with
   * pierce; Firefox: BiDi serialization with includeShadowTree 'all').
   */
  shadowEval<T>(hostSelector: string, fn: string): Promise<T>;
}

export interface ExtensionSession {
  readonly browser: BrowserName;
  /** The fixture server's port (URLs must carry it unless it is 443). */
  readonly port: number;
  /** `chrome-extension://<id>/<path>` or `moz-extension://<uuid>/<path>`. */
  extUrl(path: string): string;
  /** `https://<host>:<port><path>`, served from test/fixtures/pages/<host>/. */
  fixtureUrl(host: string, path: string): string;
  /** Opens a new tab, navigates to `url` and waits for its load event. */
  newTab(url: string): Promise<Tab>;
  /** Evaluates in a hidden extension page (same as `Tab.eval`; `ext.*` is the extension API). */
  extEval<T>(expr: string): Promise<T>;
  /** The browser tab id (as `ext.tabs` sees it) of the first tab whose URL starts with the prefix. */
  tabIdOf(urlPrefix: string, opts?: { timeoutMs?: number }): Promise<number>;
  /**
   * Clicks the extension's toolbar button for the tab at `urlPrefix` (made active first), with the
   * browser's own effects: activeTab on that tab (the extension may read its URL and script it until
   * it navigates) and the real popup opening (not driven by the harness). Chromium: CDP
   * `Extensions.triggerAction`; Firefox: the action's `triggerAction` from a chrome-scope BiDi script.
   */
  triggerAction(urlPrefix: string): Promise<void>;
  /**
   * Stops the extension's background the way the browser does when it is idle (Chromium: closes the
   * service worker's target; Firefox: terminates the event page, as about:debugging's "Terminate
   * background script"). The next message or event starts a new instance.
   */
  stopBackground(): Promise<void>;
  /**
   * Grants an optional host permission the way the user can outside the extension, with no prompt.
   * Chromium: chrome://extensions' own API (`developerPrivate.addHostPermission`, what its "Site
   * access" setting does) records it as granted by the user; the extension's next
   * `permissions.request` for it then resolves true without a prompt (`contains` stays false until
   * that request). Firefox: `ExtensionPermissions.add` (what about:addons' Permissions tab does);
   * granted at once. A test-only path: the shipped extension cannot do this.
   */
  grantFromBrowserUi(origin: string): Promise<void>;
  /**
   * Presses a keyboard shortcut ("Alt+Shift+G") at the browser level on the tab at `urlPrefix` (made
   * active first), the way the user runs an extension's manifest command: Chromium: CDP rawKeyDown
   * with the key's virtual key code, which goes through the browser's accelerators; Firefox: a
   * trusted key event from nsITextInputProcessor in the browser window, which its <key> elements
   * (the commands' shortcuts) handle.
   */
  pressShortcut(urlPrefix: string, shortcut: string): Promise<void>;
  /**
   * Switches `prefers-color-scheme` for every page of the session, now and later (no relaunch).
   * Chromium: Playwright's emulateMedia on each page; Firefox: the content-override pref.
   */
  setColorScheme(scheme: ColorScheme): Promise<void>;
  /**
   * Firefox only (absent in Chromium, whose notification UI no test API can reach): puts a recorder in
   * place of the browser's desktop-notification service, so a test reads what the browser was asked
   * to show and clicks it as the desktop would (the alert's `alertclickcallback`, which fires the
   * extension's notifications.onClicked). Headless Firefox otherwise ends every notification at once.
   * Call it before the extension shows one.
   */
  recordNotifications?(): Promise<NotificationRecorder>;
  close(): Promise<void>;
}

export interface NotificationRecorder {
  /** What the browser was asked to show: the notification id (`name`), title and message (`text`). */
  shown(): Promise<{ name: string; title: string; text: string }[]>;
  /** Clicks the notification with this id. */
  click(name: string): Promise<void>;
}
