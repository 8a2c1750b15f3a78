// @vitest-environment happy-dom
/**
 * The overlay's lifecycle in the page (src/content/overlay/index.ts) against a fake extension API:
 * nothing is drawn until the background sends a view, a null view removes it, a dead extension turns
 * it grey, a page that cancels its animation frames cannot stop it from being placed, and one abort()
 * removes the host and every listener.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OverlayView } from '../../src/messaging/types.ts';
import { windowTimers } from './fixture-window.ts';

type Listener = (...args: unknown[]) => unknown;
const listeners = { message: new Set<Listener>(), storage: new Set<Listener>() };
const replies: Record<string, () => unknown> = {};
const sent: { type: string; payload: unknown }[] = [];
const event = (set: Set<Listener>) => ({
  addListener: (l: Listener) => set.add(l),
  removeListener: (l: Listener) => set.delete(l),
});
vi.mock('../../src/platform/content-runtime.ts', async () => {
  const { requester } = await import('../../src/messaging/request.ts');
  const ext = {
    runtime: {
      id: 'gexfocus',
      onMessage: event(listeners.message),
      sendMessage: async (m: { type: string; payload: unknown }) => {
        sent.push(m);
        const reply = replies[m.type];
        if (!reply) throw new Error('Extension context invalidated.');
        return { ok: true, value: reply() };
      },
    },
    storage: { onChanged: event(listeners.storage) },
  };
  return { ext, send: requester((m) => ext.runtime.sendMessage(m as { type: string; payload: unknown })) };
});
const { startOverlay } = await import('../../src/content/overlay/index.ts');

const view = (word = 'Stabilizing'): OverlayView => ({
  verdict: 'stabilizing',
  stale: false,
  staleWhy: null,
  palette: 'okabe-ito',
  glyph: '+γ',
  word,
  flip: 'flip −0.40 %',
  move: '+1 %: sell $1.00 bn (≈ 4,439 ES)',
  label: `GEXfocus: ${word}`,
  price: 'SPX 4,512.40',
  line: '',
  ladder: [],
  flows: [],
  later: [],
  age: '',
  model: '',
  notes: [],
  flags: [],
});
const settle = () => new Promise((r) => setTimeout(r, 10));
// The closed shadow roots the overlay attaches, kept by the test (the page cannot get them).
const roots: ShadowRoot[] = [];
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init: ShadowRootInit) {
  const root = attach.call(this, init);
  roots.push(root);
  return root;
};
const box = () => roots.at(-1)?.querySelector('.o');
const host = () => document.querySelector('gexfocus-overlay');
const push = (v: OverlayView | null) => {
  for (const l of listeners.message) l({ gexfocus: 1, command: 'overlay/show', view: v }, { id: 'gexfocus' });
};

describe('the overlay in the page', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws only the views the background sends, removes itself on a null view, and goes grey when the extension is gone', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    replies['overlay/start'] = () => ({ place: { x: 1, y: 0, dot: false }, shortcut: 'Alt+Shift+G' });
    replies['page/overlay'] = () => null;
    const ctl = new AbortController();
    startOverlay(document, () => null, ctl.signal, windowTimers);
    await settle();
    expect(sent.map((m) => m.type)).toEqual(['overlay/start', 'page/overlay']);
    // Changes of settings and chains reach the page as views from the background (it redraws every
    // tab then): the page's script does not watch extension storage itself.
    expect(listeners.storage.size).toBe(0);
    expect(host()).toBeNull(); // no view: nothing on the page
    // A page cannot send a view: only messages from our extension count.
    for (const l of listeners.message)
      l({ gexfocus: 1, command: 'overlay/show', view: view() }, { id: 'evil' });
    expect(host()).toBeNull();
    push(view());
    expect(host()).not.toBeNull();
    push(null);
    expect(host()).toBeNull();
    push(view('Transition'));
    delete replies['page/overlay']; // the extension was reloaded: the next pull fails
    expect(box()?.classList.contains('stale')).toBe(false);
    await vi.advanceTimersByTimeAsync(20_000); // the quiet page's re-ask, 20 s after the last view
    await settle();
    expect(host()).not.toBeNull();
    expect(box()?.classList.contains('stale')).toBe(true);
    expect(roots.at(-1)?.querySelector('.l2')?.textContent).toBe(
      'GEXfocus stopped updating: reload the page',
    );
    ctl.abort();
  });

  it('keeps re-placing itself and moving aside when the page cancels its animation frames', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    // The page and the content script share the window's frame ids: a page may cancel ours.
    const frames = new Map<number, FrameRequestCallback>();
    let nextId = 1;
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
      frames.set(nextId, cb);
      return nextId++;
    });
    vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((id) => void frames.delete(id));
    const pageCancelsEveryFrame = () => frames.clear();
    const runFrames = () => {
      const due = [...frames.values()];
      frames.clear();
      for (const f of due) f(performance.now());
    };
    let looks = 0; // each layout looks where the price is
    const anchor = () => {
      looks++;
      return null;
    };
    replies['overlay/start'] = () => ({ place: null, shortcut: null });
    replies['page/overlay'] = () => view();
    const ctl = new AbortController();
    try {
      startOverlay(document, anchor, ctl.signal, windowTimers);
      await settle();
      expect(host()).not.toBeNull();
      const drawn = looks;

      // Scroll: one frame asked for, and the page cancels it; more scrolls that second wait for it.
      document.dispatchEvent(new Event('scroll'));
      expect(frames.size).toBe(1);
      pageCancelsEveryFrame();
      document.dispatchEvent(new Event('scroll'));
      expect([frames.size, looks]).toEqual([0, drawn]);
      // A second on, the lost frame's layout runs from the overlay's own timer.
      await vi.advanceTimersByTimeAsync(1000);
      expect(looks).toBe(drawn + 1);

      // The periodic look at the price (after a paint): its frame cancelled, it runs a second later.
      await vi.advanceTimersByTimeAsync(2000);
      push(view());
      expect(frames.size).toBe(1);
      pageCancelsEveryFrame();
      await vi.advanceTimersByTimeAsync(1000);
      expect(looks).toBe(drawn + 2);

      // Frames that do run are the way, and nothing runs twice.
      document.dispatchEvent(new Event('scroll'));
      runFrames();
      expect(looks).toBe(drawn + 3);
      await vi.advanceTimersByTimeAsync(2000);
      push(view());
      runFrames();
      await vi.advanceTimersByTimeAsync(1500);
      expect(looks).toBe(drawn + 4);
      expect(frames.size).toBe(0);
    } finally {
      ctl.abort();
      vi.restoreAllMocks();
    }
  });

  it('is torn down with one abort: the host and every listener go', async () => {
    replies['overlay/start'] = () => ({ place: null, shortcut: null });
    replies['page/overlay'] = () => view();
    const before = { message: listeners.message.size };
    const ctl = new AbortController();
    startOverlay(document, () => null, ctl.signal, windowTimers);
    await settle();
    expect(host()).not.toBeNull();
    expect(box()?.className).toBe('o pill stabilizing up'); // the default place: bottom-left, a pill
    expect(listeners.message.size).toBe(before.message + 1);
    ctl.abort();
    expect(host()).toBeNull();
    expect(listeners.message.size).toBe(before.message);
    push(view());
    expect(host()).toBeNull();
  });
});
