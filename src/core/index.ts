/**
 * Public surface of the pure core. Other code imports from 'src/core' (this file) only.
 */
export { type Analysis, analyze, type StrikeRow } from './analyze';
export { parseCboeQuoteTable, type QuoteTableOptions, SUPPLY_TIME_HINT } from './cboe-quotedata';
export {
  type Chain,
  ChainBuilder,
  ChainFormatError,
  type ChainHeader,
  type ChainJSON,
  type ContractInput,
  chainFromJSON,
  chainToJSON,
  rootToUnderlying,
} from './chain';
export { ChainParseError } from './chain-parse-error';
export { computeDrivers, type Drivers, type ProjectionPoint, structureAt, VOL_POINT } from './drivers';
export { type EvaluateOptions, type Evaluation, evaluateAt } from './evaluate';
export {
  type AtSpot,
  dealerDelta,
  exposureAtSpot,
  type HedgeFlow,
  hedgeFlowFor,
  netGexAt,
  netGrossAt,
} from './exposure';
export { FLOW_MOVES, type FlowPoint, hedgeFlowCurve } from './flow-curve';
export { type BsmInput, charm, d1Of, delta, gamma, vanna } from './greeks';
export { horizonAfter, projectionInstants } from './horizon';
export {
  DEFAULT_MODEL,
  dealerSign,
  type Model,
  makeModel,
  POSITIONS_MODELS,
  type PositionsModel,
  PRESETS,
  type Preset,
  positionsOf,
  SCOPES,
  type Scope,
  SIGN_MODELS,
  type SignModel,
  type TransitionBand,
} from './model';
export { newYorkDate, wallClockAt, zonedToUtc } from './ny-time';
export { type OccSymbol, parseOccSymbol } from './occ';
export {
  futuresPhrase,
  gexPhrase,
  type HedgeInstrument,
  hedgeInstrument,
  moneyPhrase,
  sharesPhrase,
  tradePhrase,
  tradeSize,
} from './phrases';
export { type LineCounts, type Prepared, prepare } from './prepare';
export { explainRegime, type Regime, regimeOf } from './regime';
export { retime, SIGMA_FLOOR } from './retime';
export { businessDaysBetween, isAmSettled, liveYears, settlementInstant } from './settlement';
export { parseSnapshotTime } from './snapshot-time';
