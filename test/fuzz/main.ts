/**
 * One fuzz worker (scripts/fuzz.mjs bundles this file and starts one per core):
 *   node fuzz-worker.mjs <shared dir> <fixtures dir> <first seed> <count>
 * Prints one JSON line: counts per reader outcome, analyses, the slowest input, and every finding
 * with the seed that reproduces it.
 */
import { fuzzOne } from './check';
import { fuzzInput } from './mutate';
import { loadSeeds } from './seeds';

const [sharedDir, fixturesDir, first, count] = process.argv.slice(2);
const seeds = loadSeeds(sharedDir!, fixturesDir!);
const start = Number(first);
const n = Number(count);
// Warm the JIT on inputs outside the run (negative seeds) so the first inputs are not timed cold.
for (let seed = -1; seed >= -30; seed--) fuzzOne(fuzzInput(seed, seeds).text, seed);
const outcomes: Record<string, number> = {};
const findings: { seed: number; from: string; findings: string[]; ms: number }[] = [];
let analyses = 0;
let slowest = { seed: start, ms: 0, wall: 0, from: '', bytes: 0 };
let totalMs = 0;
for (let seed = start; seed < start + n; seed++) {
  const { text, from } = fuzzInput(seed, seeds);
  // CPU time of this process (user + system), not wall time: other work on a shared machine does not
  // count against the input (wall time is reported for the slowest too).
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = fuzzOne(text, seed);
  const wall = performance.now() - t0;
  const used = process.cpuUsage(c0);
  const ms = (used.user + used.system) / 1000;
  totalMs += ms;
  analyses += r.analyses;
  for (const [reader, outcome] of Object.entries(r.readers)) {
    const key = `${reader}: ${outcome}`;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  if (ms > slowest.ms) slowest = { seed, ms, wall, from, bytes: text.length };
  const problems = [...r.findings];
  if (ms > 1000) problems.push(`took ${ms.toFixed(0)} ms of CPU (over 1 s)`);
  if (problems.length) findings.push({ seed, from, findings: problems, ms });
}
console.log(JSON.stringify({ runs: n, analyses, outcomes, slowest, totalMs, findings, seeds: seeds.length }));
