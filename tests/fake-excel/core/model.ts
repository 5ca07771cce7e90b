/**
 * The workbook itself: plain data that the proxies read and write at sync time, and that the test backdoor
 * (host.ts) reads directly. No Office.js types and no behaviour beyond bookkeeping live here.
 */
import { MAX_COLS, type Rect } from "./addresses";

export type CellValue = string | number | boolean;

/** Per-cell format overrides; an absent key inherits (cell > row > column > defaults), as Excel layers formats. */
export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
  fontName?: string;
  underline?: string;
  strikethrough?: boolean;
  /** null: no fill. */
  fill?: string | null;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  indent?: number;
  numberFormat?: string;
}

export interface Cell {
  /** Literal value, or the cached result of `f` when a test supplied one. */
  v?: CellValue;
  /** Formula text, starting with "=". */
  f?: string;
  /** Text entered with a leading apostrophe (Excel's quote prefix). */
  q?: boolean;
  /** Text entered into a cell formatted as Text ("@"): kept as typed, so "#N/A" there is text, not an error. */
  t?: boolean;
  fmt?: CellFormat;
  /** The cell's hyperlink (Range.hyperlink, ExcelApi 1.7). */
  h?: Excel.RangeHyperlink;
}

export interface BorderLine {
  style: string;
  color: string;
  weight: string;
}

export interface TableColumnModel {
  id: number;
  name: string;
  /** The column's filter (TableColumn.filter.apply); absent when none. */
  filter?: Excel.FilterCriteria;
}

export interface TableModel {
  id: number;
  name: string;
  sheet: SheetModel;
  /** Whole table: header row (when shown), data body, totals row (when shown). */
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showFilterButton: boolean;
  columns: TableColumnModel[];
  nextColumnId: number;
  /** Sheet rows the table's filters hide (shown again by clearFilters). */
  filterHidden?: Set<number>;
  deleted?: boolean;
}

export interface SeriesRef {
  sheet: SheetModel;
  rect: Rect;
}

export interface SeriesModel {
  name: string;
  chartType?: string;
  values?: SeriesRef;
  xValues?: SeriesRef;
  hasDataLabels: boolean;
  deleted?: boolean;
}

export interface ChartModel {
  id: string;
  name: string;
  sheet: SheetModel;
  type: string;
  title: { text: string; visible: boolean; overlay: boolean };
  legend: { visible: boolean; position: string; overlay: boolean };
  series: SeriesModel[];
  top: number;
  left: number;
  width: number;
  height: number;
  /** Cells passed to setPosition, as addresses on the chart's sheet. */
  anchor?: { start: string; end?: string };
  /** The range given to charts.add / setData, and how it was split into series. */
  source?: { ref: SeriesRef; seriesBy: string };
  deleted?: boolean;
}

export interface NoteModel {
  id: number;
  sheet: SheetModel;
  r: number;
  c: number;
  content: string;
  author: string;
  visible: boolean;
  width: number;
  height: number;
  deleted?: boolean;
}

export interface CommentModel {
  id: string;
  sheet: SheetModel;
  r: number;
  c: number;
  content: string;
  authorName: string;
  authorEmail: string;
  creationDate: Date;
  resolved: boolean;
  deleted?: boolean;
}

export interface ConditionalFormatModel {
  id: string;
  type: string;
  sheet: SheetModel;
  rects: Rect[];
  priority: number;
  stopIfTrue: boolean;
  formula: string;
  format: {
    fontColor?: string | null;
    bold?: boolean | null;
    italic?: boolean | null;
    strikethrough?: boolean | null;
    underline?: string | null;
    fill?: string | null;
    numberFormat?: string | null;
  };
  deleted?: boolean;
}

export interface ValidationModel {
  type: string;
  rule: Record<string, unknown>;
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  prompt: { message: string; showPrompt: boolean; title: string };
  ignoreBlanks: boolean;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: string;
  tabColor: string;
  showGridlines: boolean;
  cells: Map<number, Cell>;
  colFormats: Map<number, CellFormat>;
  rowFormats: Map<number, CellFormat>;
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  merges: Rect[];
  /** Horizontal border lines keyed by lineKey(boundaryRow, col); boundary r lies above row r. */
  hLines: Map<number, BorderLine>;
  /** Vertical border lines keyed by lineKey(row, boundaryCol); boundary c lies left of column c. */
  vLines: Map<number, BorderLine>;
  diagonals: Map<number, { down?: BorderLine; up?: BorderLine }>;
  freeze: { rows: number; cols: number };
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions; password?: string };
  tables: TableModel[];
  charts: ChartModel[];
  notes: NoteModel[];
  conditionalFormats: ConditionalFormatModel[];
  validations: Map<number, ValidationModel>;
  autoFilter: { rect: Rect; criteria: Record<number, unknown> } | null;
  pageLayout: PageLayoutModel;
  deleted?: boolean;
}

/** A sheet's print set-up: margins in points, print titles as whole rows/columns, the default header/footer. */
export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  zoom: Excel.PageLayoutZoomOptions;
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  printTitleRows: Rect | null;
  printTitleColumns: Rect | null;
  /** headersFooters.defaultForAllPages: leftHeader … rightFooter. */
  headerFooter: Record<HeaderFooterPart, string>;
}

export const HEADER_FOOTER_PARTS = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const;
export type HeaderFooterPart = (typeof HEADER_FOOTER_PARTS)[number];

/** A new sheet's print set-up: Excel's "Normal" margins (0.75 in top/bottom, 0.7 in left/right, 0.3 in header/footer). */
export function newPageLayout(): PageLayoutModel {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    margins: { top: 54, bottom: 54, left: 50.4, right: 50.4, header: 21.6, footer: 21.6 },
    printTitleRows: null,
    printTitleColumns: null,
    headerFooter: { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" },
  };
}

export interface SelectionModel {
  sheet: SheetModel;
  rect: Rect;
}

export interface WorkbookModel {
  name: string;
  sheets: SheetModel[];
  activeSheet: SheetModel;
  selection: SelectionModel;
  /** Setting values as Excel keeps them: JSON text. */
  settings: Map<string, string>;
  comments: CommentModel[];
  calculationMode: string;
  counters: { sheet: number; table: number; chart: number; note: number; comment: number; cf: number };
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;
export const DEFAULT_FONT = { name: "Aptos Narrow", size: 11, color: "#000000" };

export function cellKey(r: number, c: number): number {
  return r * MAX_COLS + c;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}

export function keyCol(key: number): number {
  return key % MAX_COLS;
}

/** Border lines use a wider grid (one more row and column than cells). */
export function lineKey(r: number, c: number): number {
  return r * (MAX_COLS + 1) + c;
}

export function sheetId(n: number): string {
  return `{${String(n).padStart(8, "0")}-0001-0000-0000-000000000000}`;
}

export function newSheet(book: WorkbookModel, name: string): SheetModel {
  book.counters.sheet += 1;
  return {
    id: sheetId(book.counters.sheet),
    name,
    visibility: "Visible",
    tabColor: "",
    showGridlines: true,
    cells: new Map(),
    colFormats: new Map(),
    rowFormats: new Map(),
    colWidths: new Map(),
    rowHeights: new Map(),
    hiddenRows: new Set(),
    hiddenCols: new Set(),
    merges: [],
    hLines: new Map(),
    vLines: new Map(),
    diagonals: new Map(),
    freeze: { rows: 0, cols: 0 },
    protection: { protected: false, options: {} },
    tables: [],
    charts: [],
    notes: [],
    conditionalFormats: [],
    validations: new Map(),
    autoFilter: null,
    pageLayout: newPageLayout(),
  };
}

export function newWorkbook(): WorkbookModel {
  const book = {
    name: "Book1.xlsx",
    sheets: [],
    settings: new Map(),
    comments: [],
    calculationMode: "Automatic",
    counters: { sheet: 0, table: 0, chart: 0, note: 0, comment: 0, cf: 0 },
  } as unknown as WorkbookModel;
  const first = newSheet(book, "Sheet1");
  book.sheets.push(first);
  book.activeSheet = first;
  book.selection = { sheet: first, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  return book;
}

export function getCell(sheet: SheetModel, r: number, c: number): Cell | undefined {
  return sheet.cells.get(cellKey(r, c));
}

export function ensureCell(sheet: SheetModel, r: number, c: number): Cell {
  const key = cellKey(r, c);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = {};
    sheet.cells.set(key, cell);
  }
  return cell;
}

/** Drops a cell that no longer holds anything, so used ranges shrink like Excel's. */
export function pruneCell(sheet: SheetModel, r: number, c: number): void {
  const key = cellKey(r, c);
  const cell = sheet.cells.get(key);
  if (!cell) return;
  const emptyFormat = !cell.fmt || Object.keys(cell.fmt).length === 0;
  if (cell.v === undefined && cell.f === undefined && cell.h === undefined && emptyFormat) sheet.cells.delete(key);
}

export function effectiveFormat(sheet: SheetModel, r: number, c: number): CellFormat {
  const col = sheet.colFormats.get(c);
  const row = sheet.rowFormats.get(r);
  const cell = sheet.cells.get(cellKey(r, c))?.fmt;
  if (!col && !row && !cell) return {};
  return { ...col, ...row, ...cell };
}

/**
 * effectiveFormat(sheet, r, c).numberFormat without building the merged object: the cell's layer, else the row's,
 * else the column's — a layer that holds the key (even as undefined) wins, as the object spread there does.
 */
export function effectiveNumberFormat(sheet: SheetModel, r: number, c: number): string | undefined {
  const cell = sheet.cells.get(cellKey(r, c))?.fmt;
  if (cell && Object.prototype.hasOwnProperty.call(cell, "numberFormat")) return cell.numberFormat;
  const row = sheet.rowFormats.get(r);
  if (row && Object.prototype.hasOwnProperty.call(row, "numberFormat")) return row.numberFormat;
  return sheet.colFormats.get(c)?.numberFormat;
}

export function columnWidth(sheet: SheetModel, c: number): number {
  return sheet.hiddenCols.has(c) ? 0 : (sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
}

export function rowHeight(sheet: SheetModel, r: number): number {
  return sheet.hiddenRows.has(r) ? 0 : (sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
}

/** Distance in points from the sheet's top-left corner to the top-left of cell (r, c). */
export function cellOffset(sheet: SheetModel, r: number, c: number): { top: number; left: number } {
  let top = r * DEFAULT_ROW_HEIGHT;
  for (const [row, h] of sheet.rowHeights) if (row < r) top += h - DEFAULT_ROW_HEIGHT;
  for (const row of sheet.hiddenRows) if (row < r) top -= sheet.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  let left = c * DEFAULT_COLUMN_WIDTH;
  for (const [col, w] of sheet.colWidths) if (col < c) left += w - DEFAULT_COLUMN_WIDTH;
  for (const col of sheet.hiddenCols) if (col < c) left -= sheet.colWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  return { top, left };
}

export function findSheet(book: WorkbookModel, name: string): SheetModel | undefined {
  const lower = name.toLowerCase();
  return book.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function allTables(book: WorkbookModel): TableModel[] {
  return book.sheets.flatMap((s) => s.tables);
}
