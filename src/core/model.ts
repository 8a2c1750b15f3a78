/**
 * The settings that turn a chain into numbers (methodology "Exposure", "Time", "The classic
 * preset"). Every figure GEXfocus shows says which preset, scope and sign model produced it.
 */

/** 'live': T to the settlement instant in seconds, gamma from IV. 'classic': the widely copied method. */
export type Preset = 'live' | 'classic';

/**
 * Dealer sign per line. 'long-calls-short-puts' (default; customers sell calls, buy puts): calls +1,
 * puts −1. 'short-all' (customers buy everything): −1, −1. 'long-all': +1, +1.
 */
export type SignModel = 'long-calls-short-puts' | 'short-all' | 'long-all';

/**
 * Which expirations count. 'all'; '0dte' = expiring on the evaluation instant's New York date;
 * '7d' = expiring within 7 calendar days (New York dates); 'ex-nearest' = all but the nearest
 * expiration still alive.
 */
export type Scope = 'all' | '0dte' | '7d' | 'ex-nearest';

/**
 * Whose contracts count as OI_i (methodology "Positions model"): 'oi' = open interest (default,
 * end-of-day positions); 'oi+volume' adds the day's traded volume (a rough proxy for today's new
 * positions); 'volume' = the day's volume alone. A chain without volume offers only 'oi'.
 */
export type PositionsModel = 'oi' | 'oi+volume' | 'volume';

export const PRESETS: readonly Preset[] = ['live', 'classic'];
export const POSITIONS_MODELS: readonly PositionsModel[] = ['oi', 'oi+volume', 'volume'];
export const SIGN_MODELS: readonly SignModel[] = ['long-calls-short-puts', 'short-all', 'long-all'];
export const SCOPES: readonly Scope[] = ['all', '0dte', '7d', 'ex-nearest'];

export interface TransitionBand {
  /** |net/gross| below this is "transition" (dimensionless; default 0.05). */
  balance: number;
  /** A flip within this fraction of spot is "transition" (default 0.0025 = 0.25 %). */
  flipDistance: number;
}

export interface Model {
  preset: Preset;
  signs: SignModel;
  scope: Scope;
  /** Which contracts count (default 'oi'). */
  positions: PositionsModel;
  /** Risk-free rate r, continuously compounded annual decimal (default 0). */
  rate: number;
  /** Dividend yield q, continuously compounded annual decimal (default 0). */
  dividend: number;
  /** Contract multiplier M, units of underlying per contract (default 100). */
  multiplier: number;
  transitionBand: TransitionBand;
}

export const DEFAULT_MODEL: Readonly<Model> = Object.freeze({
  preset: 'live',
  signs: 'long-calls-short-puts',
  scope: 'all',
  positions: 'oi',
  rate: 0,
  dividend: 0,
  multiplier: 100,
  transitionBand: Object.freeze({ balance: 0.05, flipDistance: 0.0025 }),
});

/** DEFAULT_MODEL with some fields replaced (the band may be given in part). */
export function makeModel(
  overrides: Partial<Omit<Model, 'transitionBand'>> & {
    transitionBand?: Partial<TransitionBand>;
  } = {},
): Model {
  return {
    ...DEFAULT_MODEL,
    ...overrides,
    transitionBand: { ...DEFAULT_MODEL.transitionBand, ...overrides.transitionBand },
  };
}

/** Dealer sign s ∈ {+1, −1} of a call or put under a sign model. */
export function dealerSign(signs: SignModel, isCall: boolean): 1 | -1 {
  if (signs === 'short-all') return -1;
  if (signs === 'long-all') return 1;
  return isCall ? 1 : -1;
}

/** Contracts line i counts under a positions model (oi and volume in contracts; NaN volume = 0). */
export function positionsOf(positions: PositionsModel, oi: number, volume: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Math.max(NaN, 0) is NaN; a line without volume counts 0.
  const v = volume > 0 ? volume : 0;
  return positions === 'oi' ? oi : positions === 'volume' ? v : oi + v;
}
