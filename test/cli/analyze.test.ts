import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const chains = fileURLToPath(new URL('../../../shared/data/chains/', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/chains/', import.meta.url));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    readText: (p) => import('node:fs/promises').then((fs) => fs.readFile(p, 'utf8')),
  });
  return { code, out, err };
}

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
];

describe('gexfocus analyze', () => {
  it('prints every contract field with --json, in dollars per 1 % move', async () => {
    const r = await run('analyze', `${chains}spx_quotedata_2023-09-14_full.csv`, '--json');
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

  it('reproduces the classic REFERENCE net GEX and flip with --preset classic', async () => {
    const j = JSON.parse(
      (await run('analyze', `${chains}spx_quotedata_2023-09-14_full.csv`, '--preset', 'classic', '--json'))
        .out,
    );
    expect(Math.abs(j.netGex / 23_309_734_045.0035 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(j.flip / 4494.338993378751 - 1)).toBeLessThan(1e-9);
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

  it('prints a human summary with units, the model and what was left out', async () => {
    const r = await run('analyze', `${chains}spx_quotedata_2023-09-14_full.csv`);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/live preset · all expirations · signs long-calls-short-puts/);
    expect(r.out).toMatch(/Net GEX: \+\$16\.10bn per 1 % move/);
    expect(r.out).toMatch(/Gamma flip: 4,494\.30 \(−0\.24 % from spot\)/);
    expect(r.out).toMatch(/296 expired, 1,151 without IV/);
    expect(r.out).toMatch(/does not say which way price goes|neither dominates/);
  });

  it('fails with exit 1 and one line naming the file, the line and the problem for a malformed file', async () => {
    const r = await run('analyze', `${fixtures}spx-bad-iv.csv`);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `gexfocus: ${fixtures}spx-bad-iv.csv: line 7, field "IV (calls)": not a number ("abc")\n`,
    );
  });

  it('tells how to supply the time when the date line cannot be read', async () => {
    const r = await run('analyze', `${fixtures}spx-no-date.csv`);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/line 3, field "Date".*--at/);
  });

  it('fails with exit 2 and the usage for unknown options or values', async () => {
    expect((await run('analyze', 'x.csv', '--preset', 'fast')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('analyze', '/nonexistent/file.csv')).err).toMatch(/no such file/);
  });
});

describe('the built CLI', () => {
  beforeAll(() => {
    execFileSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'silent'], {
      cwd: repo,
    });
  }, 60_000);

  it('runs from bin/gexfocus.mjs and exits 0 on a good file, 1 with one line on a bad one', () => {
    const ok = spawnSync(
      'node',
      ['bin/gexfocus.mjs', 'analyze', `${chains}nvda_quotedata_2025-01-06.csv`, '--json'],
      { cwd: repo, encoding: 'utf8' },
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).underlying).toBe('NVDA');
    const bad = spawnSync('node', ['bin/gexfocus.mjs', 'analyze', `${fixtures}spx-bad-iv.csv`], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/at .*\.mjs:\d+/);
  });
});
