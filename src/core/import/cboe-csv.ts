/**
 * Adapter from the engine's quote-table reader (../cboe-quotedata.ts, which throws
 * ChainParseError) to the import result: an unreadable Date line is not fatal here, because the
 * options page lets the user type the snapshot time (asOfStatus 'unreadable').
 */
import { readCboeQuoteTable } from '../cboe-quotedata';
import { ChainParseError } from '../chain-parse-error';
import { ImportError } from './errors';
import type { AsOfStatus, ImportOptions, ImportResult } from './result';

export function importCboeCsv(text: string, opts: ImportOptions = {}): ImportResult {
  opts.onProgress?.(0);
  try {
    const r = readCboeQuoteTable(text, {
      onProgress: opts.onProgress,
      allowUnknownTime: true,
      asOf: opts.asOf,
      spot: opts.spot,
    });
    const asOfStatus: AsOfStatus = r.timeProblem ? (r.dateText ? 'unreadable' : 'missing') : 'file';
    if (opts.asOf === undefined && r.timeProblem) r.chain.asOf = null;
    opts.onProgress?.(1);
    return {
      format: 'cboe-csv',
      chain: r.chain,
      asOfStatus,
      ...(r.dateText && { asOfText: r.dateText, asOfLine: r.dateLine }),
      ...(r.timeProblem && { asOfProblem: r.timeProblem }),
      skipped: r.skipped,
      notes: [],
    };
  } catch (e) {
    if (!(e instanceof ChainParseError)) throw e;
    throw new ImportError(`Cboe quote table, ${e.message}`, {
      line: e.line || undefined,
      column: e.field || undefined,
    });
  }
}
