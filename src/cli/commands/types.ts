/** What every command returns: the files to write, the lines for stderr, the exit status and a summary. */
import type { Progress } from "../output";
import type { ByteSink } from "../../xlsx/zipStream";

export interface OutputFile {
  path: string;
  /** The file's bytes; empty when the command already wrote it through CommandContext.openOutput. */
  bytes: Uint8Array;
  /** Written already (streamed to the file as it was made): the shell only reports it. */
  written?: boolean;
}

/**
 * A file being written as it is made (`clientbook build`): the bytes go to a temporary file beside it, which
 * replaces the file only when everything is written (commit) and is deleted when the build fails (abort), so a
 * failed build never leaves half a workbook nor replaces the last good one.
 */
export interface OutputSink extends ByteSink {
  write(chunk: Uint8Array): void;
  commit(): void;
  abort(): void;
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
  /** Opens an output file to stream into (the CLI's own files); without it commands return the bytes. */
  openOutput?: (path: string) => OutputSink;
  /** Milliseconds clock, for the summary's timing (tests may fix it). */
  now?: () => number;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
