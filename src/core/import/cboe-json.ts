/**
 * Cboe delayed-quotes JSON (the document behind cboe.com's delayed quote pages):
 *
 *   { "timestamp": "2023-10-20 15:59:57", "data": { "symbol": "_SPX", "current_price": 4224.16,
 *     "close": 4224.16, "options": [ { "option": "SPXW231020C04500000", "iv": 0.1234,
 *     "open_interest": 1234, "gamma": 0.0012, "bid": 1.1, "ask": 1.2, "volume": 99, … } ] } }
 *
 * The OCC symbol carries root, expiry, type and strike. `timestamp` is New York wall time (Cboe's
 * pages show Eastern time); `iv` is a decimal. `volume` is the day's volume (the positions model's),
 * never read as open interest. An entry that cannot be read is left out and counted by its index in
 * `data.options`; only a document that is not this shape at all is refused.
 */
import { cellNumber } from '../cell-number';
import { ChainBuilder } from '../chain-builder';
import { priceInRange, YEARS } from '../contract-checks';
import { zonedToUtc } from '../ny-time';
import { daysInMonth, parseOccSymbol } from '../occ';
import { ImportError } from './errors';
import type { AsOfStatus, ImportOptions, ImportResult } from './result';
import { SkipLog } from './skip-log';

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

/** "2023-10-20 15:59:57" or "2023-10-20T15:59:57" (New York) → ISO UTC; null if not a real time in 2000–2100. */
export function cboeTimestampToIso(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (y < YEARS.min || y > YEARS.max || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (h > 23 || mi > 59 || (s || 0) > 59) return null;
  return new Date(
    zonedToUtc({ year: y, month: mo, day: d, hour: h, minute: mi, second: s || 0 }),
  ).toISOString();
}

/** A JSON number, or a string holding a plain decimal; NaN otherwise (never "0x10" or "Infinity"). */
const num = (v: unknown): number =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? cellNumber(v.trim()) : Number.NaN;

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

  const fileSpot = [data.current_price, data.close, data.last_trade_price].map(num).find(priceInRange);
  const spot = fileSpot ?? opts.spot ?? Number.NaN;
  let asOf: string | null = null;
  let asOfStatus: AsOfStatus = 'missing';
  let asOfText: string | undefined;
  if (typeof doc.timestamp === 'string' && doc.timestamp.trim()) {
    asOfText = doc.timestamp.slice(0, 100);
    asOf = cboeTimestampToIso(doc.timestamp);
    asOfStatus = asOf ? 'file' : 'unreadable';
  }
  const symbol = typeof data.symbol === 'string' ? data.symbol.replace(/^[_^$.]/, '').toUpperCase() : '';
  const b = new ChainBuilder({
    underlying: /^[A-Z][A-Z0-9.]{0,9}$/.test(symbol) ? symbol : undefined,
    spot,
    asOf: opts.asOf ?? asOf,
  });
  const skip = new SkipLog('option');
  let sawVolume = false;
  const step = Math.max(1000, Math.floor(options.length / 50));
  for (let i = 0; i < options.length; i++) {
    const o = options[i];
    if (!isObject(o)) {
      skip.add('not an object', i);
      continue;
    }
    const occ = typeof o.option === 'string' ? parseOccSymbol(o.option) : null;
    if (!occ) {
      skip.add('"option" is not an OCC option symbol (e.g. SPXW231020C04500000)', i);
      continue;
    }
    const volume = num(o.volume);
    if (o.volume !== undefined) sawVolume = true;
    const why = b.add({
      root: occ.root,
      expiration: occ.expiration,
      isCall: occ.isCall,
      strike: occ.strike,
      iv: num(o.iv),
      oi: num(o.open_interest),
      volume,
      gamma: num(o.gamma),
      sourceLine: 0,
    });
    if (why) skip.add(why, i);
    if (i % step === 0) opts.onProgress?.(i / options.length);
  }
  opts.onProgress?.(1);
  const chain = b.build();
  chain.hasVolume = sawVolume;
  if (opts.spot !== undefined) chain.spot = opts.spot;
  return { format: 'cboe-json', chain, asOfStatus, asOfText, skipped: skip.list(), notes: [] };
}
