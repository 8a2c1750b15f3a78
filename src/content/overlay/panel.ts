/**
 * The overlay's DOM: a closed shadow root (the page cannot read or restyle it) holding one box that
 * is a pill, a card or a dot, built with createElement + textContent only. The view arrives formatted
 * by the background (src/background/overlay/view-model.ts); nothing here parses or computes numbers.
 * A render only touches the text that changed, so a tick costs a few text assignments.
 *
 * The host carries nothing about the verdict: no attribute, no text, and a size that depends only on
 * the mode (styles.ts). It is a zero-size fixed element; the box inside is a manual popover so it
 * sits in the top layer, above the page's own popovers and dialogs (./top-layer.ts).
 */
import type { OverlayView } from '../../messaging/types.ts';
import { CARD, DOT, OVERLAY_CSS, PILL } from './styles.ts';

export type Mode = 'pill' | 'card' | 'dot';
export const SIZES: Record<Mode, { width: number; height: number }> = { pill: PILL, card: CARD, dot: DOT };

/** What the panel's own buttons do (the pill's click, keys and drag: ./controls.ts). */
export interface PanelActions {
  /** Shrink to a dot (true) or back to the pill (false). */
  dot(on: boolean): void;
  /** Hide on this tab (the keyboard command shows it again). */
  hide(): void;
}

export interface Panel {
  /** The shadow host in the page: no attributes, no content the page can read. */
  host: HTMLElement;
  /** The overlay's box (positioned by ./index.ts). */
  box: HTMLElement;
  /** The pill/card header: drag handle, focus target. */
  bar: HTMLElement;
  /** The dot's own button (drag handle in dot mode). */
  dotButton: HTMLElement;
  render(view: OverlayView): void;
  setMode(mode: Mode, upward: boolean): void;
  /** The keyboard command's key, for the hide button's hint. */
  setShortcut(shortcut: string | null): void;
  /** Grey with this reason: the background stopped answering (extension reloaded or removed). */
  disconnect(why: string): void;
}

/** Events that would bubble out of the shadow root (retargeted to the host) to the page's handlers. */
const CONTAINED = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'pointerdown',
  'pointerup',
  'pointermove',
  'mousedown',
  'mouseup',
  'touchstart',
  'touchmove',
  'touchend',
  'wheel',
  'keydown',
  'keyup',
  'keypress',
  'focusin',
  'focusout',
];

export function createPanel(doc: Document, actions: PanelActions, signal: AbortSignal): Panel {
  const opts = { signal };
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text = '') => {
    const n = doc.createElement(tag);
    if (cls) n.className = cls;
    if (text) n.textContent = text;
    return n;
  };
  const host = doc.createElement('gexfocus-overlay');
  const root = host.attachShadow({ mode: 'closed' });
  const style = el('style');
  style.textContent = OVERLAY_CSS;
  const box = el('div', 'o pill');
  box.setAttribute('popover', 'manual');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'GEXfocus');
  for (const type of CONTAINED) box.addEventListener(type, (e) => e.stopPropagation(), opts);
  // Clicking our controls must not take the focus from the page (an order ticket being typed in).
  box.addEventListener(
    'mousedown',
    (e) => {
      if (!(e.target as Element | null)?.closest?.('.body')) e.preventDefault();
    },
    opts,
  );

  const bar = el('div', 'bar');
  bar.tabIndex = 0;
  bar.setAttribute('role', 'button');
  bar.setAttribute('aria-expanded', 'false');
  const chip = el('span', 'chip');
  const word = el('span', 'word');
  const flip = el('span', 'flip');
  const l2 = el('span', 'l2');
  const l1 = el('span', 'l1');
  l1.append(word, flip);
  const txt = el('span', 'txt');
  txt.append(l1, l2);
  const min = el('button', 'min', '–');
  min.type = 'button';
  min.setAttribute('aria-label', 'Shrink the GEXfocus overlay to a dot');
  min.title = 'Shrink to a dot';
  min.addEventListener('click', () => actions.dot(true), opts);
  bar.append(el('span', 'grip'), chip, txt, min);

  const body = el('div', 'body');
  body.tabIndex = 0;
  const price = el('p', 'price');
  const line = el('p');
  const ladder = el('table');
  const flows = el('table', 'flows');
  const later = el('table', 'flows later');
  const notes = el('div');
  const tags = el('div', 'tags');
  const age = el('p', 'm');
  const model = el('p', 'm');
  const hide = el('button', '', 'Hide on this tab');
  hide.type = 'button';
  hide.addEventListener('click', () => actions.hide(), opts);
  const shrink = el('button', '', 'Dot');
  shrink.type = 'button';
  shrink.addEventListener('click', () => actions.dot(true), opts);
  const acts = el('div', 'acts');
  acts.append(hide, shrink);
  body.append(
    price,
    line,
    el('p', 'hd', 'Levels'),
    ladder,
    el('p', 'hd', 'Dealers’ hedge if…'),
    flows,
    el('p', 'hd', 'If the price holds'),
    later,
    notes,
    tags,
    age,
    model,
    acts,
  );

  const dotButton = el('div', 'dotb');
  dotButton.tabIndex = 0;
  dotButton.setAttribute('role', 'button');
  box.append(bar, body, dotButton);
  root.append(style, box);

  let label = '';
  let expanded = false;
  let disconnected: string | null = null;
  let view: OverlayView | null = null;
  let drawn: OverlayView | null = null;

  // What each node shows, kept here: comparing with the DOM would read it back on every tick. A node
  // that already holds one text node gets its `data` changed (a character-data change) rather than
  // `textContent` (which removes the text node and inserts a new one: a childList change with more
  // style and layout invalidation); text writes were the largest share of a tick in the content-script
  // bench (`set` ~10 of ~60 ms/min with the overlay drawn at 20 ticks/s).
  const shownText = new WeakMap<Node, string>();
  const textOf = new WeakMap<Node, Text>();
  const set = (n: Node, text: string) => {
    if (shownText.get(n) === text) return;
    shownText.set(n, text);
    const t = textOf.get(n);
    if (t && t.parentNode === n && n.childNodes.length === 1) {
      t.data = text;
      return;
    }
    n.textContent = text;
    const first = n.firstChild;
    if (first && first.nodeType === 3) textOf.set(n, first as Text);
  };

  type Row = { th: string; tds: [string, string][]; cls?: string; title?: string };
  // What each table and list was built from, and its cells, kept in JS: reading classes, titles and
  // `children` back from the DOM on every tick cost more than the text writes themselves.
  const built = new WeakMap<HTMLElement, { shape: string[]; cells: Node[][] }>();

  /** Flat records (or strings) equal field by field: a tick's unchanged lists are skipped untouched. */
  const sameList = <T extends object | string>(a: readonly T[] | undefined, b: readonly T[]) =>
    a !== undefined &&
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      if (x === y) return true;
      if (typeof x !== 'object' || typeof y !== 'object') return false;
      const xs = x as Record<string, unknown>;
      const ys = y as Record<string, unknown>;
      for (const k in xs) if (xs[k] !== ys[k]) return false;
      for (const k in ys) if (!(k in xs)) return false;
      return true;
    });

  /** The table's rows: the same shape (labels, classes) updates the cells' text in place. */
  function rows(table: HTMLElement, data: Row[]) {
    const shape = data.map(
      (r) => `${r.th}\u0000${r.cls ?? ''}\u0000${r.title ?? ''}\u0000${r.tds.map(([c]) => c)}`,
    );
    const was = built.get(table);
    if (was && sameList(was.shape, shape)) {
      data.forEach((r, i) => {
        const cells = was.cells[i]!;
        r.tds.forEach(([, text], j) => {
          set(cells[j]!, text);
        });
      });
      return;
    }
    const cells: Node[][] = [];
    table.replaceChildren(
      ...data.map((r) => {
        const tr = el('tr', r.cls ?? '');
        if (r.title) tr.title = r.title;
        const tds = r.tds.map(([cls, text]) => {
          const td = el('td', cls);
          set(td, text);
          return td;
        });
        cells.push(tds);
        tr.append(el('th', '', r.th), ...tds);
        return tr;
      }),
    );
    built.set(table, { shape, cells });
  }

  /** Paragraphs or tags: the same classes in the same order update their text in place. */
  function lines(box: HTMLElement, tag: 'p' | 'span', data: [string, string][]) {
    const shape = data.map(([c]) => c);
    const was = built.get(box);
    if (was && sameList(was.shape, shape)) {
      data.forEach(([, text], i) => {
        set(was.cells[0]![i]!, text);
      });
      return;
    }
    const items = data.map(([c, text]) => {
      const n = el(tag, c);
      set(n, text);
      return n;
    });
    box.replaceChildren(...items);
    built.set(box, { shape, cells: [items] });
  }

  function draw(): void {
    if (!view) return;
    const v = view;
    const stale = disconnected !== null || v.stale;
    const why = disconnected ?? v.staleWhy;
    const classes = [
      'o',
      mode,
      v.verdict,
      v.palette === 'classic' ? 'classic' : '',
      stale ? 'stale' : '',
      up ? 'up' : '',
    ];
    const className = classes.filter(Boolean).join(' ');
    if (box.className !== className) box.className = className;
    set(chip, v.glyph);
    set(dotButton, v.glyph);
    set(word, v.word);
    set(flip, v.flip);
    set(l2, stale && why ? why : v.move);
    const said = disconnected ? `${v.label}. Not live: ${disconnected}` : v.label;
    if (said !== label) {
      label = said;
      bar.setAttribute(
        'aria-label',
        `${said}. Enter shows ${mode === 'card' ? 'less' : 'the details'}; arrow keys move it.`,
      );
      dotButton.setAttribute('aria-label', `${said}. Enter shows the pill.`);
    }
    if (expanded !== (mode === 'card')) {
      expanded = mode === 'card';
      bar.setAttribute('aria-expanded', String(expanded));
    }
    // The card's text only while it is open (and once at the start): at 20 ticks/s its ladder's
    // distances were half of the overlay's cost per tick while hidden behind the pill. Opening the
    // card draws it from the latest view (setMode → draw).
    if (mode !== 'card' && drawn !== null) return;
    set(price, v.price);
    set(line, v.line);
    // Per list, against what was drawn last (the ladder's distances change with every tick, the notes
    // rarely): no serialising of the view on a tick.
    const before = drawn;
    drawn = v;
    if (!sameList(before?.ladder, v.ladder))
      rows(
        ladder,
        v.ladder.map((r) => ({
          th: r.label,
          tds: [
            ['', r.value],
            ['d', r.distance],
          ],
          cls: r.here ? 'here' : '',
          title: r.hint,
        })),
      );
    if (!sameList(before?.flows, v.flows))
      rows(
        flows,
        v.flows.map((f) => ({ th: f.label, tds: [['', f.value]] })),
      );
    if (!sameList(before?.later, v.later))
      rows(
        later,
        v.later.map((f) => ({ th: f.label, tds: [['', f.value]] })),
      );
    if (!sameList(before?.notes, v.notes))
      lines(
        notes,
        'p',
        v.notes.map((n) => [n.warn ? 'w' : 'm', n.text]),
      );
    if (!sameList(before?.flags, v.flags))
      lines(
        tags,
        'span',
        v.flags.map((f) => ['tag', f]),
      );
    set(age, v.age);
    set(model, `Model: ${v.model}`);
  }

  let mode: Mode = 'pill';
  let up = false;

  return {
    host,
    box,
    bar,
    dotButton,
    render(v) {
      // No whole-view key (a JSON.stringify of the view on every push was ~8 ms/min at 20 ticks/s):
      // draw() compares field by field, so a repeated view writes nothing.
      disconnected = null;
      view = v;
      draw();
    },
    setMode(m, upward) {
      mode = m;
      up = upward;
      label = ''; // the hint in the label depends on the mode
      draw();
    },
    setShortcut(shortcut) {
      hide.title = shortcut ? `${shortcut} shows it again` : 'The keyboard command shows it again';
      set(hide, shortcut ? `Hide on this tab (${shortcut})` : 'Hide on this tab');
    },
    disconnect(why) {
      disconnected = why;
      label = '';
      draw();
    },
  };
}
