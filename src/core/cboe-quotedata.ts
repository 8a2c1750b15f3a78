/**
 * Reader for Cboe's delayed-quote option table download ("quotedata.csv"):
 *
 *   <empty line>
 *   <Underlying name>,Last: <spot>,Change: <chg>
 *   "Date: <timestamp in the downloader's locale>",Bid: …,Ask: …,Size: …,Volume: …
 *   Expiration Date,Calls,Last Sale,…,IV,Delta,Gamma,Open Interest,Strike,Puts,…,IV,Delta,Gamma,Open Interest
 *   Thu Sep 14 2023,SPXW230914C04500000,…,4500.00,SPXW230914P04500000,…
 *
 * Each row gives two contract lines. Root, expiration, side and strike come from the OCC symbols,
 * and the row's Expiration Date and Strike must agree with them (rows are never merged by
 * position). Tolerated: byte-order mark, CRLF, leading empty lines, quoted fields, thousands
 * separators, U+2212 minus signs, English or Spanish date lines (see snapshot-time.ts), same-day
 * expirations that have already expired (kept; the analysis leaves them out by time).
 *
 * Anything unreadable throws ChainParseError (line, field) — and nothing else ever escapes.
 */
import { type Chain, ChainBuilder } from './chain';
import { ChainParseError } from './chain-parse-error';
import { splitCsvLine } from './csv-line';
import { parseOccSymbol } from './occ';
import { monthNumber, parseSnapshotTime } from './snapshot-time';

export interface QuoteTableOptions {
  /**
   * Snapshot instant (ISO-8601 with zone) to use instead of the file's Date line — for files whose
   * date cannot be read, or to override it. Invalid text is a ChainParseError.
   */
  asOf?: string;
  /** Underlying price to use when the file's "Last:" is missing or unreadable (price units). */
  spot?: number;
  /** Called with the share of rows read (0–1) every 1,000 rows, for a progress bar. */
  onProgress?: (fraction: number) => void;
}

/** How to supply a time the file does not give readably. */
export const SUPPLY_TIME_HINT =
  'supply the snapshot time yourself (CLI: --at 2023-09-14T16:31-04:00; options page: the snapshot-time field)';

const SIDE_FIELDS = ['IV', 'Gamma', 'Open Interest'] as const;

/** Parses the text of a quotedata.csv file into a Chain. Throws only ChainParseError. */
export function parseCboeQuoteTable(text: string, options: QuoteTableOptions = {}): Chain {
  let lineNo = 0;
  try {
    return parse(text, options, (n) => {
      lineNo = n;
    });
  } catch (err) {
    if (err instanceof ChainParseError) throw err;
    throw new ChainParseError(lineNo, '', `unreadable (${err instanceof Error ? err.message : String(err)})`);
  }
}

function parse(text: string, options: QuoteTableOptions, at: (line: number) => void): Chain {
  if (typeof text !== 'string') throw new ChainParseError(0, '', 'the chain is not text');
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i === lines.length) throw new ChainParseError(0, '', 'the file is empty');
  const headerAt = lines.findIndex((l) => /expiration date/i.test(l) && /strike/i.test(l));
  if (headerAt < 0)
    throw new ChainParseError(0, 'Expiration Date', 'no column header line (Cboe quote table expected)');

  // Line with the underlying's name and "Last:".
  at(i + 1);
  const top = i < headerAt ? (splitCsvLine(lines[i]!) ?? []) : [];
  const name = (top[0] ?? '').trim();
  const lastField = top.find((f) => /^\s*last\s*:/i.test(f));
  let spot = lastField ? toNumber(lastField.replace(/^\s*last\s*:/i, '')) : Number.NaN;
  if (!(spot > 0)) {
    if (options.spot !== undefined && options.spot > 0) spot = options.spot;
    else
      throw new ChainParseError(
        i + 1,
        'Last',
        `no readable "Last:" price of the underlying (${JSON.stringify(lastField ?? lines[i]!.slice(0, 60))})`,
      );
  }
  if (options.spot !== undefined && options.spot > 0) spot = options.spot;

  // Date line.
  const dateIdx = i + 1 < headerAt ? i + 1 : -1;
  const dateField = dateIdx >= 0 ? (splitCsvLine(lines[dateIdx]!) ?? [lines[dateIdx]!])[0]!.trim() : '';
  let asOf: string | null;
  if (options.asOf !== undefined) {
    asOf = parseSnapshotTime(options.asOf);
    if (asOf === null)
      throw new ChainParseError(
        0,
        'asOf',
        `cannot read the supplied time "${options.asOf}" (ISO-8601 with a zone expected)`,
      );
  } else {
    at(dateIdx + 1);
    asOf = dateField ? parseSnapshotTime(dateField) : null;
    if (asOf === null) {
      throw new ChainParseError(
        dateIdx >= 0 ? dateIdx + 1 : headerAt + 1,
        'Date',
        `cannot read the snapshot time ${JSON.stringify(dateField)}; ${SUPPLY_TIME_HINT}`,
      );
    }
  }

  const col = columns(lines[headerAt]!, headerAt + 1);
  const b = new ChainBuilder({ underlyingName: name, spot, asOf });
  for (let k = headerAt + 1; k < lines.length; k++) {
    const raw = lines[k]!;
    if (raw.trim() === '') continue;
    const ln = k + 1;
    at(ln);
    if (options.onProgress && (k - headerAt) % 1000 === 0) {
      options.onProgress((k - headerAt) / (lines.length - headerAt));
    }
    const f = splitCsvLine(raw);
    if (!f) throw new ChainParseError(ln, '', 'unterminated quoted field');
    if (f.length < col.width)
      throw new ChainParseError(
        ln,
        col.names[f.length] ?? '',
        `missing: the row has ${f.length} fields, the header ${col.width}`,
      );
    const call = parseOccSymbol(f[col.calls]!);
    if (!call?.isCall)
      throw new ChainParseError(ln, 'Calls', `not a call's OCC symbol (${JSON.stringify(f[col.calls])})`);
    const put = parseOccSymbol(f[col.puts]!);
    if (!put || put.isCall)
      throw new ChainParseError(ln, 'Puts', `not a put's OCC symbol (${JSON.stringify(f[col.puts])})`);
    if (put.root !== call.root || put.expiration !== call.expiration || put.strike !== call.strike) {
      throw new ChainParseError(
        ln,
        'Puts',
        `${f[col.puts]} does not match the call ${f[col.calls]} on the same row`,
      );
    }
    const strike = toNumber(f[col.strike]!);
    if (!(Math.abs(strike - call.strike) <= 1e-6 * call.strike)) {
      throw new ChainParseError(
        ln,
        'Strike',
        `${JSON.stringify(f[col.strike])} differs from the symbols' strike ${call.strike}`,
      );
    }
    const exp = expirationText(f[col.expiration]!);
    if (exp !== call.expiration) {
      throw new ChainParseError(
        ln,
        'Expiration Date',
        `${JSON.stringify(f[col.expiration])} differs from the symbols' expiration ${call.expiration}`,
      );
    }
    for (const side of ['calls', 'puts'] as const) {
      const c = col[side === 'calls' ? 'callFields' : 'putFields'];
      const label = (field: string) => `${field} (${side})`;
      const iv = numberField(f[c.IV]!, ln, label('IV'), Number.NaN);
      const gamma = numberField(f[c.Gamma]!, ln, label('Gamma'), Number.NaN);
      const oi = numberField(f[c['Open Interest']]!, ln, label('Open Interest'), 0);
      if (oi < 0) throw new ChainParseError(ln, label('Open Interest'), `negative open interest (${oi})`);
      const sym = side === 'calls' ? call : put;
      b.add({
        root: sym.root,
        expiration: sym.expiration,
        isCall: side === 'calls',
        strike: sym.strike,
        iv,
        oi,
        gamma,
        sourceLine: ln,
      });
    }
  }
  if (b.count === 0) throw new ChainParseError(headerAt + 1, '', 'no option rows below the header');
  return b.build();
}

interface Columns {
  width: number;
  names: string[];
  expiration: number;
  calls: number;
  strike: number;
  puts: number;
  callFields: Record<(typeof SIDE_FIELDS)[number], number>;
  putFields: Record<(typeof SIDE_FIELDS)[number], number>;
}

function columns(line: string, ln: number): Columns {
  const names = (splitCsvLine(line) ?? line.split(',')).map((s) => s.trim());
  const lower = names.map((s) => s.toLowerCase());
  const find = (name: string, from = 0, to = names.length): number => {
    const j = lower.indexOf(name.toLowerCase(), from);
    if (j < 0 || j >= to) throw new ChainParseError(ln, name, 'column missing from the header');
    return j;
  };
  const expiration = find('Expiration Date');
  const calls = find('Calls');
  const strike = find('Strike', calls);
  const puts = find('Puts', calls);
  const side = (from: number, to: number) =>
    Object.fromEntries(SIDE_FIELDS.map((n) => [n, find(n, from, to)])) as Columns['callFields'];
  return {
    width: names.length,
    names,
    expiration,
    calls,
    strike,
    puts,
    callFields: side(calls, Math.min(strike, puts)),
    putFields: side(puts, names.length),
  };
}

/** 'Thu Sep 14 2023' (or '14 sep 2023', '2023-09-14') → '2023-09-14'; '' if unreadable. */
function expirationText(text: string): string {
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

/** Number from a table cell: U+2212 minus, thousands commas, surrounding spaces; NaN if not one. */
function toNumber(text: string): number {
  let t = text.trim().replace(/\u2212/g, '-');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, '');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number.NaN;
  return Number(t);
}

function numberField(text: string, ln: number, field: string, empty: number): number {
  if (text.trim() === '' || text.trim() === '-') return empty;
  const x = toNumber(text);
  if (Number.isNaN(x)) throw new ChainParseError(ln, field, `not a number (${JSON.stringify(text)})`);
  return x;
}
