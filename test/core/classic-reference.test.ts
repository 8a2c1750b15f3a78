import { describe, expect, it } from 'vitest';
import { analyze, makeModel, parseCboeQuoteTable, prepare } from '../../src/core';
import { expectRel, sharedChain, sharedText } from './chains';

// REFERENCE.md "Classic preset, reproduced by an independent open-source implementation": 1e-9 relative.
const classic = (file: string) => {
  const chain = sharedChain(file);
  return analyze(prepare(chain, makeModel({ preset: 'classic' }), Date.parse(chain.asOf!)), chain.spot);
};
const strike = (a: ReturnType<typeof classic>, k: number) => a.strikes.find((s) => s.strike === k)!;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('the classic preset', () => {
  it('matches SPX 2023-09-14: net 23,309,734,045.0035, calls/puts split, flip 4494.338993378751', () => {
    const a = classic('spx_quotedata_2023-09-14_full.csv');
    expect(a.spot).toBe(4505.1001);
    expectRel(a.netGex, 23_309_734_045.0035, 1e-9);
    expectRel(sum(a.strikes.map((s) => s.callGex)), 194_859_663_959.81, 1e-9);
    expectRel(sum(a.strikes.map((s) => s.putGex)), -171_549_929_914.81, 1e-9);
    expectRel(a.flip!, 4494.338993378751, 1e-9);
  });

  it('matches SPX 2023-09-14 per strike: 4495, 4500 (calls and puts) and 4525', () => {
    const a = classic('spx_quotedata_2023-09-14_full.csv');
    expectRel(strike(a, 4495).netGex, -1_715_253_434.29, 1e-9);
    expectRel(strike(a, 4500).netGex, 4_122_376_750.64, 1e-9);
    expectRel(strike(a, 4500).callGex, 35_962_598_474.35, 1e-9);
    expectRel(strike(a, 4500).putGex, -31_840_221_723.71, 1e-9);
    expectRel(strike(a, 4525).netGex, 5_139_464_506.34, 1e-9);
  });

  it('matches SPY 2023-09-14: net 4,942,837,216.3989, calls/puts split, flip 450.6185716324218', () => {
    const a = classic('spy_quotedata_2023-09-14_full.csv');
    expectRel(a.netGex, 4_942_837_216.3989, 1e-9);
    expectRel(sum(a.strikes.map((s) => s.callGex)), 25_926_479_615.69, 1e-9);
    expectRel(sum(a.strikes.map((s) => s.putGex)), -20_983_642_399.29, 1e-9);
    expectRel(a.flip!, 450.6185716324218, 1e-9);
  });

  it('matches the SPX single-expiry file: net 2,076,587,399.8372 and the method’s dust flip 5185.43', () => {
    const a = classic('spx_quotedata_2025-01-06_single-expiry.csv');
    expectRel(a.netGex, 2_076_587_399.8372, 1e-9);
    // The reproduced method takes a sign change between exact zeros and 1e-37 $bn as its flip.
    expect(Math.abs(a.flip! - 5185.43)).toBeLessThan(0.005);
  });

  it('says "no flip" (null, not 0) for SPY 2025-05-06 near the money, where the classic script crashes', () => {
    const a = classic('spy_quotedata_2025-05-06_near-money_mit.csv');
    expectRel(a.netGex, -2_264_100_050.36, 1e-9);
    expect(a.flip).toBeNull();
    expect(a.crossings).toEqual([]);
  });

  // methodology "The classic preset": net GEX at spot is summed over every row of the file, as the
  // original does — a file saved before the open can still list yesterday's expiration. The SPY file
  // has 28 same-day rows with a non-zero Gamma; moved to the next morning they are past.
  it('sums every row at spot, a past expiration included, exactly as the script does (SPY saved before the open)', () => {
    const text = sharedText('spy_quotedata_2023-09-14_full.csv').replace(
      'September 14, 2023 at 4:31 PM EDT',
      'September 15, 2023 at 8:00 AM EDT',
    );
    const chain = parseCboeQuoteTable(text);
    const p = prepare(chain, makeModel({ preset: 'classic' }), Date.parse(chain.asOf!));
    const a = analyze(p, chain.spot);
    // The script's own sum, straight from the rows: calls +Gamma·OI, puts −Gamma·OI, × 100 × S² × 0.01.
    let script = 0;
    let pastRows = 0;
    for (const line of text.split('\n').slice(5)) {
      const f = line.split(',');
      if (f.length < 22) continue;
      const row =
        (Number(f[9]) * Number(f[10]) - Number(f[20]) * Number(f[21])) * 100 * chain.spot ** 2 * 0.01;
      script += row;
      if (f[0] === 'Thu Sep 14 2023' && row !== 0) pastRows++;
    }
    expect(pastRows).toBeGreaterThan(0);
    expectRel(a.netGex, script, 1e-9);
    // Every row is in the sum whatever the snapshot date: the same net as REFERENCE's same-day file.
    expectRel(a.netGex, 4_942_837_216.3989, 1e-9);
    // The 2023-09-14 rows are counted as expired (two contracts a row), yet summed at spot.
    const sameDayRows = text.split('\n').filter((l) => l.startsWith('Thu Sep 14 2023')).length;
    expect(a.contracts.expired).toBe(2 * sameDayRows);
    // Only the profile (and so the flip) leaves the past rows out: they have no time left.
    const sameDay = analyze(
      prepare(
        sharedChain('spy_quotedata_2023-09-14_full.csv'),
        makeModel({ preset: 'classic' }),
        Date.parse('2023-09-14T20:31:00Z'),
      ),
      450.81,
    );
    expect(a.flip).not.toBe(sameDay.flip);
  });
});
