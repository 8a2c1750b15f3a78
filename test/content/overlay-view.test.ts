// @vitest-environment happy-dom
/**
 * From the chain to the pixels' text: the background's view-model for the overlay (levels in page
 * units, formatted, flagged) on the bundled SPX sample, drawn by the content script's panel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetPrepared } from '../../src/background/analysis/cache.ts';
import { type TabContext, tabContext } from '../../src/background/analysis/tab-levels.ts';
import { makeRecord } from '../../src/background/chains/record.ts';
import { saveChain } from '../../src/background/chains/store.ts';
import { evaluateLive } from '../../src/background/overlay/live-evaluation.ts';
import { overlayView } from '../../src/background/overlay/view-model.ts';
import { SETTINGS_KEY } from '../../src/background/settings/store.ts';
import { createPanel } from '../../src/content/overlay/panel.ts';
import { analyze } from '../../src/core/analyze.ts';
import { importChain } from '../../src/core/import/index.ts';
import type { TabReading } from '../../src/messaging/types.ts';
import { MemoryArea } from '../background/chains-fakes.ts';

const SNAPSHOT = Date.parse('2023-09-14T20:31:00Z');
const NOW = Date.parse('2026-06-02T15:00:00Z'); // the sample's last expiration is 2025-12-19

const sample = readFileSync(join(import.meta.dirname, '../../src/options/sample/spx-2023-09-14.csv'), 'utf8');
let area: MemoryArea | null = null;
async function sampleArea(): Promise<MemoryArea> {
  if (area) return area;
  const fresh = new MemoryArea();
  const { chain } = importChain(sample);
  await saveChain(
    fresh,
    makeRecord({ chain, asOf: chain.asOf!, source: { format: 'sample', importedAt: 1 } }),
  );
  area = fresh;
  return fresh;
}

const reading = (symbol: string, price: number, over: Partial<TabReading> = {}): TabReading => ({
  tabId: 3,
  frameId: 0,
  frameUrl: 'https://www.google.com/finance/quote/.INX:INDEXSP',
  at: NOW,
  symbol,
  price,
  text: String(price),
  site: 'google-finance',
  method: 'adapter',
  confidence: 0.9,
  suspect: false,
  ...over,
});

async function context(r: TabReading, now: number): Promise<TabContext> {
  const c = await tabContext(await sampleArea(), r, now);
  if ('status' in c) throw new Error(`no context: ${c.status}`);
  return c;
}

describe('the overlay view of the bundled SPX sample', () => {
  it('gives the reference levels in page units at the snapshot, with distances and the chain age', async () => {
    forgetPrepared();
    const c = await context(reading('.INX', 4505.1001), SNAPSHOT);
    const { analysis, evaluation } = evaluateLive(c, SNAPSHOT);
    const v = overlayView(c, analysis, evaluation, evaluation.regime, SNAPSHOT + 3_600_000);
    // REFERENCE.md (live preset at the snapshot): flip 4494.30149, call wall 4500.
    expect(v.rows[0]).toEqual({ label: 'Gamma flip', value: '4,494.30', distance: '−0.24 %' });
    expect(v.rows[1]).toEqual({ label: 'Call wall', value: '4,500.00', distance: '−0.11 %' });
    expect(v.price).toBe('at 4,505.10');
    expect(v.notes).toEqual([
      { text: 'SPX chain from 2023-09-14 16:31 New York, 1 h 0 min old', warn: false },
    ]);
    expect(v.units).toMatch(/^Net GEX [+−]\$[\d.]+ (bn|m) per 1 % move · levels in \.INX prices$/);
    expect(v.flow).toMatch(
      /^Dealer hedge if \+1 %: (sell|buy) \$[\d.]+ \w+ · if −1 %: (sell|buy) .* \(SPX notional\)$/,
    );
    expect(v.flags).toEqual([]);
  });

  it('agrees with the full analyze on the raw regime at the same price (popup and badge read alike)', async () => {
    forgetPrepared();
    for (const price of [4440, 4494, 4512.4, 4560]) {
      const c = await context(reading('SPX', price), SNAPSHOT);
      const { evaluation } = evaluateLive(c, SNAPSHOT);
      expect(evaluation.regime).toBe(analyze(c.prepared, c.S).regime);
    }
  });

  it('says the levels are as of the snapshot and the chain is stale when every contract has expired', async () => {
    forgetPrepared();
    const c = await context(reading('.INX', 4512.4), NOW);
    expect(c.atSnapshot).toBe(true);
    const { analysis, evaluation } = evaluateLive(c, NOW);
    // Evaluated at the snapshot instant, not at the clock (where nothing is alive).
    expect(evaluation.evaluationMs).toBe(SNAPSHOT);
    expect(evaluation.grossGex).toBeGreaterThan(0);
    const v = overlayView(c, analysis, evaluation, 'stabilizing', NOW);
    expect(v.notes[0]).toEqual({
      text: 'Every contract has expired: levels as of the chain’s snapshot, not now.',
      warn: true,
    });
    expect(v.notes[1]?.warn).toBe(true);
    expect(v.notes[1]?.text).toMatch(/^SPX chain from 2023-09-14 16:31 New York, \d+ d \d+ h old: stale/);
  });

  it('converts ES prices by the basis, labels the units and flags a guessed or suspect reading', async () => {
    forgetPrepared();
    const a = await sampleArea();
    const rec = (await a.get('chain:SPX'))['chain:SPX'] as { aliasConversions: Record<string, unknown> };
    rec.aliasConversions['ES1!'] = { kind: 'offset', offset: 20 };
    await a.set({ 'chain:SPX': rec, [SETTINGS_KEY]: { version: 2, units: 'shares' } });
    const index = (await a.get('chains:index'))['chains:index'] as {
      entries: { aliasConversions: object }[];
    };
    index.entries[0]!.aliasConversions = rec.aliasConversions;
    await a.set({ 'chains:index': index });
    const c = await context(
      reading('ES1!', 4525.1001, { method: 'generic', confidence: 0.4, suspect: true, reason: 'jump' }),
      SNAPSHOT,
    );
    const { analysis, evaluation } = evaluateLive(c, SNAPSHOT);
    const v = overlayView(c, analysis, evaluation, 'transition', SNAPSHOT);
    expect(v.rows[0]?.value).toBe('4,514.30'); // 4494.30 SPX + 20 points
    expect(v.units).toContain('levels in ES1! prices (from SPX 4,505.10)');
    expect(v.units).toMatch(/SPX units per 1 % move/);
    expect(v.flow).toContain('(SPX units)');
    expect(v.flags).toEqual(['guess', 'suspect: price jumped, not confirmed yet']);
    area = null;
  });

  it('is drawn by the panel word for word', async () => {
    forgetPrepared();
    const c = await context(reading('.INX', 4512.4), NOW);
    const { analysis, evaluation } = evaluateLive(c, NOW);
    const v = overlayView(c, analysis, evaluation, evaluation.regime, NOW);
    const panel = createPanel(document, () => undefined);
    panel.render(v);
    const text = panel.box.textContent ?? '';
    for (const s of [v.title, v.price, v.line, v.flow, v.units, ...v.notes.map((n) => n.text)])
      expect(text).toContain(s);
    for (const r of v.rows) expect(text).toContain(`${r.label}${r.value}${r.distance}`);
  });
});
