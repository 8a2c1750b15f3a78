/**
 * "Read prices on <host>" / "Stop reading on <host>" on a host without a built-in adapter. The
 * permission for that one host (https, plus http on an http page) is requested inside the click
 * handler: a user gesture, which Firefox no longer sees after an await. The background does the rest
 * (switch, dynamic registration, starting the content script in the tab).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Res } from '../messaging/protocol.ts';
import { send } from '../messaging/send.ts';
import { ext } from '../platform/browser.ts';

type Status = Res<'site/status'>;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function SiteControls({ tabId }: { tabId: number }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [message, setMessage] = useState('');
  const refresh = () =>
    send('site/status', { tabId })
      .then(setStatus)
      .catch(() => setStatus(null));
  useEffect(() => void refresh(), [tabId]);
  if (!status?.host || status.builtIn) return null;
  const host = status.host;
  const reading = status.enabled && status.granted.length > 0;

  const start = () => {
    // Synchronous up to permissions.request: nothing may be awaited before it.
    ext.permissions
      .request({ origins: status.request })
      .then(async (granted) => {
        if (!granted) return setMessage(`No access to ${host}: nothing is read there.`);
        await send('site/enable', { tabId });
        setMessage('Reading with the generic detector: the price is a guess until you pick it.');
        await refresh();
      })
      .catch((e: unknown) => setMessage(messageOf(e)));
  };
  const stop = () => {
    send('site/disable', { tabId })
      .then(() => setMessage(`Stopped reading on ${host}; its access was removed.`))
      .then(refresh)
      .catch((e: unknown) => setMessage(messageOf(e)));
  };

  return (
    <section class="site-controls" data-testid="site-controls">
      {reading ? (
        <button type="button" data-testid="site-stop" onClick={stop}>
          Stop reading on {host}
        </button>
      ) : (
        <button type="button" data-testid="site-start" onClick={start}>
          Read prices on {host}
        </button>
      )}
      {!reading && (
        <p class="muted" style={{ fontSize: '12px' }}>
          Asks your browser for access to {host} only.
        </p>
      )}
      {message && (
        <p class="muted" data-testid="site-message">
          {message}
        </p>
      )}
    </section>
  );
}
