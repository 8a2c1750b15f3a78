import { describe, expect, it } from 'vitest';
import { chains, fixtures, run, SPX } from './run';

const CONTRACT_KEYS = [
  'underlying',
  'spot',
  'asOf',
  'preset',
  'contracts',
  'netGex',
  'grossGex',
  'balance',
  'regime',
  'flip',
  'crossings',
  'callWall',
  'putWall',
  'absGammaStrike',
  'hedgeFlow',
  'strikes',
  'profile',
  'charmFlow',
  'vannaFlow',
  'projection',
];

describe('gexfocus analyze', () => {
  it('prints every contract field with --json, in dollars per 1 % move', async () => {
    const r = await run('analyze', SPX, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of CONTRACT_KEYS) expect(j).toHaveProperty(k);
    expect(Object.keys(j.contracts)).toEqual(['total', 'used', 'expired', 'noIv']);
    expect(Object.keys(j.hedgeFlow.up1pct)).toEqual(['shares', 'notional']);
    expect(Object.keys(j.strikes[0])).toEqual(['strike', 'callGex', 'putGex', 'netGex', 'callOi', 'putOi']);
    expect(Object.keys(j.profile[0])).toEqual(['spot', 'netGex']);
    expect([j.underlying, j.asOf, j.preset, j.regime, j.contracts.used]).toEqual([
      'SPX',
      '2023-09-14T20:31:00.000Z',
      'live',
      'transition',
      18_473,
    ]);
  });

  it('reproduces the classic REFERENCE net GEX and flip with --preset classic, and prints no drivers', async () => {
    const j = JSON.parse((await run('analyze', SPX, '--preset', 'classic', '--json')).out);
    expect(Math.abs(j.netGex / 23_309_734_045.0035 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(j.flip / 4494.338993378751 - 1)).toBeLessThan(1e-9);
    expect([j.charmFlow, j.vannaFlow, j.projection]).toEqual([null, null, null]);
  });

  it('prints "flip": null for a chain without a crossing', async () => {
    const j = JSON.parse(
      (await run('analyze', `${chains}spy_quotedata_2025-05-06_near-money_mit.csv`, '--json')).out,
    );
    expect(j.flip).toBeNull();
  });

  it('honours --spot, --at, --signs and --scope and echoes them', async () => {
    const r = await run(
      'analyze',
      `${fixtures}spx-no-date.csv`,
      '--at',
      '2025-01-06T15:00',
      '--spot',
      '5980',
      '--signs',
      'short-all',
      '--scope',
      '7d',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect([j.spot, j.asOf, j.settings.signs, j.settings.scope]).toEqual([
      5980,
      '2025-01-06T20:00:00.000Z',
      'short-all',
      '7d',
    ]);
    expect(j.netGex).toBeLessThan(0);
  });

  it('prints a human summary with units, the model with its positions model, and what was left out', async () => {
    const r = await run('analyze', SPX);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /live preset · all expirations · signs long-calls-short-puts \(.*\) · positions oi \(open interest\)/,
    );
    expect(r.out).toMatch(/Net GEX: \+\$16\.1 bn per 1 % move/);
    expect(r.out).toMatch(/Gamma flip: 4,494\.30 \(−0\.24 % from spot\)/);
    expect(r.out).toMatch(
      /Hedge flow \(full revaluation\): \+1 % → dealers sell \$41\.6 bn \(≈ 184,532 ES\)/,
    );
    expect(r.out).toMatch(/296 expired, 1,151 without IV/);
    expect(r.out).toMatch(/does not say which way price goes|neither dominates/);
    expect(r.out).not.toMatch(/SPX units|shares \(\$/);
  });

  it('reads every import format through the options page’s pipeline: Cboe JSON and generic CSV too', async () => {
    const json = await run('analyze', `${fixtures}cboe-spx-2025-01-06.json`, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ underlying: 'SPX', asOf: '2025-01-07T01:57:00.000Z' });
    const csv = await run(
      'analyze',
      `${fixtures}generic-spy-2025-05-06-wide.csv`,
      '--at',
      '2025-05-06T18:09',
      '--json',
    );
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.out)).toMatchObject({ spot: 557.37, asOf: '2025-05-06T22:09:00.000Z' });
    const table = JSON.parse(
      (await run('analyze', `${chains}spy_quotedata_2025-05-06_near-money_mit.csv`, '--json')).out,
    );
    expect(JSON.parse(csv.out).contracts).toEqual(table.contracts);
  });

  it('says which lines it left out, by reason, and analyses the rest (exit 0)', async () => {
    const r = await run('analyze', `${fixtures}spx-bad-values.csv`);
    expect(r.code).toBe(0);
    expect(r.out).toContain('3 contracts left out: open interest out of range (lines 6, 8, 10)');
    expect(r.out).toContain(
      '2 contracts left out: duplicate contract (same root, expiration, strike and type as an earlier line) (line 25)',
    );
    expect(r.out).toContain('1 contract left out: volume is not a number (line 12)');
    const j = JSON.parse((await run('analyze', `${fixtures}spx-bad-values.csv`, '--json')).out);
    expect(j.skipped).toContainEqual({ reason: 'open interest out of range', count: 3, lines: [6, 8, 10] });
    expect(j.contracts.total).toBe(29);
  });

  it('tells how to supply the time when the date line cannot be read, naming the line', async () => {
    const r = await run('analyze', `${fixtures}spx-no-date.csv`);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `gexfocus: ${fixtures}spx-no-date.csv: line 3, cannot read the snapshot time "Date: sometime last week" (no time of day); pass it with --at 2023-09-14T16:31-04:00\n`,
    );
  });

  it('reads an unquoted day-first Date line without asking for the time', async () => {
    const j = JSON.parse((await run('analyze', `${fixtures}date-unquoted-dayfirst.csv`, '--json')).out);
    expect(j.asOf).toBe('2025-01-07T01:57:00.000Z');
  });

  it('requires --spot and --at for a generic CSV without them, saying so (exit 1)', async () => {
    const file = `${fixtures}generic-spx-2025-01-06-long.csv`;
    expect(await run('analyze', file)).toEqual({
      code: 1,
      out: '',
      err: `gexfocus: ${file}: the file has no snapshot time (CSV with a header row); pass it with --at 2023-09-14T16:31-04:00\n`,
    });
    expect((await run('analyze', file, '--at', '2025-01-06T20:57')).err).toBe(
      `gexfocus: ${file}: the file has no underlying price (CSV with a header row); pass it with --spot N\n`,
    );
    expect((await run('analyze', file, '--at', '2025-01-06T20:57', '--spot', '5975.38')).code).toBe(0);
  });
});
