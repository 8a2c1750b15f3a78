#!/usr/bin/env node
/**
 * `npm test`: every check, in order, stopping at the first failure (non-zero exit).
 * dependencies (`npm ci` when node_modules is missing or differs from package-lock.json) →
 * browsers and openssl (installed when missing and running as root; otherwise it fails at once,
 * naming the install command) → type checks → lint/format → unit tests → both builds → web-ext lint
 * (0 errors) → E2E in Chromium and Firefox ESR (in parallel, one vitest project each).
 * Node built-ins only up to the install (scripts/bootstrap.mjs): it runs on a fresh clone.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureBrowsers, ensureDependencies } from './bootstrap.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs a command with inherited output; with `capture`, stdout is returned instead of shown. */
function run(cmd, args, { capture = false, buffer = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      stdio: ['ignore', capture || buffer ? 'pipe' : 'inherit', buffer ? 'pipe' : 'inherit'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') },
    });
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    child.stderr?.on('data', (d) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(out);
      else {
        const error = new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}`);
        error.output = out;
        reject(error);
      }
    });
  });
}

async function webExtLint() {
  const json = await run(
    'npx',
    ['--no-install', 'web-ext', 'lint', '--source-dir', 'dist/firefox', '--self-hosted', '--output', 'json'],
    { capture: true },
  ).catch((e) => e.message);
  const start = json.indexOf('{');
  if (start < 0) throw new Error(`web-ext lint printed no report: ${json}`);
  const report = JSON.parse(json.slice(start));
  for (const kind of ['errors', 'warnings', 'notices']) {
    for (const m of report[kind])
      console.log(`  ${kind.slice(0, -1)}: ${m.code} ${m.file ?? ''} — ${m.message}`);
  }
  const { errors, warnings, notices } = report.summary;
  console.log(`  web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  if (errors > 0) throw new Error(`web-ext lint found ${errors} error(s) in dist/firefox`);
}

// Each vitest run also writes a JSON report, so the summary can count the tests of both runs.
const REPORTS = `${ROOT}artifacts/test-results`;
const vitestArgs = (project, report) => [
  '--no-install',
  'vitest',
  'run',
  '--project',
  project,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${REPORTS}/${report}.json`,
];
const vitest = (project, report) => () => run('npx', vitestArgs(project, report));

/**
 * Both browsers' E2E projects at once, as two processes (one vitest run keeps its projects' files
 * in one queue). Each run's output is printed whole when it ends, so the two do not interleave.
 */
async function e2eInParallel() {
  const runs = ['chromium', 'firefox'].map((browser) =>
    run('npx', vitestArgs(`e2e-${browser}`, `e2e-${browser}`), { buffer: true }).then(
      (out) => ({ browser, out, ok: true }),
      (error) => ({ browser, out: error.output ?? error.message, ok: false }),
    ),
  );
  const results = await Promise.all(runs);
  for (const { browser, out } of results) console.log(`\n─── E2E in ${browser} ───\n${out}`);
  const failed = results.filter((r) => !r.ok).map((r) => r.browser);
  if (failed.length > 0) throw new Error(`E2E failed in ${failed.join(' and ')}`);
}

/** Test counts of every report written, and each failed test's name and first line of failure. */
function countTests() {
  let passed = 0;
  let failed = 0;
  const failures = [];
  for (const report of ['unit', 'e2e-chromium', 'e2e-firefox']) {
    const file = `${REPORTS}/${report}.json`;
    if (!existsSync(file)) continue;
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    for (const f of r.testResults) {
      for (const t of f.assertionResults) {
        if (t.status !== 'failed') continue;
        const why = (t.failureMessages?.[0] ?? '').split('\n', 1)[0].slice(0, 300);
        failures.push(`${report} ${f.name.slice(ROOT.length)} › ${t.fullName}\n      ${why}`);
      }
    }
  }
  return { passed, failed, failures };
}

const STEPS = [
  ['dependencies match package-lock.json', ensureDependencies],
  ['browsers and openssl installed', ensureBrowsers],
  ['type check (tsconfig.json, tsconfig.core.json)', () => run('npm', ['run', '--silent', 'typecheck'])],
  ['lint and format (biome)', () => run('npm', ['run', '--silent', 'lint'])],
  ['unit tests', vitest('unit', 'unit')],
  ['build (chrome, firefox, cli)', () => run('npm', ['run', '--silent', 'build'])],
  ['web-ext lint dist/firefox', webExtLint],
  ['E2E in Chromium and Firefox ESR (in parallel)', e2eInParallel],
];

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });
const results = [];
const started = Date.now();
let failed = false;
for (const [name, step] of STEPS) {
  console.log(`\n━━━ ${results.length + 1}/${STEPS.length} ${name} ━━━`);
  const t0 = Date.now();
  try {
    await step();
    results.push([name, 'ok', Date.now() - t0]);
  } catch (error) {
    results.push([name, 'FAILED', Date.now() - t0]);
    console.error(`\n✗ ${name}: ${error.message}`);
    failed = true;
    break;
  }
}

console.log('\n━━━ summary ━━━');
for (const [name, status, ms] of results) {
  console.log(`  ${status === 'ok' ? '✓' : '✗'} ${name.padEnd(48)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
}
for (const [name] of STEPS.slice(results.length)) console.log(`  - ${name.padEnd(48)}  skipped`);
console.log(`  ${failed ? 'FAILED' : 'all passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const tests = countTests();
// Named last, so a log that keeps only its tail still says which tests failed and why.
for (const line of tests.failures) console.log(`  ✗ ${line}`);
// The closing line CI reads: unit + E2E test counts.
console.log(`tests: ${tests.passed} passed, ${tests.failed} failed`);
process.exit(failed ? 1 : 0);
