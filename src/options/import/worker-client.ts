/**
 * One import session = one module worker. `cancel()` terminates it, so a cancelled or failed
 * import never reaches storage (saving is a separate, explicit step).
 */
import type { FromWorker, ToWorker } from './protocol.ts';

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
    send: (m) => worker.postMessage(m),
    cancel: () => worker.terminate(),
  };
}
