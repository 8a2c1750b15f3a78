/**
 * scripts/bootstrap.mjs, run for real in a child process on a throwaway project directory
 * (GEXFOCUS_PREFIX) with stand-ins for npm and the browser installer that do what the real ones do
 * to the file system: installs when node_modules is missing or out of date with the lock file, not
 * otherwise; installs missing browsers as root, stops with the one command otherwise.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../scripts/bootstrap.mjs', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gexfocus-bootstrap-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A lock with two packages, one of them an optional build for another platform. */
const LOCK = {
  name: 'demo',
  lockfileVersion: 3,
  packages: {
    '': { name: 'demo' },
    'node_modules/left-pad': { version: '1.3.0', integrity: 'sha512-aaa' },
    'node_modules/@biomejs/cli-darwin-arm64': { version: '2.6.8', integrity: 'sha512-bbb', optional: true },
  },
};

const write = (path: string, value: unknown) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
};

/** What `npm ci` leaves: the package folders and npm's record of them (not the other platform's). */
function installAsNpmWould(
  packages: Record<string, unknown> = { 'node_modules/left-pad': LOCK.packages['node_modules/left-pad'] },
) {
  for (const key of Object.keys(packages)) write(join(dir, key, 'package.json'), '{}');
  write(join(dir, 'node_modules/.package-lock.json'), { name: 'demo', lockfileVersion: 3, packages });
}

/** A stand-in for npm: records its arguments, then installs as npm ci would. */
function fakeNpm(): string {
  const npm = join(dir, 'fake-npm.mjs');
  const record = { 'node_modules/left-pad': LOCK.packages['node_modules/left-pad'] };
  writeFileSync(
    npm,
    `#!/usr/bin/env node
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
appendFileSync('calls.txt', process.argv.slice(2).join(' ') + '\\n');
mkdirSync('node_modules/left-pad', { recursive: true });
writeFileSync('node_modules/left-pad/package.json', '{}');
writeFileSync('node_modules/.package-lock.json', ${JSON.stringify(JSON.stringify({ packages: record }))});
`,
  );
  chmodSync(npm, 0o755);
  return npm;
}

function bootstrap(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GEXFOCUS_PREFIX: dir, GEXFOCUS_NPM: fakeNpm(), ...env },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}
const npmCalls = () =>
  existsSync(join(dir, 'calls.txt')) ? readFileSync(join(dir, 'calls.txt'), 'utf8') : '';

describe('dependencies', () => {
  it('runs npm ci on a fresh clone with no node_modules, then finds them up to date', () => {
    write(join(dir, 'package-lock.json'), LOCK);
    const first = bootstrap([], {});
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain('node_modules is missing');
    expect(npmCalls()).toBe('ci --no-audit --no-fund\n');
    const second = bootstrap([], {});
    expect(second.out).toContain('dependencies match package-lock.json');
    expect(npmCalls()).toBe('ci --no-audit --no-fund\n');
  });

  it('leaves matching dependencies alone (another platform’s optional build is not missing)', () => {
    write(join(dir, 'package-lock.json'), LOCK);
    installAsNpmWould();
    expect(bootstrap([], {})).toMatchObject({ code: 0 });
    expect(npmCalls()).toBe('');
  });

  it.each([
    [
      'a locked version changed',
      { version: '1.2.0', integrity: 'sha512-old' },
      'left-pad is 1.2.0, the lock file has 1.3.0',
    ],
    ['a package is not in the lock', undefined, 'stray is installed but not in the lock file'],
  ])('reinstalls when %s', (_what, leftPad, reason) => {
    write(join(dir, 'package-lock.json'), LOCK);
    installAsNpmWould({
      'node_modules/left-pad': leftPad ?? LOCK.packages['node_modules/left-pad'],
      ...(leftPad ? {} : { 'node_modules/stray': { version: '1.0.0' } }),
    });
    const r = bootstrap([], {});
    expect(r.out).toContain(reason);
    expect(npmCalls()).toBe('ci --no-audit --no-fund\n');
  });

  it('reinstalls when a package folder has gone, and fails when npm cannot fix it', () => {
    write(join(dir, 'package-lock.json'), LOCK);
    installAsNpmWould();
    rmSync(join(dir, 'node_modules/left-pad'), { recursive: true });
    expect(bootstrap([], {}).out).toContain('left-pad has gone from node_modules');
    const broken = join(dir, 'broken-npm.sh');
    writeFileSync(broken, '#!/bin/sh\nexit 0\n');
    chmodSync(broken, 0o755);
    rmSync(join(dir, 'node_modules'), { recursive: true });
    const r = bootstrap([], { GEXFOCUS_NPM: broken });
    expect(r.code).toBe(1);
    expect(r.out).toContain('npm ci finished but node_modules is missing');
  });
});

describe('browsers', () => {
  beforeEach(() => {
    write(join(dir, 'package-lock.json'), LOCK);
    installAsNpmWould();
  });
  const tools = () => ({
    GEXFOCUS_CHROMIUM: join(dir, 'bin/chromium'),
    GEXFOCUS_FIREFOX: join(dir, 'bin/firefox-esr'),
    GEXFOCUS_OPENSSL: join(dir, 'bin/openssl'),
  });
  /** A stand-in for install-browsers.sh that creates the tools (or not) and leaves a mark. */
  function installer(creates: boolean): string {
    const script = join(dir, 'install.sh');
    const t = tools();
    const touch = `mkdir -p ${join(dir, 'bin')} && touch ${t.GEXFOCUS_CHROMIUM} ${t.GEXFOCUS_FIREFOX} ${t.GEXFOCUS_OPENSSL}`;
    writeFileSync(script, `touch ${join(dir, 'installer-ran')}\n${creates ? touch : ''}\n`);
    return script;
  }

  it('stops at once with the one command to run when a browser is missing and it is not root', () => {
    const r = bootstrap(['--browsers'], {
      ...tools(),
      GEXFOCUS_UID: '1000',
      GEXFOCUS_INSTALL_BROWSERS: installer(true),
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`missing: chromium (${tools().GEXFOCUS_CHROMIUM})`);
    expect(r.out).toContain('sudo bash scripts/install-browsers.sh');
    expect(existsSync(join(dir, 'installer-ran'))).toBe(false);
  });

  it('installs missing browsers when it runs as root, then goes on', () => {
    const r = bootstrap(['--browsers'], {
      ...tools(),
      GEXFOCUS_UID: '0',
      GEXFOCUS_INSTALL_BROWSERS: installer(true),
    });
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain('installing (running as root)');
    expect(existsSync(tools().GEXFOCUS_FIREFOX)).toBe(true);
    expect(bootstrap(['--browsers'], { ...tools(), GEXFOCUS_UID: '0' }).out).toContain(
      'chromium, firefox-esr and openssl present',
    );
  });

  it('says what is still missing when the installer did not provide it', () => {
    const r = bootstrap(['--browsers'], {
      ...tools(),
      GEXFOCUS_UID: '0',
      GEXFOCUS_INSTALL_BROWSERS: installer(false),
    });
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'installer-ran'))).toBe(true);
    expect(r.out).toContain('the installer ran but these are still missing');
  });
});
