/**
 * The details below the ladder, one view at a time (the popup fits 400 × 600 px without scrolling):
 * the GEX chart, the hedge-flow curve, what moves the hedge. WAI-ARIA tabs: arrow keys move between
 * them; the choice is remembered for the next time the popup opens.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export type View = 'chart' | 'flow' | 'drivers';
export const VIEWS: { id: View; label: string }[] = [
  { id: 'chart', label: 'GEX by strike' },
  { id: 'flow', label: 'Hedge flow' },
  { id: 'drivers', label: 'What moves it' },
];
const KEY = 'gexfocus:popup-view';

function remembered(): View {
  try {
    const v = localStorage.getItem(KEY);
    return VIEWS.some((x) => x.id === v) ? (v as View) : 'chart';
  } catch {
    return 'chart';
  }
}

export function ViewSwitch({ render }: { render(view: View): ComponentChildren }) {
  const [view, setView] = useState<View>(remembered);
  const choose = (v: View, focus = false) => {
    setView(v);
    try {
      localStorage.setItem(KEY, v);
    } catch {
      // Storage refused (private mode): the choice lasts while the popup is open.
    }
    if (focus) document.getElementById(`tab-${v}`)?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const i = VIEWS.findIndex((x) => x.id === view);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    choose(VIEWS[(i + step + VIEWS.length) % VIEWS.length]!.id, true);
  };
  return (
    <section class="views">
      <div class="tabs" role="tablist" aria-label="Details" onKeyDown={onKey}>
        {VIEWS.map((v) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            id={`tab-${v.id}`}
            data-testid={`view-${v.id}`}
            aria-selected={view === v.id}
            aria-controls="view-panel"
            tabIndex={view === v.id ? 0 : -1}
            onClick={() => choose(v.id)}
          >
            {v.label}
          </button>
        ))}
      </div>
      {/* Focusable as the WAI-ARIA tabs pattern asks of a panel without controls of its own: the chart's
          text alternative is reached by keyboard. */}
      <div
        class="panel"
        id="view-panel"
        role="tabpanel"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the WAI-ARIA tabs pattern makes a panel without controls focusable.
        tabIndex={0}
        aria-labelledby={`tab-${view}`}
        data-view={view}
      >
        {render(view)}
      </div>
    </section>
  );
}
