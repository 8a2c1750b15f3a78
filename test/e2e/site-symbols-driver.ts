/**
 * What site-symbols.e2e.ts does to the browser: import a chain through the options page, show a site
 * fixture page at a price, read tab/analysis, the badge and the popup, confirm a ratio in the popup.
 *
 * Rows run concurrently, each in a slot of two tabs reused row after row (the site page and the
 * popup page) that the extension opens: tabs.create / windows.create answer with the tab's id (no
 * activation dance: tabIdOf would race other rows). Polling runs in Node: a background tab's timers
 * run about once a second, and the hidden extension page is a background tab most of the time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Regime } from '../../src/core/regime.ts';
import type { SiteSymbol } from '../../src/core/site-symbols.ts';
import { normalizeSymbol } from '../../src/core/symbol-map.ts';
import { siteFixture } from '../fixtures/site-fixtures.ts';
import type { Engine } from '../fixtures/verdict-engine.ts';
import type { ExtensionSession } from './harness/index.ts';

/** What the badge shows per verdict (src/background/badge.ts), and the popup's word. */
export const BADGE: Record<Regime, string> = { stabilizing: '+γ', accelerating: '−γ', transition: '≈' };
export const WORD: Record<Regime, string> = {
  stabilizing: 'Stabilizing',
  accelerating: 'Accelerating',
  transition: 'Transition',
};

export interface Analysis {
  status: string;
  symbol?: string;
  underlying?: string;
  pagePrice?: number;
  underlyingPrice?: number;
  verdict?: Regime;
}

/** A row's two tabs: the site page and the popup page (null until first used). */
export interface Slot {
  page: number | null;
  popup: number | null;
}

/** Runs jobs one at a time. */
function serial() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const next = last.then(job, job);
    last = next.catch(() => undefined);
    return next;
  };
}

const send = (type: string, payload: unknown) =>
  `ext.runtime.sendMessage({ gexfocus: 1, type: '${type}', payload: ${JSON.stringify(payload)} })`;

export class SiteDriver {
  private readonly free: Slot[];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  /** Harness tabs open one at a time. */
  private readonly tabsLock = serial();
  /** One confirm at a time: a row whose symbol was just confirmed finds it answering instead of asking. */
  private readonly confirmLock = serial();

  constructor(
    private readonly s: ExtensionSession,
    private readonly tmp: string,
    slots: number,
  ) {
    this.free = Array.from({ length: slots }, () => ({ page: null, popup: null }));
  }

  /** Runs `job` with a free slot. */
  async withSlot<T>(job: (slot: Slot) => Promise<T>): Promise<T> {
    const slot = this.free.pop() ?? (await new Promise<Slot>((ok) => this.waiting.push(ok)));
    try {
      return await job(slot);
    } finally {
      const next = this.waiting.shift();
      if (next) next(slot);
      else this.free.push(slot);
    }
  }

  /** Evaluates `expr` in the hidden extension page until `ok` holds; the last value either way. */
  async poll<T>(expr: string, ok: (v: T) => boolean, timeoutMs: number, everyMs = 300): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = await this.s.extEval<T>(expr);
      if (ok(v) || Date.now() > end) return v;
      await new Promise((done) => setTimeout(done, everyMs));
    }
  }

  analysis(tabId: number): Promise<Analysis> {
    return this.s.extEval<Analysis>(
      `${send('tab/analysis', { tabId })}.then((r) => (r && r.ok ? r.value : r))`,
    );
  }

  /**
   * tab/analysis once the tab's reading is `symbol` at `pagePrice` and `ok` holds (else the last
   * answer). What is polled is the reading (a storage read): tab/analysis runs the full analysis in
   * the background, and several rows polling it at once would keep the background busy.
   */
  async analysisWhere(
    tabId: number,
    symbol: string,
    pagePrice: number,
    ok: (a: Analysis) => boolean,
    timeoutMs = 30_000,
  ): Promise<Analysis> {
    await this.poll<{ symbol: string | null; price: number | null; suspect: boolean } | null>(
      `${send('tab/reading', { tabId })}.then((r) => r.value)`,
      (r) =>
        !!r?.symbol &&
        normalizeSymbol(r.symbol) === normalizeSymbol(symbol) &&
        r.price !== null &&
        Math.abs(r.price / pagePrice - 1) < 1e-3 &&
        !r.suspect,
      timeoutMs,
    );
    return this.poll(
      `${send('tab/analysis', { tabId })}.then((r) => (r && r.ok ? r.value : r))`,
      ok,
      timeoutMs,
      500,
    );
  }

  /** The tab's badge text once it is `want`, or the last text after the timeout. */
  badge(tabId: number, want: string, timeoutMs = 20_000): Promise<string> {
    return this.poll<string>(`ext.action.getBadgeText({ tabId: ${tabId} })`, (v) => v === want, timeoutMs);
  }

  /**
   * Shows `url` in the slot's tab; returns the tab's id. The first time it opens the tab: in Firefox
   * in a window of its own (measured here: 37.6 s against 40.3 s in background tabs, whose timers
   * crawl), in Chromium as a background tab (20.7 s and 26 CPU-s against 34.8 s and 40 CPU-s in
   * windows, each of which brings its own browser UI renderer).
   */
  private navigate(tabId: number | null, url: string): Promise<number> {
    const u = JSON.stringify(url);
    if (tabId !== null)
      return this.s.extEval<number>(`ext.tabs.update(${tabId}, { url: ${u} }).then((t) => t.id)`);
    return this.s.extEval<number>(
      this.s.browser === 'firefox'
        ? `ext.windows.create({ url: ${u}, focused: false }).then((w) => w.tabs[0].id)`
        : `ext.tabs.create({ url: ${u}, active: false }).then((t) => t.id)`,
    );
  }

  private popupUrl(tabId: number): string {
    return this.s.extUrl(`src/popup/index.html?tab=${tabId}`);
  }

  /**
   * The popup's verdict word for a tab, from the popup page in the slot's tab (read through
   * getViews); when it never shows `want`, what the popup showed instead.
   */
  async popupWord(slot: Slot, tabId: number, want: string): Promise<string | null> {
    const read = () =>
      this.poll<{ word: string | null; text: string | null; views: string[] }>(
        `(() => {
          const views = ext.extension.getViews({ type: 'tab' });
          const doc = views.find((w) => w.location.search === '?tab=${tabId}')?.document;
          return {
            word: doc?.querySelector('[data-testid=levels-regime]')?.textContent.trim() ?? null,
            text: doc?.body?.innerText.slice(0, 300) ?? null,
            views: views.map((w) => w.location.pathname + w.location.search),
          };
        })()`,
        (v) => v.word === want,
        15_000,
      );
    slot.popup = await this.navigate(slot.popup, this.popupUrl(tabId));
    let seen = await read();
    // Once, under load, Firefox never showed the page the tab was sent to: send it again, once.
    if (seen.text === null) {
      slot.popup = await this.navigate(slot.popup, this.popupUrl(tabId));
      seen = await read();
    }
    if (seen.word === want) return seen.word;
    return `${seen.word} (the popup showed: ${seen.text}; pages open: ${seen.views.join(', ')})`;
  }

  /** Imports the engine's live file through the options page's file input and Save. */
  async importFile(e: Engine, name: string): Promise<void> {
    const file = join(this.tmp, name);
    writeFileSync(file, e.text);
    const options = await this.tabsLock(() => this.s.newTab(this.s.extUrl('src/options/index.html')));
    await options.waitFor(`document.querySelector('[data-testid="file-input"]')`);
    await options.setFiles('[data-testid="file-input"]', [file]);
    const save = `document.querySelector('[data-testid="preview-save"]')`;
    // The preview is complete with its regime line (the analysis of the file at its snapshot).
    await options.waitFor(`document.querySelector('[data-testid="preview-regime"]') && !${save}.disabled`, {
      timeoutMs: 60_000,
    });
    // Setup, not the subject (options.e2e.ts clicks Save with real input): a DOM click cannot miss a
    // button that the preview's last render moved under the pointer.
    await options.eval(`${save}.click()`);
    await options.waitFor(
      `${send('chains/list', null)}.then((r) => r.ok && r.value.chains.some((c) => c.underlying === '${e.underlying}' && c.asOf === '${e.asOf}'))`,
      { timeoutMs: 60_000 },
    );
    await options.close();
  }

  /** Shows the row's fixture page at `price` in the slot's page tab; returns that tab's id. */
  async open(slot: Slot, row: SiteSymbol, price: number): Promise<number> {
    const f = siteFixture(row, { price });
    const url = this.s.fixtureUrl(f.host, f.path);
    slot.page = await this.navigate(slot.page, url);
    return slot.page;
  }

  /**
   * The popup's "Use ratio": the index price typed into its prompt and confirmed with a real click;
   * false when the tab's symbol no longer asks (it was confirmed meanwhile).
   */
  confirmInPopup(tabId: number, indexPrice: number, screenshot?: string): Promise<boolean> {
    return this.confirmLock(async () => {
      if ((await this.analysis(tabId)).status === 'ok') return false;
      const popup = await this.tabsLock(() => this.s.newTab(this.popupUrl(tabId)));
      await popup.setViewport(400, 600);
      const prompt = `document.querySelector('[data-testid=levels]')`;
      await popup.waitFor(`${prompt}?.querySelector('input')`);
      await popup.eval(`(() => {
        const input = ${prompt}.querySelector('input');
        input.value = '${indexPrice}';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        return true;
      })()`);
      await popup.waitFor(`!${prompt}.querySelector('button').disabled`);
      if (screenshot) await popup.screenshot(screenshot, { selector: 'body' });
      await popup.click('[data-testid=levels] button');
      await popup.waitFor(`document.querySelector('[data-testid=levels-regime]')`, { timeoutMs: 20_000 });
      if (screenshot) {
        // The whole picture: the levels come a moment after the verdict.
        await popup.waitFor(`document.querySelector('[data-testid=ladder]')`, { timeoutMs: 20_000 });
        await popup.screenshot(`${screenshot}-confirmed`, { selector: 'body' });
      }
      await popup.close();
      return true;
    });
  }

  /**
   * What the popup's "Use ratio" sends (src/popup/ratio-prompt.tsx confirmRatio), sent directly for
   * these page symbols at once: their confirmed ratios, added to the chain's in one write.
   */
  saveRatios(underlying: string, ratios: Record<string, number>): Promise<{ ok: boolean }> {
    return this.confirmLock(() =>
      this.s.extEval<{ ok: boolean }>(`(async () => {
        const addAliasConversions = Object.fromEntries(Object.entries(${JSON.stringify(ratios)})
          .map(([symbol, ratio]) => [symbol, { kind: 'auto', ratio, confirmedAt: Date.now() }]));
        return ext.runtime.sendMessage({ gexfocus: 1, type: 'chains/mapping', payload: { underlying: ${JSON.stringify(underlying)}, addAliasConversions } });
      })()`),
    );
  }

  /** Turns a setting; the reply of settings/update. */
  setSetting(patch: Record<string, unknown>): Promise<{ ok: boolean }> {
    return this.s.extEval<{ ok: boolean }>(send('settings/update', { patch }));
  }
}
