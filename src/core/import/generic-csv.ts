/**
 * A CSV with a header row from any source (a broker export, a spreadsheet). Columns are found by
 * name (see ./columns.ts); missing required columns are named in the error. Values tolerate
 * thousands separators and `%` IVs. A column whose IVs are written as percent without the sign
 * (median above 3, i.e. 300 %) is read as percent, and the preview says so.
 */
import Papa from 'papaparse';
import { ChainBuilder, rootToUnderlying } from '../chain';
import { parseOccSymbol } from '../occ';
import { type ColumnMap, mapColumns, type SideColumns } from './columns';
import { ImportError } from './errors';
import { type ImportOptions, type ImportResult, SkipLog } from './result';
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
  const skip = new SkipLog();
  const spotCol = map.shared.spot;
  let spot = Number.NaN;
  let builder: ChainBuilder | null = null;
  const step = Math.max(1000, Math.floor(rows.length / 50));

  const ivOf = (row: string[], col: number | undefined): number => {
    if (col === undefined) return Number.NaN;
    const v = parseNumber(row[col]);
    return hasPercent(row[col]) || pct.get(col) ? v / 100 : v;
  };

  const addSide = (
    row: string[],
    line: number,
    expiration: string,
    strike: number,
    root: string,
    isCall: boolean,
    cols: SideColumns,
  ) => {
    const oiCol = cols.oi ?? map.shared.oi!;
    const oi = parseNumber(row[oiCol]);
    if (!(oi >= 0)) return skip.add('no open interest', line);
    const iv = ivOf(row, cols.iv ?? map.shared.iv);
    const gCol = cols.gamma ?? map.shared.gamma;
    const gamma = gCol === undefined ? Number.NaN : parseNumber(row[gCol]);
    builder!.add({ root, expiration, isCall, strike, iv, oi, gamma, sourceLine: line });
  };

  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = r + 1;
    if (row.every((c) => c.trim() === '')) continue;
    if (row.length === 1 && header.length > 1) {
      skip.add('not a data row', line);
      continue;
    }
    if (Number.isNaN(spot) && spotCol !== undefined) spot = parseNumber(row[spotCol]);
    const expiration = parseDate(row[map.shared.expiration!]);
    if (!expiration) {
      skip.add('unreadable expiration date', line);
      continue;
    }
    const strike = parseNumber(row[map.shared.strike!]);
    if (!(strike > 0)) {
      skip.add('unreadable strike', line);
      continue;
    }
    const rootText = map.shared.root === undefined ? '' : (row[map.shared.root] ?? '').trim().toUpperCase();
    const root =
      parseOccSymbol(rootText)?.root ?? (/^[A-Z][A-Z0-9.]{0,5}$/.test(rootText) ? rootText : 'OPT');
    if (!builder)
      builder = new ChainBuilder({
        underlying: root === 'OPT' ? undefined : rootToUnderlying(root),
        spot: Number.NaN,
        asOf: null,
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
  if (!builder || builder.count === 0) {
    const why = skip
      .list()
      .map((g) => `${g.count} ${g.reason} (first at line ${g.examples[0]})`)
      .join('; ');
    throw new ImportError(`No usable contract rows${why ? `: ${why}` : ''}.`);
  }
  opts.onProgress?.(1);
  const chain = builder.build();
  chain.spot = spot;
  return { format: 'generic-csv', chain, asOfStatus: 'missing', skipped: skip.list(), notes };
}
