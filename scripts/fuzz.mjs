#!/usr/bin/env node
// npm run fuzz [-- --runs N] [-- --seed S]: ≥ 100,000 random and mutated chain files through every
// importer and the analysis (test/fuzz/: mutate.ts makes the inputs, check.ts runs one). Bundles
// test/fuzz/main.ts with vite (ssr, Node target) into a temp folder and runs one worker process per
// core, each on its own range of seeds. Fails (exit 1) on any exception other than the import error
// types, any non-finite output, any input over 1 s; prints what it ran and found, and the seed of
// each finding (re-run one with --seed S --runs 1). Not part of `npm test`: the property test in
// test/core/properties.test.ts runs 1,000 of the same inputs there.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';

const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });
const runs = Number(values.runs ?? 100_000);
const firstSeed = Number(values.seed ?? 1);
if (!(Number.isInteger(runs) && runs > 0 && Number.isInteger(firstSeed))) {
  console.error('usage: npm run fuzz [-- --runs N] [-- --seed S]');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const shared = fileURLToPath(new URL('../../shared/data/chains/', import.meta.url));
const fixtures = join(root, 'test/fixtures/chains');
const out = mkdtempSync(join(tmpdir(), 'gexfocus-fuzz-'));
const t0 = Date.now();
try {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: join(root, 'test/fuzz/main.ts'),
      outDir: out,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'fuzz-worker.mjs' } },
    },
    ssr: { noExternal: true },
  });
  const workers = Math.max(1, Math.min(availableParallelism(), 8));
  const share = Math.ceil(runs / workers);
  const results = await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const first = firstSeed + w * share;
      const count = Math.max(0, Math.min(share, firstSeed + runs - first));
      return new Promise((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [join(out, 'fuzz-worker.mjs'), shared, fixtures, String(first), String(count)],
          {
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        let text = '';
        child.stdout.on('data', (d) => {
          text += d;
        });
        child.on('close', (code) =>
          code === 0 ? resolve(JSON.parse(text)) : reject(new Error(`fuzz worker ${w} exited ${code}`)),
        );
      });
    }),
  );
  const outcomes = {};
  let analyses = 0;
  let slowest = { ms: 0 };
  const findings = [];
  for (const r of results) {
    analyses += r.analyses;
    for (const [k, n] of Object.entries(r.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + n;
    if (r.slowest.ms > slowest.ms) slowest = r.slowest;
    findings.push(...r.findings);
  }
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(
    `fuzz: ${runs.toLocaleString('en-US')} inputs (seeds ${firstSeed}–${firstSeed + runs - 1}) from ${results[0].seeds} real chain texts, ${workers} workers, ${seconds} s`,
  );
  console.log(
    `  analyses run (prepare + analyze + evaluateAt + computeDrivers): ${analyses.toLocaleString('en-US')}`,
  );
  for (const [k, n] of Object.entries(outcomes).sort())
    console.log(`  ${k.padEnd(40)} ${n.toLocaleString('en-US').padStart(9)}`);
  console.log(
    `  slowest input: ${slowest.ms.toFixed(1)} ms of CPU (${slowest.wall.toFixed(1)} ms wall; seed ${slowest.seed}, from ${slowest.from}, ${slowest.bytes} chars)`,
  );
  const cpu = results.reduce((t, r) => t + r.totalMs, 0);
  console.log(`  CPU time per input: ${(cpu / runs).toFixed(2)} ms on average`);
  if (findings.length) {
    console.log(`\n✗ ${findings.length} finding(s):`);
    for (const f of findings.slice(0, 50))
      console.log(`  seed ${f.seed} (from ${f.from}): ${f.findings.join(' · ')}`);
    process.exitCode = 1;
  } else
    console.log(
      '\n✓ no finding: only ImportError / ChainParseError, every output finite, every input under 1 s',
    );
} finally {
  rmSync(out, { recursive: true, force: true });
}
