/**
 * Maps a generic CSV header row to the roles GEXfocus needs, tolerant of order, case, spacing and
 * punctuation ("Open Interest", "open_interest", "OI"). Two layouts are recognised:
 *   long: one contract per row with a type column (C/P, Call/Put);
 *   wide: one strike per row with call and put columns ("Call OI", "Put IV", "calls_open_interest").
 */
import { ImportError } from './errors';

export type Role =
  | 'expiration'
  | 'strike'
  | 'type'
  | 'oi'
  | 'volume'
  | 'iv'
  | 'bid'
  | 'ask'
  | 'gamma'
  | 'root'
  | 'spot';

/** Accepted header spellings per role, after normalising (lower case, letters and digits only). */
const SYNONYMS: Record<Role, string[]> = {
  expiration: [
    'expiration',
    'expirationdate',
    'expiry',
    'expirydate',
    'exp',
    'expdate',
    'expiration_date',
    'maturity',
    'expires',
  ],
  strike: ['strike', 'strikeprice', 'k'],
  type: ['type', 'optiontype', 'callput', 'putcall', 'cp', 'pc', 'right', 'side', 'kind'],
  oi: ['openinterest', 'oi', 'openint', 'opint'],
  // The day's traded volume (the positions model's), never open interest (methodology mistake 10).
  volume: ['volume', 'vol', 'totalvolume', 'dayvolume', 'tradevolume', 'tradedvolume'],
  iv: ['iv', 'impliedvolatility', 'impliedvol', 'implvol', 'volatility', 'ivol', 'ivmid', 'midiv'],
  bid: ['bid'],
  ask: ['ask', 'offer'],
  gamma: ['gamma'],
  root: ['root', 'optionroot', 'class', 'underlying', 'symbol', 'ticker'],
  spot: ['spot', 'underlyingprice', 'underlyinglast', 'spotprice'],
};

export const ROLE_LABELS: Record<Role, string> = {
  expiration: 'expiration date',
  strike: 'strike',
  type: 'type (C/P)',
  oi: 'open interest',
  volume: 'volume',
  iv: 'implied volatility (IV)',
  bid: 'bid',
  ask: 'ask',
  gamma: 'gamma',
  root: 'root',
  spot: 'spot',
};

export const normalizeHeader = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Column indexes for one side (long layout: the only side; wide: calls or puts). */
export type SideColumns = Partial<Record<Role, number>>;

export interface ColumnMap {
  layout: 'long' | 'wide';
  shared: SideColumns;
  /** Long layout: shared holds everything and these are empty. */
  call: SideColumns;
  put: SideColumns;
  /** Header texts of columns holding IV in percent by name ("IV %", "iv_pct"). */
  ivPercentByName: { shared: boolean; call: boolean; put: boolean };
}

const SIDE_PREFIX = /^(calls?|c|puts?|p)(.*)$/;

function roleOf(norm: string): Role | null {
  for (const role of Object.keys(SYNONYMS) as Role[]) {
    if (SYNONYMS[role].includes(norm)) return role;
  }
  // "IV %", "iv_pct": the name says percent but the role is IV.
  if (/^(iv|impliedvolatility|impliedvol)(pct|percent)?$/.test(norm)) return 'iv';
  return null;
}

const isPercentName = (h: string) => /%|pct|percent/i.test(h);

export function mapColumns(header: string[]): ColumnMap {
  const shared: SideColumns = {};
  const call: SideColumns = {};
  const put: SideColumns = {};
  const pct = { shared: false, call: false, put: false };
  header.forEach((raw, i) => {
    const norm = normalizeHeader(raw);
    const direct = roleOf(norm);
    if (direct && shared[direct] === undefined) {
      shared[direct] = i;
      if (direct === 'iv') pct.shared = isPercentName(raw);
      return;
    }
    const m = SIDE_PREFIX.exec(norm);
    const role = m?.[2] ? roleOf(m[2]) : null;
    if (m && role) {
      const side = m[1]!.startsWith('c') ? call : put;
      if (side[role] === undefined) side[role] = i;
      if (role === 'iv') pct[side === call ? 'call' : 'put'] = isPercentName(raw);
    }
  });
  const wide = shared.type === undefined && (call.oi !== undefined || put.oi !== undefined);
  const map: ColumnMap = { layout: wide ? 'wide' : 'long', shared, call, put, ivPercentByName: pct };
  requireColumns(map, header);
  return map;
}

function requireColumns(map: ColumnMap, header: string[]): void {
  // A binary or huge file can have a "header" of thousands of cells: name a dozen, each cut short.
  const shown = header.slice(0, 12).map((h) => JSON.stringify(h.length > 30 ? `${h.slice(0, 30)}…` : h));
  const found = header.length
    ? `Columns found: ${shown.join(', ')}${header.length > 12 ? `, … (${header.length} in all)` : ''}.`
    : 'The first line is empty.';
  if (map.shared.expiration === undefined && map.shared.strike === undefined)
    throw new ImportError(
      `Not a Cboe quote table, Cboe JSON or CSV with a header row: the first line names no expiration and no strike column. ${found}`,
      { line: 1 },
    );
  const missing = (role: Role, hint: string): never => {
    throw new ImportError(`No ${ROLE_LABELS[role]} column: ${hint} ${found}`, {
      column: ROLE_LABELS[role],
      line: 1,
    });
  };
  if (map.shared.expiration === undefined) missing('expiration', 'name one "expiration" (or "expiry").');
  if (map.shared.strike === undefined) missing('strike', 'name one "strike".');
  if (map.layout === 'long') {
    if (map.shared.type === undefined)
      missing('type', 'name one "type" with C/P values, or use "call OI"/"put OI" style columns.');
    if (map.shared.oi === undefined)
      missing('oi', 'name one "open interest" (or "OI"); volume is not open interest.');
    if (map.shared.iv === undefined) missing('iv', 'name one "IV" (or "implied volatility").');
  } else {
    for (const [side, cols] of [
      ['call', map.call],
      ['put', map.put],
    ] as const) {
      if (cols.oi === undefined)
        throw new ImportError(`No ${side} open interest column: name one "${side} OI". ${found}`, {
          column: `${side} open interest`,
          line: 1,
        });
      if (cols.iv === undefined && map.shared.iv === undefined)
        throw new ImportError(`No ${side} IV column: name one "${side} IV". ${found}`, {
          column: `${side} IV`,
          line: 1,
        });
    }
  }
}
