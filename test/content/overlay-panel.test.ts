// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { wireControls } from '../../src/content/overlay/controls.ts';
import { createPanel } from '../../src/content/overlay/panel.ts';
import { OVERLAY_CSS } from '../../src/content/overlay/styles.ts';
import type { OverlayView } from '../../src/messaging/types.ts';

const view = (over: Partial<OverlayView> = {}): OverlayView => ({
  verdict: 'stabilizing',
  stale: false,
  staleWhy: null,
  palette: 'okabe-ito',
  glyph: '+γ',
  word: 'Stabilizing',
  flip: 'flip −0.40 %',
  move: '+1 %: sell $1.00 bn (≈ 4,439 ES)',
  label: 'GEXfocus: Stabilizing at SPX 4,512.40',
  price: 'SPX 4,512.40',
  line: 'Dealer hedging sells strength and buys weakness here.',
  ladder: [
    { label: 'Call wall', value: '4,550.00', distance: '+0.83 %', here: false, hint: 'Call wall: …' },
    { label: '▶ Price', value: '4,512.40', distance: '', here: true, hint: 'The page’s price now.' },
    { label: 'Gamma flip', value: '4,494.30', distance: '−0.40 %', here: false, hint: 'Gamma flip: …' },
  ],
  flows: [{ label: 'Price +1 %', value: 'sell $1.00 bn (≈ 4,439 ES)' }],
  later: [{ label: 'At 15:55', value: 'stabilizing, flip 4,494.10' }],
  age: 'SPX chain from 2023-09-14 16:31 New York, 1 h 0 min old',
  model: 'live · all expirations · dealers long calls, short puts · open interest',
  notes: [{ text: 'Net GEX +$2.00 bn per 1 % move', warn: false }],
  flags: ['guess'],
  ...over,
});

const actions = () => ({ dot: vi.fn(), hide: vi.fn() });

function mounted(v = view()) {
  const ctl = new AbortController();
  const a = actions();
  const panel = createPanel(document, a, ctl.signal);
  document.body.append(panel.host);
  panel.render(v);
  const done = () => {
    ctl.abort();
    panel.host.remove();
  };
  return { panel, a, ctl, done };
}

describe('the overlay panel', () => {
  it('draws every string of the view inside a closed shadow root, and nothing on the host', () => {
    const { panel, done } = mounted();
    const text = panel.box.textContent ?? '';
    for (const s of [
      '+γ',
      'Stabilizing',
      'flip −0.40 %',
      '+1 %: sell $1.00 bn',
      'SPX 4,512.40',
      'Call wall',
      '▶ Price',
      '−0.40 %',
      'At 15:55',
      'guess',
      '1 h 0 min old',
    ])
      expect(text).toContain(s);
    // The page sees a host with no attribute, no text, no shadowRoot: nothing about the verdict.
    expect(panel.host.attributes.length).toBe(0);
    expect(panel.host.shadowRoot).toBeNull();
    expect(panel.host.textContent).toBe('');
    expect(panel.bar.getAttribute('aria-label')).toContain('GEXfocus: Stabilizing at SPX 4,512.40');
    expect(panel.bar.getAttribute('role')).toBe('button');
    expect(panel.bar.tabIndex).toBe(0);
    expect(panel.box.getAttribute('popover')).toBe('manual');
    done();
  });

  it('shows markup in the view as text, never as elements', () => {
    const { panel, done } = mounted(view({ line: '<img src=x onerror="alert(1)">', flags: ['<b>x</b>'] }));
    expect(panel.box.querySelector('img, b')).toBeNull();
    expect(panel.box.textContent).toContain('<img src=x onerror="alert(1)">');
    done();
  });

  it('updates the text in place on a tick and rebuilds the tables only when they change', () => {
    const { panel, done } = mounted();
    panel.setMode('card', false);
    const firstRow = panel.box.querySelector('tr');
    panel.render(view({ word: 'Transition', verdict: 'transition', glyph: '≈', price: 'SPX 4,513.00' }));
    expect(panel.box.querySelector('tr')).toBe(firstRow); // same ladder: same rows
    expect(panel.box.textContent).toContain('Transition');
    expect(panel.box.className).toContain('transition');
    expect(panel.box.className).not.toContain('stabilizing');
    panel.render(view({ flags: [] }));
    expect(panel.box.textContent).not.toContain('guess');
    done();
  });

  it('leaves the hidden card alone while it is a pill, and draws the latest view when it opens', () => {
    const { panel, done } = mounted();
    const ladderText = () => [...panel.box.querySelectorAll('td')].map((td) => td.textContent).join(' ');
    panel.render(view({ word: 'Transition', price: 'SPX 4,520.00', flags: [], ladder: [] }));
    expect(panel.box.textContent).toContain('Transition'); // the pill follows every tick
    expect(panel.box.textContent).toContain('SPX 4,512.40'); // the hidden card does not
    expect(ladderText()).toContain('+0.83 %');
    panel.setMode('card', false);
    expect(panel.box.textContent).toContain('SPX 4,520.00');
    expect(panel.box.textContent).not.toContain('guess');
    expect(ladderText()).not.toContain('+0.83 %');
    done();
  });

  it('draws a view that is not live in grey, with the reason in the pill instead of the trade', () => {
    const { panel, done } = mounted(view({ stale: true, staleWhy: 'chain 2 d 4 h old' }));
    expect(panel.box.classList.contains('stale')).toBe(true);
    expect(panel.box.querySelector('.l2')?.textContent).toBe('chain 2 d 4 h old');
    panel.render(view());
    expect(panel.box.classList.contains('stale')).toBe(false);
    panel.disconnect('GEXfocus stopped updating: reload the page');
    expect(panel.box.classList.contains('stale')).toBe(true);
    expect(panel.box.querySelector('.l2')?.textContent).toBe('GEXfocus stopped updating: reload the page');
    expect(panel.bar.getAttribute('aria-label')).toContain('Not live: GEXfocus stopped updating');
    done();
  });

  it('shrinks to a dot and hides on this tab from its buttons, without the click reaching the page', () => {
    const { panel, a, done } = mounted();
    const pageClick = vi.fn();
    document.addEventListener('click', pageClick);
    panel.box.querySelector<HTMLElement>('.min')!.click();
    expect(a.dot).toHaveBeenCalledWith(true);
    const hide = [...panel.box.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Hide'))!;
    hide.click();
    expect(a.hide).toHaveBeenCalledOnce();
    expect(pageClick).not.toHaveBeenCalled();
    document.removeEventListener('click', pageClick);
    done();
  });

  it('names the keyboard command on its hide button', () => {
    const { panel, done } = mounted();
    panel.setShortcut('Alt+Shift+G');
    expect(panel.box.textContent).toContain('Hide on this tab (Alt+Shift+G)');
    done();
  });

  it('ignores input the page makes up: synthetic clicks and keys neither open nor move it', () => {
    const { panel, ctl, done } = mounted();
    const h = {
      mode: () => 'pill' as const,
      toggle: vi.fn(),
      collapse: vi.fn(),
      position: () => ({ left: 8, top: 8 }),
      dragTo: vi.fn(),
      moved: vi.fn(),
      moveBy: vi.fn(),
    };
    wireControls(panel, h, ctl.signal);
    panel.bar.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    panel.bar.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    panel.bar.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    panel.bar.dispatchEvent(
      new PointerEvent('pointerdown', { bubbles: true, pointerId: 1, clientX: 10, clientY: 10 }),
    );
    panel.bar.dispatchEvent(
      new PointerEvent('pointermove', { bubbles: true, pointerId: 1, clientX: 90, clientY: 90 }),
    );
    expect(h.toggle).not.toHaveBeenCalled();
    expect(h.moveBy).not.toHaveBeenCalled();
    expect(h.dragTo).not.toHaveBeenCalled();
    done();
  });

  it('stops listening when its signal aborts', () => {
    const { panel, a, ctl } = mounted();
    ctl.abort();
    panel.box.querySelector<HTMLElement>('.min')!.click();
    expect(a.dot).not.toHaveBeenCalled();
  });
});

describe('the overlay styles', () => {
  it('size the box by its mode only: no rule that names a verdict sets a size', () => {
    const rules = [...OVERLAY_CSS.replace(/@media[^{]*\{/g, '').matchAll(/([^{}]+)\{([^}]*)\}/g)];
    const verdictRules = rules.filter(([, sel]) =>
      /stabilizing|accelerating|transition|stale|classic/.test(sel!),
    );
    expect(verdictRules.length).toBeGreaterThan(0);
    for (const [, sel, body] of verdictRules) {
      expect(body, sel).not.toMatch(/(^|;)\s*(width|height|padding|font|border|margin|inset|left|top)\s*:/);
    }
  });

  it('resets the host against the page with !important and lets clicks through it', () => {
    const host = /:host\{([^}]*)\}/.exec(OVERLAY_CSS)![1]!;
    for (const d of [
      'all:initial!important',
      'width:0!important',
      'height:0!important',
      'pointer-events:none!important',
    ])
      expect(host).toContain(d);
  });
});
