/** What every importer returns: the chain plus what it could not use and why. */
import type { Chain } from '../chain';
import type { SkippedGroup } from './skip-log';

export { describeSkipped, SkipLog, type SkippedGroup } from './skip-log';

export type ImportFormat = 'cboe-csv' | 'cboe-json' | 'generic-csv';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  'cboe-csv': 'Cboe quote-table CSV',
  'cboe-json': 'Cboe delayed-quotes JSON',
  'generic-csv': 'CSV with a header row',
};

/**
 * 'file': the file's own snapshot time was read. 'missing': the format or file has none.
 * 'unreadable': there was one but it could not be read (its text is in `asOfText`).
 */
export type AsOfStatus = 'file' | 'missing' | 'unreadable';

export interface ImportResult {
  format: ImportFormat;
  chain: Chain;
  asOfStatus: AsOfStatus;
  asOfText?: string;
  /** The 1-based line of the file's time, when it has one on a line of its own (Cboe quote table). */
  asOfLine?: number;
  /** Why the file's time could not be read (asOfStatus 'unreadable'), e.g. "no time zone …". */
  asOfProblem?: string;
  skipped: SkippedGroup[];
  /** Remarks the user should see (e.g. "IV read as percent"). */
  notes: string[];
}

export interface ImportOptions {
  /** Called with 0…1 while parsing (every few thousand rows). */
  onProgress?: (fraction: number) => void;
  fileName?: string;
  /**
   * Snapshot instant (ISO-8601 with a zone) to use instead of the file's (the CLI's --at). The
   * result's asOfStatus still says what the file had.
   */
  asOf?: string;
  /**
   * The underlying's price to use when the file gives none (the CLI's --spot for a generic CSV);
   * it also bounds the strikes then (0.001×–100×). A file's own price wins for that check.
   */
  spot?: number;
  /** Largest text accepted, in UTF-8 bytes (default: MAX_IMPORT_BYTES, from the storage quota). */
  maxBytes?: number;
}
