/**
 * The Sites list. Every change goes through the background (`sites/set`), which registers or removes
 * the host's content script and optional permission; a site without an adapter is asked for inside
 * the click (a user gesture; nothing may be awaited before permissions.request).
 */
import { useState } from 'preact/hooks';
import { send } from '../../messaging/send.ts';
import { ext } from '../../platform/browser.ts';

interface Props {
  sites: Record<string, boolean>;
  builtInKeys: string[];
  onSites(sites: Record<string, boolean>): void;
  onError(message: string | null): void;
}

export function SitesList({ sites, builtInKeys, onSites, onError }: Props) {
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
