/**
 * The CLI's --json object: exactly the contract fields of methodology "The CLI contract", plus a
 * `settings` echo and `zeroDteShare`. Money in dollars per 1 % move; prices in price units.
 */
import type { Analysis, Chain, Model } from '../core';

export function toContractJson(chain: Chain, model: Model, asOf: string, a: Analysis) {
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
    zeroDteShare: a.zeroDteShare,
    settings: {
      preset: model.preset,
      signs: model.signs,
      scope: model.scope,
      rate: model.rate,
      dividend: model.dividend,
      multiplier: model.multiplier,
      transitionBand: model.transitionBand,
      contractsOutOfScope: a.contracts.outOfScope,
    },
  };
}
