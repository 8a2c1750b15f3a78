/** The Settings section: every setting with one line of explanation; each change saves at once. */
import { useState } from 'preact/hooks';
import type { Settings } from '../../core/settings.ts';
import { send } from '../../messaging/send.ts';
import { ext } from '../../platform/browser.ts';

interface Props {
  settings: Settings;
  notes: string[];
  builtInHosts: string[];
  onChange(patch: Partial<Omit<Settings, 'version'>>): Promise<void>;
}

const pct = (x: number) => String(Math.round(x * 1e6) / 1e4);

export function SettingsPanel({ settings: s, notes, builtInHosts, onChange }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [multipliers, setMultipliers] = useState(
    Object.entries(s.multipliers)
      .map(([k, v]) => `${k}=${v}`)
      .join(', '),
  );
  const change = (patch: Partial<Omit<Settings, 'version'>>) => {
    setError(null);
    onChange(patch).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const number = (text: string, scale = 1): number => Number(text.replace(',', '.')) / scale;
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
        <Field
          label="Sign model"
          help="Who holds what: the classic convention counts dealers long the calls customers sell and short the puts they buy. Always shown next to the numbers."
        >
          <select
            data-testid="set-signs"
            value={s.signs}
            onChange={(e) => change({ signs: e.currentTarget.value as Settings['signs'] })}
          >
            <option value="long-calls-short-puts">dealers long calls, short puts (default)</option>
            <option value="short-all">dealers short all options (customers buy everything)</option>
            <option value="long-all">dealers long all options</option>
          </select>
        </Field>
        <Field
          label="Preset"
          help="Live: time to the exact settlement instant, gamma from IV (default). Classic: the widely copied business-day method, for comparison."
        >
          <select
            data-testid="set-preset"
            value={s.preset}
            onChange={(e) => change({ preset: e.currentTarget.value as Settings['preset'] })}
          >
            <option value="live">live</option>
            <option value="classic">classic</option>
          </select>
        </Field>
        <Field
          label="Expiry scope"
          help="Which expirations count: all, only today's (0DTE), the next 7 days, or all but the nearest."
        >
          <select
            data-testid="set-scope"
            value={s.scope}
            onChange={(e) => change({ scope: e.currentTarget.value as Settings['scope'] })}
          >
            <option value="all">all expirations</option>
            <option value="0dte">0DTE only</option>
            <option value="7d">within 7 days</option>
            <option value="ex-nearest">all but the nearest</option>
          </select>
        </Field>
        <Field
          label="Rate and dividend yield (% a year)"
          help="Continuously compounded; 0 is fine for index options a few weeks out."
        >
          <input
            aria-label="rate"
            size={6}
            value={pct(s.rate)}
            onChange={(e) => change({ rate: number(e.currentTarget.value, 100) })}
          />{' '}
          rate{' '}
          <input
            aria-label="dividend yield"
            size={6}
            value={pct(s.dividend)}
            onChange={(e) => change({ dividend: number(e.currentTarget.value, 100) })}
          />{' '}
          dividend
        </Field>
        <Field
          label="Contract multiplier per symbol"
          help='Units of underlying per contract; 100 unless listed, e.g. "MINI=10". "*" sets the fallback.'
        >
          <input
            data-testid="set-multipliers"
            value={multipliers}
            placeholder="XSP=100, MINI=10"
            onInput={(e) => setMultipliers(e.currentTarget.value)}
            onChange={() => {
              const entries = multipliers.split(',').map((p) => p.split('=').map((x) => x.trim()));
              if (entries.some(([k, v]) => k && !(Number(v) > 0)))
                return setError('Write multipliers as SYMBOL=number, e.g. XSP=100.');
              change({
                multipliers: Object.fromEntries(
                  entries.filter(([k]) => k).map(([k, v]) => [k!.toUpperCase(), Number(v)]),
                ),
              });
            }}
          />
        </Field>
        <Field
          label="Transition band"
          help="Call the regime 'transition' when |net/gross| is below the first number or a flip lies within the second (% of price)."
        >
          <input
            aria-label="balance threshold"
            size={5}
            value={pct(s.transitionBand.balance)}
            onChange={(e) =>
              change({ transitionBand: { ...s.transitionBand, balance: number(e.currentTarget.value, 100) } })
            }
          />{' '}
          % balance,{' '}
          <input
            aria-label="flip distance"
            size={5}
            value={pct(s.transitionBand.flipDistance)}
            onChange={(e) =>
              change({
                transitionBand: { ...s.transitionBand, flipDistance: number(e.currentTarget.value, 100) },
              })
            }
          />{' '}
          % from the flip
        </Field>
        <Field label="Overlay" help="Show the regime and levels next to the price on supported pages.">
          <label>
            <input
              type="checkbox"
              data-testid="set-overlay"
              checked={s.overlay}
              onChange={(e) => change({ overlay: e.currentTarget.checked })}
            />{' '}
            show on pages
          </label>
        </Field>
        <Field
          label="Units"
          help="Exposure as dollars per 1 % move (default), dollars per 1-point move, or units of the underlying per 1 % move."
        >
          <select
            data-testid="set-units"
            value={s.units}
            onChange={(e) => change({ units: e.currentTarget.value as Settings['units'] })}
          >
            <option value="per-1pct">$ per 1 % move</option>
            <option value="per-point">$ per 1-point move</option>
            <option value="shares">units (shares) per 1 % move</option>
          </select>
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

function Field({
  label,
  help,
  children,
}: {
  label: string;
  help: string;
  children: preact.ComponentChildren;
}) {
  return (
    <div class="field">
      <div class="field-label">{label}</div>
      <div class="field-control">{children}</div>
      <div class="field-help muted small">{help}</div>
    </div>
  );
}

/**
 * The Sites list. Every change goes through the background (`sites/set`), which registers or removes
 * the host's content script and optional permission; a site without an adapter is asked for inside
 * the click (a user gesture; nothing may be awaited before permissions.request).
 */
function SitesList({
  sites,
  builtInKeys,
  onSites,
  onError,
}: {
  sites: Record<string, boolean>;
  builtInKeys: string[];
  onSites(sites: Record<string, boolean>): void;
  onError(message: string | null): void;
}) {
  const [newHost, setNewHost] = useState('');
  const set = (host: string, on: boolean | null) => {
    onError(null);
    const builtIn = builtInKeys.includes(host);
    const allowed = on && !builtIn ? ext.permissions.request({ origins: [`https://${host}/*`] }) : null;
    Promise.resolve(allowed ?? true)
      .then(async (ok) => {
        if (!ok) return onError(`No access to ${host}: it stays off.`);
        onSites(await send('sites/set', { host, on }));
      })
      .catch((e: unknown) => onError(e instanceof Error ? e.message : String(e)));
  };
  const others = Object.entries(sites).filter(([host]) => !builtInKeys.includes(host));
  const row = (host: string, on: boolean, builtIn: boolean) => (
    <li key={host} data-site={host}>
      <label>
        <input type="checkbox" checked={on} onChange={(e) => set(host, e.currentTarget.checked)} /> {host}
      </label>{' '}
      {builtIn ? (
        <span class="muted small">built-in</span>
      ) : (
        <button type="button" class="link" onClick={() => set(host, null)}>
          remove
        </button>
      )}
    </li>
  );
  return (
    <>
      <ul class="sites" data-testid="sites">
        {builtInKeys.map((host) => row(host, sites[host] ?? true, true))}
        {others.map(([host, on]) => row(host, on, false))}
      </ul>
      <input
        data-testid="site-host"
        placeholder="www.example-broker.com"
        value={newHost}
        onInput={(e) => setNewHost(e.currentTarget.value.trim().toLowerCase())}
      />{' '}
      <button
        type="button"
        data-testid="site-enable"
        disabled={!newHost}
        onClick={() => {
          set(newHost, true);
          setNewHost('');
        }}
      >
        Enable
      </button>{' '}
      <button
        type="button"
        disabled={!newHost}
        onClick={() => {
          set(newHost, false);
          setNewHost('');
        }}
      >
        Disable
      </button>
    </>
  );
}
