/**
 * The on-page overlay in the top frame: the live verdict, levels and hedge flow next to the price.
 * Nothing happens until the background pushes a view (a page whose symbol has a chain, with the
 * overlay setting on); from then on the panel re-asks every 20 s while the page is quiet (time decay,
 * chain age) and at once when settings or chains change. The close button hides it for this page load.
 * Teardown of every listener and timer is one abort().
 */
import type { OverlayEnvelope } from '../../messaging/protocol.ts';
import { send } from '../../messaging/send.ts';
import type { OverlayView } from '../../messaging/types.ts';
import { ext, type Runtime } from '../../platform/browser.ts';
import { createPanel, type Panel } from './panel.ts';
import { placeNextTo, textBox } from './place.ts';

const REFRESH_MS = 20_000;

export function startOverlay(doc: Document, anchor: () => Element | null): void {
  const win = doc.defaultView ?? window;
  let closed = false;
  let panel: Panel | null = null;
  let mounted: AbortController | null = null;
  let refresh: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;

  function place(): void {
    frame = 0;
    if (!panel) return;
    const el = anchor();
    const { left, top } = placeNextTo(
      el ? textBox(el) : null,
      { width: panel.box.offsetWidth, height: panel.box.offsetHeight },
      { width: doc.documentElement.clientWidth || win.innerWidth, height: win.innerHeight },
    );
    panel.box.style.left = `${left}px`;
    panel.box.style.top = `${top}px`;
  }
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(place);
  };

  function pull(): void {
    send('page/overlay', null).then(show, () => undefined);
  }

  function unmount(): void {
    mounted?.abort();
    mounted = null;
    panel?.host.remove();
    panel = null;
  }

  function mount(): Panel {
    const controller = new AbortController();
    const { signal } = controller;
    mounted = controller;
    const p = createPanel(doc, () => {
      closed = true;
      unmount();
    });
    doc.documentElement.append(p.host);
    const passive = { passive: true, capture: true, signal };
    doc.addEventListener('scroll', schedule, passive);
    win.addEventListener('resize', schedule, passive);
    // A change of settings (overlay off, units) or of the chains shows at once, not at the next tick.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && ('settings' in changes || 'chains:index' in changes)) pull();
    };
    ext.storage.onChanged.addListener(onStorage);
    signal.addEventListener('abort', () => {
      ext.storage.onChanged.removeListener(onStorage);
      clearTimeout(refresh);
      if (frame) win.cancelAnimationFrame(frame);
      frame = 0;
    });
    return p;
  }

  function show(view: OverlayView | null): void {
    if (closed) return;
    if (!view) {
      unmount();
      return;
    }
    panel ??= mount();
    panel.render(view);
    place();
    clearTimeout(refresh);
    refresh = setTimeout(pull, REFRESH_MS);
  }

  ext.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const m = message as OverlayEnvelope | null;
    if (sender.id !== ext.runtime.id || m?.gexfocus !== 1 || m.command !== 'overlay/show') return undefined;
    show(m.view);
    return Promise.resolve(true);
  });
}
