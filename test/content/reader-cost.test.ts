// @vitest-environment happy-dom
/**
 * What a flush may cost (issue 9.4): the reader looks over the whole page only at a pace set by what
 * that look costs, and otherwise only where the page changed; the generic detector scans in bounded
 * slices and backs off while it finds nothing; a malformed URL never stops the reader.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findAdapter } from '../../src/content/adapters/registry.ts';
import { genericLocator } from '../../src/content/generic.ts';
import { type Locator, normalizeSymbol, sourceLocator, type Target } from '../../src/content/locate.ts';
import { type ReaderOptions, type ReaderReport, startReader } from '../../src/content/reader.ts';
import {
  advanceFakeClock,
  countObserverCalls,
  type LoadedFixture,
  loadFixture,
  settle,
  windowTimers,
} from './fixture-window.ts';

let page: LoadedFixture | undefined;
let stop: AbortController | undefined;
afterEach(async () => {
  stop?.abort();
  await page?.close();
  page = undefined;
});

/** Starts the reader on `doc` (stopped after the test) and collects what it reports. */
function follow(doc: Document, locator: Locator, options: Partial<ReaderOptions> = {}): ReaderReport[] {
  const reports: ReaderReport[] = [];
  stop = new AbortController();
  startReader(doc, locator, {
    signal: stop.signal,
    onReport: (r) => reports.push(r),
    timers: windowTimers,
    ...options,
  });
  return reports;
}

/** The built-in adapter's locator for the page's address. */
function adapterLocator(doc: Document): Locator {
  const adapter = findAdapter(new URL(doc.location.href))!;
  return sourceLocator(doc, {
    method: 'adapter',
    site: adapter.id,
    symbol: adapter.symbol,
    price: adapter.price,
  });
}

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('a malformed URL', () => {
  it('does not stop the reader: the symbol is unknown, the price is still read', async () => {
    page = loadFixture(
      'www.google.com/finance/quote.html',
      'https://www.google.com/finance/quote/%E0%A4%A:NASDAQ?hz=0',
    );
    const reports = follow(page.document, adapterLocator(page.document), { minGapMs: 0 });
    await settle();
    expect(reports.at(-1)).toMatchObject({ symbol: null, price: 178.72 });
    const p = page.fixture.tick();
    await settle();
    expect(reports.at(-1)).toMatchObject({ price: p });
  });

  it('is no symbol for the generic detector either, which still finds the price', async () => {
    page = loadFixture(
      'www.example-broker.test/quote.html',
      'https://www.example-broker.test/quote/%E0%A4%A?hz=0',
    );
    const reports = follow(page.document, genericLocator(page.document, 'www.example-broker.test'), {
      minGapMs: 0,
    });
    // The scan goes in slices of at most 8 ms: on a busy machine the first pass can take several.
    for (let i = 0; i < 100 && reports.at(-1)?.price !== 101.25; i++) await settle(20);
    expect(reports.at(-1)).toMatchObject({ price: 101.25 });
  });

  it('normalizes only what the background would accept as a symbol', () => {
    expect(normalizeSymbol('%E0%A4%A')).toBeNull();
    expect(normalizeSymbol('NASDAQ%3AMSFT')).toBe('NASDAQ:MSFT');
    expect(normalizeSymbol('es1!')).toBe('ES1!');
    expect(normalizeSymbol('<script>')).toBeNull();
  });
});

describe('a flush on a page where the adapter’s price element is missing', () => {
  /** A locator that counts its looks; a full look costs `fullMs`. */
  function counting(doc: Document, fullMs: number) {
    const calls = { full: 0, within: 0 };
    const find = (within?: readonly Node[]): Target | null => {
      if (within) calls.within++;
      else {
        calls.full++;
        busy(fullMs);
      }
      const el = within
        ? within
            .map((n) => (n as Element).closest?.('#late') ?? (n as Element).querySelector?.('#late'))
            .find(Boolean)
        : doc.getElementById('late');
      return el ? { node: el, confidence: 0.9, read: () => el.textContent } : null;
    };
    const locator: Locator = {
      method: 'adapter',
      site: 'test',
      findSymbol: () => ({ node: null, confidence: 0.9, read: () => 'SPX' }),
      findPrice: (_s, _p, within) => find(within),
    };
    return { locator, calls };
  }

  it('looks over the whole page at most once per 200 × that look’s cost, and in between only where it changed', async () => {
    page = loadFixture(
      'www.example-broker.test/quote.html',
      'https://www.example-broker.test/quote/ACME?hz=0',
    );
    const doc = page.document;
    const { locator, calls } = counting(doc, 20); // 20 ms per full look → at most one per 4 s
    const reports = follow(doc, locator, { minGapMs: 20, pollMs: 50 });
    const t0 = Date.now();
    for (let i = 0; i < 20; i++) {
      doc.body.append(doc.createElement('div')); // the page keeps changing: a flush each time
      await settle(25);
    }
    const elapsed = Date.now() - t0;
    expect(calls.within).toBeGreaterThan(5);
    expect(calls.full).toBeLessThanOrEqual(1 + Math.ceil(elapsed / 4000));
    // The price element rendered late is found where the page changed, without a full look.
    const full = calls.full;
    const late = doc.createElement('span');
    late.id = 'late';
    late.textContent = '4,505.10';
    doc.body.append(late);
    for (let i = 0; i < 100 && reports.at(-1)?.price !== 4505.1; i++) await settle(20);
    expect(reports.at(-1)).toMatchObject({ symbol: 'SPX', price: 4505.1 });
    expect(calls.full).toBe(full);
  });

  it('still runs at most once a second on a page that changes every 25 ms', async () => {
    page = loadFixture(
      'www.example-broker.test/quote.html',
      'https://www.example-broker.test/quote/ACME?hz=0',
    );
    const doc = page.document;
    const { locator, calls } = counting(doc, 0);
    follow(doc, locator, { minGapMs: 20, pollMs: 50 });
    const t0 = Date.now();
    for (let i = 0; i < 60; i++) {
      doc.body.append(doc.createElement('div'));
      await settle(25);
    }
    const elapsed = Date.now() - t0;
    expect(calls.within).toBeGreaterThan(10);
    expect(calls.full).toBeGreaterThanOrEqual(1);
    expect(calls.full).toBeLessThanOrEqual(1 + Math.ceil(elapsed / 1000));
  });
});

describe('a page ticking fast that re-renders its price node every third tick', () => {
  it('wakes the reader about once per flush, not on every tick, and still follows every re-render', async () => {
    page = loadFixture('www.cnbc.com/quotes.html', 'https://www.cnbc.com/quotes/IBM?hz=0');
    const doc = page.document;
    // Count the calls of every MutationObserver the reader makes in this page's window.
    const woken = countObserverCalls(page.window as unknown as { MutationObserver: typeof MutationObserver });
    const inner = adapterLocator(doc);
    const looks = { full: 0, within: 0 };
    const locator: Locator = {
      ...inner,
      findPrice: (symbol, isPaused, within) => {
        if (within) looks.within++;
        else looks.full++;
        return inner.findPrice(symbol, isPaused, within);
      },
    };
    const reports = follow(doc, locator, { minGapMs: 150, pollMs: 60_000 });
    await settle();
    const start = reports.length;
    for (let i = 0; i < 30; i++) {
      page.fixture.tick(); // every third tick replaces the price element, as a React re-render does
      await settle(10);
    }
    await settle(300); // the flush due at the end of the last report gap
    const sent = reports.slice(start);
    // Each flush reads the price (it changed); after one, the first observer call says the next is due
    // and the observers rest until it runs (15 calls for 2 reports here when they did not).
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(woken.calls).toBeLessThanOrEqual(2 * sent.length + 2);
    // The re-rendered elements were found where the page changed, under the old element's ancestors.
    expect(looks.within).toBeGreaterThanOrEqual(1);
    expect(sent.every((r) => page!.fixture.history.includes(r.price!))).toBe(true);
    expect(sent.at(-1)).toMatchObject({ symbol: 'IBM', price: page.fixture.price });
  });
});

describe('the generic detector on a large page', () => {
  function bigPage(rows: number, last: string): LoadedFixture {
    const p = loadFixture('www.example-broker.test/index.html', 'https://www.example-broker.test/?hz=0');
    const doc = p.document;
    const frag = doc.createDocumentFragment();
    for (let i = 0; i < rows; i++) {
      const row = doc.createElement('div');
      row.className = `row r${i % 7}`;
      for (let j = 0; j < 4; j++)
        row.append(Object.assign(doc.createElement('span'), { textContent: `c${j}` }));
      frag.append(row);
    }
    doc.body.append(frag);
    if (last) doc.body.insertAdjacentHTML('beforeend', last);
    return p;
  }

  it('scans in bounded slices that resume where they stopped, and finds what a single scan would', () => {
    page = bigPage(
      1500,
      '<span class="quote-last-price">42.50</span><span data-last-price="42.75">42.75</span>',
    );
    let slices = 0;
    let t = 0;
    // Each look at the slice's clock advances it 1 ms: a slice of 1 ms walks 256 elements and yields.
    let clock = 0;
    const loc = genericLocator(page.document, 'www.example-broker.test', {
      now: () => t,
      sliceClock: () => clock++,
      sliceMs: 1,
    });
    let found: Target | null = null;
    while (!found && slices < 500) {
      slices++;
      found = loc.findPrice(null, () => false, []);
      t += 100;
    }
    expect(slices).toBeGreaterThan(1);
    // The data attribute outranks the class name, though it comes later in the page.
    expect(found?.read()).toBe('42.75');
    expect(found?.confidence).toBe(0.6);
  });

  it('counts its slice from the start of the caller’s flush: a flush already over budget walks only 256 elements', () => {
    page = bigPage(1500, '');
    const doc = page.document;
    let walked = 0;
    const walker = doc.createTreeWalker.bind(doc);
    doc.createTreeWalker = ((root: Node, what?: number) => {
      const w = walker(root, what);
      if (what !== 1) return w;
      const next = w.nextNode.bind(w);
      w.nextNode = () => {
        walked++;
        return next();
      };
      return w;
    }) as typeof doc.createTreeWalker;
    // The slice's clock stands still, so only the flush's start decides (not this host's speed).
    const clock = 1000;
    const loc = genericLocator(doc, 'www.example-broker.test', {
      now: () => 0,
      sliceClock: () => clock,
      sliceMs: 5,
    });
    // The flush spent 10 ms before it asked (a full symbol look on a huge page): progress, then yield.
    expect(loc.findPrice(null, () => false, [], clock - 10)).toBeNull();
    expect(loc.scanning?.()).toBe(true);
    expect(walked).toBe(256);
    // A fresh flush gets its whole slice: with time standing still, it walks the rest of the page.
    const before = walked;
    loc.findPrice(null, () => false, [], clock);
    expect(loc.scanning?.()).toBe(false);
    expect(walked - before).toBeGreaterThan(256);
  });

  it('backs off while it finds nothing: 2 s, then 4, 8 … up to a minute between passes', () => {
    page = bigPage(200, '');
    const doc = page.document;
    let t = 0;
    const passes: number[] = [];
    // A pass starts with an element walker (the label search walks text nodes).
    const walker = doc.createTreeWalker.bind(doc);
    doc.createTreeWalker = ((root: Node, what?: number) => {
      if (what === 1) passes.push(t);
      return walker(root, what);
    }) as typeof doc.createTreeWalker;
    const loc = genericLocator(doc, 'www.example-broker.test', { now: () => t, sliceMs: 60_000 }); // one call per pass
    for (; t < 400_000; t += 250) expect(loc.findPrice(null, () => false, [])).toBeNull();
    const gaps = passes.slice(1).map((p, i) => p - passes[i]!);
    expect(gaps.slice(0, 6)).toEqual([2000, 4000, 8000, 16000, 32000, 60000]);
    expect(Math.max(...gaps)).toBe(60_000);
  });
});

describe('full looks over the whole page while the sources stay the same (fake clock)', () => {
  let price: HTMLElement;
  let fullLooks: number[];
  let confidence: number;
  let found: boolean;
  let symbol: string;
  const locator: Locator = {
    method: 'adapter',
    site: 'test',
    findSymbol: () => ({ node: null, confidence: 0.9, read: () => symbol }),
    findPrice: (_symbol, _isPaused, within) => {
      if (!within) fullLooks.push(Date.now());
      return found ? { node: price, confidence, read: () => price.textContent } : null;
    },
  };
  /** The page ticks 20 times a second for `ms`. */
  const tick = async (ms: number) => {
    for (let t = 0; t < ms; t += 50) {
      price.textContent = `4,5${String(Math.floor(t / 50) % 100).padStart(2, '0')}.25`;
      await advanceFakeClock(50);
    }
  };
  const gaps = () => fullLooks.slice(1).map((t, i) => t - fullLooks[i]!);

  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
      now: 1_000_000,
    });
    document.body.innerHTML = '';
    price = document.createElement('span');
    price.textContent = '4,500.00';
    document.body.append(price);
    fullLooks = [];
    confidence = 0.8;
    found = true;
    symbol = 'SPX';
    follow(document, locator, { costClock: Date.now }); // the fake clock: every look costs 0 ms
  });
  afterEach(() => vi.useRealTimers());

  it('come 1, 2, 4, then every 8 s while they find what is followed, and once a second again after a better source', async () => {
    await tick(30_000);
    const expected = [1000, 2000, 4000, 8000, 8000];
    expect(gaps().length).toBe(expected.length);
    // A full look runs at the first flush after it is due (flushes come every 500 ms here).
    gaps().forEach((g, i) => {
      expect(g).toBeGreaterThanOrEqual(expected[i]!);
      expect(g).toBeLessThan(expected[i]! + 600);
    });
    // A better source appears: the next full look (at most ~8 s away) follows it, and the pace resets.
    confidence = 0.95;
    const before = fullLooks.length;
    await tick(12_000);
    const after = gaps().slice(before - 1);
    expect(after[0]).toBeLessThan(8600);
    expect(after[1]).toBeLessThan(1600);
    expect(after[2]).toBeGreaterThanOrEqual(2000);
  });

  it('start again once a second when the symbol changes (the page is changing)', async () => {
    await tick(16_000);
    expect(gaps().at(-1)).toBeGreaterThanOrEqual(8000);
    symbol = 'NDX';
    const before = fullLooks.length;
    await tick(4_000);
    const after = fullLooks.slice(before);
    // The look at the change, then one a second later, then two.
    expect(after.length).toBeGreaterThanOrEqual(3);
    expect(after[1]! - after[0]!).toBeLessThan(1600);
    expect(after[2]! - after[1]!).toBeGreaterThanOrEqual(2000);
  });

  it('stay once a second while no price is followed', async () => {
    stop?.abort();
    fullLooks = [];
    found = false;
    follow(document, locator, { costClock: Date.now });
    await tick(10_000);
    expect(gaps().length).toBeGreaterThanOrEqual(7);
    for (const g of gaps()) expect(g).toBeLessThan(1600);
  });
});

describe('a full look through an adapter’s sources on a page where each costs more than a slice', () => {
  /** Tradovate's sources; the page shows its price only in the third price source (the quote board). */
  const adapter = findAdapter(new URL('https://trader.tradovate.com/'))!;
  const inert = {
    setTimeout: () => 0,
    clearTimeout: () => {},
    setInterval: () => 0,
    clearInterval: () => {},
  };
  const BOARD = 'fixedDataTableRowLayout_rowWrapper';
  let clock: number;
  let perFlush: number[];
  let restore: () => void;
  let row: HTMLElement;

  /** Every whole-page querySelector costs `ms` on the reader's cost clock; looks are counted per flush. */
  function slowQueries(ms: number): void {
    const original = document.querySelector.bind(document);
    document.querySelector = ((css: string) => {
      clock += ms;
      perFlush[perFlush.length - 1]!++;
      return original(css);
    }) as typeof document.querySelector;
    restore = () => {
      // The stand-in is the document's own property: removing it brings back the prototype's method.
      delete (document as { querySelector?: unknown }).querySelector;
    };
  }

  function start(reports: ReaderReport[]): { flush(): void } {
    stop = new AbortController();
    perFlush = [0]; // startReader's own first flush
    const locator = sourceLocator(document, {
      method: 'adapter',
      site: adapter.id,
      symbol: adapter.symbol,
      price: adapter.price,
    });
    return startReader(document, locator, {
      signal: stop.signal,
      onReport: (r) => reports.push(r),
      timers: inert,
      minGapMs: 0,
      costClock: () => clock,
    });
  }

  /** `n` flushes one after another, each counted on its own. */
  function flushes(reader: { flush(): void }, n: number): void {
    for (let i = 0; i < n; i++) {
      perFlush.push(0);
      reader.flush();
    }
  }

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    clock = 0;
    document.body.innerHTML = '';
    // The quote board's row; its class (set by a test) is what the adapter's third price source needs.
    row = document.createElement('div');
    row.className = 'board-row';
    for (const text of ['ESZ6', '6,050.25']) {
      const cell = document.createElement('div');
      cell.className = 'public_fixedDataTableCell_cellContent';
      cell.textContent = text;
      row.append(cell);
    }
    document.body.append(row);
  });
  afterEach(() => {
    restore();
    vi.useRealTimers();
  });

  it('takes one source a flush when each costs 3 ms, and reads the price when it reaches it', () => {
    expect(adapter.symbol.length + adapter.price.length).toBe(6);
    slowQueries(3);
    const reports: ReaderReport[] = [];
    const reader = start(reports);
    expect(perFlush).toEqual([6]); // the first full look runs whole: a price is awaited
    // The board's class changes (no mutation the reader observes): only a full look can find it.
    row.className = BOARD;
    vi.setSystemTime(1_000_000 + 60_000); // past the next full look's turn
    perFlush = [];
    // Three symbol sources (none on the page), then the first two price sources: no price yet.
    flushes(reader, 5);
    expect(reports.filter((r) => r.price !== null)).toEqual([]);
    flushes(reader, 1); // the third price source: the quote board
    expect(perFlush).toEqual([1, 1, 1, 1, 1, 1]);
    expect(reports.at(-1)).toMatchObject({ symbol: null, price: 6050.25 });
    // The sweep ended (18 ms): the next full look waits its turn, the followed price needs no look.
    flushes(reader, 1);
    expect(perFlush.at(-1)).toBe(0);
  });

  it('takes every source in one flush where a look is cheap, as a whole full look would', () => {
    slowQueries(0);
    const reports: ReaderReport[] = [];
    const reader = start(reports);
    row.className = BOARD;
    vi.setSystemTime(1_000_000 + 60_000);
    flushes(reader, 1);
    expect(perFlush).toEqual([6, 6]);
    expect(reports.at(-1)).toMatchObject({ symbol: null, price: 6050.25 });
  });

  it('keeps a followed price that still reads when a later sweep finds none', () => {
    row.className = BOARD;
    slowQueries(3);
    const reports: ReaderReport[] = [];
    const reader = start(reports);
    expect(reports.at(-1)).toMatchObject({ price: 6050.25 });
    // The row is renamed: no source's selector finds the price any more, but the node the reader
    // follows is still in the page and still shows the price.
    row.className = 'board-row';
    vi.setSystemTime(1_000_000 + 60_000);
    perFlush = [];
    flushes(reader, 6);
    expect(perFlush).toEqual([1, 1, 1, 1, 1, 1]); // a whole sweep, nothing found
    row.lastElementChild!.textContent = '6,051.00';
    reader.flush();
    expect(reports.at(-1)).toMatchObject({ price: 6051 });
  });
});
