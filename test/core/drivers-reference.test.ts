import { describe, expect, it } from 'vitest';
import { analyze, computeDrivers, makeModel, prepare } from '../../src/core';
import { expectPrinted, sharedChain } from './chains';

// REFERENCE.md "What moves the hedge", SPX 2023-09-14 at 11:20 New York, spot 4505.1001, positions =
// open interest. Each figure to 1e-9 relative, or to the digits REFERENCE prints where they are fewer.
const chain = sharedChain('spx_quotedata_2023-09-14_full.csv');
const at1120 = Date.parse('2023-09-14T11:20:00-04:00');
const p = prepare(chain, makeModel(), at1120);
const d = computeDrivers(p, chain.spot);
const ny = (iso: string) => Date.parse(`${iso}-04:00`);

describe('what moves the hedge on SPX 2023-09-14 at 11:20 New York (REFERENCE.md)', () => {
  it('has every same-day line alive: 0 expired, 1,447 without IV, 18,473 used; net +15,713,243,081.5, flip 4494.68425', () => {
    const a = analyze(p, chain.spot);
    expect(a.contracts).toMatchObject({ expired: 0, noIv: 1_447, used: 18_473 });
    expectPrinted(a.netGex, '15713243081.5');
    expectPrinted(a.flip!, '4494.68425');
    expect(a.regime).toBe('transition');
  });

  it('gives the charm flow until 15:55 New York: dealers buy 870,235.68 shares ($3.920 bn)', () => {
    expect(d.charmFlow.until).toBe(ny('2023-09-14T15:55:00'));
    expectPrinted(d.charmFlow.shares, '870235.68');
    expectPrinted(d.charmFlow.notional / 1e9, '3.920');
    expect(d.charmFlow.notional).toBeCloseTo(d.charmFlow.shares * chain.spot, 3);
  });

  it('gives the vanna flow: IV +1 point → −6,694,788.18 shares, −1 point → +6,759,521.48', () => {
    expectPrinted(d.vannaFlow.up1vol.shares, '-6694788.18');
    expectPrinted(d.vannaFlow.down1vol.shares, '6759521.48');
  });

  it('projects net GEX at spot, flip and regime at 12:00, 13:00, 14:00, 15:00 and 15:55', () => {
    const expected = [
      ['2023-09-14T12:00:00', '15775885658.5', '4494.64900'],
      ['2023-09-14T13:00:00', '15864622232.1', '4494.58902'],
      ['2023-09-14T14:00:00', '15945697348.9', '4494.51988'],
      ['2023-09-14T15:00:00', '16017197985.6', '4494.44096'],
      ['2023-09-14T15:55:00', '16072296942.0', '4494.35971'],
    ] as const;
    expect(d.projection).toHaveLength(expected.length);
    d.projection.forEach((point, k) => {
      const [at, net, flip] = expected[k]!;
      expect(point.at).toBe(ny(at));
      expectPrinted(point.netGex, net);
      expectPrinted(point.flip!, flip);
      expect(point.regime).toBe('transition');
    });
  });

  it('after the close (16:31) looks to Friday 15:55 and includes the unwinding of the AM-settled monthlies: +96,356,212.6 shares', () => {
    const snap = prepare(chain, makeModel(), Date.parse(chain.asOf!));
    const after = computeDrivers(snap, chain.spot);
    expect(after.charmFlow.until).toBe(ny('2023-09-15T15:55:00'));
    expectPrinted(after.charmFlow.shares, '96356212.6');
  });
});
