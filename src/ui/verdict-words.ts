/**
 * The verdict in words, the same everywhere in the extension's pages: a title, the mechanism as a
 * trader says it, and a reminder that hedging is a type of pressure, not a direction (lesson 01:
 * "Hedging does not predict direction by itself").
 */
export type Verdict = 'stabilizing' | 'accelerating' | 'transition';

export const VERDICT_TITLE: Record<Verdict, string> = {
  stabilizing: 'Stabilizing',
  accelerating: 'Accelerating',
  transition: 'Transition',
};

/** The mechanism, one line (fits 400 px at 12.5 px). */
export const MECHANISM: Record<Verdict, string> = {
  stabilizing: 'Dealers long gamma: their hedging sells rallies and buys dips.',
  accelerating: 'Dealers short gamma: their hedging buys rallies and sells dips.',
  transition: 'Near the flip: dealer hedging can switch between damping and chasing moves.',
};

/** What it means for price behaviour, never a direction. */
export const EFFECT: Record<Verdict, string> = {
  stabilizing: 'Moves tend to be absorbed. It does not say which way price goes.',
  accelerating: 'Moves tend to extend. It does not say which way price goes.',
  transition: 'Neither damping nor chasing dominates yet. It does not say which way price goes.',
};
