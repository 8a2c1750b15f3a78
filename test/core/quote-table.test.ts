import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChainParseError, parseCboeQuoteTable } from '../../src/core';
import { readCboeQuoteTable } from '../../src/core/cboe-quotedata';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/chains/${name}`, import.meta.url), 'utf8');
const HEADER =
  'Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest';
const row = (date: string, root: string, occDate: string, k: number, iv = '0.15', oi = '100') => {
  const s = String(k * 1000).padStart(8, '0');
  return `${date},${root}${occDate}C${s},1,0,1,1,0,${iv},0.5,0.001,${oi},${k.toFixed(2)},${root}${occDate}P${s},1,0,1,1,0,${iv},-0.5,0.001,${oi}`;
};
const table = (
  dateLine: string,
  rows: string[],
  top = 'Standard & Poors 500 Index,Last: 4505.1001,Change:  37.66',
) => ['', top, `"Date: ${dateLine}",Bid: 0,Ask: 0,Size: 1*1,Volume: 0`, HEADER, ...rows, ''].join('\n');
const errorOf = (f: () => unknown): ChainParseError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ChainParseError) return e;
    throw e;
  }
  throw new Error('expected a ChainParseError');
};

describe('the Cboe quote-table reader', () => {
  it('reads a Spanish, day-first date line from a file with a byte-order mark and CRLF line ends', () => {
    const c = parseCboeQuoteTable(fixture('spx-es-crlf-bom.csv'));
    expect(c.asOf).toBe('2025-01-07T01:57:00.000Z');
    expect(c.count).toBe(12);
    expect(c.underlying).toBe('SPX');
    expect(c.spot).toBe(5975.3799);
  });

  it('reads quoted header fields, a name with a comma, U+2212 minus signs and a day-first English date', () => {
    const c = parseCboeQuoteTable(fixture('spx-quoted-minus-dayfirst.csv'));
    expect(c.underlyingName).toBe('S&P 500, Index');
    expect(c.asOf).toBe('2025-01-07T01:57:00.000Z');
    expect(c.count).toBe(12);
  });

  it('reads every date-line shape seen in the shared files', () => {
    const at = (d: string) =>
      parseCboeQuoteTable(table(d, [row('Fri Sep 15 2023', 'SPXW', '230915', 4500)])).asOf;
    expect(at('September 14, 2023 at 4:31 PM EDT')).toBe('2023-09-14T20:31:00.000Z');
    expect(at('February 5 2022, 8:26 PM EST')).toBe('2022-02-06T01:26:00.000Z');
    expect(at('23 de marzo de 2022, 10:11 GMT-4')).toBe('2022-03-23T14:11:00.000Z');
    expect(at('23 de marzo de 2022, 10:11 GMT−4')).toBe('2022-03-23T14:11:00.000Z');
    expect(at('14 septiembre 2023, 4:31 p. m. EDT')).toBe('2023-09-14T20:31:00.000Z');
  });

  it('takes each row’s root from its OCC symbol, so SPX and SPXW rows for the same strike stay apart', () => {
    const c = parseCboeQuoteTable(
      table('September 14, 2023 at 4:31 PM EDT', [
        row('Fri Sep 15 2023', 'SPXW', '230915', 4500, '0.1', '7'),
        row('Fri Sep 15 2023', 'SPX', '230915', 4500, '0.2', '9'),
      ]),
    );
    expect(c.roots).toEqual(['SPX', 'SPXW']);
    expect(c.underlying).toBe('SPX');
    const spx = c.roots.indexOf('SPX');
    for (let i = 0; i < c.count; i++) expect(c.oi[i]).toBe(c.root[i] === spx ? 9 : 7);
  });

  it('keeps same-day rows that have already expired (the analysis leaves them out by time)', () => {
    const c = parseCboeQuoteTable(
      table('September 14, 2023 at 4:31 PM EDT', [
        row('Thu Sep 14 2023', 'SPXW', '230914', 4500, '0'),
        row('Fri Sep 15 2023', 'SPXW', '230915', 4500),
      ]),
    );
    expect(c.count).toBe(4);
    expect(c.iv[0]).toBeNaN();
  });

  it('leaves out a value it cannot read, naming the line and the field, and reads the rest', () => {
    const r = readCboeQuoteTable(fixture('spx-bad-iv.csv'));
    expect(r.skipped).toEqual([
      { reason: 'IV is not a number', count: 1, examples: [7], places: 1, place: 'line' },
    ]);
    expect(r.chain.count).toBe(11);
    expect(Array.from(r.chain.sourceLine)).not.toContain(0);
  });
  it('refuses to guess an unreadable snapshot time and says how to supply one', () => {
    const e = errorOf(() => parseCboeQuoteTable(fixture('spx-no-date.csv')));
    expect([e.line, e.field]).toEqual([3, 'Date']);
    expect(e.message).toMatch(/--at/);
    expect(e.message).toMatch(/snapshot-time field/);
  });

  it('accepts a caller-supplied snapshot time instead of the file’s', () => {
    const c = parseCboeQuoteTable(fixture('spx-no-date.csv'), { asOf: '2025-01-06T20:57:00-05:00' });
    expect(c.asOf).toBe('2025-01-07T01:57:00.000Z');
  });

  it('leaves out a row whose put does not match its call, instead of merging by position', () => {
    const bad = row('Fri Sep 15 2023', 'SPXW', '230915', 4500).replace(
      'SPXW230915P04500000',
      'SPXW230915P04505000',
    );
    const r = readCboeQuoteTable(
      table('September 14, 2023 at 4:31 PM EDT', [row('Fri Sep 15 2023', 'SPXW', '230915', 4505), bad]),
    );
    expect(r.chain.count).toBe(2);
    expect(r.skipped.map((g) => [g.reason, g.count, g.examples])).toEqual([
      ['the put on the row is not the same contract as the call', 2, [6]],
    ]);
  });

  it('leaves out a row whose Expiration Date column disagrees with its symbols', () => {
    const r = readCboeQuoteTable(
      table('September 14, 2023 at 4:31 PM EDT', [
        row('Thu Sep 21 2023', 'SPXW', '230915', 4500),
        row('Fri Sep 15 2023', 'SPXW', '230915', 4505),
      ]),
    );
    expect(r.skipped.map((g) => g.reason)).toEqual(['Expiration Date column differs from the symbols']);
    expect(r.chain.count).toBe(2);
  });

  it('refuses a table whose every row is bad with "no usable contracts" and the reasons', () => {
    const bad = row('Thu Sep 21 2023', 'SPXW', '230915', 4500);
    const e = errorOf(() => parseCboeQuoteTable(table('September 14, 2023 at 4:31 PM EDT', [bad])));
    expect(e.message).toMatch(
      /no usable contracts: 0 read, .*left out: 2 Expiration Date column differs from the symbols \(line 5\)/,
    );
  });

  it('reads the call and put Volume columns, and says the table has volume', () => {
    const r = readCboeQuoteTable(fixture('spx-quoted-minus-dayfirst.csv'));
    expect(r.chain.hasVolume).toBe(true);
    // Line 5 of the fixture: call volume 176, put volume 4740; open interest 251 / 174 stays apart.
    expect([r.chain.volume[0], r.chain.volume[1], r.chain.oi[0], r.chain.oi[1]]).toEqual([
      176, 4740, 251, 174,
    ]);
  });

  it('reads a table without Volume columns as one without volume', () => {
    const text = fixture('spx-quoted-minus-dayfirst.csv')
      .split('\n')
      .map((l) =>
        l
          .split(',')
          .filter((_, i) => i !== 6 && i !== 17)
          .join(','),
      )
      .join('\n');
    const c = parseCboeQuoteTable(text);
    expect(c.hasVolume).toBe(false);
    expect(c.count).toBe(12);
    expect(Array.from(c.volume).every(Number.isNaN)).toBe(true);
  });

  it('rejects text that is not a quote table with one ChainParseError', () => {
    expect(errorOf(() => parseCboeQuoteTable('hello,world\n1,2\n')).field).toBe('Expiration Date');
    expect(errorOf(() => parseCboeQuoteTable('')).message).toMatch(/empty/);
  });
});
