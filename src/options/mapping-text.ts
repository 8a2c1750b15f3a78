/**
 * The per-alias conversion editor is one line per alias: "ES1! offset 15.25", "SPY ratio 10",
 * "/ES auto". These turn that text into data and back.
 */
import type { ConversionData } from '../messaging/types.ts';

export function conversionsToText(map: Record<string, ConversionData>): string {
  return Object.entries(map)
    .map(([alias, c]) =>
      c.kind === 'offset'
        ? `${alias} offset ${c.offset}`
        : c.kind === 'ratio'
          ? `${alias} ratio ${c.ratio}`
          : `${alias} auto${c.ratio ? ` ${c.ratio}` : ''}`,
    )
    .join('\n');
}

/** Parses the editor text; throws an Error naming the bad line. */
export function textToConversions(text: string): Record<string, ConversionData> {
  const out: Record<string, ConversionData> = {};
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [alias, kind, value, extra] = line.split(/\s+/);
    const n = Number(value);
    const bad = (why: string) =>
      new Error(
        `line ${i + 1} "${line}": ${why} (write e.g. "ES1! offset 15.25", "SPY ratio 10" or "/ES auto")`,
      );
    if (!alias || extra !== undefined) throw bad('expected an alias, a kind and a number');
    if (kind === 'offset' && value !== undefined && Number.isFinite(n))
      out[alias.toUpperCase()] = { kind: 'offset', offset: n };
    else if (kind === 'ratio' && n > 0) out[alias.toUpperCase()] = { kind: 'ratio', ratio: n };
    else if (kind === 'auto' && value === undefined) out[alias.toUpperCase()] = { kind: 'auto' };
    else if (kind === 'auto' && n > 0)
      out[alias.toUpperCase()] = { kind: 'auto', ratio: n, confirmedAt: Date.now() };
    else throw bad('unknown kind or bad number');
  });
  return out;
}

/** "SPX, ^GSPC, .INX" → ['SPX', '^GSPC', '.INX'] (upper case, no duplicates). */
export function parseAliases(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\s]+/)
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}
