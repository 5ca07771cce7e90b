/**
 * Writing records into the book's tables as they are in the sheet: in the sheet's column order, with the book's
 * header language for codes and booleans, leaving the manager's own columns alone (null = "leave unchanged", so a
 * calculated column keeps its formula in new rows too).
 *
 * Text safety: a string goes in through textSafe (so "=1+1" or "0912…" stays the same text) — except in a column
 * formatted as Text ("@"), where Excel keeps every entry as typed and an apostrophe would become part of the text.
 */
import { matchHeaders } from "../book/headers";
import type { RawValue } from "../book/raw";
import { TABLES, type RecordTableKey } from "../book/schema";
import { textSafe } from "../book/text";
import { writeCell } from "../book/write";
import type { Lang } from "../domain/types";
import { rowsOp, single, type WriteOp } from "./batch";
import type { TableInfo } from "./readBookTables";

export type CellIn = string | number | boolean | null;

/**
 * A record as a row of the table as it is in the sheet: schema columns get their value ("" when the record has
 * none, so an update clears it), other columns null.
 */
export function tableRow(key: RecordTableKey, record: object, lang: Lang, info: Pick<TableInfo, "headers" | "columnFormats">): CellIn[] {
  const match = matchHeaders(key, info.headers);
  const r = record as Record<string, unknown>;
  return match.columns.map((col, i) => {
    if (!col) return null;
    const v = writeCell(col, r[col.field], lang);
    if (v === null) return "";
    return typeof v === "string" ? safeText(v, info.columnFormats?.[i]) : v;
  });
}

export function safeText(s: string, numberFormat: string | undefined): string {
  if (s === "") return s;
  return numberFormat === "@" ? s : textSafe(s);
}

/** Raw rows (already in the table's column order) made safe for `values`. */
export function safeRows(rows: readonly (readonly RawValue[])[], info: Pick<TableInfo, "columnFormats">): CellIn[][] {
  return rows.map((row) => row.map((v, i) => (typeof v === "string" ? safeText(v, info.columnFormats?.[i]) : v)));
}

function isBlankRow(row: readonly RawValue[] | undefined): boolean {
  return !!row && row.every((v) => v === null || v === "" || (typeof v === "string" && v.trim() === ""));
}

/** True when the table holds only Excel's one blank row of a new table (the first new row goes there). */
export function onlyBlankRow(info: TableInfo): boolean {
  return info.rowCount === 1 && isBlankRow(info.rows?.[0]);
}

/**
 * Appends rows at the end of a table: one rows.add (cut into chunks only by the request limit). A new table's
 * single blank row is filled first instead of being left above the data.
 */
export function appendRowsOps(info: TableInfo, rows: CellIn[][], done?: () => void): WriteOp[] {
  if (rows.length === 0) return [];
  const width = info.headers.length;
  for (const [i, row] of rows.entries()) {
    if (row.length !== width) throw new RangeError(`${info.tableName}: row ${i + 1} to append has ${row.length} cells, the table has ${width} columns`);
  }
  const ops: WriteOp[] = [];
  let rest = rows;
  if (onlyBlankRow(info)) {
    const firstRow = rows[0];
    ops.push(
      single(3, firstRow, (ctx) => {
        ctx.workbook.worksheets.getItem(info.sheet).getRangeByIndexes(info.rowIndex + 1, info.columnIndex, 1, width).values = [firstRow];
      }),
    );
    rest = rows.slice(1);
  }
  if (rest.length > 0) {
    ops.push(
      rowsOp(3, rest, (ctx, from, to) => {
        ctx.workbook.tables.getItem(info.tableName).rows.add(undefined, rest.slice(from, to) as (string | number | boolean)[][]);
      }),
    );
  }
  if (done) {
    const last = ops[ops.length - 1];
    last.done = done;
  }
  return ops;
}

/** Rewrites one data row in place (0-based data index); null cells stay as they are. */
export function updateRowOp(info: TableInfo, dataIndex: number, row: CellIn[]): WriteOp {
  if (dataIndex < 0 || dataIndex >= info.rowCount) throw new RangeError(`${info.tableName}: there is no data row ${dataIndex + 1}`);
  return single(3, row, (ctx) => {
    ctx.workbook.worksheets.getItem(info.sheet).getRangeByIndexes(info.rowIndex + 1 + dataIndex, info.columnIndex, 1, row.length).values = [row];
  });
}

/** Deletes data rows, bottom-up so every index still points at the row it meant when it is deleted. */
export function deleteRowsOp(info: TableInfo, dataIndexes: readonly number[]): WriteOp | undefined {
  const order = [...new Set(dataIndexes)].sort((a, b) => b - a);
  if (order.length === 0) return undefined;
  for (const i of order) if (i < 0 || i >= info.rowCount) throw new RangeError(`${info.tableName}: there is no data row ${i + 1}`);
  return single(2 + 2 * order.length, order, (ctx) => {
    const rows = ctx.workbook.tables.getItem(info.tableName).rows;
    for (const i of order) rows.getItemAt(i).delete();
  });
}

/** Data index of an Excel row number (1-based, as the codec reports it). */
export function dataIndexOf(info: TableInfo, excelRow: number): number {
  return excelRow - (info.rowIndex + 2);
}

export function schemaKeyOf(key: RecordTableKey): string {
  return TABLES[key].tableName;
}
