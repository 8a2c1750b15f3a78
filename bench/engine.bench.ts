/**
 * Engine benchmark (run with `npm run bench`, which bundles this file and runs it under
 * `node --expose-gc`). Prints medians in ms and the retained heap of the parsed chain in MB.
 * argv[2]: path to spx_quotedata_2023-09-14_full.csv.
 */
import { readFileSync } from 'node:fs';
import {
  analyze,
  computeDrivers,
  evaluateAt,
  hedgeFlowCurve,
  makeModel,
  parseCboeQuoteTable,
  prepare,
} from '../src/core';
import { importChain } from '../src/core/import';

const file = process.argv[2]!;
const text = readFileSync(file, 'utf8');
const gc = (globalThis as { gc?: () => void }).gc;

function median(runs: number, f: () => unknown): number {
  for (let i = 0; i < Math.min(5, runs); i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const parseMs = median(25, () => parseCboeQuoteTable(text));
const importMs = median(25, () => importChain(text));
const chain = parseCboeQuoteTable(text);
const now = Date.parse(chain.asOf!);
const prepared = prepare(chain, makeModel(), now);
const prepareMs = median(25, () => prepare(chain, makeModel(), now));
const analyzeMs = median(25, () => analyze(prepared, chain.spot));
const crossings = analyze(prepared, chain.spot).crossings;
let k = 0;
const liveMs = median(501, () => {
  k++;
  return evaluateAt(prepared, chain.spot * (1 + (k % 7) * 1e-4), { nowMs: now + 60_000 + k, crossings });
});

const sameTimeMs = median(501, () => {
  k++;
  return evaluateAt(prepared, chain.spot * (1 + (k % 7) * 1e-4), { crossings });
});

// What moves the hedge (charm + vanna + the whole projection), at 11:20 New York (5 projection
// points, REFERENCE.md's instant) and after the close (the next session: 7 points + after-expirations).
const at1120 = Date.parse('2023-09-14T11:20:00-04:00');
const prepared1120 = prepare(chain, makeModel(), at1120);
const drivers1120Ms = median(41, () => computeDrivers(prepared1120, chain.spot));
const driversCloseMs = median(41, () => computeDrivers(prepared, chain.spot));
const flowCurveMs = median(41, () => hedgeFlowCurve(prepared, chain.spot));

let heapMb = Number.NaN;
if (gc) {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const held = parseCboeQuoteTable(text);
  gc();
  gc();
  const after = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  heapMb = (after - before) / 2 ** 20;
  if (held.count !== chain.count) throw new Error('unreachable');
}

console.log(
  `chain: ${file.split('/').pop()} — ${chain.count} contracts, ${prepared.counts.used} usable lines`,
);
console.log(`parse                          ${parseMs.toFixed(2)} ms (median of 25)`);
console.log(
  `import (importChain)           ${importMs.toFixed(2)} ms (median of 25; size rule, format detection, parse, usable check)`,
);
console.log(`prepare (per-line constants)   ${prepareMs.toFixed(2)} ms (median of 25)`);
console.log(
  `full analysis                  ${analyzeMs.toFixed(2)} ms (median of 25; profile + crossings + walls + hedge flow)`,
);
console.log(
  `live re-evaluation             ${liveMs.toFixed(3)} ms (median of 501; new spot and time: net, balance, regime, hedge flow)`,
);
console.log(`live re-evaluation, same time  ${sameTimeMs.toFixed(3)} ms (median of 501; new spot only)`);
console.log(
  `drivers at 11:20 New York      ${drivers1120Ms.toFixed(2)} ms (median of 41; charm + vanna + projection of 5 instants)`,
);
console.log(
  `drivers after the close        ${driversCloseMs.toFixed(2)} ms (median of 41; charm + vanna + projection of 7 instants + after-expirations)`,
);
console.log(
  `hedge-flow curve, 31 points    ${flowCurveMs.toFixed(2)} ms (median of 41; −3 % … +3 %, full revaluation)`,
);
console.log(`retained heap, parsed chain    ${heapMb.toFixed(2)} MB${gc ? '' : ' (run with --expose-gc)'}`);
