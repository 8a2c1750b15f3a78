// @vitest-environment happy-dom
/**
 * One test per row of the site × symbol table (src/core/site-symbols.ts): the site's fixture page,
 * opened at the row's URL and showing the row's symbol, is claimed by the site's adapter, which
 * reads that symbol; the symbol then answers to the right chain the right way — an index 1:1, its
 * ETF through a ratio the user confirms once (and its own chain when saved), a future through a
 * basis confirmed once per contract.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findAdapter } from '../../src/content/adapters/registry.ts';
import { normalizeSymbol as readSymbol, sourceLocator } from '../../src/content/locate.ts';
import { INDEX_FAMILIES } from '../../src/core/index-families.ts';
import { INDEX_OF, SITE_SYMBOLS, type SiteSymbol } from '../../src/core/site-symbols.ts';
import {
  type AliasTarget,
  type Conversion,
  defaultAliases,
  isUsable,
  normalizeSymbol,
  pickChain,
  toUnderlying,
} from '../../src/core/symbol-map.ts';
import { pageReportSchema } from '../../src/messaging/schemas.ts';
import { ADAPTER_ID, siteFixture } from '../fixtures/site-fixtures.ts';
import { type LoadedFixture, loadFixture } from './fixture-window.ts';

type Chain = AliasTarget & { underlying: string };

/** A chain as the import saves it: the default aliases, 1:1 for its own symbols. */
function saved(underlying: string, confirmed: Record<string, Conversion> = {}): Chain {
  const d = defaultAliases(underlying);
  return {
    underlying,
    aliases: d.aliases,
    conversion: { kind: 'ratio', ratio: 1 },
    aliasConversions: { ...d.aliasConversions, ...confirmed },
  };
}

const INDEXES = INDEX_FAMILIES.map((f) => saved(f.index));
const ETFS = INDEX_FAMILIES.map((f) => saved(f.etf));
const ETF_OF = Object.fromEntries(INDEX_FAMILIES.map((f) => [f.index, f.etf]));

let page: LoadedFixture | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

/** What the site's adapter reads as the symbol on the row's fixture page, as the reader reports it. */
function symbolOnPage(row: SiteSymbol): { adapter: string | undefined; symbol: string | null } {
  const f = siteFixture(row);
  const url = `https://${f.host}${f.path}`;
  page = loadFixture(f.file, url);
  const adapter = findAdapter(new URL(url));
  if (!adapter) return { adapter: undefined, symbol: null };
  const locator = sourceLocator(page.document, {
    method: 'adapter',
    site: adapter.id,
    symbol: adapter.symbol,
    price: adapter.price,
  });
  return { adapter: adapter.id, symbol: readSymbol(locator.findSymbol()?.read() ?? null) };
}

/** The user confirms "Use ratio" for this page symbol on this chain (what the popup saves). */
function confirm(chain: Chain, pageSymbol: string, ratio: number): Chain {
  return saved(chain.underlying, {
    ...chain.aliasConversions,
    [normalizeSymbol(pageSymbol)]: { kind: 'auto', ratio, confirmedAt: 1 },
  });
}

describe.each(SITE_SYMBOLS.map((r) => [r.site, r.shown, r.form, INDEX_OF[r.instrument], r] as const))(
  '%s showing %s (%s)',
  (_site, shown, form, index, row) => {
    it(`is read by the adapter and answers to the ${index} chain`, () => {
      const read = symbolOnPage(row);
      expect(read.adapter).toBe(ADAPTER_ID[row.site]);
      expect(read.symbol && normalizeSymbol(read.symbol)).toBe(normalizeSymbol(shown));
      const symbol = read.symbol!;
      // The background takes it: the report schema once refused CNBC's @SP.1 and IBKR's ES DEC'26.
      const report = {
        symbol,
        price: 4500,
        text: '4,500.00',
        site: read.adapter,
        method: 'adapter' as const,
      };
      const checked = pageReportSchema.safeParse({
        ...report,
        confidence: 0.9,
        suspect: false,
        frameUrl: row.url,
      });
      expect(checked.success).toBe(true);
      const indexChain = INDEXES.find((c) => c.underlying === index)!;
      const etf = ETF_OF[index]!;

      if (form === 'index') {
        // 1:1 on the index chain, with or without the ETF's chain saved beside it.
        for (const chains of [INDEXES, [...ETFS, ...INDEXES]]) {
          const m = pickChain(chains, symbol);
          expect(m?.target.underlying).toBe(index);
          expect(m?.conversion).toEqual({ kind: 'ratio', ratio: 1 });
        }
        // With only the ETF's chain: through a ratio confirmed once (index 4,500 ↔ ETF 449.55).
        const viaEtf = pickChain(ETFS, symbol);
        expect([viaEtf?.target.underlying, viaEtf?.kind]).toEqual([etf, 'etf-index']);
        expect(isUsable(viaEtf!.conversion)).toBe(false);
        const ratio = 449.55 / 4500;
        const after = pickChain([confirm(viaEtf!.target, symbol, ratio)], symbol)!;
        expect(toUnderlying(after.conversion, 4500)).toBeCloseTo(449.55, 9);
        return;
      }

      if (form === 'etf') {
        // Its own chain wins when saved; else the index chain through a ratio confirmed once.
        expect(pickChain([...INDEXES, ...ETFS], symbol)?.target.underlying).toBe(etf);
        const m = pickChain(INDEXES, symbol);
        expect([m?.target.underlying, m?.kind]).toEqual([index, 'etf-index']);
        expect(isUsable(m!.conversion)).toBe(false);
        const after = pickChain([confirm(indexChain, symbol, 10.0123)], symbol)!;
        expect(toUnderlying(after.conversion, 450)).toBeCloseTo(4505.535, 9);
        return;
      }

      // A future: the index chain (not the ETF's, when both are saved), a basis confirmed once.
      const m = pickChain([...ETFS, ...INDEXES], symbol);
      expect([m?.target.underlying, m?.kind]).toEqual([index, 'future']);
      expect(isUsable(m!.conversion)).toBe(false);
      const ratio = 4500 / 4518.25;
      const after = pickChain([confirm(indexChain, symbol, ratio)], symbol)!;
      expect(isUsable(after.conversion)).toBe(true);
      expect(toUnderlying(after.conversion, 4518.25)).toBeCloseTo(4500, 9);
      // With only the ETF's chain, the future still answers (through its own ratio).
      expect(pickChain(ETFS, symbol)?.kind).toBe('etf-future');
    });
  },
);

describe('the site × symbol table', () => {
  it('covers every site with the indexes, ETFs and futures it shows, and says where each was seen', () => {
    const sites = new Set(SITE_SYMBOLS.map((r) => r.site));
    expect(sites.size).toBe(10);
    for (const r of SITE_SYMBOLS) expect(r.seen.length).toBeGreaterThan(10);
    const has = (site: string, form: string) => SITE_SYMBOLS.some((r) => r.site === site && r.form === form);
    for (const site of sites) {
      if (site === 'tradovate') continue; // futures only (site-symbols.ts, last comment)
      expect([site, has(site, 'index'), has(site, 'etf')]).toEqual([site, true, true]);
      if (site !== 'fidelity') expect(has(site, 'front') || has(site, 'dated')).toBe(true);
    }
    for (const inst of ['SPX', 'NDX', 'RUT', 'SPY', 'QQQ', 'IWM', 'ES', 'NQ', 'RTY'])
      expect(SITE_SYMBOLS.filter((r) => r.instrument === inst).length).toBeGreaterThanOrEqual(5);
  });
});
