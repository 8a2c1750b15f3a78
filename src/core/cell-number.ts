/**
 * Numbers from chain-file cells, fast: the full SPX quote table has ~180,000 numeric cells and the
 * reader must finish in ≤ 20 ms (issue 9.2). Plain decimals ("4500.00", "0.1749", "-16.1") take a
 * char-code loop: digits accumulated as an integer (exact below 2^53) divided once by a power of ten
 * (exact up to 1e22) — one correctly rounded IEEE division, so the result equals Number(text). The
 * rest (spaces, thousands commas, U+2212 minus, exponents) goes through the strict slow path.
 */

/** The number in a cell, or NaN when the cell is not a decimal number ("abc", "0x10", "Infinity"). */
export function cellNumber(s: string): number {
  return numberIn(s, 0, s.length);
}

/** cellNumber of text[start, end) without cutting the cell out first (the quote-table fast path). */
export function numberIn(text: string, start: number, end: number): number {
  let i = start;
  let neg = false;
  let c = text.charCodeAt(i);
  if (c === 45) {
    neg = true;
    i++;
  } else if (c === 43) i++;
  let int = 0;
  let digits = 0;
  let scale = 1;
  let dot = false;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      int = int * 10 + (c - 48);
      digits++;
      if (dot) scale *= 10;
    } else if (c === 46 && !dot) dot = true;
    else return slowNumber(text.slice(start, end));
  }
  if (digits === 0 || digits > 15) return slowNumber(text.slice(start, end));
  const v = int / scale;
  return neg ? -v : v;
}

const THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Surrounding spaces, U+2212 minus, thousands commas, exponents; NaN if not a decimal number. */
export function slowNumber(text: string): number {
  let t = text.trim().replace(/\u2212/g, '-');
  if (THOUSANDS.test(t)) t = t.replace(/,/g, '');
  if (t === '' || !DECIMAL.test(t)) return Number.NaN;
  return Number(t);
}

/** An empty cell: nothing, spaces, or a lone dash (Cboe and spreadsheets print "-" for none). */
export function isEmptyCell(s: string): boolean {
  if (s.length === 0) return true;
  const t = s.trim();
  return t === '' || t === '-';
}
