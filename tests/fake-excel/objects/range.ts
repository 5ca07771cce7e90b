/**
 * Excel.Range and its format objects (RangeFormat, RangeFont, RangeFill, RangeBorderCollection, RangeBorder).
 * Reference: https://learn.microsoft.com/javascript/api/excel/excel.range
 * A Range proxy keeps the cells it resolved to at its place in the batch (Excel would also move a Range when
 * rows are inserted above it; the fake does not model that).
 */
import { boundingRect, cols, intersection, isWholeColumns, isWholeRows, MAX_COLS, MAX_ROWS, parseAddress, type Rect, rows, intersects } from "../core/addresses";
import { isBool, isInt, isNumber, oneOf } from "../core/checks";
import { normalizeColor } from "../core/colors";
import type { FakeConditionalFormatCollection } from "./conditional";
import { BorderIndex, BorderLineStyle, BorderWeight, HorizontalAlignment, RangeUnderlineStyle, VerticalAlignment } from "../generated/enums";
import { fail } from "../core/errors";
import { checkHyperlink, checkNumberFormat, MAX_SHEET_HYPERLINKS } from "../core/limits";
import {
  type BorderLine,
  cellOffset,
  columnWidth,
  DEFAULT_FONT,
  ensureCell,
  getCell,
  lineKey,
  cellKey,
  rowHeight,
  type SheetModel,
} from "../core/model";
import { asProxy, FakeCollection, FakeEntity, register, resolve, registeredClass, type ScalarSpec } from "../core/proxy";
import {
  assertEditable,
  refuseUndefined,
  autofitColumns,
  autofitRows,
  cellCount,
  clearRange,
  deleteColumnsInRows,
  deleteRowsInColumns,
  forEachCell,
  insertColumnsInRows,
  insertRowsInColumns,
  type RangeRef,
  readGrid,
  refAddress,
  shapeInput,
  uniformFormat,
  usedRect,
  writeCells,
  writeFormat,
} from "../core/sheet-ops";
import type { HostState } from "../core/state";
import type { FakeDataValidation } from "./validation";
import { cellFormula, cellNumberFormat, cellText, cellValue, cellValueType } from "../core/values";
import type { FakeWorksheet } from "./worksheet";

/** Resolves an address given to a Range or Worksheet method; other sheets are not allowed where Excel forbids them. */
export function rectOnSheet(sheet: SheetModel, address: unknown, what: string): Rect {
  if (typeof address !== "string") fail("InvalidArgument", `${what}: address must be a string`);
  const parsed = parseAddress(address);
  if (!parsed) fail("InvalidArgument", `${what}: '${address}' is not an A1 address (the fake reads A1, A1:B2, A:C, 1:3, Sheet!A1)`);
  if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
    fail("InvalidArgument", `${what}: '${address}' is on another sheet than '${sheet.name}'`);
  }
  return parsed.rect;
}

/** A Range or address argument, relative to a sheet. */
export function refFromArg(host: HostState, sheet: SheetModel, arg: unknown, what: string): RangeRef {
  if (arg instanceof FakeRange) {
    const ref = resolve(arg, host);
    if (!ref) fail("InvalidArgument", `${what}: the range is a null object`);
    return ref;
  }
  return { sheet, rect: rectOnSheet(sheet, arg, what) };
}

function within(rect: Rect, what: string): Rect {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS || rect.r0 > rect.r1 || rect.c0 > rect.c1) {
    fail("InvalidArgument", `${what} falls outside the worksheet`);
  }
  return rect;
}

function sub(ref: RangeRef, rect: Rect, what: string): RangeRef {
  return { sheet: ref.sheet, rect: within(rect, what) };
}

function hiddenState(set: Set<number>, from: number, to: number): boolean | null {
  let hidden = 0;
  for (const i of set) if (i >= from && i <= to) hidden++;
  if (hidden === 0) return false;
  return hidden === to - from + 1 ? true : null;
}

export class FakeRange extends FakeEntity<RangeRef> {
  declare readonly __office?: Excel.Range;
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly cellCount: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare values: any[][];
  declare formulas: any[][];
  declare formulasLocal: any[][];
  declare readonly text: string[][];
  declare numberFormat: any[][];
  declare numberFormatLocal: any[][];
  declare readonly valueTypes: Excel.Range["valueTypes"];
  declare readonly isEntireColumn: boolean;
  declare readonly isEntireRow: boolean;
  declare columnHidden: boolean;
  declare hyperlink: Excel.RangeHyperlink;
  declare rowHidden: boolean;
  declare readonly hidden: boolean;
  declare readonly top: number;
  declare readonly left: number;
  declare readonly width: number;
  declare readonly height: number;
  declare readonly format: FakeRangeFormat;
  declare readonly worksheet: FakeWorksheet;
  declare readonly conditionalFormats: FakeConditionalFormatCollection;
  declare readonly dataValidation: FakeDataValidation;

  getCell(row: number, column: number): FakeRange {
    return this._object(FakeRange, "getCell", [row, column], (ref) => {
      const r = ref.rect.r0 + isInt(row, "Range.getCell row", 0);
      const c = ref.rect.c0 + isInt(column, "Range.getCell column", 0);
      return sub(ref, { r0: r, c0: c, r1: r, c1: c }, `getCell(${row}, ${column}) of ${refAddress(ref)}`);
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this._object(FakeRange, "getOffsetRange", [rowOffset, columnOffset], (ref) => {
      const dr = isInt(rowOffset, "rowOffset");
      const dc = isInt(columnOffset, "columnOffset");
      const { r0, c0, r1, c1 } = ref.rect;
      return sub(ref, { r0: r0 + dr, c0: c0 + dc, r1: r1 + dr, c1: c1 + dc }, `getOffsetRange(${rowOffset}, ${columnOffset}) of ${refAddress(ref)}`);
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this._object(FakeRange, "getResizedRange", [deltaRows, deltaColumns], (ref) => {
      const { r0, c0, r1, c1 } = ref.rect;
      return sub(ref, { r0, c0, r1: r1 + isInt(deltaRows, "deltaRows"), c1: c1 + isInt(deltaColumns, "deltaColumns") }, `getResizedRange(${deltaRows}, ${deltaColumns}) of ${refAddress(ref)}`);
    });
  }

  getRow(row: number): FakeRange {
    return this._object(FakeRange, "getRow", [row], (ref) => {
      const i = isInt(row, "Range.getRow row", 0, rows(ref.rect) - 1);
      return sub(ref, { ...ref.rect, r0: ref.rect.r0 + i, r1: ref.rect.r0 + i }, "getRow");
    });
  }

  getColumn(column: number): FakeRange {
    return this._object(FakeRange, "getColumn", [column], (ref) => {
      const i = isInt(column, "Range.getColumn column", 0, cols(ref.rect) - 1);
      return sub(ref, { ...ref.rect, c0: ref.rect.c0 + i, c1: ref.rect.c0 + i }, "getColumn");
    });
  }

  getRowsAbove(count?: number): FakeRange {
    return this._object(FakeRange, "getRowsAbove", [count], (ref) => {
      const n = isInt(count ?? 1, "count", 1);
      return sub(ref, { ...ref.rect, r0: ref.rect.r0 - n, r1: ref.rect.r0 - 1 }, `getRowsAbove(${n}) of ${refAddress(ref)}`);
    });
  }

  getRowsBelow(count?: number): FakeRange {
    return this._object(FakeRange, "getRowsBelow", [count], (ref) => {
      const n = isInt(count ?? 1, "count", 1);
      return sub(ref, { ...ref.rect, r0: ref.rect.r1 + 1, r1: ref.rect.r1 + n }, `getRowsBelow(${n}) of ${refAddress(ref)}`);
    });
  }

  getColumnsBefore(count?: number): FakeRange {
    return this._object(FakeRange, "getColumnsBefore", [count], (ref) => {
      const n = isInt(count ?? 1, "count", 1);
      return sub(ref, { ...ref.rect, c0: ref.rect.c0 - n, c1: ref.rect.c0 - 1 }, `getColumnsBefore(${n}) of ${refAddress(ref)}`);
    });
  }

  getColumnsAfter(count?: number): FakeRange {
    return this._object(FakeRange, "getColumnsAfter", [count], (ref) => {
      const n = isInt(count ?? 1, "count", 1);
      return sub(ref, { ...ref.rect, c0: ref.rect.c1 + 1, c1: ref.rect.c1 + n }, `getColumnsAfter(${n}) of ${refAddress(ref)}`);
    });
  }

  getLastRow(): FakeRange {
    return this._object(FakeRange, "getLastRow", [], (ref) => sub(ref, { ...ref.rect, r0: ref.rect.r1 }, "getLastRow"));
  }

  getLastColumn(): FakeRange {
    return this._object(FakeRange, "getLastColumn", [], (ref) => sub(ref, { ...ref.rect, c0: ref.rect.c1 }, "getLastColumn"));
  }

  getLastCell(): FakeRange {
    return this._object(FakeRange, "getLastCell", [], (ref) => sub(ref, { r0: ref.rect.r1, c0: ref.rect.c1, r1: ref.rect.r1, c1: ref.rect.c1 }, "getLastCell"));
  }

  getEntireRow(): FakeRange {
    return this._object(FakeRange, "getEntireRow", [], (ref) => sub(ref, { r0: ref.rect.r0, r1: ref.rect.r1, c0: 0, c1: MAX_COLS - 1 }, "getEntireRow"));
  }

  getEntireColumn(): FakeRange {
    return this._object(FakeRange, "getEntireColumn", [], (ref) => sub(ref, { c0: ref.rect.c0, c1: ref.rect.c1, r0: 0, r1: MAX_ROWS - 1 }, "getEntireColumn"));
  }

  getBoundingRect(anotherRange: Excel.Range | string): FakeRange {
    return this._object(FakeRange, "getBoundingRect", [anotherRange], (ref, host) => {
      const other = refFromArg(host, ref.sheet, anotherRange, "getBoundingRect");
      if (other.sheet !== ref.sheet) fail("InvalidArgument", "getBoundingRect: ranges are on different sheets");
      return { sheet: ref.sheet, rect: boundingRect(ref.rect, other.rect) };
    });
  }

  getIntersection(anotherRange: Excel.Range | string): FakeRange {
    return this._object(FakeRange, "getIntersection", [anotherRange], (ref, host) => {
      const other = refFromArg(host, ref.sheet, anotherRange, "getIntersection");
      const cut = other.sheet === ref.sheet ? intersection(ref.rect, other.rect) : null;
      return cut ? { sheet: ref.sheet, rect: cut } : null;
    });
  }

  getIntersectionOrNullObject(anotherRange: Excel.Range | string): FakeRange {
    return this._object(
      FakeRange,
      "getIntersectionOrNullObject",
      [anotherRange],
      (ref, host) => {
        const other = refFromArg(host, ref.sheet, anotherRange, "getIntersectionOrNullObject");
        const cut = other.sheet === ref.sheet ? intersection(ref.rect, other.rect) : null;
        return cut ? { sheet: ref.sheet, rect: cut } : null;
      },
      true,
    );
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._object(FakeRange, "getUsedRange", [valuesOnly], (ref) => {
      const used = usedRect(ref.sheet, valuesOnly ?? false);
      const cut = used ? intersection(used, ref.rect) : null;
      return cut ? { sheet: ref.sheet, rect: cut } : null;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this._object(
      FakeRange,
      "getUsedRangeOrNullObject",
      [valuesOnly],
      (ref) => {
        const used = usedRect(ref.sheet, valuesOnly ?? false);
        const cut = used ? intersection(used, ref.rect) : null;
        return cut ? { sheet: ref.sheet, rect: cut } : null;
      },
      true,
    );
  }

  /** Merged areas keep the upper-left value only, as Excel does. Tables cannot contain merged cells. */
  merge(across?: boolean): void {
    this._call("merge", [across], (ref) => {
      const { sheet, rect } = ref;
      assertEditable(sheet, `merge of ${refAddress(ref)}`);
      if (sheet.tables.some((t) => intersection(t.rect, rect))) fail("InvalidOperation", `merge of ${refAddress(ref)}: cells in a table can't be merged`);
      const areas: Rect[] = across ? Array.from({ length: rows(rect) }, (_, i) => ({ ...rect, r0: rect.r0 + i, r1: rect.r0 + i })) : [rect];
      sheet.merges = sheet.merges.filter((m) => !intersection(m, rect));
      for (const area of areas) {
        if (area.r0 === area.r1 && area.c0 === area.c1) continue;
        forEachCell(sheet, area, (r, c) => {
          if (r === area.r0 && c === area.c0) return;
          const cell = getCell(sheet, r, c);
          if (cell) {
            delete cell.v;
            delete cell.f;
            delete cell.q;
            delete cell.t;
          }
        });
        sheet.merges.push(area);
      }
    });
  }

  unmerge(): void {
    this._call("unmerge", [], (ref) => {
      assertEditable(ref.sheet, `unmerge of ${refAddress(ref)}`);
      ref.sheet.merges = ref.sheet.merges.filter((m) => !intersection(m, ref.rect));
    });
  }

  clear(applyTo?: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents"): void {
    this._call("clear", [applyTo], (ref, host) => {
      const mode = applyTo === undefined ? "All" : oneOf(applyTo, { a: "All", f: "Formats", c: "Contents", h: "Hyperlinks", r: "RemoveHyperlinks", x: "ResetContents" }, "Range.clear applyTo");
      clearRange(host, ref, mode);
    });
  }

  /** Shifts cells up or left; areas holding tables, merges, conditional formats or chart data are not modelled. */
  delete(shift: Excel.DeleteShiftDirection | "Up" | "Left"): void {
    this._call("delete", [shift], (ref) => {
      const dir = oneOf(shift, { up: "Up", left: "Left" }, "Range.delete shift");
      assertEditable(ref.sheet, `delete of ${refAddress(ref)}`);
      const { r0, c0, r1, c1 } = ref.rect;
      if (dir === "Up") {
        // A filtered table's rows are not deleted (office-js#994; see table.ts).
        const filtered = ref.sheet.tables.find((t) => t.columns.some((col) => col.filter) && intersects(t.rect, ref.rect));
        if (filtered) fail("InsertDeleteConflict", `Range.delete(up) of ${refAddress(ref)}: table ${filtered.name} has a filter applied; Excel does not delete a filtered table's rows (office-js#994)`);
        deleteRowsInColumns(ref.sheet, r0, r1, c0, c1);
      }
      else deleteColumnsInRows(ref.sheet, c0, c1, r0, r1);
    });
  }

  insert(shift: Excel.InsertShiftDirection | "Down" | "Right"): FakeRange {
    return this._object(FakeRange, "insert", [shift], (ref) => {
      const dir = oneOf(shift, { down: "Down", right: "Right" }, "Range.insert shift");
      assertEditable(ref.sheet, `insert at ${refAddress(ref)}`);
      const { r0, c0, r1, c1 } = ref.rect;
      if (dir === "Down") insertRowsInColumns(ref.sheet, r0, c0, c1, rows(ref.rect));
      else insertColumnsInRows(ref.sheet, c0, r0, r1, cols(ref.rect));
      return { sheet: ref.sheet, rect: ref.rect };
    });
  }

  select(): void {
    this._call("select", [], (ref, host) => {
      if (ref.sheet.visibility !== "Visible") fail("InvalidOperation", `select: sheet '${ref.sheet.name}' is hidden`);
      host.book.activeSheet = ref.sheet;
      host.book.selection = { sheet: ref.sheet, rect: ref.rect };
    });
  }

  calculate(): void {
    this._call("calculate", [], () => undefined);
  }
}

function setNumberFormat(ref: RangeRef, input: unknown): void {
  const store = (fmt: { numberFormat?: string }, value: unknown, where: string) => {
    if (typeof value !== "string") fail("InvalidArgument", `numberFormat of ${where}: ${JSON.stringify(value)} is not a format code`);
    checkNumberFormat(value, `numberFormat of ${where}`);
    if (value === "" || /^general$/i.test(value)) delete fmt.numberFormat;
    else fmt.numberFormat = value;
  };
  if (!Array.isArray(input)) {
    writeFormat(ref, (fmt) => store(fmt, input, refAddress(ref)), "numberFormat");
    return;
  }
  // One format for every cell: "If you need to apply the same value, the same number format, or the same formula to a
  // range of cells, it's more efficient to specify a single value instead of an array of values" ("Update all cells in
  // a range", https://learn.microsoft.com/office/dev/add-ins/excel/performance#update-all-cells-in-a-range); given as a
  // 1×1 array on a larger range it applies to all cells (office-js-docs-reference#578, office-js-docs-pr#5400:
  // `getRange("B10:C14").numberFormat = [["$#,##0.00"]]` passes). Only numberFormat: #578 reports values and formulas
  // given that way failing, so they keep the strict shape check.
  if (input.length === 1 && Array.isArray(input[0]) && input[0].length === 1 && cellCount(ref.rect) > 1) {
    const single = (input[0] as unknown[])[0];
    refuseUndefined(single, "numberFormat", ref, ref.rect.r0, ref.rect.c0);
    if (single === null) return;
    writeFormat(ref, (fmt) => store(fmt, single, refAddress(ref)), "numberFormat");
    return;
  }
  const at = shapeInput(ref, input, "numberFormat");
  assertEditable(ref.sheet, `numberFormat of ${refAddress(ref)}`);
  const { sheet, rect } = ref;
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      const value = at(r, c);
      refuseUndefined(value, "numberFormat", ref, r, c);
      if (value === null) continue;
      const cell = ensureCell(sheet, r, c);
      const fmt = { ...cell.fmt };
      store(fmt, value, refAddress({ sheet, rect: { r0: r, c0: c, r1: r, c1: c } }));
      cell.fmt = fmt;
    }
  }
}

/**
 * Range.hyperlink (ExcelApi 1.7, https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink): every cell of
 * the range gets the link; `textToDisplay` ("the string that is displayed in the top left most cell in the range")
 * replaces that cell's value as text, otherwise the cells keep their values. Checked as core/limits.ts
 * checkHyperlink says, and no more than 66,530 links on a sheet.
 */
function setHyperlink(ref: RangeRef, value: unknown): void {
  const where = `hyperlink of ${refAddress(ref)}`;
  const link = checkHyperlink(value, where);
  assertEditable(ref.sheet, where);
  let count = 0;
  for (const cell of ref.sheet.cells.values()) if (cell.h) count++;
  forEachCell(ref.sheet, ref.rect, (r, c) => {
    if (!getCell(ref.sheet, r, c)?.h) count++;
  });
  if (count > MAX_SHEET_HYPERLINKS) fail("InvalidArgument", `${where}: ${count} hyperlinks on the sheet; a worksheet holds at most ${MAX_SHEET_HYPERLINKS}`);
  forEachCell(ref.sheet, ref.rect, (r, c) => {
    ensureCell(ref.sheet, r, c).h = { ...link };
  });
  if (link.textToDisplay !== undefined) {
    const top = ensureCell(ref.sheet, ref.rect.r0, ref.rect.c0);
    top.v = link.textToDisplay;
    delete top.f;
  }
}

function setHidden(set: Set<number>, from: number, to: number, value: unknown, what: string): void {
  const hide = isBool(value, what);
  for (let i = from; i <= to; i++) {
    if (hide) set.add(i);
    else set.delete(i);
  }
}

register(FakeRange, {
  className: "Range",
  alive: (ref: RangeRef) => !ref.sheet.deleted,
  scalars: {
    address: { get: (ref: RangeRef) => refAddress(ref) },
    addressLocal: { get: (ref: RangeRef) => refAddress(ref) },
    cellCount: { get: (ref: RangeRef) => cellCount(ref.rect) },
    rowCount: { get: (ref: RangeRef) => rows(ref.rect) },
    columnCount: { get: (ref: RangeRef) => cols(ref.rect) },
    rowIndex: { get: (ref: RangeRef) => ref.rect.r0 },
    columnIndex: { get: (ref: RangeRef) => ref.rect.c0 },
    values: {
      get: (ref: RangeRef, host) => readGrid(ref, (r, c) => cellValue(ref.sheet, r, c, host.evaluator), "values"),
      set: (ref: RangeRef, v, host) => writeCells(host, ref, v, "values"),
    },
    formulas: {
      get: (ref: RangeRef) => readGrid(ref, (r, c) => cellFormula(ref.sheet, r, c), "formulas"),
      set: (ref: RangeRef, v, host) => writeCells(host, ref, v, "formulas"),
    },
    formulasLocal: {
      get: (ref: RangeRef) => readGrid(ref, (r, c) => cellFormula(ref.sheet, r, c), "formulasLocal"),
      set: (ref: RangeRef, v, host) => writeCells(host, ref, v, "formulasLocal"),
    },
    text: { get: (ref: RangeRef, host) => readGrid(ref, (r, c) => cellText(ref.sheet, r, c, host.evaluator), "text") },
    numberFormat: {
      get: (ref: RangeRef) => readGrid(ref, (r, c) => cellNumberFormat(ref.sheet, r, c), "numberFormat"),
      set: (ref: RangeRef, v) => setNumberFormat(ref, v),
    },
    numberFormatLocal: {
      get: (ref: RangeRef) => readGrid(ref, (r, c) => cellNumberFormat(ref.sheet, r, c), "numberFormatLocal"),
      set: (ref: RangeRef, v) => setNumberFormat(ref, v),
    },
    valueTypes: { get: (ref: RangeRef, host) => readGrid(ref, (r, c) => cellValueType(ref.sheet, r, c, host.evaluator), "valueTypes") },
    isEntireColumn: { get: (ref: RangeRef) => isWholeColumns(ref.rect) },
    isEntireRow: { get: (ref: RangeRef) => isWholeRows(ref.rect) },
    hyperlink: {
      get: (ref: RangeRef) => {
        const h = getCell(ref.sheet, ref.rect.r0, ref.rect.c0)?.h;
        return h ? { ...h } : null;
      },
      set: (ref: RangeRef, v) => setHyperlink(ref, v),
    },
    columnHidden: {
      get: (ref: RangeRef) => hiddenState(ref.sheet.hiddenCols, ref.rect.c0, ref.rect.c1),
      set: (ref: RangeRef, v) => setHidden(ref.sheet.hiddenCols, ref.rect.c0, ref.rect.c1, v, "columnHidden"),
    },
    rowHidden: {
      get: (ref: RangeRef) => hiddenState(ref.sheet.hiddenRows, ref.rect.r0, ref.rect.r1),
      set: (ref: RangeRef, v) => setHidden(ref.sheet.hiddenRows, ref.rect.r0, ref.rect.r1, v, "rowHidden"),
    },
    hidden: {
      get: (ref: RangeRef) =>
        hiddenState(ref.sheet.hiddenRows, ref.rect.r0, ref.rect.r1) !== false || hiddenState(ref.sheet.hiddenCols, ref.rect.c0, ref.rect.c1) !== false,
    },
    top: { get: (ref: RangeRef) => cellOffset(ref.sheet, ref.rect.r0, ref.rect.c0).top },
    left: { get: (ref: RangeRef) => cellOffset(ref.sheet, ref.rect.r0, ref.rect.c0).left },
    width: {
      get: (ref: RangeRef) => cellOffset(ref.sheet, ref.rect.r0, ref.rect.c1 + 1).left - cellOffset(ref.sheet, ref.rect.r0, ref.rect.c0).left,
    },
    height: {
      get: (ref: RangeRef) => cellOffset(ref.sheet, ref.rect.r1 + 1, ref.rect.c0).top - cellOffset(ref.sheet, ref.rect.r0, ref.rect.c0).top,
    },
  },
  navs: {
    format: { cls: () => FakeRangeFormat, target: (ref: RangeRef) => ref },
    worksheet: { cls: () => registeredClass("Worksheet"), target: (ref: RangeRef) => ref.sheet },
    conditionalFormats: { cls: () => registeredClass("ConditionalFormatCollection"), target: (ref: RangeRef) => ref },
    dataValidation: { cls: () => registeredClass("DataValidation"), target: (ref: RangeRef) => ref },
  },
});

export class FakeRangeFormat extends FakeEntity<RangeRef> {
  declare readonly __office?: Excel.RangeFormat;
  declare columnWidth: number;
  declare rowHeight: number;
  declare horizontalAlignment: Excel.RangeFormat["horizontalAlignment"];
  declare verticalAlignment: Excel.RangeFormat["verticalAlignment"];
  declare wrapText: boolean;
  declare indentLevel: number;
  declare readonly font: FakeRangeFont;
  declare readonly fill: FakeRangeFill;
  declare readonly borders: FakeRangeBorderCollection;

  /** Widths fit the displayed text of the cells in the range (an estimate: 7 px per character, CJK double). */
  autofitColumns(): void {
    this._call("autofitColumns", [], (ref, host) => eachArea(ref).forEach((a) => autofitColumns(host, a)));
  }

  autofitRows(): void {
    this._call("autofitRows", [], (ref, host) => eachArea(ref).forEach((a) => autofitRows(host, a)));
  }
}

/** The blocks a format object stands for: a RangeAreas' blocks (rangeAreas.ts, Worksheet.getRanges), or its one range. */
function eachArea(ref: RangeRef): RangeRef[] {
  return ref.areas ? ref.areas.map((rect) => ({ sheet: ref.sheet, rect })) : [ref];
}

/**
 * A format's properties over the blocks of a RangeAreas ("Setting a property on a RangeAreas object sets the
 * corresponding property on all the ranges"; a read is "null unless all ranges share the same value": "Work with
 * multiple ranges simultaneously", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-multiple-ranges).
 * On a plain Range the property is unchanged.
 */
function overAreas(scalars: Record<string, ScalarSpec<RangeRef>>): Record<string, ScalarSpec<RangeRef>> {
  const out: Record<string, ScalarSpec<RangeRef>> = {};
  for (const [name, spec] of Object.entries(scalars)) {
    const { get, set } = spec;
    out[name] = {
      ...spec,
      ...(get
        ? {
            get: (ref: RangeRef, host: HostState) => {
              if (!ref.areas) return get(ref, host);
              const seen = eachArea(ref).map((a) => get(a, host));
              return seen.every((v) => v === seen[0]) ? seen[0] : null;
            },
          }
        : {}),
      ...(set
        ? {
            set: (ref: RangeRef, value: unknown, host: HostState) => {
              for (const a of eachArea(ref)) set(a, value, host);
            },
          }
        : {}),
    };
  }
  return out;
}

/** Borders through a RangeAreas are not documented (each block's edges, or the union's?): not modelled. */
function singleBlock(ref: RangeRef, what: string): RangeRef {
  if (ref.areas) fail("NotImplemented", `fake-excel: ${what} through a RangeAreas is not modelled (Excel does not document whose edges they are)`);
  return ref;
}

function uniformSize(ref: RangeRef, axis: "col" | "row"): number | null {
  const [from, to] = axis === "col" ? [ref.rect.c0, ref.rect.c1] : [ref.rect.r0, ref.rect.r1];
  const size = (i: number) => (axis === "col" ? columnWidth(ref.sheet, i) : rowHeight(ref.sheet, i));
  const first = size(from);
  const map = axis === "col" ? ref.sheet.colWidths : ref.sheet.rowHeights;
  if (to - from > 10000) {
    for (const [i, v] of map) if (i >= from && i <= to && v !== first) return null;
    return first;
  }
  for (let i = from + 1; i <= to; i++) if (size(i) !== first) return null;
  return first;
}

register(FakeRangeFormat, {
  className: "RangeFormat",
  alive: (ref: RangeRef) => !ref.sheet.deleted,
  scalars: overAreas({
    columnWidth: {
      get: (ref: RangeRef) => uniformSize(ref, "col"),
      set: (ref: RangeRef, v) => {
        const w = isNumber(v, "RangeFormat.columnWidth", 0, 1789.5);
        assertEditable(ref.sheet, `columnWidth of ${refAddress(ref)}`);
        for (let c = ref.rect.c0; c <= ref.rect.c1; c++) ref.sheet.colWidths.set(c, w);
      },
    },
    rowHeight: {
      get: (ref: RangeRef) => uniformSize(ref, "row"),
      set: (ref: RangeRef, v) => {
        const h = isNumber(v, "RangeFormat.rowHeight", 0, 409);
        assertEditable(ref.sheet, `rowHeight of ${refAddress(ref)}`);
        for (let r = ref.rect.r0; r <= ref.rect.r1; r++) ref.sheet.rowHeights.set(r, h);
      },
    },
    horizontalAlignment: {
      get: (ref: RangeRef) => uniformFormat(ref, (f) => f.hAlign ?? "General"),
      set: (ref: RangeRef, v) => {
        const a = oneOf(v, HorizontalAlignment, "RangeFormat.horizontalAlignment");
        writeFormat(ref, (f) => (f.hAlign = a), "horizontalAlignment");
      },
    },
    verticalAlignment: {
      get: (ref: RangeRef) => uniformFormat(ref, (f) => f.vAlign ?? "Bottom"),
      set: (ref: RangeRef, v) => {
        const a = oneOf(v, VerticalAlignment, "RangeFormat.verticalAlignment");
        writeFormat(ref, (f) => (f.vAlign = a), "verticalAlignment");
      },
    },
    wrapText: {
      get: (ref: RangeRef) => uniformFormat(ref, (f) => f.wrap ?? false),
      set: (ref: RangeRef, v) => {
        const w = isBool(v, "RangeFormat.wrapText");
        writeFormat(ref, (f) => (f.wrap = w), "wrapText");
      },
    },
    indentLevel: {
      get: (ref: RangeRef) => uniformFormat(ref, (f) => f.indent ?? 0),
      set: (ref: RangeRef, v) => {
        const n = isInt(v, "RangeFormat.indentLevel", 0, 250);
        writeFormat(ref, (f) => (f.indent = n), "indentLevel");
      },
    },
  }),
  navs: {
    font: { cls: () => FakeRangeFont, target: (ref: RangeRef) => ref },
    fill: { cls: () => FakeRangeFill, target: (ref: RangeRef) => ref },
    borders: { cls: () => FakeRangeBorderCollection, target: (ref: RangeRef) => ref },
  },
});

export class FakeRangeFont extends FakeEntity<RangeRef> {
  declare readonly __office?: Excel.RangeFont;
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;
  declare size: number;
  declare name: string;
  declare underline: Excel.RangeFont["underline"];
  declare strikethrough: boolean;
}

register(FakeRangeFont, {
  className: "RangeFont",
  alive: (ref: RangeRef) => !ref.sheet.deleted,
  scalars: overAreas({
    bold: {
      get: (ref: RangeRef) => uniformFormat(ref, (f) => f.bold ?? false),
      set: (ref: RangeRef, v) => {
        const b = isBool(v, "RangeFont.bold");
        writeFormat(ref, (f) => (f.bold = b), "font.bold");
      },
    },
    italic: {
      get: (ref: RangeRef) => uniformFormat(ref, (f) => f.italic ?? false),
      set: (ref: RangeRef, v) => {
        const b = isBool(v, "RangeFont.italic");
        writeFormat(ref, (f) => (f.italic = b), "font.italic");
      },
    },
    strikethrough: {
      get: (ref: RangeRef) => uniformFormat(ref, (f) => f.strikethrough ?? false),
      set: (ref: RangeRef, v) => {
        const b = isBool(v, "RangeFont.strikethrough");
        writeFormat(ref, (f) => (f.strikethrough = b), "font.strikethrough");
      },
    },
    color: {
      get: (ref: RangeRef) => uniformFormat(ref, (f) => f.color ?? DEFAULT_FONT.color),
      set: (ref: RangeRef, v) => {
        const color = normalizeColor(v, "RangeFont.color");
        writeFormat(ref, (f) => (f.color = color), "font.color");
      },
    },
    size: {
      get: (ref: RangeRef) => uniformFormat(ref, (f) => f.size ?? DEFAULT_FONT.size),
      set: (ref: RangeRef, v) => {
        const n = isNumber(v, "RangeFont.size", 1, 409);
        writeFormat(ref, (f) => (f.size = n), "font.size");
      },
    },
    name: {
      get: (ref: RangeRef) => uniformFormat(ref, (f) => f.fontName ?? DEFAULT_FONT.name),
      set: (ref: RangeRef, v) => {
        if (typeof v !== "string" || v.trim() === "") fail("InvalidArgument", "RangeFont.name must be a font name");
        writeFormat(ref, (f) => (f.fontName = v), "font.name");
      },
    },
    underline: {
      get: (ref: RangeRef) => uniformFormat(ref, (f) => f.underline ?? "None"),
      set: (ref: RangeRef, v) => {
        const u = oneOf(v, RangeUnderlineStyle, "RangeFont.underline");
        writeFormat(ref, (f) => (f.underline = u), "font.underline");
      },
    },
  }),
  navs: {},
});

export class FakeRangeFill extends FakeEntity<RangeRef> {
  declare readonly __office?: Excel.RangeFill;
  declare color: string;

  /** Removes the fill; color then reads "#FFFFFF" like a cell without fill. */
  clear(): void {
    this._call("clear", [], (ref) => writeFormat(ref, (f) => (f.fill = null), "fill.clear"));
  }
}

register(FakeRangeFill, {
  className: "RangeFill",
  alive: (ref: RangeRef) => !ref.sheet.deleted,
  scalars: overAreas({
    color: {
      get: (ref: RangeRef) => uniformFormat(ref, (f) => f.fill ?? "#FFFFFF"),
      set: (ref: RangeRef, v) => {
        const color = normalizeColor(v, "RangeFill.color");
        writeFormat(ref, (f) => (f.fill = color), "fill.color");
      },
    },
  }),
  navs: {},
});

export interface BorderRef {
  ref: RangeRef;
  side: string;
}

const NO_BORDER: BorderLine = { style: "None", color: "#000000", weight: "Thin" };

/** The grid lines a border of a range stands for (edges and inside lines of the rectangle). */
function borderLines(ref: RangeRef, side: string): { map: Map<number, BorderLine>; keys: number[] } | "diagonal" {
  const { r0, c0, r1, c1 } = ref.rect;
  const s = ref.sheet;
  const keys: number[] = [];
  if (cellCount(ref.rect) > 1_000_000) fail("NotImplemented", `fake-excel: borders on ${refAddress(ref)} (whole rows/columns) are not modelled`);
  switch (side) {
    case "EdgeTop":
      for (let c = c0; c <= c1; c++) keys.push(lineKey(r0, c));
      return { map: s.hLines, keys };
    case "EdgeBottom":
      for (let c = c0; c <= c1; c++) keys.push(lineKey(r1 + 1, c));
      return { map: s.hLines, keys };
    case "InsideHorizontal":
      for (let r = r0 + 1; r <= r1; r++) for (let c = c0; c <= c1; c++) keys.push(lineKey(r, c));
      return { map: s.hLines, keys };
    case "EdgeLeft":
      for (let r = r0; r <= r1; r++) keys.push(lineKey(r, c0));
      return { map: s.vLines, keys };
    case "EdgeRight":
      for (let r = r0; r <= r1; r++) keys.push(lineKey(r, c1 + 1));
      return { map: s.vLines, keys };
    case "InsideVertical":
      for (let r = r0; r <= r1; r++) for (let c = c0 + 1; c <= c1; c++) keys.push(lineKey(r, c));
      return { map: s.vLines, keys };
    default:
      return "diagonal";
  }
}

function readBorder(b: BorderRef, prop: keyof BorderLine): string | null {
  const lines = borderLines(b.ref, b.side);
  const values: BorderLine[] = [];
  if (lines === "diagonal") {
    const dir = b.side === "DiagonalDown" ? "down" : "up";
    forEachRectCell(b.ref.rect, (r, c) => values.push(b.ref.sheet.diagonals.get(cellKey(r, c))?.[dir] ?? NO_BORDER));
  } else {
    for (const k of lines.keys) values.push(lines.map.get(k) ?? NO_BORDER);
  }
  if (values.length === 0) return NO_BORDER[prop];
  const first = values[0][prop];
  return values.every((v) => v[prop] === first) ? first : null;
}

function forEachRectCell(rect: Rect, visit: (r: number, c: number) => void): void {
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) visit(r, c);
}

function writeBorder(b: BorderRef, change: (line: BorderLine) => BorderLine | null): void {
  assertEditable(b.ref.sheet, `borders of ${refAddress(b.ref)}`);
  const lines = borderLines(b.ref, b.side);
  if (lines === "diagonal") {
    const dir = b.side === "DiagonalDown" ? "down" : "up";
    forEachRectCell(b.ref.rect, (r, c) => {
      const key = cellKey(r, c);
      const d = { ...b.ref.sheet.diagonals.get(key) };
      const next = change(d[dir] ?? { ...NO_BORDER, style: "Continuous" });
      if (next) d[dir] = next;
      else delete d[dir];
      b.ref.sheet.diagonals.set(key, d);
    });
    return;
  }
  for (const k of lines.keys) {
    const next = change(lines.map.get(k) ?? { ...NO_BORDER, style: "Continuous" });
    if (next) lines.map.set(k, next);
    else lines.map.delete(k);
  }
}

export class FakeRangeBorderCollection extends FakeCollection<RangeRef, FakeRangeBorder> {
  declare readonly __office?: Excel.RangeBorderCollection;
  declare readonly count: number;

  getItem(index: Excel.BorderIndex | "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp"): FakeRangeBorder {
    return this._object(FakeRangeBorder, "getItem", [index], (ref) => ({ ref: singleBlock(ref, "RangeBorderCollection.getItem"), side: oneOf(index, BorderIndex, "RangeBorderCollection.getItem index") }));
  }

  getItemAt(index: number): FakeRangeBorder {
    return this._object(FakeRangeBorder, "getItemAt", [index], (ref) => {
      const sides = Object.values(BorderIndex);
      return { ref: singleBlock(ref, "RangeBorderCollection.getItemAt"), side: sides[isInt(index, "RangeBorderCollection.getItemAt index", 0, sides.length - 1)] };
    });
  }
}

register(FakeRangeBorderCollection, {
  className: "RangeBorderCollection",
  alive: (ref: RangeRef) => !ref.sheet.deleted,
  scalars: { count: { get: () => Object.values(BorderIndex).length } },
  navs: {},
  collection: {
    item: () => FakeRangeBorder,
    items: (ref: RangeRef) => Object.values(BorderIndex).map((side) => ({ ref: singleBlock(ref, "RangeBorderCollection.items"), side })),
    itemLabel: (b: BorderRef) => `getItem(${JSON.stringify(b.side)})`,
  },
});

export class FakeRangeBorder extends FakeEntity<BorderRef> {
  declare readonly __office?: Excel.RangeBorder;
  declare readonly sideIndex: Excel.RangeBorder["sideIndex"];
  declare style: Excel.RangeBorder["style"];
  declare color: string;
  declare weight: Excel.RangeBorder["weight"];
}

register(FakeRangeBorder, {
  className: "RangeBorder",
  alive: (b: BorderRef) => !b.ref.sheet.deleted,
  scalars: {
    sideIndex: { get: (b: BorderRef) => b.side },
    style: {
      get: (b: BorderRef) => readBorder(b, "style"),
      set: (b: BorderRef, v) => {
        const style = oneOf(v, BorderLineStyle, "RangeBorder.style");
        writeBorder(b, (line) => (style === "None" ? null : { ...line, style }));
      },
    },
    color: {
      get: (b: BorderRef) => readBorder(b, "color"),
      set: (b: BorderRef, v) => {
        const color = normalizeColor(v, "RangeBorder.color");
        writeBorder(b, (line) => ({ ...line, color }));
      },
    },
    weight: {
      get: (b: BorderRef) => readBorder(b, "weight"),
      set: (b: BorderRef, v) => {
        const weight = oneOf(v, BorderWeight, "RangeBorder.weight");
        writeBorder(b, (line) => ({ ...line, weight }));
      },
    },
  },
  navs: {},
});

/** Used by other modules to turn a Range argument into cells. */
export function rangeArg(host: HostState, value: unknown, what: string): RangeRef {
  const proxy = asProxy(value, FakeRange, what);
  const ref = resolve(proxy, host);
  if (!ref) fail("InvalidArgument", `${what}: the range is a null object`);
  return ref;
}

