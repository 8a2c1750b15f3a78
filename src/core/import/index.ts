/**
 * importChain(text): check the size, detect the format, read it, refuse a chain with no usable
 * contract, and say what was left out.
 */
import { usableContracts } from '../usable';
import { importCboeCsv } from './cboe-csv';
import { importCboeJson } from './cboe-json';
import { detectFormat } from './detect';
import { ImportError } from './errors';
import { importGenericCsv } from './generic-csv';
import type { ImportFormat, ImportOptions, ImportResult } from './result';
import { MAX_IMPORT_BYTES, sizeProblem, textBytesAgainst } from './size-limit';
import { describeSkipped } from './skip-log';

export { detectFormat } from './detect';
export { ImportError } from './errors';
export {
  describeSkipped,
  FORMAT_LABELS,
  type ImportFormat,
  type ImportOptions,
  type ImportResult,
  type SkippedGroup,
} from './result';
export { MAX_IMPORT_BYTES, STORAGE_QUOTA_BYTES, sizeProblem, textBytesAgainst } from './size-limit';

const READERS: Record<ImportFormat, (text: string, opts: ImportOptions) => ImportResult> = {
  'cboe-csv': importCboeCsv,
  'cboe-json': importCboeJson,
  'generic-csv': importGenericCsv,
};

export function importChain(text: string, opts: ImportOptions = {}): ImportResult {
  if (typeof text !== 'string' || text.trim() === '')
    throw new ImportError('Nothing to import: the text is empty.');
  const limit = opts.maxBytes ?? MAX_IMPORT_BYTES;
  const tooBig = sizeProblem(textBytesAgainst(text, limit), opts.fileName ?? 'The text', limit);
  if (tooBig) throw new ImportError(tooBig);
  const format = detectFormat(text);
  let r: ImportResult;
  try {
    r = READERS[format](text, opts);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    // ChainBuilder's ChainFormatError and anything unexpected still reach the user as one sentence.
    throw new ImportError(`Could not read the ${format} file: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (usableContracts(r.chain) === 0) {
    const left = r.skipped.length ? `; left out: ${describeSkipped(r.skipped)}` : '';
    throw new ImportError(
      `No usable contracts: ${r.chain.count.toLocaleString('en-US')} read, none with both an IV and open interest or volume${left}.`,
    );
  }
  return r;
}
