/**
 * One import session = one module worker. `cancel()` terminates it, so a cancelled or failed
 * import never reaches storage (saving is a separate, explicit step).
 */
import type { FromWorker, ToWorker } from './protocol.ts';
import { textSizeProblem } from './size-check.ts';

export interface ImportSession {
  send(message: ToWorker): void;
  cancel(): void;
}

export function startImportSession(onMessage: (m: FromWorker) => void): ImportSession {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  worker.onerror = (e) =>
    onMessage({
      kind: 'error',
      phase: 'import',
      message: `the import worker failed: ${e.message || 'unknown error'}`,
    });
  return {
    send: (m) => {
      // Every way in checks the size first (import-input.tsx); this keeps a text over the rule from
      // being copied to the worker whatever the caller (the worker checks once more, in importChain).
      const tooBig = m.kind === 'import' ? textSizeProblem(m.text, m.fileName ?? 'The text') : null;
      if (tooBig) onMessage({ kind: 'error', phase: 'import', message: tooBig });
      else worker.postMessage(m);
    },
    cancel: () => worker.terminate(),
  };
}
