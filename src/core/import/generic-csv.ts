/**
 * A CSV with a header row from any source (a broker export, a spreadsheet). Columns are found by
 * name (see ./columns.ts); missing required columns are named in the error. Values tolerate
 * thousands separators and `%` IVs. A column whose IVs are written as percent without the sign
 * (median above 3, i.e. 300 %) is read as percent, and the preview says so. A volume column
 * ("volume", "vol"; "call volume"/"put volume" in the wide layout) is the day's volume. A row that
 * cannot be read, or a value out of bounds (ChainBuilder), is left out and counted — never fatal.
 */
import Papa from 'papaparse';
import { ChainBuilder } from '../chain-builder';
import { priceInRange } from '../contract-checks';
import { parseOccSymbol, rootToUnderlying } from '../occ';
import { type ColumnMap, mapColumns, type SideColumns } from './columns';
import { ImportError } from './errors';
import type { ImportOptions, ImportResult } from './result';
import { SkipLog } from './skip-log';
import { hasPercent, parseCallPut, parseDate, parseNumber } from './values';

export function parseCsvRows(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal)
    throw new ImportError(`CSV line ${(fatal.row ?? 0) + 1}: ${fatal.message}.`, {
      line: (fatal.row ?? 0) + 1,
    });
  return parsed.data;
}

function median(values: number[]): number {
  if (!values.length) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Decides, per IV column, whether plain numbers are percent. */
function percentColumns(rows: string[][], map: ColumnMap): Map<number, boolean> {
  const out = new Map<number, boolean>();
  const cols: [number | undefined, boolean][] = [
    [map.shared.iv, map.ivPercentByName.shared],
    [map.call.iv, map.ivPercentByName.call],
    [map.put.iv, map.ivPercentByName.put],
  ];
  for (const [col, byName] of cols) {
    if (col === undefined) continue;
    const sample = rows
      .slice(1, 2001)
      .map((r) => parseNumber(r[col]))
      .filter((x) => x > 0);
    out.set(col, byName || median(sample) > 3);
  }
  return out;
}

/** The first in-range price of the spot column (a broker export repeats it on every row). */
function spotOf(rows: string[][], col: number | undefined): number {
  if (col === undefined) return Number.NaN;
  for (let r = 1; r < Math.min(rows.length, 1001); r++) {
    const x = parseNumber(rows[r]![col]);
    if (priceInRange(x)) return x;
  }
  return Number.NaN;
}

export function importGenericCsv(text: string, opts: ImportOptions = {}): ImportResult {
  const rows = parseCsvRows(text);
  if (rows.length === 0) throw new ImportError('The file is empty.');
  const header = rows[0]!.map((h) => h.trim());
  const map = mapColumns(header);
  const pct = percentColumns(rows, map);
  const notes: string[] = [];
  for (const [col, isPct] of pct) {
    if (isPct && !/%/.test(header[col]!))
      notes.push(`Column "${header[col]}" read as percent (17.5 → 0.175).`);
  }
  const skip = new SkipLog('line');
  const fileSpot = spotOf(rows, map.shared.spot);
  const spot = Number.isNaN(fileSpot) ? (opts.spot ?? Number.NaN) : fileSpot;
  const volumeCols = map.layout === 'long' ? [map.shared.volume] : [map.call.volume, map.put.volume];
  const hasVolume = volumeCols.every((c) => c !== undefined);
  let builder: ChainBuilder | null = null;
  const step = Math.max(1000, Math.floor(rows.length / 50));

  const ivOf = (row: string[], col: number | undefined): number => {
    if (col === undefined) return Number.NaN;
    const v = parseNumber(row[col]);
    return hasPercent(row[col]) || pct.get(col) ? v / 100 : v;
  };
  const numberAt = (row: string[], col: number | undefined) =>
    col === undefined ? Number.NaN : parseNumber(row[col]);

  const addSide = (
    row: string[],
    line: number,
    expiration: string,
    strike: number,
    root: string,
    isCall: boolean,
    cols: SideColumns,
  ) => {
    const why = builder!.add({
      root,
      expiration,
      isCall,
      strike,
      iv: ivOf(row, cols.iv ?? map.shared.iv),
      oi: numberAt(row, cols.oi ?? map.shared.oi),
      volume: hasVolume ? numberAt(row, map.layout === 'long' ? map.shared.volume : cols.volume) : Number.NaN,
      gamma: numberAt(row, cols.gamma ?? map.shared.gamma),
      sourceLine: line,
    });
    if (why) skip.add(why, line);
  };

  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = r + 1;
    if (row.every((c) => c.trim() === '')) continue;
    if (row.length === 1 && header.length > 1) {
      skip.add('not a data row', line);
      continue;
    }
    const expiration = parseDate(row[map.shared.expiration!]);
    if (!expiration) {
      skip.add('unreadable expiration date', line);
      continue;
    }
    const strike = parseNumber(row[map.shared.strike!]);
    if (Number.isNaN(strike)) {
      skip.add('unreadable strike', line);
      continue;
    }
    const rootText = map.shared.root === undefined ? '' : (row[map.shared.root] ?? '').trim().toUpperCase();
    const root =
      parseOccSymbol(rootText)?.root ?? (/^[A-Z][A-Z0-9.]{0,5}$/.test(rootText) ? rootText : 'OPT');
    builder ??= new ChainBuilder({
      underlying: root === 'OPT' ? undefined : rootToUnderlying(root),
      spot: fileSpot,
      asOf: opts.asOf ?? null,
      hasVolume,
    });
    if (map.layout === 'long') {
      const isCall = parseCallPut(row[map.shared.type!]);
      if (isCall === null) {
        skip.add('type is not C/P or Call/Put', line);
        continue;
      }
      addSide(row, line, expiration, strike, root, isCall, {});
    } else {
      addSide(row, line, expiration, strike, root, true, map.call);
      addSide(row, line, expiration, strike, root, false, map.put);
    }
    if (r % step === 0) opts.onProgress?.(r / rows.length);
  }
  opts.onProgress?.(1);
  const chain = (builder ?? new ChainBuilder({ spot: fileSpot, asOf: opts.asOf ?? null, hasVolume })).build();
  chain.spot = opts.spot ?? spot;
  return { format: 'generic-csv', chain, asOfStatus: 'missing', skipped: skip.list(), notes };
}
