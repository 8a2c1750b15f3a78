import { useEffect, useState } from 'preact/hooks';
import { ext } from '../platform/browser.ts';
import { Levels } from './levels.tsx';
import { PickerControls } from './picker-controls.tsx';
import { ReadingLine } from './reading-line.tsx';
import { SiteControls } from './site-controls.tsx';
import { targetTabId } from './target-tab.ts';

type Load =
  | { state: 'loading' }
  | { state: 'ready'; tabId: number | undefined }
  | { state: 'error'; message: string };

export function Popup() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    (async () => {
      setLoad({ state: 'ready', tabId: await targetTabId() });
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
        {load.state === 'ready' && <ReadingLine tabId={load.tabId} />}
      </section>
      {load.state === 'ready' && load.tabId !== undefined && <Levels tabId={load.tabId} />}
      {load.state === 'ready' && load.tabId !== undefined && <SiteControls tabId={load.tabId} />}
      {load.state === 'ready' && load.tabId !== undefined && <PickerControls tabId={load.tabId} />}
      <footer>
        <button type="button" onClick={() => void ext.runtime.openOptionsPage()}>
          Chains &amp; settings
        </button>
      </footer>
    </main>
  );
}
