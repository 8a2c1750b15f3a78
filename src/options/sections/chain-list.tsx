/** The Chains section: what is stored, how old it is, which page symbols it answers to. */
import { useState } from 'preact/hooks';
import { isStaleChain } from '../../core/chain-age.ts';
import { FORMAT_LABELS } from '../../core/import/result.ts';
import { describeConversion } from '../../core/symbol-map.ts';
import type { ChainSummary } from '../../messaging/types.ts';
import { formatAge, formatNewYork, formatPrice } from '../../ui/format.ts';
import type { OptionsApi } from '../api.ts';
import { conversionsToText, parseAliases, textToConversions } from '../mapping-text.ts';
import { SAMPLE } from '../sample/provenance.ts';

interface Props {
  api: OptionsApi;
  chains: ChainSummary[];
  problems: string[];
  now: number;
  onChanged(): void;
  onReplace(underlying: string): void;
}

/** A chain older than a day describes another session (lesson 01: structure decays in-session). */

export function ChainList({ api, chains, problems, now, onChanged, onReplace }: Props) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const run = async (what: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await what();
      setMessage({ text: ok, error: false });
      onChanged();
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="chains-h">
      <h2 id="chains-h">Option chains</h2>
      {chains.length === 0 && (
        <p class="muted" data-testid="no-chains">
          No chain saved yet. Import one below, or try the sample.
        </p>
      )}
      <ul class="chain-list" data-testid="chain-list">
        {chains.map((c) => (
          <ChainRow
            key={c.underlying}
            chain={c}
            now={now}
            busy={busy}
            run={run}
            api={api}
            onReplace={onReplace}
          />
        ))}
      </ul>
      {problems.map((p) => (
        <p class="error" key={p}>
          Unreadable stored chain: {p}
        </p>
      ))}
      <div class="sample">
        <button
          type="button"
          data-testid="load-sample"
          disabled={busy}
          onClick={() => void run(() => api.loadSample(), 'Loaded the sample SPX chain.')}
        >
          Load the sample SPX chain
        </button>
        <p class="muted small" data-testid="sample-provenance">
          {SAMPLE.label}. Source: {SAMPLE.provenance}. {SAMPLE.notice}
        </p>
      </div>
      {message && (
        <p
          class={message.error ? 'error' : 'ok'}
          role={message.error ? 'alert' : 'status'}
          data-testid="chains-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}

interface RowProps {
  chain: ChainSummary;
  now: number;
  busy: boolean;
  api: OptionsApi;
  run(what: () => Promise<unknown>, ok: string): Promise<void>;
  onReplace(underlying: string): void;
}

function ChainRow({ chain: c, now, busy, api, run, onReplace }: RowProps) {
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [aliases, setAliases] = useState(c.aliases.join(', '));
  const [overrides, setOverrides] = useState(conversionsToText(c.aliasConversions));
  const [mappingError, setMappingError] = useState<string | null>(null);
  const age = now - Date.parse(c.asOf);
  const source = c.source.format === 'sample' ? 'bundled sample' : FORMAT_LABELS[c.source.format];

  const saveMapping = () => {
    let aliasConversions: ChainSummary['aliasConversions'];
    try {
      aliasConversions = textToConversions(overrides);
    } catch (e) {
      return setMappingError(e instanceof Error ? e.message : String(e));
    }
    setMappingError(null);
    void run(
      () => api.updateMapping(c.underlying, { aliases: parseAliases(aliases), aliasConversions }),
      `Saved the ${c.underlying} symbols.`,
    ).then(() => setEditing(false));
  };

  return (
    <li class="chain" data-testid={`chain-${c.underlying}`}>
      <div class="chain-head">
        <strong>{c.underlying}</strong> <span class="muted">{c.underlyingName}</span>
        <span class="spacer" />
        <button type="button" disabled={busy} onClick={() => onReplace(c.underlying)}>
          Replace
        </button>
        {confirmDelete ? (
          <button
            type="button"
            class="danger"
            data-testid={`confirm-delete-${c.underlying}`}
            disabled={busy}
            onClick={() =>
              void run(() => api.deleteChain(c.underlying), `Deleted the ${c.underlying} chain.`)
            }
          >
            Delete {c.underlying}?
          </button>
        ) : (
          <button
            type="button"
            data-testid={`delete-${c.underlying}`}
            disabled={busy}
            onClick={() => setConfirmDelete(true)}
          >
            Delete
          </button>
        )}
      </div>
      <dl class="facts">
        <dt>Snapshot</dt>
        <dd>
          {formatNewYork(c.asOf)} · {formatAge(age)} ago{' '}
          {isStaleChain(age) && (
            <span class="warn">stale: dealer positioning has changed since; import today's chain</span>
          )}
        </dd>
        <dt>Contents</dt>
        <dd>
          {c.contracts.toLocaleString('en-US')} contracts, {c.expirations} expirations, spot{' '}
          {formatPrice(c.spot)}
          {c.hasVolume === false && (
            <span class="muted" data-testid={`positions-${c.underlying}`}>
              {' '}
              · open interest only (the file has no volume column)
            </span>
          )}
        </dd>
        <dt>Source</dt>
        <dd>
          {source}
          {c.source.fileName ? ` · ${c.source.fileName}` : ''} · imported{' '}
          {formatAge(now - c.source.importedAt)} ago
        </dd>
        <dt>Page symbols</dt>
        <dd data-testid={`aliases-${c.underlying}`}>
          {c.aliases.join(', ')} <span class="muted">(price {describeConversion(c.conversion)}</span>
          {Object.entries(c.aliasConversions).length > 0 && (
            <span class="muted">; {groupByConversion(c.aliasConversions)}</span>
          )}
          <span class="muted">)</span>{' '}
          <button type="button" class="link" onClick={() => setEditing(!editing)}>
            {editing ? 'Close' : 'Edit'}
          </button>
        </dd>
      </dl>
      {editing && (
        <div class="mapping">
          <label>
            Page symbols that mean {c.underlying} (comma-separated)
            <input value={aliases} onInput={(e) => setAliases(e.currentTarget.value)} />
          </label>
          <label>
            Conversions for symbols not priced like {c.underlying}, one per line: "ES1! offset 15.25" (chain =
            page − 15.25), "SPY ratio 10" (chain = page × 10), or "/ES auto" (confirm the live ratio in the
            popup)
            <textarea rows={3} value={overrides} onInput={(e) => setOverrides(e.currentTarget.value)} />
          </label>
          {mappingError && <p class="error">{mappingError}</p>}
          <button type="button" disabled={busy} onClick={saveMapping}>
            Save symbols
          </button>
        </div>
      )}
    </li>
  );
}

/** "ES1!, /ES, MES: auto (unconfirmed); SPY: × 10" — aliases that convert alike, together. */
function groupByConversion(map: ChainSummary['aliasConversions']): string {
  const groups = new Map<string, string[]>();
  for (const [alias, conv] of Object.entries(map)) {
    const d = describeConversion(conv);
    groups.set(d, [...(groups.get(d) ?? []), alias]);
  }
  return [...groups].map(([d, aliases]) => `${aliases.join(', ')}: ${d}`).join('; ');
}
