/**
 * The rows of a Cboe quote table (below its column header): each row is a call and a put of one
 * (expiration, root, strike). Root, expiration, side and strike come from the OCC symbols, and the
 * row's Expiration Date and Strike columns must agree with them (rows are never merged by position,
 * methodology mistake 9). A row or a side that cannot be read is left out and counted by reason —
 * one bad row never aborts the file (issue 12.2) — and ChainBuilder checks every value's bounds.
 *
 * Written for speed (≤ 20 ms for the 19,920-contract SPX table, `npm run bench`, and a cold first
 * run for the CLI): the text is never split, fields are found by comma offsets and numbers read in
 * place, OCC prefixes and expiration texts are reused, and the per-row work is one small method
 * (RowReader.row) that V8 optimises early, with scratch objects whose number fields start as doubles
 * (a field that turns from integer to double deoptimises its readers).
 */

import { isEmptyCell, numberIn } from './cell-number';
import type { ContractInput } from './chain';
import type { ChainBuilder } from './chain-builder';
import { ChainParseError } from './chain-parse-error';
import { splitCsvLine } from './csv-line';
import type { SkipLog } from './import/skip-log';
import { OccReader, type OccSymbol } from './occ';
import { monthNumber } from './snapshot-time';

const SIDE_FIELDS = ['IV', 'Gamma', 'Open Interest', 'Volume'] as const;
type SideField = (typeof SIDE_FIELDS)[number];
const [IV, GAMMA, OI, VOLUME] = [0, 1, 2, 3] as const;
/** Volume came later to our reader; a table without it is still read (hasVolume false). */
const OPTIONAL: ReadonlySet<SideField> = new Set(['Volume']);

export interface Columns {
  width: number;
  expiration: number;
  calls: number;
  strike: number;
  puts: number;
  callFields: Record<SideField, number>;
  putFields: Record<SideField, number>;
  hasVolume: boolean;
}

/** Finds the columns by name in the header line (1-based line `ln`). */
export function quoteTableColumns(line: string, ln: number): Columns {
  const names = (splitCsvLine(line) ?? line.split(',')).map((s) => s.trim().toLowerCase());
  const find = (name: string, from = 0, to = names.length, optional = false): number => {
    const j = names.indexOf(name.toLowerCase(), from);
    if (j >= 0 && j < to) return j;
    if (optional) return -1;
    throw new ChainParseError(ln, name, 'column missing from the header');
  };
  const expiration = find('Expiration Date');
  const calls = find('Calls');
  const strike = find('Strike', calls);
  const puts = find('Puts', calls);
  const side = (from: number, to: number) =>
    Object.fromEntries(
      SIDE_FIELDS.map((n) => [n, find(n, from, to, OPTIONAL.has(n))]),
    ) as Columns['callFields'];
  const callFields = side(calls, Math.min(strike, puts));
  const putFields = side(puts, names.length);
  return {
    width: names.length,
    expiration,
    calls,
    strike,
    puts,
    callFields,
    putFields,
    hasVolume: callFields.Volume >= 0 && putFields.Volume >= 0,
  };
}

const FIELD_WORDS: Record<SideField, string> = {
  IV: 'IV',
  Gamma: 'gamma',
  'Open Interest': 'open interest',
  Volume: 'volume',
};

/** A quoted row made plain: each field's commas dropped ("1,234" → 1234) or spaced ("Sep 14, 2023"). */
function unquote(fields: string[]): string {
  return fields
    .map((f) => f.replace(/,/g, /^\s*[-+\u2212]?\d{1,3}(,\d{3})+(\.\d*)?\s*$/.test(f) ? '' : ' '))
    .join(',');
}

/**
 * Reads the rows of `text` from offset `from` (the line after the header, 1-based line number
 * `firstLine`) to the end into `b`, counting what it leaves out in `skip`. An unexpected error becomes
 * a ChainParseError naming its line. The text is never split into lines or fields: splitting took
 * 23 ms of the SPX table alone.
 */
export function readQuoteRows(
  text: string,
  from: number,
  firstLine: number,
  col: Columns,
  b: ChainBuilder,
  skip: SkipLog,
  onProgress?: (fraction: number) => void,
): void {
  const rows = new RowReader(col, b, skip);
  const n = text.length;
  let nextQuote = text.indexOf('"', from);
  let ln = firstLine - 1;
  let count = 0;
  try {
    for (let pos = from; pos < n; ) {
      let eol = text.indexOf('\n', pos);
      if (eol < 0) eol = n;
      const lineStart = pos;
      const lineEnd = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
      pos = eol + 1;
      ln++;
      if (lineEnd === lineStart) continue;
      if (text.charCodeAt(lineStart) <= 32 && text.slice(lineStart, lineEnd).trim() === '') continue;
      if (onProgress && ++count % 1000 === 0) onProgress(lineStart / n);
      if (nextQuote >= 0 && nextQuote < lineStart) nextQuote = text.indexOf('"', lineStart);
      let why: string | null;
      if (nextQuote < 0 || nextQuote >= lineEnd) why = rows.row(text, lineStart, lineEnd, ln);
      else {
        const f = splitCsvLine(text.slice(lineStart, lineEnd));
        const plain = f && unquote(f);
        why = plain === null ? 'unterminated quoted field' : rows.row(plain, 0, plain.length, ln);
      }
      if (why) skip.add(why, ln, 2);
    }
  } catch (e) {
    if (e instanceof ChainParseError) throw e;
    throw new ChainParseError(ln, '', `unreadable (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** One row at a time: its fields located by comma offsets, checked, and its two contracts added. */
class RowReader {
  private readonly occ = new OccReader();
  private readonly sideCols: number[][];
  private readonly fields: number;
  /** Field j of the row is str[start[j], start[j + 1] − 1). */
  private readonly start: Int32Array;
  private readonly values = new Float64Array(SIDE_FIELDS.length);
  private readonly call: OccSymbol = { root: '', expiration: '', isCall: true, strike: Number.NaN };
  private readonly put: OccSymbol = { root: '', expiration: '', isCall: false, strike: Number.NaN };
  private readonly input: ContractInput = {
    root: '',
    expiration: '',
    isCall: true,
    strike: Number.NaN,
    iv: Number.NaN,
    oi: Number.NaN,
    volume: Number.NaN,
    gamma: Number.NaN,
    sourceLine: 0,
  };
  private expText = '';
  private exp = '';

  constructor(
    private readonly col: Columns,
    private readonly b: ChainBuilder,
    private readonly skip: SkipLog,
  ) {
    this.sideCols = [col.callFields, col.putFields].map((c) => SIDE_FIELDS.map((f) => c[f]));
    this.fields = Math.max(col.expiration, col.calls, col.strike, col.puts, ...this.sideCols.flat()) + 1;
    this.start = new Int32Array(this.fields + 1);
  }

  /**
   * The row str[rowStart, rowEnd) of file line `ln`: adds its two contracts (a contract the builder
   * refuses is counted there), or returns why the whole row is left out.
   */
  row(str: string, rowStart: number, rowEnd: number, ln: number): string | null {
    const { col, start, call, put } = this;
    const fields = this.fields;
    let found = 0;
    start[0] = rowStart;
    for (let p = rowStart; found < fields; ) {
      const q = str.indexOf(',', p);
      if (q < 0 || q >= rowEnd) {
        start[++found] = rowEnd + 1;
        break;
      }
      start[++found] = q + 1;
      p = q + 1;
    }
    if (found < fields) return 'row has fewer fields than the header';
    if (
      !this.occ.read(str, start[col.calls]!, start[col.calls + 1]! - 1, call) ||
      !this.occ.read(str, start[col.puts]!, start[col.puts + 1]! - 1, put) ||
      !call.isCall ||
      put.isCall
    )
      return 'not an OCC option symbol in the Calls or Puts column';
    if (put.root !== call.root || put.expiration !== call.expiration || put.strike !== call.strike)
      return 'the put on the row is not the same contract as the call';
    const strike = numberIn(str, start[col.strike]!, start[col.strike + 1]! - 1);
    if (!(Math.abs(strike - call.strike) <= 1e-6 * call.strike))
      return 'Strike column differs from the symbols';
    const e0 = start[col.expiration]!;
    const e1 = start[col.expiration + 1]! - 1;
    if (!sameText(str, e0, e1, this.expText)) {
      this.expText = str.slice(e0, e1);
      this.exp = expirationText(this.expText);
    }
    if (this.exp !== call.expiration) return 'Expiration Date column differs from the symbols';
    this.side(str, 0, call, ln);
    this.side(str, 1, put, ln);
    return null;
  }

  private side(str: string, side: number, sym: OccSymbol, ln: number): void {
    const { start, values, input } = this;
    const cols = this.sideCols[side]!;
    let bad = -1;
    for (let v = 0; v < cols.length; v++) {
      const j = cols[v]!;
      let x = Number.NaN;
      if (j >= 0) {
        x = numberIn(str, start[j]!, start[j + 1]! - 1);
        if (Number.isNaN(x) && bad < 0 && !isEmptyCell(str.slice(start[j]!, start[j + 1]! - 1))) bad = v;
      }
      values[v] = x;
    }
    if (bad >= 0) {
      this.skip.add(`${FIELD_WORDS[SIDE_FIELDS[bad]!]} is not a number`, ln);
      return;
    }
    input.root = sym.root;
    input.expiration = sym.expiration;
    input.isCall = side === 0;
    input.strike = sym.strike;
    input.iv = values[IV]!;
    input.gamma = values[GAMMA]!;
    // An empty open-interest cell is no open interest: 0 contracts (Cboe prints 0 anyway).
    input.oi = Number.isNaN(values[OI]!) ? 0 : values[OI]!;
    input.volume = values[VOLUME]!;
    input.sourceLine = ln;
    const why = this.b.add(input);
    if (why) this.skip.add(why, ln);
  }
}

/** text[start, end) === other, without cutting it out (String#startsWith at an offset was slower). */
export function sameText(text: string, start: number, end: number, other: string): boolean {
  if (end - start !== other.length) return false;
  for (let i = 0; i < other.length; i++) if (text.charCodeAt(start + i) !== other.charCodeAt(i)) return false;
  return true;
}

/** 'Thu Sep 14 2023' (or '14 sep 2023', '2023-09-14') → '2023-09-14'; '' if unreadable. */
export function expirationText(text: string): string {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  let month = 0;
  let day = 0;
  let year = 0;
  for (const tok of t.replace(/,/g, ' ').split(/\s+/)) {
    if (/^\d{4}$/.test(tok)) year = Number(tok);
    else if (/^\d{1,2}$/.test(tok)) day = Number(tok);
    else if (!month) month = monthNumber(tok);
  }
  if (!month || !day || !year) return '';
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
