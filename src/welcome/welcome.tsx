/**
 * First run (issue 10 item 7), opened once on install: three steps to a first verdict — get a chain
 * by hand from Cboe (its terms forbid automated downloading, so GEXfocus never fetches one), import
 * it or load the sample, open a supported page. Actions come in as props.
 */
import { useState } from 'preact/hooks';

/** Cboe's delayed-quotes quote table for SPX; any symbol works by changing "spx" in the address. */
export const CBOE_QUOTE_TABLE = 'https://www.cboe.com/delayed_quotes/spx/quote_table';

/** The built-in sites, as a trader knows them (src/core/built-in-hosts.ts has their hosts). */
export const SITES: { name: string; url: string }[] = [
  { name: 'TradingView', url: 'https://www.tradingview.com/chart/' },
  { name: 'Yahoo Finance', url: 'https://finance.yahoo.com/quote/%5EGSPC/' },
  { name: 'Google Finance', url: 'https://www.google.com/finance/quote/.INX:INDEXSP' },
  { name: 'Investing.com', url: 'https://www.investing.com/indices/us-spx-500' },
  { name: 'CNBC', url: 'https://www.cnbc.com/quotes/.SPX' },
  { name: 'MarketWatch', url: 'https://www.marketwatch.com/investing/index/spx' },
  { name: 'IBKR Client Portal', url: 'https://www.interactivebrokers.com/portal/' },
  { name: 'Fidelity', url: 'https://digital.fidelity.com/' },
  { name: 'Tradovate', url: 'https://trader.tradovate.com/' },
  { name: 'NinjaTrader web', url: 'https://app.ninjatrader.com/' },
];

interface Props {
  openOptions(): void;
  /** Loads the bundled sample chain; resolves to a short description of what was loaded. */
  loadSample(): Promise<string>;
}

export function Welcome({ openOptions, loadSample }: Props) {
  const [sample, setSample] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const load = () => {
    setBusy(true);
    loadSample()
      .then(
        (what) => setSample({ text: `Loaded the sample chain (${what}).`, error: false }),
        (e: unknown) => setSample({ text: e instanceof Error ? e.message : String(e), error: true }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <main class="welcome">
      <header>
        <img src="/icons/icon-48.png" width={40} height={40} alt="" />
        <div>
          <h1>Welcome to GEXfocus</h1>
          <p class="muted">
            See whether dealer hedging tends to damp or extend moves at the price you are looking at — from an
            option chain you bring. Three steps to your first verdict:
          </p>
        </div>
      </header>
      <ol class="steps">
        <li class="step" data-testid="step-get">
          <h2>Get a chain</h2>
          <p>
            Open Cboe’s{' '}
            <a href={CBOE_QUOTE_TABLE} target="_blank" rel="noreferrer">
              delayed quotes page
            </a>{' '}
            for your index or stock (SPX, NDX, SPY, …). In the options table set <strong>Expiration</strong>{' '}
            to <strong>All</strong> (all expirations) and <strong>Options Range</strong> to{' '}
            <strong>All</strong>, then click <strong>Download CSV</strong> under the table. You get{' '}
            <code>quotedata.csv</code>.
          </p>
          <p class="muted small">
            Cboe’s terms forbid automated downloading, so GEXfocus never fetches a chain itself: you download
            it by hand, and it stays in your browser. The quotes are delayed; take a fresh file each session.
          </p>
        </li>
        <li class="step" data-testid="step-import">
          <h2>Import it, or load the sample</h2>
          <p>
            In <strong>Chains &amp; settings</strong>, drop the file, choose it or paste its text; check the
            preview and save. To look around first, load the bundled SPX sample (14 Sep 2023, after the
            close).
          </p>
          <p class="row">
            <button type="button" class="primary" data-testid="welcome-options" onClick={openOptions}>
              Open Chains &amp; settings
            </button>
            <button type="button" data-testid="welcome-sample" disabled={busy} onClick={load}>
              Load the sample SPX chain
            </button>
          </p>
          {sample && (
            <p class={sample.error ? 'error' : 'ok'} role={sample.error ? 'alert' : 'status'}>
              {sample.text}
            </p>
          )}
        </li>
        <li class="step" data-testid="step-open">
          <h2>Open a supported page</h2>
          <p>
            Open the chain’s symbol on one of these sites; the toolbar badge shows <strong>+γ</strong>{' '}
            (stabilizing), <strong>−γ</strong> (accelerating) or <strong>≈</strong> (transition), the verdict
            sits next to the price, and the toolbar button opens the levels, the chart and the hedge flow.
          </p>
          <ul class="sites">
            {SITES.map((s) => (
              <li key={s.name}>
                <a href={s.url} target="_blank" rel="noreferrer">
                  {s.name}
                </a>
              </li>
            ))}
          </ul>
          <p class="muted small">
            On any other site, the toolbar button offers to read that one site, or to let you pick the price
            on the page; nothing asks for access to every site.
          </p>
        </li>
      </ol>
      <p class="muted small">
        GEXfocus explains the type of pressure at a level, not the direction price will take. Everything runs
        in your browser; no chain or price leaves it.
      </p>
    </main>
  );
}
