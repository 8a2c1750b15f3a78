import { describe, expect, it } from 'vitest';
import { conversionsToText, parseAliases, textToConversions } from '../../src/options/mapping-text.ts';
import { localNewYorkToIso } from '../../src/options/sections/import-panel.tsx';

describe('the per-alias conversion editor text', () => {
  it('reads offsets, ratios and auto lines and writes them back the same way', () => {
    const text = 'ES1! offset 15.25\nspy ratio 10\n/ES auto\n\n';
    const map = textToConversions(text);
    expect(map).toEqual({
      'ES1!': { kind: 'offset', offset: 15.25 },
      SPY: { kind: 'ratio', ratio: 10 },
      '/ES': { kind: 'auto' },
    });
    expect(conversionsToText(map)).toBe('ES1! offset 15.25\nSPY ratio 10\n/ES auto');
  });

  it('names the line it cannot read', () => {
    expect(() => textToConversions('ES1! offset 15\nMES ratio -2')).toThrow(
      /^line 2 "MES ratio -2": unknown kind or bad number/,
    );
    expect(() => textToConversions('ES1! offset')).toThrow(/^line 1/);
  });

  it('splits aliases on commas and spaces, upper-cases and de-duplicates them', () => {
    expect(parseAliases('spx, ^GSPC  .inx,SPX')).toEqual(['SPX', '^GSPC', '.INX']);
  });
});

describe('the snapshot-time field', () => {
  it('reads New York wall time with the right daylight-saving offset', () => {
    expect(localNewYorkToIso('2023-09-14T16:31')).toBe('2023-09-14T20:31:00.000Z');
    expect(localNewYorkToIso('2025-01-06T20:57')).toBe('2025-01-07T01:57:00.000Z');
    expect(localNewYorkToIso('')).toBeNull();
  });
});
