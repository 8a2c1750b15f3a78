/**
 * Keys and shortcuts both drivers press: WebDriver key values for Firefox's BiDi
 * (https://w3c.github.io/webdriver/#keyboard-actions), Playwright names and Windows virtual key
 * codes for Chromium (CDP Input.dispatchKeyEvent reaches the browser's own accelerators, which is
 * what runs an extension's manifest command, only with `rawKeyDown` and a windowsVirtualKeyCode:
 * tried 2026-11, Playwright's keyboard.press did not fire the command).
 */
export type Key = 'Enter' | 'Escape' | 'Space' | 'Tab' | 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

export const WEBDRIVER_KEYS: Record<Key | 'Shift' | 'Alt' | 'Control' | 'Meta', string> = {
  Enter: '\uE007',
  Escape: '\uE00C',
  Space: ' ',
  Tab: '\uE004',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Meta: '\uE03D',
};

export interface Shortcut {
  alt: boolean;
  ctrl: boolean;
  shift: boolean;
  meta: boolean;
  /** The letter or digit, upper case. */
  key: string;
}

/** "Alt+Shift+G" (the manifest's suggested_key form) → its parts. */
export function parseShortcut(text: string): Shortcut {
  const parts = text.split('+').map((p) => p.trim());
  const key = parts.pop()?.toUpperCase() ?? '';
  if (!/^[A-Z0-9]$/.test(key)) throw new Error(`unsupported shortcut key in ${text}`);
  const has = (m: string) => parts.some((p) => p.toLowerCase() === m);
  return {
    alt: has('alt'),
    ctrl: has('ctrl'),
    shift: has('shift'),
    meta: has('command') || has('meta'),
    key,
  };
}

/** CDP modifier bits: Alt 1, Ctrl 2, Meta 4, Shift 8. */
export const cdpModifiers = (s: Shortcut) =>
  (s.alt ? 1 : 0) | (s.ctrl ? 2 : 0) | (s.meta ? 4 : 0) | (s.shift ? 8 : 0);

/** `code` of a letter or digit key ("KeyG", "Digit1"). */
export const keyCode = (key: string) => (/[0-9]/.test(key) ? `Digit${key}` : `Key${key}`);
