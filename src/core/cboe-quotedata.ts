/**
 * Reader for Cboe's delayed-quote option table download ("quotedata.csv"):
 *
 *   <empty line>
 *   <Underlying name>,Last: <spot>,Change: <chg>
 *   "Date: <timestamp in the downloader's locale>",Bid: …,Ask: …,Size: …,Volume: …
 *   Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,…
 *   Thu Sep 14 2023,SPXW230914C04500000,…,4500.00,SPXW230914P04500000,…
 *
 * Tolerated: byte-order mark, CRLF, leading empty lines, quoted fields, thousands separators, U+2212
 * minus signs, a Date line quoted or not and in any locale snapshot-time.ts reads, same-day
 * expirations that have already expired (kept; the analysis leaves them out by time). Rows are read
 * by quote-table-rows.ts: a bad row or value is left out and counted, never fatal.
 *
 * What makes the whole file unreadable throws ChainParseError (line, field) — and nothing else ever
 * escapes: no header, no price, no readable time (unless the caller allows it), no usable contract.
 */

import { cellNumber } from './cell-number';
import type { Chain } from './chain';
import { ChainBuilder } from './chain-builder';
import { ChainParseError } from './chain-parse-error';
import { MAX_PRICE, MIN_PRICE, priceInRange } from './contract-checks';
import { splitCsvLine } from './csv-line';
import { describeSkipped, SkipLog, type SkippedGroup } from './import/skip-log';
import { quoteTableColumns, readQuoteRows } from './quote-table-rows';
import { readSnapshotTime } from './snapshot-time';
import { usableContracts } from './usable';

export interface QuoteTableOptions {
  /**
   * Snapshot instant (ISO-8601 with zone) to use instead of the file's Date line — for files whose
   * date cannot be read, or to override it. Invalid text is a ChainParseError.
   */
  asOf?: string;
  /** Underlying price to use instead of the file's "Last:" (price units). */
  spot?: number;
  /** Called with the share of rows read (0–1) every 1,000 rows, for a progress bar. */
  onProgress?: (fraction: number) => void;
  /** Return the chain with `asOf` null instead of throwing when the Date line cannot be read. */
  allowUnknownTime?: boolean;
}

export interface QuoteTableResult {
  chain: Chain;
  /** Contract lines left out, by reason. */
  skipped: SkippedGroup[];
  /** The Date line's text (without the rest of its line), '' when the file has none. */
  dateText: string;
  /** Its 1-based line number, 0 when the file has none. */
  dateLine: number;
  /** Why the file's Date line could not be read (`chain.asOf` is then null unless `asOf` was given). */
  timeProblem?: string;
}

/** How to supply a time the file does not give readably. */
export const SUPPLY_TIME_HINT =
  'supply the snapshot time yourself (CLI: --at 2023-09-14T16:31-04:00; options page: the snapshot-time field)';

const HEADER = /expiration date/i;
const LABEL = /^\s*[A-Za-z][A-Za-z ]*:/;

/** Parses the text of a quotedata.csv file into a Chain. Throws only ChainParseError. */
export function parseCboeQuoteTable(text: string, options: QuoteTableOptions = {}): Chain {
  return readCboeQuoteTable(text, options).chain;
}

/** Parses a quote table and says what it left out. Throws only ChainParseError. */
export function readCboeQuoteTable(text: string, options: QuoteTableOptions = {}): QuoteTableResult {
  let lineNo = 0;
  try {
    return read(text, options, (n) => {
      lineNo = n;
    });
  } catch (err) {
    if (err instanceof ChainParseError) throw err;
    throw new ChainParseError(lineNo, '', `unreadable (${err instanceof Error ? err.message : String(err)})`);
  }
}

/**
 * The text of a Date line: its first field when quoted; when not, its own commas split it
 * ("Date: 9 June 2023, 1:40 PM EDT,Bid: …"), so the fields are joined back up to the next "Label:".
 */
export function dateLineText(line: string): string {
  const fields = splitCsvLine(line) ?? line.split(',');
  let end = 1;
  while (end < fields.length && !LABEL.test(fields[end]!)) end++;
  return fields.slice(0, end).join(',').trim();
}

/** The first lines of a text (up to `max`) and the offset where each next line starts. */
function topLines(text: string, max: number): { lines: string[]; next: number[] } {
  const lines: string[] = [];
  const next: number[] = [];
  for (let pos = 0; pos < text.length && lines.length < max; ) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    lines.push(text.slice(pos, eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol));
    next.push(eol + 1);
    pos = eol + 1;
  }
  return { lines, next };
}

function read(input: string, options: QuoteTableOptions, at: (line: number) => void): QuoteTableResult {
  if (typeof input !== 'string') throw new ChainParseError(0, '', 'the chain is not text');
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  // CRLF is read in place; old Mac files end lines with a lone CR: make those LF first.
  if (text.indexOf('\r') >= 0 && /\r(?!\n)/.test(text)) text = text.replace(/\r\n?/g, '\n');
  const { lines, next } = topLines(text, 60);
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i === lines.length) throw new ChainParseError(0, '', 'the file is empty');
  let headerAt = -1;
  for (let k = i; k < lines.length && headerAt < 0; k++) {
    if (HEADER.test(lines[k]!) && /strike/i.test(lines[k]!)) headerAt = k;
  }
  if (headerAt < 0)
    throw new ChainParseError(0, 'Expiration Date', 'no column header line (Cboe quote table expected)');

  at(i + 1);
  const top = i < headerAt ? (splitCsvLine(lines[i]!) ?? []) : [];
  const name = (top[0] ?? '').trim();
  if (options.spot !== undefined && !priceInRange(options.spot))
    throw new ChainParseError(0, 'spot', `the supplied price ${options.spot} is out of range`);
  // The file's own price bounds the strikes (0.001×–100×); a supplied one only replaces it after.
  const fileSpot = spotOf(top, i + 1, lines[i]!, options.spot);

  const dateIdx = i + 1 < headerAt ? i + 1 : -1;
  const dateText = dateIdx >= 0 ? dateLineText(lines[dateIdx]!) : '';
  at(dateIdx + 1);
  const fileTime = dateText ? readSnapshotTime(dateText) : { problem: 'the file has no Date line' };
  const timeProblem = 'problem' in fileTime ? fileTime.problem : undefined;
  let asOf = 'iso' in fileTime ? fileTime.iso : null;
  if (options.asOf !== undefined) {
    const r = readSnapshotTime(options.asOf);
    if ('problem' in r)
      throw new ChainParseError(0, 'asOf', `cannot read the supplied time "${options.asOf}" (${r.problem})`);
    asOf = r.iso;
  } else if (timeProblem && !options.allowUnknownTime) {
    throw new ChainParseError(
      dateIdx >= 0 ? dateIdx + 1 : headerAt + 1,
      'Date',
      `cannot read the snapshot time ${JSON.stringify(dateText)} (${timeProblem}); ${SUPPLY_TIME_HINT}`,
    );
  }

  const col = quoteTableColumns(lines[headerAt]!, headerAt + 1);
  const from = next[headerAt]!;
  // Two contracts per row; a real row is over 100 characters, so this is room for all (else it grows).
  const b = new ChainBuilder(
    { underlyingName: name, spot: fileSpot, asOf, hasVolume: col.hasVolume },
    Math.min(2 * Math.ceil((text.length - from) / 60), 1 << 20),
  );
  const skip = new SkipLog('line');
  readQuoteRows(text, from, headerAt + 2, col, b, skip, options.onProgress);
  const chain = b.build();
  if (options.spot !== undefined) chain.spot = options.spot;
  const skipped = skip.list();
  if (usableContracts(chain) === 0) {
    const why = skipped.length ? `; left out: ${describeSkipped(skipped)}` : '';
    throw new ChainParseError(
      headerAt + 1,
      '',
      `no usable contracts: ${chain.count} read, none with both an IV and open interest or volume${why}`,
    );
  }
  return { chain, skipped, dateText, dateLine: dateIdx + 1, ...(timeProblem && { timeProblem }) };
}

/** The "Last:" price of the underlying line, within MIN_PRICE…MAX_PRICE; else `fallback` if given. */
function spotOf(top: string[], ln: number, line: string, fallback: number | undefined): number {
  const lastField = top.find((f) => /^\s*last\s*:/i.test(f));
  const spot = lastField ? cellNumber(lastField.replace(/^\s*last\s*:\s*/i, '').trim()) : Number.NaN;
  if (priceInRange(spot)) return spot;
  if (fallback !== undefined) return fallback;
  throw new ChainParseError(
    ln,
    'Last',
    Number.isNaN(spot)
      ? `no readable "Last:" price of the underlying (${JSON.stringify(lastField ?? line.slice(0, 60))})`
      : `the underlying's price ${spot} is outside ${MIN_PRICE}–${MAX_PRICE.toLocaleString('en-US')}`,
  );
}
