/**
 * Adapter from the engine's quote-table reader (../cboe-quotedata.ts, which throws
 * ChainParseError) to the import result: an unreadable Date line is not fatal here, because the
 * options page lets the user type the snapshot time (asOfStatus 'unreadable').
 */
import { parseCboeQuoteTable } from '../cboe-quotedata';
import type { Chain } from '../chain';
import { ChainParseError } from '../chain-parse-error';
import { ImportError } from './errors';
import type { AsOfStatus, ImportOptions, ImportResult } from './result';

/** Stand-in instant so the reader can finish; replaced by null before anyone sees it. */
const PLACEHOLDER = '2000-01-01T00:00:00Z';

function dateLine(text: string): string | undefined {
  return text
    .split(/\r\n|\r|\n/, 6)
    .find((l) => /date\s*:/i.test(l))
    ?.split(/",|,(?=\s*Bid)/)[0]
    ?.replace(/^"/, '');
}

export function importCboeCsv(text: string, opts: ImportOptions = {}): ImportResult {
  opts.onProgress?.(0);
  let asOfStatus: AsOfStatus = 'file';
  let chain: Chain;
  try {
    chain = parseCboeQuoteTable(text, { onProgress: opts.onProgress });
  } catch (e) {
    if (!(e instanceof ChainParseError)) throw e;
    if (e.field !== 'Date')
      throw new ImportError(`Cboe quote table, ${e.message}`, {
        line: e.line || undefined,
        column: e.field || undefined,
      });
    try {
      chain = parseCboeQuoteTable(text, { asOf: PLACEHOLDER, onProgress: opts.onProgress });
    } catch (e2) {
      if (e2 instanceof ChainParseError)
        throw new ImportError(`Cboe quote table, ${e2.message}`, {
          line: e2.line || undefined,
          column: e2.field || undefined,
        });
      throw e2;
    }
    chain.asOf = null;
    asOfStatus = dateLine(text) ? 'unreadable' : 'missing';
  }
  opts.onProgress?.(1);
  return { format: 'cboe-csv', chain, asOfStatus, asOfText: dateLine(text), skipped: [], notes: [] };
}
