// npm run bench: (1) the engine — bundles bench/engine.bench.ts with vite (ssr, Node target) into a
// temp folder and runs it under `node --expose-gc` on the shared SPX 2023-09-14 chain
// (../shared/data/chains), then the CLI end to end (bench/cli.bench.mjs); (2) the background —
// bench/background-runner.mjs, before and after issue 9's rewrite side by side, and the service
// worker's bundle; (3) the content script — bench/content-script.bench.mjs in headless Chromium on a
// page ticking 20 times a second (builds dist/chrome first if it is missing); (4) the popup —
// bench/popup.bench.mjs: popup open → verdict painted next to a static extension page, and price
// tick → badge updated.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { benchBackground } from '../bench/background-runner.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const chain = fileURLToPath(
  new URL('../../shared/data/chains/spx_quotedata_2023-09-14_full.csv', import.meta.url),
);
if (!existsSync(chain)) {
  console.error(`bench: ${chain} not found (the shared data folder must sit beside the repo)`);
  process.exit(2);
}
const out = mkdtempSync(join(tmpdir(), 'gexfocus-bench-'));
try {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: join(root, 'bench/engine.bench.ts'),
      outDir: out,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'engine.bench.mjs' } },
    },
    ssr: { noExternal: true },
  });
  const r = spawnSync(process.execPath, ['--expose-gc', join(out, 'engine.bench.mjs'), chain], {
    stdio: 'inherit',
  });
  process.exitCode = r.status ?? 1;
  if (!existsSync(join(root, 'dist/cli/gexfocus.mjs')))
    spawnSync('npm', ['run', 'build:cli'], { cwd: root, stdio: 'ignore' });
  const cli = spawnSync(process.execPath, [join(root, 'bench/cli.bench.mjs'), chain], { stdio: 'inherit' });
  process.exitCode ||= cli.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}

console.log('');
await benchBackground();

console.log('');
if (!existsSync('/usr/bin/chromium')) {
  console.log('content-script bench skipped: Chromium missing (sudo bash scripts/install-browsers.sh)');
} else {
  if (!existsSync(join(root, 'dist/chrome/manifest.json'))) {
    spawnSync('npm', ['run', 'build:chrome'], { cwd: root, stdio: 'ignore' });
  }
  const r = spawnSync(process.execPath, [join(root, 'bench/content-script.bench.mjs')], { stdio: 'inherit' });
  process.exitCode ||= r.status ?? 1;
  console.log('');
  const p = spawnSync(process.execPath, [join(root, 'bench/popup.bench.mjs')], { stdio: 'inherit' });
  process.exitCode ||= p.status ?? 1;
}
