/**
 * The overlay panel: a closed shadow root (the page cannot read or restyle it) holding DOM built with
 * createElement + textContent only. The view arrives already formatted by the background
 * (src/background/overlay/view-model.ts); nothing here parses or computes numbers.
 */
import type { OverlayView } from '../../messaging/types.ts';
import { OVERLAY_CSS } from './styles.ts';

export interface Panel {
  /** The shadow host in the page (carries only `data-gexfocus-verdict`). */
  host: HTMLElement;
  /** The panel box inside the shadow root (positioned by ./place.ts). */
  box: HTMLElement;
  render(view: OverlayView): void;
}

// Events that would otherwise bubble out of the shadow root (retargeted to the host) and reach the
// page's own handlers: the page should not act on clicks and keys meant for the panel.
const CONTAINED = [
  'click',
  'dblclick',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'keydown',
  'keyup',
];

export function createPanel(doc: Document, onClose: () => void): Panel {
  const host = doc.createElement('gexfocus-overlay');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = OVERLAY_CSS;
  const box = doc.createElement('div');
  box.setAttribute('role', 'status');
  for (const type of CONTAINED) box.addEventListener(type, (e) => e.stopPropagation());
  root.append(style, box);

  const el = (tag: string, cls: string, text = '') => {
    const n = doc.createElement(tag);
    if (cls) n.className = cls;
    n.textContent = text;
    return n;
  };

  const close = el('button', 'b', '×');
  close.setAttribute('type', 'button');
  close.setAttribute('aria-label', 'Hide the GEXfocus overlay on this page');
  close.setAttribute('title', 'Hide on this page');
  close.tabIndex = -1;
  // No focus change on the page: keep the mouse-down from focusing the button.
  close.addEventListener('mousedown', (e) => e.preventDefault());
  close.addEventListener('click', () => onClose());

  function render(v: OverlayView): void {
    host.dataset.gexfocusVerdict = v.verdict;
    box.className = `p ${v.verdict}`;
    const head = el('div', 'h');
    head.append(el('span', 'd'), el('span', 't', v.title), el('span', 's', v.price), close);
    const table = el('table', '');
    for (const r of v.rows) {
      const tr = el('tr', '');
      tr.append(el('th', '', r.label), el('td', '', r.value), el('td', '', r.distance));
      table.append(tr);
    }
    const parts: Node[] = [head, el('p', '', v.line), table, el('p', 'm', v.flow), el('p', 'm', v.units)];
    for (const n of v.notes) parts.push(el('p', n.warn ? 'w' : 'm', n.text));
    if (v.flags.length > 0) {
      const flags = el('div', 'f');
      for (const f of v.flags) flags.append(el('span', 'g', f));
      parts.push(flags);
    }
    box.replaceChildren(...parts);
  }

  return { host, box, render };
}
