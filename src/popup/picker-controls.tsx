/**
 * "Pick the price on this page" / "Re-pick" / "Forget picked price". On a host the extension has no
 * permission for, the permission for that one host is requested inside the click handler (a user
 * gesture; Firefox refuses it after an await), so nothing asks for every site up front.
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../messaging/send.ts';
import { ext } from '../platform/browser.ts';

type Status = { host: string | null; saved: boolean; builtIn: boolean };

/** Opened as the toolbar popup (not pinned in a tab with ?tab=): close it so the page can be clicked. */
const closeIfPopup = () => {
  if (!new URLSearchParams(location.search).has('tab')) window.close();
};

export function PickerControls({ tabId }: { tabId: number }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [message, setMessage] = useState('');
  const refresh = () =>
    send('picker/status', { tabId })
      .then(setStatus)
      .catch(() => setStatus(null));
  useEffect(() => void refresh(), [tabId]);
  if (!status?.host) return null;
  const host = status.host;

  const pick = () => {
    // Must run synchronously in the click: no await before permissions.request.
    const granted = status.builtIn
      ? Promise.resolve(true)
      : ext.permissions.request({ origins: [`https://${host}/*`] });
    granted
      .then(async (ok) => {
        if (!ok) return setMessage(`No access to ${host}: the price cannot be read there.`);
        const { started } = await send('picker/start', { tabId });
        if (!started) return setMessage('This page cannot be read (browser or store page).');
        setMessage('Click the price on the page (Esc cancels).');
        closeIfPopup();
      })
      .catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
  };
  const forget = () => {
    send('picker/forget', { tabId })
      .then(() => setMessage(`Forgot the picked price on ${host}.`))
      .then(refresh)
      .catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
  };

  return (
    <section class="picker-controls" data-testid="picker-controls">
      <div style={{ display: 'flex', gap: '6px', flexWrap: 'wrap' }}>
        <button type="button" data-testid="pick" onClick={pick}>
          {status.saved ? 'Re-pick' : 'Pick the price on this page'}
        </button>
        {status.saved && (
          <button type="button" data-testid="forget" onClick={forget}>
            Forget picked price
          </button>
        )}
      </div>
      {message && <p class="muted">{message}</p>}
    </section>
  );
}
