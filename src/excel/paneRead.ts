/**
 * The pane's read of the book (ReadResult) from a loaded book: what readBook returns, and what an output command
 * returns of the read it made (it changes no table), so the pane needs no read of its own (src/taskpane/store.tsx).
 */
import { planUpgrade, shapeOf } from "../book/bookVersion";
import type { ReadResult, TableRows } from "./api";
import type { LoadedBook } from "./readBookTables";

/** The ReadResult of a loaded book; `syncs` are the syncs the read took. */
export function paneRead<X>(loaded: LoadedBook<X>, syncs: number): ReadResult {
  const sheets: ReadResult["sheets"] = {};
  for (const [key, info] of Object.entries(loaded.tables)) if (info) sheets[key as keyof typeof sheets] = info.sheet;
  // The book's format version against this add-in's (src/book/bookVersion.ts): upgrade it, or only read it.
  const plan = planUpgrade(shapeOf(loaded.tables));
  const format = { version: plan.from, newer: plan.newer, upgrade: plan.needed };
  // Each table's place and rows as read (the same arrays, not copies): the pane puts a per-client command's rows in
  // their place (src/taskpane/model/clientMerge.ts).
  const tables: ReadResult["tables"] = {};
  for (const [key, info] of Object.entries(loaded.tables)) {
    if (info?.rows) tables[key as keyof typeof tables] = { sheet: info.sheet, rowIndex: info.rowIndex, columnIndex: info.columnIndex, headers: info.headers, rows: info.rows } satisfies TableRows;
  }
  return { syncs, book: loaded.read.book, errors: loaded.read.errors, hasBook: loaded.hasBook, rows: loaded.read.rows, sheets, format, tables };
}
