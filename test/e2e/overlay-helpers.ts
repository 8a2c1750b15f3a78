/**
 * What the overlay E2E files share: the live SPX chain (a real Cboe chain moved forward by whole
 * weeks, test/fixtures/live-chain.ts), the engine's answer at a price and instant (src/core, the same
 * code the background runs), what the pill shows (read inside its closed shadow root the way DevTools
 * does: the page itself cannot), and a pixel comparison of two screenshots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze.ts';
import type { Chain } from '../../src/core/chain.ts';
import { chainToJSON } from '../../src/core/chain.ts';
import { importChain } from '../../src/core/import/index.ts';
import { type Prepared, prepare } from '../../src/core/prepare.ts';
import { DEFAULT_SETTINGS, modelFor } from '../../src/core/settings.ts';
import { liveQuoteTable, restampQuoteTable } from '../fixtures/live-chain.ts';
import type { ExtensionSession, Tab } from './harness/index.ts';

const SPX = join(import.meta.dirname, '../../../shared/data/chains/spx_quotedata_2023-09-14_full.csv');
export interface LiveSpx {
  chain: Chain;
  /** The engine at the page price S (SPX points, the page shows SPX 1:1) and the instant. */
  engine(S: number, nowMs: number): { regime: string; flip: number | null; balance: number; netGex: number };
}

/** The live SPX chain, fresh (snapshot half an hour ago) unless `stale`. */
export function liveSpx(nowMs: number, opts: { stale?: boolean } = {}): LiveSpx {
  const live = liveQuoteTable(readFileSync(SPX, 'utf8'), nowMs);
  // The live fixture keeps the weekday, so its snapshot is up to a week old and the chain reads as
  // stale (older than a session); re-stamped half an hour ago the same live structure is fresh.
  const text = opts.stale ? live.text : restampQuoteTable(live.text, nowMs - 30 * 60_000);
  const { chain } = importChain(text);
  const model = modelFor(DEFAULT_SETTINGS, 'SPX');
  let prepared: Prepared | null = null;
  return {
    chain,
    engine(S, at) {
      // One preparation per second of clock (tens of ms each): the lines' T barely moves in a second.
      if (!prepared || Math.abs(prepared.evaluationMs - at) > 1000) prepared = prepare(chain, model, at);
      const a = analyze(prepared, S);
      return { regime: a.regime, flip: a.flip, balance: a.balance, netGex: a.netGex };
    },
  };
}

/** Page prices (SPX, 1:1) where the engine's regime is clear of the transition band, so hysteresis cannot hold it. */
export function clearPrices(spx: LiveSpx, nowMs: number): { S: number; regime: string }[] {
  const out: { S: number; regime: string }[] = [];
  for (let k = -15; k <= 15; k++) {
    const S = Math.round(4505.1 * (1 + k * 0.004) * 100) / 100;
    const e = spx.engine(S, nowMs);
    const far = e.flip === null || Math.abs(e.flip / S - 1) > 0.006;
    if (e.regime !== 'transition' && Math.abs(e.balance) > 0.12 && far) out.push({ S, regime: e.regime });
  }
  return out;
}

/** Saves a chain through the background's own message, as the options page does. */
export async function saveChain(s: ExtensionSession, chain: Chain): Promise<void> {
  const payload = {
    chain: chainToJSON(chain),
    asOf: chain.asOf,
    source: { format: 'cboe-csv', importedAt: Date.now() },
  };
  const reply = await s.extEval<{ ok: boolean; error?: { message: string } }>(
    `ext.runtime.sendMessage({ gexfocus: 1, type: 'chains/save', payload: ${JSON.stringify(payload)} })`,
  );
  if (!reply.ok) throw new Error(`chains/save: ${reply.error?.message}`);
}

export const message = <T = unknown>(s: ExtensionSession, type: string, payload: unknown) =>
  s.extEval<{ ok: boolean; value: T; error?: { message: string } }>(
    `ext.runtime.sendMessage({ gexfocus: 1, type: ${JSON.stringify(type)}, payload: ${JSON.stringify(payload)} })`,
  );

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What the overlay shows, read inside its closed shadow root. */
export interface Shown {
  mode: 'pill' | 'card' | 'dot';
  classes: string[];
  stale: boolean;
  topLayer: boolean;
  box: Rect;
  bar: Rect;
  min: Rect;
  glyph: string;
  word: string;
  flip: string;
  line2: string;
  price: string;
  label: string;
  ladder: string[][];
  flows: string[][];
  later: string[][];
  colour: string;
}

const READ = `(root) => {
  const o = root.querySelector('.o');
  const rect = (el) => { const r = el.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; };
  const text = (sel) => root.querySelector(sel)?.textContent ?? '';
  const rows = (sel) => [...root.querySelectorAll(sel)].map((tr) => [...tr.children].map((c) => c.textContent));
  return {
    mode: ['pill', 'card', 'dot'].find((m) => o.classList.contains(m)),
    classes: [...o.classList],
    stale: o.classList.contains('stale'),
    topLayer: o.matches(':popover-open'),
    box: rect(o), bar: rect(root.querySelector('.bar')), min: rect(root.querySelector('.min')),
    glyph: text('.chip'), word: text('.word'), flip: text('.flip'), line2: text('.l2'), price: text('.price'),
    label: root.querySelector(o.classList.contains('dot') ? '.dotb' : '.bar').getAttribute('aria-label') ?? '',
    ladder: rows('.body table:not(.flows) tr'), flows: rows('.flows:not(.later) tr'), later: rows('.flows.later tr'),
    colour: getComputedStyle(root.querySelector('.chip')).backgroundColor,
  };
}`;

export const HOST = `document.querySelector('gexfocus-overlay')`;

export const shown = (tab: Tab) => tab.shadowEval<Shown>('gexfocus-overlay', READ);

/** Polls what the overlay shows until `cond` holds. */
export async function waitShown(tab: Tab, cond: (v: Shown) => boolean, timeoutMs = 15_000): Promise<Shown> {
  const end = Date.now() + timeoutMs;
  let last: Shown | null = null;
  let error: unknown = null;
  while (Date.now() < end) {
    try {
      last = await shown(tab);
      if (cond(last)) return last;
    } catch (e) {
      error = e; // not drawn yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`overlay never matched; last: ${JSON.stringify(last)} ${error ? String(error) : ''}`);
}

export const centre = (r: Rect) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

export const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The union of an element's text boxes in the page (what the overlay keeps clear of). */
export const textRect = (tab: Tab, selector: string) =>
  tab.eval<Rect | null>(`(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) return null;
    const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (!n.nodeValue.trim()) continue;
      range.selectNodeContents(n);
      const x = range.getBoundingClientRect();
      if (x.width + x.height === 0) continue;
      l = Math.min(l, x.left); t = Math.min(t, x.top); r = Math.max(r, x.right); b = Math.max(b, x.bottom);
    }
    if (!(r > l)) { const x = el.getBoundingClientRect(); return { x: x.left, y: x.top, w: x.width, h: x.height }; }
    return { x: l, y: t, w: r - l, h: b - t };
  })()`);

/**
 * Pixels that differ between two PNG screenshots, outside `exclude` or only inside `only` (CSS px =
 * image px at 100 %), decoded with the browser's own image decoder in an extension page.
 */
export function pixelDiff(
  s: ExtensionSession,
  a: string,
  b: string,
  area: { exclude?: Rect; only?: Rect } = {},
): Promise<number> {
  const data = (p: string) => readFileSync(p).toString('base64');
  return s.extEval<number>(`(async () => {
    const load = (b64) => createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const [a, b] = await Promise.all([load(${JSON.stringify(data(a))}), load(${JSON.stringify(data(b))})]);
    if (a.width !== b.width || a.height !== b.height) return -1;
    const px = (img) => { const c = new OffscreenCanvas(img.width, img.height); const g = c.getContext('2d'); g.drawImage(img, 0, 0); return g.getImageData(0, 0, img.width, img.height).data; };
    const [pa, pb] = [px(a), px(b)];
    const ex = ${JSON.stringify(area.exclude ?? null)};
    const only = ${JSON.stringify(area.only ?? null)};
    const inside = (r, x, y) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
    let diff = 0;
    for (let y = 0; y < a.height; y++) for (let x = 0; x < a.width; x++) {
      if ((ex && inside(ex, x, y)) || (only && !inside(only, x, y))) continue;
      const i = (y * a.width + x) * 4;
      if (pa[i] !== pb[i] || pa[i + 1] !== pb[i + 1] || pa[i + 2] !== pb[i + 2]) diff++;
    }
    return diff;
  })()`);
}
