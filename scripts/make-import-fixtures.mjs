#!/usr/bin/env node
/**
 * Writes the importer test fixtures (test/fixtures/chains/*.json, generic-*.csv) from the shared
 * Cboe quote-table files, so every fixture holds real quotes. The shared files are only read.
 *
 *   node scripts/make-import-fixtures.mjs [/work/shared/data/chains]
 *
 * Outputs:
 *   cboe-spx-2025-01-06.json          Cboe delayed-quotes JSON of the single-expiry SPX file (40 contracts)
 *   cboe-nvda-2025-01-06.json         the same for the NVDA file (1,086 contracts), no "timestamp"
 *   generic-spx-2025-01-06-long.csv   one contract per row, shuffled column order, upper-case headers
 *   generic-spy-2025-05-06-wide.csv   one strike per row, call/put columns, "17.5%" IVs, "1,234" OI
 *   generic-spx-2025-01-06-long-volume.csv   the long layout with a "Vol" column (the day's volume)
 *   generic-spy-2025-05-06-wide-volume.csv   the wide layout with "Call Volume" / "Put Volume"
 *   date-*.csv                        the single-expiry SPX quote table (January 6, 2025 at 8:57 PM EST)
 *                                     with its Date line written as each locale and shape we read
 *                                     (issue 12.1); every readable one states 2025-01-07T01:57:00Z
 *   date-unreadable-*.csv             Date lines that must ask for the time instead of guessing
 *   spx-bad-values.csv                the same table with absurd values, broken rows and duplicates
 *   generic-bad-values.csv            a long-layout CSV with a 1e309 strike, absurd values, a duplicate
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = process.argv[2] ?? '/work/shared/data/chains';
const OUT = new URL('../test/fixtures/chains/', import.meta.url).pathname;

/** Reads a quote table (data rows hold no quoted fields) into rows of {exp, strike, call, put}. */
function readQuoteTable(file) {
  const lines = readFileSync(join(SRC, file), 'utf8').split('\n');
  const name = lines[1].split(',')[0];
  const spot = Number(/Last:\s*([\d.]+)/.exec(lines[1])[1]);
  const header = lines[3].split(',');
  const rows = [];
  for (const line of lines.slice(4)) {
    if (!line.trim()) continue;
    const c = line.split(',');
    const side = (off) => Object.fromEntries(header.slice(off, off + 10).map((h, i) => [h, c[off + i]]));
    rows.push({ exp: c[0], strike: c[11], call: side(1), put: side(12) });
  }
  return { name, spot, rows };
}

const occDate = (sym) => /(\d{2})(\d{2})(\d{2})[CP]/.exec(sym).slice(1);
const isoExp = (sym) => {
  const [y, m, d] = occDate(sym);
  return `20${y}-${m}-${d}`;
};

function toJson(table, symbol, timestamp) {
  const options = [];
  for (const r of table.rows) {
    for (const s of [r.call, r.put]) {
      options.push({
        option: s.Calls ?? s.Puts,
        bid: Number(s.Bid),
        ask: Number(s.Ask),
        iv: Number(s.IV),
        open_interest: Number(s['Open Interest']),
        volume: Number(s.Volume),
        delta: Number(s.Delta),
        gamma: Number(s.Gamma),
        last_trade_price: Number(s['Last Sale']),
      });
    }
  }
  const data = { symbol, current_price: table.spot, close: table.spot, options };
  return `${JSON.stringify(timestamp ? { timestamp, data } : { data }, null, 1)}\n`;
}

const spx = readQuoteTable('spx_quotedata_2025-01-06_single-expiry.csv');
// The quote table says "January 6, 2025 at 8:57 PM EST"; Cboe JSON stamps New York wall time.
writeFileSync(join(OUT, 'cboe-spx-2025-01-06.json'), toJson(spx, '_SPX', '2025-01-06 20:57:00'));
const nvda = readQuoteTable('nvda_quotedata_2025-01-06.csv');
writeFileSync(join(OUT, 'cboe-nvda-2025-01-06.json'), toJson(nvda, 'NVDA', undefined));

// Long layout: columns out of the usual order, mixed case, ISO expirations, decimal IV.
const long = ['Open Interest,STRIKE,Type,iv,Expiration,Root,Bid,Ask,Gamma'];
for (const r of spx.rows) {
  for (const [s, t] of [
    [r.call, 'C'],
    [r.put, 'P'],
  ]) {
    const sym = s.Calls ?? s.Puts;
    const root = /^[A-Z]+/.exec(sym)[0];
    long.push(
      [
        s['Open Interest'],
        r.strike,
        t === 'C' ? 'Call' : 'Put',
        s.IV,
        isoExp(sym),
        root,
        s.Bid,
        s.Ask,
        s.Gamma,
      ].join(','),
    );
  }
}
writeFileSync(join(OUT, 'generic-spx-2025-01-06-long.csv'), `${long.join('\n')}\n`);

// Wide layout: one row per strike, US dates, percent IVs and thousands separators (quoted).
const spy = readQuoteTable('spy_quotedata_2025-05-06_near-money_mit.csv');
const fmtOi = (x) => `"${Number(x).toLocaleString('en-US')}"`;
const pct = (x) => `${(Number(x) * 100).toFixed(2)}%`;
const wide = ['Expiry,Strike,Call OI,Call IV,Put IV,Put OI,Spot'];
for (const r of spy.rows) {
  const [y, m, d] = occDate(r.call.Calls);
  wide.push(
    [
      `${m}/${d}/20${y}`,
      r.strike,
      fmtOi(r.call['Open Interest']),
      pct(r.call.IV),
      pct(r.put.IV),
      fmtOi(r.put['Open Interest']),
      spy.spot,
    ].join(','),
  );
}
writeFileSync(join(OUT, 'generic-spy-2025-05-06-wide.csv'), `${wide.join('\r\n')}\r\n`);

// The same two layouts with the day's volume, under the header spellings brokers use.
const longVol = ['Expiration,Strike,Type,Open Interest,Vol,IV,Root'];
for (const r of spx.rows) {
  for (const [s, t] of [
    [r.call, 'C'],
    [r.put, 'P'],
  ]) {
    const sym = s.Calls ?? s.Puts;
    longVol.push(
      [isoExp(sym), r.strike, t, s['Open Interest'], s.Volume, s.IV, /^[A-Z]+/.exec(sym)[0]].join(','),
    );
  }
}
writeFileSync(join(OUT, 'generic-spx-2025-01-06-long-volume.csv'), `${longVol.join('\n')}\n`);
const wideVol = ['Expiry,Strike,Call OI,Call Volume,Call IV,Put IV,Put Volume,Put OI,Spot'];
for (const r of spy.rows) {
  wideVol.push(
    [
      isoExp(r.call.Calls),
      r.strike,
      r.call['Open Interest'],
      r.call.Volume,
      r.call.IV,
      r.put.IV,
      r.put.Volume,
      r.put['Open Interest'],
      spy.spot,
    ].join(','),
  );
}
writeFileSync(join(OUT, 'generic-spy-2025-05-06-wide-volume.csv'), `${wideVol.join('\n')}\n`);

// Date lines: the single-expiry SPX file's line 3 ("January 6, 2025 at 8:57 PM EST") written as other
// browser locales and Cboe page versions print it. Unquoted lines are split by their own commas.
const spxLines = readFileSync(join(SRC, 'spx_quotedata_2025-01-06_single-expiry.csv'), 'utf8').split('\n');
const rest = spxLines[2].slice(spxLines[2].indexOf(',Bid:'));
const withDate = (dateField) =>
  [spxLines[0], spxLines[1], `${dateField}${rest}`, ...spxLines.slice(3)].join('\n');
const DATES = {
  'unquoted-dayfirst': 'Date: 6 January 2025, 8:57 PM EST',
  'unquoted-monthfirst-at': 'Date: January 6, 2025 at 8:57 PM EST',
  'unquoted-24h-gmt-hhmm': 'Date: 6 January 2025, 20:57 GMT-05:00',
  'unquoted-es-a-las': 'Date: 6 de enero de 2025 a las 8:57 p. m. EST',
  'quoted-no-comma-after-day': '"Date: January 6 2025, 8:57 PM EST"',
  'quoted-abbrev-commas': '"Date: Jan 6, 2025, 8:57 PM EST"',
  'quoted-weekday': '"Date: Monday, January 6, 2025 at 8:57 PM EST"',
  'quoted-lowercase': '"Date: january 6, 2025 at 8:57 pm est"',
  'quoted-24h-et': '"Date: 6 January 2025 20:57 ET"',
  'quoted-cst': '"Date: January 6, 2025 at 7:57 PM CST"',
  'quoted-utc': '"Date: January 7, 2025 01:57 UTC"',
  'quoted-am-dots-utc': '"Date: 7 January 2025, 1:57 a.m. UTC"',
  'quoted-gmt-offset': '"Date: 6 Jan 2025, 20:57 GMT-5"',
  'quoted-utc-half-hour': '"Date: 7 January 2025 at 07:27 UTC+5:30"',
  'quoted-es': '"Date: 6 de enero de 2025, 20:57 GMT-5"',
  'quoted-es-weekday-mar': '"Date: mar., 7 ene. 2025, 2:57 GMT+1"',
  'unreadable-year-9999': '"Date: January 6, 9999 at 8:57 PM EST"',
  'unreadable-no-zone': '"Date: January 6, 2025 at 8:57 PM"',
  'unreadable-no-time': '"Date: January 6, 2025"',
};
for (const [name, line] of Object.entries(DATES))
  writeFileSync(join(OUT, `date-${name}.csv`), withDate(line));

// Absurd values, broken rows and duplicates in a real table (line numbers are the file's, 1-based):
// lines 6, 8, 10: open interest 1e308, -5, 2e9; line 7: put IV 1e-320; line 9: call gamma 1e308;
// line 11: call IV 25; line 12: put volume "abc"; line 13: fewer fields; line 14: not an OCC symbol;
// line 25: a copy of line 15 (two duplicate contracts).
const bad = [...spxLines];
const cells = (i) => bad[i - 1].split(',');
const set = (i, col, v) => {
  const c = cells(i);
  c[col] = v;
  bad[i - 1] = c.join(',');
};
set(6, 10, '1e308');
set(8, 21, '-5');
set(10, 10, '2000000000');
set(7, 18, '1e-320');
set(9, 9, '1e308');
set(11, 7, '25');
set(12, 17, 'abc');
bad[12] = cells(13).slice(0, 15).join(',');
set(14, 1, 'SPXW2501X7C05990000');
bad.splice(24, 0, bad[14]);
writeFileSync(join(OUT, 'spx-bad-values.csv'), bad.join('\n'));

const genericBad = [
  'expiration,strike,type,oi,iv,volume',
  '2025-01-17,100,C,10,0.2,5',
  '2025-01-17,1e309,C,10,0.2,5',
  '2025-01-17,105,C,1e308,0.2,5',
  '2025-01-17,110,P,10,1e-320,5',
  '2025-01-17,100,C,99,0.25,5',
  '2025-01-17,115,P,-3,0.3,5',
  '2025-01-17,120,C,7,0.2,-1',
  '2025-01-17,95,P,12,0.22,3',
];
writeFileSync(join(OUT, 'generic-bad-values.csv'), `${genericBad.join('\n')}\n`);
console.log('wrote fixtures to', OUT);
