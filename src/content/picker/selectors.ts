/**
 * Robust selectors for a picked element (broker-pages.md §18): stable data attributes first, then
 * @medv/finder restricted to stable attributes and non-hashed class names, then a class-prefix form
 * for CSS-module names (`valueValue-l31H9iuA` → `[class*="valueValue-"]`). Each candidate must
 * match exactly the picked element.
 */
import { finder } from '@medv/finder';
import { parsePriceText } from '../../core/price-text.ts';

const STABLE_ATTRS = [
  'data-testid',
  'data-test',
  'data-test-id',
  'data-qa-id',
  'data-field',
  'data-symbol',
  'data-name',
  'fix',
  'conid',
  'data-last-price',
];

/** CSS-module / CSS-in-JS names change per build: a digit in the suffix, or a generated prefix. */
export function isHashedClass(name: string): boolean {
  return /[-_][A-Za-z0-9]*\d[A-Za-z0-9]*$/.test(name) || /^(css|sc|jsx|svelte|emotion|tw)-/.test(name);
}

function uniquelyMatches(doc: Document, selector: string, el: Element): boolean {
  try {
    const all = doc.querySelectorAll(selector);
    return all.length === 1 && all[0] === el;
  } catch {
    return false;
  }
}

const quote = (v: string) => `"${v.replace(/["\\]/g, '\\$&')}"`;

export function selectorsFor(doc: Document, el: Element, max = 3): string[] {
  const out: string[] = [];
  const add = (sel: string | null) => {
    if (sel && !out.includes(sel) && sel.length <= 512 && uniquelyMatches(doc, sel, el)) out.push(sel);
  };
  const tag = el.localName;
  for (const name of STABLE_ATTRS) {
    const v = el.getAttribute(name);
    if (v && v.length <= 80) add(`${tag}[${name}=${quote(v)}]`);
  }
  for (const [className, attrOk] of [
    [(n: string) => !isHashedClass(n), (n: string, v: string) => STABLE_ATTRS.includes(n) && v.length <= 80],
    [(n: string) => !isHashedClass(n), () => false],
  ] as const) {
    try {
      add(
        finder(el, {
          root: doc.body,
          className,
          attr: attrOk,
          idName: (n) => !isHashedClass(n) && !/\d{4,}/.test(n),
          timeoutMs: 400,
        }),
      );
    } catch {
      // finder throws when it cannot find a unique selector in time; the other candidates remain
    }
  }
  for (const c of el.classList) {
    const prefix = /^(.+[-_])[A-Za-z0-9]*\d[A-Za-z0-9]*$/.exec(c)?.[1];
    if (prefix) add(`[class*=${quote(prefix)}]`);
  }
  return out.slice(0, max);
}

/**
 * The element the user means when pointing at `el`: the nearest (smallest) element up to 4 levels
 * up whose text is a short number. `<sup>`/`<sub>` digit fragments (TradingView pipettes) climb to
 * their parent so the whole price is read.
 */
export function priceElementAt(el: Element | null): Element | null {
  for (let n = el, i = 0; n && i < 5; n = n.parentElement, i++) {
    const text = n.textContent ?? '';
    if (text.trim().length > 0 && text.length <= 40 && parsePriceText(text)) {
      return /^(sup|sub)$/i.test(n.localName) && n.parentElement ? n.parentElement : n;
    }
  }
  return null;
}
