/**
 * Parses and analyses chains off the options page's UI thread (a 20,000-contract file takes a
 * noticeable fraction of a second). Keeps the last parsed chain so a re-analysis (edited snapshot
 * time or spot) does not resend it. Cancel = the page terminates this worker.
 */
import { analyze } from '../../core/analyze.ts';
import { type Chain, chainToJSON } from '../../core/chain.ts';
import { instantInRange, MAX_PRICE, MIN_PRICE, priceInRange } from '../../core/contract-checks.ts';
import { importChain } from '../../core/import/index.ts';
import { prepare } from '../../core/prepare.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

let current: Chain | null = null;
const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.kind === 'import') {
    const t0 = performance.now();
    try {
      const r = importChain(msg.text, {
        fileName: msg.fileName ?? 'The pasted text',
        onProgress: (fraction) => post({ kind: 'progress', fraction, phase: 'reading' }),
      });
      current = r.chain;
      post({
        kind: 'parsed',
        parsed: {
          format: r.format,
          chain: chainToJSON(r.chain),
          asOfStatus: r.asOfStatus,
          asOfText: r.asOfText,
          skipped: r.skipped,
          notes: r.notes,
          fileName: msg.fileName,
          parseMs: performance.now() - t0,
        },
      });
    } catch (e) {
      post({ kind: 'error', phase: 'import', message: e instanceof Error ? e.message : String(e) });
    }
    return;
  }
  if (!current) return post({ kind: 'error', phase: 'analyze', message: 'no chain parsed yet' });
  try {
    post({ kind: 'progress', fraction: 0, phase: 'analyzing' });
    const evaluationMs = Date.parse(msg.asOf);
    // The preview's own fields can hold anything a user types: the same bounds as a file's values.
    if (!priceInRange(msg.spot))
      return post({
        kind: 'error',
        phase: 'analyze',
        message: `the spot must be a price from ${MIN_PRICE} to ${MAX_PRICE.toLocaleString('en-US')}`,
      });
    if (!instantInRange(evaluationMs))
      return post({ kind: 'error', phase: 'analyze', message: 'the snapshot time must be in 2000–2100' });
    const {
      strikes: _s,
      profile: _p,
      ...rest
    } = analyze(prepare(current, msg.model, evaluationMs), msg.spot);
    post({ kind: 'analysis', analysis: { ...rest, evaluationMs } });
  } catch (e) {
    post({ kind: 'error', phase: 'analyze', message: e instanceof Error ? e.message : String(e) });
  }
};
