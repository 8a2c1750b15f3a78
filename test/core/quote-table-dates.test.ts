import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dateLineText, readCboeQuoteTable } from '../../src/core/cboe-quotedata';
import { importChain } from '../../src/core/import';
import { parseSnapshotTime, readSnapshotTime } from '../../src/core/snapshot-time';
import { SHARED_CHAINS, sharedText } from './chains';

const DIR = new URL('../fixtures/chains/', import.meta.url);
const fixture = (f: string) => readFileSync(new URL(f, DIR), 'utf8');
const files = readdirSync(DIR).filter((f) => f.startsWith('date-'));
const readable = files.filter((f) => !f.startsWith('date-unreadable-'));
// scripts/make-import-fixtures.mjs writes the single-expiry SPX file's snapshot, "January 6, 2025 at
// 8:57 PM EST", in every shape: each readable variant states this same instant.
const SNAPSHOT = '2025-01-07T01:57:00.000Z';

describe('the Date line of a Cboe quote table', () => {
  it('has a fixture for every variant the brief lists (16 readable, 3 unreadable)', () => {
    expect(readable).toHaveLength(16);
    expect(files.length - readable.length).toBe(3);
  });

  it.each(readable)('%s imports with its own snapshot time, 2025-01-07 01:57 UTC', (file) => {
    const r = importChain(fixture(file));
    expect([r.asOfStatus, r.chain.asOf, r.chain.count]).toEqual(['file', SNAPSHOT, 40]);
  });

  it('rejoins an unquoted Date line that its own commas split, up to the next "Label:" field', () => {
    expect(dateLineText('Date: 9 June 2023, 1:40 PM EDT,Bid: 4290.1,Ask: 4301.2,Size: 1*1,Volume: 0')).toBe(
      'Date: 9 June 2023, 1:40 PM EDT',
    );
    expect(dateLineText('"Date: September 14, 2023 at 4:31 PM EDT",Bid: 4483.25,"Volume: 71,039,449"')).toBe(
      'Date: September 14, 2023 at 4:31 PM EDT',
    );
    expect(parseSnapshotTime('Date: 9 June 2023, 1:40 PM EDT')).toBe('2023-06-09T17:40:00.000Z');
  });

  it.each([
    ['date-unreadable-year-9999.csv', 'the year 9999 is outside 2000–2100'],
    ['date-unreadable-no-zone.csv', 'no time zone (EST, EDT, ET, GMT±h or UTC±h)'],
    ['date-unreadable-no-time.csv', 'no time of day'],
  ])('%s asks for the time and says why (%s)', (file, why) => {
    const r = importChain(fixture(file));
    expect([r.asOfStatus, r.chain.asOf, r.asOfProblem, r.asOfLine]).toEqual(['unreadable', null, why, 3]);
    expect(() => readCboeQuoteTable(fixture(file))).toThrow(
      new RegExp(
        `line 3, field "Date": cannot read the snapshot time .*\\(${why.replace(/[()±]/g, '.')}\\); supply`,
      ),
    );
  });

  it('reads every shared file with the snapshot time PROVENANCE.md gives', () => {
    const seen = readdirSync(SHARED_CHAINS).filter((f) => f.endsWith('.csv'));
    expect(seen).toHaveLength(7);
    for (const f of seen) expect(importChain(sharedText(f)).asOfStatus, f).toBe('file');
  });

  it('takes the last month word, so a Spanish weekday "mar." (Tuesday) is not March', () => {
    expect(parseSnapshotTime('mar., 7 ene. 2025, 2:57 GMT+1')).toBe(SNAPSHOT);
    expect(parseSnapshotTime('martes, 14 de marzo de 2023, 10:00 GMT-4')).toBe('2023-03-14T14:00:00.000Z');
  });

  it('resolves ET through the time zone database on both sides of a DST change', () => {
    expect(parseSnapshotTime('March 10, 2024 at 1:30 AM ET')).toBe('2024-03-10T06:30:00.000Z');
    expect(parseSnapshotTime('March 10, 2024 at 3:30 AM ET')).toBe('2024-03-10T07:30:00.000Z');
  });

  it('refuses impossible dates and clocks instead of rolling them over', () => {
    expect(readSnapshotTime('February 30, 2023 at 4:31 PM EDT')).toEqual({
      problem: 'day 30 is not in that month',
    });
    expect(readSnapshotTime('February 3, 2023 at 13:31 PM EDT')).toEqual({
      problem: '13:31 pm is not a 12-hour time',
    });
    expect(readSnapshotTime('February 3, 2023 at 24:10 EDT')).toEqual({
      problem: '24:10 is not a time of day',
    });
    expect(readSnapshotTime('February 3, 2023 at 4:10 PM GMT+15')).toEqual({
      problem: 'GMT+15 is not a UTC offset',
    });
    expect(readSnapshotTime('February 3, 2023 at 4:10 PM XYZ')).toEqual({
      problem: 'unknown time zone "XYZ"',
    });
    expect(readSnapshotTime('1999-12-31T23:00:00Z')).toEqual({
      problem: 'the year 1999 is outside 2000–2100',
    });
  });

  it('reads ISO-8601 with an offset, and an ISO date with a zone abbreviation', () => {
    expect(parseSnapshotTime('2023-09-14T16:31:00-04:00')).toBe('2023-09-14T20:31:00.000Z');
    expect(parseSnapshotTime('2023-09-14 16:31 EDT')).toBe('2023-09-14T20:31:00.000Z');
  });
});
