/**
 * Where the panel goes: to the right of the price text, else below it, else above, kept inside the
 * viewport; in the top-right corner when there is no price element on screen (a title- or URL-based
 * reading, or the price scrolled out of view).
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const GAP = 10;
const MARGIN = 8;

export function placeNextTo(
  anchor: Box | null,
  panel: { width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number } {
  const maxLeft = Math.max(MARGIN, viewport.width - panel.width - MARGIN);
  const maxTop = Math.max(MARGIN, viewport.height - panel.height - MARGIN);
  const visible =
    anchor !== null &&
    anchor.width + anchor.height > 0 &&
    anchor.top + anchor.height > 0 &&
    anchor.top < viewport.height &&
    anchor.left + anchor.width > 0 &&
    anchor.left < viewport.width;
  if (!visible) return { left: maxLeft, top: MARGIN };
  const clamp = (v: number, max: number) => Math.min(Math.max(v, MARGIN), max);
  const right = anchor.left + anchor.width + GAP;
  if (right + panel.width <= viewport.width - MARGIN) return { left: right, top: clamp(anchor.top, maxTop) };
  const below = anchor.top + anchor.height + GAP;
  const top = below + panel.height <= viewport.height - MARGIN ? below : anchor.top - GAP - panel.height;
  return { left: clamp(anchor.left, maxLeft), top: clamp(top, maxTop) };
}

/**
 * The box of the element's text: the union of its text nodes' boxes (a range over the whole element
 * would include the full-width boxes of nested blocks), else the element's own box (an attribute-only
 * price element).
 */
export function textBox(el: Element): Box {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  const range = doc.createRange();
  let l = Number.POSITIVE_INFINITY;
  let t = Number.POSITIVE_INFINITY;
  let r = Number.NEGATIVE_INFINITY;
  let b = Number.NEGATIVE_INFINITY;
  for (let i = 0, n = walker.nextNode(); n && i < 32; i++, n = walker.nextNode()) {
    if (!n.nodeValue?.trim()) continue;
    range.selectNodeContents(n);
    const box = range.getBoundingClientRect?.();
    if (!box || box.width + box.height === 0) continue;
    l = Math.min(l, box.left);
    t = Math.min(t, box.top);
    r = Math.max(r, box.right);
    b = Math.max(b, box.bottom);
  }
  if (r > l && b > t) return { left: l, top: t, width: r - l, height: b - t };
  const box = el.getBoundingClientRect();
  return { left: box.left, top: box.top, width: box.width, height: box.height };
}
