/** The real texts the fuzz mutates: the shared Cboe files and the import fixtures (Node only). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Seed {
  name: string;
  text: string;
  /** The text's lines, split once (the shared files are up to 1.5 MB). */
  lines: string[];
}

/** A Cboe JSON cut to `size` options from `from` (the NVDA fixture has 1,086; one input stays small). */
function jsonWindow(text: string, from: number, size: number): string {
  const doc = JSON.parse(text);
  doc.data.options = doc.data.options.slice(from, from + size);
  return JSON.stringify(doc);
}

const seed = (name: string, text: string): Seed => ({ name, text, lines: text.split('\n') });

export function loadSeeds(sharedDir: string, fixturesDir: string): Seed[] {
  const seeds: Seed[] = [];
  for (const f of readdirSync(sharedDir).filter((f) => f.endsWith('.csv')))
    seeds.push(seed(f, readFileSync(join(sharedDir, f), 'utf8')));
  for (const f of readdirSync(fixturesDir).filter((f) => /\.(csv|json)$/.test(f))) {
    const text = readFileSync(join(fixturesDir, f), 'utf8');
    if (text.length < 20_000) seeds.push(seed(f, text));
    else if (f.endsWith('.json'))
      for (const from of [0, 300, 700]) seeds.push(seed(`${f}[${from}…]`, jsonWindow(text, from, 60)));
  }
  return seeds;
}
