/**
 * Site × symbol → chain → verdict, in real Chromium and Firefox with the shipped build: the S&P rows
 * of the site table (src/core/site-symbols.ts) — on every built-in site its S&P 500 symbol and its
 * first ES future, and SPY both ways — with live chains (the shared 2023-09-14 SPX and SPY quote
 * tables moved forward by whole weeks, test/fixtures/live-chain.ts) imported through the options
 * page. For each, tab/analysis, the badge and the popup must show the verdict src/core gives at the
 * extension's page price and the clock. This is the test that would have caught CNBC's `.SPX`.
 *
 * Prices are chosen where src/core calls the regime clearly (past the hysteresis margin now and ten
 * minutes on), so a few seconds of clock between the check and the extension's own evaluation
 * cannot flip it; rows alternate stabilizing and accelerating, so a row mapped to the wrong chain or
 * converted by the wrong ratio shows in the word. The ETF↔index row and TradingView's ES1! go through
 * the popup's "Use ratio" (the index price typed, a real click); a symbol confirmed once answers on
 * every page that shows it, so the other futures rows start confirmed. How the browser is driven:
 * site-symbols-driver.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Regime } from '../../src/core/regime.ts';
import { INDEX_OF, SITE_SYMBOLS, type SiteSymbol } from '../../src/core/site-symbols.ts';
import { normalizeSymbol } from '../../src/core/symbol-map.ts';
import { type Engine, engine, priceFor, verdictAt } from '../fixtures/verdict-engine.ts';
import { BROWSERS, type ExtensionSession, launch } from './harness/index.ts';
import { BADGE, SiteDriver, type Slot, WORD } from './site-symbols-driver.ts';

/**
 * Per site (and host), its first S&P index row and its first ES-family future row that no site before
 * it shows (so TradingView's symbol page has ESZ2026 and Tradovate ESH7: no two rows share a symbol,
 * which a confirm would serve both). SPY goes through CNBC's page in the two tests before them, both
 * ways (on the SPX chain by a confirmed ratio, then on its own chain); every site's SPY row is a plain
 * ticker on its own chain, read and mapped per row in test/content/adapters-symbols.test.ts, and left
 * out here to keep the file within its time budget.
 */
const ROWS: SiteSymbol[] = (() => {
  const seen = new Set<string>();
  const futures = new Set<string>();
  return SITE_SYMBOLS.filter((r) => {
    if (INDEX_OF[r.instrument] !== 'SPX' || r.form === 'etf') return false;
    const key = `${r.site}|${new URL(r.url).hostname}|${r.form === 'index' ? 'index' : 'future'}`;
    if (seen.has(key) || (r.form !== 'index' && futures.has(r.shown))) return false;
    seen.add(key);
    if (r.form !== 'index') futures.add(r.shown);
    return true;
  });
})();
const CNBC_SPY = SITE_SYMBOLS.find((r) => r.site === 'cnbc' && r.shown === 'SPY')!;
/** The futures row that confirms its basis in the popup's own prompt (the ETF↔index test does too). */
const THROUGH_POPUP = ROWS.filter((r) => r.site === 'tradingview-chart' && r.shown === 'ES1!');
/** The verdict row i is set up for. */
const wantOf = (i: number): Regime => (i % 2 === 0 ? 'stabilizing' : 'accelerating');
/** A future trades at a basis: the page shows ES about 0.35 % above the index (ES ticks are 0.25). */
const futurePrice = (S: number) => Math.round(S * 1.0035 * 4) / 4;
/** vitest's maxConcurrency: the rows below run five at a time. */
const SLOTS = 5;

describe.each(BROWSERS)(
  '%s: every built-in site’s S&P symbols reach the right chain and verdict',
  (browser) => {
    let s: ExtensionSession;
    let d: SiteDriver;
    let tmp: string;
    let spx: Engine;
    let spy: Engine;
    /** Prices where src/core is clearly stabilizing / accelerating, per chain (chosen once). */
    const prices = new Map<string, number>();
    const priceOf = (e: Engine, want: Regime) => prices.get(`${e.underlying} ${want}`)!;

    /** tab/analysis, the badge and the popup show the verdict src/core gives at the extension's price. */
    async function expectVerdict(
      slot: Slot,
      tabId: number,
      row: SiteSymbol,
      e: Engine,
      want: Regime,
      P: number,
    ) {
      // tab/analysis first: like the popup opening, it brings the badge up to date after a confirm.
      const a = await d.analysisWhere(
        tabId,
        row.shown,
        P,
        (v) => v.status === 'ok' && Math.abs(v.pagePrice! / P - 1) < 1e-3,
      );
      expect({ status: a.status, underlying: a.underlying }).toEqual({
        status: 'ok',
        underlying: e.underlying,
      });
      expect(Math.abs(a.pagePrice! / P - 1)).toBeLessThan(1e-3);
      const engineSays = verdictAt(e, a.underlyingPrice!, Date.now());
      expect(engineSays.clear).toBe(want);
      expect(a.verdict).toBe(engineSays.raw);
      expect(await d.badge(tabId, BADGE[want])).toBe(BADGE[want]);
      expect(await d.popupWord(slot, tabId, WORD[want])).toBe(WORD[want]);
    }

    beforeAll(async () => {
      const now = Date.now();
      spx = engine('spx_quotedata_2023-09-14_full.csv', now);
      spy = engine('spy_quotedata_2023-09-14_full.csv', now);
      for (const e of [spx, spy])
        for (const want of ['stabilizing', 'accelerating'] as const)
          prices.set(`${e.underlying} ${want}`, priceFor(e, want));
      tmp = mkdtempSync(join(tmpdir(), 'gexfocus-site-symbols-'));
      s = await launch(browser, { colorScheme: 'light' });
      d = new SiteDriver(s, tmp, SLOTS);
      await s.extEval('1'); // the hidden extension page first: it is the window the harness tabs open in
      // The on-page overlay is not what this file checks (overlay.e2e.ts does): off, so the pages do
      // not each draw one.
      expect((await d.setSetting({ overlay: false })).ok).toBe(true);
      await d.importFile(spx, 'spx-live.csv');
      // The other futures rows' ratios, in one write (each confirm rewrites the whole chain record,
      // about a second in Firefox): as if confirmed once before, on whatever page.
      const viaPopup = new Set(THROUGH_POPUP.map((r) => normalizeSymbol(r.shown)));
      const ratios: Record<string, number> = {};
      ROWS.forEach((row, i) => {
        const key = normalizeSymbol(row.shown);
        if (row.form === 'index' || viaPopup.has(key) || key in ratios) return;
        const S = priceOf(spx, wantOf(i));
        ratios[key] = S / futurePrice(S);
      });
      expect((await d.saveRatios('SPX', ratios)).ok).toBe(true);
    }, 150_000); // launch and an import through the options page (parse, preview analysis, save)

    afterAll(async () => {
      await s?.close();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    it('with only the SPX chain saved, a SPY page asks for the ratio once, then shows SPX’s verdict', () =>
      d.withSlot(async (slot) => {
        const S = priceOf(spx, 'stabilizing');
        const P = Math.round((S / 10.0123) * 100) / 100;
        const tabId = await d.open(slot, CNBC_SPY, P);
        const asked = await d.analysisWhere(tabId, 'SPY', P, (v) => v.status === 'needs-ratio');
        expect({ status: asked.status, underlying: asked.underlying }).toEqual({
          status: 'needs-ratio',
          underlying: 'SPX',
        });
        expect(await d.badge(tabId, '•')).toBe('•'); // connected, no verdict yet
        expect(await d.confirmInPopup(tabId, S, 'site-symbols-ratio-prompt')).toBe(true);
        await expectVerdict(slot, tabId, CNBC_SPY, spx, 'stabilizing', P);
        // Once: the same symbol on a new page goes straight to the verdict.
        const again = await d.open(slot, CNBC_SPY, P + 0.05);
        await expectVerdict(slot, again, CNBC_SPY, spx, 'stabilizing', P + 0.05);
      }));

    it(
      'uses the SPY chain for SPY pages once it is imported (an exact underlying wins)',
      () =>
        d.withSlot(async (slot) => {
          await d.importFile(spy, 'spy-live.csv');
          const P = priceOf(spy, 'accelerating');
          const tabId = await d.open(slot, CNBC_SPY, P);
          await expectVerdict(slot, tabId, CNBC_SPY, spy, 'accelerating', P);
        }),
      150_000,
    ); // an import through the options page

    // Concurrent: each row takes a slot of two tabs, so page loads, readings and popups overlap.
    it.concurrent.each(ROWS.map((r, i) => [r.site, r.shown, r.form, r, i] as const))(
      '%s showing %s (%s): the popup and the badge show the engine’s verdict',
      (_site, _shown, form, row, i) =>
        d.withSlot(async (slot) => {
          const want = wantOf(i);
          const S = priceOf(spx, want);
          if (form === 'index') return expectVerdict(slot, await d.open(slot, row, S), row, spx, want, S);
          // A future: the popup row confirms its basis in the popup's prompt; every other row's symbol
          // was confirmed once already (beforeAll).
          const P = futurePrice(S);
          const tabId = await d.open(slot, row, P);
          if (THROUGH_POPUP.includes(row)) {
            const asked = await d.analysisWhere(tabId, row.shown, P, (v) => v.status !== 'no-reading');
            expect({ status: asked.status, underlying: asked.underlying }).toEqual({
              status: 'needs-ratio',
              underlying: 'SPX',
            });
            expect(await d.confirmInPopup(tabId, S)).toBe(true);
          }
          await expectVerdict(slot, tabId, row, spx, want, P);
        }),
    );
  },
);
