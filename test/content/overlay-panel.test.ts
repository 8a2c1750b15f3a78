// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createPanel } from '../../src/content/overlay/panel.ts';
import { placeNextTo } from '../../src/content/overlay/place.ts';
import type { OverlayView } from '../../src/messaging/types.ts';

const view = (over: Partial<OverlayView> = {}): OverlayView => ({
  verdict: 'stabilizing',
  title: 'Stabilizing',
  price: 'at 4,512.40',
  line: 'Dealer hedging sells strength and buys weakness here.',
  rows: [
    { label: 'Gamma flip', value: '4,494.30', distance: '−0.40 %' },
    { label: 'Call wall', value: '4,500.00', distance: '−0.27 %' },
  ],
  flow: 'Dealer hedge if +1 %: sell $1.00 bn · if −1 %: buy $1.00 bn (SPX notional)',
  units: 'Net GEX +$2.00 bn per 1 % move · levels in .INX prices',
  notes: [{ text: 'SPX chain from 2023-09-14 16:31 New York, 700 d old: stale', warn: true }],
  flags: ['guess'],
  ...over,
});

describe('the overlay panel', () => {
  it('draws every string of the view and marks the host with the verdict only', () => {
    const panel = createPanel(document, () => undefined);
    document.body.append(panel.host);
    panel.render(view());
    const text = panel.box.textContent ?? '';
    for (const s of [
      'Stabilizing',
      'at 4,512.40',
      'Gamma flip',
      '4,494.30',
      '−0.40 %',
      'sell $1.00 bn',
      'stale',
      'guess',
    ])
      expect(text).toContain(s);
    expect(panel.host.dataset.gexfocusVerdict).toBe('stabilizing');
    expect(panel.box.className).toBe('p stabilizing');
    // Closed shadow root: the page sees the host but not what is inside.
    expect(panel.host.shadowRoot).toBeNull();
    expect(panel.host.textContent).toBe('');
    panel.host.remove();
  });

  it('shows markup in the view as text, never as elements', () => {
    const panel = createPanel(document, () => undefined);
    panel.render(view({ line: '<img src=x onerror="alert(1)">', flags: ['<b>x</b>'] }));
    expect(panel.box.querySelector('img, b')).toBeNull();
    expect(panel.box.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('replaces its content on each render instead of piling it up', () => {
    const panel = createPanel(document, () => undefined);
    panel.render(view());
    panel.render(view({ verdict: 'transition', title: 'Transition', price: 'at 4,513.00', flags: [] }));
    expect(panel.box.querySelectorAll('table').length).toBe(1);
    expect(panel.box.textContent).toContain('Transition');
    expect(panel.box.textContent).not.toContain('Stabilizing');
    expect(panel.box.textContent).not.toContain('guess');
    expect(panel.host.dataset.gexfocusVerdict).toBe('transition');
  });

  it('closes from its button without taking focus or letting the click reach the page', () => {
    const onClose = vi.fn();
    const pageClick = vi.fn();
    document.addEventListener('click', pageClick);
    const panel = createPanel(document, onClose);
    document.body.append(panel.host);
    panel.render(view());
    const button = panel.box.querySelector('button')!;
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true });
    button.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    expect(button.tabIndex).toBe(-1);
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(pageClick).not.toHaveBeenCalled();
    document.removeEventListener('click', pageClick);
    panel.host.remove();
  });
});

describe('where the overlay goes', () => {
  const viewport = { width: 1200, height: 800 };
  const panel = { width: 300, height: 200 };

  it('sits to the right of the price when it fits', () => {
    const price = { left: 100, top: 120, width: 80, height: 30 };
    expect(placeNextTo(price, panel, viewport)).toEqual({ left: 190, top: 120 });
  });

  it('goes below the price near the right edge, and above it near the bottom', () => {
    expect(placeNextTo({ left: 1000, top: 100, width: 100, height: 30 }, panel, viewport)).toEqual({
      left: 892,
      top: 140,
    });
    expect(placeNextTo({ left: 1000, top: 700, width: 100, height: 30 }, panel, viewport)).toEqual({
      left: 892,
      top: 490,
    });
  });

  it('falls back to the top-right corner without a price element or when it is scrolled away', () => {
    expect(placeNextTo(null, panel, viewport)).toEqual({ left: 892, top: 8 });
    expect(placeNextTo({ left: 100, top: -300, width: 80, height: 30 }, panel, viewport)).toEqual({
      left: 892,
      top: 8,
    });
  });
});
