// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { genericLocator } from '../../src/content/generic.ts';
import { isHashedClass, priceElementAt, selectorsFor } from '../../src/content/picker/selectors.ts';
import { type ReaderReport, startReader } from '../../src/content/reader.ts';
import { type LoadedFixture, loadFixture, settle } from './fixture-window.ts';

let page: LoadedFixture | undefined;
afterEach(async () => {
  await page?.close();
});

describe('the generic detector', () => {
  it('finds the value next to a "Last" label and the ticker in the heading, as a low-confidence guess', async () => {
    page = loadFixture(
      'www.marketwatch.com/tools/quote.html',
      'https://www.marketwatch.com/tools/quote?hz=0',
    );
    const reports: ReaderReport[] = [];
    const ctl = new AbortController();
    startReader(page.document, genericLocator(page.document, 'www.marketwatch.com'), {
      signal: ctl.signal,
      onReport: (r) => reports.push(r),
      minGapMs: 0,
    });
    // The scan goes in slices of at most 12 ms: on a busy machine the first pass can take several.
    for (let i = 0; i < 100 && reports.at(-1)?.price !== 512.34; i++) await settle(20);
    expect(reports.at(-1)).toMatchObject({ symbol: 'SPY', price: 512.34 });
    expect(reports.at(-1)!.confidence).toBeLessThanOrEqual(0.6);
    const p = page.fixture.tick();
    await settle();
    expect(reports.at(-1)).toMatchObject({ price: p });
    ctl.abort();
  });

  it('reports nothing on a page without any price-like structure', async () => {
    page = loadFixture('www.cnbc.com/pick/index.html', 'https://www.cnbc.com/pick/?hz=0');
    const reports: ReaderReport[] = [];
    const ctl = new AbortController();
    const locator = genericLocator(page.document, 'www.cnbc.com');
    startReader(page.document, locator, { signal: ctl.signal, onReport: (r) => reports.push(r) });
    // Until its first pass over the page is over (slices of at most 8 ms).
    for (let i = 0; i < 100 && (i === 0 || locator.scanning?.()); i++) await settle(20);
    expect(locator.scanning?.()).toBe(false);
    expect(reports.filter((r) => r.price !== null)).toEqual([]);
    ctl.abort();
  });
});

describe('picker selectors', () => {
  it('tells CSS-module hashes from semantic class names', () => {
    expect(isHashedClass('valueValue-l31H9iuA')).toBe(true);
    expect(isHashedClass('last-KLji300y')).toBe(true);
    expect(isHashedClass('css-1akpx1n')).toBe(true);
    expect(isHashedClass('QuoteStrip-lastPrice')).toBe(false);
    expect(isHashedClass('intraday__price')).toBe(false);
  });

  it('climbs from a <sup> digit to the whole price', () => {
    page = loadFixture(
      'www.tradingview.com/symbols/FX-USDJPY.html',
      'https://www.tradingview.com/symbols/FX-USDJPY/?hz=0',
    );
    const host = page.document.querySelector('.js-symbol-last')!;
    host.append(page.document.createElement('span'));
    host.firstElementChild!.append('150.12', page.document.createElement('sup'));
    host.querySelector('sup')!.textContent = '3';
    expect(priceElementAt(host.querySelector('sup'))?.textContent).toBe('150.123');
  });

  it('builds unique selectors that survive a re-render of the price node', async () => {
    page = loadFixture('www.cnbc.com/pick/index.html', 'https://www.cnbc.com/pick/?hz=0');
    const el = page.document.querySelector('.num-Qq83Lm')!;
    const selectors = selectorsFor(page.document, el);
    expect(selectors.length).toBeGreaterThan(0);
    for (const s of selectors) expect(page.document.querySelectorAll(s)).toHaveLength(1);
    for (let i = 0; i < 3; i++) page.fixture.tick(); // the third tick replaces the node
    await settle();
    const now = page.document.querySelector(selectors[0]!);
    expect(now).not.toBe(el);
    expect(now?.textContent).toBe(page.fixture.price.toFixed(2));
  });

  it('prefers stable data attributes when the element has them', () => {
    page = loadFixture('de.investing.com/equities.html', 'https://de.investing.com/equities/x?hz=0');
    const el = page.document.querySelector('[data-test="instrument-price-last"]')!;
    expect(selectorsFor(page.document, el)[0]).toBe('div[data-test="instrument-price-last"]');
  });
});
