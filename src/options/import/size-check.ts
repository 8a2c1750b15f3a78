/**
 * The import's size rule (core/import/size-limit.ts) where text enters the options page: a chosen or
 * dropped file is measured before it is read, pasted text before it is sent to the worker (which
 * checks again: importChain applies the same rule to whatever reaches it).
 */
import { MAX_IMPORT_BYTES, sizeProblem, textBytesAgainst } from '../../core/import/size-limit.ts';

/** null, or the message that says the limit and why. */
export function fileSizeProblem(file: { name: string; size: number }): string | null {
  return sizeProblem(file.size, file.name);
}

/** The same for text already in memory; `what` names it in the message. */
export function textSizeProblem(text: string, what = 'The pasted text'): string | null {
  return sizeProblem(textBytesAgainst(text, MAX_IMPORT_BYTES), what);
}
