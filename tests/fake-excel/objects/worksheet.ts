/**
 * Worksheets: WorksheetCollection, Worksheet, WorksheetFreezePanes, WorksheetProtection, AutoFilter, PageLayout
 * (with its HeaderFooterGroup and HeaderFooter).
 * "Work with worksheets using the Excel JavaScript API": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets
 */
import { isWholeColumns, isWholeRows, MAX_COLS, MAX_ROWS, type Rect } from "../core/addresses";
import { isBool, isInt, oneOf } from "../core/checks";
import { normalizeColor } from "../core/colors";
import type { FakeCommentCollection } from "./notes";
import type { FakeNoteCollection } from "./notes";
import type { FakeChartCollection } from "./chart";
import { PageOrientation, PaperType, SheetVisibility } from "../generated/enums";
import { fail } from "../core/errors";
import { HEADER_FOOTER_PARTS, type HeaderFooterPart, newSheet, type PageLayoutModel, type SheetModel, type WorkbookModel } from "../core/model";
import { type FakeClientResult, FakeCollection, FakeEntity, FakeLoadable, FakeObject, register, registeredClass } from "../core/proxy";
import { FakeRange, refFromArg } from "./range";
import { FakeRangeAreas, findAllOnSheet, rangesOnSheet } from "./rangeAreas";
import { rectOnSheet } from "./range";
import { checkSheetName } from "../core/rules";
import { type RangeRef, usedRect } from "../core/sheet-ops";
import type { HostState } from "../core/state";
import type { FakeTableCollection } from "./table";

export function visibleSheets(book: WorkbookModel): SheetModel[] {
  return book.sheets.filter((s) => s.visibility === "Visible");
}

function findByKey(book: WorkbookModel, key: unknown): SheetModel | null {
  if (typeof key !== "string") fail("InvalidArgument", `worksheet key must be a string, not ${JSON.stringify(key)}`);
  const lower = key.toLowerCase();
  return book.sheets.find((s) => s.name.toLowerCase() === lower || s.id === key) ?? null;
}

/** Default name for worksheets.add(): Sheet{n}, the first free n from the sheet count up. */
function nextSheetName(book: WorkbookModel): string {
  let n = book.sheets.length + 1;
  while (book.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
  return `Sheet${n}`;
}

export function addSheet(book: WorkbookModel, name: unknown, at?: number): SheetModel {
  const finalName = name === undefined || name === null || name === "" ? nextSheetName(book) : checkSheetName(book, name);
  const sheet = newSheet(book, finalName);
  if (at === undefined) book.sheets.push(sheet);
  else book.sheets.splice(at, 0, sheet);
  return sheet;
}

export class FakeWorksheetCollection extends FakeCollection<WorkbookModel, FakeWorksheet> {
  declare readonly __office?: Excel.WorksheetCollection;

  /** Adds a sheet at the end; it does not become active (worksheets.add does not activate). */
  add(name?: string): FakeWorksheet {
    return this._object(FakeWorksheet, "add", [name], (book) => addSheet(book, name));
  }

  getItem(key: string): FakeWorksheet {
    return this._object(FakeWorksheet, "getItem", [key], (book) => findByKey(book, key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return this._object(FakeWorksheet, "getItemOrNullObject", [key], (book) => findByKey(book, key), true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return this._object(FakeWorksheet, "getActiveWorksheet", [], (book) => book.activeSheet);
  }

  getFirst(visibleOnly?: boolean): FakeWorksheet {
    return this._object(FakeWorksheet, "getFirst", [visibleOnly], (book) => (visibleOnly ? visibleSheets(book) : book.sheets)[0] ?? null);
  }

  getLast(visibleOnly?: boolean): FakeWorksheet {
    return this._object(FakeWorksheet, "getLast", [visibleOnly], (book) => (visibleOnly ? visibleSheets(book) : book.sheets).slice(-1)[0] ?? null);
  }

  getCount(visibleOnly?: boolean): FakeClientResult<number> {
    return this._callResult("getCount", [visibleOnly], (book) => (visibleOnly ? visibleSheets(book) : book.sheets).length);
  }
}

register(FakeWorksheetCollection, {
  className: "WorksheetCollection",
  scalars: {},
  navs: {},
  collection: {
    item: () => FakeWorksheet,
    items: (book: WorkbookModel) => book.sheets,
    itemLabel: (s: SheetModel) => `getItem(${JSON.stringify(s.name)})`,
  },
});

/** Removes a sheet and everything on it; the last visible sheet cannot go. */
export function deleteSheet(host: HostState, sheet: SheetModel): void {
  const book = host.book;
  if (sheet.visibility === "Visible" && visibleSheets(book).length === 1) {
    fail("InvalidOperation", `sheet '${sheet.name}' is the only visible sheet; a workbook must contain at least one visible worksheet`);
  }
  const index = book.sheets.indexOf(sheet);
  book.sheets.splice(index, 1);
  sheet.deleted = true;
  for (const t of sheet.tables) t.deleted = true;
  for (const ch of sheet.charts) ch.deleted = true;
  for (const n of sheet.notes) n.deleted = true;
  for (const cf of sheet.conditionalFormats) cf.deleted = true;
  book.comments = book.comments.filter((c) => {
    if (c.sheet === sheet) c.deleted = true;
    return c.sheet !== sheet;
  });
  if (book.activeSheet === sheet) {
    const next = visibleSheets(book).find((s) => book.sheets.indexOf(s) >= index) ?? visibleSheets(book).slice(-1)[0];
    book.activeSheet = next;
    book.selection = { sheet: next, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  }
}

export class FakeWorksheet extends FakeEntity<SheetModel> {
  declare readonly __office?: Excel.Worksheet;
  declare readonly id: string;
  declare name: string;
  declare position: number;
  declare visibility: Excel.Worksheet["visibility"];
  declare tabColor: string;
  declare showGridlines: boolean;
  declare readonly tables: FakeTableCollection;
  declare readonly charts: FakeChartCollection;
  declare readonly freezePanes: FakeWorksheetFreezePanes;
  declare readonly protection: FakeWorksheetProtection;
  declare readonly autoFilter: FakeAutoFilter;
  declare readonly notes: FakeNoteCollection;
  declare readonly comments: FakeCommentCollection;
  declare readonly pageLayout: FakePageLayout;

  /** Without an address: the whole sheet. An address naming another sheet is InvalidArgument. */
  getRange(address?: string): FakeRange {
    return this._object(FakeRange, "getRange", address === undefined ? [] : [address], (sheet) => ({
      sheet,
      rect: address === undefined ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } : rectOnSheet(sheet, address, "Worksheet.getRange"),
    }));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this._object(FakeRange, "getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], (sheet) => {
      const r0 = isInt(startRow, "startRow", 0, MAX_ROWS - 1);
      const c0 = isInt(startColumn, "startColumn", 0, MAX_COLS - 1);
      const nr = isInt(rowCount, "rowCount", 1, MAX_ROWS - r0);
      const nc = isInt(columnCount, "columnCount", 1, MAX_COLS - c0);
      return { sheet, rect: { r0, c0, r1: r0 + nr - 1, c1: c0 + nc - 1 } };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this._object(FakeRange, "getCell", [row, column], (sheet) => {
      const r = isInt(row, "row", 0, MAX_ROWS - 1);
      const c = isInt(column, "column", 0, MAX_COLS - 1);
      return { sheet, rect: { r0: r, c0: c, r1: r, c1: c } };
    });
  }

  /** An empty sheet's used range is A1 (getUsedRangeOrNullObject gives a null object instead). */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._object(FakeRange, "getUsedRange", valuesOnly === undefined ? [] : [valuesOnly], (sheet): RangeRef => ({
      sheet,
      rect: usedRect(sheet, valuesOnly ?? false) ?? { r0: 0, c0: 0, r1: 0, c1: 0 },
    }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this._object(
      FakeRange,
      "getUsedRangeOrNullObject",
      valuesOnly === undefined ? [] : [valuesOnly],
      (sheet) => {
        const rect = usedRect(sheet, valuesOnly ?? false);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }

  /** Several blocks of the sheet by address ("A1:B2, A5:B5"), at most 8,192 characters: ./rangeAreas.ts. */
  getRanges(address?: string): FakeRangeAreas {
    return this._object(FakeRangeAreas, "getRanges", address === undefined ? [] : [address], (sheet) => rangesOnSheet(sheet, address));
  }

  /** Every cell of the sheet whose text contains (or is) `text`: ./rangeAreas.ts. */
  findAll(text: string, criteria: Excel.WorksheetSearchCriteria): FakeRangeAreas {
    return this._object(FakeRangeAreas, "findAll", [text, criteria], (sheet, host) => findAllOnSheet(host, sheet, text, criteria) ?? fail("ItemNotFound", `Worksheet.findAll: no cell of '${sheet.name}' holds ${JSON.stringify(text)}`));
  }

  findAllOrNullObject(text: string, criteria: Excel.WorksheetSearchCriteria): FakeRangeAreas {
    return this._object(FakeRangeAreas, "findAllOrNullObject", [text, criteria], (sheet, host) => findAllOnSheet(host, sheet, text, criteria), true);
  }

  delete(): void {
    this._call("delete", [], (sheet, host) => deleteSheet(host, sheet));
  }

  activate(): void {
    this._call("activate", [], (sheet, host) => {
      if (sheet.visibility !== "Visible") fail("InvalidOperation", `sheet '${sheet.name}' is hidden and cannot be activated`);
      host.book.activeSheet = sheet;
      host.book.selection = { sheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
}

register(FakeWorksheet, {
  className: "Worksheet",
  alive: (sheet: SheetModel) => !sheet.deleted,
  scalars: {
    id: { get: (s: SheetModel) => s.id },
    name: {
      get: (s: SheetModel) => s.name,
      set: (s: SheetModel, v, host) => {
        s.name = checkSheetName(host.book, v, s);
      },
    },
    position: {
      get: (s: SheetModel, host) => host.book.sheets.indexOf(s),
      set: (s: SheetModel, v, host) => {
        const sheets = host.book.sheets;
        const to = isInt(v, "Worksheet.position", 0, sheets.length - 1);
        sheets.splice(sheets.indexOf(s), 1);
        sheets.splice(to, 0, s);
      },
    },
    visibility: {
      setMember: "Worksheet.visibility.set",
      get: (s: SheetModel) => s.visibility,
      set: (s: SheetModel, v, host) => {
        const vis = oneOf(v, SheetVisibility, "Worksheet.visibility");
        if (vis !== "Visible" && s.visibility === "Visible" && visibleSheets(host.book).length === 1) {
          fail("InvalidOperation", `sheet '${s.name}' is the only visible sheet and cannot be hidden`);
        }
        s.visibility = vis;
        if (vis !== "Visible" && host.book.activeSheet === s) {
          host.book.activeSheet = visibleSheets(host.book)[0];
          host.book.selection = { sheet: host.book.activeSheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
        }
      },
    },
    tabColor: {
      get: (s: SheetModel) => s.tabColor,
      set: (s: SheetModel, v) => {
        s.tabColor = v === "" ? "" : normalizeColor(v, "Worksheet.tabColor");
      },
    },
    showGridlines: {
      get: (s: SheetModel) => s.showGridlines,
      set: (s: SheetModel, v) => {
        s.showGridlines = isBool(v, "Worksheet.showGridlines");
      },
    },
  },
  navs: {
    tables: { cls: () => registeredClass("TableCollection"), target: (s: SheetModel) => ({ sheet: s }) },
    charts: { cls: () => registeredClass("ChartCollection"), target: (s: SheetModel) => s },
    freezePanes: { cls: () => FakeWorksheetFreezePanes, target: (s: SheetModel) => s },
    protection: { cls: () => FakeWorksheetProtection, target: (s: SheetModel) => s },
    autoFilter: { cls: () => FakeAutoFilter, target: (s: SheetModel) => s },
    notes: { cls: () => registeredClass("NoteCollection"), target: (s: SheetModel) => ({ sheet: s }) },
    comments: { cls: () => registeredClass("CommentCollection"), target: (s: SheetModel) => ({ sheet: s }) },
    pageLayout: { cls: () => FakePageLayout, target: (s: SheetModel) => s },
  },
});

/** The frozen area as Excel reports it: rows only → whole rows, columns only → whole columns. */
export function frozenRect(sheet: SheetModel): Rect | null {
  const { rows, cols } = sheet.freeze;
  if (rows === 0 && cols === 0) return null;
  if (cols === 0) return { r0: 0, r1: rows - 1, c0: 0, c1: MAX_COLS - 1 };
  if (rows === 0) return { r0: 0, r1: MAX_ROWS - 1, c0: 0, c1: cols - 1 };
  return { r0: 0, c0: 0, r1: rows - 1, c1: cols - 1 };
}

/**
 * Freeze panes are one split per sheet, so freezeRows(n) freezes n rows and no columns, freezeColumns(n) n columns
 * and no rows; freezeAt(range) freezes the rows and columns up to the range's bottom-right cell.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetfreezepanes
 */
export class FakeWorksheetFreezePanes extends FakeObject<SheetModel> {
  declare readonly __office?: Excel.WorksheetFreezePanes;

  freezeRows(count?: number): void {
    this._call("freezeRows", [count], (sheet) => {
      sheet.freeze = { rows: isInt(count ?? 1, "freezeRows count", 0, MAX_ROWS - 1), cols: 0 };
    });
  }

  freezeColumns(count?: number): void {
    this._call("freezeColumns", [count], (sheet) => {
      sheet.freeze = { rows: 0, cols: isInt(count ?? 1, "freezeColumns count", 0, MAX_COLS - 1) };
    });
  }

  freezeAt(frozenRange: Excel.Range | string): void {
    this._call("freezeAt", [frozenRange], (sheet, host) => {
      const ref = refFromArg(host, sheet, frozenRange, "freezeAt");
      if (ref.sheet !== sheet) fail("InvalidArgument", "freezeAt: the range is on another sheet");
      const rows = isWholeColumns(ref.rect) ? 0 : ref.rect.r1 + 1;
      const cols = isWholeRows(ref.rect) ? 0 : ref.rect.c1 + 1;
      sheet.freeze = { rows, cols };
    });
  }

  unfreeze(): void {
    this._call("unfreeze", [], (sheet) => {
      sheet.freeze = { rows: 0, cols: 0 };
    });
  }

  getLocation(): FakeRange {
    return this._object(FakeRange, "getLocation", [], (sheet) => {
      const rect = frozenRect(sheet);
      return rect ? { sheet, rect } : null;
    });
  }

  getLocationOrNullObject(): FakeRange {
    return this._object(
      FakeRange,
      "getLocationOrNullObject",
      [],
      (sheet) => {
        const rect = frozenRect(sheet);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }
}

register(FakeWorksheetFreezePanes, { className: "WorksheetFreezePanes", alive: (s: SheetModel) => !s.deleted, scalars: {}, navs: {} });

/**
 * protect()/unprotect() are safe to repeat (they did not throw on an already (un)protected sheet;
 * https://github.com/OfficeDev/office-js/issues/6784 reports the brief regression that did). While protected,
 * edits to the sheet's cells fail with AccessDenied (Excel treats all cells as locked by default).
 */
export class FakeWorksheetProtection extends FakeLoadable<SheetModel> {
  declare readonly __office?: Excel.WorksheetProtection;
  declare readonly protected: boolean;
  declare readonly options: Excel.WorksheetProtectionOptions;

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this._call("protect", [options, password], (sheet) => {
      if (sheet.protection.protected) return;
      sheet.protection = { protected: true, options: { ...options }, password };
    });
  }

  unprotect(password?: string): void {
    this._call("unprotect", [password], (sheet) => {
      if (!sheet.protection.protected) return;
      if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
        fail("BadPassword", `unprotect of '${sheet.name}'`);
      }
      sheet.protection = { protected: false, options: {} };
    });
  }
}

register(FakeWorksheetProtection, {
  className: "WorksheetProtection",
  alive: (s: SheetModel) => !s.deleted,
  scalars: {
    protected: { get: (s: SheetModel) => s.protection.protected },
    options: { get: (s: SheetModel) => ({ ...s.protection.options }) },
  },
  navs: {},
});

/** Worksheet.autoFilter: apply() turns filter buttons on for a range; filtering by criteria is not modelled. */
export class FakeAutoFilter extends FakeLoadable<SheetModel> {
  declare readonly __office?: Excel.AutoFilter;
  declare readonly enabled: boolean;
  declare readonly isDataFiltered: boolean;

  apply(range: Excel.Range | string, columnIndex?: number, criteria?: Excel.FilterCriteria): void {
    this._call("apply", [range, columnIndex, criteria], (sheet, host) => {
      if (criteria !== undefined) fail("NotImplemented", "fake-excel: AutoFilter criteria are not modelled");
      const ref = refFromArg(host, sheet, range, "AutoFilter.apply");
      if (sheet.tables.some((t) => t.rect.r0 <= ref.rect.r1 && ref.rect.r0 <= t.rect.r1 && t.rect.c0 <= ref.rect.c1 && ref.rect.c0 <= t.rect.c1)) {
        fail("InvalidOperation", "AutoFilter.apply: the range overlaps a table, which has its own filter");
      }
      sheet.autoFilter = { rect: ref.rect, criteria: {} };
    });
  }

  remove(): void {
    this._call("remove", [], (sheet) => {
      sheet.autoFilter = null;
    });
  }

  clearCriteria(): void {
    this._call("clearCriteria", [], (sheet) => {
      if (sheet.autoFilter) sheet.autoFilter.criteria = {};
    });
  }

  getRange(): FakeRange {
    return this._object(FakeRange, "getRange", [], (sheet) => (sheet.autoFilter ? { sheet, rect: sheet.autoFilter.rect } : null));
  }

  getRangeOrNullObject(): FakeRange {
    return this._object(FakeRange, "getRangeOrNullObject", [], (sheet) => (sheet.autoFilter ? { sheet, rect: sheet.autoFilter.rect } : null), true);
  }
}

register(FakeAutoFilter, {
  className: "AutoFilter",
  alive: (s: SheetModel) => !s.deleted,
  scalars: {
    enabled: { get: (s: SheetModel) => s.autoFilter !== null },
    isDataFiltered: { get: () => false },
  },
  navs: {},
});

export class FakePageLayout extends FakeEntity<SheetModel> {
  declare readonly __office?: Excel.PageLayout;
  declare orientation: Excel.PageLayout["orientation"];
  declare paperSize: Excel.PageLayout["paperSize"];
  declare zoom: Excel.PageLayout["zoom"];
  declare topMargin: number;
  declare bottomMargin: number;
  declare leftMargin: number;
  declare rightMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  declare readonly headersFooters: FakeHeaderFooterGroup;

  /**
   * "The rows to be repeated at the top of each page. The range must span the entire row to be valid."
   * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprinttitlerows-member(1))
   */
  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    this._call("setPrintTitleRows", [printTitleRows], (sheet, host) => {
      const ref = refFromArg(host, sheet, printTitleRows, "setPrintTitleRows");
      if (ref.sheet !== sheet) fail("InvalidArgument", "setPrintTitleRows: the rows are on another sheet");
      if (!isWholeRows(ref.rect)) fail("InvalidArgument", "setPrintTitleRows: the range must span entire rows");
      sheet.pageLayout.printTitleRows = ref.rect;
    });
  }

  /** "The columns to be repeated to the left of each page. The range must span the entire column to be valid." (same page) */
  setPrintTitleColumns(printTitleColumns: Excel.Range | string): void {
    this._call("setPrintTitleColumns", [printTitleColumns], (sheet, host) => {
      const ref = refFromArg(host, sheet, printTitleColumns, "setPrintTitleColumns");
      if (ref.sheet !== sheet) fail("InvalidArgument", "setPrintTitleColumns: the columns are on another sheet");
      if (!isWholeColumns(ref.rect)) fail("InvalidArgument", "setPrintTitleColumns: the range must span entire columns");
      sheet.pageLayout.printTitleColumns = ref.rect;
    });
  }
}

/** A margin in points (PageLayout.topMargin …, https://learn.microsoft.com/javascript/api/excel/excel.pagelayout): a number, not negative. */
function marginScalar(key: keyof PageLayoutModel["margins"], name: string) {
  return {
    get: (s: SheetModel) => s.pageLayout.margins[key],
    set: (s: SheetModel, v: unknown) => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) fail("InvalidArgument", `PageLayout.${name} must be a number of points, 0 or more, not ${String(v)}`);
      s.pageLayout.margins[key] = v;
    },
  };
}

/**
 * PageLayout.zoom (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions):
 * a print scale of 10–400 %, or a number of pages wide and tall to fit (0 leaves that direction automatic, as
 * fitToHeight="0" does in the file format). Anything else is refused.
 */
function checkZoom(v: unknown): Excel.PageLayoutZoomOptions {
  if (v === null || typeof v !== "object" || Array.isArray(v)) fail("InvalidArgument", "PageLayout.zoom must be a PageLayoutZoomOptions object");
  const z = v as Record<string, unknown>;
  const unknownKey = Object.keys(z).find((k) => !["scale", "horizontalFitToPages", "verticalFitToPages"].includes(k));
  if (unknownKey) fail("InvalidArgument", `PageLayout.zoom: unknown property ${unknownKey}`);
  const out: Excel.PageLayoutZoomOptions = {};
  if (z.scale !== undefined && z.scale !== null) {
    if (typeof z.scale !== "number" || !Number.isFinite(z.scale) || z.scale < 10 || z.scale > 400) fail("InvalidArgument", `PageLayout.zoom.scale must be 10–400, not ${String(z.scale)}`);
    out.scale = z.scale;
  }
  for (const k of ["horizontalFitToPages", "verticalFitToPages"] as const) {
    const n = z[k];
    if (n === undefined || n === null) continue;
    out[k] = isInt(n, `PageLayout.zoom.${k}`, 0, 32767);
  }
  if (Object.keys(out).length === 0) fail("InvalidArgument", "PageLayout.zoom needs a scale or pages to fit");
  return out;
}

register(FakePageLayout, {
  className: "PageLayout",
  alive: (s: SheetModel) => !s.deleted,
  scalars: {
    orientation: {
      get: (s: SheetModel) => s.pageLayout.orientation,
      set: (s: SheetModel, v) => {
        s.pageLayout.orientation = oneOf(v, PageOrientation, "PageLayout.orientation");
      },
    },
    paperSize: {
      get: (s: SheetModel) => s.pageLayout.paperSize,
      set: (s: SheetModel, v) => {
        s.pageLayout.paperSize = oneOf(v, PaperType, "PageLayout.paperSize");
      },
    },
    zoom: {
      get: (s: SheetModel) => ({ ...s.pageLayout.zoom }),
      set: (s: SheetModel, v) => {
        s.pageLayout.zoom = checkZoom(v);
      },
    },
    topMargin: marginScalar("top", "topMargin"),
    bottomMargin: marginScalar("bottom", "bottomMargin"),
    leftMargin: marginScalar("left", "leftMargin"),
    rightMargin: marginScalar("right", "rightMargin"),
    headerMargin: marginScalar("header", "headerMargin"),
    footerMargin: marginScalar("footer", "footerMargin"),
  },
  navs: {
    headersFooters: { cls: () => FakeHeaderFooterGroup, target: (s: SheetModel) => s },
  },
});

/** PageLayout.headersFooters (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.headerfootergroup): the default set is modelled. */
export class FakeHeaderFooterGroup extends FakeEntity<SheetModel> {
  declare readonly __office?: Excel.HeaderFooterGroup;
  declare readonly defaultForAllPages: FakeHeaderFooter;
}

register(FakeHeaderFooterGroup, {
  className: "HeaderFooterGroup",
  alive: (s: SheetModel) => !s.deleted,
  scalars: {},
  navs: { defaultForAllPages: { cls: () => FakeHeaderFooter, target: (s: SheetModel) => s } },
});

/**
 * One header/footer set (https://learn.microsoft.com/javascript/api/excel/excel.headerfooter): six texts with the
 * format codes &P, &N, &A… Excel keeps at most 255 characters in a header or footer ("Excel specifications and
 * limits", https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3;
 * MS-OI29500 §2.1.633 oddFooter, https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/18a8d655-24df-4375-aa11-33c30b9ee92c):
 * the three parts of a header (or footer) together, with the &L &C &R that join them in the file.
 */
export class FakeHeaderFooter extends FakeEntity<SheetModel> {
  declare readonly __office?: Excel.HeaderFooter;
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
}

export const MAX_HEADER_FOOTER = 255;

function headerFooterScalar(part: HeaderFooterPart) {
  return {
    get: (s: SheetModel) => s.pageLayout.headerFooter[part],
    set: (s: SheetModel, v: unknown) => {
      if (typeof v !== "string") fail("InvalidArgument", `HeaderFooter.${part} must be text`);
      const next = { ...s.pageLayout.headerFooter, [part]: v };
      const kind = part.endsWith("Header") ? "Header" : "Footer";
      const whole = `&L${next[`left${kind}`]}&C${next[`center${kind}`]}&R${next[`right${kind}`]}`;
      if (whole.length > MAX_HEADER_FOOTER) fail("InvalidArgument", `HeaderFooter: a ${kind.toLowerCase()} holds at most ${MAX_HEADER_FOOTER} characters, this one ${whole.length}`);
      s.pageLayout.headerFooter = next;
    },
  };
}

register(FakeHeaderFooter, {
  className: "HeaderFooter",
  alive: (s: SheetModel) => !s.deleted,
  scalars: Object.fromEntries(HEADER_FOOTER_PARTS.map((p) => [p, headerFooterScalar(p)])),
  navs: {},
});
