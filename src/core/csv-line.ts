/**
 * Splits one CSV record (RFC 4180 quoting: "a,b" and "" for a quote) into fields. Hand-written
 * rather than papaparse because papaparse's type definitions pull in @types/node, which would
 * break the proof (tsconfig.core.json) that src/core is pure; and quote-table records never span
 * lines. Returns null for an unterminated quote.
 */
export function splitCsvLine(line: string): string[] | null {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < line.length) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
    i++;
  }
  if (quoted) return null;
  out.push(field);
  return out;
}
