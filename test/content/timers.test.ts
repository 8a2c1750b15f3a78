/**
 * The reader's and the overlay's timers (src/content/timers.ts): the window's semantics on
 * AbortSignal.timeout. That the page cannot clear them is shown in real browsers, where timer ids
 * are shared with the page (price-reading.e2e.ts clears every id). Real time, short delays.
 */
import { describe, expect, it } from 'vitest';
import { pageProofTimers as t } from '../../src/content/timers.ts';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe('pageProofTimers', () => {
  it('runs a timeout once, after its delay, unless it was cleared', async () => {
    const runs: number[] = [];
    const t0 = performance.now();
    t.setTimeout(() => runs.push(performance.now() - t0), 30);
    const cleared = t.setTimeout(() => runs.push(-1), 30);
    t.clearTimeout(cleared);
    t.clearTimeout(undefined); // as the window's: clearing nothing is fine
    for (let waited = 0; runs.length === 0 && waited < 5000; waited += 20) await sleep(20);
    await sleep(60); // the cleared one, due at the same time, never comes
    expect(runs).toHaveLength(1);
    expect(runs[0]).toBeGreaterThanOrEqual(25);
  });

  it('repeats an interval until it is cleared, also from inside its own callback', async () => {
    let n = 0;
    const h = t.setInterval(() => {
      n++;
      if (n === 3) t.clearInterval(h);
    }, 10);
    for (let waited = 0; n < 3 && waited < 5000; waited += 20) await sleep(20);
    await sleep(100); // cleared at 3: no fourth
    expect(n).toBe(3);
  });
});
