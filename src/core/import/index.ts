/** importChain(text): detect the format, read it, and say what was left out. */
import { importCboeCsv } from './cboe-csv';
import { importCboeJson } from './cboe-json';
import { detectFormat } from './detect';
import { ImportError } from './errors';
import { importGenericCsv } from './generic-csv';
import type { ImportFormat, ImportOptions, ImportResult } from './result';

export { detectFormat } from './detect';
export { ImportError } from './errors';
export { FORMAT_LABELS, type ImportFormat, type ImportResult, type SkippedGroup } from './result';

const READERS: Record<ImportFormat, (text: string, opts: ImportOptions) => ImportResult> = {
  'cboe-csv': importCboeCsv,
  'cboe-json': importCboeJson,
  'generic-csv': importGenericCsv,
};

export function importChain(text: string, opts: ImportOptions = {}): ImportResult {
  if (typeof text !== 'string' || text.trim() === '')
    throw new ImportError('Nothing to import: the text is empty.');
  const format = detectFormat(text);
  try {
    return READERS[format](text, opts);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    // ChainBuilder's ChainFormatError and anything unexpected still reach the user as one sentence.
    throw new ImportError(`Could not read the ${format} file: ${e instanceof Error ? e.message : String(e)}`);
  }
}
