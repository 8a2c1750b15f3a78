/** Runs the CLI in-process with its real file reader, capturing stdout, stderr and the exit code. */
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main';
import { readChainFile } from '../../src/cli/read-chain-file';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const chains = fileURLToPath(new URL('../../../shared/data/chains/', import.meta.url));
export const fixtures = fileURLToPath(new URL('../fixtures/chains/', import.meta.url));
export const SPX = `${chains}spx_quotedata_2023-09-14_full.csv`;

export async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    readText: readChainFile,
  });
  return { code, out, err };
}
