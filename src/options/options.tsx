/** The options page: chains, import, settings and backup. Data and actions flow in as props. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { modelFor, readSettings, type Settings } from '../core/settings.ts';
import type { ChainSummary } from '../messaging/types.ts';
import { applyPalette } from '../ui/palette.ts';
import type { OptionsApi } from './api.ts';
import { BackupPanel } from './sections/backup-panel.tsx';
import { ChainList } from './sections/chain-list.tsx';
import { ImportPanel } from './sections/import-panel.tsx';
import { SettingsPanel } from './sections/settings-panel.tsx';

interface Props {
  api: OptionsApi;
  version: string;
  builtInHosts: string[];
}

export function Options({ api, version, builtInHosts }: Props) {
  const [chains, setChains] = useState<{ chains: ChainSummary[]; problems: string[] } | null>(null);
  const [settings, setSettings] = useState<{ settings: Settings; notes: string[] }>(() =>
    readSettings(undefined),
  );
  const [loadError, setLoadError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());

  const refresh = useCallback(() => {
    setNow(Date.now());
    Promise.all([api.listChains(), api.getSettings()]).then(
      ([c, s]) => {
        setChains(c);
        setSettings(s);
        applyPalette(s.settings.palette);
      },
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
    );
  }, [api]);
  useEffect(refresh, [refresh]);

  return (
    <main class="options">
      <header>
        <img src="/icons/icon-48.png" width={32} height={32} alt="" />
        <h1>GEXfocus</h1>
        <span class="muted" data-testid="version">
          v{version}
        </span>
      </header>
      <p class="muted intro">
        GEXfocus reads the price on your broker's page and shows where dealer hedging tends to damp or extend
        moves, from an option chain you import here. It explains the type of pressure, not the direction, and
        a chain describes one moment: import a fresh one each session.
      </p>
      {loadError && <p class="error">{loadError}</p>}
      <ChainList
        api={api}
        chains={chains?.chains ?? []}
        problems={chains?.problems ?? []}
        now={now}
        onChanged={refresh}
        onReplace={() => document.getElementById('import')?.scrollIntoView({ behavior: 'smooth' })}
      />
      <ImportPanel
        api={api}
        chains={chains?.chains ?? []}
        modelFor={(u) => modelFor(settings.settings, u)}
        onSaved={refresh}
      />
      <SettingsPanel
        key={JSON.stringify(settings.settings.multipliers)}
        settings={settings.settings}
        notes={settings.notes}
        builtInHosts={builtInHosts}
        chains={chains?.chains ?? []}
        onChange={async (patch) => {
          const next = await api.updateSettings(patch);
          setSettings({ settings: next, notes: [] });
          applyPalette(next.palette);
        }}
      />
      <BackupPanel api={api} onRestored={refresh} />
    </main>
  );
}
