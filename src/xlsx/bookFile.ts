/**
 * The book's tables in a file: each of the seven tables (six record tables and Settings) on its own sheet as a
 * real Excel table, laid out by src/book/layout.ts (headers, number formats, drop-down lists on coded columns,
 * widths) as the Excel set-up lays them out — the shared template, the demo, an import's result and the tables
 * `clientbook build` copies into its output.
 *
 * Formats and lists follow the columns a header names (any language, any order), so a user's table copied
 * verbatim keeps its own columns and order and still gets the right formats; the user's own columns get none.
 */
import { tableLayout, type TableLayout } from "../book/layout";
import type { RawValue } from "../book/raw";
import { TABLE_KEYS } from "../book/schema";
import type { TableKey } from "../book/schema";
import { writeTable } from "../book/write";
import type { Book, Lang } from "../domain/types";
import type { XlsxFile } from "./excelize";
import { tablePrintSetup } from "../sheets/print";
import { fitTableWidths } from "../sheets/widths";
import { addTableSheet } from "./tables";
import type { TableSheetOptions } from "./tables";

export { tableHeaders } from "../book/layout";

/** A table as it is to be written: its header row and rows (a user's table copied, or the book's written). */
export interface TableRows {
  headers: readonly RawValue[];
  rows: readonly RawValue[][];
}

/** addTableSheet's options for a laid-out table (in `lang`, for its printed footer) and its rows. */
export function tableSheetOptions(layout: TableLayout, rows: readonly RawValue[][], lang: Lang): TableSheetOptions {
  // the layout's widths, widened to what the rows hold (an 18-digit id number, an address: src/sheets/widths.ts)
  const widths = fitTableWidths(
    layout.columns.map((c) => c.width),
    rows,
    layout.columns.map((c) => c.format),
  );
  const columnFormats: (string | undefined)[] = [];
  const validations: { column: number; list: string[] }[] = [];
  layout.columns.forEach((c, i) => {
    if (c.format !== undefined) columnFormats[i] = c.format;
    if (c.list) validations.push({ column: i, list: c.list });
  });
  return {
    sheet: layout.sheet,
    tableName: layout.tableName,
    headers: layout.columns.map((c) => c.header),
    rows,
    columnFormats,
    validations,
    widths,
    print: tablePrintSetup(widths, lang),
  };
}

/**
 * Options for addTableSheet for one of the book's tables: formats, drop-down lists (labels in `lang`) and widths
 * of the schema columns its headers name. Rows wider than the header row get extra "Column N" headers.
 */
export function bookTableOptions(key: TableKey, table: TableRows, lang: Lang, sheet?: string): TableSheetOptions {
  const width = table.rows.reduce((w, r) => Math.max(w, r.length), table.headers.length);
  return tableSheetOptions(tableLayout(key, lang, { headers: table.headers, width, ...(sheet !== undefined ? { sheet } : {}) }), table.rows, lang);
}

/**
 * The seven tables of `book` as file sheets, in schema order, headers, codes and booleans in `lang` (default the
 * book's language). A table given in `copied` is written as it is (a user's table, on its own sheet when it names
 * one); the others are the book's own rows under the schema's headers. An empty book gives the empty template.
 */
export function bookTables(book: Book, lang: Lang = book.settings.language, copied: Partial<Record<TableKey, TableRows & { sheet?: string }>> = {}): TableSheetOptions[] {
  return TABLE_KEYS.map((key) => {
    const t = copied[key];
    return t ? bookTableOptions(key, t, lang, t.sheet) : bookTableOptions(key, writeTable(book, key, lang), lang);
  });
}

/** Adds the seven tables of `book` (see bookTables) as sheets of `f`, in schema order; returns the sheet names. */
export function addBookTables(f: XlsxFile, book: Book, lang: Lang = book.settings.language): string[] {
  return bookTables(book, lang).map((opts) => {
    addTableSheet(f, opts);
    return opts.sheet;
  });
}
