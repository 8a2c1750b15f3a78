import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cboeTimestampToIso } from '../../src/core/import/cboe-json.ts';
import { detectFormat, ImportError, importChain } from '../../src/core/import/index.ts';

const shared = (f: string) =>
  readFileSync(new URL(`../../../shared/data/chains/${f}`, import.meta.url), 'utf8');
const fixture = (f: string) => readFileSync(new URL(`../fixtures/chains/${f}`, import.meta.url), 'utf8');

function thrown(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('format detection', () => {
  it('recognises every shared Cboe quote table, including the Spanish-locale one', () => {
    for (const f of [
      'spx_quotedata_2023-09-14_full.csv',
      'spx_quotedata_2022-03-23_full_es-locale.csv',
      'ndx_quotedata_2022-02-05_full.csv',
      'nvda_quotedata_2025-01-06.csv',
    ]) {
      expect(detectFormat(shared(f)), f).toBe('cboe-csv');
    }
  });

  it('recognises Cboe JSON and generic CSV fixtures by content', () => {
    expect(detectFormat(fixture('cboe-spx-2025-01-06.json'))).toBe('cboe-json');
    expect(detectFormat(`\uFEFF  ${fixture('cboe-spx-2025-01-06.json')}`)).toBe('cboe-json');
    expect(detectFormat(fixture('generic-spx-2025-01-06-long.csv'))).toBe('generic-csv');
    expect(detectFormat(fixture('generic-spy-2025-05-06-wide.csv'))).toBe('generic-csv');
  });

  it('still sees a Cboe table whose leading empty line was lost and lines end in CRLF', () => {
    const text = shared('spx_quotedata_2025-01-06_single-expiry.csv').trimStart().replace(/\n/g, '\r\n');
    expect(detectFormat(text)).toBe('cboe-csv');
    expect(importChain(text).chain.count).toBe(40);
  });
});

describe('Cboe quote-table CSV through importChain', () => {
  it('reads the full SPX file: 19,920 contract lines, both roots, spot and snapshot time', () => {
    const r = importChain(shared('spx_quotedata_2023-09-14_full.csv'));
    expect(r.format).toBe('cboe-csv');
    expect(r.chain.count).toBe(19_920);
    expect(r.chain.roots).toEqual(['SPX', 'SPXW']);
    expect(r.chain.expirations).toHaveLength(53);
    expect(r.chain.spot).toBe(4505.1001);
    expect(r.chain.asOf).toBe('2023-09-14T20:31:00.000Z');
    expect(r.asOfStatus).toBe('file');
  });

  it('marks an unreadable Date line as such instead of failing, so the user can type the time', () => {
    const text = shared('spx_quotedata_2025-01-06_single-expiry.csv').replace(
      /"Date: [^"]*"/,
      '"Date: sometime yesterday"',
    );
    const r = importChain(text);
    expect(r.asOfStatus).toBe('unreadable');
    expect(r.asOfText).toContain('sometime yesterday');
    expect(r.chain.asOf).toBeNull();
    expect(r.chain.count).toBe(40);
  });

  it('leaves out a corrupt row, naming its line, and imports the rest', () => {
    const lines = shared('spx_quotedata_2025-01-06_single-expiry.csv').split('\n');
    lines[6] = lines[6]!.replace('SPXW250107C', 'SPXW25AB07C');
    const r = importChain(lines.join('\n'));
    expect(r.chain.count).toBe(38);
    expect(r.skipped).toEqual([
      {
        reason: 'not an OCC option symbol in the Calls or Puts column',
        count: 2,
        examples: [7],
        places: 1,
        place: 'line',
      },
    ]);
  });
});

describe('Cboe delayed-quotes JSON', () => {
  it('reads root, expiry, type and strike from the OCC symbols and the snapshot time as New York time', () => {
    const r = importChain(fixture('cboe-spx-2025-01-06.json'));
    expect(r.format).toBe('cboe-json');
    const c = r.chain;
    expect(c.count).toBe(40);
    expect(c.underlying).toBe('SPX');
    expect(c.roots).toEqual(['SPXW']);
    expect(c.expirations).toEqual(['2025-01-07']);
    expect(c.spot).toBe(5975.3799);
    // 20:57 EST = 01:57 UTC the next day.
    expect(c.asOf).toBe('2025-01-07T01:57:00.000Z');
    expect(c.strike[0]).toBe(5930);
    expect(c.isCall[0]).toBe(1);
    expect(c.isCall[1]).toBe(0);
    expect(c.oi[0]).toBe(251);
    expect(c.iv[0]).toBeCloseTo(0.1749, 12);
  });

  it('agrees line for line with the quote table it was made from', () => {
    const a = importChain(fixture('cboe-nvda-2025-01-06.json')).chain;
    const b = importChain(shared('nvda_quotedata_2025-01-06.csv')).chain;
    expect(a.count).toBe(1086);
    const key = (c: typeof a, i: number) =>
      `${c.expirations[c.expiry[i]!]}|${c.strike[i]}|${c.isCall[i]}|${c.oi[i]}|${c.iv[i]}`;
    const keysA = new Set(Array.from({ length: a.count }, (_, i) => key(a, i)));
    const keysB = Array.from({ length: b.count }, (_, i) => key(b, i));
    expect(keysB.filter((k) => !keysA.has(k))).toEqual([]);
  });

  it('says the snapshot time is missing when the file has no timestamp', () => {
    const r = importChain(fixture('cboe-nvda-2025-01-06.json'));
    expect(r.asOfStatus).toBe('missing');
    expect(r.chain.asOf).toBeNull();
    expect(r.chain.underlying).toBe('NVDA');
  });

  it('says the snapshot time is unreadable when the timestamp is garbage', () => {
    const doc = JSON.parse(fixture('cboe-spx-2025-01-06.json'));
    doc.timestamp = 'yesterday at noon';
    const r = importChain(JSON.stringify(doc));
    expect(r.asOfStatus).toBe('unreadable');
    expect(r.asOfText).toBe('yesterday at noon');
  });

  it('converts summer timestamps with the daylight-saving offset', () => {
    expect(cboeTimestampToIso('2023-10-20 15:59:57')).toBe('2023-10-20T19:59:57.000Z');
    expect(cboeTimestampToIso('2023-12-20T15:59:57')).toBe('2023-12-20T20:59:57.000Z');
  });

  it('rejects broken JSON with the line of the problem', () => {
    const text = fixture('cboe-spx-2025-01-06.json').replace('"iv": 0.1749,', '"iv": 0.1749,,');
    const e = thrown(() => importChain(text));
    expect(e.message).toMatch(/^The file is not valid JSON \(line 12\)/);
  });

  it('leaves out an entry whose symbol is not an OCC symbol, naming its index in data.options', () => {
    const doc = JSON.parse(fixture('cboe-spx-2025-01-06.json'));
    doc.data.options[3].option = 'SPXW250107X05930000';
    doc.data.options[5] = 'not an object';
    const r = importChain(JSON.stringify(doc));
    expect(r.chain.count).toBe(38);
    expect(r.skipped).toEqual([
      {
        reason: '"option" is not an OCC option symbol (e.g. SPXW231020C04500000)',
        count: 1,
        examples: [3],
        places: 1,
        place: 'option',
      },
      { reason: 'not an object', count: 1, examples: [5], places: 1, place: 'option' },
    ]);
  });

  it('rejects JSON that is not a Cboe document', () => {
    expect(thrown(() => importChain('{"foo": 1}')).message).toMatch(/no "data" object/);
    expect(thrown(() => importChain('{"data": {"options": []}}')).message).toMatch(/empty/);
  });
});

describe('generic CSV', () => {
  it('maps columns regardless of order and case, one contract per row', () => {
    const r = importChain(fixture('generic-spx-2025-01-06-long.csv'));
    const json = importChain(fixture('cboe-spx-2025-01-06.json')).chain;
    expect(r.format).toBe('generic-csv');
    expect(r.chain.count).toBe(40);
    expect(r.chain.underlying).toBe('SPX');
    expect(Array.from(r.chain.oi)).toEqual(Array.from(json.oi));
    expect(Array.from(r.chain.iv)).toEqual(Array.from(json.iv));
    expect(Array.from(r.chain.gamma)).toEqual(Array.from(json.gamma));
    expect(r.asOfStatus).toBe('missing');
    expect(r.notes).toEqual([]);
  });

  it('reads call and put columns, percent IVs, thousands separators and US dates', () => {
    const r = importChain(fixture('generic-spy-2025-05-06-wide.csv'));
    const table = importChain(shared('spy_quotedata_2025-05-06_near-money_mit.csv')).chain;
    expect(r.chain.count).toBe(156);
    expect(r.chain.spot).toBe(557.37);
    expect(r.chain.expirations).toEqual(table.expirations);
    const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);
    expect(sum(r.chain.oi)).toBe(sum(table.oi));
    // IVs were printed with two decimals of a percent: equal to 1e-6.
    let compared = 0;
    for (let i = 0; i < r.chain.count; i++) {
      if (Number.isNaN(table.iv[i]!)) {
        expect(r.chain.iv[i]).toBeNaN();
      } else {
        expect(Math.abs(r.chain.iv[i]! - table.iv[i]!)).toBeLessThan(1e-6);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('reads plain-number IVs above 3 as percent and says so', () => {
    const text =
      'expiration,strike,type,oi,implied volatility\n2025-01-17,100,C,10,25.5\n2025-01-17,100,P,5,30\n';
    const r = importChain(text);
    expect(r.chain.iv[0]).toBeCloseTo(0.255, 12);
    expect(r.notes.join(' ')).toMatch(/"implied volatility" read as percent/);
  });

  it('names the missing column and lists the columns it found', () => {
    const text = 'expiration,strike,type,volume,iv\n2025-01-17,100,C,10,0.2\n';
    const e = thrown(() => importChain(text));
    expect(e.message).toMatch(/^No open interest column/);
    expect(e.message).toContain('"volume"');
    expect(e.where.column).toBe('open interest');
    expect(thrown(() => importChain('strike,type,oi,iv\n100,C,1,0.2\n')).message).toMatch(
      /^No expiration date column/,
    );
    expect(thrown(() => importChain('expiry,strike,oi,iv\n2025-01-17,100,1,0.2\n')).message).toMatch(
      /^No type \(C\/P\) column/,
    );
  });

  it('counts unreadable rows by reason with their line numbers instead of guessing', () => {
    const text =
      'expiration,strike,type,oi,iv\n2025-01-17,100,C,10,0.2\nsoon,100,P,5,0.3\n2025-01-17,abc,P,5,0.3\n2025-01-17,100,X,5,0.3\n';
    const r = importChain(text);
    expect(r.chain.count).toBe(1);
    const g = (reason: string, line: number) => ({
      reason,
      count: 1,
      examples: [line],
      places: 1,
      place: 'line',
    });
    expect(r.skipped).toEqual([
      g('unreadable expiration date', 3),
      g('unreadable strike', 4),
      g('type is not C/P or Call/Put', 5),
    ]);
  });

  it('fails with "No usable contracts" and the reasons when no row is usable', () => {
    expect(thrown(() => importChain('expiration,strike,type,oi,iv\nsoon,100,C,1,0.2\n')).message).toBe(
      'No usable contracts: 0 read, none with both an IV and open interest or volume; left out: 1 unreadable expiration date (line 2).',
    );
  });

  it('refuses empty input', () => {
    expect(thrown(() => importChain('  \n ')).message).toMatch(/empty/);
  });
});

describe('import progress', () => {
  it('reports rising progress through a large Cboe quote table, ending at 1', () => {
    const seen: number[] = [];
    importChain(shared('spx_quotedata_2023-09-14_full.csv'), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(8); // 9,960 rows → every 1,000 rows, plus start and end
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(seen.some((f) => f > 0.4 && f < 0.6)).toBe(true);
  });
});
