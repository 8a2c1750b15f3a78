// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.ts';
import { chainToJSON } from '../../src/core/chain.ts';
import { importChain } from '../../src/core/import/index.ts';
import { makeModel } from '../../src/core/model.ts';
import { tradePhrase } from '../../src/core/phrases.ts';
import { prepare } from '../../src/core/prepare.ts';
import type { ParsedChain } from '../../src/options/import/protocol.ts';
import { Preview } from '../../src/options/sections/preview.tsx';

// happy-dom replaces import.meta.url's scheme, so resolve from the project root.
const fixture = (f: string) => readFileSync(join(process.cwd(), 'test/fixtures/chains', f), 'utf8');

function parsedFrom(text: string, fileName: string): ParsedChain {
  const r = importChain(text);
  return { ...r, chain: chainToJSON(r.chain), fileName, parseMs: 3 };
}

const noop = () => undefined;
const model = { preset: 'live', scope: 'all', signs: 'long-calls-short-puts' };

describe('the import preview', () => {
  afterEach(() => render(null, document.body));

  it('lists the rows left out with their reason and lines, and offers no Save without a snapshot time', () => {
    const csv =
      'expiration,strike,type,oi,iv\n2025-01-17,100,C,10,0.2\nsoon,100,P,5,0.3\n2025-01-17,100,X,5,0.3\n';
    const parsed = parsedFrom(csv, 'mine.csv');
    render(
      <Preview
        parsed={parsed}
        edits={{ underlying: 'XYZ', spot: '100', asOfLocal: '' }}
        asOf={null}
        analysis={null}
        analysisError={null}
        existing={undefined}
        model={model}
        saving={false}
        onEdit={noop}
        onSave={noop}
        onCancel={noop}
      />,
      document.body,
    );
    const text = document.body.textContent ?? '';
    expect(text).toContain('CSV with a header row · mine.csv');
    expect(text).toContain('1 rows left out: unreadable expiration date (line 3)');
    expect(text).toContain('1 rows left out: type is not C/P or Call/Put (line 4)');
    expect(text).toContain('The file has no snapshot time');
    expect((document.querySelector('[data-testid=preview-save]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the file time read-only and names the chain it would replace', () => {
    const parsed = parsedFrom(fixture('cboe-spx-2025-01-06.json'), 'spx.json');
    const existing = { underlying: 'SPX', asOf: '2025-01-02T21:00:00.000Z' } as never;
    render(
      <Preview
        parsed={parsed}
        edits={{ underlying: 'SPX', spot: '5975.3799', asOfLocal: '' }}
        asOf={parsed.chain.asOf}
        analysis={null}
        analysisError={null}
        existing={existing}
        model={model}
        saving={false}
        onEdit={noop}
        onSave={noop}
        onCancel={noop}
      />,
      document.body,
    );
    expect(document.querySelector('[data-testid=preview-asof]')?.textContent).toBe(
      '2025-01-06 20:57 New York',
    );
    expect(document.querySelector('[data-testid=preview-asof-input]')).toBeNull();
    const save = document.querySelector('[data-testid=preview-save]') as HTMLButtonElement;
    expect(save.disabled).toBe(false);
    expect(save.textContent).toBe('Replace the SPX chain');
  });

  it('says each hedge trade with the one formatter: buy/sell, dollars and the index future’s contracts', () => {
    const text = readFileSync(join(process.cwd(), 'src/options/sample/spx-2023-09-14.csv'), 'utf8');
    const parsed = parsedFrom(text, 'quotedata.csv');
    const r = importChain(text);
    const evaluationMs = Date.parse(r.chain.asOf!);
    const {
      strikes: _s,
      profile: _p,
      ...rest
    } = analyze(prepare(r.chain, makeModel(), evaluationMs), 4505.1001);
    render(
      <Preview
        parsed={parsed}
        edits={{ underlying: 'SPX', spot: '4505.1001', asOfLocal: '' }}
        asOf={parsed.chain.asOf}
        analysis={{ ...rest, evaluationMs }}
        analysisError={null}
        existing={undefined}
        model={{ ...model, positions: 'oi+volume' }}
        saving={false}
        onEdit={noop}
        onSave={noop}
        onCancel={noop}
      />,
      document.body,
    );
    const flow = document.querySelector('[data-testid=preview-flow]')?.textContent;
    expect(flow).toBe(
      `+1 %: ${tradePhrase(rest.hedgeFlow.up1pct.shares, 4505.1001, 'SPX')} · −1 %: ${tradePhrase(rest.hedgeFlow.down1pct.shares, 4505.1001, 'SPX')}`,
    );
    expect(flow).toMatch(/^\+1 %: sell \$[\d.]+ bn \(≈ [\d,]+ ES\)/);
    expect(document.querySelector('[data-testid=preview-levels]')?.textContent).toContain('per 1 % move');
    // prepare() counts open interest alone when the file has no volume: the preview says which applies.
    expect(document.querySelector('[data-testid=preview-positions]')?.textContent).toBe(
      parsed.chain.hasVolume
        ? 'positions open interest + volume'
        : 'positions open interest only (no volume column in this file)',
    );
  });
});
