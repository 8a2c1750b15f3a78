/**
 * The rows of a Cboe quote table (below its column header): each row is a call and a put of one
 * (expiration, root, strike). Root, expiration, side and strike come from the OCC symbols, and the
 * row's Expiration Date and Strike columns must agree with them (rows are never merged by position,
 * methodology mistake 9). A row or a side that cannot be read is left out and counted by reason —
 * one bad row never aborts the file (issue 12.2) — and ChainBuilder checks every value's bounds.
 *
 * Written for speed (≤ 20 ms for the 19,920-contract SPX table, `npm run bench`): unquoted rows are
 * split with String#split, numbers read by cellNumber, OCC prefixes and expiration texts cached.
 */

import { isEmptyCell, numberIn } from './cell-number';
import type { ContractInput } from './chain';
import type { ChainBuilder } from './chain-builder';
import { ChainParseError } from './chain-parse-error';
import { splitCsvLine } from './csv-line';
import type { SkipLog } from './import/skip-log';
import { makeOccReader, type OccSymbol } from './occ';
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
 * Reads rows `from`…end of `lines` (0-based indexes; line numbers are index + 1) into `b`, counting
 * what it leaves out in `skip`. An unexpected error becomes a ChainParseError naming its line.
 * Fields are located by comma positions and numbers read in place (numberIn), so a row costs no
 * substring but its two symbols: String#split alone took 18 ms on the SPX table.
 */
export function readQuoteRows(
  lines: string[],
  from: number,
  col: Columns,
  b: ChainBuilder,
  skip: SkipLog,
  onProgress?: (fraction: number) => void,
): void {
  const occ = makeOccReader();
  const sideCols = [col.callFields, col.putFields].map((c) => SIDE_FIELDS.map((f) => c[f]));
  const fields = Math.max(col.expiration, col.calls, col.strike, col.puts, ...sideCols.flat()) + 1;
  /** Field j of the row is line[start[j], start[j + 1] − 1). */
  const start = new Int32Array(fields + 1); // start[0] stays 0
  const values = new Float64Array(SIDE_FIELDS.length);
  const call: OccSymbol = { root: '', expiration: '', isCall: true, strike: 0 };
  const put: OccSymbol = { ...call };
  const input: ContractInput = { ...call, iv: 0, oi: 0, volume: 0, gamma: 0, sourceLine: 0 };
  let expText = '';
  let exp = '';
  let k = from;
  try {
    for (; k < lines.length; k++) {
      let line = lines[k]!;
      if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')) continue;
      const ln = k + 1;
      if (onProgress && (k - from + 1) % 1000 === 0) onProgress((k - from) / (lines.length - from));
      if (line.indexOf('"') >= 0) {
        const f = splitCsvLine(line);
        if (!f) {
          skip.add('unterminated quoted field', ln, 2);
          continue;
        }
        line = unquote(f);
      }
      let found = 0;
      for (let p = 0; found < fields; ) {
        const q = line.indexOf(',', p);
        if (q < 0) {
          start[++found] = line.length + 1;
          break;
        }
        start[++found] = q + 1;
        p = q + 1;
      }
      if (found < fields) {
        skip.add('row has fewer fields than the header', ln, 2);
        continue;
      }
      const end = (j: number) => start[j + 1]! - 1;
      if (
        !occ(line, start[col.calls]!, end(col.calls), call) ||
        !occ(line, start[col.puts]!, end(col.puts), put) ||
        !call.isCall ||
        put.isCall
      ) {
        skip.add('not an OCC option symbol in the Calls or Puts column', ln, 2);
        continue;
      }
      if (put.root !== call.root || put.expiration !== call.expiration || put.strike !== call.strike) {
        skip.add('the put on the row is not the same contract as the call', ln, 2);
        continue;
      }
      const strike = numberIn(line, start[col.strike]!, end(col.strike));
      if (!(Math.abs(strike - call.strike) <= 1e-6 * call.strike)) {
        skip.add('Strike column differs from the symbols', ln, 2);
        continue;
      }
      const e0 = start[col.expiration]!;
      const e1 = end(col.expiration);
      if (!sameText(line, e0, e1, expText)) {
        expText = line.slice(e0, e1);
        exp = expirationText(expText);
      }
      if (exp !== call.expiration) {
        skip.add('Expiration Date column differs from the symbols', ln, 2);
        continue;
      }
      for (let side = 0; side < 2; side++) {
        const cols = sideCols[side]!;
        let bad = -1;
        for (let v = 0; v < cols.length; v++) {
          const j = cols[v]!;
          let x = Number.NaN;
          if (j >= 0) {
            x = numberIn(line, start[j]!, end(j));
            if (Number.isNaN(x) && bad < 0 && !isEmptyCell(line.slice(start[j]!, end(j)))) bad = v;
          }
          values[v] = x;
        }
        if (bad >= 0) {
          skip.add(`${FIELD_WORDS[SIDE_FIELDS[bad]!]} is not a number`, ln);
          continue;
        }
        const sym = side === 0 ? call : put;
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
        const why = b.add(input);
        if (why) skip.add(why, ln);
      }
    }
  } catch (e) {
    if (e instanceof ChainParseError) throw e;
    throw new ChainParseError(k + 1, '', `unreadable (${e instanceof Error ? e.message : String(e)})`);
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
