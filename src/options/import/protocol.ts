/** Messages between the options page and its import worker. */
import type { Analysis } from '../../core/analyze.ts';
import type { ChainJSON } from '../../core/chain.ts';
import type { ImportFormat, SkippedGroup } from '../../core/import/result.ts';
import type { Model } from '../../core/model.ts';

export type ToWorker =
  | { kind: 'import'; text: string; fileName?: string }
  | { kind: 'analyze'; asOf: string; spot: number; model: Model };

/** The import result, made cloneable (typed arrays as JSON). */
export interface ParsedChain {
  format: ImportFormat;
  chain: ChainJSON;
  asOfStatus: 'file' | 'missing' | 'unreadable';
  asOfText?: string;
  skipped: SkippedGroup[];
  notes: string[];
  fileName?: string;
  /** Milliseconds the parse took (shown in the preview). */
  parseMs: number;
}

/** What the preview shows from the engine, evaluated at the snapshot time and the file's spot. */
export type PreviewAnalysis = Omit<Analysis, 'strikes' | 'profile'> & { evaluationMs: number };

export type FromWorker =
  | { kind: 'progress'; fraction: number; phase: 'reading' | 'analyzing' }
  | { kind: 'parsed'; parsed: ParsedChain }
  | { kind: 'analysis'; analysis: PreviewAnalysis }
  | { kind: 'error'; message: string; phase: 'import' | 'analyze' };
