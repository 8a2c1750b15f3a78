import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectRel } from '../core/chains';
import { chains, run, SPX } from './run';

const AT_1120 = ['--at', '2023-09-14T11:20:00-04:00'];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;

describe('what moves the hedge, from the CLI', () => {
  it('gives REFERENCE.md’s charm, vanna and projection for SPX at 11:20 New York (1e-9 relative)', async () => {
    const j = JSON.parse((await run('analyze', SPX, ...AT_1120, '--json')).out);
    expect(j.charmFlow.until).toBe('2023-09-14T19:55:00.000Z');
    expectRel(j.charmFlow.shares, 870_235.68, 1e-8); // REFERENCE prints 2 decimals: 1e-8 of 870,235.68
    expectRel(j.charmFlow.notional, 870_235.6791909337 * 4505.1001, 1e-12);
    expectRel(j.vannaFlow.up1vol.shares, -6_694_788.18, 1e-9);
    expectRel(j.vannaFlow.down1vol.shares, 6_759_521.48, 1e-9);
    const reference: [string, number, number][] = [
      ['2023-09-14T16:00:00.000Z', 15_775_885_658.5, 4494.649],
      ['2023-09-14T17:00:00.000Z', 15_864_622_232.1, 4494.58902],
      ['2023-09-14T18:00:00.000Z', 15_945_697_348.9, 4494.51988],
      ['2023-09-14T19:00:00.000Z', 16_017_197_985.6, 4494.44096],
      ['2023-09-14T19:55:00.000Z', 16_072_296_942.0, 4494.35971],
    ];
    expect(j.projection.map((p: { at: string }) => p.at)).toEqual(reference.map((r) => r[0]));
    reference.forEach(([, net, flip], i) => {
      expectRel(j.projection[i].netGex, net, 1e-10);
      expectRel(j.projection[i].flip, flip, 2e-9);
      expect(j.projection[i].regime).toBe('transition');
    });
  });

  it('includes the unwinding of the AM-settled monthlies when the snapshot is the evening before', async () => {
    const j = JSON.parse((await run('analyze', SPX, '--json')).out);
    expect(j.charmFlow.until).toBe('2023-09-15T19:55:00.000Z');
    expectRel(j.charmFlow.shares, 96_356_212.6, 1e-9);
  });

  it('says the three drivers in plain lines, every trade in the future’s contracts, never "SPX units"', async () => {
    const r = await run('analyze', SPX, ...AT_1120);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines).toContain(
      'If the price holds until 15:55 New York, dealers buy $3.92 bn (≈ 17,405 ES) (time decay, charm)',
    );
    expect(lines).toContain(
      'IV +1 point: dealers sell $30.2 bn (≈ 133,896 ES) · IV −1 point: dealers buy $30.5 bn (≈ 135,190 ES) (vanna)',
    );
    expect(lines).toContain('Flip now 4,494.68 → 4,494.36 at 15:55; regime transition all session');
    expect(r.out).not.toMatch(/units/);
  });

  it('names the day of a horizon on a later date, and the regime once the day’s lines expire', async () => {
    const r = await run('analyze', `${chains}spy_quotedata_2023-09-14_full.csv`);
    expect(r.out).toContain(
      'If the price holds until 15:55 New York on Fri Sep 15, dealers buy 5.83 m shares ($2.63 bn)',
    );
    expect(r.out).toMatch(
      /Flip now 449\.75 → 450\.82 at 15:55 on Fri Sep 15; .*; after the day's expirations: accelerating/,
    );
  });

  it('says "live preset only" and prints null drivers under the classic preset', async () => {
    const r = await run('analyze', SPX, '--preset', 'classic');
    expect(r.out).toContain('What moves the hedge (time, volatility, projection): live preset only');
    expect(r.out).not.toMatch(/If the price holds/);
  });

  it('matches REFERENCE.md’s open interest + volume net GEX with --positions oi+volume', async () => {
    const j = JSON.parse((await run('analyze', SPX, '--positions', 'oi+volume', '--json')).out);
    expect(j.settings.positions).toBe('oi+volume');
    expectRel(j.netGex, 23_375_206_658.5, 1e-10);
    expectRel(j.flip, 4498.42555, 2e-9);
    const summary = (await run('analyze', SPX, '--positions', 'volume')).out;
    expect(summary).toMatch(
      /signs long-calls-short-puts \(.*\) · positions volume \(the day's volume alone\)/,
    );
  });

  const files = readdirSync(chains).filter((f) => f.endsWith('.csv'));
  it.each(files)(
    'prints charmFlow, vannaFlow and projection with the contract’s units for %s',
    async (file) => {
      const r = await run('analyze', `${chains}${file}`, '--json');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      expect(Object.keys(j.charmFlow)).toEqual(['until', 'shares', 'notional']);
      expect(j.charmFlow.until).toMatch(ISO);
      expect(Date.parse(j.charmFlow.until)).toBeGreaterThan(Date.parse(j.asOf));
      for (const f of [j.charmFlow, j.vannaFlow.up1vol, j.vannaFlow.down1vol]) {
        expect(Number.isFinite(f.shares)).toBe(true);
        // Notional is dollars: shares × spot.
        expectRel(f.notional, f.shares * j.spot, 1e-12);
      }
      expect(Object.keys(j.vannaFlow)).toEqual(['up1vol', 'down1vol']);
      expect(j.projection.length).toBeGreaterThanOrEqual(1);
      expect(j.projection.at(-1).at).toBe(j.charmFlow.until);
      for (const p of j.projection) {
        expect(Object.keys(p)).toEqual(['at', 'netGex', 'flip', 'regime']);
        expect(p.at).toMatch(ISO);
        expect(Number.isFinite(p.netGex)).toBe(true);
        expect(p.flip === null || p.flip > 0).toBe(true);
        expect(['stabilizing', 'accelerating', 'transition']).toContain(p.regime);
      }
    },
  );
});
