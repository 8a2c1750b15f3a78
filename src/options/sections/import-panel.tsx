/**
 * The Import section: input → worker parse (progress after 200 ms, Cancel) → preview (edits
 * re-run the analysis in the worker) → Save through the background. Nothing is stored before Save,
 * so a failed or cancelled import leaves the saved chain untouched.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Model } from '../../core/model.ts';
import { zonedToUtc } from '../../core/ny-time.ts';
import type { ChainSummary } from '../../messaging/types.ts';
import type { OptionsApi } from '../api.ts';
import type { FromWorker, ParsedChain, PreviewAnalysis } from '../import/protocol.ts';
import { type ImportSession, startImportSession } from '../import/worker-client.ts';
import { ImportInput } from './import-input.tsx';
import { Preview, type PreviewEdits } from './preview.tsx';

interface Props {
  api: OptionsApi;
  chains: ChainSummary[];
  modelFor(underlying: string): Model;
  onSaved(summary: ChainSummary): void;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; fraction: number; showProgress: boolean }
  | { kind: 'preview'; parsed: ParsedChain };

/** New York wall time 'YYYY-MM-DDTHH:MM' → ISO UTC, or null. */
export function localNewYorkToIso(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return new Date(zonedToUtc({ year: y, month: mo, day: d, hour: h, minute: mi })).toISOString();
}

export function ImportPanel({ api, chains, modelFor, onSaved }: Props) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [edits, setEdits] = useState<PreviewEdits>({ underlying: '', spot: '', asOfLocal: '' });
  const [analysis, setAnalysis] = useState<PreviewAnalysis | null>(null);
  const [analysisError, setAnalysisError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const session = useRef<ImportSession | null>(null);
  const progressTimer = useRef<number | undefined>(undefined);

  const stop = () => {
    session.current?.cancel();
    session.current = null;
    clearTimeout(progressTimer.current);
  };
  useEffect(() => stop, []);

  const onWorker = (m: FromWorker) => {
    if (m.kind === 'progress' && m.phase === 'reading') {
      setPhase((p) => (p.kind === 'reading' ? { ...p, fraction: m.fraction } : p));
    } else if (m.kind === 'parsed') {
      clearTimeout(progressTimer.current);
      const c = m.parsed.chain;
      // A generic CSV without a root column has the placeholder root OPT: make the user name it.
      setEdits({
        underlying: c.underlying === 'OPT' ? '' : c.underlying,
        spot: c.spot === null ? '' : String(c.spot),
        asOfLocal: '',
      });
      setPhase({ kind: 'preview', parsed: m.parsed });
    } else if (m.kind === 'analysis') {
      setAnalysis(m.analysis);
    } else if (m.kind === 'error') {
      if (m.phase === 'analyze') return setAnalysisError(`Levels could not be computed: ${m.message}`);
      stop();
      setError(m.message);
      setPhase({ kind: 'idle' });
    }
  };

  const begin = (text: string, fileName?: string) => {
    stop();
    setError(null);
    setSaved(null);
    setAnalysis(null);
    setAnalysisError(null);
    session.current = startImportSession(onWorker);
    session.current.send({ kind: 'import', text, fileName });
    setPhase({ kind: 'reading', fraction: 0, showProgress: false });
    progressTimer.current = window.setTimeout(
      () => setPhase((p) => (p.kind === 'reading' ? { ...p, showProgress: true } : p)),
      200,
    );
  };

  const cancel = () => {
    stop();
    setPhase({ kind: 'idle' });
    setAnalysis(null);
  };

  const parsed = phase.kind === 'preview' ? phase.parsed : null;
  const asOf = parsed
    ? parsed.asOfStatus === 'file'
      ? parsed.chain.asOf
      : localNewYorkToIso(edits.asOfLocal)
    : null;
  const spot = Number(edits.spot);
  const underlying = edits.underlying.trim();
  const model = modelFor(underlying || 'X');
  const modelKey = JSON.stringify(model);

  useEffect(() => {
    if (!parsed || !asOf || !(spot > 0)) return setAnalysis(null);
    setAnalysis(null);
    setAnalysisError(null);
    session.current?.send({ kind: 'analyze', asOf, spot, model });
  }, [parsed, asOf, spot, modelKey]);

  const save = async () => {
    if (!parsed || !asOf) return;
    setSaving(true);
    setError(null);
    try {
      const chain = { ...parsed.chain, spot, asOf };
      const summary = await api.saveChain({
        chain,
        asOf,
        underlying,
        source: { format: parsed.format, fileName: parsed.fileName, importedAt: Date.now() },
      });
      stop();
      setPhase({ kind: 'idle' });
      setSaved(
        `Saved the ${summary.underlying} chain (${summary.contracts.toLocaleString('en-US')} contracts).`,
      );
      onSaved(summary);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card" id="import" aria-labelledby="import-h">
      <h2 id="import-h">Import a chain</h2>
      {phase.kind !== 'preview' && (
        <ImportInput disabled={phase.kind === 'reading'} onText={begin} onError={setError} />
      )}
      {phase.kind === 'reading' && (
        <div class="row" data-testid="import-progress">
          {phase.showProgress ? <progress max={1} value={phase.fraction} /> : null}
          <span class="muted">
            Reading… {phase.showProgress ? `${Math.round(phase.fraction * 100)} %` : ''}
          </span>
          <button type="button" data-testid="import-cancel" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p class="error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {saved && (
        <p class="ok" role="status" data-testid="import-saved">
          {saved}
        </p>
      )}
      {parsed && (
        <Preview
          parsed={parsed}
          edits={edits}
          asOf={asOf}
          analysis={analysis}
          analysisError={analysisError}
          existing={chains.find((c) => c.underlying === underlying)}
          model={model}
          saving={saving}
          onEdit={setEdits}
          onSave={() => void save()}
          onCancel={cancel}
        />
      )}
    </section>
  );
}
