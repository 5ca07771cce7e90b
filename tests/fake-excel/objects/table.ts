/**
 * Tables: TableCollection, Table, TableRowCollection, TableRow, TableColumnCollection, TableColumn.
 * "Work with tables using the Excel JavaScript API": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-tables
 * Table data lives in the sheet's cells; the table only records its area, options and column names.
 * - tables.add(address, hasHeaders): header names come from the header cells (blank → ColumnN, repeats → Name2);
 *   with hasHeaders false Excel "will automatically generate a header and shift the data down by one row"
 *   (TableCollection.add in @types/office-js); a table overlapping another is InvalidArgument with Excel's message
 *   (https://github.com/OfficeDev/office-js-docs/issues/417); a one-row range gets one empty data row.
 * - rows.add(index|null, values) appends (or inserts) rows; values must be rows × table columns; new rows take the
 *   formats and data validation of the neighbouring data row and conditional formats grow over them, as Excel extends
 *   a table's column formatting.
 * - columns.add(index|null, values, name): values include the header row, like Excel's sample.
 * - resize(range) (ExcelApi 1.13): "The new range must overlap with the original table range and the headers (or the
 *   top of the table) must be in the same row." (Table.resize in @types/office-js)
 * - delete() removes the table and its cells' contents and formats; convertToRange() keeps the cells.
 * - Filters: TableColumn.filter.apply({ filterOn: "Values", values }) / applyValuesFilter(values) hide the data rows
 *   whose displayed text is not listed (other criteria: NotImplemented); filter.clear() and table.clearFilters()
 *   show them again. While any column of a table is filtered, deleting its rows (TableRow.delete,
 *   rows.deleteRows/deleteRowsAt, Range.delete(up) across it) fails with InsertDeleteConflict: deleteRows and
 *   deleteRowsAt "will throw the `InsertDeleteConflict` error if the table on which the method is called has a filter
 *   applied" (TableRowCollection in @types/office-js), and TableRow.delete()/Range.delete leave a filtered table's
 *   rows in place (https://github.com/OfficeDev/office-js/issues/994; Excel's own message: "Can't move cells in a
 *   filtered range or table"). The fake's choice: refuse loudly rather than do nothing.
 */
import { cols, intersects, parseAddress, type Rect, rows } from "../core/addresses";
import { isBool, isInt } from "../core/checks";
import { fail } from "../core/errors";
import { allTables, cellKey, ensureCell, findSheet, type SheetModel, type TableModel, type WorkbookModel } from "../core/model";
import { type FakeClientResult, FakeCollection, FakeEntity, FakeLoadable, register, resolve } from "../core/proxy";
import { FakeRange } from "./range";
import { checkTableName } from "../core/rules";
import {
  afterCellWrite,
  assertEditable,
  clearRange,
  deleteColumnsInRows,
  deleteRowsInColumns,
  extendTableRows,
  insertColumnsInRows,
  insertRowsInColumns,
  isEmptyArea,
  type RangeRef,
  refAddress,
  syncHeaderNames,
  uniqueHeaderNames,
  writeCells,
} from "../core/sheet-ops";
import type { HostState } from "../core/state";
import { cellText, cellValue, storeInput } from "../core/values";
import { FakeWorksheet } from "./worksheet";

export interface TableScope {
  sheet?: SheetModel;
}

const OVERLAP = "A table cannot overlap a range that contains a PivotTable report, query results, protected cells or another table.";
const STYLE = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

function tablesInScope(book: WorkbookModel, scope: TableScope): TableModel[] {
  return scope.sheet ? scope.sheet.tables : allTables(book);
}

export function dataRect(t: TableModel): Rect {
  return { ...t.rect, r0: t.rect.r0 + (t.showHeaders ? 1 : 0), r1: t.rect.r1 - (t.showTotals ? 1 : 0) };
}

export function dataRowCount(t: TableModel): number {
  const d = dataRect(t);
  return d.r1 - d.r0 + 1;
}

function tableRef(t: TableModel, rect: Rect): RangeRef {
  return { sheet: t.sheet, rect };
}

function findTable(book: WorkbookModel, scope: TableScope, key: unknown): TableModel | null {
  if (typeof key !== "string") fail("InvalidArgument", `table key must be a string, not ${JSON.stringify(key)}`);
  const lower = key.toLowerCase();
  return tablesInScope(book, scope).find((t) => t.name.toLowerCase() === lower || String(t.id) === key) ?? null;
}

function nextTableName(book: WorkbookModel): string {
  let n = book.counters.table;
  while (allTables(book).some((t) => t.name.toLowerCase() === `table${n}`)) n++;
  return `Table${n}`;
}

/** Creates a table over existing cells (also used by the backdoor's seed loader). */
export function createTable(host: HostState, sheet: SheetModel, rectIn: Rect, hasHeaders: boolean, name?: string): TableModel {
  let rect = { ...rectIn };
  assertEditable(sheet, `tables.add at ${refAddress({ sheet, rect })}`);
  if (sheet.tables.some((t) => intersects(t.rect, rect))) fail("InvalidArgument", `${OVERLAP} (${refAddress({ sheet, rect })})`);
  if (sheet.merges.some((m) => intersects(m, rect))) fail("InvalidArgument", `${OVERLAP} (${refAddress({ sheet, rect })} contains merged cells)`);
  if (!hasHeaders) {
    insertRowsInColumns(sheet, rect.r0, rect.c0, rect.c1, 1);
    rect = { ...rect, r1: rect.r1 + 1 };
  } else if (rect.r0 === rect.r1) {
    rect = { ...rect, r1: rect.r1 + 1 };
  }
  host.book.counters.table += 1;
  const table: TableModel = {
    id: host.book.counters.table,
    name: name ? checkTableName(host.book, name) : nextTableName(host.book),
    sheet,
    rect,
    showHeaders: true,
    showTotals: false,
    style: "TableStyleMedium2",
    showBandedRows: true,
    showFilterButton: true,
    columns: [],
    nextColumnId: 1,
  };
  for (let c = rect.c0; c <= rect.c1; c++) table.columns.push({ id: table.nextColumnId++, name: "" });
  sheet.tables.push(table);
  syncHeaderNames(table);
  return table;
}

export class FakeTableCollection extends FakeCollection<TableScope, FakeTable> {
  declare readonly __office?: Excel.TableCollection;
  declare readonly count: number;

  add(address: Excel.Range | string, hasHeaders: boolean): FakeTable {
    return this._object(FakeTable, "add", [address, hasHeaders], (scope, host) => {
      let ref: RangeRef;
      if (address instanceof FakeRange) {
        const resolved = resolve(address, host);
        if (!resolved) fail("InvalidArgument", "TableCollection.add: the range is a null object");
        ref = resolved;
      } else {
        if (typeof address !== "string") fail("InvalidArgument", "TableCollection.add: address must be a Range or an address string");
        const parsed = parseAddress(address);
        if (!parsed) fail("InvalidArgument", `TableCollection.add: '${address}' is not an A1 address`);
        let sheet = scope.sheet ?? host.book.activeSheet;
        if (parsed.sheet !== undefined) {
          const named = findSheet(host.book, parsed.sheet);
          if (!named) fail("InvalidArgument", `TableCollection.add: no sheet named '${parsed.sheet}'`);
          sheet = named;
        }
        ref = { sheet, rect: parsed.rect };
      }
      if (scope.sheet && ref.sheet !== scope.sheet) fail("InvalidArgument", `TableCollection.add: the range is not on sheet '${scope.sheet.name}'`);
      return createTable(host, ref.sheet, ref.rect, isBool(hasHeaders, "TableCollection.add hasHeaders"));
    });
  }

  getItem(key: string): FakeTable {
    return this._object(FakeTable, "getItem", [key], (scope, host) => findTable(host.book, scope, key));
  }

  getItemOrNullObject(key: string): FakeTable {
    return this._object(FakeTable, "getItemOrNullObject", [key], (scope, host) => findTable(host.book, scope, key), true);
  }

  getItemAt(index: number): FakeTable {
    return this._object(FakeTable, "getItemAt", [index], (scope, host) => tablesInScope(host.book, scope)[isInt(index, "getItemAt index", 0)] ?? null);
  }

  getCount(): FakeClientResult<number> {
    return this._callResult("getCount", [], (scope, host) => tablesInScope(host.book, scope).length);
  }
}

register(FakeTableCollection, {
  className: "TableCollection",
  alive: (scope: TableScope) => !scope.sheet?.deleted,
  scalars: { count: { get: (scope: TableScope, host) => tablesInScope(host.book, scope).length } },
  navs: {},
  collection: {
    item: () => FakeTable,
    items: (scope: TableScope, host) => tablesInScope(host.book, scope),
    itemLabel: (t: TableModel) => `getItem(${JSON.stringify(t.name)})`,
  },
});

function removeTable(t: TableModel): void {
  t.deleted = true;
  t.sheet.tables = t.sheet.tables.filter((x) => x !== t);
}

function setShowTotals(t: TableModel, show: boolean): void {
  if (show === t.showTotals) return;
  const { sheet, rect } = t;
  assertEditable(sheet, `showTotals of table ${t.name}`);
  if (show) {
    const row: Rect = { r0: rect.r1 + 1, c0: rect.c0, r1: rect.r1 + 1, c1: rect.c1 };
    if (!isEmptyArea(sheet, row) || sheet.tables.some((o) => o !== t && intersects(o.rect, row))) {
      fail("NotImplemented", `fake-excel: showing the totals row of ${t.name} needs the row below the table to be empty`);
    }
    t.rect = { ...rect, r1: rect.r1 + 1 };
    t.showTotals = true;
    ensureCell(sheet, t.rect.r1, rect.c0).v = "Total";
  } else {
    for (let c = rect.c0; c <= rect.c1; c++) sheet.cells.delete(cellKey(rect.r1, c));
    t.rect = { ...rect, r1: rect.r1 - 1 };
    t.showTotals = false;
  }
}

function setShowHeaders(t: TableModel, show: boolean): void {
  if (show === t.showHeaders) return;
  const { sheet, rect } = t;
  assertEditable(sheet, `showHeaders of table ${t.name}`);
  if (!show) {
    for (let c = rect.c0; c <= rect.c1; c++) sheet.cells.delete(cellKey(rect.r0, c));
    t.rect = { ...rect, r0: rect.r0 + 1 };
    t.showHeaders = false;
    return;
  }
  const row: Rect = { r0: rect.r0 - 1, c0: rect.c0, r1: rect.r0 - 1, c1: rect.c1 };
  if (rect.r0 === 0 || !isEmptyArea(sheet, row)) fail("NotImplemented", `fake-excel: showing the header row of ${t.name} needs an empty row above the table`);
  t.rect = { ...rect, r0: rect.r0 - 1 };
  t.showHeaders = true;
  t.columns.forEach((col, i) => (ensureCell(sheet, t.rect.r0, rect.c0 + i).v = col.name));
}

export class FakeTable extends FakeEntity<TableModel> {
  declare readonly __office?: Excel.Table;
  declare readonly id: string;
  declare name: string;
  declare showHeaders: boolean;
  declare showTotals: boolean;
  declare style: string;
  declare showBandedRows: boolean;
  declare showFilterButton: boolean;
  declare readonly rows: FakeTableRowCollection;
  declare readonly columns: FakeTableColumnCollection;
  declare readonly worksheet: FakeWorksheet;

  getRange(): FakeRange {
    return this._object(FakeRange, "getRange", [], (t) => tableRef(t, t.rect));
  }

  getHeaderRowRange(): FakeRange {
    return this._object(FakeRange, "getHeaderRowRange", [], (t) => (t.showHeaders ? tableRef(t, { ...t.rect, r1: t.rect.r0 }) : null));
  }

  getDataBodyRange(): FakeRange {
    return this._object(FakeRange, "getDataBodyRange", [], (t) => tableRef(t, dataRect(t)));
  }

  getTotalRowRange(): FakeRange {
    return this._object(FakeRange, "getTotalRowRange", [], (t) => (t.showTotals ? tableRef(t, { ...t.rect, r0: t.rect.r1 }) : null));
  }

  resize(newRange: Excel.Range | string): void {
    this._call("resize", [newRange], (t, host) => {
      let ref: RangeRef;
      if (newRange instanceof FakeRange) {
        const resolved = resolve(newRange, host);
        if (!resolved) fail("InvalidArgument", "Table.resize: the range is a null object");
        ref = resolved;
      } else {
        const parsed = typeof newRange === "string" ? parseAddress(newRange) : null;
        if (!parsed) fail("InvalidArgument", `Table.resize: '${newRange}' is not an A1 address`);
        const sheet = parsed.sheet !== undefined ? findSheet(host.book, parsed.sheet) : t.sheet;
        if (!sheet) fail("InvalidArgument", `Table.resize: no sheet named '${parsed.sheet}'`);
        ref = { sheet, rect: parsed.rect };
      }
      const rect = ref.rect;
      if (ref.sheet !== t.sheet) fail("InvalidArgument", `Table.resize: the new range must be on sheet '${t.sheet.name}'`);
      if (!intersects(rect, t.rect)) fail("InvalidArgument", `Table.resize: ${refAddress(ref)} does not overlap ${t.name} (${refAddress(tableRef(t, t.rect))})`);
      if (rect.r0 !== t.rect.r0) fail("InvalidArgument", `Table.resize: the header row must stay on row ${t.rect.r0 + 1}`);
      if (rows(rect) < (t.showHeaders ? 2 : 1) + (t.showTotals ? 1 : 0)) fail("InvalidArgument", "Table.resize: a table needs at least one data row");
      if (t.sheet.tables.some((o) => o !== t && intersects(o.rect, rect))) fail("InvalidArgument", `${OVERLAP} (${refAddress(ref)})`);
      assertEditable(t.sheet, `resize of ${t.name}`);
      const kept = new Map(t.columns.map((col, i) => [t.rect.c0 + i, col]));
      const columns = [];
      for (let c = rect.c0; c <= rect.c1; c++) columns.push(kept.get(c) ?? { id: t.nextColumnId++, name: "" });
      t.columns = columns;
      t.rect = { ...rect };
      if (t.showHeaders) syncHeaderNames(t);
    });
  }

  convertToRange(): FakeRange {
    return this._object(FakeRange, "convertToRange", [], (t) => {
      assertEditable(t.sheet, `convertToRange of ${t.name}`);
      removeTable(t);
      return tableRef(t, t.rect);
    });
  }

  delete(): void {
    this._call("delete", [], (t, host) => {
      assertEditable(t.sheet, `delete of ${t.name}`);
      removeTable(t);
      clearRange(host, tableRef(t, t.rect), "All");
    });
  }

  clearFilters(): void {
    this._call("clearFilters", [], (t) => {
      for (const col of t.columns) delete col.filter;
      refilter(t);
    });
  }
}

register(FakeTable, {
  className: "Table",
  alive: (t: TableModel) => !t.deleted && !t.sheet.deleted,
  scalars: {
    id: { get: (t: TableModel) => String(t.id) },
    name: { get: (t: TableModel) => t.name, set: (t: TableModel, v, host) => void (t.name = checkTableName(host.book, v, t)) },
    showHeaders: { get: (t: TableModel) => t.showHeaders, set: (t: TableModel, v) => setShowHeaders(t, isBool(v, "Table.showHeaders")) },
    showTotals: { get: (t: TableModel) => t.showTotals, set: (t: TableModel, v) => setShowTotals(t, isBool(v, "Table.showTotals")) },
    style: {
      get: (t: TableModel) => t.style,
      set: (t: TableModel, v) => {
        if (typeof v !== "string" || (v !== "" && !STYLE.test(v))) fail("InvalidArgument", `Table.style: ${JSON.stringify(v)} is not a built-in table style (TableStyleLight1-21, Medium1-28, Dark1-11)`);
        t.style = v;
      },
    },
    showBandedRows: { get: (t: TableModel) => t.showBandedRows, set: (t: TableModel, v) => void (t.showBandedRows = isBool(v, "Table.showBandedRows")) },
    showFilterButton: { get: (t: TableModel) => t.showFilterButton, set: (t: TableModel, v) => void (t.showFilterButton = isBool(v, "Table.showFilterButton")) },
  },
  navs: {
    rows: { cls: () => FakeTableRowCollection, target: (t: TableModel) => t },
    columns: { cls: () => FakeTableColumnCollection, target: (t: TableModel) => t },
    worksheet: { cls: () => FakeWorksheet, target: (t: TableModel) => t.sheet },
  },
});

export interface TableRowRef {
  table: TableModel;
  index: number;
}

/** Makes room for `count` data rows at data index `index` (null: at the end) and returns the first new sheet row. */
function makeRows(t: TableModel, index: number | null, count: number): number {
  const data = dataRect(t);
  const at = index === null ? data.r1 + 1 : data.r0 + index;
  const area: Rect = { r0: at, c0: t.rect.c0, r1: at + count - 1, c1: t.rect.c1 };
  const free = index === null && !t.showTotals && isEmptyArea(t.sheet, area) && !t.sheet.tables.some((o) => o !== t && intersects(o.rect, area)) && !t.sheet.merges.some((m) => intersects(m, area));
  if (!free) insertRowsInColumns(t.sheet, at, t.rect.c0, t.rect.c1, count, t);
  t.rect = { ...t.rect, r1: t.rect.r1 + count };
  return at;
}

export class FakeTableRowCollection extends FakeCollection<TableModel, FakeTableRow> {
  declare readonly __office?: Excel.TableRowCollection;
  declare readonly count: number;

  add(index?: number, values?: Array<Array<boolean | string | number>> | boolean | string | number, alwaysInsert?: boolean): FakeTableRow {
    return this._object(FakeTableRow, "add", [index ?? null, values ?? null, alwaysInsert], (t, host): TableRowRef => {
      if (alwaysInsert === false) fail("NotImplemented", "fake-excel: rows.add(…, alwaysInsert: false) is not modelled");
      assertEditable(t.sheet, `rows.add on ${t.name}`);
      const width = cols(t.rect);
      const at = index === undefined || index === null || index === -1 ? null : isInt(index, "TableRowCollection.add index", 0, dataRowCount(t));
      let grid: unknown[][];
      if (values === undefined || values === null) grid = [new Array(width).fill(null)];
      else if (Array.isArray(values)) {
        if (values.length === 0 || !values.every((row) => Array.isArray(row) && row.length === width)) {
          const got = values.every((row) => Array.isArray(row)) ? `${values.length}×${(values[0] as unknown[] | undefined)?.length ?? 0}` : "not a 2-D array";
          fail("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range: rows.add on ${t.name} needs n×${width} values, got ${got}`);
        }
        grid = values as unknown[][];
      } else grid = [new Array(width).fill(values)];
      const lastData = dataRect(t).r1;
      const first = makeRows(t, at, grid.length);
      const last = first + grid.length - 1;
      extendTableRows(t, at === null ? lastData : last + 1, first, last);
      grid.forEach((row, i) => {
        row.forEach((value, j) => {
          const r = first + i;
          const c = t.rect.c0 + j;
          if (value === undefined) fail("InvalidArgument", `rows.add on ${t.name}: the values array holds undefined (row ${r - dataRect(t).r0 + 1}, column ${c - t.rect.c0 + 1})`);
          if (value !== null) storeInput(t.sheet, ensureCell(t.sheet, r, c), r, c, value, `rows.add on ${t.name}`);
        });
      });
      afterCellWrite(host, t.sheet, { r0: first, c0: t.rect.c0, r1: first + grid.length - 1, c1: t.rect.c1 }, false);
      return { table: t, index: first - dataRect(t).r0 };
    });
  }

  getItemAt(index: number): FakeTableRow {
    return this._object(FakeTableRow, "getItemAt", [index], (t) => {
      const i = isInt(index, "TableRowCollection.getItemAt index", 0);
      return i < dataRowCount(t) ? { table: t, index: i } : null;
    });
  }

  getCount(): FakeClientResult<number> {
    return this._callResult("getCount", [], (t) => dataRowCount(t));
  }
}

register(FakeTableRowCollection, {
  className: "TableRowCollection",
  alive: (t: TableModel) => !t.deleted,
  scalars: { count: { get: (t: TableModel) => dataRowCount(t) } },
  navs: {},
  collection: {
    item: () => FakeTableRow,
    items: (t: TableModel) => Array.from({ length: dataRowCount(t) }, (_, index) => ({ table: t, index })),
    itemLabel: (r: TableRowRef) => `getItemAt(${r.index})`,
  },
});

function rowRect(r: TableRowRef): Rect {
  const d = dataRect(r.table);
  return { ...d, r0: d.r0 + r.index, r1: d.r0 + r.index };
}

/** A TableRow is a position in the table, not the data ("Note that unlike ranges or columns…", TableRowCollection.add). */
export class FakeTableRow extends FakeEntity<TableRowRef> {
  declare readonly __office?: Excel.TableRow;
  declare readonly index: number;
  declare values: any[][];

  getRange(): FakeRange {
    return this._object(FakeRange, "getRange", [], (r) => tableRef(r.table, rowRect(r)));
  }

  delete(): void {
    this._call("delete", [], (r, host) => {
      const t = r.table;
      assertEditable(t.sheet, `row delete in ${t.name}`);
      refuseWhileFiltered(t, "TableRow.delete");
      const rect = rowRect(r);
      if (dataRowCount(t) === 1) {
        clearRange(host, tableRef(t, rect), "Contents");
        return;
      }
      deleteRowsInColumns(t.sheet, rect.r0, rect.r0, t.rect.c0, t.rect.c1, t);
      t.rect = { ...t.rect, r1: t.rect.r1 - 1 };
    });
  }
}

register(FakeTableRow, {
  className: "TableRow",
  alive: (r: TableRowRef) => !r.table.deleted && r.index < dataRowCount(r.table),
  scalars: {
    index: { get: (r: TableRowRef) => r.index },
    values: {
      get: (r: TableRowRef, host) => [readRow(host, r.table.sheet, rowRect(r))],
      set: (r: TableRowRef, v, host) => writeCells(host, tableRef(r.table, rowRect(r)), v, "TableRow.values"),
    },
  },
  navs: {},
});

function readRow(host: HostState, sheet: SheetModel, rect: Rect): unknown[] {
  const out: unknown[] = [];
  for (let c = rect.c0; c <= rect.c1; c++) out.push(cellValue(sheet, rect.r0, c, host.evaluator));
  return out;
}

export interface TableColumnRef {
  table: TableModel;
  id: number;
}

function columnIndexOf(ref: TableColumnRef): number {
  return ref.table.columns.findIndex((c) => c.id === ref.id);
}

function columnRect(ref: TableColumnRef): Rect {
  const c = ref.table.rect.c0 + columnIndexOf(ref);
  return { ...ref.table.rect, c0: c, c1: c };
}

function findColumn(t: TableModel, key: unknown): TableColumnRef | null {
  if (typeof key === "number") return t.columns.some((c) => c.id === key) ? { table: t, id: key } : null;
  if (typeof key !== "string") fail("InvalidArgument", `table column key must be a name or an id, not ${JSON.stringify(key)}`);
  const lower = key.toLowerCase();
  const col = t.columns.find((c) => c.name.toLowerCase() === lower);
  return col ? { table: t, id: col.id } : null;
}

export class FakeTableColumnCollection extends FakeCollection<TableModel, FakeTableColumn> {
  declare readonly __office?: Excel.TableColumnCollection;
  declare readonly count: number;

  add(index?: number, values?: Array<Array<boolean | string | number>> | boolean | string | number, name?: string): FakeTableColumn {
    return this._object(FakeTableColumn, "add", [index ?? null, values ?? null, name ?? null], (t, host): TableColumnRef => {
      assertEditable(t.sheet, `columns.add on ${t.name}`);
      const height = rows(t.rect);
      const at = index === undefined || index === null || index === -1 ? t.columns.length : isInt(index, "TableColumnCollection.add index", 0, t.columns.length);
      let grid: unknown[][] | null = null;
      if (Array.isArray(values)) {
        if (values.length !== height || !values.every((row) => Array.isArray(row) && row.length === 1)) {
          fail(
            "InvalidArgument",
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range: columns.add on ${t.name} needs ${height}×1 values (header included), got ${values.length}×${(values[0] as unknown[] | undefined)?.length ?? 0}`,
          );
        }
        grid = values as unknown[][];
      } else if (values !== undefined && values !== null) {
        grid = Array.from({ length: height }, (_, i) => [i === 0 && t.showHeaders ? null : values]);
      }
      if (name !== undefined && name !== null && (typeof name !== "string" || name.trim() === "")) fail("InvalidArgument", "TableColumnCollection.add: name must be a non-blank string");
      const c = t.rect.c0 + at;
      const area: Rect = { r0: t.rect.r0, c0: c, r1: t.rect.r1, c1: c };
      const free = at === t.columns.length && isEmptyArea(t.sheet, area) && !t.sheet.tables.some((o) => o !== t && intersects(o.rect, area));
      if (!free) insertColumnsInRows(t.sheet, c, t.rect.r0, t.rect.r1, 1, t);
      const col = { id: t.nextColumnId++, name: "" };
      t.columns.splice(at, 0, col);
      t.rect = { ...t.rect, c1: t.rect.c1 + 1 };
      if (grid) grid.forEach((row, i) => {
        if (row[0] === null || row[0] === undefined) return;
        storeInput(t.sheet, ensureCell(t.sheet, t.rect.r0 + i, c), t.rect.r0 + i, c, row[0], `columns.add on ${t.name}`);
      });
      if (t.showHeaders) {
        const header = ensureCell(t.sheet, t.rect.r0, c);
        if (name !== undefined && name !== null) {
          header.v = name;
          delete header.f;
        }
        syncHeaderNames(t);
      } else {
        col.name = name ?? uniqueHeaderNames([...t.columns.map((o) => (o === col ? "" : o.name))])[at];
      }
      afterCellWrite(host, t.sheet, area, false);
      return { table: t, id: col.id };
    });
  }

  getItem(key: number | string): FakeTableColumn {
    return this._object(FakeTableColumn, "getItem", [key], (t) => findColumn(t, key));
  }

  getItemOrNullObject(key: number | string): FakeTableColumn {
    return this._object(FakeTableColumn, "getItemOrNullObject", [key], (t) => findColumn(t, key), true);
  }

  getItemAt(index: number): FakeTableColumn {
    return this._object(FakeTableColumn, "getItemAt", [index], (t) => {
      const col = t.columns[isInt(index, "TableColumnCollection.getItemAt index", 0)];
      return col ? { table: t, id: col.id } : null;
    });
  }

  getCount(): FakeClientResult<number> {
    return this._callResult("getCount", [], (t) => t.columns.length);
  }
}

register(FakeTableColumnCollection, {
  className: "TableColumnCollection",
  alive: (t: TableModel) => !t.deleted,
  scalars: { count: { get: (t: TableModel) => t.columns.length } },
  navs: {},
  collection: {
    item: () => FakeTableColumn,
    items: (t: TableModel) => t.columns.map((c) => ({ table: t, id: c.id })),
    itemLabel: (c: TableColumnRef) => `getItem(${JSON.stringify(c.table.columns.find((x) => x.id === c.id)?.name ?? c.id)})`,
  },
});

export class FakeTableColumn extends FakeEntity<TableColumnRef> {
  declare readonly __office?: Excel.TableColumn;
  declare readonly filter: FakeFilter;
  declare readonly id: number;
  declare readonly index: number;
  declare name: string;
  declare values: any[][];

  getRange(): FakeRange {
    return this._object(FakeRange, "getRange", [], (ref) => tableRef(ref.table, columnRect(ref)));
  }

  getDataBodyRange(): FakeRange {
    return this._object(FakeRange, "getDataBodyRange", [], (ref) => {
      const d = dataRect(ref.table);
      const c = columnRect(ref).c0;
      return tableRef(ref.table, { r0: d.r0, r1: d.r1, c0: c, c1: c });
    });
  }

  getHeaderRowRange(): FakeRange {
    return this._object(FakeRange, "getHeaderRowRange", [], (ref) => {
      if (!ref.table.showHeaders) return null;
      const rect = columnRect(ref);
      return tableRef(ref.table, { ...rect, r1: rect.r0 });
    });
  }

  getTotalRowRange(): FakeRange {
    return this._object(FakeRange, "getTotalRowRange", [], (ref) => {
      if (!ref.table.showTotals) return null;
      const rect = columnRect(ref);
      return tableRef(ref.table, { ...rect, r0: rect.r1 });
    });
  }

  delete(): void {
    this._call("delete", [], (ref) => {
      const t = ref.table;
      if (t.columns.length === 1) fail("InvalidOperation", `table ${t.name} must keep at least one column`);
      assertEditable(t.sheet, `column delete in ${t.name}`);
      const c = columnRect(ref).c0;
      deleteColumnsInRows(t.sheet, c, c, t.rect.r0, t.rect.r1, t);
      t.columns = t.columns.filter((x) => x.id !== ref.id);
      t.rect = { ...t.rect, c1: t.rect.c1 - 1 };
    });
  }
}

/** Hides the data rows some column's filter excludes, and shows the rest again (the table's filterHidden rows). */
export function refilter(t: TableModel, evaluate?: HostState["evaluator"]): void {
  for (const r of t.filterHidden ?? []) t.sheet.hiddenRows.delete(r);
  t.filterHidden = new Set();
  const active = t.columns.map((col, i) => ({ i, f: col.filter })).filter((x) => x.f);
  if (active.length === 0) return;
  const d = dataRect(t);
  for (let r = d.r0; r <= d.r1; r++) {
    const shown = active.every(({ i, f }) => (f!.values ?? []).map(String).includes(cellText(t.sheet, r, t.rect.c0 + i, evaluate)));
    if (!shown) {
      t.filterHidden.add(r);
      t.sheet.hiddenRows.add(r);
    }
  }
}

export function isFiltered(t: TableModel): boolean {
  return t.columns.some((c) => c.filter);
}

export function refuseWhileFiltered(t: TableModel, what: string): void {
  if (isFiltered(t)) fail("InsertDeleteConflict", `${what}: table ${t.name} has a filter applied; Excel does not delete a filtered table's rows (office-js#994)`);
}

/** TableColumn.filter (ExcelApi 1.2): the "Values" filter is modelled; other criteria are NotImplemented. */
export class FakeFilter extends FakeLoadable<TableColumnRef> {
  declare readonly __office?: Excel.Filter;
  declare readonly criteria: Excel.FilterCriteria;

  apply(criteria: Excel.FilterCriteria): void {
    this._call("apply", [criteria], (ref, host) => setFilter(ref, criteria, host));
  }

  applyValuesFilter(values: Array<string | Excel.FilterDatetime>): void {
    this._call("applyValuesFilter", [values], (ref, host) => setFilter(ref, { filterOn: "Values", values }, host));
  }

  clear(): void {
    this._call("clear", [], (ref, host) => {
      delete ref.table.columns[columnIndexOf(ref)].filter;
      refilter(ref.table, host.evaluator);
    });
  }
}

function setFilter(ref: TableColumnRef, criteria: unknown, host: HostState): void {
  if (!criteria || typeof criteria !== "object") fail("InvalidArgument", "Filter.apply: criteria must be a FilterCriteria object");
  const c = criteria as Excel.FilterCriteria;
  if (c.filterOn !== "Values") fail("NotImplemented", `fake-excel: filterOn ${JSON.stringify(c.filterOn)} is not modelled (only "Values")`);
  if (!Array.isArray(c.values) || c.values.some((v) => typeof v !== "string")) fail("InvalidArgument", "Filter.apply: values must be an array of strings");
  ref.table.columns[columnIndexOf(ref)].filter = { filterOn: "Values", values: [...c.values] };
  refilter(ref.table, host.evaluator);
}

register(FakeFilter, {
  className: "Filter",
  alive: (ref: TableColumnRef) => !ref.table.deleted && columnIndexOf(ref) >= 0,
  scalars: {
    criteria: { get: (ref: TableColumnRef) => {
      const f = ref.table.columns[columnIndexOf(ref)].filter;
      return f ? JSON.parse(JSON.stringify(f)) : null;
    } },
  },
  navs: {},
});

register(FakeTableColumn, {
  className: "TableColumn",
  alive: (ref: TableColumnRef) => !ref.table.deleted && columnIndexOf(ref) >= 0,
  scalars: {
    id: { get: (ref: TableColumnRef) => ref.id },
    index: { get: (ref: TableColumnRef) => columnIndexOf(ref) },
    name: {
      setMember: "TableColumn.name.set",
      get: (ref: TableColumnRef) => ref.table.columns[columnIndexOf(ref)].name,
      set: (ref: TableColumnRef, v, host) => {
        if (typeof v !== "string" || v.trim() === "") fail("InvalidArgument", "TableColumn.name must be a non-blank string");
        const t = ref.table;
        if (!t.showHeaders) {
          t.columns[columnIndexOf(ref)].name = v;
          return;
        }
        writeCells(host, tableRef(t, { ...columnRect(ref), r1: t.rect.r0 }), [[`'${v}`]], "TableColumn.name");
      },
    },
    values: {
      get: (ref: TableColumnRef, host) => {
        const rect = columnRect(ref);
        const out: unknown[][] = [];
        for (let r = rect.r0; r <= rect.r1; r++) out.push([cellValue(ref.table.sheet, r, rect.c0, host.evaluator)]);
        return out;
      },
      set: (ref: TableColumnRef, v, host) => writeCells(host, tableRef(ref.table, columnRect(ref)), v, "TableColumn.values"),
    },
  },
  navs: {
    filter: { cls: () => FakeFilter, target: (ref: TableColumnRef) => ref },
  },
});
