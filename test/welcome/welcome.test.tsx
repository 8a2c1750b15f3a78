// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_HOSTS, isBuiltInHost } from '../../src/core/built-in-hosts.ts';
import { CBOE_QUOTE_TABLE, SITES, Welcome } from '../../src/welcome/welcome.tsx';

describe('the welcome page', () => {
  afterEach(() => render(null, document.body));

  it('walks through three steps: get a chain by hand, import it or load the sample, open a supported page', () => {
    render(<Welcome openOptions={() => undefined} loadSample={async () => ''} />, document.body);
    const steps = [...document.querySelectorAll('.steps > li h2')].map((h) => h.textContent);
    expect(steps).toEqual(['Get a chain', 'Import it, or load the sample', 'Open a supported page']);
    const get = document.querySelector('[data-testid=step-get]')!.textContent!;
    expect(get).toContain('Expiration to All (all expirations)');
    expect(get).toContain('Download CSV');
    expect(get).toContain(
      'Cboe’s terms forbid automated downloading, so GEXfocus never fetches a chain itself',
    );
    const link = document.querySelector(`a[href="${CBOE_QUOTE_TABLE}"]`);
    expect(link?.getAttribute('rel')).toBe('noreferrer');
  });

  it('links only to sites GEXfocus reads out of the box', () => {
    for (const s of SITES) expect(isBuiltInHost(new URL(s.url).hostname)).toBe(true);
    expect(SITES.length).toBe(10);
    expect(BUILT_IN_HOSTS.length).toBeGreaterThanOrEqual(SITES.length);
  });

  it('opens the options page and loads the sample in one click', async () => {
    const openOptions = vi.fn();
    const loadSample = vi.fn(async () => 'SPX, 19,920 contracts');
    render(<Welcome openOptions={openOptions} loadSample={loadSample} />, document.body);
    (document.querySelector('[data-testid=welcome-options]') as HTMLButtonElement).click();
    expect(openOptions).toHaveBeenCalledOnce();
    (document.querySelector('[data-testid=welcome-sample]') as HTMLButtonElement).click();
    await vi.waitFor(() =>
      expect(document.querySelector('[role=status]')?.textContent).toBe(
        'Loaded the sample chain (SPX, 19,920 contracts).',
      ),
    );
  });
});
