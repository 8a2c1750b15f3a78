/**
 * Reads the snapshot time of a Cboe quote table ("Date: …" on line 3), whatever the downloader's
 * browser locale made of it. Seen in real files:
 *
 *   September 14, 2023 at 4:31 PM EDT      January 6, 2025 at 8:57 PM EST
 *   February 5 2022, 8:26 PM EST           23 de marzo de 2022, 10:11 GMT-4
 *
 * Accepted: English or Spanish month names (full or 3-letter), day before or after the month,
 * optional "at"/"de"/"a las", 12 h (AM/PM, "p. m.") or 24 h clock, and a zone: GMT/UTC±H[:MM],
 * EST/EDT/CST/CDT/MST/MDT/PST/PDT, UTC/GMT/Z, or ET (New York wall time, resolved with Intl).
 * ISO-8601 with an offset is accepted too. Anything without a date, a time and a zone returns
 * null: the instant is never guessed.
 */
import { zonedToUtc } from './ny-time';
import { daysInMonth } from './occ';

const MONTHS: Record<string, number> = {};
const add = (names: string, base = 1) => {
  names.split(' ').forEach((n, i) => {
    MONTHS[n] = base + i;
  });
};
add('january february march april may june july august september october november december');
add('jan feb mar apr may jun jul aug sep oct nov dec');
add('enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre');
add('ene feb mar abr may jun jul ago sep oct nov dic');
MONTHS.sept = 9;
MONTHS.setiembre = 9;
MONTHS.set = 9;

/** Hours from UTC (standard US abbreviations; daylight ones are one hour east). */
const ZONES: Record<string, number> = {
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
  utc: 0,
  gmt: 0,
  z: 0,
};

/** Month 1–12 of an English or Spanish month name or abbreviation (any case); 0 if none. */
export function monthNumber(word: string): number {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? 0;
}

/** ISO-8601 UTC ('…Z') of the snapshot, or null if the text does not state date, time and zone. */
export function parseSnapshotTime(text: string): string | null {
  const raw = text
    .replace(/\u2212/g, '-')
    .replace(/^\s*(date|fecha)\s*:\s*/i, '')
    .trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(raw)) {
    const ms = Date.parse(raw);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  const s = raw
    .toLowerCase()
    .replace(/\b([ap])\.\s*m\./g, '$1m')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ');
  const time = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?/.exec(s);
  if (!time) return null;
  const datePart = s.slice(0, time.index);
  const zonePart = s.slice(time.index + time[0].length).trim();
  let month = 0;
  let day = 0;
  let year = 0;
  for (const tok of datePart.split(' ')) {
    const word = tok.replace(/\.$/, '');
    if (/^\d{4}$/.test(word)) year = Number(word);
    else if (/^\d{1,2}$/.test(word)) day = Number(word);
    else if (MONTHS[word] && !month) month = MONTHS[word]!;
  }
  if (!month || !day || !year || day > daysInMonth(year, month)) return null;
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  const second = time[3] ? Number(time[3]) : 0;
  if (time[4]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (time[4] === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const offset = /^(gmt|utc)\s*([+-])(\d{1,2})(?::?(\d{2}))?\b/.exec(zonePart);
  if (offset) {
    const h = Number(offset[3]);
    const m = offset[4] ? Number(offset[4]) : 0;
    if (h > 14 || m > 59) return null;
    const sign = offset[2] === '-' ? -1 : 1;
    return new Date(wall - sign * (h * 60 + m) * 60_000).toISOString();
  }
  const abbr = /^([a-z]+)\b/.exec(zonePart)?.[1] ?? '';
  if (abbr === 'et') return new Date(zonedToUtc({ year, month, day, hour, minute, second })).toISOString();
  if (abbr in ZONES) return new Date(wall - ZONES[abbr]! * 3_600_000).toISOString();
  return null;
}
