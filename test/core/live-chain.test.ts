import { describe, expect, it } from 'vitest';
import { analyze, makeModel, parseCboeQuoteTable, prepare } from '../../src/core';
import { liveQuoteTable, shiftQuoteTable, snapshotOf } from '../fixtures/live-chain.ts';
import { sharedText } from './chains';

const text = sharedText('spx_quotedata_2023-09-14_full.csv');
const original = parseCboeQuoteTable(text);

describe('the live-chain fixture (a real chain moved forward by whole weeks)', () => {
  it('moves the snapshot, every expiration and every OCC date by the same whole weeks', () => {
    const shifted = parseCboeQuoteTable(shiftQuoteTable(text, 10));
    expect(shifted.count).toBe(original.count);
    // 2023-09-14 16:31 EDT + 70 days = 2023-11-23 16:31 EST (after the DST change: same wall time).
    expect(shifted.asOf).toBe('2023-11-23T21:31:00.000Z');
    expect(shifted.expirations[0]).toBe('2023-11-23');
    expect(shifted.expirations).toHaveLength(original.expirations.length);
    expect(Array.from(shifted.strike)).toEqual(Array.from(original.strike));
    expect(Array.from(shifted.oi)).toEqual(Array.from(original.oi));
  });

  it('gives a chain whose snapshot is less than a week before now and whose lines are alive', () => {
    const now = Date.parse('2026-11-30T15:00:00Z');
    const live = liveQuoteTable(text, now);
    const at = Date.parse(live.asOf);
    expect(at).toBeLessThanOrEqual(now);
    expect(now - at).toBeLessThan(7 * 86_400_000);
    expect(snapshotOf(live.text)).toBe(live.asOf);
    const chain = parseCboeQuoteTable(live.text);
    const p = prepare(chain, makeModel(), now);
    expect(p.counts.used).toBeGreaterThan(15_000);
    // Same structure as the original at its own snapshot (T differs by at most the DST hour).
    const a = analyze(prepare(chain, makeModel(), at), chain.spot);
    const b = analyze(prepare(original, makeModel(), Date.parse(original.asOf!)), original.spot);
    expect(Math.abs(a.netGex / b.netGex - 1)).toBeLessThan(1e-3);
    expect(a.callWall).toBe(b.callWall);
  });
});
