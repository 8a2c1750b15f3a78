import { useEffect, useState } from 'preact/hooks';
import { send } from '../messaging/send.ts';
import type { TabReading } from '../messaging/types.ts';
import { ext } from '../platform/browser.ts';
import { targetTabId } from './target-tab.ts';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; reading: TabReading | null }
  | { state: 'error'; message: string };

export function Popup() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    (async () => {
      const tabId = await targetTabId();
      const reading = tabId === undefined ? null : await send('tab/reading', { tabId });
      setLoad({ state: 'ready', reading });
    })().catch((e: unknown) =>
      setLoad({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);

  return (
    <main class="popup">
      <header>
        <img src="/icons/icon-32.png" width={20} height={20} alt="" />
        <h1>GEXfocus</h1>
      </header>
      <section data-testid="reading">
        {load.state === 'loading' && <p class="muted">Reading this tab…</p>}
        {load.state === 'error' && <p class="error">{load.message}</p>}
        {load.state === 'ready' && load.reading && <p>Connected to {new URL(load.reading.frameUrl).host}</p>}
        {load.state === 'ready' && !load.reading && <p class="muted">No price source on this tab yet.</p>}
      </section>
      <footer>
        <button type="button" onClick={() => void ext.runtime.openOptionsPage()}>
          Chains &amp; settings
        </button>
      </footer>
    </main>
  );
}
