/**
 * The CLI's flags, checked strictly (issue 12.2): numbers are plain decimals within a sane range
 * ("0x10", "1e-300", "-5", "Infinity" are refused, not coerced), --at is a real calendar date and
 * time (2023-02-30 is refused, not rolled over to 2 March), every choice is one of its words.
 */
import { parseArgs } from 'node:util';
import { MAX_PRICE, MIN_PRICE, YEARS } from '../core/contract-checks';
import {
  type Model,
  makeModel,
  POSITIONS_MODELS,
  type PositionsModel,
  PRESETS,
  SCOPES,
  SIGN_MODELS,
} from '../core/model';
import { zonedToUtc } from '../core/ny-time';
import { daysInMonth } from '../core/occ';

/** Exit codes (also in USAGE). */
export const EXIT = { ok: 0, badInput: 1, usage: 2, nothingInScope: 3, internal: 70 } as const;

/** Default --max-mb: 64 MiB, 45× the largest real chain file (SPX with every expiration, 1.4 MiB). */
export const DEFAULT_MAX_MB = 64;

/**
 * A whole number with en-US thousands separators ('10,000,000'), without Intl: USAGE is built when
 * the CLI loads, and the first Intl call of a process (toLocaleString included) costs 16–25 ms of
 * ICU start-up on this machine — which then fell on every run, --help included.
 */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

export const USAGE = `usage: gexfocus analyze <chain-file> [--preset ${PRESETS.join('|')}] [--spot N] [--at ISO-8601]
                        [--signs ${SIGN_MODELS.join('|')}] [--scope ${SCOPES.join('|')}]
                        [--positions ${POSITIONS_MODELS.join('|')}] [--max-mb N] [--json]
  <chain-file>  a Cboe quote table (quotedata.csv), Cboe delayed-quotes JSON, or a CSV with a header row
  --spot N      the underlying's price (a plain decimal, ${MIN_PRICE}–${grouped(MAX_PRICE)}); required when the file has none
  --at T        the evaluation instant, e.g. 2023-09-14T11:20:00-04:00 (no zone = New York time);
                default: the file's snapshot time, required when the file has none
  --positions   which contracts count: open interest (oi, default), plus the day's volume, or volume alone
  --max-mb N    read files up to N MiB (default ${DEFAULT_MAX_MB})
exit codes: 0 ok · 1 bad input file · 2 bad usage · 3 nothing in scope (no regime or flow to report) · 70 internal error
`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliArgs {
  file: string;
  model: Model;
  /** Whether --positions was given (a file without volume then needs 'oi'). */
  positionsGiven: boolean;
  spot?: number;
  /** ISO UTC. */
  at?: string;
  maxBytes: number;
  json: boolean;
  help: boolean;
}

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

/** A plain decimal number within [min, max]; anything else is a UsageError naming the flag. */
export function decimalFlag(flag: string, text: string, min: number, max: number): number {
  const x = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (!(x >= min && x <= max))
    throw new UsageError(
      `${flag} must be a plain decimal number from ${min} to ${max.toLocaleString('en-US')} (got "${text}")`,
    );
  return x;
}

const AT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|([+-])(\d{2}):?(\d{2}))?$/i;

/**
 * --at: ISO-8601 with a zone ('2023-09-14T16:31-04:00', '…Z'); without one the wall time is New
 * York's. Every part must exist on the calendar and the clock. Returns ISO UTC.
 */
export function instantFrom(text: string): string {
  const bad = (why: string): never => {
    throw new UsageError(
      `--at must be a real date and time, e.g. 2023-09-14T16:31-04:00: ${why} (got "${text}")`,
    );
  };
  const m = AT.exec(text.trim());
  if (!m) return bad('not ISO-8601');
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? 0);
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  if (year < YEARS.min || year > YEARS.max) bad(`the year must be ${YEARS.min}–${YEARS.max}`);
  if (month < 1 || month > 12) bad(`month ${month} does not exist`);
  if (day < 1 || day > daysInMonth(year, month)) bad(`${year}-${m[2]} has no day ${day}`);
  if (hour > 23 || minute > 59 || second > 59) bad('not a time of day');
  if (!m[8]) return new Date(zonedToUtc({ year, month, day, hour, minute, second }) + ms).toISOString();
  const offH = Number(m[10] ?? 0);
  const offM = Number(m[11] ?? 0);
  if (offH > 14 || offM > 59) bad('not a UTC offset');
  const offset = (m[9] === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset).toISOString();
}

function pick<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** Parses argv (after the node and script paths). Throws UsageError or Node's ERR_PARSE_ARGS_*. */
export function parseCliArgs(argv: string[]): CliArgs {
  const { values: v, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      preset: { type: 'string' },
      spot: { type: 'string' },
      at: { type: 'string' },
      signs: { type: 'string' },
      scope: { type: 'string' },
      positions: { type: 'string' },
      'max-mb': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help)
    return { file: '', model: makeModel(), positionsGiven: false, maxBytes: 0, json: false, help: true };
  const [command, file, ...rest] = positionals;
  if (command !== 'analyze' || !file || rest.length) throw new UsageError('expected: analyze <chain-file>');
  const preset = pick('--preset', v.preset, PRESETS);
  const signs = pick('--signs', v.signs, SIGN_MODELS);
  const scope = pick('--scope', v.scope, SCOPES);
  const positions = pick<PositionsModel>('--positions', v.positions, POSITIONS_MODELS);
  const maxMb = v['max-mb'] === undefined ? DEFAULT_MAX_MB : decimalFlag('--max-mb', v['max-mb'], 0.001, 1e6);
  return {
    file,
    model: makeModel({
      ...(preset && { preset }),
      ...(signs && { signs }),
      ...(scope && { scope }),
      ...(positions && { positions }),
    }),
    positionsGiven: positions !== undefined,
    spot: v.spot === undefined ? undefined : decimalFlag('--spot', v.spot, MIN_PRICE, MAX_PRICE),
    at: v.at === undefined ? undefined : instantFrom(v.at),
    maxBytes: Math.floor(maxMb * 1024 * 1024),
    json: v.json === true,
    help: false,
  };
}
