import type { TabReading } from '../../messaging/types.ts';
import type { BadgeState } from '../badge.ts';

/** Until the live-verdict work colours it by regime: a trusted price = connected, else stale. */
export function badgeFor(reading: TabReading): BadgeState {
  return reading.price !== null && !reading.suspect ? 'connected' : 'stale';
}
