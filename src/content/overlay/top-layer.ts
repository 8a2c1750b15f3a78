/**
 * Keeps the overlay above the page. The box is a manual popover, so showPopover() puts it in the top
 * layer, above every z-index; but the top layer is ordered, and a popover or modal dialog the page
 * opens later goes above ours (issue 9.5: "a page's top-layer popover can cover the overlay"), and
 * going fullscreen hides every popover. So when the page opens one (a `toggle` event, which reaches a
 * capture listener on the document although it does not bubble; or a dialog's `open` attribute for
 * browsers without dialog toggle events) or changes fullscreen, ours is shown again, which makes it
 * the last, topmost, entry. A budget keeps a page that reopens its own popover in a loop from making
 * this a busy loop. Where the Popover API is missing the box simply stays a fixed element.
 */
const RAISES_PER_SECOND = 10;

export function keepOnTop(doc: Document, box: HTMLElement, signal: AbortSignal): { raise(): void } {
  let budget = RAISES_PER_SECOND;
  let windowStart = 0;

  function raise(): void {
    if (signal.aborted || !box.isConnected || typeof box.showPopover !== 'function') return;
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      budget = RAISES_PER_SECOND;
    }
    if (budget <= 0) return;
    budget--;
    // Re-showing while our own control has the focus would move the focus back to the page.
    const root = box.getRootNode() as ShadowRoot;
    if (root.activeElement && box.matches(':popover-open')) return;
    try {
      if (box.matches(':popover-open')) box.hidePopover();
      box.showPopover();
    } catch {
      // Not connected any more, or the browser refused (e.g. a document being torn down).
    }
  }

  const opts = { capture: true, passive: true, signal };
  doc.addEventListener(
    'toggle',
    (e) => {
      if ((e as ToggleEvent).newState === 'open') raise();
    },
    opts,
  );
  doc.addEventListener('fullscreenchange', raise, opts);
  const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
  const dialogs = new Observer((records) => {
    if (
      records.some(
        (r) => (r.target as Element).localName === 'dialog' && (r.target as Element).hasAttribute('open'),
      )
    )
      raise();
  });
  dialogs.observe(doc.documentElement, { attributes: true, attributeFilter: ['open'], subtree: true });
  signal.addEventListener('abort', () => dialogs.disconnect());
  return { raise };
}
