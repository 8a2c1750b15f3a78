/**
 * The popup, top to bottom within 400 × 600 px: the price line, the verdict banner, the levels
 * ladder, one detail view at a time (GEX chart, hedge flow, what moves it), the model line, and the
 * overlay switches. Every state without a verdict has its own message (empty-state.tsx).
 */
import { useEffect, useState } from 'preact/hooks';
// Types only: the settings' validation (zod) stays out of the popup's bundle; the background reads
// and validates them (settings/get).
import type { Settings } from '../core/settings.ts';
import { send } from '../messaging/send.ts';
import type { TabLevels } from '../messaging/types.ts';
import { ext } from '../platform/browser.ts';
import { applyPalette } from '../ui/palette.ts';
import { EmptyState } from './empty-state.tsx';
import { type FirstLoad, firstLoad } from './first-load.ts';
import { Header } from './header.tsx';
import { exposurePhrase } from './model/exposure.ts';
import { chipsOf, popupState } from './model/status.ts';
import { OkBody } from './ok-body.tsx';
import { OverlaySwitches } from './overlay-switches.tsx';
import { PickerControls } from './picker-controls.tsx';
import { confirmRatio, RatioPrompt } from './ratio-prompt.tsx';
import { SiteControls } from './site-controls.tsx';
import { useTabData } from './use-tab-data.ts';
import { VerdictBanner } from './verdict-banner.tsx';

const openOptions = () => void ext.runtime.openOptionsPage();

interface Props {
  /** The first load when it answered before the first render (main.tsx), else null. */
  first?: FirstLoad | null;
  /** The first load itself (the tab to describe). */
  pending?: Promise<FirstLoad>;
}

export function Popup({ first = null, pending }: Props) {
  const [tabId, setTabId] = useState<number | undefined | null>(first ? first.tabId : null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [site, setSite] = useState<{ host: string | null; builtIn: boolean }>({ host: null, builtIn: true });
  const [chains, setChains] = useState<number | undefined>(undefined);
  const [split, setSplit] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!first)
      (pending ?? firstLoad()).then(
        (f) => setTabId(f.tabId),
        () => setTabId(undefined),
      );
    send('settings/get', null).then(
      ({ settings: s }) => {
        setSettings(s);
        applyPalette(s.palette);
      },
      () => undefined,
    );
  }, []);
  useEffect(() => {
    if (typeof tabId !== 'number') return;
    send('site/status', { tabId }).then(
      (s) => setSite({ host: s.host, builtIn: s.builtIn }),
      () => undefined,
    );
  }, [tabId]);

  const data = useTabData(tabId ?? undefined, first?.snapshot, first?.stored);
  const state =
    tabId === null ? ({ kind: 'loading' } as const) : popupState(tabId, data.reading, data.glance);
  useEffect(() => {
    if (state.kind === 'no-chain' && chains === undefined)
      send('chains/list', null).then(
        (c) => setChains(c.chains.length),
        () => undefined,
      );
  }, [state.kind]);

  const glance = data.glance?.status === 'glance' ? data.glance : null;
  const levels: TabLevels | null = data.levels?.status === 'ok' ? data.levels : null;
  const chips = chipsOf({
    reading: data.reading,
    asOf: glance?.asOf ?? null,
    atSnapshot: glance?.atSnapshot ?? false,
    now: data.now,
  });
  const changeSettings = (patch: Partial<Omit<Settings, 'version'>>) => {
    setMessage(null);
    send('settings/update', { patch }).then(
      (s) => {
        setSettings(s);
        data.refresh();
      },
      (e: unknown) => setMessage(e instanceof Error ? e.message : String(e)),
    );
  };
  const readingControls = typeof tabId === 'number' && (
    <div class="reading-controls">
      <SiteControls tabId={tabId} />
      <PickerControls tabId={tabId} />
    </div>
  );
  // "Read prices on <host>" / "Pick the price" wherever the price is the question: no price yet, a
  // guess or a pick, or a site without a built-in adapter (its switch must stay reachable).
  const showReading =
    state.kind === 'no-price' || (data.reading && data.reading.method !== 'adapter') || !site.builtIn;

  return (
    <main class="popup">
      <Header
        reading={data.reading}
        chips={state.kind === 'ok' ? chips : chips.filter((c) => c.id === 'suspect' || c.id === 'guess')}
        chainAge={
          glance && state.kind === 'ok'
            ? { asOf: glance.asOf, now: data.now, stale: chips.some((c) => c.id === 'stale-chain') }
            : null
        }
        now={data.now}
        loading={tabId === null || data.reading === undefined}
      />
      {state.kind === 'ok' && glance ? (
        <>
          <VerdictBanner
            glance={glance}
            held={!!data.reading?.suspect}
            exposure={exposurePhrase({
              netGex: glance.netGex,
              units: settings?.units ?? 'per-1pct',
              symbol: glance.symbol,
              pagePrice: glance.pagePrice,
              underlying: glance.underlying,
              underlyingPrice: levels?.underlyingPrice ?? glance.pagePrice,
            })}
          />
          {levels ? (
            <OkBody
              levels={levels}
              price={glance.pagePrice}
              now={data.now}
              split={split}
              onSplit={setSplit}
            />
          ) : (
            <section class="ladder placeholder muted" data-testid="levels">
              Computing the levels…
            </section>
          )}
          {showReading && readingControls}
        </>
      ) : state.kind === 'needs-ratio' ? (
        <RatioPrompt
          a={state.analysis}
          onConfirm={(r) =>
            confirmRatio(state.analysis.underlying, state.analysis.symbol, r).then(data.refresh)
          }
        />
      ) : state.kind === 'ok' ? null : (
        <EmptyState state={state} chains={chains} onOptions={openOptions}>
          {state.kind === 'no-price' && readingControls}
        </EmptyState>
      )}
      {state.kind !== 'ok' && state.kind !== 'no-price' && showReading && readingControls}
      <footer>
        {settings ? (
          <OverlaySwitches settings={settings} host={site.host} onChange={changeSettings} />
        ) : (
          <span />
        )}
        <button type="button" data-testid="open-settings" onClick={openOptions}>
          Chains &amp; settings
        </button>
      </footer>
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
    </main>
  );
}
