/**
 * The picker's on-page UI: a highlight box over the price under the pointer and a short banner, in a
 * closed shadow root (page CSS and scripts cannot reach in), built with DOM APIs and textContent.
 * The click is swallowed so the page does not act on it; Esc cancels. Resolves with the element the
 * user picked, or null when cancelled or aborted.
 */
import { priceElementAt } from './selectors.ts';

const CSS = `
:host { all: initial; }
.box { position: fixed; pointer-events: none; border: 2px solid #2563eb; background: rgba(37,99,235,.12);
  border-radius: 3px; display: none; box-sizing: border-box; }
.bar { position: fixed; top: 8px; left: 50%; transform: translateX(-50%); pointer-events: none;
  font: 13px/1.4 system-ui, sans-serif; color: #fff; background: #1e293b; padding: 6px 12px;
  border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
.bar.warn { background: #b45309; }
`;

export function pickElement(doc: Document, signal: AbortSignal): Promise<Element | null> {
  return new Promise((resolve) => {
    const done = new AbortController();
    const stop = AbortSignal.any([signal, done.signal]);
    const host = doc.createElement('gexfocus-picker');
    host.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;';
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS;
    const box = doc.createElement('div');
    box.className = 'box';
    const bar = doc.createElement('div');
    bar.className = 'bar';
    bar.textContent = 'GEXfocus: click the price to follow · Esc cancels';
    root.append(style, box, bar);
    doc.documentElement.append(host);

    let current: Element | null = null;
    const finish = (el: Element | null) => {
      resolve(el); // before abort: the abort listener resolves null
      done.abort();
    };
    stop.addEventListener('abort', () => {
      host.remove();
      resolve(null);
    });

    const at = (e: Event) =>
      e.composedPath()[0] instanceof Element ? (e.composedPath()[0] as Element) : null;
    const opts = { capture: true, signal: stop };
    doc.addEventListener(
      'pointermove',
      (e) => {
        current = priceElementAt(at(e));
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
    const swallow = (e: Event) => {
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup'] as const)
      doc.addEventListener(type, swallow, opts);
    doc.addEventListener(
      'click',
      (e) => {
        swallow(e);
        const picked = priceElementAt(at(e)) ?? current;
        if (picked) finish(picked);
        else {
          bar.className = 'bar warn';
          bar.textContent = 'That is not a number: click the price itself · Esc cancels';
        }
      },
      opts,
    );
    doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Escape') return;
        swallow(e);
        finish(null);
      },
      opts,
    );
  });
}
