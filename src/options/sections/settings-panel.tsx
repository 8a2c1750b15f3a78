/** The Settings section: every setting with one line of explanation; each change saves at once. */
import { useState } from 'preact/hooks';
import type { Settings } from '../../core/settings.ts';
import type { ChainSummary } from '../../messaging/types.ts';
import { AlertsField } from '../settings/alerts-field.tsx';
import { Field, type Patch } from '../settings/field.tsx';
import { ModelFields } from '../settings/model-fields.tsx';
import { OverlayField } from '../settings/overlay-field.tsx';
import { SitesList } from '../settings/sites-list.tsx';

interface Props {
  settings: Settings;
  notes: string[];
  builtInHosts: string[];
  chains: ChainSummary[];
  onChange(patch: Patch): Promise<void>;
}

export function SettingsPanel({ settings: s, notes, builtInHosts, chains, onChange }: Props) {
  const [error, setError] = useState<string | null>(null);
  const change = (patch: Patch) => {
    setError(null);
    onChange(patch).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  // `*.tradingview.com` → `tradingview.com`: the switch covers the domain and its subdomains.
  const builtInKeys = [...new Set(builtInHosts.map((h) => h.replace(/^\*\./, '')))];

  return (
    <section class="card" aria-labelledby="settings-h">
      <h2 id="settings-h">Settings</h2>
      {notes.map((n) => (
        <p class="warn" key={n}>
          {n}
        </p>
      ))}
      <div class="settings" data-testid="settings">
        <ModelFields settings={s} chains={chains} onChange={change} onError={setError} />
        <Field
          label="Units"
          help="Net GEX as dollars per 1 % move (default), dollars per 1-point move of the page's symbol, or what dealers trade per 1 % move (shares for an ETF or stock, futures contracts for an index)."
        >
          <select
            data-testid="set-units"
            value={s.units}
            onChange={(e) => change({ units: e.currentTarget.value as Settings['units'] })}
          >
            <option value="per-1pct">$ per 1 % move</option>
            <option value="per-point">$ per 1-point move</option>
            <option value="shares">shares or contracts per 1 % move</option>
          </select>
        </Field>
        <Field
          label="Colours"
          help="Verdict colours in the popup and on pages. Okabe–Ito blue/orange reads the same for the common colour-vision deficiencies; every verdict also has its own icon and word."
        >
          <select
            data-testid="set-palette"
            value={s.palette}
            onChange={(e) => change({ palette: e.currentTarget.value as Settings['palette'] })}
          >
            <option value="okabe-ito">blue / orange, colour-blind safe (default)</option>
            <option value="classic">classic green / red</option>
          </select>
        </Field>
        <Field
          label="Overlay"
          help="The verdict next to the price on supported pages. A site listed here follows its own choice; the popup switches it for the site you are on."
        >
          <OverlayField settings={s} onChange={change} onError={setError} />
        </Field>
        <Field
          label="Alerts"
          help="Off by default. Turning them on asks your browser for permission to show notifications; turning them off gives that permission back."
        >
          <AlertsField settings={s} onChange={change} onError={setError} />
        </Field>
        <Field
          label="Sites"
          help="Built-in broker sites read prices unless switched off here. Any other site reads only once you allow it: switching it on asks your browser for access to that one site, switching it off removes the access."
        >
          <SitesList
            sites={s.sites}
            builtInKeys={builtInKeys}
            onSites={(sites) => change({ sites })}
            onError={setError}
          />
        </Field>
      </div>
      {error && (
        <p class="error" role="alert" data-testid="settings-error">
          {error}
        </p>
      )}
    </section>
  );
}
