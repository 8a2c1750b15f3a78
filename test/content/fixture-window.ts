/** Loads a fixture page into its own happy-dom window with its inline scripts running (hz=0: manual ticks). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { vi } from 'vitest';
import type { Timers } from '../../src/content/timers.ts';

export interface FixtureHooks {
  price: number;
  symbol: string;
  history: number[];
  tick(next?: number): number;
  switchSymbol(symbol: string, price: number, delayMs?: number): Promise<number>;
}

export interface LoadedFixture {
  window: Window;
  document: Document;
  fixture: FixtureHooks;
  close(): Promise<void>;
}

const PAGES = join(import.meta.dirname, '../fixtures/pages');
const DRIVER_TAG = '</script>\n<script src="/_shared/fixture-driver.js"></script>';
// Appended to the page's own script: happy-dom does not share one classic script's top-level
// `const`s with the next, as browsers do.
const DRIVER = `${readFileSync(join(PAGES, '_shared/fixture-driver.js'), 'utf8')}</script>`;

export function loadFixture(file: string, url: string): LoadedFixture {
  const window = new Window({
    url,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  } as ConstructorParameters<typeof Window>[0]);
  // happy-dom fetches nothing here: the shared driver goes in inline.
  window.document.write(readFileSync(join(PAGES, file), 'utf8').replace(DRIVER_TAG, DRIVER));
  const document = window.document as unknown as Document;
  return {
    window,
    document,
    fixture: (window as unknown as { fixture: FixtureHooks }).fixture,
    close: () => window.happyDOM.close(),
  };
}

export const settle = (ms = 5) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Makes `win`'s MutationObserver count its callbacks (for observers made from now on); `restore()`
 * puts the real one back.
 */
export function countObserverCalls(win: { MutationObserver: typeof MutationObserver }): {
  readonly calls: number;
  restore(): void;
} {
  const Real = win.MutationObserver;
  const counter = {
    calls: 0,
    restore: () => {
      win.MutationObserver = Real;
    },
  };
  win.MutationObserver = class extends Real {
    constructor(callback: MutationCallback) {
      super((records, observer) => {
        counter.calls++;
        callback(records, observer);
      });
    }
  };
  return counter;
}

/** Under vitest's fake timers: lets a MutationObserver deliver (a microtask), then the clock run `ms`. */
export async function advanceFakeClock(ms: number): Promise<void> {
  await Promise.resolve();
  await new Promise<void>((ok) => queueMicrotask(ok));
  await vi.advanceTimersByTimeAsync(ms);
}

/**
 * The window's own timers for the reader and the overlay, looked up at each call so that vitest's fake
 * timers apply (their default, ../../src/content/timers.ts, runs on AbortSignal.timeout, which the
 * fake clock does not drive).
 */
export const windowTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (h) => globalThis.clearInterval(h as ReturnType<typeof setInterval>),
};
