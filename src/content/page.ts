/**
 * Decides what this frame does: nothing (site not enabled, no pick saved), follow a built-in
 * adapter, the user's picked element, or the generic detector (top frame only; frames on enabled
 * hosts run adapters only, e.g. the TradingView widget inside a broker page). Also answers the
 * background's picker commands.
 */

import { decimalMarkOf } from '../core/price-text.ts';
import type { CommandEnvelope } from '../messaging/protocol.ts';
import { reportPort } from '../messaging/report-port.ts';
import type { SavedPicker } from '../messaging/types.ts';
import { ext, type Runtime, send } from '../platform/content-runtime.ts';
import { findAdapter } from './adapters/registry.ts';
import { genericLocator } from './generic.ts';
import { type Locator, sourceLocator } from './locate.ts';
import { pickElement } from './picker/overlay.ts';
import { selectorsFor } from './picker/selectors.ts';
import { startReader } from './reader.ts';

interface Config {
  enabled: boolean;
  picker: SavedPicker | null;
}

export function startPage(doc: Document, isTop: boolean): void {
  const url = new URL(doc.location.href);
  const adapter = findAdapter(url);
  const site = url.hostname;
  let reading: AbortController | null = null;
  let picking: AbortController | null = null;
  const sendReport = reportPort({ target: doc.defaultView ?? undefined });

  function locatorFor(config: Config): Locator | null {
    const decimal = adapter?.decimal?.(url) ?? decimalMarkOf(doc.documentElement.lang || undefined);
    if (config.picker && isTop) {
      const price = config.picker.selectors.map((css) => ({ css, confidence: 0.95 }));
      const symbol = adapter?.symbol ?? genericLocator(doc, site);
      if (Array.isArray(symbol))
        return sourceLocator(doc, { method: 'picker', site, decimal, symbol, price });
      const picked = sourceLocator(doc, { method: 'picker', site, decimal, symbol: [], price });
      // The generic detector's symbol look has no steps: full looks run whole.
      return { ...picked, steps: undefined, findSymbol: () => symbol.findSymbol() };
    }
    if (!config.enabled) return null;
    if (adapter)
      return sourceLocator(doc, {
        method: 'adapter',
        site: adapter.id,
        decimal,
        symbol: adapter.symbol,
        price: adapter.price,
      });
    return isTop ? { ...genericLocator(doc, site), decimal } : null;
  }

  function begin(config: Config): void {
    reading?.abort();
    reading = null;
    const locator = locatorFor(config);
    if (!locator) return;
    const controller = new AbortController();
    reading = controller;
    startReader(doc, locator, {
      signal: controller.signal,
      onReport: (r) => {
        const report = { ...r, site: locator.site, method: locator.method, frameUrl: doc.location.href };
        sendReport(report); // over the report port: no answer needed (a lost one: the next change re-reports)
      },
    });
  }

  const configure = () =>
    send('page/config', { frameUrl: doc.location.href, adapter: adapter?.id ?? null })
      .then(begin)
      .catch(() => undefined);

  async function pick(): Promise<void> {
    picking?.abort();
    const controller = new AbortController();
    picking = controller;
    const el = await pickElement(doc, controller.signal);
    if (picking === controller) picking = null;
    if (!el) return;
    const selectors = selectorsFor(doc, el);
    if (selectors.length === 0) return;
    const sample = (el.textContent ?? '').trim().slice(0, 64);
    await send('picker/picked', { frameUrl: doc.location.href, selectors, sample });
    begin({ enabled: true, picker: { selectors, sample, savedAt: Date.now() } });
  }

  ext.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const m = message as CommandEnvelope | null;
    if (sender.id !== ext.runtime.id || m?.gexfocus !== 1 || !isTop) return undefined;
    if (m.command === 'page/url') return Promise.resolve(doc.location.href);
    if (m.command === 'picker/start') void pick().catch(() => undefined);
    else if (m.command === 'picker/forget') void configure();
    else return undefined;
    return Promise.resolve(true);
  });

  void configure();
}
