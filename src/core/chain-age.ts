/**
 * When a chain stops describing today's positions. Open interest is updated once a day, before the
 * open, and dealers' books turn over through the session (lesson 01: "treating the initial
 * structure as valid for the whole session" is a mistake). A snapshot older than 18 hours predates
 * the current session for any intraday or after-close snapshot, so every view flags it as stale.
 */
export const CHAIN_STALE_MS = 18 * 3600_000;

/** ageMs: now − the chain's snapshot instant, in ms. */
export const isStaleChain = (ageMs: number): boolean => ageMs > CHAIN_STALE_MS;
