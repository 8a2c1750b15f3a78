/**
 * Random and mutated chain files for the fuzz script (scripts/fuzz.mjs, `npm run fuzz`) and its
 * 1,000-run property test (test/core/properties.test.ts). Pure and seeded: the same seed gives the
 * same text, so a failure is reproduced from its seed alone.
 *
 * Seeds are real chain texts (the shared Cboe files, cut to a random window of rows so one input
 * stays small, and the import fixtures); mutations are what real files and hostile ones do:
 * numbers replaced by extremes (1e308, 1e-320, NaN, negative, hex), fields dropped or duplicated,
 * lines shuffled, duplicated or truncated, quotes unbalanced, a BOM, CRLF or CR line ends, huge
 * strikes, impossible dates, random bytes.
 */

/** Mulberry32: a small, fast, well-spread 32-bit PRNG (public domain). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)]!;

const EXTREMES = [
  '1e308',
  '-1e308',
  '1e309',
  '1e-320',
  '-1e-320',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0',
  '-5',
  '0x10',
  '',
  ' ',
  '-',
  '9'.repeat(40),
  '4.5e15',
  '1,234,567',
  '\u22121.5',
  '1e-7',
  '25',
  '2e9',
  'abc',
  '99999999',
  '0.0000001',
  '1E+300',
];
const BAD_DATES = [
  'Date: January 6, 9999 at 8:57 PM EST',
  'Date: February 30, 2023 at 4:31 PM EDT',
  'Date: yesterday',
  'Date: 31 de febrero de 2022, 25:61 GMT+15',
  'Date: 6 January 2025, 8:57 PM',
  '"Date: "',
  'Date: 1900-01-01T00:00Z',
  'Date: 6 January 2025, 8:57 PM EST',
  'Date: 2100-12-31T23:59:59Z',
  'Date: 13/45/2023 99:99',
];
const NUMBER = /-?\d+(\.\d+)?(e[-+]?\d+)?/gi;

/** Each mutation takes a text and returns another. */
const MUTATIONS: ((t: string, r: Rand) => string)[] = [
  // a number replaced by an extreme
  (t, r) => {
    const all = [...t.matchAll(NUMBER)];
    if (!all.length) return t;
    const m = pick(r, all);
    return t.slice(0, m.index) + pick(r, EXTREMES) + t.slice(m.index! + m[0].length);
  },
  // many numbers on one line replaced
  (t, r) => {
    const lines = t.split('\n');
    const i = int(r, lines.length);
    lines[i] = lines[i]!.replace(NUMBER, (x) => (r() < 0.3 ? pick(r, EXTREMES) : x));
    return lines.join('\n');
  },
  // a field dropped or duplicated
  (t, r) => {
    const lines = t.split('\n');
    const i = int(r, lines.length);
    const f = lines[i]!.split(',');
    const j = int(r, f.length);
    if (r() < 0.5) f.splice(j, 1);
    else f.splice(j, 0, f[j] ?? '');
    lines[i] = f.join(',');
    return lines.join('\n');
  },
  // lines shuffled in a range, duplicated, or deleted
  (t, r) => {
    const lines = t.split('\n');
    const a = int(r, lines.length);
    const b = Math.min(lines.length, a + 1 + int(r, 8));
    const part = lines.slice(a, b).sort(() => r() - 0.5);
    lines.splice(a, b - a, ...part);
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    const i = int(r, lines.length);
    if (r() < 0.5) lines.splice(i, 0, lines[i]!);
    else lines.splice(i, 1);
    return lines.join('\n');
  },
  // truncated anywhere
  (t, r) => t.slice(0, int(r, t.length + 1)),
  // a quote inserted or removed
  (t, r) => {
    const i = int(r, t.length + 1);
    const q = t.indexOf('"', i);
    return r() < 0.5 || q < 0 ? `${t.slice(0, i)}"${t.slice(i)}` : t.slice(0, q) + t.slice(q + 1);
  },
  // BOM, CRLF, CR, trailing junk
  (t) => `\uFEFF${t}`,
  (t) => t.replace(/\n/g, '\r\n'),
  (t) => t.replace(/\n/g, '\r'),
  // a huge strike in an OCC symbol or a strike cell
  (t, r) => t.replace(/([CP])(\d{8})/, (_, cp) => `${cp}${r() < 0.5 ? '99999999' : '00000001'}`),
  (t, r) => t.replace(/,(\d{2,5}\.00),/, () => `,${pick(r, ['1e309', '99999999.00', '0.00', '-5000.00'])},`),
  // a bad date line, or a call swapped to a put
  (t, r) => t.replace(/^"?Date:[^\n]*?(?=,Bid:|\n)/m, pick(r, BAD_DATES)),
  (t) => t.replace(/(\d{6})C(\d{8})/, '$1P$2'),
  // random bytes
  (t, r) => {
    const i = int(r, t.length + 1);
    const junk = Array.from({ length: 1 + int(r, 12) }, () => String.fromCharCode(int(r, 0x3000))).join('');
    return t.slice(0, i) + junk + t.slice(i);
  },
  // JSON: a key renamed, a value's type changed
  (t, r) =>
    t.replace(
      pick(r, ['"open_interest"', '"iv"', '"option"', '"options"', '"data"', '"volume"', '"gamma"']),
      () => pick(r, ['"x"', '"iv"', '"open_interest"']),
    ),
  (t, r) =>
    t.replace(
      /: ?(-?[\d.]+)/,
      () => `: ${pick(r, ['"1e308"', 'null', '[]', '{}', '"0x10"', 'true', '1e999'])}`,
    ),
];

/** A quote table cut to its top lines and a random window of rows (keeps one input small). */
export function window(text: string | string[], r: Rand, maxRows = 60): string {
  const lines = typeof text === 'string' ? text.split('\n') : text;
  if (lines.length < maxRows) return typeof text === 'string' ? text : text.join('\n');
  const header = lines.findIndex((l) => /^Expiration Date,/.test(l));
  if (header < 0 || lines.length - header < maxRows) return lines.join('\n');
  const from = header + 1 + int(r, lines.length - header - maxRows);
  return [...lines.slice(0, header + 1), ...lines.slice(from, from + 1 + int(r, maxRows))].join('\n');
}

/** A CSV with a random header (known names, others, volume) and random rows. */
export function randomCsv(r: Rand): string {
  const names = [
    'expiration',
    'strike',
    'type',
    'oi',
    'iv',
    'volume',
    'gamma',
    'root',
    'spot',
    'call oi',
    'put oi',
    'call iv',
    'put iv',
    'call volume',
    'bid',
    'foo',
  ];
  const header = names.filter(() => r() < 0.6).sort(() => r() - 0.5);
  const cell = (name: string) => {
    if (r() < 0.15) return pick(r, EXTREMES);
    if (name === 'expiration')
      return pick(r, [
        '2025-01-17',
        '01/17/2025',
        'Fri Jan 17 2025',
        '2025-02-30',
        '1999-01-01',
        '2024-12-20',
      ]);
    if (name === 'type') return pick(r, ['C', 'P', 'Call', 'put', 'X']);
    if (name === 'root') return pick(r, ['SPX', 'SPXW', 'SPY250117C00500000', '', '###']);
    if (name.includes('iv')) return String(r() * (r() < 0.2 ? 80 : 1.5));
    if (name === 'strike' || name === 'spot') return String(Math.round(50 + r() * 150));
    return String(int(r, 100_000));
  };
  const rows = Array.from({ length: int(r, 40) }, () => header.map(cell).join(','));
  return [header.join(','), ...rows].join('\n');
}

/**
 * A CSV whose values sit on the bounds a chain may hold (contract-checks.ts): spot 0.001 or 1e7,
 * strikes 0.001× and 100× spot, IV 1e-4 and 20, a billion contracts less one, gamma at its bound,
 * lines expiring within minutes — the worst case for an overflow that the bounds must still prevent.
 */
export function boundsCsv(r: Rand): string {
  const spot = pick(r, [0.001, 0.5, 100, 5000, 1e7]);
  const clip = (x: number) => Math.min(1e7, Math.max(0.001, x));
  const rows = Array.from({ length: 2 + int(r, 12) }, () =>
    [
      pick(r, ['2025-01-17', '2025-01-16', '2025-01-18', '2025-03-21', '2100-12-17']),
      clip(spot * pick(r, [0.001, 0.0011, 0.5, 1, 1.0001, 2, 99.9, 100])).toPrecision(15),
      pick(r, ['C', 'P']),
      pick(r, ['999999999', '0', '1', '5000']),
      pick(r, ['0.0001', '20', '0.2', '0.00011', '19.99']),
      pick(r, ['0', String((9_999 / spot) * 0.999), '0.01']),
      pick(r, ['999999999', '0', '17']),
      spot,
    ].join(','),
  );
  return ['expiration,strike,type,oi,iv,gamma,volume,spot', ...rows].join('\n');
}

/** Fuzz input number `seed`: a mutated real file (most of the time), a random CSV, or noise. */
export function fuzzInput(
  seed: number,
  seeds: readonly { name: string; text: string; lines?: string[] }[],
): { text: string; from: string } {
  const r = rng(seed);
  const kind = r();
  if (kind < 0.06) return { text: randomCsv(r), from: 'random CSV' };
  if (kind < 0.1) return { text: boundsCsv(r), from: 'CSV on the bounds' };
  if (kind < 0.13) {
    const n = int(r, 300);
    return {
      text: Array.from({ length: n }, () => String.fromCharCode(int(r, 0xffff))).join(''),
      from: 'random text',
    };
  }
  // One format in three each, whatever the number of seeds of each (the quote tables outnumber the rest).
  const kinds = [
    seeds.filter((x) => x.name.includes('.json')),
    seeds.filter((x) => x.name.startsWith('generic')),
    seeds.filter((x) => !x.name.includes('.json') && !x.name.startsWith('generic')),
  ].filter((k) => k.length > 0);
  const s = pick(r, pick(r, kinds));
  let text = window(s.lines ?? s.text, r);
  const count = 1 + int(r, 4);
  for (let i = 0; i < count; i++) text = pick(r, MUTATIONS)(text, r);
  return { text, from: s.name };
}
