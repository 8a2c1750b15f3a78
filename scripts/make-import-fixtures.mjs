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
console.log('wrote fixtures to', OUT);
