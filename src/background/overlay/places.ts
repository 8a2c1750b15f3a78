/**
 * Where the user put the overlay, per site: storage.local `overlayPlaces` = { version: 1, hosts:
 * { host: { x, y, dot, at } } }, validated on every read (a damaged value is "no place saved", never an
 * exception). Fractions of the free space, not pixels, so a place survives a resize or a zoom change
 * (the content script clamps it into the viewport it has).
 *
 * Every write is one read-modify-write in savePlace(), in the area's write queue
 * (../storage/serial.ts): two sites moved at once both stay.
 */
import * as z from 'zod/mini';
import type { OverlayPlace } from '../../messaging/types.ts';
import type { KvArea } from '../storage/kv.ts';
import { serialWrite } from '../storage/serial.ts';

export const PLACES_KEY = 'overlayPlaces';
/** Sites remembered; the least recently moved is forgotten first (a place is small, but unbounded is not). */
export const MAX_PLACES = 200;

const unit = z.number().check(z.gte(0), z.lte(1));
const PLACE = z.object({ x: unit, y: unit, dot: z.boolean(), at: z.number() });
const HOST = z.string().check(z.regex(/^[a-z0-9.-]{1,253}(:\d+)?$/));
const STORED = z.object({ version: z.literal(1), hosts: z.record(HOST, PLACE) });
type Stored = z.infer<typeof STORED>;

function read(raw: unknown): Stored {
  const parsed = STORED.safeParse(raw);
  return parsed.success ? parsed.data : { version: 1, hosts: {} };
}

export async function getPlace(area: KvArea, host: string): Promise<OverlayPlace | null> {
  const hit = read((await area.get(PLACES_KEY))[PLACES_KEY]).hosts[host];
  return hit ? { x: hit.x, y: hit.y, dot: hit.dot } : null;
}

/** Remembers the place for a host (one read-modify-write in the area's write queue). */
export function savePlace(area: KvArea, host: string, place: OverlayPlace, nowMs: number): Promise<void> {
  return serialWrite(area, async () => {
    if (!HOST.safeParse(host).success) throw new Error(`not a site: ${JSON.stringify(host)}`);
    const stored = read((await area.get(PLACES_KEY))[PLACES_KEY]);
    stored.hosts[host] = { x: place.x, y: place.y, dot: place.dot, at: nowMs };
    const hosts = Object.entries(stored.hosts).sort((a, b) => b[1].at - a[1].at);
    await area.set({ [PLACES_KEY]: { version: 1, hosts: Object.fromEntries(hosts.slice(0, MAX_PLACES)) } });
  });
}
