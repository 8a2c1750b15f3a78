/**
 * Turns source lists (adapter entries, saved picker selectors) into live targets: a node to observe
 * and a function that reads its current text. Locating is cheap (a few querySelector calls); the
 * reader re-locates whenever its node was replaced by a re-render.
 */
import { type DecimalMark, parsePriceText } from '../core/price-text.ts';
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

export interface Locator {
  method: ReadingMethod;
  site: string;
  decimal?: DecimalMark;
  findSymbol(): Target | null;
  /** First source that currently shows a number; `isPaused` skips hover-sensitive sources. */
  findPrice(symbol: string | null, isPaused: (selector: string) => boolean): Target | null;
}

function query(doc: Document, selector: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    return null; // a saved selector can be invalid after edits; treat as "not on this page"
  }
}

export function targetOf(doc: Document, src: Source, symbol: string | null): Target | null {
  const pick = (raw: string | null | undefined) => {
    if (raw == null) return null;
    if (!src.re) return raw.trim();
    return src.re.exec(raw)?.[1]?.trim() ?? null;
  };
  const confidence = src.confidence ?? 0.9;
  if (src.url) {
    const re = src.url;
    return { node: null, confidence, read: () => pick(re.exec(doc.location?.href ?? '')?.[1]) };
  }
  if (!src.css) return null;
  if (src.css.includes('{symbol}') && !symbol) return null;
  const cssEscape = doc.defaultView?.CSS?.escape ?? CSS.escape;
  const css = symbol ? src.css.replaceAll('{symbol}', cssEscape(symbol)) : src.css;
  const el = query(doc, css);
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

export function normalizeSymbol(raw: string | null): string | null {
  if (!raw) return null;
  const s = decodeURIComponent(raw).trim().toUpperCase();
  return s.length > 0 && s.length <= 32 ? s : null;
}

export function sourceLocator(
  doc: Document,
  opts: { method: ReadingMethod; site: string; decimal?: DecimalMark; symbol: Source[]; price: Source[] },
): Locator {
  return {
    method: opts.method,
    site: opts.site,
    decimal: opts.decimal,
    findSymbol() {
      for (const src of opts.symbol) {
        const t = targetOf(doc, src, null);
        if (t && normalizeSymbol(t.read())) return t;
      }
      return null;
    },
    findPrice(symbol, isPaused) {
      for (const src of opts.price) {
        if (src.pausedWhileHovering && isPaused(src.pausedWhileHovering)) continue;
        const t = targetOf(doc, src, symbol);
        const text = t?.read();
        if (t && text && parsePriceText(text, { decimal: opts.decimal })) return t;
      }
      return null;
    },
  };
}
