/**
 * Writing records into the book's tables as they are in the sheet: in the sheet's column order, with the book's
 * header language for codes and booleans, leaving the manager's own columns alone (null = "leave unchanged", so a
 * calculated column keeps its formula in new rows too).
 *
 * Text safety, per cell: Excel reads a string set through `values` as typed input in the cell's own number format
 * (Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets
 * this value as a formula"; number-, date-, time-, percent- and TRUE/FALSE-like text becomes a number, date or
 * boolean), except in a cell formatted as Text ("@"), which "treats the content of a cell as text and displays the
 * content exactly as you type it, even when you type numbers" ("Available number formats in Excel",
 * https://support.microsoft.com/office/0afe8f52-97db-41f1-b972-4b46e9f1e8d2; "set the cell format before you type",
 * "Long numbers are displayed incorrectly in Excel", learn.microsoft.com/troubleshoot). A leading apostrophe would
 * protect it in a General cell but becomes part of the text in a "@" cell, and the format of the cell a command
 * writes is not known without reading it (rows a manager pasted carry their own formats, row by row). So every
 * string that Excel could read as anything but itself goes into a cell whose number format is set to "@" in the
 * same batch, just before the value: exactly the written cells, nothing else (`textFormats`, `queueGrid`). Plain
 * text (a letter first, no digit, not TRUE/FALSE) is stored as typed in any format and keeps the cell's format.
 * ("Blank and null values in Excel add-ins": null in a values or numberFormat array leaves that cell unchanged,
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values.)
 */
import { matchHeaders } from "../book/headers";
import type { RawValue } from "../book/raw";
import { TABLES, type RecordTableKey } from "../book/schema";
import { writeCell } from "../book/write";
import type { Lang } from "../domain/types";
import { jsonBytes, rowsOp, single, type WriteOp } from "./batch";
import type { TableInfo } from "./readBookTables";

export type CellIn = string | number | boolean | null;

/**
 * Text that Excel stores as typed whatever the cell's format: it starts with a letter (any script), holds no digit
 * (ASCII or full-width: dates, times, numbers, fractions, "Jan-5", "3/5", "1e5") and is not TRUE/FALSE (booleans).
 */
export function plainText(s: string): boolean {
  return /^[\p{L}]/u.test(s) && !/[0-9０-９]/.test(s) && !/^\s*(true|false)\s*$/i.test(s);
}

/** True for a value that must go into a Text ("@") cell to arrive as the same text. */
export function needsTextFormat(v: unknown): v is string {
  return typeof v === "string" && v !== "" && !plainText(v);
}

/** The numberFormat array to set before writing `grid`: "@" on the cells needing it, null elsewhere; undefined when none does. */
export function textFormats(grid: readonly (readonly CellIn[])[]): (string | null)[][] | undefined {
  let any = false;
  const formats = grid.map((row) =>
    row.map((v) => {
      if (!needsTextFormat(v)) return null;
      any = true;
      return "@";
    }),
  );
  return any ? formats : undefined;
}

/** Queues a grid of values into a range (same shape): "@" first on the cells whose text needs it, then the values. */
export function queueGrid(range: Excel.Range, grid: CellIn[][]): void {
  const formats = textFormats(grid);
  if (formats) range.numberFormat = formats;
  range.values = grid as (string | number | boolean)[][];
}

/** Bytes a grid adds to a request when written through queueGrid (values, plus the format array when any). */
export function gridBytes(row: readonly CellIn[]): number {
  const formats = textFormats([row]);
  return jsonBytes(row) + (formats ? jsonBytes(formats[0]) : 0);
}

/**
 * A record as a row of the table as it is in the sheet: schema columns get their value ("" when the record has
 * none, so an update clears it), other columns null. Strings are the text itself (queueGrid protects them).
 */
export function tableRow(key: RecordTableKey, record: object, lang: Lang, info: Pick<TableInfo, "headers">): CellIn[] {
  const match = matchHeaders(key, info.headers);
  const r = record as Record<string, unknown>;
  return match.columns.map((col) => {
    if (!col) return null;
    const v = writeCell(col, r[col.field], lang);
    return v === null ? "" : v;
  });
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
 * single blank row is filled first instead of being left above the data. rows.add enters values in the new rows'
 * inherited formats, so the cells whose text needs "@" are added blank and then formatted and written in the same
 * batch (three actions a chunk, whatever its size).
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
      single(4, [firstRow, textFormats([firstRow])], (ctx) => {
        queueGrid(ctx.workbook.worksheets.getItem(info.sheet).getRangeByIndexes(info.rowIndex + 1, info.columnIndex, 1, width), [firstRow]);
      }),
    );
    rest = rows.slice(1);
  }
  if (rest.length > 0) {
    // Data index of rest[0]: after the existing rows (the blank row, when it was filled above, is one of them).
    const start = info.rowCount;
    const op = rowsOp(6, rest, (ctx, from, to) => {
      const piece = rest.slice(from, to);
      const added = piece.map((row) => row.map((v) => (needsTextFormat(v) ? "" : v)));
      ctx.workbook.tables.getItem(info.tableName).rows.add(undefined, added as (string | number | boolean)[][]);
      const formats = textFormats(piece);
      if (formats) {
        const range = ctx.workbook.worksheets.getItem(info.sheet).getRangeByIndexes(info.rowIndex + 1 + start + from, info.columnIndex, to - from, width);
        range.numberFormat = formats;
        range.values = piece.map((row) => row.map((v) => (needsTextFormat(v) ? v : null))) as (string | number | boolean)[][];
      }
    });
    // Each row may travel three times: added (blanked), its format array and its protected values.
    ops.push({ ...op, rowBytes: rest.map((r) => 2 * gridBytes(r) + 2) });
  }
  if (done) {
    const last = ops[ops.length - 1];
    last.done = done;
  }
  return ops;
}

/** Writes the given cells of one data row in place (0-based data index); null cells stay as they are. */
export function updateRowOp(info: TableInfo, dataIndex: number, row: CellIn[]): WriteOp {
  if (dataIndex < 0 || dataIndex >= info.rowCount) throw new RangeError(`${info.tableName}: there is no data row ${dataIndex + 1}`);
  return single(4, [row, textFormats([row])], (ctx) => {
    queueGrid(ctx.workbook.worksheets.getItem(info.sheet).getRangeByIndexes(info.rowIndex + 1 + dataIndex, info.columnIndex, 1, row.length), [row]);
  });
}

/**
 * Deletes data rows, bottom-up so every index still points at the row it meant when it is deleted.
 *
 * Under a filter Excel does not delete table rows: TableRowCollection.deleteRows/deleteRowsAt "will throw the
 * `InsertDeleteConflict` error if the table on which the method is called has a filter applied" (@types/office-js,
 * ExcelApiOnline 1.1), TableRow.delete() and Range.delete(up) on a filtered table leave the rows
 * (https://github.com/OfficeDev/office-js/issues/994; the same issue and #1000 use table.clearFilters() first).
 * Managers filter their tables all the time, so the table's filters are cleared in the same batch before the rows
 * go (the rows hidden by the filter show again; no data is touched). `filters` (read with the book) are applied
 * again after the deletion, so the manager's view is as it was.
 */
export function deleteRowsOp(info: TableInfo, dataIndexes: readonly number[], filters: readonly ColumnFilter[] = []): WriteOp | undefined {
  const order = [...new Set(dataIndexes)].sort((a, b) => b - a);
  if (order.length === 0) return undefined;
  for (const i of order) if (i < 0 || i >= info.rowCount) throw new RangeError(`${info.tableName}: there is no data row ${i + 1}`);
  return single(3 + 2 * order.length + 2 * filters.length, [order, filters], (ctx) => {
    const table = ctx.workbook.tables.getItem(info.tableName);
    table.clearFilters();
    for (const i of order) table.rows.getItemAt(i).delete();
    for (const f of filters) table.columns.getItemAt(f.column).filter.apply(f.criteria);
  });
}

/** A filter on one column of a table (0-based column index within the table), as TableColumn.filter.criteria holds it. */
export interface ColumnFilter {
  column: number;
  criteria: Excel.FilterCriteria;
}

/** Data index of an Excel row number (1-based, as the codec reports it). */
export function dataIndexOf(info: TableInfo, excelRow: number): number {
  return excelRow - (info.rowIndex + 2);
}

export function schemaKeyOf(key: RecordTableKey): string {
  return TABLES[key].tableName;
}
