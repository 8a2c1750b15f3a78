import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, computeDrivers, evaluateAt, makeModel, prepare } from '../../src/core';
import { REASONS } from '../../src/core/contract-checks';
import { ImportError, importChain } from '../../src/core/import';
import type { SkippedGroup } from '../../src/core/import/skip-log';

const fixture = (f: string) => readFileSync(new URL(`../fixtures/chains/${f}`, import.meta.url), 'utf8');
const groups = (skipped: SkippedGroup[]) =>
  Object.fromEntries(skipped.map((g) => [g.reason, [g.count, g.examples]]));
const HEADER = 'expiration,strike,type,oi,iv,gamma,volume';
/**
 * A generic CSV of three good lines (2–4; enough that the IV column's median says decimals, not
 * percent) and, on line 5, the same contract as a put with one cell replaced.
 */
function oneBad(cell: 'strike' | 'oi' | 'iv' | 'gamma' | 'volume', value: string) {
  const good = {
    expiration: '2025-01-17',
    strike: '100',
    type: 'C',
    oi: '10',
    iv: '0.2',
    gamma: '0.01',
    volume: '5',
  };
  const bad = { ...good, type: 'P', [cell]: value };
  const line = (r: typeof good) => [r.expiration, r.strike, r.type, r.oi, r.iv, r.gamma, r.volume].join(',');
  const others = ['101', '102'].map((strike) => line({ ...good, strike }));
  return [HEADER, line(good), ...others, line(bad), ''].join('\n');
}

describe('values checked per field, per row', () => {
  it.each([
    ['strike', '1e309', REASONS.strike],
    ['strike', '0', REASONS.strike],
    ['strike', '-5', REASONS.strike],
    ['strike', '2e7', REASONS.strike],
    ['oi', '1e308', REASONS.oi],
    ['oi', '-1', REASONS.oi],
    ['oi', '1000000000', REASONS.oi],
    ['iv', '20.5', REASONS.iv],
    ['iv', '1e-320', REASONS.iv],
    ['iv', '1e309', REASONS.iv],
    ['gamma', '1e308', REASONS.gamma],
    ['gamma', '-0.5', REASONS.gamma],
    ['volume', '1e9', REASONS.volume],
    ['volume', '-2', REASONS.volume],
  ] as const)('leaves out a line whose %s is %s (%s) and keeps the good one', (cell, value, reason) => {
    const r = importChain(oneBad(cell, value));
    expect(r.chain.count).toBe(3);
    expect(r.skipped).toEqual([{ reason, count: 1, examples: [5], places: 1, place: 'line' }]);
  });

  it('keeps the edges that are still sane: IV 20, IV 0.0001, open interest just below 1e9', () => {
    for (const [cell, value] of [
      ['iv', '20'],
      ['iv', '0.0001'],
      ['oi', '999999999'],
    ] as const) {
      expect(importChain(oneBad(cell, value)).chain.count, `${cell} ${value}`).toBe(4);
    }
  });

  it('counts a missing or zero IV as "no IV", not as a bad line', () => {
    for (const value of ['', '0', '-0.3', 'N/A']) {
      const r = importChain(oneBad('iv', value));
      expect(r.skipped, value).toEqual([]);
      expect(r.chain.iv[3], value).toBeNaN();
    }
  });

  it('bounds strikes to 0.001×–100× of the file spot when it has one', () => {
    const text = `expiration,strike,type,oi,iv,spot\n2025-01-17,100,C,1,0.2,100\n2025-01-17,0.09,P,1,0.2,100\n2025-01-17,10001,C,1,0.2,100\n2025-01-17,0.1,C,1,0.2,100\n`;
    const r = importChain(text);
    expect(Array.from(r.chain.strike)).toEqual([100, 0.1]);
    expect(groups(r.skipped)).toEqual({ [REASONS.strike]: [2, [3, 4]] });
  });

  it('counts duplicate contracts (same root, expiration, strike, type) once and reports them', () => {
    const text = `${HEADER}\n2025-01-17,100,C,10,0.2,0.01,5\n2025-01-17,100,C,99,0.3,0.01,5\n2025-01-17,100,P,10,0.2,0.01,5\n`;
    const r = importChain(text);
    expect([r.chain.count, r.chain.oi[0]]).toEqual([2, 10]);
    expect(groups(r.skipped)).toEqual({ [REASONS.duplicate]: [1, [3]] });
  });

  it('reads the bad-values quote table: each bad line out, by reason, the other 29 contracts in', () => {
    const r = importChain(fixture('spx-bad-values.csv'));
    expect(r.chain.count).toBe(29);
    expect(groups(r.skipped)).toEqual({
      [REASONS.oi]: [3, [6, 8, 10]],
      [REASONS.iv]: [2, [7, 11]],
      [REASONS.gamma]: [1, [9]],
      'volume is not a number': [1, [12]],
      'row has fewer fields than the header': [2, [13]],
      'not an OCC option symbol in the Calls or Puts column': [2, [14]],
      [REASONS.duplicate]: [2, [25]],
    });
  });

  it('reads the bad-values generic CSV without aborting on the 1e309 strike', () => {
    const r = importChain(fixture('generic-bad-values.csv'));
    expect(r.chain.count).toBe(2);
    expect(groups(r.skipped)).toEqual({
      [REASONS.strike]: [1, [3]],
      [REASONS.oi]: [2, [4, 7]],
      [REASONS.iv]: [1, [5]],
      [REASONS.duplicate]: [1, [6]],
      [REASONS.volume]: [1, [8]],
    });
  });

  it('leaves out absurd Cboe JSON entries by their index in data.options', () => {
    const doc = JSON.parse(fixture('cboe-spx-2025-01-06.json'));
    doc.data.options[0].open_interest = 1e308;
    doc.data.options[1].iv = 1e-320;
    doc.data.options[2].gamma = '1e308';
    doc.data.options[3].volume = -4;
    doc.data.options[4].open_interest = '0x10';
    doc.data.options[5] = doc.data.options[6];
    const r = importChain(JSON.stringify(doc).replace('"open_interest":1e+308', '"open_interest":1e999'));
    expect(r.chain.count).toBe(34);
    expect(groups(r.skipped)).toEqual({
      [REASONS.oi]: [1, [0]],
      [REASONS.iv]: [1, [1]],
      [REASONS.gamma]: [1, [2]],
      [REASONS.volume]: [1, [3]],
      [REASONS.noOi]: [1, [4]],
      [REASONS.duplicate]: [1, [6]],
    });
  });

  it('refuses a file whose every line is bad with "No usable contracts" naming the reasons', () => {
    const text = `${HEADER}\n2025-01-17,1e309,C,10,0.2,0.01,5\n2025-01-17,100,P,1e308,0.2,0.01,5\n`;
    expect(() => importChain(text)).toThrow(
      new ImportError(
        'No usable contracts: 0 read, none with both an IV and open interest or volume; left out: 1 strike out of range (line 2); 1 open interest out of range (line 3).',
      ),
    );
    const noIv = `${HEADER}\n2025-01-17,100,C,10,0,0.01,5\n`;
    expect(() => importChain(noIv)).toThrow(/^No usable contracts: 1 read, none with both an IV/);
  });

  it('refuses a snapshot year outside 2000–2100 and an expiration year outside it', () => {
    const doc = JSON.parse(fixture('cboe-spx-2025-01-06.json'));
    doc.timestamp = '9999-01-06 20:57:00';
    expect(importChain(JSON.stringify(doc)).asOfStatus).toBe('unreadable');
    const r = importChain(`${HEADER}\n2025-01-17,100,C,10,0.2,0.01,5\n2201-01-17,100,C,10,0.2,0.01,5\n`);
    expect(groups(r.skipped)).toEqual({ 'unreadable expiration date': [1, [3]] });
  });

  it('gives finite numbers everywhere for what the bad-values files import', () => {
    for (const [file, spot] of [
      ['spx-bad-values.csv', undefined],
      ['generic-bad-values.csv', 100],
    ] as const) {
      const { chain } = importChain(fixture(file), { spot, asOf: '2025-01-06T20:00:00Z' });
      const p = prepare(chain, makeModel(), Date.parse('2025-01-06T20:00:00Z'));
      const S = chain.spot;
      const all = [analyze(p, S), evaluateAt(p, S * 1.01), computeDrivers(p, S)];
      const numbers = JSON.stringify(all, (_, v) =>
        typeof v === 'number' && !Number.isFinite(v) ? 'NOT FINITE' : v,
      );
      expect(numbers, file).not.toContain('NOT FINITE');
    }
  });
});
