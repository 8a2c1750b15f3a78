/**
 * Cboe delayed-quotes JSON (the document behind cboe.com's delayed quote pages):
 *
 *   { "timestamp": "2023-10-20 15:59:57", "data": { "symbol": "_SPX", "current_price": 4224.16,
 *     "close": 4224.16, "options": [ { "option": "SPXW231020C04500000", "iv": 0.1234,
 *     "open_interest": 1234, "gamma": 0.0012, "bid": 1.1, "ask": 1.2, "volume": 99, … } ] } }
 *
 * The OCC symbol carries root, expiry, type and strike. `timestamp` is New York wall time (Cboe's
 * pages show Eastern time); `iv` is a decimal. `volume` is never read as open interest.
 */
import { ChainBuilder } from '../chain';
import { zonedToUtc } from '../ny-time';
import { parseOccSymbol } from '../occ';
import { ImportError } from './errors';
import { type AsOfStatus, type ImportOptions, type ImportResult, SkipLog } from './result';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON.parse with the failing line named (engines report a character position in the message). */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const lineCol = /line (\d+)/.exec(msg);
    const line = pos
      ? text.slice(0, Number(pos[1])).split('\n').length
      : lineCol
        ? Number(lineCol[1])
        : undefined;
    throw new ImportError(`The file is not valid JSON${line ? ` (line ${line})` : ''}: ${msg}`, { line });
  }
}

/** "2023-10-20 15:59:57" or "2023-10-20T15:59:57" (New York) → ISO UTC; null if unreadable. */
export function cboeTimestampToIso(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  return new Date(
    zonedToUtc({ year: y, month: mo, day: d, hour: h, minute: mi, second: s || 0 }),
  ).toISOString();
}

const num = (v: unknown): number =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;

export function importCboeJson(text: string, opts: ImportOptions = {}): ImportResult {
  const doc = parseJsonText(text);
  if (!isObject(doc))
    throw new ImportError('The JSON is not an object; expected {timestamp, data: {options: […]}}.');
  const data = doc.data;
  if (!isObject(data))
    throw new ImportError(
      'The JSON has no "data" object (a Cboe delayed-quotes file has {timestamp, data}).',
      { field: 'data' },
    );
  const options = data.options;
  if (!Array.isArray(options))
    throw new ImportError('The JSON has no "data.options" list of contracts.', { field: 'data.options' });
  if (options.length === 0)
    throw new ImportError('"data.options" is empty: the file has no contracts.', { field: 'data.options' });

  const spot =
    [data.current_price, data.close, data.last_trade_price].map(num).find((x) => x > 0) ?? Number.NaN;
  let asOf: string | null = null;
  let asOfStatus: AsOfStatus = 'missing';
  let asOfText: string | undefined;
  if (typeof doc.timestamp === 'string' && doc.timestamp.trim()) {
    asOfText = doc.timestamp;
    asOf = cboeTimestampToIso(doc.timestamp);
    asOfStatus = asOf ? 'file' : 'unreadable';
  }
  const symbol = typeof data.symbol === 'string' ? data.symbol.replace(/^[_^$.]/, '').toUpperCase() : '';
  const b = new ChainBuilder({ underlying: symbol || undefined, spot, asOf });
  const skip = new SkipLog();
  const step = Math.max(1000, Math.floor(options.length / 50));
  for (let i = 0; i < options.length; i++) {
    const o = options[i];
    const field = `data.options[${i}]`;
    if (!isObject(o)) throw new ImportError(`${field} is not an object.`, { field });
    if (typeof o.option !== 'string')
      throw new ImportError(`${field}.option is missing (the OCC symbol, e.g. SPXW231020C04500000).`, {
        field: `${field}.option`,
      });
    const occ = parseOccSymbol(o.option);
    if (!occ) {
      throw new ImportError(
        `${field}.option "${o.option.slice(0, 40)}" is not an OCC option symbol (root, YYMMDD, C/P, strike×1000 in 8 digits, e.g. SPXW231020C04500000).`,
        { field: `${field}.option` },
      );
    }
    const oi = num(o.open_interest);
    if (!(oi >= 0)) {
      skip.add('no open interest', i);
      continue;
    }
    b.add({
      root: occ.root,
      expiration: occ.expiration,
      isCall: occ.isCall,
      strike: occ.strike,
      iv: num(o.iv),
      oi,
      gamma: num(o.gamma),
      sourceLine: 0,
    });
    if (i % step === 0) opts.onProgress?.(i / options.length);
  }
  opts.onProgress?.(1);
  return { format: 'cboe-json', chain: b.build(), asOfStatus, asOfText, skipped: skip.list(), notes: [] };
}
