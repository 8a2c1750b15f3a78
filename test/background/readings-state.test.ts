import { describe, expect, it, vi } from 'vitest';

// The pure parts are tested here; the storage calls need a browser (covered by the E2E suite).
vi.mock('../../src/platform/browser.ts', () => ({ ext: {} }));

import { parsePickers } from '../../src/background/readings/pickers-store.ts';
import { siteEnabledFrom } from '../../src/background/readings/site-enabled.ts';
import { bestOf } from '../../src/background/state/tab-readings.ts';
import { pageReportSchema } from '../../src/messaging/schemas.ts';
import type { TabReading } from '../../src/messaging/types.ts';

const reading = (frameId: number, price: number | null, at: number): TabReading => ({
  tabId: 1,
  frameId,
  at,
  price,
  symbol: 'AAPL',
  text: String(price),
  site: 'tradingview',
  method: 'adapter',
  confidence: 0.9,
  suspect: false,
  frameUrl: 'https://www.tradingview.com/chart/',
});

describe('the best reading of a tab', () => {
  it('prefers the top frame when it has a price', () => {
    expect(bestOf({ 0: reading(0, 190, 1), 5: reading(5, 191, 9) })?.frameId).toBe(0);
  });

  it('uses a frame (a chart widget) when only the frame has a price', () => {
    expect(bestOf({ 0: reading(0, null, 9), 5: reading(5, 191, 1), 6: reading(6, 192, 2) })?.frameId).toBe(6);
  });

  it('falls back to the top frame report when nobody has a price', () => {
    expect(bestOf({ 0: reading(0, null, 1), 5: reading(5, null, 9) })?.frameId).toBe(0);
    expect(bestOf({})).toBeUndefined();
  });
});

describe('site enable flags', () => {
  it('enables built-in adapter hosts and disables others by default', () => {
    expect(siteEnabledFrom(undefined, 'finance.yahoo.com')).toBe(true);
    expect(siteEnabledFrom({ sites: {} }, 'client2.interactivebrokers.com')).toBe(true);
    expect(siteEnabledFrom({ sites: {} }, 'trade.thinkorswim.com')).toBe(false);
  });

  it('follows the stored flag either way and ignores malformed values', () => {
    expect(siteEnabledFrom({ sites: { 'finance.yahoo.com': false } }, 'finance.yahoo.com')).toBe(false);
    expect(siteEnabledFrom({ sites: { 'trade.thinkorswim.com': true } }, 'trade.thinkorswim.com')).toBe(true);
    expect(siteEnabledFrom({ sites: { 'www.cnbc.com': 'yes' } }, 'www.cnbc.com')).toBe(true);
    expect(siteEnabledFrom({ sites: 'all' }, 'trade.thinkorswim.com')).toBe(false);
  });
});

describe('saved pickers', () => {
  it('keeps valid entries and drops corrupt ones', () => {
    const ok = { selectors: ['#last'], sample: '1.5', savedAt: 1 };
    expect(
      parsePickers({
        'trade.thinkorswim.com': ok,
        'bad host!': ok,
        'www.cnbc.com': { selectors: [], sample: '', savedAt: 1 },
        'x.test': { ...ok, extra: 1 },
      }),
    ).toEqual({ 'trade.thinkorswim.com': ok });
    expect(parsePickers(null)).toEqual({});
  });
});

describe('page report validation', () => {
  const valid = { ...reading(0, 190.12, 1), tabId: undefined, frameId: undefined, at: undefined };
  const { tabId: _t, frameId: _f, at: _a, ...report } = valid;

  it('accepts a well-formed report', () => {
    expect(pageReportSchema.safeParse(report).success).toBe(true);
    expect(pageReportSchema.safeParse({ ...report, price: null, symbol: null }).success).toBe(true);
  });

  it('rejects non-finite prices, out-of-range confidence, unknown fields and oversized text', () => {
    for (const bad of [
      { ...report, price: Number.POSITIVE_INFINITY },
      { ...report, price: Number.NaN },
      { ...report, confidence: 2 },
      { ...report, method: 'magic' },
      { ...report, text: 'x'.repeat(65) },
      { ...report, symbol: '<img src=x>' },
      { ...report, frameUrl: 'javascript:alert(1)' },
      { ...report, extra: true },
    ]) {
      expect(pageReportSchema.safeParse(bad).success).toBe(false);
    }
  });
});
