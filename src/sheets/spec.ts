/**
 * SheetSpec: the declarative description of one output sheet — the contract between the pure builders
 * (src/sheets/*) and the two renderers (src/excel for Office.js, src/xlsx for files). No I/O, no Office types.
 *
 * Addresses are A1-style and relative to the sheet ("B3", "A1:F40"); the renderers add the sheet name.
 * Both renderers must produce the same cell values and formulas for the same spec (a parity test holds them to it).
 * Plain data only (no functions, no class instances).
 */

import type { PageFooter } from "./printText";

/** A formula cell: native Excel formula text starting with "=", English function names, commas. Never `RM.*`. */
export interface FormulaCell {
  f: string;
  /** The value we computed for it, used for display before recalculation and to check third-party recalcs. */
  cached?: number | string | boolean;
}

/**
 * A cell. Strings are always literal text, even when they start with "=", "+", "-" or "@" — the renderers must
 * keep them as text. `null` is an empty cell.
 */
export type CellValue = string | number | boolean | null | FormulaCell;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font colour, "#RRGGBB". */
  color?: string;
  /** Fill colour, "#RRGGBB". */
  fill?: string;
  fontSize?: number;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  wrap?: boolean;
  /** Thin border on every edge of every cell in the range. */
  border?: boolean;
}

export interface RangeFormat {
  /** A1 range, e.g. "C2:C41" or "A1". */
  range: string;
  /** Excel number format code, e.g. "#,##0.00", "0.0%", "yyyy-mm-dd", "@". */
  numberFormat?: string;
  style?: CellStyle;
}

/** A conditional format: `formula` is written for the range's top-left cell (relative references move). */
export interface ConditionalFormat {
  range: string;
  formula: string;
  style: Pick<CellStyle, "fill" | "color" | "bold">;
}

export interface NoteSpec {
  /** Single cell, e.g. "F7". */
  cell: string;
  text: string;
}

/**
 * A cell's hyperlink: to another sheet of the workbook (its cell A1) or to a place outside it — a web address, a
 * file URL, a drive or UNC path, as src/book/link.ts accepts (the renderers refuse anything else). The cell keeps
 * the value the grid gives it; the link only makes it clickable.
 */
export type LinkSpec =
  | { cell: string; sheet: string; address?: never }
  | { cell: string; address: string; sheet?: never };

export interface ChartSpec {
  /** Stable name: rebuilding replaces the chart with this name instead of stacking a new one. */
  name: string;
  type: "pie" | "column";
  title: string;
  /** Category labels, a single column range, e.g. "J5:J12". */
  categories: string;
  /** Values, a single column range of the same length. */
  values: string;
  /** Series name shown in the legend. */
  seriesName: string;
  /**
   * Column charts: further series over the same categories, each a single column range of the same length (e.g.
   * one per asset class on the maturity ladder). A chart with more than one series shows its legend.
   */
  moreSeries?: readonly { name: string; values: string }[];
  /** Column charts: bars side by side ("clustered", the default) or stacked into one bar per category. */
  grouping?: "clustered" | "stacked";
  /** Top-left anchor cell and size in points (A4 printable: ≤ 480 × 300). */
  anchor: string;
  width: number;
  height: number;
}

export type SheetKind = "profile" | "coverage" | "review" | "calendar" | "today" | "calllist" | "errors" | "ladder";

export interface SheetSpec {
  /** Sheet name: ≤ 31 characters, none of []:*?/\ , unique in the workbook ignoring case. */
  name: string;
  kind: SheetKind;
  /** Row-major grid from A1; rows may have different lengths. */
  cells: CellValue[][];
  /** Column widths in characters (Excel's default is 8.43), index 0 = column A. */
  columnWidths?: number[];
  /** Heights in points of rows that hold wrapped text (1-based row → points); other rows keep Excel's default. */
  rowHeights?: Record<number, number>;
  formats?: RangeFormat[];
  merges?: string[];
  freeze?: { rows: number; columns: number };
  /** Range that gets an AutoFilter, header row included. */
  autoFilter?: string;
  conditionalFormats?: ConditionalFormat[];
  notes?: NoteSpec[];
  /** Hyperlinks, one per cell at most. */
  links?: LinkSpec[];
  charts?: ChartSpec[];
  /**
   * What the sheet asks of the printed page (src/sheets/print.ts sheetPage makes it per kind; printSetup turns it,
   * the widths and the frozen rows into the page set-up both renderers write).
   */
  page?: {
    orientation: "portrait" | "landscape";
    fitToWidth?: boolean;
    /** Print on exactly one page (width and height), e.g. a review handed to the client. */
    fitToPage?: boolean;
    /** Footer: left, center, right, with Excel's codes (&P page, &N pages, &A sheet name; ./printText.ts). */
    footer?: PageFooter;
  };
  /** Tab colour "#RRGGBB". */
  tabColor?: string;
}

/**
 * The location of a link to sheet `sheet`, cell A1, as Excel writes it: 'name'!A1 with apostrophes doubled — a
 * quoted name is always valid, whatever characters (spaces, CJK, "-") it holds.
 */
export function sheetLocation(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!A1`;
}

export function isFormula(v: CellValue): v is FormulaCell {
  return typeof v === "object" && v !== null && "f" in v;
}
