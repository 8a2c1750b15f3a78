/**
 * Timers the page cannot clear. A content script shares its window's timer ids with the page, so a
 * page that clears every id it can count (`for (let id = 1; id < 1e4; id++) clearInterval(id)`, a
 * known pattern) cleared the reader's too. While a page ticks, the reader's observers are off and its
 * interval is what reads the next price: with that interval cleared it never read again, and the
 * overlay kept showing the old price's verdict (found by worker-restart.e2e.ts, which freezes its page
 * that way). AbortSignal.timeout's timer has no id the page could pass to clearTimeout.
 *
 * Same shape as the window's functions, so tests can pass the (faked) global ones instead.
 */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

interface Handle {
  live: boolean;
}

function after(ms: number, fn: () => void): void {
  AbortSignal.timeout(Math.max(0, Math.round(ms))).addEventListener('abort', fn, { once: true });
}

const stop = (handle: unknown) => {
  if (handle) (handle as Handle).live = false;
};

export const pageProofTimers: Timers = {
  setTimeout(fn, ms) {
    const h: Handle = { live: true };
    after(ms, () => {
      if (!h.live) return;
      h.live = false;
      fn();
    });
    return h;
  },
  clearTimeout: stop,
  setInterval(fn, ms) {
    const h: Handle = { live: true };
    const tick = () => {
      if (!h.live) return;
      after(ms, tick);
      fn();
    };
    after(ms, tick);
    return h;
  },
  clearInterval: stop,
};
