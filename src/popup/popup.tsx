/**
 * The popup, top to bottom within 400 × 600 px: the price line, the verdict banner, the levels
 * ladder, one detail view at a time (GEX chart, hedge flow, what moves it), the model line, and the
 * overlay switches. Every state without a verdict has its own message (empty-state.tsx).
 */
import { useEffect, useState } from 'preact/hooks';
import { readSettings, type Settings } from '../core/settings.ts';
import { send } from '../messaging/send.ts';
import type { TabLevels } from '../messaging/types.ts';
import { ext } from '../platform/browser.ts';
import { formatPrice } from '../ui/format.ts';
import { applyPalette } from '../ui/palette.ts';
import { DriversPanel } from './drivers-panel.tsx';
import { EmptyState } from './empty-state.tsx';
import { FlowChart } from './flow-chart.tsx';
import { GexChart } from './gex-chart.tsx';
import { Header } from './header.tsx';
import { Ladder } from './ladder.tsx';
import { exposurePhrase } from './model/exposure.ts';
import { flowStory } from './model/flow-story.ts';
import { ladderRows } from './model/ladder.ts';
import { chipsOf, popupState } from './model/status.ts';
import { ModelLine } from './model-line.tsx';
import { OverlaySwitches } from './overlay-switches.tsx';
import { PickerControls } from './picker-controls.tsx';
import { confirmRatio, RatioPrompt } from './ratio-prompt.tsx';
import { SiteControls } from './site-controls.tsx';
import { targetTabId } from './target-tab.ts';
import { useTabData } from './use-tab-data.ts';
import { VerdictBanner } from './verdict-banner.tsx';
import { ViewSwitch } from './view-switch.tsx';

const openOptions = () => void ext.runtime.openOptionsPage();

export function Popup() {
  const [tabId, setTabId] = useState<number | undefined | null>(null);
  const [settings, setSettings] = useState<Settings>(() => readSettings(undefined).settings);
  const [site, setSite] = useState<{ host: string | null; builtIn: boolean }>({ host: null, builtIn: true });
  const [chains, setChains] = useState<number | undefined>(undefined);
  const [split, setSplit] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    targetTabId().then(setTabId, () => setTabId(undefined));
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

  const data = useTabData(tabId ?? undefined);
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
              units: settings.units,
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
        <EmptyState state={state} chains={chains} scope={settings.scope} onOptions={openOptions}>
          {state.kind === 'no-price' && readingControls}
        </EmptyState>
      )}
      {state.kind !== 'ok' && state.kind !== 'no-price' && showReading && readingControls}
      <footer>
        <OverlaySwitches settings={settings} host={site.host} onChange={changeSettings} />
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

interface OkProps {
  levels: TabLevels;
  /** The latest page price (from the glance, fresher than the levels). */
  price: number;
  now: number;
  split: boolean;
  onSplit(split: boolean): void;
}

function OkBody({ levels: a, price, now, split, onSplit }: OkProps) {
  const converted = !(a.conversion.kind === 'ratio' && a.conversion.ratio === 1);
  const rows = ladderRows({
    pagePrice: price,
    callWall: a.callWall,
    absGammaStrike: a.absGammaStrike,
    flip: a.flip,
    putWall: a.putWall,
  });
  const story = flowStory({
    flowCurve: a.flowCurve,
    pagePrice: a.pagePrice,
    underlying: a.underlying,
    underlyingPrice: a.underlyingPrice,
    flip: a.flip,
  });
  return (
    <>
      <Ladder
        rows={rows}
        symbol={a.symbol}
        conversion={
          converted
            ? `Levels in ${a.symbol} prices (converted from ${a.underlying} at ${formatPrice(a.underlyingPrice)}).`
            : null
        }
      />
      <ViewSwitch
        render={(view) =>
          view === 'chart' ? (
            <div class="chart-view">
              <div class="chart-head">
                <span class="legend muted">
                  <i class="key bar-key" /> by strike (left) <i class="key curve-key" /> profile (right), $
                  per 1 % move
                </span>
                <button
                  type="button"
                  class="toggle"
                  data-testid="split-toggle"
                  aria-pressed={split}
                  onClick={() => onSplit(!split)}
                >
                  {split ? 'Calls & puts' : 'Net'}
                </button>
              </div>
              <GexChart
                chart={a.chart}
                pagePrice={price}
                flip={a.flip}
                callWall={a.callWall}
                putWall={a.putWall}
                symbol={a.symbol}
                split={split}
              />
            </div>
          ) : view === 'flow' ? (
            <div class="flow-view">
              <FlowChart curve={a.flowCurve} story={story} pagePrice={a.pagePrice} symbol={a.symbol} />
              <p class="flow-sentence num" data-testid="flow-sentence">
                {story.sentence}
              </p>
            </div>
          ) : (
            <DriversPanel levels={a} now={now} />
          )
        }
      />
      <ModelLine levels={a} />
    </>
  );
}
