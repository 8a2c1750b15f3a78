// CLI end to end (npm run bench, after the engine): `node bin/gexfocus.mjs analyze <SPX full>` as a
// user runs it — Node start, module load, read, parse, prepare, analyze, drivers, print — wall time
// of whole processes, summary and --json, 2 warm-up runs then the median of 15 each.
// argv[2]: path to spx_quotedata_2023-09-14_full.csv. Needs dist/cli (npm run build:cli).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const chain = process.argv[2];

function runs(args, n) {
  const times = [];
  for (let i = 0; i < n + 2; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['bin/gexfocus.mjs', 'analyze', chain, ...args], { cwd: root });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`gexfocus exited ${r.status}: ${r.stderr}`);
    if (i >= 2) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0] };
}

const bare = runs(['--help'], 15);
const summary = runs([], 15);
const json = runs(['--json'], 15);
const line = (label, t) =>
  `${label.padEnd(31)}${t.median.toFixed(0)} ms (median of 15; fastest ${t.min.toFixed(0)} ms)`;
console.log(line('CLI, node start only (--help)', bare));
console.log(line('CLI analyze, summary', summary));
console.log(line('CLI analyze --json', json));
