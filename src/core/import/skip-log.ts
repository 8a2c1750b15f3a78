/** Contract lines an importer left out, grouped by reason, with where to find them in the file. */

/** Rows the importer dropped, grouped by reason (the preview and the CLI summary list each group). */
export interface SkippedGroup {
  reason: string;
  /** Contract lines left out (a Cboe quote-table row holds two: a call and a put). */
  count: number;
  /** Up to five distinct places, ascending as met: 1-based lines, or option indexes for JSON. */
  examples: number[];
  /** How many distinct places in all (more than `examples` holds means "…"). */
  places: number;
  /** What `examples` number: file lines (CSV) or entries of `data.options` (Cboe JSON). */
  place: 'line' | 'option';
}

export const MAX_EXAMPLES = 5;

export class SkipLog {
  private groups = new Map<string, SkippedGroup>();
  private last = new Map<string, number>();

  constructor(private readonly place: SkippedGroup['place'] = 'line') {}

  /** Counts `contracts` lines left out at `where` for `reason`. */
  add(reason: string, where: number, contracts = 1): void {
    let g = this.groups.get(reason);
    if (!g) {
      g = { reason, count: 0, examples: [], places: 0, place: this.place };
      this.groups.set(reason, g);
    }
    g.count += contracts;
    if (this.last.get(reason) !== where) {
      this.last.set(reason, where);
      g.places++;
      if (g.examples.length < MAX_EXAMPLES) g.examples.push(where);
    }
  }

  get total(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.count;
    return n;
  }

  list(): SkippedGroup[] {
    return [...this.groups.values()];
  }
}

/** "3 open interest out of range (lines 17, 52, 98); 1 IV out of range (line 9)". */
export function describeSkipped(groups: readonly SkippedGroup[]): string {
  return groups
    .map((g) => {
      const unit = g.place === 'option' ? 'data.options' : g.examples.length > 1 ? 'lines' : 'line';
      const more = g.places > g.examples.length ? ', …' : '';
      const at = g.place === 'option' ? g.examples.map((i) => `[${i}]`).join(', ') : g.examples.join(', ');
      return `${g.count.toLocaleString('en-US')} ${g.reason} (${unit} ${at}${more})`;
    })
    .join('; ');
}
