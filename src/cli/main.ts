/**
 * gexfocus command line (usage and exit codes: ./args.ts USAGE):
 *
 *   gexfocus analyze <file> [--preset live|classic] [--spot N] [--at ISO-8601] [--signs MODEL]
 *                           [--scope all|0dte|7d|ex-nearest] [--positions oi|oi+volume|volume]
 *                           [--max-mb N] [--json]
 *
 * The file goes through importChain, the options page's own pipeline (format detection, the three
 * importers, the bounds and the size rule), not a reader of its own (issue 12.5). main(argv, io)
 * returns the exit code. Errors are one line on stderr naming the file and what is wrong — never a
 * stack trace, never Node's errno text.
 */
// Modules one by one, not the '../core' index: the CLI then loads no code it does not run (the
// per-tick tables of normal-table.ts alone took 13 ms of start-up in a profile on this machine).
import { analyze } from '../core/analyze';
import type { Chain } from '../core/chain';
import { computeDrivers } from '../core/drivers';
import { ImportError, importChain } from '../core/import';
import { FORMAT_LABELS, type ImportResult } from '../core/import/result';
import type { Model } from '../core/model';
import { type Prepared, prepare } from '../core/prepare';
import { type CliArgs, EXIT, parseCliArgs, USAGE, UsageError } from './args';
import { formatSummary, POSITIONS_WORDS, SCOPE_WORDS } from './format';
import { toContractJson } from './json';
import { InputFileError, readChainFile } from './read-chain-file';

export { instantFrom, USAGE } from './args';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The file's text, or InputFileError (missing, a directory, larger than maxBytes…). */
  readText: (path: string, maxBytes: number) => Promise<string>;
}

/**
 * A reader that stops early (`gexfocus analyze … --json | head -c 300`) closes the pipe: Node then
 * throws EPIPE from the stream with a stack trace. The output was wanted only that far: end quietly.
 */
let pipeWatched = false;
function writeOut(text: string): void {
  if (!pipeWatched) {
    pipeWatched = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  process.stdout.write(text);
}

const defaultIo: Io = {
  out: writeOut,
  err: (t) => process.stderr.write(t),
  readText: readChainFile,
};

/** A problem with what the file holds for these flags: exit code and one line (without the prefix). */
class Refusal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

const EXAMPLE_AT = '--at 2023-09-14T16:31-04:00';

/** The snapshot time and spot the analysis needs, from the file or the flags; else a Refusal. */
function timeAndSpot(file: string, r: ImportResult): { asOf: string; spot: number } {
  const label = FORMAT_LABELS[r.format];
  if (!r.chain.asOf) {
    if (r.asOfStatus === 'unreadable') {
      const line = r.asOfLine ? `line ${r.asOfLine}, ` : '';
      throw new Refusal(
        EXIT.badInput,
        `${file}: ${line}cannot read the snapshot time ${JSON.stringify(r.asOfText ?? '')}${r.asOfProblem ? ` (${r.asOfProblem})` : ''}; pass it with ${EXAMPLE_AT}`,
      );
    }
    throw new Refusal(
      EXIT.badInput,
      `${file}: the file has no snapshot time (${label}); pass it with ${EXAMPLE_AT}`,
    );
  }
  if (Number.isNaN(r.chain.spot))
    throw new Refusal(
      EXIT.badInput,
      `${file}: the file has no underlying price (${label}); pass it with --spot N`,
    );
  return { asOf: r.chain.asOf, spot: r.chain.spot };
}

function checkPositions(file: string, r: ImportResult, model: Model): void {
  if (model.positions === 'oi' || r.chain.hasVolume) return;
  throw new Refusal(
    EXIT.usage,
    `--positions ${model.positions} needs the day's volume, and ${file} has none (a ${FORMAT_LABELS[r.format]} without a volume column); use --positions oi`,
  );
}

/** Nothing takes part (e.g. --scope 0dte after the close): say so instead of a regime of nothing. */
function checkScope(file: string, chain: Chain, p: Prepared, model: Model, asOf: string): void {
  if (p.n > 0) return;
  const c = p.counts;
  const held =
    c.used > 0 ? `; the ${c.used} in scope with an IV hold no ${POSITIONS_WORDS[p.positions]}` : '';
  throw new Refusal(
    EXIT.nothingInScope,
    `${file}: nothing in scope at ${asOf}: none of the ${chain.count} contracts takes part (${c.expired} expired, ${c.noIv} without IV, ${c.outOfScope} outside the scope ${model.scope}: ${SCOPE_WORDS[model.scope]}${held}); no regime or flow to report`,
  );
}

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    io.err(`gexfocus: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return EXIT.usage;
  }
  if (args.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const { file, model } = args;
  try {
    const text = await io.readText(file, args.maxBytes);
    const r = importChain(text, { asOf: args.at, spot: args.spot, maxBytes: args.maxBytes });
    const { asOf, spot } = timeAndSpot(file, r);
    checkPositions(file, r, model);
    const prepared = prepare(r.chain, model, Date.parse(asOf));
    checkScope(file, r.chain, prepared, model, asOf);
    const analysis = analyze(prepared, spot);
    const drivers = model.preset === 'live' ? computeDrivers(prepared, spot) : null;
    const out = {
      chain: r.chain,
      model,
      positions: prepared.positions,
      asOf,
      analysis,
      drivers,
      skipped: r.skipped,
    };
    io.out(
      args.json
        ? `${JSON.stringify(toContractJson(out))}\n`
        : formatSummary({ ...out, underlying: r.chain.underlying }),
    );
    return EXIT.ok;
  } catch (e) {
    if (e instanceof Refusal) {
      io.err(`gexfocus: ${e.message}\n${e.code === EXIT.usage ? USAGE : ''}`);
      return e.code;
    }
    if (e instanceof InputFileError || e instanceof ImportError) {
      io.err(`gexfocus: ${e instanceof ImportError ? `${file}: ` : ''}${oneLine(e.message)}\n`);
      return EXIT.badInput;
    }
    if (e instanceof UsageError) {
      io.err(`gexfocus: ${e.message}\n${USAGE}`);
      return EXIT.usage;
    }
    io.err(
      `gexfocus: ${file}: internal error, please report it: ${oneLine(String(e instanceof Error ? e.message : e))}\n`,
    );
    return EXIT.internal;
  }
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');
