/**
 * Is a freshly read price believable? Pages show other numbers next to the price (volume, change,
 * a related quote), and re-renders can briefly expose a placeholder; a wrong number must be reported
 * as suspect, never used silently. Scrapers in public code use fixed ranges per instrument
 * (broker-pages.md §17.1); an extension cannot, so the reference is the previous accepted reading.
 */

export type ImplausibleReason = 'not-finite' | 'not-positive' | 'jump';

/** Default largest move between two consecutive readings of the same symbol, in percent. */
export const DEFAULT_MAX_JUMP_PCT = 15;

/**
 * Why `next` is not plausible after `prev` (null when it is). `prev` null = no reference yet
 * (first reading, or the symbol just changed), so only the sign/finiteness checks apply.
 */
export function implausibility(
  prev: number | null,
  next: number,
  maxJumpPct = DEFAULT_MAX_JUMP_PCT,
): ImplausibleReason | null {
  if (!Number.isFinite(next)) return 'not-finite';
  if (next <= 0) return 'not-positive';
  if (prev === null || !Number.isFinite(prev) || prev <= 0) return null;
  return (Math.abs(next - prev) / prev) * 100 > maxJumpPct ? 'jump' : null;
}

export function isPlausible(prev: number | null, next: number, maxJumpPct = DEFAULT_MAX_JUMP_PCT): boolean {
  return implausibility(prev, next, maxJumpPct) === null;
}
