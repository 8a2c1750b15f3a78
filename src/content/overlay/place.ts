/**
 * Where the overlay goes (pure geometry, CSS px of the viewport). The user's place is a fraction of
 * the free space (0 = flush left/top, 1 = flush right/bottom, inside a margin), so it survives resizes
 * and zoom changes and is clamped by construction; every mode (pill, dot, card) sits at the same
 * fractions. The default is bottom-left: a chart's price scale is on its right (TradingView,
 * broker-pages.md §1c) and its toolbars on top.
 *
 * The overlay never covers the price element it reads: when the box would overlap the price's text,
 * it moves just above, below, left or right of it, whichever is nearest the user's place and fits.
 */
import type { OverlayPlace } from '../../messaging/types.ts';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}
export interface Size {
  width: number;
  height: number;
}

export const MARGIN = 8;
/** Space kept between the overlay and the price it reads. */
export const GAP = 6;
export const DEFAULT_PLACE: OverlayPlace = { x: 0, y: 1, dot: false };

const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
const free = (view: number, size: number) => Math.max(0, view - size - 2 * MARGIN);

/** The box's top-left for a place (fractions) in a viewport. */
export function boxAt(place: { x: number; y: number }, size: Size, viewport: Size): Box {
  return {
    left: MARGIN + clamp01(place.x) * free(viewport.width, size.width),
    top: MARGIN + clamp01(place.y) * free(viewport.height, size.height),
    width: size.width,
    height: size.height,
  };
}

/** The fractions of a box dropped at (left, top): the inverse of boxAt, clamped into the viewport. */
export function placeOf(left: number, top: number, size: Size, viewport: Size): { x: number; y: number } {
  const fx = free(viewport.width, size.width);
  const fy = free(viewport.height, size.height);
  return {
    x: fx > 0 ? clamp01((left - MARGIN) / fx) : 0,
    y: fy > 0 ? clamp01((top - MARGIN) / fy) : 0,
  };
}

export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return (
    a.left < b.left + b.width + gap &&
    b.left < a.left + a.width + gap &&
    a.top < b.top + b.height + gap &&
    b.top < a.top + a.height + gap
  );
}

function inside(b: Box, viewport: Size): boolean {
  return (
    b.left >= 0 && b.top >= 0 && b.left + b.width <= viewport.width && b.top + b.height <= viewport.height
  );
}

/**
 * The box, moved aside when it would cover `avoid` (the price text). Tries each side of the price,
 * keeping the other coordinate; the nearest candidate that fits in the viewport wins. When none fits
 * (a tiny viewport), the box stays where the user put it.
 */
export function clearOf(box: Box, avoid: Box | null, viewport: Size): Box {
  if (!avoid || avoid.width + avoid.height <= 0 || !overlaps(box, avoid, GAP)) return box;
  const clampX = (l: number) =>
    Math.min(Math.max(l, MARGIN), Math.max(MARGIN, viewport.width - box.width - MARGIN));
  const clampY = (t: number) =>
    Math.min(Math.max(t, MARGIN), Math.max(MARGIN, viewport.height - box.height - MARGIN));
  const candidates: Box[] = [
    { ...box, top: avoid.top - GAP - box.height },
    { ...box, top: avoid.top + avoid.height + GAP },
    { ...box, left: avoid.left - GAP - box.width },
    { ...box, left: avoid.left + avoid.width + GAP },
    // Diagonal corners, for a price so wide or tall that the straight moves do not fit.
    { ...box, left: clampX(avoid.left - GAP - box.width), top: clampY(avoid.top - GAP - box.height) },
    { ...box, left: clampX(avoid.left + avoid.width + GAP), top: clampY(avoid.top + avoid.height + GAP) },
  ];
  let best: Box | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (!inside(c, viewport) || overlaps(c, avoid, GAP - 0.5)) continue;
    const cost = Math.hypot(c.left - box.left, c.top - box.top);
    if (cost < bestCost) {
      best = c;
      bestCost = cost;
    }
  }
  return best ?? box;
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
