import { describe, expect, it } from 'vitest';
import { businessDaysBetween, liveYears, makeModel, prepare, settlementInstant } from '../../src/core';
import { classicYears } from '../../src/core/settlement';
import { sharedChain } from './chains';

const iso = (ms: number) => new Date(ms).toISOString();

describe('settlement instants', () => {
  it('settles PM roots at 16:00 New York: 20:00 UTC in summer, 21:00 UTC in winter', () => {
    expect(iso(settlementInstant('2023-09-15', 'SPXW'))).toBe('2023-09-15T20:00:00.000Z');
    expect(iso(settlementInstant('2023-12-15', 'SPXW'))).toBe('2023-12-15T21:00:00.000Z');
    expect(iso(settlementInstant('2025-01-10', 'NVDA'))).toBe('2025-01-10T21:00:00.000Z');
  });

  it('settles SPX, NDX, RUT, DJX and VIX at 09:30 New York', () => {
    for (const root of ['SPX', 'NDX', 'RUT', 'DJX', 'VIX']) {
      expect(iso(settlementInstant('2023-09-15', root))).toBe('2023-09-15T13:30:00.000Z');
      expect(iso(settlementInstant('2024-01-19', root))).toBe('2024-01-19T14:30:00.000Z');
    }
    expect(iso(settlementInstant('2024-01-19', 'NDXP'))).toBe('2024-01-19T21:00:00.000Z');
  });

  it('uses the right offset on both sides of the 2024 spring-forward (10 March) and fall-back (3 November)', () => {
    expect(iso(settlementInstant('2024-03-08', 'SPXW'))).toBe('2024-03-08T21:00:00.000Z');
    expect(iso(settlementInstant('2024-03-11', 'SPXW'))).toBe('2024-03-11T20:00:00.000Z');
    expect(iso(settlementInstant('2024-11-01', 'SPXW'))).toBe('2024-11-01T20:00:00.000Z');
    expect(iso(settlementInstant('2024-11-04', 'SPXW'))).toBe('2024-11-04T21:00:00.000Z');
  });

  it('counts real elapsed seconds across a DST switch: Friday 16:00 EST to Monday 16:00 EDT is 71 hours', () => {
    const fri = settlementInstant('2024-03-08', 'SPXW');
    const mon = settlementInstant('2024-03-11', 'SPXW');
    expect(liveYears(mon, fri)).toBeCloseTo((71 * 3600) / (365 * 86400), 15);
  });
});

describe('live time to expiry', () => {
  it('floors a line that is 1 minute from settlement at 5 minutes', () => {
    const s = settlementInstant('2024-06-14', 'SPXW');
    expect(liveYears(s, s - 60_000)).toBe(300 / (365 * 86400));
  });

  it('leaves out a line at or after its settlement instead of giving it a tiny T', () => {
    const s = settlementInstant('2024-06-14', 'SPXW');
    expect(liveYears(s, s)).toBeNull();
    expect(liveYears(s, s + 1)).toBeNull();
  });

  it('drops the 296 same-day SPXW lines of the 16:31 SPX snapshot as expired but keeps the 09:30 SPX monthlies of the next day', () => {
    const chain = sharedChain('spx_quotedata_2023-09-14_full.csv');
    const p = prepare(chain, makeModel(), Date.parse(chain.asOf!));
    expect(p.counts.expired).toBe(296);
    const atClose = prepare(chain, makeModel(), Date.parse('2023-09-14T19:59:00Z'));
    expect(atClose.counts.expired).toBe(0);
    const nextMorning = prepare(chain, makeModel(), Date.parse('2023-09-15T13:31:00Z'));
    const am = chain.expirations.indexOf('2023-09-15');
    const spxMonthly = chain.roots.indexOf('SPX');
    let monthly = 0;
    for (let i = 0; i < chain.count; i++)
      if (chain.expiry[i] === am && chain.root[i] === spxMonthly) monthly++;
    expect(nextMorning.counts.expired).toBe(296 + monthly);
  });
});

describe('classic time to expiry', () => {
  it('counts business days like numpy.busday_count, same day = 1/262, past dates left out', () => {
    expect(businessDaysBetween('2023-09-14', '2023-09-15')).toBe(1);
    expect(businessDaysBetween('2023-09-14', '2023-09-18')).toBe(2);
    expect(businessDaysBetween('2022-02-05', '2022-02-07')).toBe(0);
    expect(businessDaysBetween('2023-09-18', '2023-09-14')).toBe(-2);
    expect(classicYears('2023-09-14', '2023-09-14')).toBe(1 / 262);
    expect(classicYears('2023-09-14', '2023-09-22')).toBe(6 / 262);
    expect(classicYears('2023-09-14', '2023-09-13')).toBeNull();
  });
});
