/**
 * A site adapter is data: where a site shows the symbol and the last price, as ordered fallback
 * chains (first source that yields a plausible value wins). Evidence per entry: broker-pages.md.
 */
import type { DecimalMark } from '../../core/price-text.ts';

export interface Source {
  /** CSS selector; `{symbol}` is replaced by the current symbol (CSS-escaped). `title` = document.title. */
  css?: string;
  /** Read from location.href instead of the DOM (symbol only; SPA route changes are picked up by polling). */
  url?: RegExp;
  /** Read this attribute instead of textContent (also observed, with an attributeFilter). */
  attr?: string;
  /** Keep capture group 1 of the text. */
  re?: RegExp;
  /**
   * While the pointer is over an element matching this selector the value is not the live price
   * (TradingView's legend shows the bar under the crosshair), so this source is skipped.
   */
  pausedWhileHovering?: string;
  /** How sure we are this is the live last price (0..1); default 0.9. */
  confidence?: number;
}

export interface Adapter {
  /** Short site id, shown in the popup. */
  id: string;
  matches(url: URL): boolean;
  symbol: Source[];
  price: Source[];
  /** Decimal mark when the site decides it rather than the page language (e.g. de.investing.com). */
  decimal?(url: URL): DecimalMark | undefined;
}

/** `host` equals one of `hosts` or is a subdomain of a `*.`-prefixed entry. */
export function hostIs(url: URL, ...hosts: string[]): boolean {
  return hosts.some((h) =>
    h.startsWith('*.')
      ? url.hostname === h.slice(2) || url.hostname.endsWith(h.slice(1))
      : url.hostname === h,
  );
}
