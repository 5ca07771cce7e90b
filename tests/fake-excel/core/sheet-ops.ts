/**
 * Cell-level operations shared by ranges, tables and the backdoor: reading grids, writing values and formats,
 * clearing, autofit, and the cell shifts that tables need when they grow.
 */
import { cols, contains, intersection, intersects, isWholeColumns, isWholeRows, MAX_COLS, MAX_ROWS, qualified, type Rect, rows, subtract } from "./addresses";
import { fail } from "./errors";
import {
  type CellFormat,
  cellKey,
  DEFAULT_FONT,
  effectiveFormat,
  ensureCell,
  getCell,
  keyCol,
  keyRow,
  pruneCell,
  type SheetModel,
  type TableModel,
} from "./model";
import type { HostState } from "./state";
import { cellText, hasContent, storeInput } from "./values";

export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
  /**
   * The blocks of a RangeAreas (Worksheet.getRanges) whose `format` this is; `rect` is then their bounding rectangle.
   * Only the format objects (objects/range.ts RangeFormat, RangeFont, RangeFill) take such a reference.
   */
  areas?: Rect[];
}

/**
 * "A range is limited to 5,000,000 cells for read operations" (resource-limits-and-performance-optimization#excel-add-ins;
 * "On all platforms, a range is limited to five million cells for get operations", Excel performance article).
 * Office documents the limit, not the error: the fake refuses with RangeExceedsLimit ("The cell count in the range
 * has exceeded the maximum supported number", the error-handling page's text for that code). Real Excel sometimes
 * answers such a read with `values` = null and no error instead (https://github.com/OfficeDev/office-js/issues/4783,
 * https://github.com/OfficeDev/office-js/issues/6781; the docs now say to check the size before reading,
 * office-js-docs-pr#5821): failing loudly is the stricter of the two, so code that passes here never reads that far.
 */
export const READ_CELL_LIMIT = 5_000_000;

export function refAddress(ref: RangeRef): string {
  return qualified(ref.sheet.name, ref.rect);
}

export function cellCount(rect: Rect): number {
  return rows(rect) * cols(rect);
}

/** Locked cells of a protected sheet refuse edits with AccessDenied, as Excel reports them. */
export function assertEditable(sheet: SheetModel, what: string): void {
  if (sheet.protection.protected) fail("AccessDenied", `${what}: sheet '${sheet.name}' is protected`);
}

export function readGrid<V>(ref: RangeRef, read: (r: number, c: number) => V, what: string): V[][] {
  const { rect } = ref;
  if (cellCount(rect) > READ_CELL_LIMIT) fail("RangeExceedsLimit", `${what} of ${refAddress(ref)} reads ${cellCount(rect)} cells`);
  const out: V[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: V[] = new Array(rect.c1 - rect.c0 + 1);
    for (let c = rect.c0; c <= rect.c1; c++) row[c - rect.c0] = read(r, c);
    out.push(row);
  }
  return out;
}

/** Visits existing cells inside a rectangle, cheaply for whole rows/columns. */
export function forEachCell(sheet: SheetModel, rect: Rect, visit: (r: number, c: number) => void): void {
  if (cellCount(rect) > sheet.cells.size * 4) {
    const keys = [...sheet.cells.keys()];
    for (const key of keys) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) visit(r, c);
    }
    return;
  }
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) if (sheet.cells.has(cellKey(r, c))) visit(r, c);
}

/**
 * Checks a 2-D input against the range: same rows and columns, or one non-array value that Excel applies to
 * every cell. A mismatch is InvalidArgument at sync.
 */
export function shapeInput(ref: RangeRef, input: unknown, what: string): (r: number, c: number) => unknown {
  const { rect } = ref;
  if (!Array.isArray(input)) {
    if (input === null || input === undefined) fail("InvalidArgument", `${what} of ${refAddress(ref)} cannot be set to ${input}`);
    return () => input;
  }
  const nRows = rows(rect);
  const nCols = cols(rect);
  const ok = input.length === nRows && input.every((row) => Array.isArray(row) && row.length === nCols);
  if (!ok) {
    const got = input.every((row) => Array.isArray(row)) ? `${input.length}×${input[0]?.length ?? 0}` : "not a 2-D array";
    fail(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range: ${what} for ${refAddress(ref)} (${nRows}×${nCols}) got ${got}`,
    );
  }
  return (r, c) => (input[r - rect.r0] as unknown[])[c - rect.c0];
}

/**
 * `undefined` in a 2-D input array is refused (InvalidArgument). Office documents null as "leave this cell as it
 * is" ("Blank and null values in Excel add-ins") and says nothing of undefined; JSON, which carries the request,
 * would turn it into null and silently keep the old content, hiding a value the add-in meant to write. The fake is
 * stricter than Excel here on purpose: a missing value fails the test instead of vanishing.
 */
export function refuseUndefined(value: unknown, what: string, ref: RangeRef, r: number, c: number): void {
  if (value === undefined) fail("InvalidArgument", `${what} of ${refAddress(ref)}: the input array holds undefined at ${refAddress({ sheet: ref.sheet, rect: { r0: r, c0: c, r1: r, c1: c } })} (use null to leave a cell unchanged, "" to clear it)`);
}

/** Range.values / Range.formulas setter. */
export function writeCells(host: HostState, ref: RangeRef, input: unknown, what: string): void {
  const at = shapeInput(ref, input, what);
  const { sheet, rect } = ref;
  assertEditable(sheet, `${what} of ${refAddress(ref)}`);
  if (cellCount(rect) > READ_CELL_LIMIT) fail("RangeExceedsLimit", `${what} of ${refAddress(ref)} writes ${cellCount(rect)} cells`);
  let wroteSomething = false;
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      const value = at(r, c);
      refuseUndefined(value, what, ref, r, c);
      if (value === null) continue;
      const cell = ensureCell(sheet, r, c);
      storeInput(sheet, cell, r, c, value, `${what} of ${refAddress({ sheet, rect: { r0: r, c0: c, r1: r, c1: c } })}`);
      if (value !== "") wroteSomething = true;
      pruneCell(sheet, r, c);
    }
  }
  afterCellWrite(host, sheet, rect, wroteSomething);
}

/**
 * What Excel does around tables after cells change:
 * - header cells are the column names, so renaming a header cell renames the column (blank → "ColumnN");
 * - writing into the row just below a table (without a totals row) extends the table ("For existing tables, set
 *   values on table.getDataBodyRange() in bulk. The table expands automatically.", with getRowsBelow(1) in the
 *   sample of https://learn.microsoft.com/office/dev/add-ins/excel/performance#importing-data-into-tables).
 */
export function afterCellWrite(_host: HostState, sheet: SheetModel, rect: Rect, wroteSomething: boolean): void {
  for (const table of sheet.tables) {
    if (table.showHeaders && intersects(rect, headerRect(table))) syncHeaderNames(table);
    const below = table.rect.r1 + 1;
    if (wroteSomething && !table.showTotals && rect.r0 === below && rect.c0 <= table.rect.c1 && rect.c1 >= table.rect.c0) {
      const grow: Rect = { r0: below, c0: table.rect.c0, r1: rect.r1, c1: table.rect.c1 };
      if (!sheet.tables.some((t) => t !== table && intersects(t.rect, grow))) {
        table.rect = { ...table.rect, r1: rect.r1 };
        extendTableRows(table, below - 1, below, rect.r1);
      }
    }
  }
}

/**
 * New table rows r0..r1 take what the template row had in each table column: cell formats (where the new cell has
 * none), data validation, and conditional formats whose area ended on the template row grow to cover them — as Excel
 * extends a table's column formatting when the table grows.
 */
export function extendTableRows(table: TableModel, templateRow: number, r0: number, r1: number): void {
  const { sheet } = table;
  if (templateRow < table.rect.r0 + (table.showHeaders ? 1 : 0)) return;
  for (let c = table.rect.c0; c <= table.rect.c1; c++) {
    const fmt = getCell(sheet, templateRow, c)?.fmt;
    const rule = sheet.validations.get(cellKey(templateRow, c));
    for (let r = r0; r <= r1; r++) {
      if (fmt) {
        const cell = ensureCell(sheet, r, c);
        if (!cell.fmt) cell.fmt = { ...fmt };
      }
      if (rule) sheet.validations.set(cellKey(r, c), rule);
    }
  }
  for (const cf of sheet.conditionalFormats) {
    cf.rects = cf.rects.map((rect) =>
      rect.r1 === templateRow && rect.c0 >= table.rect.c0 && rect.c1 <= table.rect.c1 && r0 === templateRow + 1 ? { ...rect, r1 } : rect,
    );
  }
}

export function headerRect(table: TableModel): Rect {
  return { r0: table.rect.r0, c0: table.rect.c0, r1: table.rect.r0, c1: table.rect.c1 };
}

/** Unique, non-blank column names, as Excel derives them from header cells (Column1, Name2…). */
export function uniqueHeaderNames(raw: string[]): string[] {
  const used = new Set<string>();
  return raw.map((name, i) => {
    let base = name.trim() === "" ? `Column${i + 1}` : name;
    let candidate = base;
    let n = 2;
    while (used.has(candidate.toLowerCase())) {
      candidate = `${base}${n}`;
      n++;
    }
    used.add(candidate.toLowerCase());
    base = candidate;
    return base;
  });
}

export function syncHeaderNames(table: TableModel): void {
  const { sheet, rect } = table;
  const raw: string[] = [];
  for (let c = rect.c0; c <= rect.c1; c++) raw.push(cellText(sheet, rect.r0, c));
  const names = uniqueHeaderNames(raw);
  names.forEach((name, i) => {
    const c = rect.c0 + i;
    const cell = ensureCell(sheet, rect.r0, c);
    cell.v = name;
    delete cell.f;
    delete cell.q;
    delete cell.t;
    if (table.columns[i]) table.columns[i].name = name;
  });
}

/** Applies a format change; whole rows/columns set the row/column layer too, as Excel stores them. */
export function writeFormat(ref: RangeRef, change: (fmt: CellFormat) => void, what: string): void {
  const { sheet, rect } = ref;
  assertEditable(sheet, `${what} of ${refAddress(ref)}`);
  const apply = (holder: { fmt?: CellFormat }) => {
    const fmt = { ...holder.fmt };
    change(fmt);
    holder.fmt = fmt;
  };
  if (isWholeColumns(rect) || isWholeRows(rect)) {
    // Whole columns (the whole sheet included) go to the column layer, whole rows to the row layer.
    const layers = isWholeColumns(rect) ? sheet.colFormats : sheet.rowFormats;
    const [from, to] = layers === sheet.colFormats ? [rect.c0, rect.c1] : [rect.r0, rect.r1];
    for (let i = from; i <= to; i++) {
      const holder = { fmt: layers.get(i) };
      apply(holder);
      layers.set(i, holder.fmt as CellFormat);
    }
    forEachCell(sheet, rect, (r, c) => apply(ensureCell(sheet, r, c)));
    return;
  }
  if (cellCount(rect) > READ_CELL_LIMIT) fail("RangeExceedsLimit", `${what} of ${refAddress(ref)} touches ${cellCount(rect)} cells`);
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) apply(ensureCell(sheet, r, c));
}

/** A format property over a range: its value when all cells agree, else null ("Blank and null values"). */
export function uniformFormat<V>(ref: RangeRef, read: (fmt: CellFormat) => V): V | null {
  const { sheet, rect } = ref;
  let first = true;
  let value: V | null = null;
  const seen = (v: V) => {
    if (first) {
      value = v;
      first = false;
      return true;
    }
    return v === value;
  };
  if (isWholeColumns(rect) || isWholeRows(rect) || cellCount(rect) > READ_CELL_LIMIT) {
    const byCol = isWholeColumns(rect);
    const [from, to] = byCol ? [rect.c0, rect.c1] : [rect.r0, rect.r1];
    for (let i = from; i <= to; i++) {
      const layer = (byCol ? sheet.colFormats : sheet.rowFormats).get(i) ?? {};
      if (!seen(read(layer))) return null;
    }
    let mixed = false;
    forEachCell(sheet, rect, (r, c) => {
      if (!mixed && !seen(read(effectiveFormat(sheet, r, c)))) mixed = true;
    });
    return mixed ? null : value;
  }
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) if (!seen(read(effectiveFormat(sheet, r, c)))) return null;
  }
  return value;
}

/** Range.clear(applyTo): "All" clears contents, formats, conditional formats, validation and notes in the range. */
export function clearRange(host: HostState, ref: RangeRef, applyTo: string): void {
  const { sheet, rect } = ref;
  assertEditable(sheet, `clear of ${refAddress(ref)}`);
  const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
  const formats = applyTo === "All" || applyTo === "Formats" || applyTo === "RemoveHyperlinks";
  forEachCell(sheet, rect, (r, c) => {
    const cell = getCell(sheet, r, c);
    if (!cell) return;
    if (contents) {
      delete cell.v;
      delete cell.f;
      delete cell.q;
      delete cell.t;
    }
    if (formats) delete cell.fmt;
    pruneCell(sheet, r, c);
  });
  if (formats) {
    for (const c of [...sheet.colFormats.keys()]) if (isWholeColumns(rect) && c >= rect.c0 && c <= rect.c1) sheet.colFormats.delete(c);
    for (const r of [...sheet.rowFormats.keys()]) if (isWholeRows(rect) && r >= rect.r0 && r <= rect.r1) sheet.rowFormats.delete(r);
    clearBorders(sheet, rect);
    clearConditionalFormats(sheet, rect);
  }
  if (applyTo === "All") {
    for (const key of [...sheet.validations.keys()]) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) sheet.validations.delete(key);
    }
    for (const note of sheet.notes) if (!note.deleted && inRect(rect, note.r, note.c)) note.deleted = true;
    sheet.notes = sheet.notes.filter((n) => !n.deleted);
    for (const comment of host.book.comments) if (comment.sheet === sheet && inRect(rect, comment.r, comment.c)) comment.deleted = true;
    host.book.comments = host.book.comments.filter((c) => !c.deleted);
  }
  if (contents) afterCellWrite(host, sheet, rect, false);
}

export function inRect(rect: Rect, r: number, c: number): boolean {
  return r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1;
}

/** Removes the border lines on the edges and inside of a rectangle (visiting only the lines that exist). */
function clearBorders(sheet: SheetModel, rect: Rect): void {
  const width = MAX_COLS + 1;
  for (const key of [...sheet.hLines.keys()]) {
    const r = Math.floor(key / width);
    const c = key % width;
    if (r >= rect.r0 && r <= rect.r1 + 1 && c >= rect.c0 && c <= rect.c1) sheet.hLines.delete(key);
  }
  for (const key of [...sheet.vLines.keys()]) {
    const r = Math.floor(key / width);
    const c = key % width;
    if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1 + 1) sheet.vLines.delete(key);
  }
  for (const key of [...sheet.diagonals.keys()]) if (inRect(rect, keyRow(key), keyCol(key))) sheet.diagonals.delete(key);
}

/** Removes the cleared area from every conditional format; formats left with no area disappear. */
export function clearConditionalFormats(sheet: SheetModel, rect: Rect): void {
  for (const cf of sheet.conditionalFormats) cf.rects = cf.rects.flatMap((r) => subtract(r, rect));
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => {
    if (cf.rects.length === 0) cf.deleted = true;
    return cf.rects.length > 0;
  });
}

/** Used range: cells with values (valuesOnly) or also with formats; null for an empty sheet. */
export function usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly ? !hasContent(cell) : !hasContent(cell) && !(cell.fmt && Object.keys(cell.fmt).length > 0)) continue;
    const r = keyRow(key);
    const c = keyCol(key);
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  }
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

/** Approximate rendered width of text in points (Excel's autofit measures glyphs; CJK counts double). */
export function textWidth(text: string, fmt: CellFormat): number {
  const size = fmt.size ?? DEFAULT_FONT.size;
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  const px = units * 7 * (size / DEFAULT_FONT.size) * (fmt.bold ? 1.08 : 1) + 10;
  return Math.round(px * 0.75 * 100) / 100;
}

export function autofitColumns(host: HostState, ref: RangeRef): void {
  const { sheet, rect } = ref;
  const widest = new Map<number, number>();
  forEachCell(sheet, rect, (r, c) => {
    const text = cellText(sheet, r, c, host.evaluator);
    if (text === "") return;
    const fmt = effectiveFormat(sheet, r, c);
    const w = Math.max(...text.split("\n").map((line) => textWidth(line, fmt)));
    widest.set(c, Math.max(widest.get(c) ?? 0, w));
  });
  for (const [c, w] of widest) sheet.colWidths.set(c, Math.min(w, 1789.5));
}

export function autofitRows(_host: HostState, ref: RangeRef): void {
  const { sheet, rect } = ref;
  const tallest = new Map<number, number>();
  forEachCell(sheet, rect, (r, c) => {
    const cell = getCell(sheet, r, c);
    if (!hasContent(cell)) return;
    const fmt = effectiveFormat(sheet, r, c);
    const lines = fmt.wrap ? cellText(sheet, r, c).split("\n").length : 1;
    const h = Math.ceil(lines * 15 * ((fmt.size ?? DEFAULT_FONT.size) / DEFAULT_FONT.size) * 4) / 4;
    tallest.set(r, Math.max(tallest.get(r) ?? 0, h));
  });
  for (const [r, h] of tallest) sheet.rowHeights.set(r, h);
}

/** Whether anything other than plain cells lies in an area (shifts of such areas are not modelled). */
function structuresIn(sheet: SheetModel, area: Rect, except?: TableModel): string[] {
  const found: string[] = [];
  if (sheet.tables.some((t) => t !== except && intersects(t.rect, area))) found.push("a table");
  if (sheet.merges.some((m) => intersects(m, area))) found.push("merged cells");
  if (sheet.conditionalFormats.some((cf) => cf.rects.some((r) => intersects(r, area)))) found.push("conditional formats");
  if (sheet.charts.some((ch) => ch.series.some((s) => [s.values, s.xValues].some((v) => v && v.sheet === sheet && intersects(v.rect, area))))) {
    found.push("chart source data");
  }
  return found;
}

function moveCells(sheet: SheetModel, area: Rect, dr: number, dc: number): void {
  const moved: [number, number, ReturnType<typeof getCell>][] = [];
  forEachCell(sheet, area, (r, c) => {
    moved.push([r, c, getCell(sheet, r, c)]);
    sheet.cells.delete(cellKey(r, c));
  });
  for (const [r, c, cell] of moved) if (cell) sheet.cells.set(cellKey(r + dr, c + dc), cell);
  const vKeys = [...sheet.validations.entries()].filter(([k]) => inRect(area, keyRow(k), keyCol(k)));
  for (const [k] of vKeys) sheet.validations.delete(k);
  for (const [k, v] of vKeys) sheet.validations.set(cellKey(keyRow(k) + dr, keyCol(k) + dc), v);
  for (const note of sheet.notes) if (inRect(area, note.r, note.c)) Object.assign(note, { r: note.r + dr, c: note.c + dc });
}

/**
 * Inserts `count` blank rows at row `at` across columns c0..c1, pushing cells below down (Excel's "shift cells
 * down"), and moves tables that sit entirely below in those columns. Shifting through other structures is not
 * modelled and fails with NotImplemented rather than giving a wrong workbook.
 */
export function insertRowsInColumns(sheet: SheetModel, at: number, c0: number, c1: number, count: number, owner?: TableModel): void {
  const below: Rect = { r0: at, c0, r1: MAX_ROWS - 1, c1 };
  const tablesBelow = sheet.tables.filter((t) => t !== owner && t.rect.r0 >= at && t.rect.c0 >= c0 && t.rect.c1 <= c1);
  const blocking = structuresIn(sheet, below, owner).filter((s) => s !== "a table" || sheet.tables.some((t) => t !== owner && !tablesBelow.includes(t) && intersects(t.rect, below)));
  if (blocking.length > 0) {
    fail("NotImplemented", `fake-excel: inserting cells at row ${at + 1} would move ${blocking.join(", ")}; that shift is not modelled`);
  }
  const last = usedRect(sheet, false);
  if (last && last.r1 + count >= MAX_ROWS && intersects(below, last)) fail("NonBlankCellOffSheet", `inserting ${count} row(s) would push cells off '${sheet.name}'`);
  moveCells(sheet, below, count, 0);
  for (const t of tablesBelow) t.rect = { ...t.rect, r0: t.rect.r0 + count, r1: t.rect.r1 + count };
}

/** Deletes rows r0..r1 across columns c0..c1, pulling cells below up (Excel's "shift cells up"). */
export function deleteRowsInColumns(sheet: SheetModel, r0: number, r1: number, c0: number, c1: number, owner?: TableModel): void {
  const gone: Rect = { r0, c0, r1, c1 };
  const below: Rect = { r0: r1 + 1, c0, r1: MAX_ROWS - 1, c1 };
  const blocking = structuresIn(sheet, { r0, c0, r1: MAX_ROWS - 1, c1 }, owner);
  if (blocking.length > 0) fail("NotImplemented", `fake-excel: deleting cells at rows ${r0 + 1}-${r1 + 1} would move ${blocking.join(", ")}; that shift is not modelled`);
  forEachCell(sheet, gone, (r, c) => sheet.cells.delete(cellKey(r, c)));
  for (const k of [...sheet.validations.keys()]) if (inRect(gone, keyRow(k), keyCol(k))) sheet.validations.delete(k);
  sheet.notes = sheet.notes.filter((n) => {
    if (inRect(gone, n.r, n.c)) n.deleted = true;
    return !n.deleted;
  });
  moveCells(sheet, below, -(r1 - r0 + 1), 0);
}

/** Inserts `count` blank columns at column `at` across rows r0..r1 (Excel's "shift cells right"). */
export function insertColumnsInRows(sheet: SheetModel, at: number, r0: number, r1: number, count: number, owner?: TableModel): void {
  const right: Rect = { r0, c0: at, r1, c1: MAX_COLS - 1 };
  const blocking = structuresIn(sheet, right, owner);
  if (blocking.length > 0) fail("NotImplemented", `fake-excel: inserting cells at column ${at + 1} would move ${blocking.join(", ")}; that shift is not modelled`);
  moveCells(sheet, right, 0, count);
}

/** Deletes columns c0..c1 across rows r0..r1, pulling cells on the right left (Excel's "shift cells left"). */
export function deleteColumnsInRows(sheet: SheetModel, c0: number, c1: number, r0: number, r1: number, owner?: TableModel): void {
  const gone: Rect = { r0, c0, r1, c1 };
  const right: Rect = { r0, c0: c1 + 1, r1, c1: MAX_COLS - 1 };
  const blocking = structuresIn(sheet, { r0, c0, r1, c1: MAX_COLS - 1 }, owner);
  if (blocking.length > 0) fail("NotImplemented", `fake-excel: deleting cells at columns ${c0 + 1}-${c1 + 1} would move ${blocking.join(", ")}; that shift is not modelled`);
  forEachCell(sheet, gone, (r, c) => sheet.cells.delete(cellKey(r, c)));
  for (const k of [...sheet.validations.keys()]) if (inRect(gone, keyRow(k), keyCol(k))) sheet.validations.delete(k);
  sheet.notes = sheet.notes.filter((n) => {
    if (inRect(gone, n.r, n.c)) n.deleted = true;
    return !n.deleted;
  });
  moveCells(sheet, right, 0, -(c1 - c0 + 1));
}

export function isEmptyArea(sheet: SheetModel, rect: Rect): boolean {
  let empty = true;
  forEachCell(sheet, rect, (r, c) => {
    if (hasContent(getCell(sheet, r, c))) empty = false;
  });
  return empty;
}

export { contains, intersection };
