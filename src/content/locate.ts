/**
 * Turns source lists (adapter entries, saved picker selectors) into live targets: a node to observe
 * and a function that reads its current text. Locating is cheap (a few querySelector calls); the
 * reader re-locates whenever its node was replaced by a re-render.
 */
import { type DecimalMark, parsePriceText } from '../core/price-text.ts';
import { SYMBOL_CHARS } from '../core/symbol-chars.ts';
import type { ReadingMethod } from '../messaging/types.ts';
import type { Source } from './adapters/types.ts';

export interface Target {
  /** The node to observe (null for URL sources: re-read on every flush). */
  node: Element | null;
  /** Attribute carrying the value, observed with an attributeFilter. */
  attr?: string;
  read(): string | null;
  confidence: number;
  /** When set, the value is not the live price while the pointer is over this selector. */
  pausedWhileHovering?: string;
}

/**
 * A full look one source at a time (sourceLocator): symbol sources 0 … symbols − 1, price sources
 * 0 … prices − 1, each over the whole page. findSymbol() and findPrice() without `within` are the
 * first of these that reads; the reader can spread them over flushes instead (./reader.ts).
 */
export interface FullLookSteps {
  symbols: number;
  prices: number;
  symbolAt(i: number): Target | null;
  priceAt(i: number, symbol: string | null, isPaused: (selector: string) => boolean): Target | null;
}

export interface Locator {
  method: ReadingMethod;
  site: string;
  decimal?: DecimalMark;
  /** findPrice bounds and paces its own full looks (the generic detector): the reader need not. */
  paced?: boolean;
  /** A paced look is part way through the page: call findPrice again soon to go on. */
  scanning?(): boolean;
  /** Its full looks one source at a time; absent: they run whole. */
  steps?: FullLookSteps;
  /**
   * First symbol source that reads. With `within`, only the parts of the page that changed are searched
   * (elements at, inside or around those nodes; URL sources as always): a cheap look after a mutation.
   */
  findSymbol(within?: readonly Node[]): Target | null;
  /**
   * First source that currently shows a number; `isPaused` skips hover-sensitive sources. A paced
   * locator's slice counts from `startedAt` (performance.now() when the caller's flush began), so what
   * the flush spent before (a full symbol look: ~5 ms on a 300,000-element page) is part of it.
   */
  findPrice(
    symbol: string | null,
    isPaused: (selector: string) => boolean,
    within?: readonly Node[],
    startedAt?: number,
  ): Target | null;
}

function query(doc: Document, selector: string, within?: readonly Node[]): Element | null {
  try {
    if (!within) return doc.querySelector(selector);
    for (const node of within) {
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el?.isConnected) continue;
      const hit = el.closest(selector) ?? el.querySelector(selector);
      if (hit) return hit;
    }
    return null;
  } catch {
    return null; // a saved selector can be invalid after edits; treat as "not on this page"
  }
}

export function targetOf(
  doc: Document,
  src: Source,
  symbol: string | null,
  within?: readonly Node[],
): Target | null {
  // The last raw text and what it gave: a symbol's text is read on every flush and rarely changes,
  // and a page ticking 20×/s made its regex a sixth of the content script's time (bench breakdown).
  let lastRaw: string | null | undefined;
  let lastPicked: string | null = null;
  const pick = (raw: string | null | undefined) => {
    if (raw == null) return null;
    if (raw === lastRaw) return lastPicked;
    lastRaw = raw;
    lastPicked = src.re ? (src.re.exec(raw)?.[1]?.trim() ?? null) : raw.trim();
    return lastPicked;
  };
  const confidence = src.confidence ?? 0.9;
  if (src.url) {
    const re = src.url;
    let href: string | undefined;
    let part: string | undefined;
    const read = () => {
      const now = doc.location?.href ?? '';
      if (now !== href) {
        href = now;
        part = re.exec(now)?.[1];
      }
      return pick(part);
    };
    return { node: null, confidence, read };
  }
  if (!src.css) return null;
  if (src.css.includes('{symbol}') && !symbol) return null;
  const cssEscape = doc.defaultView?.CSS?.escape ?? CSS.escape;
  const css = symbol ? src.css.replaceAll('{symbol}', cssEscape(symbol)) : src.css;
  const el = query(doc, css, within);
  if (!el) return null;
  const attr = src.attr;
  return {
    node: el,
    attr,
    confidence,
    pausedWhileHovering: src.pausedWhileHovering,
    read: () => pick(attr ? el.getAttribute(attr) : el.textContent),
  };
}

/** What the background accepts as a symbol (src/messaging/schemas.ts): anything else is no symbol. */

function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a malformed escape such as `/quote/%E0%A4%A` (decodeURIComponent throws)
  }
}

export function normalizeSymbol(raw: string | null): string | null {
  if (!raw) return null;
  const s = decoded(raw).trim().toUpperCase();
  return s.length > 0 && s.length <= 32 && SYMBOL_CHARS.test(s) ? s : null;
}

export function sourceLocator(
  doc: Document,
  opts: { method: ReadingMethod; site: string; decimal?: DecimalMark; symbol: Source[]; price: Source[] },
): Locator {
  function symbolAt(i: number, within?: readonly Node[]): Target | null {
    const t = targetOf(doc, opts.symbol[i]!, null, within);
    return t && normalizeSymbol(t.read()) ? t : null;
  }
  function priceAt(
    i: number,
    symbol: string | null,
    isPaused: (selector: string) => boolean,
    within?: readonly Node[],
  ): Target | null {
    const src = opts.price[i]!;
    if (src.pausedWhileHovering && isPaused(src.pausedWhileHovering)) return null;
    const t = targetOf(doc, src, symbol, within);
    const text = t?.read();
    return t && text && parsePriceText(text, { decimal: opts.decimal }) ? t : null;
  }
  return {
    method: opts.method,
    site: opts.site,
    decimal: opts.decimal,
    steps: { symbols: opts.symbol.length, prices: opts.price.length, symbolAt, priceAt },
    findSymbol(within) {
      for (let i = 0; i < opts.symbol.length; i++) {
        const t = symbolAt(i, within);
        if (t) return t;
      }
      return null;
    },
    findPrice(symbol, isPaused, within) {
      for (let i = 0; i < opts.price.length; i++) {
        const t = priceAt(i, symbol, isPaused, within);
        if (t) return t;
      }
      return null;
    },
  };
}
