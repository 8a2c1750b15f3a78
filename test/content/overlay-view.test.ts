// @vitest-environment happy-dom
/**
 * From the chain to the pixels' text: the background's view-model for the overlay (levels in page
 * units, formatted, flagged, grey when not live) on the bundled SPX sample, drawn by the content
 * script's panel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetPrepared } from '../../src/background/analysis/cache.ts';
import { type TabContext, tabContext } from '../../src/background/analysis/tab-levels.ts';
import { makeRecord } from '../../src/background/chains/record.ts';
import { saveChain } from '../../src/background/chains/store.ts';
import { evaluateLive } from '../../src/background/overlay/live-evaluation.ts';
import { overlayView, QUIET_MS } from '../../src/background/overlay/view-model.ts';
import { SETTINGS_KEY } from '../../src/background/settings/store.ts';
import { createPanel } from '../../src/content/overlay/panel.ts';
import { analyze } from '../../src/core/analyze.ts';
import { CHAIN_STALE_MS } from '../../src/core/chain-age.ts';
import { importChain } from '../../src/core/import/index.ts';
import { tradePhrase } from '../../src/core/phrases.ts';
import type { TabReading } from '../../src/messaging/types.ts';
import { MemoryArea } from '../background/chains-fakes.ts';

const SNAPSHOT = Date.parse('2023-09-14T20:31:00Z');
const HOUR = 3_600_000;
const NOW = Date.parse('2026-06-02T15:00:00Z'); // the sample's last expiration is 2025-12-19

const sample = readFileSync(join(import.meta.dirname, '../../src/options/sample/spx-2023-09-14.csv'), 'utf8');

async function sampleArea(settings?: object): Promise<MemoryArea> {
  const area = new MemoryArea();
  const { chain } = importChain(sample);
  await saveChain(
    area,
    makeRecord({ chain, asOf: chain.asOf!, source: { format: 'sample', importedAt: 1 } }),
  );
  if (settings) await area.set({ [SETTINGS_KEY]: { version: 3, ...settings } });
  return area;
}
const shared = sampleArea();

const reading = (symbol: string, price: number, at: number, over: Partial<TabReading> = {}): TabReading => ({
  tabId: 3,
  frameId: 0,
  frameUrl: 'https://www.google.com/finance/quote/.INX:INDEXSP',
  at,
  symbol,
  price,
  text: String(price),
  site: 'google-finance',
  method: 'adapter',
  confidence: 0.9,
  suspect: false,
  ...over,
});

async function context(r: TabReading, now: number, area?: MemoryArea): Promise<TabContext> {
  forgetPrepared();
  const c = await tabContext(area ?? (await shared), r, now);
  if ('status' in c) throw new Error(`no context: ${c.status}`);
  return c;
}

function viewAt(c: TabContext, now: number, verdict?: 'stabilizing' | 'accelerating' | 'transition') {
  const { analysis, evaluation } = evaluateLive(c, now);
  return { v: overlayView(c, analysis, evaluation, verdict ?? evaluation.regime, now), analysis, evaluation };
}

describe('the overlay view of the bundled SPX sample', () => {
  it('gives the pill the verdict, the distance to the flip and the +1 % trade, live an hour after the snapshot', async () => {
    const now = SNAPSHOT + HOUR;
    const c = await context(reading('.INX', 4505.1001, now), SNAPSHOT);
    const { v, evaluation } = viewAt(c, SNAPSHOT);
    const at = overlayView(c, evaluateLive(c, SNAPSHOT).analysis, evaluation, evaluation.regime, now);
    expect(at.stale).toBe(false);
    expect(at.staleWhy).toBeNull();
    // REFERENCE.md (live preset at the snapshot): flip 4494.30149, 0.24 % below 4,505.10.
    expect(v.flip).toBe('flip −0.24 %');
    expect(v.word).toBe(evaluation.regime[0]!.toUpperCase() + evaluation.regime.slice(1));
    expect(v.glyph).toBe({ stabilizing: '+γ', accelerating: '−γ', transition: '≈' }[evaluation.regime]);
    expect(v.move).toBe(`+1 %: ${tradePhrase(evaluation.hedgeFlow.up1pct.shares, 4505.1001, 'SPX')}`);
    expect(v.move).toMatch(/^\+1 %: (sell|buy) \$[\d.]+ (bn|m) \(≈ [\d,]+ ES\)$/);
    expect(v.price).toBe('.INX 4,505.10');
    expect(v.palette).toBe('okabe-ito');
    expect(v.label).toContain(`GEXfocus: ${v.word} at .INX 4,505.10; flip −0.24 %; +1 %:`);
  });

  it('lists the levels and the price from the highest to the lowest, with their distances', async () => {
    const c = await context(reading('.INX', 4505.1001, SNAPSHOT), SNAPSHOT);
    const { v } = viewAt(c, SNAPSHOT);
    const values = v.ladder.map((r) => Number(r.value.replace(/,/g, '')));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const row = (label: string) => v.ladder.find((r) => r.label === label);
    expect(row('Gamma flip')).toMatchObject({ value: '4,494.30', distance: '−0.24 %', here: false });
    expect(row('Call wall')).toMatchObject({ value: '4,500.00', distance: '−0.11 %' });
    expect(row('▶ Price')).toMatchObject({ value: '4,505.10', distance: '', here: true });
    for (const r of v.ladder) expect(r.hint.length).toBeGreaterThan(10);
  });

  it('says what moves the hedge in one phrase per trade, and the structure at the close', async () => {
    const c = await context(reading('.INX', 4505.1001, SNAPSHOT), SNAPSHOT);
    const { v } = viewAt(c, SNAPSHOT);
    expect(v.flows.map((f) => f.label)).toEqual([
      'Price +1 %',
      'Price −1 %',
      'Time to Fri 15:55',
      'IV +1 pt',
      'IV −1 pt',
    ]);
    for (const f of v.flows)
      expect(f.value).toMatch(/^(buy|sell) \$[\d.]+ (bn|m|k) \(≈\u00a0[\d,]+\u00a0ES\)$/);
    expect(v.later[0]?.label).toBe('At Fri 15:55');
    expect(v.later[0]?.value).toMatch(/^(stabilizing|accelerating|transition), flip [\d,.]+$/);
    expect(v.model).toBe('live · all expirations · dealers long calls, short puts · open interest');
  });

  it('has no time or volatility flows under the classic preset, and says why', async () => {
    const area = await sampleArea({ preset: 'classic' });
    const c = await context(reading('.INX', 4505.1001, SNAPSHOT), SNAPSHOT, area);
    const { v } = viewAt(c, SNAPSHOT);
    expect(v.flows.map((f) => f.label)).toEqual(['Price +1 %', 'Price −1 %']);
    expect(v.later).toEqual([{ label: 'Time and IV', value: 'live preset only (classic has no clock)' }]);
    expect(v.model.startsWith('classic · ')).toBe(true);
  });

  it('agrees with the full analyze on the raw regime at the same price (popup and badge read alike)', async () => {
    for (const price of [4440, 4494, 4512.4, 4560]) {
      const c = await context(reading('SPX', price, SNAPSHOT), SNAPSHOT);
      const { evaluation } = evaluateLive(c, SNAPSHOT);
      expect(evaluation.regime).toBe(analyze(c.prepared, c.S).regime);
    }
  });
});

describe('never looking live when it is not', () => {
  it('is grey with the chain’s age once the chain is older than a session', async () => {
    const now = SNAPSHOT + CHAIN_STALE_MS + HOUR;
    const c = await context(reading('.INX', 4505.1001, now), SNAPSHOT);
    const { analysis, evaluation } = evaluateLive(c, SNAPSHOT);
    const v = overlayView(c, analysis, evaluation, 'stabilizing', now);
    expect(v.stale).toBe(true);
    expect(v.staleWhy).toBe('chain 19 h 0 min old');
    expect(v.age).toMatch(/19 h 0 min old: stale, import a fresh one$/);
    expect(v.label).toContain('Not live: chain 19 h 0 min old');
  });

  it('is grey and says the levels are as of the snapshot when every contract has expired', async () => {
    const c = await context(reading('.INX', 4512.4, NOW), NOW);
    expect(c.atSnapshot).toBe(true);
    const { v, evaluation } = viewAt(c, NOW);
    expect(evaluation.evaluationMs).toBe(SNAPSHOT); // evaluated at the snapshot, not at the clock
    expect(v.stale).toBe(true);
    expect(v.staleWhy).toMatch(/^chain \d+ d \d+ h old$/);
    expect(v.notes[0]).toEqual({
      text: 'Every contract has expired: levels as of the chain’s snapshot, not now.',
      warn: true,
    });
  });

  it('is grey when the reader does not trust the price, and says why first', async () => {
    const c = await context(reading('.INX', 4525.1, SNAPSHOT, { suspect: true, reason: 'jump' }), SNAPSHOT);
    const { v } = viewAt(c, SNAPSHOT);
    expect(v.stale).toBe(true);
    expect(v.staleWhy).toBe('price jumped, unconfirmed');
    expect(v.flags).toEqual(['suspect: price jumped, not confirmed yet']);
  });

  it('is grey when no new price came for a few minutes (the page stopped updating)', async () => {
    const c = await context(reading('.INX', 4505.1001, SNAPSHOT - QUIET_MS - 60_000), SNAPSHOT);
    const { v } = viewAt(c, SNAPSHOT);
    expect(v.stale).toBe(true);
    expect(v.staleWhy).toBe('no new price for 4 min');
    const fresh = await context(reading('.INX', 4505.1001, SNAPSHOT - QUIET_MS + 60_000), SNAPSHOT);
    expect(viewAt(fresh, SNAPSHOT).v.stale).toBe(false);
  });
});

describe('the view of a converted or guessed reading', () => {
  it('converts ES prices by the basis, labels the units and flags a guessed reading', async () => {
    const area = await sampleArea({ palette: 'classic' });
    const rec = (await area.get('chain:SPX'))['chain:SPX'] as { aliasConversions: Record<string, unknown> };
    rec.aliasConversions['ES1!'] = { kind: 'offset', offset: 20 };
    const index = (await area.get('chains:index'))['chains:index'] as {
      entries: { aliasConversions: object }[];
    };
    index.entries[0]!.aliasConversions = rec.aliasConversions;
    await area.set({ 'chain:SPX': rec, 'chains:index': index });
    const c = await context(
      reading('ES1!', 4525.1001, SNAPSHOT, { method: 'generic', confidence: 0.4 }),
      SNAPSHOT,
      area,
    );
    const { v } = viewAt(c, SNAPSHOT);
    expect(v.ladder.find((r) => r.label === 'Gamma flip')?.value).toBe('4,514.30'); // 4494.30 SPX + 20 points
    expect(v.notes.map((n) => n.text).join(' | ')).toContain('levels in ES1! prices (from SPX 4,505.10)');
    expect(v.flags).toEqual(['guess']);
    expect(v.palette).toBe('classic');
    expect(v.flip).toBe('flip −0.24 %');
  });

  it('is drawn by the panel word for word', async () => {
    const c = await context(reading('.INX', 4512.4, NOW), NOW);
    const { v } = viewAt(c, NOW);
    const panel = createPanel(
      document,
      { dot: () => undefined, hide: () => undefined },
      new AbortController().signal,
    );
    panel.render(v);
    const text = panel.box.textContent ?? '';
    for (const s of [
      v.glyph,
      v.word,
      v.flip,
      v.staleWhy!,
      v.price,
      v.line,
      v.age,
      ...v.notes.map((n) => n.text),
    ])
      expect(text).toContain(s);
    for (const r of v.ladder) expect(text).toContain(`${r.label}${r.value}${r.distance}`);
    for (const f of [...v.flows, ...v.later]) expect(text).toContain(`${f.label}${f.value}`);
  });
});
