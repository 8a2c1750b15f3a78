/**
 * Background benchmark (run with `npm run bench`, which bundles this file twice — the background as
 * it is, and as it was before issue 9's work — and runs each under node with a fake browser, see
 * scripts/bench.mjs). The scenario of issue 9: 4 tabs on 4 chains, each tab reporting 20 times a
 * second, every price anywhere within ±1 % of the chain's spot (harsher than a real tape: the
 * caches get no help from small steps). Each report is awaited before the next one (no overlap, so
 * coalescing saves nothing here: every report pays the whole path). The chains are real Cboe quote
 * tables moved forward by whole weeks so they are live at the clock (test/fixtures/live-chain.ts).
 *
 * Prints one JSON line: median / p90 / max of the handler's time per report (ms; the fake storage
 * answers at once, so this is the background's own CPU), the process CPU per report (all of it:
 * timers, GC), and per report: badge API calls and storage.session writes.
 * argv: seconds, then the four quote-table paths.
 */
import { readFileSync } from 'node:fs';
// The code under test: a bundler alias (scripts/bench.mjs) points this at the page handlers of the
// current tree or of the tree before the rewrite.
import { pageHandlers } from 'background-under-test';
import { makeRecord } from '../src/background/chains/record.ts';
import { saveChain } from '../src/background/chains/store.ts';
import { importChain } from '../src/core/import/index.ts';
import { liveQuoteTable } from '../test/fixtures/live-chain.ts';
import { fake } from './fake-platform.ts';

const [seconds = '6', ...files] = process.argv.slice(2);
const DURATION_MS = Number(seconds) * 1000;
const TABS = files.length;
const PERIOD_MS = 1000 / 20 / TABS; // 20 reports a second per tab, round robin

const now = Date.now();
const tabs: { tabId: number; symbol: string; spot: number; url: string }[] = [];
for (const [i, file] of files.entries()) {
  const { chain } = importChain(liveQuoteTable(readFileSync(file, 'utf8'), now).text);
  await saveChain(
    fake.local,
    makeRecord({ chain, asOf: chain.asOf!, source: { format: 'cboe-csv', importedAt: 1 } }),
  );
  tabs.push({
    tabId: 10 + i,
    symbol: chain.underlying,
    spot: chain.spot!,
    url: `https://www.google.com/finance/quote/${chain.underlying}:X`,
  });
}

let seed = 12345;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

async function report(t: (typeof tabs)[number]): Promise<number> {
  const price = Math.round(t.spot * (1 + (random() * 2 - 1) * 0.01) * 100) / 100;
  const payload = {
    symbol: t.symbol,
    price,
    text: price.toFixed(2),
    site: 'google-finance',
    method: 'adapter' as const,
    confidence: 1,
    suspect: false,
    frameUrl: t.url,
  };
  const ctx = { tabId: t.tabId, frameId: 0, sender: { url: t.url, tab: { id: t.tabId }, frameId: 0 } };
  const t0 = performance.now();
  await (pageHandlers['page/report'] as (p: unknown, c: unknown) => Promise<unknown>)(payload, ctx);
  return performance.now() - t0;
}

// Warm-up: every tab's first report loads and prepares its chain and analyses it (not per tick).
for (const t of tabs) await report(t);

let sessionWrites = 0;
const session = fake.session;
const realSet = session.set.bind(session);
session.set = (items) => {
  sessionWrites++;
  return realSet(items);
};
const badgeBefore = fake.badge.calls.length;
const times: number[] = [];
const cpu0 = process.cpuUsage();
const start = performance.now();
let k = 0;
while (performance.now() - start < DURATION_MS) {
  const due = start + k * PERIOD_MS;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((ok) => setTimeout(ok, wait));
  times.push(await report(tabs[k % TABS]!));
  k++;
}
await new Promise((ok) => setTimeout(ok, 300)); // the last throttled session writes
const cpu = process.cpuUsage(cpu0);
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
console.log(
  JSON.stringify({
    reports: times.length,
    medianMs: at(0.5),
    p90Ms: at(0.9),
    maxMs: times.at(-1),
    cpuPerReportMs: (cpu.user + cpu.system) / 1000 / times.length,
    badgeCallsPerReport: (fake.badge.calls.length - badgeBefore) / times.length,
    sessionWritesPerReport: sessionWrites / times.length,
  }),
);
