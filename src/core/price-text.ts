/**
 * Text shown on a quote page → number. Pure (no DOM): the content script hands in `textContent`.
 *
 * Locale rules (broker-pages.md §17.7, after @lion/ui `parseNumber`):
 * - when both `.` and `,` occur, the LAST one is the decimal separator (`1.234,56`, `1,234.56`);
 * - spaces, NBSP (U+00A0), narrow NBSP (U+202F) and apostrophes are always grouping (`1 234,56`, `1'234.56`);
 * - a repeated separator is grouping (`1.234.567`);
 * - a single `.`/`,` followed by exactly three digits after a 1–3 digit head (`1.234`) is ambiguous:
 *   the locale hint decides, else the candidate nearer the previous value, else `.` is the decimal.
 * Noise: currency signs, `p` (pence), U+2212 minus, parentheses for negatives, and the IBKR status
 * prefixes `C` (prior close) / `H` (halted), which mean the number is not a live last price.
 * Trailing digits rendered in `<sup>` (TradingView symbol page) arrive concatenated in textContent
 * (`150.12` + `3` → `150.123`), which is the full-precision price, so no special case is needed.
 */

export type DecimalMark = '.' | ',';

/** `live` unless the page marks the number as something other than the last trade. */
export type PriceStatus = 'live' | 'prior-close' | 'halted';

export interface ParsedPrice {
  value: number;
  status: PriceStatus;
  /** True when the `1.234` ambiguity had to be resolved without a locale hint. */
  ambiguous: boolean;
  /** Digits after the decimal mark as printed (tick precision). */
  decimals: number;
}

export interface ParseOptions {
  /** Decimal mark of the page's locale, when known (e.g. from `<html lang>` or a `de.` subdomain). */
  decimal?: DecimalMark;
  /** Last accepted value, used to resolve `1.234` when there is no locale hint. */
  previous?: number | null;
}

const GROUP_ONLY = /[\s\u00A0\u202F'\u2019]/;
const MINUS = /[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g;
// sign? digits, then 3-digit groups (each not followed by a further digit), then an optional fraction.
const NUMBER = /([-+]?)(\d+(?:[.,'\u2019\u00A0\u202F ]\d{3}(?!\d))*(?:[.,]\d+)?)/;
const IBKR_PREFIX = /^([CHF])(?=[-+]?\d)/;

/** Parses the first price-like number in `text`; null when there is none. Never throws. */
export function parsePriceText(text: string, options: ParseOptions = {}): ParsedPrice | null {
  let s = text.replace(MINUS, '-').trim();
  let status: PriceStatus = 'live';
  const prefix = IBKR_PREFIX.exec(s);
  if (prefix) {
    status = prefix[1] === 'C' ? 'prior-close' : prefix[1] === 'H' ? 'halted' : 'live';
    s = s.slice(1);
  }
  const m = NUMBER.exec(s);
  if (!m) return null;
  const negative =
    m[1] === '-' ||
    (s.slice(0, m.index).trimEnd().endsWith('(') && /^\s*\)/.test(s.slice(m.index + m[0].length)));
  const parsed = interpret(m[2]!, options);
  if (!parsed) return null;
  return { ...parsed, value: negative ? -parsed.value : parsed.value, status };
}

function interpret(token: string, options: ParseOptions): Omit<ParsedPrice, 'status'> | null {
  // The '.' and ',' marks: how many of each and where the last one is (one pass, no allocation: this
  // runs on every price a page shows).
  let dots = 0;
  let commas = 0;
  let lastAt = -1;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === 46) {
      dots++;
      lastAt = i;
    } else if (c === 44) {
      commas++;
      lastAt = i;
    }
  }
  let decimal: DecimalMark | null = null;
  let ambiguous = false;
  if (lastAt >= 0) {
    const mark = token[lastAt] as DecimalMark;
    const sameCount = mark === '.' ? dots : commas;
    const tail = token.length - lastAt - 1;
    if (dots > 0 && commas > 0) decimal = mark;
    else if (sameCount > 1) decimal = null;
    else if (tail !== 3 || GROUP_ONLY.test(token)) decimal = mark;
    else {
      const head = token.slice(0, lastAt);
      // `0.123` or `1234.567` cannot be grouping: groups never follow a leading 0 or a 4+ digit head.
      if (head === '0' || head.length > 3) decimal = mark;
      else {
        decimal = resolveAmbiguous(token, mark, options);
        ambiguous = options.decimal === undefined;
      }
    }
  }
  let digits = '';
  let decimals = 0;
  const cut = decimal === null ? -1 : token.lastIndexOf(decimal);
  for (let i = 0; i < token.length; i++) {
    const c = token[i]!;
    if (i === cut) digits += '.';
    else if (c >= '0' && c <= '9') {
      digits += c;
      if (cut >= 0 && i > cut) decimals++;
    }
  }
  const value = Number(digits);
  return Number.isFinite(value) ? { value, ambiguous, decimals } : null;
}

function resolveAmbiguous(token: string, mark: DecimalMark, options: ParseOptions): DecimalMark | null {
  if (options.decimal !== undefined) return options.decimal === mark ? mark : null;
  const prev = options.previous;
  if (prev !== undefined && prev !== null && Number.isFinite(prev) && prev > 0) {
    const asDecimal = Number(token.replace(mark, '.'));
    const asGrouped = Number(token.replace(mark, ''));
    const ratio = (x: number) => Math.abs(Math.log(Math.max(x, 1e-12) / prev));
    return ratio(asDecimal) <= ratio(asGrouped) ? mark : null;
  }
  return '.' === mark ? mark : null;
}

/** The decimal mark of a BCP-47 locale (`de-DE` → `,`), or undefined when Intl does not know it. */
export function decimalMarkOf(locale: string | undefined): DecimalMark | undefined {
  if (!locale) return undefined;
  try {
    const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal');
    return part?.value === ',' ? ',' : part?.value === '.' ? '.' : undefined;
  } catch {
    return undefined;
  }
}
