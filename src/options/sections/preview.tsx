/** What the import would save, before it is saved: the user checks it, fixes the time, then saves. */
import { FORMAT_LABELS } from '../../core/import/result.ts';
import { gexPhrase, tradePhrase } from '../../core/phrases.ts';
import type { ChainSummary } from '../../messaging/types.ts';
import { formatDistance, formatNewYork, formatPrice } from '../../ui/format.ts';
import type { ParsedChain, PreviewAnalysis } from '../import/protocol.ts';

export interface PreviewEdits {
  underlying: string;
  spot: string;
  /** datetime-local text, New York wall time. */
  asOfLocal: string;
}

interface Props {
  parsed: ParsedChain;
  edits: PreviewEdits;
  asOf: string | null;
  analysis: PreviewAnalysis | null;
  analysisError: string | null;
  existing: ChainSummary | undefined;
  model: { preset: string; scope: string; signs: string; positions?: string };
  saving: boolean;
  onEdit(edits: PreviewEdits): void;
  onSave(): void;
  onCancel(): void;
}

export function Preview({
  parsed,
  edits,
  asOf,
  analysis,
  analysisError,
  existing,
  model,
  saving,
  onEdit,
  onSave,
  onCancel,
}: Props) {
  const c = parsed.chain;
  const spot = Number(edits.spot);
  const underlying = edits.underlying.trim() || c.underlying;
  // prepare() falls back to open interest for a file without volume (methodology "Positions model").
  const positions =
    !model.positions || model.positions === 'oi'
      ? 'positions open interest'
      : c.hasVolume
        ? `positions ${model.positions === 'volume' ? 'volume only' : 'open interest + volume'}`
        : 'positions open interest only (no volume column in this file)';
  const canSave = !!asOf && spot > 0 && edits.underlying.trim() !== '' && !saving;
  const left = analysis
    ? [
        ['expired before the snapshot time', analysis.contracts.expired],
        ['no IV (missing or 0)', analysis.contracts.noIv],
        ['outside the expiry scope', analysis.contracts.outOfScope],
      ].filter(([, n]) => (n as number) > 0)
    : [];
  return (
    <div class="preview" data-testid="preview">
      <h3>Preview — nothing is saved yet</h3>
      <dl class="facts">
        <dt>Format</dt>
        <dd data-testid="preview-format">
          {FORMAT_LABELS[parsed.format]}
          {parsed.fileName ? ` · ${parsed.fileName}` : ''}{' '}
          <span class="muted">(read in {parsed.parseMs.toFixed(0)} ms)</span>
        </dd>
        <dt>Underlying</dt>
        <dd>
          <input
            data-testid="preview-underlying"
            value={edits.underlying}
            size={8}
            onInput={(e) => onEdit({ ...edits, underlying: e.currentTarget.value.toUpperCase() })}
          />
          {c.underlyingName && <span class="muted"> {c.underlyingName}</span>}
        </dd>
        <dt>Spot</dt>
        <dd>
          <input
            data-testid="preview-spot"
            value={edits.spot}
            size={10}
            inputMode="decimal"
            onInput={(e) => onEdit({ ...edits, spot: e.currentTarget.value })}
          />
          {c.spot === null && (
            <span class="warn"> The file has no underlying price: type the price at the snapshot time.</span>
          )}
        </dd>
        <dt>Snapshot time</dt>
        <dd data-testid="preview-asof">
          {parsed.asOfStatus === 'file' && asOf ? (
            formatNewYork(asOf)
          ) : (
            <>
              <input
                type="datetime-local"
                data-testid="preview-asof-input"
                value={edits.asOfLocal}
                onInput={(e) => onEdit({ ...edits, asOfLocal: e.currentTarget.value })}
              />{' '}
              <span class="muted">New York time</span>
              <div class="warn">
                {parsed.asOfStatus === 'unreadable'
                  ? `The file's time "${parsed.asOfText ?? ''}" could not be read: enter when the quotes were taken.`
                  : 'The file has no snapshot time: enter when the quotes were taken.'}
              </div>
            </>
          )}
        </dd>
        <dt>Expirations</dt>
        <dd>
          {c.expirations.length} ({c.expirations[0]} … {c.expirations[c.expirations.length - 1]}); roots{' '}
          {c.roots.join(', ')}
        </dd>
        <dt>Contracts</dt>
        <dd data-testid="preview-contracts">
          {c.count.toLocaleString('en-US')} read
          {analysis && `, ${analysis.contracts.used.toLocaleString('en-US')} used`}
          <ul class="left-out">
            {parsed.skipped.map((g) => (
              <li key={g.reason}>
                {g.count.toLocaleString('en-US')} rows left out: {g.reason} (line
                {g.examples.length > 1 ? 's' : ''} {g.examples.join(', ')}
                {g.count > g.examples.length ? ', …' : ''})
              </li>
            ))}
            {left.map(([why, n]) => (
              <li key={why as string}>
                {(n as number).toLocaleString('en-US')} left out: {why}
              </li>
            ))}
          </ul>
          {parsed.notes.map((n) => (
            <div class="muted" key={n}>
              {n}
            </div>
          ))}
        </dd>
      </dl>
      <div class="preview-levels" data-testid="preview-levels">
        {analysisError && <p class="error">{analysisError}</p>}
        {!analysis && !analysisError && (
          <p class="muted">
            {asOf && spot > 0 ? 'Computing levels…' : 'Levels appear once spot and snapshot time are set.'}
          </p>
        )}
        {analysis && (
          <>
            <p>
              At the snapshot ({formatPrice(analysis.spot)}):{' '}
              <strong class={`regime ${analysis.regime}`} data-testid="preview-regime">
                {analysis.regime}
              </strong>{' '}
              <span class="muted">
                · net {gexPhrase(analysis.netGex)} · balance {analysis.balance.toFixed(3)} · {model.preset}{' '}
                preset, scope {model.scope}, signs {model.signs},{' '}
                <span data-testid="preview-positions">{positions}</span>
              </span>
            </p>
            <table class="levels">
              <tbody>
                <Level
                  name="Gamma flip"
                  value={analysis.flip}
                  spot={analysis.spot}
                  empty="no flip in ±20 %"
                />
                <Level name="Call wall" value={analysis.callWall} spot={analysis.spot} />
                <Level name="Put wall" value={analysis.putWall} spot={analysis.spot} />
                <Level name="Absolute gamma strike" value={analysis.absGammaStrike} spot={analysis.spot} />
                <tr>
                  <th>Dealer hedge</th>
                  <td class="num" colSpan={2} data-testid="preview-flow">
                    +1 %: {tradePhrase(analysis.hedgeFlow.up1pct.shares, analysis.spot, underlying)} · −1 %:{' '}
                    {tradePhrase(analysis.hedgeFlow.down1pct.shares, analysis.spot, underlying)}
                  </td>
                </tr>
              </tbody>
            </table>
          </>
        )}
      </div>
      <div class="row">
        <button type="button" class="primary" data-testid="preview-save" disabled={!canSave} onClick={onSave}>
          {saving ? 'Saving…' : existing ? `Replace the ${existing.underlying} chain` : 'Save'}
        </button>
        <button type="button" data-testid="preview-cancel" onClick={onCancel}>
          Cancel
        </button>
        {existing && <span class="muted">Replaces the chain from {formatNewYork(existing.asOf)}.</span>}
      </div>
    </div>
  );
}

function Level({
  name,
  value,
  spot,
  empty = '—',
}: {
  name: string;
  value: number | null;
  spot: number;
  empty?: string;
}) {
  return (
    <tr>
      <th>{name}</th>
      <td class="num">{value === null ? empty : formatPrice(value)}</td>
      <td class="num muted">{formatDistance(value, spot)}</td>
    </tr>
  );
}
