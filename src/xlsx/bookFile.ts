/**
 * The book's tables in a file: each of the seven tables (six record tables and Settings) on its own sheet as a
 * real Excel table, with the schema's number formats, drop-down lists on coded columns and widths — the shared
 * template, the demo, an import's result and the tables `clientbook build` copies into its output.
 *
 * Formats and lists follow the columns a header names (any language, any order), so a user's table copied
 * verbatim keeps its own columns and order and still gets the right formats; the user's own columns get none.
 */
import { codeLabels } from "../book/codes";
import { matchHeaders } from "../book/headers";
import type { RawValue } from "../book/raw";
import { columnCodeList, sheetName, TABLE_KEYS, TABLES } from "../book/schema";
import type { TableKey } from "../book/schema";
import { cellText } from "../book/text";
import { writeTable } from "../book/write";
import type { Book, Lang } from "../domain/types";
import type { XlsxFile } from "./excelize";
import { addTableSheet } from "./tables";
import type { TableSheetOptions } from "./tables";

/** Width of a column the schema does not know (a user's own column). */
const USER_COLUMN_WIDTH = 14;

/**
 * Headers an Excel table accepts: every header non-blank and unique ignoring case, as many as the widest row.
 * A blank header becomes "Column N" (N its 1-based position); a repeat gets "_2", "_3"… — not " (2)", which the
 * header matcher would read as a unit in brackets and so as the same book column again.
 */
export function tableHeaders(headers: readonly RawValue[], width = headers.length): string[] {
  const used = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < Math.max(width, headers.length); i++) {
    const base = (cellText(headers[i]) ?? `Column ${i + 1}`).replace(/[\r\n\t]+/g, " ");
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
    used.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

/**
 * Options for addTableSheet for one of the book's tables: formats, drop-down lists (labels in `lang`) and widths
 * of the schema columns its headers name. Rows wider than the header row get extra "Column N" headers.
 */
export function bookTableOptions(
  key: TableKey,
  table: { headers: readonly RawValue[]; rows: readonly RawValue[][] },
  lang: Lang,
  sheet: string = sheetName(key, lang),
): TableSheetOptions {
  const width = table.rows.reduce((w, r) => Math.max(w, r.length), table.headers.length);
  const headers = tableHeaders(table.headers, width);
  const match = matchHeaders(key, table.headers);
  const columnFormats: (string | undefined)[] = [];
  const validations: { column: number; list: string[] }[] = [];
  const widths: number[] = [];
  headers.forEach((h, i) => {
    const col = match.columns[i];
    // at least as wide as the header itself (CJK characters count double)
    const headerWidth = [...h].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 2);
    widths.push(Math.min(60, Math.max(col?.width ?? USER_COLUMN_WIDTH, headerWidth)));
    if (!col) return;
    if (col.format !== "General") columnFormats[i] = col.format;
    const list = columnCodeList(col);
    if (list) validations.push({ column: i, list: codeLabels(list, lang) });
  });
  return {
    sheet,
    tableName: TABLES[key].tableName,
    headers,
    rows: table.rows,
    columnFormats,
    validations,
    widths,
  };
}

/**
 * Adds the seven tables of `book` (headers, codes and booleans in `lang`, default the book's language) as sheets
 * of `f`, in schema order; returns the sheet names. An empty book gives the empty template.
 */
export function addBookTables(f: XlsxFile, book: Book, lang: Lang = book.settings.language): string[] {
  const sheets: string[] = [];
  for (const key of TABLE_KEYS) {
    const written = writeTable(book, key, lang);
    const opts = bookTableOptions(key, written, lang);
    addTableSheet(f, opts);
    sheets.push(opts.sheet);
  }
  return sheets;
}
