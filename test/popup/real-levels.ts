/**
 * TabLevels built by the background's own code (levelsOf) from the bundled SPX sample chain, so the
 * popup's views are tested on what the engine really says, not on numbers typed into the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { levelsOf, type TabContext } from '../../src/background/analysis/tab-levels.ts';
import { analyze } from '../../src/core/analyze.ts';
import { computeDrivers } from '../../src/core/drivers.ts';
import { parseCboeQuoteTable } from '../../src/core/index.ts';
import { type Prepared, prepare } from '../../src/core/prepare.ts';
import { modelFor, readSettings } from '../../src/core/settings.ts';
import { IDENTITY } from '../../src/core/symbol-map.ts';
import type { ChainSummary, TabLevels } from '../../src/messaging/types.ts';

// From the project root (happy-dom rewrites import.meta.url's scheme).
export const SAMPLE_TEXT = readFileSync(join(process.cwd(), 'src/options/sample/spx-2023-09-14.csv'), 'utf8');
export const SAMPLE = parseCboeQuoteTable(SAMPLE_TEXT);
/** The snapshot instant: 2023-09-14 16:31 New York. */
export const SNAPSHOT = Date.parse(SAMPLE.asOf!);

const prepared = new Map<number, Prepared>();

export function preparedAt(nowMs: number): Prepared {
  let p = prepared.get(nowMs);
  if (!p) {
    p = prepare(SAMPLE, modelFor(readSettings(undefined).settings, 'SPX'), nowMs);
    prepared.set(nowMs, p);
  }
  return p;
}

/** The popup's TabLevels for an SPX page at `price`, evaluated at `nowMs` (default: the snapshot). */
export function realLevels(price: number, nowMs = SNAPSHOT): TabLevels {
  const settings = readSettings(undefined).settings;
  const p = preparedAt(nowMs);
  const c: TabContext = {
    reading: {
      tabId: 1,
      frameId: 0,
      frameUrl: 'https://www.google.com/finance/quote/.INX:INDEXSP',
      at: nowMs,
      symbol: 'SPX',
      price,
      text: String(price),
      site: 'google-finance',
      method: 'adapter',
      confidence: 1,
      suspect: false,
    },
    summary: { underlying: 'SPX', asOf: SAMPLE.asOf! } as ChainSummary,
    conversion: IDENTITY,
    settings,
    model: p.model,
    S: price,
    prepared: p,
    atSnapshot: false,
  };
  return levelsOf(c, analyze(p, price), computeDrivers(p, price, nowMs));
}
