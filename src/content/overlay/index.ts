/**
 * The on-page overlay in the top frame: a pill with the live verdict, a card with the levels and what
 * moves the hedge, or a dot. Nothing is drawn until the background pushes a view (a page whose symbol
 * has a chain, with the overlay on for this tab, site or globally: src/background/overlay/shown.ts);
 * from then on it re-asks every 20 s while the page is quiet (time decay, chain age) and at once when
 * settings or chains change. Its place is the user's, per site (src/background/overlay/places.ts),
 * and it moves aside rather than cover the price element it reads. Teardown is one abort().
 */
import type { OverlayEnvelope } from '../../messaging/protocol.ts';
import type { OverlayPlace, OverlayView } from '../../messaging/types.ts';
import { ext, type Runtime, send } from '../../platform/content-runtime.ts';
import { pageProofTimers, type Timers } from '../timers.ts';
import { wireControls } from './controls.ts';
import { createPanel, type Mode, type Panel, SIZES } from './panel.ts';
import { boxAt, clearOf, DEFAULT_PLACE, MARGIN, placeOf, textBox } from './place.ts';
import { keepOnTop } from './top-layer.ts';

const REFRESH_MS = 20_000;
/**
 * On ticks the price element's box is looked at again at most this often: reading it (and the
 * viewport) forces a layout, a visible share of the content script's time on a page ticking 20×/s.
 * Scrolls and resizes re-place the overlay at once. The look happens just after the next paint (see
 * `afterPaint`), when the layout is normally clean, not in the message handler right after the
 * tick's text writes, where it forced a layout of its own (`layout` ~7 ms/min at 20 ticks/s).
 */
const AVOID_EVERY_MS = 2000;
/**
 * An animation frame asked for this long ago and not run, in a visible page, was cancelled: a page
 * shares its window's frame ids with a content script, as it does timer ids (../timers.ts), and one
 * that cancels ids it does not own would leave the overlay never re-placed on scroll or resize and
 * never moving aside again. Its work then runs from a timer the page cannot clear (a layout it may
 * force, instead of none).
 */
const FRAME_LOST_MS = 1000;

export function startOverlay(
  doc: Document,
  anchor: () => Element | null,
  signal: AbortSignal,
  timers: Timers = pageProofTimers, // the page cannot clear them (../timers.ts); tests pass faked ones
): void {
  const win = doc.defaultView ?? window;
  let panel: Panel | null = null;
  let mounted: AbortController | null = null;
  let raise: () => void = () => undefined;
  let refresh: unknown;
  let frame = 0;
  let frameAt = 0;
  let paintFrame = 0;
  let paintAt = 0;
  let watchdog: unknown;
  let place: OverlayPlace = { ...DEFAULT_PLACE };
  let mode: Mode = 'pill';
  let shortcut: string | null = null;
  let started = false;
  let pending: OverlayView | null | undefined;
  let avoidAt = 0;
  let shownAt = 0;
  let drag: { left: number; top: number } | null = null;
  let left = '';
  let top = '';

  const viewport = () => {
    const de = doc.documentElement;
    const quirks = doc.compatMode === 'BackCompat';
    return {
      width: Math.min(win.innerWidth, de.clientWidth || win.innerWidth),
      height: quirks ? win.innerHeight : Math.min(win.innerHeight, de.clientHeight || win.innerHeight),
    };
  };

  /** Positions the box: the user's place (or a drag in progress), moved aside from the price. */
  function layout(): void {
    frame = 0;
    if (!panel) return;
    const size = SIZES[mode];
    const vp = viewport();
    let box = boxAt(place, size, vp);
    if (drag) box = { ...box, left: drag.left, top: drag.top };
    else {
      const el = anchor();
      avoidAt = Date.now();
      box = clearOf(box, el ? textBox(el) : null, vp);
    }
    // An inline style set to the value it has still invalidates the box's style: only changes are written.
    const l = `${Math.round(box.left)}px`;
    const t = `${Math.round(box.top)}px`;
    if (l !== left) panel.box.style.left = left = l;
    if (t !== top) panel.box.style.top = top = t;
  }
  const schedule = () => {
    const now = Date.now();
    if (frame && now - frameAt < FRAME_LOST_MS) return;
    if (frame) win.cancelAnimationFrame(frame); // lost while the page was hidden
    frameAt = now;
    frame = win.requestAnimationFrame(layout);
    watch();
  };
  /** The look after a paint (below), unless a layout is due anyway or the user is dragging. */
  const look = () => {
    if (!signal.aborted && panel && !frame && !drag) layout();
  };
  /**
   * The periodic look at the price, in a task queued from an animation frame: it runs after that
   * frame's style, layout and paint, so its reads find the layout done instead of forcing one.
   * Called at most once per AVOID_EVERY_MS; a frame still pending from the last call (a hidden tab
   * runs none) is replaced.
   */
  const afterPaint = () => {
    avoidAt = Date.now(); // one look per period even while the frame is pending
    if (paintFrame) win.cancelAnimationFrame(paintFrame);
    paintAt = avoidAt;
    paintFrame = win.requestAnimationFrame(() => {
      paintFrame = 0;
      timers.setTimeout(look, 0);
    });
    watch();
  };
  /** One timer at a time watches the pending frames; a lost one's work runs from it (see FRAME_LOST_MS). */
  function watch(): void {
    if (watchdog !== undefined) return;
    watchdog = timers.setTimeout(() => {
      watchdog = undefined;
      if (signal.aborted || doc.hidden) return; // a hidden page runs its frames when shown again
      const now = Date.now();
      if (paintFrame && now - paintAt >= FRAME_LOST_MS) {
        win.cancelAnimationFrame(paintFrame);
        paintFrame = 0;
        look();
      }
      if (frame && now - frameAt >= FRAME_LOST_MS) {
        win.cancelAnimationFrame(frame);
        layout(); // sets frame = 0
      }
      if (frame || paintFrame) watch();
    }, FRAME_LOST_MS);
  }

  function setMode(next: Mode): void {
    mode = next;
    panel?.setMode(mode, place.y >= 0.5);
    layout();
  }

  function savePlace(): void {
    send('overlay/place', place).catch(() => undefined); // not saved: the next move tries again
  }

  function mount(): Panel {
    const controller = new AbortController();
    const s = AbortSignal.any([signal, controller.signal]);
    mounted = controller;
    const p = createPanel(
      doc,
      {
        dot: (on) => {
          place = { ...place, dot: on };
          setMode(on ? 'dot' : 'pill');
          (on ? p.dotButton : p.bar).focus({ preventScroll: true });
          savePlace();
        },
        hide: () => send('overlay/hide', null).catch(() => undefined),
      },
      s,
    );
    panel = p;
    wireControls(
      p,
      {
        mode: () => mode,
        toggle: () => {
          if (mode === 'dot') {
            place = { ...place, dot: false };
            savePlace();
            setMode('pill');
            p.bar.focus({ preventScroll: true });
          } else setMode(mode === 'card' ? 'pill' : 'card');
        },
        collapse: () => setMode('pill'),
        position: () => {
          const r = p.box.getBoundingClientRect();
          return { left: r.left, top: r.top };
        },
        dragTo: (left, top) => {
          const vp = viewport();
          const size = SIZES[mode];
          drag = {
            left: Math.min(Math.max(left, MARGIN), Math.max(MARGIN, vp.width - size.width - MARGIN)),
            top: Math.min(Math.max(top, MARGIN), Math.max(MARGIN, vp.height - size.height - MARGIN)),
          };
          layout();
        },
        moveBy: (dx, dy) => {
          const r = p.box.getBoundingClientRect();
          place = { ...place, ...placeOf(r.left + dx, r.top + dy, SIZES[mode], viewport()) };
          panel?.setMode(mode, place.y >= 0.5);
          layout();
        },
        moved: () => {
          if (drag) {
            place = { ...place, ...placeOf(drag.left, drag.top, SIZES[mode], viewport()) };
            drag = null;
            panel?.setMode(mode, place.y >= 0.5);
            layout();
          }
          savePlace();
        },
      },
      s,
    );
    p.setShortcut(shortcut);
    doc.documentElement.append(p.host);
    raise = keepOnTop(doc, p.box, s).raise;
    raise();
    const passive = { passive: true, capture: true, signal: s };
    doc.addEventListener('scroll', schedule, passive);
    win.addEventListener('resize', schedule, passive);
    s.addEventListener('abort', () => {
      timers.clearTimeout(refresh);
      refresh = undefined;
      timers.clearTimeout(watchdog);
      watchdog = undefined;
      if (frame) win.cancelAnimationFrame(frame);
      if (paintFrame) win.cancelAnimationFrame(paintFrame);
      frame = 0;
      paintFrame = 0;
      p.host.remove();
    });
    left = '';
    top = '';
    mode = place.dot ? 'dot' : 'pill';
    return p;
  }

  function unmount(): void {
    mounted?.abort();
    mounted = null;
    panel = null;
  }

  function pull(): void {
    if (signal.aborted) return;
    send('page/overlay', null).then(show, () => {
      // The extension was reloaded or removed: this page's script can no longer reach it.
      panel?.disconnect('GEXfocus stopped updating: reload the page');
    });
  }

  function show(view: OverlayView | null): void {
    if (signal.aborted) return;
    if (!started) {
      pending = view;
      return;
    }
    if (!view) {
      unmount();
      return;
    }
    const fresh = !panel;
    panel ??= mount();
    panel.render(view);
    const now = Date.now();
    if (fresh) setMode(mode);
    else if (now - avoidAt >= AVOID_EVERY_MS) afterPaint();
    // The quiet-page re-ask: one timer that, when it fires, waits out what is left since the last
    // view rather than a clearTimeout + setTimeout on every one of 20 pushes a second.
    shownAt = now;
    if (refresh === undefined) refresh = timers.setTimeout(requery, REFRESH_MS);
  }

  function requery(): void {
    const wait = shownAt + REFRESH_MS - Date.now();
    if (wait > 0) {
      refresh = timers.setTimeout(requery, wait);
      return;
    }
    refresh = undefined;
    pull();
  }

  const onMessage = (message: unknown, sender: Runtime.MessageSender) => {
    const m = message as OverlayEnvelope | null;
    if (sender.id !== ext.runtime.id || m?.gexfocus !== 1 || m.command !== 'overlay/show') return undefined;
    show(m.view);
    return Promise.resolve(true);
  };
  ext.runtime.onMessage.addListener(onMessage);
  // A change of settings (overlay off, units, palette) or of the chains shows at once, not at the next
  // tick: the background redraws every tab then (src/background/overlay/data-change.ts).
  signal.addEventListener('abort', () => {
    ext.runtime.onMessage.removeListener(onMessage);
    unmount();
  });

  send('overlay/start', null)
    .then((s) => {
      place = s.place ?? { ...DEFAULT_PLACE };
      shortcut = s.shortcut;
    })
    .catch(() => undefined) // the defaults will do
    .finally(() => {
      started = true;
      if (pending !== undefined) show(pending);
      pull(); // drawn with this tab's host known to the background (per-site switch)
    });
}
