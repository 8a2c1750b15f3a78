/**
 * The background benchmark's runner (called by scripts/bench.mjs): bundles bench/background.bench.ts
 * twice with vite — against the current background and against the background of the commit before
 * issue 9's rewrite (from git) — each with a fake browser in place of src/platform/browser.ts, runs
 * both under node and prints them side by side; then the service worker's bundle (dist/chrome).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

// The background's code before issue 9's rewrite (one cached chain, one cached analysis, a session
// write and four badge calls per report): the commit this work started from.
const BEFORE = process.env.GEXFOCUS_BENCH_BEFORE ?? '2cd4210';
const CHAINS = [
  'spx_quotedata_2023-09-14_full.csv',
  'spy_quotedata_2023-09-14_full.csv',
  'ndx_quotedata_2022-02-05_full.csv',
  'nvda_quotedata_2025-01-06.csv',
].map((f) => fileURLToPath(new URL(`../../shared/data/chains/${f}`, import.meta.url)));

/** Bundles bench/background.bench.ts against the page handlers of `tree` and runs it; its JSON line. */
async function runBackground(tree, dir) {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [
      {
        name: 'fake-platform',
        enforce: 'pre',
        resolveId: (source) =>
          /(^|\/)platform\/browser(\.ts)?$/.test(source) ? join(root, 'bench/fake-platform.ts') : null,
      },
    ],
    resolve: { alias: { 'background-under-test': join(tree, 'src/background/handlers/page.ts') } },
    build: {
      ssr: join(root, 'bench/background.bench.ts'),
      outDir: dir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'background.bench.mjs' } },
    },
    ssr: { noExternal: true },
  });
  const r = spawnSync(process.execPath, [join(dir, 'background.bench.mjs'), '6', ...CHAINS], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`background bench failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/** The service worker's code: the manifest's entry and every module it imports statically. */
function serviceWorkerBundle(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const queue = [normalize(join(dist, manifest.background.service_worker))];
  const seen = new Set();
  let raw = 0;
  let text = '';
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    raw += code.length;
    text += code;
    for (const m of code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+)["']/g))
      queue.push(normalize(join(dirname(file), m[1])));
  }
  // papaparse's worker and XHR code (issue 9: it shipped in the service worker through the sample loader).
  return { raw, gzip: gzipSync(text).length, papaparse: /XMLHttpRequest|new Worker\(/.test(text) };
}

export async function benchBackground() {
  if (CHAINS.some((f) => !existsSync(f))) {
    console.log('background bench skipped: a shared chain is missing');
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'gexfocus-bench-bg-'));
  try {
    const rows = [['after (this tree)', await runBackground(root, join(tmp, 'after'))]];
    try {
      const before = join(tmp, 'before-tree');
      mkdirSync(before);
      execFileSync('sh', ['-c', `git archive ${BEFORE} src | tar -x -C "${before}"`], { cwd: root });
      symlinkSync(join(root, 'node_modules'), join(before, 'node_modules')); // its bare imports (zod, …)
      rows.unshift([`before (${BEFORE})`, await runBackground(before, join(tmp, 'before'))]);
    } catch (e) {
      console.log(`background bench: no "before" run (${BEFORE}: ${e.message.split('\n')[0]})`);
    }
    const f = (x, d = 2) => x.toFixed(d).padStart(8);
    console.log('background, 4 tabs on 4 live chains, 20 reports/s each, prices anywhere within ±1 %:');
    console.log(
      '                         median ms  p90 ms   CPU ms/report  badge calls/report  session writes/report',
    );
    for (const [name, r] of rows)
      console.log(
        `${name.padEnd(24)} ${f(r.medianMs)} ${f(r.p90Ms)} ${f(r.cpuPerReportMs)}        ${f(r.badgeCallsPerReport)}            ${f(r.sessionWritesPerReport)}   (${r.reports} reports)`,
      );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const dist = join(root, 'dist/chrome');
  if (existsSync(join(dist, 'manifest.json'))) {
    const sw = serviceWorkerBundle(dist);
    console.log(
      `service worker bundle: ${(sw.raw / 1024).toFixed(1)} KB, ${(sw.gzip / 1024).toFixed(1)} KB gzipped; papaparse worker/XHR code: ${sw.papaparse ? 'present' : 'absent'}`,
    );
  }
}
