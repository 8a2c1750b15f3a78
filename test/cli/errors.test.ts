import { chmodSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instantFrom } from '../../src/cli/args';
import { chains, fixtures, run, SPX } from './run';

const tmp = mkdtempSync(join(tmpdir(), 'gexfocus-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SINGLE = `${chains}spx_quotedata_2025-01-06_single-expiry.csv`;

describe('CLI errors: one line naming the file and what is wrong', () => {
  it('says what a missing file, a directory and an unreadable file are, never the errno text', async () => {
    const noRead = join(tmp, 'no-read.csv');
    writeFileSync(noRead, 'x');
    chmodSync(noRead, 0o000);
    const cases: [string, RegExp][] = [
      ['/nonexistent/file.csv', /^gexfocus: \/nonexistent\/file\.csv: no such file\n$/],
      [tmp, new RegExp(`^gexfocus: ${tmp}: it is a directory, not a chain file\\n$`)],
    ];
    // root reads any file whatever its mode: only check EACCES when it applies.
    if (process.getuid?.() !== 0) cases.push([noRead, /permission denied: the file cannot be read\n$/]);
    for (const [path, message] of cases) {
      const r = await run('analyze', path);
      expect(r.code, path).toBe(1);
      expect(r.err, path).toMatch(message);
      expect(r.err).not.toMatch(/EISDIR|EACCES|ENOENT|errno|at .*\.ts:\d+/);
    }
  });

  it('names the formats it tried for a file that is none of them', async () => {
    const junk = join(tmp, 'junk.bin');
    writeFileSync(junk, Buffer.from([0x50, 0x4b, 3, 4, 0, 1, 2, 0xff, 10, 65, 66]));
    const r = await run('analyze', junk);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      new RegExp(`^gexfocus: ${junk}: Not a Cboe quote table, Cboe JSON or CSV with a header row: .*\\n$`),
    );
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a file over the limit before reading it, and reads it with --max-mb', async () => {
    const big = join(tmp, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, 65 * 1024 * 1024);
    const r = await run('analyze', big);
    expect([r.code, r.err]).toEqual([
      1,
      `gexfocus: ${big} is 65 MiB; chains of at most 64 MiB can be imported: the CLI reads at most 64 MiB unless told otherwise (--max-mb N reads larger files); the largest real chain, SPX with every expiration, is 1.4 MiB.\n`,
    ]);
    const small = await run('analyze', SPX, '--max-mb', '1');
    expect(small.err).toMatch(/is 1.4 MiB; chains of at most 1.0 MiB can be imported/);
    expect((await run('analyze', SPX, '--max-mb', '2')).code).toBe(0);
  });

  it('says so, prints no regime and exits 3 when nothing is in scope (0DTE after the close)', async () => {
    const r = await run('analyze', SINGLE, '--scope', '0dte');
    expect(r.code).toBe(3);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `gexfocus: ${SINGLE}: nothing in scope at 2025-01-07T01:57:00.000Z: none of the 40 contracts takes part (0 expired, 0 without IV, 40 outside the scope 0dte: same-day expirations only (0DTE)); no regime or flow to report\n`,
    );
    const json = await run('analyze', SINGLE, '--scope', '0dte', '--json');
    expect([json.code, json.out]).toEqual([3, '']);
    expect(r.err).not.toMatch(/stabilizing|accelerating|transition|dealers/);
  });

  it('refuses a volume positions model for a file without volume, naming why (usage, exit 2)', async () => {
    const file = `${fixtures}generic-spx-2025-01-06-long.csv`;
    const r = await run(
      'analyze',
      file,
      '--at',
      '2025-01-06T20:57',
      '--spot',
      '5975',
      '--positions',
      'volume',
    );
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(
      `gexfocus: --positions volume needs the day's volume, and ${file} has none (a CSV with a header row without a volume column); use --positions oi`,
    );
    const withVolume = `${fixtures}generic-spx-2025-01-06-long-volume.csv`;
    const ok = await run(
      'analyze',
      withVolume,
      '--at',
      '2025-01-06T20:57',
      '--spot',
      '5975',
      '--positions',
      'volume',
      '--json',
    );
    expect([ok.code, JSON.parse(ok.out).settings.positions]).toEqual([0, 'volume']);
  });
});

describe('CLI flags, checked strictly (exit 2 with the usage)', () => {
  it.each([
    ['--spot', '0x10'],
    ['--spot', '1e-300'],
    ['--spot', 'Infinity'],
    ['--spot', '0'],
    ['--spot', '20000000'],
    ['--spot', ''],
    ['--max-mb', 'lots'],
    ['--preset', 'fast'],
    ['--positions', 'shares'],
  ])('refuses %s %s', async (flag, value) => {
    const r = await run('analyze', SPX, flag, value);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toContain(`${flag} must be`);
    expect(r.err).toContain('exit codes: 0 ok · 1 bad input file · 2 bad usage · 3 nothing in scope');
  });

  it('refuses a negative --spot, given as --spot=-5 or as --spot -5', async () => {
    const joined = await run('analyze', SPX, '--spot=-5');
    expect([joined.code, joined.err.split('\n')[0]]).toEqual([
      2,
      'gexfocus: --spot must be a plain decimal number from 0.001 to 10,000,000 (got "-5")',
    ]);
    const apart = await run('analyze', SPX, '--spot', '-5');
    expect(apart.code).toBe(2);
    expect(apart.err).toMatch(/^gexfocus: Option '--spot' argument is ambiguous/);
  });

  it.each([
    ['2023-02-30T10:00', '2023-02 has no day 30'],
    ['2023-13-01T10:00', 'month 13 does not exist'],
    ['2023-09-14T24:00', 'not a time of day'],
    ['2023-09-14T10:60', 'not a time of day'],
    ['2023-09-14T10:00+15:00', 'not a UTC offset'],
    ['9999-01-01T10:00Z', 'the year must be 2000–2100'],
    ['yesterday', 'not ISO-8601'],
    ['2023-09-14', 'not ISO-8601'],
  ])('refuses --at %s (%s)', async (at, why) => {
    const r = await run('analyze', SPX, '--at', at);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(
      `gexfocus: --at must be a real date and time, e.g. 2023-09-14T16:31-04:00: ${why} (got "${at}")`,
    );
  });

  it('reads --at with a zone, with Z, and without a zone as New York time', () => {
    expect(instantFrom('2023-09-14T11:20:00-04:00')).toBe('2023-09-14T15:20:00.000Z');
    expect(instantFrom('2023-09-14T15:20Z')).toBe('2023-09-14T15:20:00.000Z');
    expect(instantFrom('2023-12-14T11:20')).toBe('2023-12-14T16:20:00.000Z');
    expect(instantFrom('2024-02-29T09:30:15.5+0530')).toBe('2024-02-29T04:00:15.500Z');
  });

  it('fails with exit 2 and the usage for an unknown command or option', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    const r = await run('analyze', SPX, '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: gexfocus analyze');
  });
});
