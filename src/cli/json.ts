/**
 * The CLI's --json object: exactly the contract fields of methodology "The CLI contract" (charmFlow,
 * vannaFlow and projection null under the classic preset), plus extras: `afterExpirations`,
 * `zeroDteShare`, `skipped` (contract lines the import left out, by reason) and a `settings` echo.
 * Money in dollars per 1 % move (flows: dollars of notional); prices in price units; instants ISO UTC.
 */
import type { Analysis } from '../core/analyze';
import type { Chain } from '../core/chain';
import type { Drivers, ProjectionPoint } from '../core/drivers';
import type { SkippedGroup } from '../core/import/skip-log';
import type { Model, PositionsModel } from '../core/model';

const iso = (ms: number) => new Date(ms).toISOString();
const point = (p: ProjectionPoint) => ({ at: iso(p.at), netGex: p.netGex, flip: p.flip, regime: p.regime });

export interface ContractJsonInput {
  chain: Chain;
  model: Model;
  positions: PositionsModel;
  asOf: string;
  analysis: Analysis;
  drivers: Drivers | null;
  skipped: readonly SkippedGroup[];
}

export function toContractJson({
  chain,
  model,
  positions,
  asOf,
  analysis: a,
  drivers: d,
  skipped,
}: ContractJsonInput) {
  return {
    underlying: chain.underlying,
    spot: a.spot,
    asOf,
    preset: model.preset,
    contracts: {
      total: a.contracts.total,
      used: a.contracts.used,
      expired: a.contracts.expired,
      noIv: a.contracts.noIv,
    },
    netGex: a.netGex,
    grossGex: a.grossGex,
    balance: a.balance,
    regime: a.regime,
    flip: a.flip,
    crossings: a.crossings,
    callWall: a.callWall,
    putWall: a.putWall,
    absGammaStrike: a.absGammaStrike,
    hedgeFlow: a.hedgeFlow,
    strikes: a.strikes,
    profile: a.profile,
    charmFlow: d && {
      until: iso(d.charmFlow.until),
      shares: d.charmFlow.shares,
      notional: d.charmFlow.notional,
    },
    vannaFlow: d && {
      up1vol: { shares: d.vannaFlow.up1vol.shares, notional: d.vannaFlow.up1vol.notional },
      down1vol: { shares: d.vannaFlow.down1vol.shares, notional: d.vannaFlow.down1vol.notional },
    },
    projection: d ? d.projection.map(point) : null,
    afterExpirations: d?.afterExpirations ? point(d.afterExpirations) : null,
    zeroDteShare: a.zeroDteShare,
    skipped: skipped.map((g) => ({
      reason: g.reason,
      count: g.count,
      [g.place === 'option' ? 'options' : 'lines']: g.examples,
    })),
    settings: {
      preset: model.preset,
      signs: model.signs,
      scope: model.scope,
      positions,
      rate: model.rate,
      dividend: model.dividend,
      multiplier: model.multiplier,
      transitionBand: model.transitionBand,
      contractsOutOfScope: a.contracts.outOfScope,
    },
  };
}
