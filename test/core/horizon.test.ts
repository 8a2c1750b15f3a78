import { describe, expect, it } from 'vitest';
import { horizonAfter, projectionInstants } from '../../src/core';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);

describe('the horizon: 15:55 New York on the first weekday whose 15:55 is after t', () => {
  it('is today’s 15:55 during the session, and tomorrow’s after it', () => {
    expect(iso(horizonAfter(at('2023-09-14T11:20:00-04:00')))).toBe('2023-09-14T19:55:00.000Z');
    expect(iso(horizonAfter(at('2023-09-14T15:55:00-04:00')))).toBe('2023-09-15T19:55:00.000Z');
    expect(iso(horizonAfter(at('2023-09-14T16:31:00-04:00')))).toBe('2023-09-15T19:55:00.000Z');
  });

  it('skips the weekend: Friday evening and Saturday look to Monday', () => {
    expect(iso(horizonAfter(at('2023-09-15T17:00:00-04:00')))).toBe('2023-09-18T19:55:00.000Z');
    expect(iso(horizonAfter(at('2023-09-16T12:00:00-04:00')))).toBe('2023-09-18T19:55:00.000Z');
    expect(iso(horizonAfter(at('2023-09-17T23:59:00-04:00')))).toBe('2023-09-18T19:55:00.000Z');
  });

  it('follows New York’s clock across a DST change: EDT Friday to EST Monday, EST Saturday to EDT Monday', () => {
    // Fall back on Sunday 5 Nov 2023: Monday's 15:55 is 20:55 UTC (EST), Friday's was 19:55 UTC.
    expect(iso(horizonAfter(at('2023-11-03T16:30:00-04:00')))).toBe('2023-11-06T20:55:00.000Z');
    // Spring forward on Sunday 12 Mar 2023: Monday 15:55 EDT is 19:55 UTC.
    expect(iso(horizonAfter(at('2023-03-11T09:00:00-05:00')))).toBe('2023-03-13T19:55:00.000Z');
  });
});

describe('the projection instants', () => {
  it('are the whole hours 10:00–15:00 after t, then 15:55', () => {
    const hours = projectionInstants(at('2023-09-14T11:20:00-04:00')).map(iso);
    expect(hours).toEqual([
      '2023-09-14T16:00:00.000Z',
      '2023-09-14T17:00:00.000Z',
      '2023-09-14T18:00:00.000Z',
      '2023-09-14T19:00:00.000Z',
      '2023-09-14T19:55:00.000Z',
    ]);
  });

  it('are every session hour when t is before the open, and only 15:55 after 15:00', () => {
    expect(projectionInstants(at('2023-09-14T08:00:00-04:00'))).toHaveLength(7);
    expect(projectionInstants(at('2023-09-14T10:00:00-04:00'))).toHaveLength(6); // 10:00 is not after t
    expect(projectionInstants(at('2023-09-14T15:30:00-04:00')).map(iso)).toEqual([
      '2023-09-14T19:55:00.000Z',
    ]);
  });

  it('are Monday’s session hours from a Friday evening: a weekend has no session to project', () => {
    const hours = projectionInstants(at('2023-09-15T17:00:00-04:00')).map(iso);
    expect(hours[0]).toBe('2023-09-18T14:00:00.000Z');
    expect(hours).toHaveLength(7);
  });
});
