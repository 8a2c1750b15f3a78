import { describe, expect, it } from 'vitest';
import { boxAt, clearOf, DEFAULT_PLACE, MARGIN, overlaps, placeOf } from '../../src/content/overlay/place.ts';

const viewport = { width: 1200, height: 800 };
const pill = { width: 280, height: 34 };

describe('where the overlay goes', () => {
  it('sits bottom-left by default, clear of a chart’s right-hand price scale', () => {
    expect(boxAt(DEFAULT_PLACE, pill, viewport)).toEqual({ left: MARGIN, top: 800 - 34 - MARGIN, ...pill });
  });

  it('turns a dropped position into fractions of the free space and back, exactly', () => {
    for (const [left, top] of [
      [8, 8],
      [300, 200],
      [912, 758],
    ] as const) {
      const place = placeOf(left, top, pill, viewport);
      const box = boxAt(place, pill, viewport);
      expect(box.left).toBeCloseTo(left, 9);
      expect(box.top).toBeCloseTo(top, 9);
    }
  });

  it('keeps a place inside any viewport: a pill at the right edge stays at the right edge when it narrows', () => {
    const place = placeOf(1200 - 280 - MARGIN, 400, pill, viewport);
    expect(place.x).toBe(1);
    const small = { width: 500, height: 300 };
    const box = boxAt(place, pill, small);
    expect(box.left + box.width).toBe(500 - MARGIN);
    expect(box.top + box.height).toBeLessThanOrEqual(300 - MARGIN);
    expect(placeOf(-500, 5000, pill, viewport)).toEqual({ x: 0, y: 1 });
  });

  it('puts a viewport smaller than the box at the margin rather than off screen', () => {
    expect(boxAt({ x: 1, y: 1 }, pill, { width: 200, height: 20 })).toMatchObject({
      left: MARGIN,
      top: MARGIN,
    });
    expect(boxAt({ x: Number.NaN, y: 2 }, pill, viewport)).toMatchObject({
      left: MARGIN,
      top: 800 - 34 - MARGIN,
    });
  });
});

describe('keeping clear of the price it reads', () => {
  const price = { left: 500, top: 300, width: 120, height: 30 };

  it('leaves the box alone when it does not cover the price', () => {
    const box = { left: 8, top: 758, ...pill };
    expect(clearOf(box, price, viewport)).toBe(box);
    expect(clearOf(box, null, viewport)).toBe(box);
  });

  it('moves a box dropped on the price to the nearest side that fits, and never onto it', () => {
    const onTop = { left: 480, top: 305, ...pill };
    const moved = clearOf(onTop, price, viewport);
    expect(overlaps(moved, price, 0)).toBe(false);
    expect(moved.left).toBe(480); // the nearest move is vertical
    expect(moved.top).toBe(300 + 30 + 6); // just below (it was dropped lower than the price's top)
    const higher = clearOf({ ...onTop, top: 290 }, price, viewport);
    expect(higher.top).toBe(300 - 6 - 34); // just above
  });

  it('goes sideways when above and below do not fit (a price as tall as the window)', () => {
    const tall = { left: 500, top: 0, width: 100, height: 800 };
    const moved = clearOf({ left: 450, top: 300, ...pill }, tall, viewport);
    expect(overlaps(moved, tall, 0)).toBe(false);
    expect(moved.left).toBe(500 + 100 + 6); // right of it: 156 px away, nearer than the left (236 px)
    expect(clearOf({ left: 300, top: 300, ...pill }, tall, viewport).left).toBe(500 - 6 - 280);
  });

  it('stays where the user put it when no side fits at all', () => {
    const huge = { left: 0, top: 0, width: 1200, height: 800 };
    const box = { left: 100, top: 100, ...pill };
    expect(clearOf(box, huge, viewport)).toBe(box);
  });
});
