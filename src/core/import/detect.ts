/**
 * Picks the reader for a chain's text by its content, never by file name (pasted text has none):
 * JSON → Cboe delayed-quotes JSON; a "Last:" line and an "Expiration Date,Calls,…" header near the
 * top → Cboe quote table; anything else with a header row → generic CSV.
 */
import type { ImportFormat } from './result';

export function detectFormat(text: string): ImportFormat {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4000);
  if (head.startsWith('{') || head.startsWith('[')) return 'cboe-json';
  const lines = head.split(/\r\n|\r|\n/).slice(0, 8);
  const header = lines.findIndex((l) => /^"?expiration date"?\s*,\s*"?calls"?\s*,/i.test(l));
  if (header >= 0 && lines.slice(0, header).some((l) => /last\s*:/i.test(l) || /date\s*:/i.test(l)))
    return 'cboe-csv';
  if (header >= 0 && /,\s*"?puts"?\s*,/i.test(lines[header]!)) return 'cboe-csv';
  return 'generic-csv';
}
