import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { chains, fixtures, repo } from './run';

const cli = (...args: string[]) =>
  spawnSync('node', ['bin/gexfocus.mjs', 'analyze', ...args], { cwd: repo, encoding: 'utf8' });

describe('the built CLI (bin/gexfocus.mjs)', () => {
  beforeAll(() => {
    execFileSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts', '--logLevel', 'silent'], {
      cwd: repo,
    });
  }, 60_000);

  it('exits 0 with the three drivers in --json on a good file', () => {
    const ok = cli(`${chains}nvda_quotedata_2025-01-06.csv`, '--json');
    expect(ok.status).toBe(0);
    const j = JSON.parse(ok.stdout);
    expect(j.underlying).toBe('NVDA');
    expect(Object.keys(j.charmFlow)).toEqual(['until', 'shares', 'notional']);
    expect(j.projection.length).toBeGreaterThan(0);
  });

  it('ends quietly when the reader of its output stops early (a pipe into head)', () => {
    const r = spawnSync(
      'sh',
      [
        '-c',
        `node bin/gexfocus.mjs analyze '${chains}spx_quotedata_2023-09-14_full.csv' --json | head -c 20`,
      ],
      {
        cwd: repo,
        encoding: 'utf8',
      },
    );
    expect(r.stdout).toBe('{"underlying":"SPX",');
    expect(r.stderr).toBe('');
  });

  it('exits 1, 2 and 3 with one line each, never a stack trace or errno text', () => {
    const cases: [string[], number][] = [
      [[fixtures], 1],
      [[`${fixtures}date-unreadable-no-zone.csv`], 1],
      [[`${chains}nvda_quotedata_2025-01-06.csv`, '--spot', '0x10'], 2],
      [[`${chains}spx_quotedata_2025-01-06_single-expiry.csv`, '--scope', '0dte'], 3],
    ];
    for (const [args, status] of cases) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(status);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toMatch(/^gexfocus: /);
      if (status !== 2) expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/EISDIR|ENOENT|at .*\.mjs:\d+|Error:/);
    }
  });
});
