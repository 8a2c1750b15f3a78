/**
 * Every state without a verdict, each with what to do next: no tab, no price yet, no chain at all, a
 * symbol no chain answers to, nothing in scope, an error.
 */
import type { ComponentChildren } from 'preact';
import { scopeLabel } from './model/model-words.ts';
import type { PopupState } from './model/status.ts';

interface Props {
  state: Exclude<PopupState, { kind: 'ok' } | { kind: 'needs-ratio' }>;
  /** Chains saved (for "no chain at all" vs "no chain for this symbol"); undefined while unknown. */
  chains: number | undefined;
  onOptions(): void;
  /** Site and picker controls, shown where the price is the problem. */
  children?: ComponentChildren;
}

export function EmptyState({ state, chains, onOptions, children }: Props) {
  const open = (label: string) => (
    <button type="button" class="primary" data-testid="open-options" onClick={onOptions}>
      {label}
    </button>
  );
  let body: ComponentChildren;
  switch (state.kind) {
    case 'loading':
      body = <p class="muted">Computing the levels…</p>;
      break;
    case 'no-tab':
      body = <p class="muted">No tab to read: open the popup from a browser tab.</p>;
      break;
    case 'no-price':
      body = (
        <>
          <p>
            <strong>No price on this tab yet.</strong> On a supported site the price appears once the page
            shows one; elsewhere, let GEXfocus read this site or pick the price on the page.
          </p>
          {children}
        </>
      );
      break;
    case 'no-chain':
      body =
        chains === 0 ? (
          <>
            <p>
              <strong>No chain saved yet.</strong> Import an option chain (Cboe’s quote table, downloaded by
              hand) or load the sample to see the verdict.
            </p>
            {open('Import a chain')}
          </>
        ) : (
          <>
            <p>
              <strong>No chain answers to {state.symbol ?? 'this page'}.</strong> Import its chain, or add{' '}
              {state.symbol ?? 'the symbol'} to a saved chain’s page symbols.
            </p>
            {open('Chains & settings')}
          </>
        );
      break;
    case 'nothing-in-scope':
      body = (
        <>
          <p>
            <strong>Nothing in scope.</strong> No contract of the chain is alive in the expiry scope “
            {scopeLabel(state.scope)}” right now (today’s may have expired). Widen the scope or import a newer
            chain.
          </p>
          {open('Chains & settings')}
        </>
      );
      break;
    case 'error':
      body = (
        <p class="error" role="alert">
          Levels unavailable: {state.message}
        </p>
      );
      break;
  }
  return (
    <section class="empty" data-testid="levels" data-state={state.kind}>
      {body}
    </section>
  );
}
