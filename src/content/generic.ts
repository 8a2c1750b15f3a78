/**
 * Heuristic price finder for pages without an adapter (thinkorswim web, Schwab, tastytrade, Webull,
 * Robinhood, Barchart…; broker-pages.md §12–14, §20 found no public selectors for them). Candidates,
 * most trustworthy first: test/streaming data attributes, "last price" class names, a "Last" label's
 * neighbour, price-like text next to the symbol heading, a price in document.title. Every result is a
 * guess: confidence ≤ 0.6, and the popup says so.
 */
import { parsePriceText } from '../core/price-text.ts';
import type { Source } from './adapters/types.ts';
import { type Locator, normalizeSymbol, sourceLocator, type Target, targetOf } from './locate.ts';

const SYMBOL_SOURCES: Source[] = [
  { url: /[?&]symbol=(?:[^&:]*:)?([^&#]+)/i },
  {
    url: /\/(?:quote|quotes|stocks|stock|symbols?|instrument|charts?)\/([A-Za-z0-9.^=_-]{1,20})(?:[/:?#]|$)/i,
  },
  { css: 'h1', re: /\(([A-Z0-9.^=/-]{1,12})\)\s*$/ },
  { css: 'title', re: /^([A-Z][A-Z0-9.\-/]{0,9})(?=[\s:|—-])/ },
];

const PRICE_SOURCES: Source[] = [
  // Unformatted numbers that quote widgets expose for their own scripts.
  { css: '[data-last-price]', attr: 'data-last-price', confidence: 0.6 },
  { css: '[fix="31"]', confidence: 0.6 },
  {
    css: '[data-testid*="last-price" i], [data-test*="last-price" i], [data-test-id*="last-price" i]',
    confidence: 0.6,
  },
  {
    css: '[data-testid*="lastprice" i], [data-field*="lastprice" i], [data-field="last" i]',
    confidence: 0.55,
  },
  // Semantic class names ("last-price", "lastPrice", "last_price").
  { css: '[class*="last-price" i], [class*="lastprice" i], [class*="last_price" i]', confidence: 0.5 },
];

const LABEL = /^(last|last price|last trade|last sale|price|mark)\s*:?$/i;
const PRICE_LIKE = /^[\s$€£¥₹+-]*\d[\d.,\s\u00A0\u202F']*[.,]\d{1,6}\s*[A-Za-z]{0,3}$/;
const MAX_TEXT_NODES = 4000;
const RESCAN_MS = 2000;

function parses(text: string | null | undefined): boolean {
  const p = text ? parsePriceText(text) : null;
  return p !== null && p.value > 0;
}

/** The element right after a "Last"-style label (same row), if it holds a number. */
function byLabel(doc: Document): Target | null {
  if (!doc.body) return null;
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let i = 0, n = walker.nextNode(); n && i < MAX_TEXT_NODES; i++, n = walker.nextNode()) {
    if (!LABEL.test(n.nodeValue ?? '')) continue;
    const label = n.parentElement;
    const value = label?.nextElementSibling;
    if (value && parses(value.textContent)) {
      const confidence = /^last/i.test(n.nodeValue?.trim() ?? '') ? 0.5 : 0.4;
      return { node: value, confidence, read: () => value.textContent?.trim() ?? null };
    }
  }
  return null;
}

/** A leaf whose whole text looks like a price, in the block around the symbol's heading. */
function nearSymbol(doc: Document, symbol: string | null): Target | null {
  if (!symbol) return null;
  const heading = [...doc.querySelectorAll('h1, h2, [class*="symbol" i]')].find((h) =>
    (h.textContent ?? '').toUpperCase().includes(symbol),
  );
  for (let scope = heading?.parentElement, up = 0; scope && up < 3; scope = scope.parentElement, up++) {
    for (const el of scope.querySelectorAll('span, div, strong, b, td, p')) {
      if (el.childElementCount > 1) continue;
      const text = el.textContent ?? '';
      if (text.length <= 24 && PRICE_LIKE.test(text) && parses(text)) {
        return { node: el, confidence: 0.4, read: () => el.textContent?.trim() ?? null };
      }
    }
  }
  return null;
}

export function genericLocator(doc: Document, site: string): Locator {
  const symbols = sourceLocator(doc, { method: 'generic', site, symbol: SYMBOL_SOURCES, price: [] });
  const title = {
    css: 'title',
    re: /(?:^|\s)\$?(\d{1,3}(?:[,\u202F\u00A0']\d{3})*[.,]\d{2,6})(?=\s|$)/,
    confidence: 0.35,
  };
  let cached: Target | null = null;
  let lastScan = Number.NEGATIVE_INFINITY;
  return {
    method: 'generic',
    site,
    findSymbol: () => symbols.findSymbol(),
    findPrice(symbol) {
      if (cached && (cached.node === null || cached.node.isConnected) && parses(cached.read())) return cached;
      const now = Date.now();
      if (now - lastScan < RESCAN_MS) return null; // a full scan is not cheap: at most every 2 s
      lastScan = now;
      const sym = normalizeSymbol(symbol);
      cached = null;
      for (const src of PRICE_SOURCES) {
        const t = targetOf(doc, src, sym);
        if (t && parses(t.read())) {
          cached = t;
          return t;
        }
      }
      cached = byLabel(doc) ?? nearSymbol(doc, sym);
      if (!cached) {
        const t = targetOf(doc, title, sym);
        cached = t && parses(t.read()) ? t : null;
      }
      return cached;
    },
  };
}
