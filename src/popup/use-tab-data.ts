/**
 * Everything the popup shows about its tab, kept fresh while it is open, without layout jumps: the
 * previous values stay on screen until new ones arrive.
 *
 * Order matters for speed (issue 10: the verdict must paint within 40 ms of a static page): the first
 * paint comes from the glance the background stored (first-load.ts) or from the cheap `tab/glance`
 * (cached levels + one evaluateAt); a fresh `tab/glance` follows, then the full `tab/analysis`
 * (profile, chart, flow curve: tens of ms in the background). Then the reading and the glance every
 * second (the badge's pace) and the full levels every few seconds, or at once when the verdict or
 * the symbol changed or the price moved by 0.1 %.
 *
 * While the page's price is suspect (a jump not confirmed yet, a prior close), the levels computed at
 * that price are not shown: the popup keeps the last ones from a trusted price, as the background
 * keeps the verdict (src/background/overlay/refresh.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../messaging/send.ts';
import type { TabAnalysis, TabReading } from '../messaging/types.ts';
import type { Glance } from './model/status.ts';

const TICK_MS = 1000;
const LEVELS_MS = 4000;
const MOVED = 0.001;

export interface TabData {
  reading: TabReading | null | undefined;
  glance: Glance | undefined;
  levels: TabAnalysis | undefined;
  /** The clock of the latest update (epoch ms). */
  now: number;
  /** Ask again at once (after the user changed something). */
  refresh(): void;
}

const failed = (e: unknown): Extract<TabAnalysis, { status: 'error' }> => ({
  status: 'error',
  message: e instanceof Error ? e.message : String(e),
});

/** The tab's reading and glance, asked for together. */
export interface Snapshot {
  glance: Glance;
  reading: TabReading | null;
}

/** `quick`: the first paint takes the verdict the badge shows (no re-evaluation in the background). */
export async function snapshotOf(tabId: number, quick = false): Promise<Snapshot> {
  performance.mark('gexfocus:glance-sent');
  const snapshot = await send('tab/glance', { tabId, quick }).catch(
    (e: unknown): Snapshot => ({ reading: null, glance: failed(e) }),
  );
  performance.mark('gexfocus:glance-received');
  return snapshot;
}

/**
 * `seed`: the first snapshot, already fetched before the first render (main.tsx); `stored`: it is the
 * one storage.session held (stored-snapshot.ts), so the first round asks the background for a fresh
 * one instead of waiting a tick.
 */
export function useTabData(tabId: number | undefined, seed?: Snapshot, stored = false): TabData {
  const [reading, setReading] = useState<TabReading | null | undefined>(seed?.reading);
  const [glance, setGlance] = useState<Glance | undefined>(seed?.glance);
  const [levels, setLevels] = useState<TabAnalysis | undefined>(undefined);
  const [now, setNow] = useState(Date.now());
  const kick = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (tabId === undefined) {
      setReading(null);
      return;
    }
    const signal = new AbortController();
    let lastLevels = 0;
    let levelsKey = '';
    let levelsPrice = Number.NaN;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let busy = false;
    /** Levels from a trusted price are on screen (keep them while the price is suspect). */
    let trusted = false;

    const loadLevels = async () => {
      lastLevels = Date.now();
      const l = await send('tab/analysis', { tabId }).catch(failed);
      if (!signal.signal.aborted) setLevels(l);
    };

    let first = stored ? undefined : seed;
    const round = async () => {
      if (busy || signal.signal.aborted) return;
      busy = true;
      try {
        const { glance: g, reading: r } = first ?? (await snapshotOf(tabId));
        first = undefined;
        if (signal.signal.aborted) return;
        setReading(r);
        setNow(Date.now());
        if (r?.suspect && trusted) return;
        trusted = g.status === 'glance' && !r?.suspect;
        setGlance(g as Glance);
        const key = g.status === 'glance' ? `${g.symbol}|${g.verdict}|${g.asOf}` : g.status;
        // The chart and the flow curve are drawn around the price they were computed at: follow a
        // move of more than MOVED of the price at once, not only every LEVELS_MS.
        const moved = g.status === 'glance' && Math.abs(g.pagePrice / levelsPrice - 1) > MOVED;
        if (key !== levelsKey || moved || Date.now() - lastLevels >= LEVELS_MS) {
          levelsKey = key;
          levelsPrice = g.status === 'glance' ? g.pagePrice : Number.NaN;
          await loadLevels();
        }
      } finally {
        busy = false;
      }
    };

    const loop = () => {
      void round().finally(() => {
        if (!signal.signal.aborted) timer = setTimeout(loop, TICK_MS);
      });
    };
    kick.current = () => {
      clearTimeout(timer);
      levelsKey = '';
      loop();
    };
    loop();
    return () => {
      signal.abort();
      clearTimeout(timer);
    };
  }, [tabId]);

  return { reading, glance, levels, now, refresh: () => kick.current() };
}
