// @vitest-environment happy-dom
/**
 * The reader's flush scheduling (issue 10.9): a price change after a quiet spell is reported at once
 * (leading edge), while a busy page still gets at most one report per report gap (issue 9), and the
 * slow poll's flushes, which report nothing on a quiet page, do not hold the next change back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Locator } from '../../src/content/locate.ts';
import { type ReaderReport, startReader } from '../../src/content/reader.ts';
import { flushGate } from '../../src/content/reader-gate.ts';
import { advanceFakeClock, countObserverCalls, windowTimers } from './fixture-window.ts';

describe('flushGate', () => {
  it('lets the first flush run at once', () => {
    expect(flushGate(500, 100).wait(1_000)).toBe(0);
  });

  it('holds the flush after a report back until the report gap has passed since it', () => {
    const g = flushGate(500, 100);
    g.ran(1_000, true, false);
    expect(g.wait(1_001)).toBe(499);
    expect(g.wait(1_400)).toBe(100);
    expect(g.wait(1_500)).toBe(0);
    expect(g.wait(9_000)).toBe(0);
  });

  it('holds the flush after one that reported nothing back only by the idle gap', () => {
    const g = flushGate(500, 100);
    g.ran(1_000, true, false);
    g.ran(1_500, false, false); // e.g. the poll, on a quiet page
    expect(g.wait(1_550)).toBe(50);
    expect(g.wait(1_600)).toBe(0);
  });

  it('keeps the report gap while the price element is still being searched for', () => {
    const g = flushGate(500, 100);
    g.ran(1_000, false, true);
    expect(g.wait(1_100)).toBe(400);
  });

  it('never waits longer after a quiet flush than after a report', () => {
    const g = flushGate(20, 100);
    g.ran(1_000, false, false);
    expect(g.wait(1_000)).toBe(20);
  });
});

describe('startReader scheduling (fake clock)', () => {
  let stop: AbortController;
  let price: HTMLElement;
  let reports: { at: number; r: ReaderReport }[];
  /** The symbol comes from no node (as from the address): only a flush sees it change. */
  let symbol = 'SPX';
  const locator: Locator = {
    method: 'adapter',
    site: 'test',
    findSymbol: () => ({ node: null, confidence: 0.9, read: () => symbol }),
    findPrice: () => ({ node: price, confidence: 0.9, read: () => price.textContent }),
  };
  const advance = advanceFakeClock;
  const setPrice = (text: string) => {
    price.textContent = text;
  };

  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
      now: 1_000_000,
    });
    symbol = 'SPX';
    document.body.innerHTML = '';
    price = document.createElement('span');
    price.textContent = '4,500.00';
    document.body.append(price);
    reports = [];
    stop = new AbortController();
    startReader(document, locator, {
      signal: stop.signal,
      onReport: (r) => reports.push({ at: Date.now(), r }),
      pollMs: 1_500,
      timers: windowTimers,
    });
  });
  afterEach(() => {
    stop.abort();
    vi.useRealTimers();
  });

  it('reports a change after a quiet spell at once, though the poll flushed just before', async () => {
    expect(reports.map((x) => x.r.price)).toEqual([4500]);
    await advance(1_500); // the poll's flush: nothing changed, nothing reported
    expect(reports).toHaveLength(1);
    await advance(150); // then the page ticks
    const t = Date.now();
    setPrice('4,510.00');
    await advance(0);
    expect(reports.map((x) => x.r.price)).toEqual([4500, 4510]);
    expect(reports[1]!.at).toBe(t);
  });

  it('sends at most one report per 500 ms on a page ticking 20 times a second, and the last price', async () => {
    const start = Date.now();
    for (let i = 1; i <= 40; i++) {
      setPrice(`4,5${String(i).padStart(2, '0')}.25`);
      await advance(50);
    }
    await advance(600);
    const sent = reports.filter((x) => x.at >= start);
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(500);
    expect(sent.length).toBeLessThanOrEqual(Math.floor((Date.now() - start) / 500) + 1);
    expect(reports.at(-1)!.r.price).toBe(4540.25);
  });

  it('reports the first change after the report gap at once, and a change within it at its end', async () => {
    await advance(600);
    setPrice('4,501.00');
    await advance(0);
    const first = reports.at(-1)!;
    expect(first.r.price).toBe(4501);
    await advance(200);
    setPrice('4,502.00');
    await advance(0);
    expect(reports.at(-1)!.r.price).toBe(4501); // held back: within 500 ms of the last report
    await advance(299);
    expect(reports.at(-1)!.r.price).toBe(4501);
    await advance(1);
    expect(reports.at(-1)).toMatchObject({ at: first.at + 500, r: { price: 4502 } });
  });

  it('reads on one interval while the page ticks, its observers and poll off, and watches again once it is quiet', async () => {
    // Count the reader's observer calls: a new reader on the same page, in a window whose
    // MutationObserver counts.
    stop.abort();
    const woken = countObserverCalls(window);
    stop = new AbortController();
    reports = [];
    try {
      startReader(document, locator, {
        signal: stop.signal,
        onReport: (r) => reports.push({ at: Date.now(), r }),
        pollMs: 60_000,
        timers: windowTimers,
      });
    } finally {
      woken.restore();
    }
    await advance(600); // the flush after the first report finds nothing new: observers on
    const start = Date.now();
    // Count the timer calls too: one interval for the whole run of ticks, no timer per flush.
    const timers = { set: 0, clear: 0, interval: 0 };
    const spies = [
      vi.spyOn(globalThis, 'setTimeout').mockName('setTimeout'),
      vi.spyOn(globalThis, 'clearTimeout'),
      vi.spyOn(globalThis, 'setInterval'),
    ];
    try {
      for (let i = 1; i <= 60; i++) {
        setPrice(`4,6${String(i).padStart(2, '0')}.25`);
        await advance(50);
      }
    } finally {
      [timers.set, timers.clear, timers.interval] = spies.map((s) => s.mock.calls.length);
      for (const s of spies) s.mockRestore();
    }
    const sent = reports.filter((x) => x.at >= start);
    // Three seconds of ticking: a report every 500 ms, and the observers woke once (the first tick).
    expect(sent.length).toBeGreaterThanOrEqual(6);
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBe(500);
    expect(woken.calls).toBe(1);
    expect(timers).toEqual({ set: 0, clear: 1, interval: 1 }); // the poll cleared, one interval
    // The page goes quiet: one more flush reads the last price, the next finds nothing new and the
    // observers come back, so a change after the quiet spell is read at once.
    await advance(2_000);
    expect(reports.at(-1)!.r.price).toBe(4660.25);
    const t = Date.now();
    setPrice('4,700.00');
    await advance(0);
    expect(reports.at(-1)).toMatchObject({ at: t, r: { price: 4700 } });
    expect(woken.calls).toBe(2);
  });

  it('polls again once a ticking page goes quiet: a change no observer sees is read within the poll', async () => {
    for (let i = 1; i <= 40; i++) {
      setPrice(`4,6${String(i).padStart(2, '0')}.25`);
      await advance(50);
    }
    await advance(1_000); // quiet: the interval's last flush finds nothing new, observers and poll back
    const t = Date.now();
    symbol = 'NDX'; // no DOM change
    await advance(1_500);
    const seen = reports.find((x) => x.r.symbol === 'NDX');
    expect(seen).toBeDefined();
    expect(seen!.at - t).toBeLessThanOrEqual(1_500);
  });
});
