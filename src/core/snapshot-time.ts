/**
 * Reads the snapshot time of a Cboe quote table ("Date: …" on line 3), whatever the downloader's
 * browser locale made of it. Seen in real files (../shared/data/chains/PROVENANCE.md, issue 12):
 *
 *   September 14, 2023 at 4:31 PM EDT      January 6, 2025 at 8:57 PM EST
 *   February 5 2022, 8:26 PM EST           23 de marzo de 2022, 10:11 GMT-4
 *   9 June 2023, 1:40 PM EDT               (unquoted in the file: see dateLineText in cboe-quotedata.ts)
 *
 * Accepted: English or Spanish month names (full or abbreviated, with or without a dot), day before
 * or after the month, an optional weekday, optional "at" / "de" / "a las", commas or none, 12 h
 * (AM/PM, "p. m.") or 24 h clock, and a zone: GMT/UTC±H[:MM], EST/EDT/CST/CDT/MST/MDT/PST/PDT,
 * CET/CEST, UTC/GMT/Z, or ET (New York wall time, resolved with Intl). ISO-8601 with an offset too.
 * The year must be 2000–2100 (contract-checks.ts). Anything without a date, a time and a zone is not
 * read: the instant is never guessed, and the caller asks the user for it.
 */
import { YEARS } from './contract-checks';
import { zonedToUtc } from './ny-time';
import { daysInMonth } from './occ';

const MONTHS: Record<string, number> = {};
const add = (names: string) => {
  names.split(' ').forEach((n, i) => {
    MONTHS[n] = i + 1;
  });
};
add('january february march april may june july august september october november december');
add('jan feb mar apr may jun jul aug sep oct nov dec');
add('enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre');
add('ene feb mar abr may jun jul ago sep oct nov dic');
MONTHS.sept = 9;
MONTHS.setiembre = 9;
MONTHS.set = 9;

/** Hours from UTC (standard abbreviations; daylight ones are one hour east). */
const ZONES: Record<string, number> = {
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
  cet: 1,
  cest: 2,
  utc: 0,
  gmt: 0,
  z: 0,
};

/** Month 1–12 of an English or Spanish month name or abbreviation (any case); 0 if none. */
export function monthNumber(word: string): number {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? 0;
}

/** The instant read, or why it could not be read (a phrase for "cannot read the snapshot time …"). */
export type SnapshotReading = { iso: string } | { problem: string };

const ISO = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

const yearProblem = (year: number) =>
  year < YEARS.min || year > YEARS.max ? `the year ${year} is outside ${YEARS.min}–${YEARS.max}` : null;

/** Reads a date line's text (with or without its "Date:" label). */
export function readSnapshotTime(text: string): SnapshotReading {
  const raw = text
    .replace(/\u2212/g, '-')
    .replace(/^\s*(date|fecha)\s*:\s*/i, '')
    .trim();
  const iso = ISO.exec(raw);
  if (iso) {
    const ms = Date.parse(raw);
    if (Number.isNaN(ms)) return { problem: 'not a real date and time' };
    const bad = yearProblem(Number(iso[1]));
    return bad ? { problem: bad } : { iso: new Date(ms).toISOString() };
  }
  const s = raw
    .toLowerCase()
    .replace(/\b([ap])\.\s*m\./g, '$1m')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ');
  const time = /(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?/.exec(s);
  if (!time) return { problem: 'no time of day' };
  const date = dateOf(s.slice(0, time.index));
  if ('problem' in date) return date;
  const { year, month, day } = date;
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  const second = time[3] ? Number(time[3]) : 0;
  if (time[4]) {
    if (hour < 1 || hour > 12) return { problem: `${time[0].trim()} is not a 12-hour time` };
    hour = (hour % 12) + (time[4] === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return { problem: `${time[0].trim()} is not a time of day` };
  const zonePart = s.slice(time.index + time[0].length).trim();
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const offset = /^(gmt|utc)\s*([+-])(\d{1,2})(?::?(\d{2}))?\b/.exec(zonePart);
  if (offset) {
    const h = Number(offset[3]);
    const m = offset[4] ? Number(offset[4]) : 0;
    if (h > 14 || m > 59) return { problem: `${offset[0].toUpperCase()} is not a UTC offset` };
    const sign = offset[2] === '-' ? -1 : 1;
    return { iso: new Date(wall - sign * (h * 60 + m) * 60_000).toISOString() };
  }
  const abbr = /^([a-z]+)\b/.exec(zonePart)?.[1] ?? '';
  if (abbr === 'et')
    return { iso: new Date(zonedToUtc({ year, month, day, hour, minute, second })).toISOString() };
  if (abbr in ZONES) return { iso: new Date(wall - ZONES[abbr]! * 3_600_000).toISOString() };
  return {
    problem: abbr
      ? `unknown time zone "${abbr.toUpperCase()}"`
      : 'no time zone (EST, EDT, ET, GMT±h or UTC±h)',
  };
}

/** ISO-8601 UTC ('…Z') of the snapshot, or null if the text does not state date, time and zone. */
export function parseSnapshotTime(text: string): string | null {
  const r = readSnapshotTime(text);
  return 'iso' in r ? r.iso : null;
}

/**
 * Day, month and year from the words before the time. The month is the LAST month word: a Spanish
 * weekday abbreviation "mar." (martes) is also March's, and the weekday comes first.
 */
function dateOf(text: string): { year: number; month: number; day: number } | { problem: string } {
  let month = 0;
  let day = 0;
  let year = 0;
  for (const tok of text.split(' ')) {
    const word = tok.replace(/\.$/, '');
    const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(word);
    if (ymd) [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    else if (/^\d{4}$/.test(word)) year = Number(word);
    else if (/^\d{1,2}(st|nd|rd|th)?$/.test(word)) day = Number.parseInt(word, 10);
    else if (MONTHS[word]) month = MONTHS[word]!;
  }
  if (!month || !day || !year) return { problem: 'no date (day, month name and year)' };
  if (month > 12) return { problem: `month ${month} does not exist` };
  const bad = yearProblem(year);
  if (bad) return { problem: bad };
  if (day < 1 || day > daysInMonth(year, month)) return { problem: `day ${day} is not in that month` };
  return { year, month, day };
}
