/**
 * The picker's on-page UI: a highlight box over the price under the pointer and a short banner, in a
 * closed shadow root (page CSS and scripts cannot reach in), built with DOM APIs and textContent.
 * Resolves with the element the user picked, or null when cancelled (Esc) or aborted.
 *
 * Trust (issue 9.5): only trusted input counts (`isTrusted`), so a page cannot pick for the user by
 * dispatching synthetic events. And the pick click does not reach the page: a transparent shield of
 * ours covers the viewport while picking (in the top layer, above the page's own popovers), so the
 * pointer events land on it, not on the page's elements — a page's capture listener on window would
 * otherwise see the click on its price element before any listener of ours could stop it. The
 * element under the pointer is found with elementsFromPoint, below the shield.
 */
import { priceElementAt } from './selectors.ts';

const CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important;
  display: block !important; pointer-events: none !important; }
.shield { all: initial; position: fixed; inset: 0; margin: 0; padding: 0; border: 0; width: 100vw; height: 100vh;
  max-width: none; max-height: none; background: transparent; cursor: crosshair; pointer-events: auto;
  overflow: hidden; display: block; }
.shield::backdrop { display: none; }
.box { position: fixed; pointer-events: none; border: 2px solid #2563eb; background: rgba(37,99,235,.12);
  border-radius: 3px; display: none; box-sizing: border-box; }
.bar { position: fixed; top: 8px; left: 50%; transform: translateX(-50%); pointer-events: none;
  font: 13px/1.4 system-ui, sans-serif; color: #fff; background: #1e293b; padding: 6px 12px;
  border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
.bar.warn { background: #b45309; }
`;

/** Events the shield takes while picking; none of them reaches the page's elements. */
const SWALLOWED = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick', 'contextmenu'];

export function pickElement(doc: Document, signal: AbortSignal): Promise<Element | null> {
  return new Promise((resolve) => {
    const done = new AbortController();
    const stop = AbortSignal.any([signal, done.signal]);
    const host = doc.createElement('gexfocus-picker');
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    const shield = doc.createElement('div');
    shield.className = 'shield';
    shield.setAttribute('popover', 'manual');
    const box = doc.createElement('div');
    box.className = 'box';
    const bar = doc.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'status');
    bar.textContent = 'GEXfocus: click the price to follow · Esc cancels';
    shield.append(box, bar);
    root.append(style, shield);
    doc.documentElement.append(host);
    try {
      shield.showPopover?.();
    } catch {
      // No Popover API: the shield is still a fixed element on top of the page's z-indexes.
    }

    let current: Element | null = null;
    const finish = (el: Element | null) => {
      resolve(el); // before abort: the abort listener resolves null
      done.abort();
    };
    stop.addEventListener('abort', () => {
      host.remove();
      resolve(null);
    });

    /** The page's element under a viewport point (ours excluded). */
    const pageElementAt = (x: number, y: number): Element | null =>
      doc.elementsFromPoint(x, y).find((el) => el !== host && !host.contains(el)) ?? null;

    const opts = { signal: stop };
    shield.addEventListener(
      'pointermove',
      (e) => {
        if (!e.isTrusted) return;
        current = priceElementAt(pageElementAt(e.clientX, e.clientY));
        const r = current?.getBoundingClientRect();
        box.style.display = r ? 'block' : 'none';
        if (r)
          Object.assign(box.style, {
            left: `${r.left - 2}px`,
            top: `${r.top - 2}px`,
            width: `${r.width + 4}px`,
            height: `${r.height + 4}px`,
          });
      },
      { ...opts, passive: true },
    );
    for (const type of SWALLOWED) {
      shield.addEventListener(
        type,
        (e) => {
          e.preventDefault();
          e.stopPropagation(); // our host is all the page could see, and not even that when bubbling
          if (type !== 'click' || !e.isTrusted) return;
          const me = e as MouseEvent;
          const picked = priceElementAt(pageElementAt(me.clientX, me.clientY)) ?? current;
          if (picked) finish(picked);
          else {
            bar.className = 'bar warn';
            bar.textContent = 'That is not a number: click the price itself · Esc cancels';
          }
        },
        opts,
      );
    }
    doc.addEventListener(
      'keydown',
      (e) => {
        if (!e.isTrusted || e.key !== 'Escape') return;
        e.preventDefault();
        e.stopImmediatePropagation();
        finish(null);
      },
      { ...opts, capture: true },
    );
  });
}
