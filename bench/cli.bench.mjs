// CLI end to end (npm run bench, after the engine): `node bin/gexfocus.mjs analyze <SPX full>` as a
// user runs it — Node start, module load, read, parse, prepare, analyze, drivers, print — wall time
// of whole processes, summary and --json, 2 warm-up runs then the median of 15 each; first a bare
// `node -e 0`, the floor no CLI change can go under (40 ms quiet, 80-120 ms with the other helpers'
// load on this 2-core machine), so each figure can be read against it.
// argv[2]: path to spx_quotedata_2023-09-14_full.csv. Needs dist/cli (npm run build:cli).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chain = process.argv[2];

function runs(args, n, argv = ['bin/gexfocus.mjs', 'analyze', chain, ...args]) {
  const times = [];
  for (let i = 0; i < n + 2; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, argv, { cwd: root });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`gexfocus exited ${r.status}: ${r.stderr}`);
    if (i >= 2) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0] };
}

const node = runs([], 15, ['-e', '0']);
const bare = runs(['--help'], 15);
const summary = runs([], 15);
const json = runs(['--json'], 15);
const line = (label, t) =>
  `${label.padEnd(31)}${t.median.toFixed(0)} ms (median of 15; fastest ${t.min.toFixed(0)} ms)`;
console.log(line('node -e 0 (no CLI at all)', node));
console.log(line('CLI, node start only (--help)', bare));
console.log(line('CLI analyze, summary', summary));
console.log(line('CLI analyze --json', json));
