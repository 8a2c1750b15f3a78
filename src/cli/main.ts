/**
 * gexfocus command line:
 *
 *   gexfocus analyze <file> [--preset live|classic] [--spot N] [--at ISO-8601] [--signs MODEL]
 *                           [--scope all|0dte|7d|ex-nearest] [--json]
 *
 * main(argv, io) returns the exit code: 0 ok, 1 bad input file, 2 bad usage. Errors are one line on
 * stderr naming the file, the line and what is wrong — never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  analyze,
  ChainParseError,
  type Model,
  makeModel,
  PRESETS,
  parseCboeQuoteTable,
  prepare,
  SCOPES,
  SIGN_MODELS,
  zonedToUtc,
} from '../core';
import { formatSummary } from './format';
import { toContractJson } from './json';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  readText: (path: string) => Promise<string>;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readText: (p) => readFile(p, 'utf8'),
};

export const USAGE = `usage: gexfocus analyze <chain-file> [--preset ${PRESETS.join('|')}] [--spot N] [--at ISO-8601]
                        [--signs ${SIGN_MODELS.join('|')}] [--scope ${SCOPES.join('|')}] [--json]
`;

class UsageError extends Error {}

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let file = '';
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        preset: { type: 'string' },
        spot: { type: 'string' },
        at: { type: 'string' },
        signs: { type: 'string' },
        scope: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const [command, path, ...rest] = positionals;
    if (command !== 'analyze' || !path || rest.length) throw new UsageError('expected: analyze <chain-file>');
    file = path;
    const model = modelFrom(values);
    const spot = values.spot === undefined ? undefined : positive('--spot', values.spot);
    const at = values.at === undefined ? undefined : instantFrom(values.at);
    const text = await io.readText(path).catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${path}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
    });
    const chain = parseCboeQuoteTable(text, { asOf: at, spot });
    const asOf = chain.asOf!;
    const prepared = prepare(chain, model, Date.parse(asOf));
    const analysis = analyze(prepared, spot ?? chain.spot);
    io.out(
      values.json
        ? `${JSON.stringify(toContractJson(chain, model, asOf, analysis))}\n`
        : formatSummary({ file: path, underlying: chain.underlying, asOf, model, analysis }),
    );
    return 0;
  } catch (e) {
    if (e instanceof ChainParseError) {
      io.err(`gexfocus: ${file}: ${e.message}\n`);
      return 1;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`gexfocus: ${msg}\n${e instanceof UsageError || isArgError(e) ? USAGE : ''}`);
    return 2;
  }
}

function isArgError(e: unknown): boolean {
  return (
    typeof e === 'object' && e !== null && String((e as { code?: string }).code).startsWith('ERR_PARSE_ARGS')
  );
}

function modelFrom(v: { preset?: string; signs?: string; scope?: string }): Model {
  const pick = <T extends string>(
    flag: string,
    value: string | undefined,
    allowed: readonly T[],
  ): T | undefined => {
    if (value === undefined) return undefined;
    if (!allowed.includes(value as T))
      throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
    return value as T;
  };
  const preset = pick('--preset', v.preset, PRESETS);
  const signs = pick('--signs', v.signs, SIGN_MODELS);
  const scope = pick('--scope', v.scope, SCOPES);
  return makeModel({
    ...(preset && { preset }),
    ...(signs && { signs }),
    ...(scope && { scope }),
  });
}

function positive(flag: string, text: string): number {
  const x = Number(text);
  if (!(x > 0) || !Number.isFinite(x))
    throw new UsageError(`${flag} must be a positive number (got "${text}")`);
  return x;
}

/**
 * --at: ISO-8601 with a zone ('2023-09-14T16:31-04:00', '…Z'); without a zone the wall time is
 * read as New York time. Returns ISO UTC.
 */
export function instantFrom(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (m) {
    const [year, month, day, hour, minute, second] = m.slice(1).map((s) => Number(s ?? 0)) as number[];
    return new Date(
      zonedToUtc({ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second }),
    ).toISOString();
  }
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim())
    ? Date.parse(text)
    : Number.NaN;
  if (Number.isNaN(ms))
    throw new UsageError(`--at must be ISO-8601, e.g. 2023-09-14T16:31-04:00 (got "${text}")`);
  return new Date(ms).toISOString();
}
