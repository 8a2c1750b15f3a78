/**
 * Heuristic price finder for pages without an adapter (thinkorswim web, Schwab, tastytrade, Webull,
 * Robinhood, Barchart…; broker-pages.md §12–14, §20 found no public selectors for them). Candidates,
 * most trustworthy first: test/streaming data attributes, "last price" class names, a "Last" label's
 * neighbour, price-like text next to the symbol heading, a price in document.title. Every result is a
 * guess: confidence ≤ 0.6, and the popup says so.
 *
 * The scan is bounded (issue 9.4: 230–550 ms on a 300,000-element page, every 2 s while it found
 * nothing). One walk over the elements checks every attribute and class candidate at once, in slices
 * of at most SLICE_MS, resumed on the next call; a pass that found nothing waits 2 s, then 4, 8 … up
 * to 60 s before the next. Between passes only the parts of the page that changed are looked at.
 * The reader leaves the pacing to this locator (`paced`).
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

/** The attribute and class candidates, most trustworthy first (checked together in one walk). */
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
const LAST_PRICE_CLASS = /last(?:-|_)?price/i;

/** Which PRICE_SOURCES entry an element matches (its attributes and class), or -1. */
function candidateOf(el: Element): number {
  let best = -1;
  const cls = el.getAttribute('class');
  if (cls !== null && LAST_PRICE_CLASS.test(cls)) best = 4;
  if (el.attributes.length <= (cls === null ? 0 : 1)) return best;
  for (const a of el.attributes) {
    const v = a.value.toLowerCase();
    let i = -1;
    if (a.name === 'data-last-price') i = 0;
    else if (a.name === 'fix') i = v === '31' ? 1 : -1;
    else if (a.name === 'data-testid' || a.name === 'data-test' || a.name === 'data-test-id')
      i = v.includes('last-price') ? 2 : a.name === 'data-testid' && v.includes('lastprice') ? 3 : -1;
    else if (a.name === 'data-field') i = v.includes('lastprice') || v === 'last' ? 3 : -1;
    if (i >= 0 && (best < 0 || i < best)) best = i;
  }
  return best;
}

const LABEL = /^(last|last price|last trade|last sale|price|mark)\s*:?$/i;
const PRICE_LIKE = /^[\s$€£¥₹+-]*\d[\d.,\s\u00A0\u202F']*[.,]\d{1,6}\s*[A-Za-z]{0,3}$/;
const MAX_TEXT_NODES = 4000;
/** Elements looked at around a symbol heading. */
const MAX_NEAR = 2000;
const SLICE_MS = 8;
/** Time kept in a slice for the label, heading and title checks that end a pass. */
const FINISH_MS = 4;
const FIRST_WAIT_MS = 2000;
const MAX_WAIT_MS = 60_000;

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
function nearSymbol(doc: Document, symbol: string | null, headings: Element[]): Target | null {
  if (!symbol) return null;
  const all = [...doc.getElementsByTagName('h1'), ...doc.getElementsByTagName('h2'), ...headings];
  const heading = all.find((h) => (h.textContent ?? '').toUpperCase().includes(symbol));
  for (let scope = heading?.parentElement, up = 0; scope && up < 3; scope = scope.parentElement, up++) {
    const near = scope.querySelectorAll('span, div, strong, b, td, p');
    for (let i = 0; i < near.length && i < MAX_NEAR; i++) {
      const el = near[i]!;
      if (el.childElementCount > 1) continue;
      const text = el.textContent ?? '';
      if (text.length <= 24 && PRICE_LIKE.test(text) && parses(text)) {
        return { node: el, confidence: 0.4, read: () => el.textContent?.trim() ?? null };
      }
    }
  }
  return null;
}

function targetFor(el: Element, i: number): Target | null {
  const src = PRICE_SOURCES[i]!;
  const attr = src.attr;
  const read = () => (attr ? el.getAttribute(attr) : el.textContent)?.trim() ?? null;
  return parses(read()) ? { node: el, attr, confidence: src.confidence ?? 0.5, read } : null;
}

export interface GenericOptions {
  /** Clock for the backoff (tests). */
  now?: () => number;
  /** Clock for the slice, performance.now() by default (tests: a slice independent of the host's speed). */
  sliceClock?: () => number;
  sliceMs?: number;
}

export function genericLocator(doc: Document, site: string, opts: GenericOptions = {}): Locator {
  const now = opts.now ?? Date.now;
  const sliceMs = opts.sliceMs ?? SLICE_MS;
  const sliceClock = opts.sliceClock ?? (() => performance.now());
  const symbols = sourceLocator(doc, { method: 'generic', site, symbol: SYMBOL_SOURCES, price: [] });
  const title: Source = {
    css: 'title',
    re: /(?:^|\s)\$?(\d{1,3}(?:[,\u202F\u00A0']\d{3})*[.,]\d{2,6})(?=\s|$)/,
    confidence: 0.35,
  };
  let cached: Target | null = null;
  let pass: { walker: TreeWalker; found: (Target | null)[]; headings: Element[]; walked: boolean } | null =
    null;
  let nextPassAt = 0;
  let misses = 0;

  /** Continues the pass for one slice; the result when the pass ends, undefined while it goes on. */
  function step(sym: string | null, startedAt: number): Target | null | undefined {
    const deadline = startedAt + sliceMs;
    if (!pass) {
      if (!doc.body) return null;
      pass = {
        walker: doc.createTreeWalker(doc.body, 1 /* SHOW_ELEMENT */),
        found: [],
        headings: [],
        walked: false,
      };
    }
    const p = pass;
    if (!p.walked) {
      // A node removed under the walker would end the walk early inside the removed subtree.
      if (!p.walker.currentNode.isConnected) {
        pass = null;
        return undefined;
      }
      for (let n = 0; ; n++) {
        if (n > 0 && (n & 255) === 0 && sliceClock() > deadline) return undefined; // progress first
        const el = p.walker.nextNode() as Element | null;
        if (!el) break;
        const i = candidateOf(el);
        if (i >= 0 && !p.found[i]) p.found[i] = targetFor(el, i);
        if (p.found[0]) break; // nothing can beat the top candidate
        if (p.headings.length < 20 && /symbol/i.test(el.getAttribute('class') ?? '')) p.headings.push(el);
      }
      p.walked = true;
      if (!p.found.some(Boolean) && deadline - sliceClock() < FINISH_MS) return undefined;
    }
    pass = null;
    const best = p.found.find((t) => t) ?? byLabel(doc) ?? nearSymbol(doc, sym, p.headings);
    if (best) return best;
    const t = targetOf(doc, title, sym);
    return t && parses(t.read()) ? t : null;
  }

  return {
    method: 'generic',
    site,
    paced: true,
    scanning: () => pass !== null,
    findSymbol: (within) => symbols.findSymbol(within),
    findPrice(symbol, _isPaused, within, startedAt = sliceClock()) {
      if (cached && (cached.node === null || cached.node.isConnected) && parses(cached.read())) return cached;
      const sym = normalizeSymbol(symbol);
      if (!pass && now() < nextPassAt) {
        // Between passes only what changed is looked at (a price widget rendered late).
        for (const src of within?.length ? PRICE_SOURCES : []) {
          const t = targetOf(doc, src, sym, within);
          if (t && parses(t.read())) {
            cached = t;
            return t;
          }
        }
        return null;
      }
      const result = step(sym, startedAt);
      if (result === undefined) return null; // the pass goes on at the next call
      cached = result;
      misses = result ? 0 : misses + 1;
      nextPassAt =
        now() + (result ? FIRST_WAIT_MS : Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (misses - 1)));
      return result;
    },
  };
}
