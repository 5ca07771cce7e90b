/** What every command returns: the files to write, the lines for stderr, the exit status and a summary. */
import type { Progress } from "../output";

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

/** An input file's name as given on the command line, and its bytes. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface CommandResult {
  files: OutputFile[];
  /** Rejected rows, one line each ("file:line: column: reason"), for stderr. */
  errors: string[];
  /** Things the user must know before using the files (not errors: the exit status is unchanged), for stderr. */
  warnings?: string[];
  /** 0: done; 1: done, but rows were rejected. (2, usage errors, is thrown as UsageError.) */
  exitCode: 0 | 1;
  /** What was done, one line for stdout. */
  summary: string;
}

export interface CommandContext {
  onProgress?: Progress;
  /** Milliseconds clock, for the summary's timing (tests may fix it). */
  now?: () => number;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
