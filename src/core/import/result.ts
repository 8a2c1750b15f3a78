/** What every importer returns: the chain plus what it could not use and why. */
import type { Chain } from '../chain';

export type ImportFormat = 'cboe-csv' | 'cboe-json' | 'generic-csv';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  'cboe-csv': 'Cboe quote-table CSV',
  'cboe-json': 'Cboe delayed-quotes JSON',
  'generic-csv': 'CSV with a header row',
};

/** Rows the importer dropped, grouped by reason (the preview lists each group). */
export interface SkippedGroup {
  reason: string;
  count: number;
  /** Up to five 1-based source lines (or option indexes for JSON), for the user to look at. */
  examples: number[];
}

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
  skipped: SkippedGroup[];
  /** Remarks the user should see (e.g. "IV read as percent"). */
  notes: string[];
}

export interface ImportOptions {
  /** Called with 0…1 while parsing (every few thousand rows). */
  onProgress?: (fraction: number) => void;
  fileName?: string;
}

/** Collects skipped rows by reason. */
export class SkipLog {
  private groups = new Map<string, SkippedGroup>();

  add(reason: string, where: number): void {
    let g = this.groups.get(reason);
    if (!g) {
      g = { reason, count: 0, examples: [] };
      this.groups.set(reason, g);
    }
    g.count++;
    if (g.examples.length < 5) g.examples.push(where);
  }

  list(): SkippedGroup[] {
    return [...this.groups.values()];
  }
}
