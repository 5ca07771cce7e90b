/**
 * Row errors as the command prints them, one per line, like a compiler: "clients.csv:7: 生日: reason" for a CSV
 * (line = CSV line), "book.xlsx:客户:7: 生日: reason" for a workbook (sheet and Excel row). Reasons in English
 * (the CLI's language); the import-errors sheet carries them in the book's language.
 */
import { formatRowError } from "../book/errors";
import type { RowError } from "../book/errors";

/** The reason alone: formatRowError's English sentence without its "sheet, row N, column: " prefix. */
export function rowErrorReason(e: RowError): string {
  const text = formatRowError(e, "en-US");
  const where = `${e.sheet}, row ${e.row}${e.column !== undefined ? `, ${e.column}` : ""}: `;
  return text.startsWith(where) ? text.slice(where.length) : text;
}

/** "<place>:<row>: <column>: <reason>", the column left out for errors about a whole table. */
export function rowErrorLine(e: RowError, place: string): string {
  return `${place}:${e.row}: ${e.column !== undefined ? `${e.column}: ` : ""}${rowErrorReason(e)}`;
}

/** Codes that ignore a header or a setting without rejecting any data row. */
const WARNINGS = new Set<RowError["code"]>(["duplicateColumn"]);

/** Rows (and whole tables) that were not read, counted once each however many of their cells are at fault. */
export function rejectedRowCount(errors: readonly RowError[]): number {
  return new Set(errors.filter((e) => !WARNINGS.has(e.code)).map((e) => `${e.table}\u0000${e.sheet}\u0000${e.row}`)).size;
}
