/**
 * A real browser restart on the same profile keeps what the user stored: the sample chain, a
 * mapping changed after it was saved, and a changed setting are still there after the browser is closed and launched again (harness
 * `profileDir`). Chromium loads the build from the same path (same extension id); Firefox
 * reinstalls the temporary add-on on each launch with the same gecko id and pinned UUID, the key of
 * its storage. The harness also sets extensions.webextensions.keepStorageOnUninstall and
 * keepUuidOnUninstall for kept profiles as a guard (Firefox clears an uninstalled add-on's storage
 * without them); tried with them off, storage still survived this restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BROWSERS, type ExtensionSession, launch } from './harness/index.ts';

interface Stored {
  chains: { underlying: string; source: { format: string }; aliasConversions: Record<string, unknown> }[];
  settings: { overlay: boolean; units: string };
}

const stored = (s: ExtensionSession) =>
  s.extEval<Stored>(`(async () => {
    const call = (type) => ext.runtime.sendMessage({ gexfocus: 1, type, payload: null }).then((r) => r.value);
    const [{ chains }, { settings }] = await Promise.all([call('chains/list'), call('settings/get')]);
    return { chains, settings };
  })()`);

describe.each(BROWSERS)('%s after a restart on the same profile', (browser) => {
  const dir = mkdtempSync(join(tmpdir(), `gexfocus-e2e-kept-${browser}-`));
  let s: ExtensionSession | undefined;
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('still has the sample chain, its changed mapping and the changed setting', async () => {
    s = await launch(browser, { profileDir: dir });
    const firstOrigin = s.extUrl('');
    const options = await s.newTab(s.extUrl('src/options/index.html'));
    await options.waitFor(`document.querySelector('[data-testid="load-sample"]')`);
    await options.click('[data-testid="load-sample"]');
    await options.waitFor(
      `document.querySelector('[data-testid="chains-message"]')?.textContent.includes('Loaded the sample SPX chain')`,
      { timeoutMs: 20_000 },
    );
    expect(await options.eval(`document.querySelector('[data-testid="set-overlay"]').checked`)).toBe(true);
    await options.click('[data-testid="set-overlay"]');
    await options.waitFor(`ext.storage.local.get('settings').then((x) => x.settings?.overlay === false)`);
    // A basis for ES1! (what the popup's "Use ratio" and the options page write: the chain's mapping).
    const es = { kind: 'offset', offset: 20 };
    const mapped = await s.extEval<{ ok: boolean }>(
      `ext.runtime.sendMessage({ gexfocus: 1, type: 'chains/mapping', payload: { underlying: 'SPX', aliasConversions: { 'ES1!': ${JSON.stringify(es)} } } })`,
    );
    expect(mapped.ok).toBe(true);
    const before = await stored(s);
    expect(before.chains.map((c) => [c.underlying, c.source.format])).toEqual([['SPX', 'sample']]);
    expect(before.chains[0]!.aliasConversions['ES1!']).toEqual(es);
    expect(before.settings.overlay).toBe(false);
    await s.close();
    s = undefined;

    s = await launch(browser, { profileDir: dir });
    expect(s.extUrl('')).toBe(firstOrigin); // same extension id / UUID, so the same storage
    const after = await stored(s);
    expect(after).toEqual(before);
    // The mapping is stored on its own beside the chain, and the index is rebuilt with it.
    await s.extEval(`ext.storage.local.remove('chains:index')`);
    expect(await stored(s)).toEqual(before);
    // And the options page shows it.
    const again = await s.newTab(s.extUrl('src/options/index.html'));
    expect(
      await again.waitFor<boolean>(
        `document.querySelector('[data-testid="set-overlay"]')?.checked === false`,
      ),
    ).toBe(true);
    expect(await again.waitFor<string>(`document.body.innerText.includes('SPX') && 'SPX'`)).toBe('SPX');
  });
});
