import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainToJSON } from '../../src/core';
import { importChain, MAX_IMPORT_BYTES, STORAGE_QUOTA_BYTES, sizeProblem } from '../../src/core/import';
import { TEXT_PER_STORED_BYTE, textBytesAgainst, utf8Bytes } from '../../src/core/import/size-limit';
import { SHARED_CHAINS, sharedText } from './chains';

describe('the size rule, from the storage quota', () => {
  it('is twice storage.local’s 10 MiB quota: 20 MiB', () => {
    expect(STORAGE_QUOTA_BYTES).toBe(10_485_760);
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
  });

  it('is on the safe side for every shared chain: each stores in at most half its text', () => {
    for (const f of [
      'spx_quotedata_2023-09-14_full.csv',
      'ndx_quotedata_2022-02-05_full.csv',
      'spy_quotedata_2023-09-14_full.csv',
    ]) {
      const text = sharedText(f);
      const stored = JSON.stringify(chainToJSON(importChain(text).chain)).length;
      expect(text.length / stored, f).toBeGreaterThanOrEqual(TEXT_PER_STORED_BYTE);
    }
    expect(SHARED_CHAINS.pathname).toMatch(/shared\/data\/chains\/$/);
  });

  it('refuses a text over the limit before reading it, saying the limit and why', () => {
    const text = `Expiration Date,Calls,Strike,Puts\n${'x'.repeat(MAX_IMPORT_BYTES)}`;
    let progress = 0;
    const t0 = performance.now();
    expect(() => importChain(text, { onProgress: () => progress++ })).toThrow(
      'The text is 20,971,554 bytes; chains of at most 20,971,520 bytes can be imported: the browser keeps at most 10 MiB for this extension, and a chain stores at about half the size of its text, so a larger one could never be saved.',
    );
    expect(progress).toBe(0);
    // Not a timed assertion of speed (benchmarks do that): the point is that no reader ran.
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('names the file and lets a caller with another limit (the CLI) through', () => {
    expect(sizeProblem(52_300_000, 'big.csv')).toMatch(/^big\.csv is 50 MiB; chains of at most 20 MiB/);
    expect(sizeProblem(MAX_IMPORT_BYTES, 'edge.csv')).toBeNull();
    expect(
      sizeProblem(70 * 1024 * 1024, 'big.csv', 64 * 1024 * 1024, { flag: '--max-mb N reads larger files' }),
    ).toBe(
      'big.csv is 70 MiB; chains of at most 64 MiB can be imported: the CLI reads at most 64 MiB unless told otherwise (--max-mb N reads larger files); the largest real chain, SPX with every expiration, is 1.4 MiB.',
    );
  });

  it('counts UTF-8 bytes exactly, as the file on disk would have them', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Bytes(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
      { numRuns: 300 },
    );
    expect(textBytesAgainst('€'.repeat(10), 25)).toBe(30);
  });
});

describe('text that is no chain format at all', () => {
  it('says which formats were tried', () => {
    for (const text of [
      '\u0000\u0001PK\u0003\u0004 binary junk',
      'hello,world\n1,2\n',
      '<html><body>quotes</body></html>',
    ]) {
      expect(() => importChain(text), text).toThrow(
        /^Not a Cboe quote table, Cboe JSON or CSV with a header row: the first line names no expiration and no strike column\. Columns found: /,
      );
    }
  });

  it('names at most a dozen columns of a "header" that is really data', () => {
    const text = `${Array.from({ length: 500 }, (_, i) => `c${i}`).join(',')}\n1,2\n`;
    let message = '';
    try {
      importChain(text);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('"c11", … (500 in all).');
    expect(message.length).toBeLessThan(400);
  });
});
