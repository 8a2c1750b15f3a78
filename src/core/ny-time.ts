/**
 * New York wall-clock time ↔ UTC instants, through Intl's IANA time zone data (never a fixed
 * offset: the offset is −5 h in winter and −4 h in summer, and the switch dates moved in 2007).
 * Instants are epoch milliseconds (UTC).
 */

export const NEW_YORK = 'America/New_York';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in `timeZone` at instant `ms`. */
export function wallClockAt(ms: number, timeZone = NEW_YORK): WallClock {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!,
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (New York in July: −4 h). */
export function zoneOffsetMs(ms: number, timeZone = NEW_YORK): number {
  const w = wallClockAt(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The UTC instant (ms) at which `timeZone`'s clocks read the given wall time. Times that do not
 * exist (inside the spring-forward gap) resolve to the later offset; repeated times (fall back)
 * resolve to the first occurrence. Market times (09:30, 16:00) are never ambiguous.
 */
export function zonedToUtc(w: Omit<WallClock, 'second'> & { second?: number }, timeZone = NEW_YORK): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);
  const o1 = zoneOffsetMs(naive, timeZone);
  const o2 = zoneOffsetMs(naive - o1, timeZone);
  if (o1 === o2) return naive - o1;
  // Around a switch: take the earliest candidate that really reads as the requested wall time.
  const a = naive - Math.max(o1, o2);
  const b = naive - Math.min(o1, o2);
  return zoneOffsetMs(a, timeZone) === Math.max(o1, o2) ? a : b;
}

/** The New York calendar date 'YYYY-MM-DD' at instant `ms`. */
export function newYorkDate(ms: number): string {
  const w = wallClockAt(ms);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');
