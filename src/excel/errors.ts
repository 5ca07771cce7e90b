/**
 * Errors of our own commands: a code the task pane maps to what the manager can do (see src/taskpane/errors.ts)
 * and the precise reason in all three languages, shown as it is.
 */
import type { Localized } from "../domain/result";

export type CommandErrorCode =
  /** The workbook lacks the ClientBook tables a command needs. */
  | "NoBook"
  /** An argument or a record the pane passed is not usable. */
  | "InvalidArgument"
  /** The sample would be written into a book that already holds clients. */
  | "ItemAlreadyExists"
  /** An output sheet's name is taken by a sheet holding one of the book's tables. */
  | "InvalidOperation"
  /** The host lacks an API the command cannot do without. */
  | "ApiNotFound"
  /** The book was written by a newer ClientBook: it is read, never written (src/book/bookVersion.ts). */
  | "NewerBook";

export class CommandError extends Error {
  readonly code: CommandErrorCode;
  readonly localized: Localized;

  constructor(code: CommandErrorCode, localized: Localized) {
    super(localized["en-US"]);
    this.name = "CommandError";
    this.code = code;
    this.localized = localized;
  }
}

export function commandError(code: CommandErrorCode, message: Localized): CommandError {
  return new CommandError(code, message);
}

/** The Office.js error code of a thrown value (OfficeExtension.Error.code), if any. */
export function officeCode(err: unknown): string | undefined {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}
