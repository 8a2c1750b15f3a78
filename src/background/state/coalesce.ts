/**
 * Per-tab coalescing of live updates: while one update of a tab runs, any number of further requests
 * become ONE more run after it, which reads the tab's state as it is then — the latest report wins,
 * the ones in between are never evaluated (issue 9: a page ticking 20 times a second queued every
 * report, unbounded). Callers get a promise that settles when an update that saw their report is done.
 */
interface Run {
  again: boolean;
  done: Promise<void>;
}

const running = new Map<number, Run>();

export function coalesce(tabId: number, job: () => Promise<unknown>): Promise<void> {
  const current = running.get(tabId);
  if (current) {
    current.again = true;
    return current.done;
  }
  const run: Run = { again: false, done: Promise.resolve() };
  run.done = (async () => {
    try {
      do {
        run.again = false;
        await job().catch(() => undefined); // the tab may have closed meanwhile
      } while (run.again && running.get(tabId) === run);
    } finally {
      if (running.get(tabId) === run) running.delete(tabId);
    }
  })();
  running.set(tabId, run);
  return run.done;
}

/** Stops a closed tab's pending rerun (a run in progress finishes on its own). */
export const forgetCoalesced = (tabId: number): boolean => running.delete(tabId);

/** Tabs with an update in flight (tests: nothing is left behind). */
export const coalescing = (): number => running.size;
