/**
 * Reads a chain file for the CLI: its size is checked before a byte is read (a 200 MB file used to
 * take 13.9 s and 662 MB), and what goes wrong is said in words, never as Node's errno text
 * (EISDIR, EACCES, ENOENT…).
 */
import { readFile, stat } from 'node:fs/promises';
import { sizeProblem } from '../core/import/size-limit';

/** A file that cannot be read as a chain; the message names the file and what is wrong. */
export class InputFileError extends Error {
  override name = 'InputFileError';
}

const WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory, not a chain file',
  EACCES: 'permission denied: the file cannot be read',
  EPERM: 'permission denied: the file cannot be read',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links in the path',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many files open',
  EIO: 'the disk reported an input/output error',
};

function words(e: unknown): string {
  const code = typeof e === 'object' && e !== null ? String((e as { code?: unknown }).code ?? '') : '';
  return WORDS[code] ?? `it cannot be read${code ? ` (${code})` : ''}`;
}

/** The file's text (UTF-8), if it is a regular file of at most `maxBytes`; else InputFileError. */
export async function readChainFile(path: string, maxBytes: number): Promise<string> {
  try {
    // stat first: opening a named pipe would wait for a writer, and a directory has no text.
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (!info.isFile()) throw new InputFileError(`${path}: not a regular file (a device, pipe or socket)`);
    const tooBig = sizeProblem(info.size, path, maxBytes, { flag: '--max-mb N reads larger files' });
    if (tooBig) throw new InputFileError(tooBig);
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    throw new InputFileError(`${path}: ${words(e)}`);
  }
}
