/** Pieces both drivers share: the expression wrapper, polling and screenshot paths. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS_DIR } from './paths.ts';
import type { BrowserName } from './types.ts';

/**
 * Wraps a test's expression so both drivers evaluate it the same way: `ext` bound to the extension
 * API, promises awaited, the value returned as JSON text (so only plain data crosses).
 */
export function wrapExpression(expr: string): string {
  return `(async () => {
    globalThis.ext ??= globalThis.browser ?? globalThis.chrome;
    const value = await (${expr});
    return JSON.stringify({ value });
  })()`;
}

export function unwrapValue<T>(json: unknown): T {
  if (typeof json !== 'string') throw new Error(`expected JSON text from the page, got ${typeof json}`);
  return (JSON.parse(json) as { value: T }).value;
}

export async function pollUntil<T>(
  probe: () => Promise<T | null | undefined>,
  what: string,
  timeoutMs = 10_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function screenshotPath(browser: BrowserName, name: string): string {
  const dir = join(SCREENSHOTS_DIR, browser);
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
}

/**
 * The extension's id for the active tab. Drivers activate the wanted tab first: tabs.query hides the
 * URL of tabs on hosts without host permission (Chromium does not count content-script matches).
 */
export const ACTIVE_TAB_ID = `ext.tabs.query({ active: true, lastFocusedWindow: true }).then(([t]) => t?.id ?? null)`;
