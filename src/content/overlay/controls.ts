/**
 * The pill's hands: drag by mouse, touch or pen (pointer events with capture, so a fast drag does not
 * lose the pointer; `touch-action: none` on the handles keeps the page from scrolling instead), a
 * click or Enter/Space to open or close the card (a drag is not a click), Escape to close it, and
 * the arrow keys on the focused handle to move it (Shift: farther). Only trusted input counts: a
 * page can dispatch synthetic events at our host, and must not be able to move or open the overlay.
 */
import type { Mode, Panel } from './panel.ts';

/** Pointer travel (CSS px) before a press becomes a drag. */
const SLOP = 4;
export const KEY_STEP = 8;
export const KEY_STEP_FAR = 40;

export interface ControlHandlers {
  mode(): Mode;
  /** Pill → card, card → pill, dot → pill. */
  toggle(): void;
  /** Card → pill (Escape). */
  collapse(): void;
  /** Where the box is now (left, top). */
  position(): { left: number; top: number };
  /** During a drag: put the box here (unclamped). */
  dragTo(left: number, top: number): void;
  /** The drag or key moves ended: keep the place. */
  moved(): void;
  /** Keyboard move by this many CSS px. */
  moveBy(dx: number, dy: number): void;
}

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export function wireControls(panel: Panel, h: ControlHandlers, signal: AbortSignal): void {
  const opts = { signal };
  let press: { id: number; x: number; y: number; left: number; top: number; dragging: boolean } | null = null;
  let swallowClick = false;
  let keyMoveTimer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(keyMoveTimer));

  for (const handle of [panel.bar, panel.dotButton]) {
    handle.addEventListener(
      'pointerdown',
      (e) => {
        if (!e.isTrusted || (e.pointerType === 'mouse' && e.button !== 0)) return;
        if ((e.target as Element | null)?.closest?.('button')) return; // the dot button has its own job
        const { left, top } = h.position();
        press = { id: e.pointerId, x: e.clientX, y: e.clientY, left, top, dragging: false };
        handle.setPointerCapture?.(e.pointerId);
      },
      opts,
    );
    handle.addEventListener(
      'pointermove',
      (e) => {
        if (!press || e.pointerId !== press.id || !e.isTrusted) return;
        const dx = e.clientX - press.x;
        const dy = e.clientY - press.y;
        if (!press.dragging && Math.hypot(dx, dy) < SLOP) return;
        if (!press.dragging) {
          press.dragging = true;
          panel.box.classList.add('dragging');
        }
        h.dragTo(press.left + dx, press.top + dy);
      },
      opts,
    );
    const end = (e: PointerEvent) => {
      if (!press || e.pointerId !== press.id) return;
      const dragged = press.dragging;
      // The last pointermove may have been coalesced away: the release point is where it ends.
      if (dragged && e.type === 'pointerup' && e.isTrusted)
        h.dragTo(press.left + e.clientX - press.x, press.top + e.clientY - press.y);
      press = null;
      panel.box.classList.remove('dragging');
      if (handle.hasPointerCapture?.(e.pointerId)) handle.releasePointerCapture(e.pointerId);
      if (dragged) {
        swallowClick = e.type === 'pointerup';
        h.moved();
      }
    };
    handle.addEventListener('pointerup', end, opts);
    handle.addEventListener('pointercancel', end, opts);
    handle.addEventListener(
      'click',
      (e) => {
        if (!e.isTrusted || (e.target as Element | null)?.closest?.('button')) return;
        if (swallowClick) {
          swallowClick = false;
          return;
        }
        h.toggle();
      },
      opts,
    );
    handle.addEventListener(
      'keydown',
      (e) => {
        if (!e.isTrusted || e.altKey || e.ctrlKey || e.metaKey) return;
        const arrow = ARROWS[e.key];
        if (e.key === 'Enter' || e.key === ' ') h.toggle();
        else if (arrow) {
          const step = e.shiftKey ? KEY_STEP_FAR : KEY_STEP;
          h.moveBy(arrow[0] * step, arrow[1] * step);
          clearTimeout(keyMoveTimer);
          keyMoveTimer = setTimeout(() => h.moved(), 400); // one save after a run of key presses
        } else return;
        e.preventDefault(); // no page scroll, no button activation twice
      },
      opts,
    );
  }
  // Escape closes the card wherever the focus is: a mouse user opened it without moving the focus
  // (clicks on the pill keep the page's focus), so the key goes to the page. Only Escape is looked
  // at, only while the card is open, and the page still gets it.
  const doc = panel.box.ownerDocument;
  doc.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted || e.key !== 'Escape' || h.mode() !== 'card') return;
      const inside = e.composedPath().includes(panel.box);
      h.collapse();
      if (inside) panel.bar.focus({ preventScroll: true });
    },
    { capture: true, signal },
  );
}
