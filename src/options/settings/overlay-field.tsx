/**
 * The on-page overlay: the global switch (settings.overlay) and per-site choices
 * (settings.overlaySites: host → shown; a site without an entry follows the global switch). The popup
 * has the same two switches for the site of its tab.
 */
import { useState } from 'preact/hooks';
import type { Settings } from '../../core/settings.ts';
import type { Patch } from './field.tsx';

interface Props {
  settings: Settings;
  onChange(patch: Patch): void;
  onError(message: string | null): void;
}

const HOST = /^[a-z0-9.-]{1,253}$/;

export function OverlayField({ settings: s, onChange, onError }: Props) {
  const [host, setHost] = useState('');
  const sites = Object.entries(s.overlaySites).sort(([a], [b]) => a.localeCompare(b));
  const setSite = (h: string, on: boolean | null) => {
    const next = { ...s.overlaySites };
    if (on === null) delete next[h];
    else next[h] = on;
    onChange({ overlaySites: next });
  };
  const add = (on: boolean) => {
    const h = host
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '');
    if (!HOST.test(h)) return onError(`"${host}" is not a host name (e.g. www.tradingview.com).`);
    setSite(h, on);
    setHost('');
  };
  return (
    <div class="overlay-field">
      <label>
        <input
          type="checkbox"
          data-testid="set-overlay"
          checked={s.overlay}
          onChange={(e) => onChange({ overlay: e.currentTarget.checked })}
        />{' '}
        show on pages (the default for every site)
      </label>
      {sites.length > 0 && (
        <ul class="sites" data-testid="overlay-sites">
          {sites.map(([h, on]) => (
            <li key={h} data-overlay-site={h}>
              <label>
                <input type="checkbox" checked={on} onChange={(e) => setSite(h, e.currentTarget.checked)} />{' '}
                {h}
              </label>{' '}
              <button type="button" class="link" onClick={() => setSite(h, null)}>
                follow the default
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row tight">
        <input
          data-testid="overlay-host"
          placeholder="www.tradingview.com"
          value={host}
          onInput={(e) => setHost(e.currentTarget.value)}
        />
        <button type="button" data-testid="overlay-site-on" disabled={!host.trim()} onClick={() => add(true)}>
          Show there
        </button>
        <button
          type="button"
          data-testid="overlay-site-off"
          disabled={!host.trim()}
          onClick={() => add(false)}
        >
          Hide there
        </button>
      </div>
    </div>
  );
}
