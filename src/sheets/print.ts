/**
 * How every sheet ClientBook writes is printed — the one rule both renderers follow (src/xlsx/renderSpec.ts for
 * files, src/excel/queueFormat.ts for Office.js) for the output sheets and for the book's tables
 * (src/xlsx/bookFile.ts, src/excel/setupBook.ts: tablePrintSetup). Pure: a sheet's intent (SheetSpec.page: orientation, fit,
 * footer), its column widths and its frozen rows and columns in; the page set-up out.
 *
 * - Paper A4 (mainland and Taiwan offices print on A4; without it LibreOffice and a US-set Excel use Letter).
 * - Margins a little narrower than Excel's "Normal" so a landscape list keeps readable type.
 * - The rows frozen on screen (title and header) are the print titles: repeated at the top of every page.
 * - Fit: one page wide when the columns fit at READABLE_SCALE or more; otherwise printed at READABLE_SCALE over
 *   as many pages wide as needed, the frozen columns (the client's id and name) repeated on each of them, so no
 *   page is a strip of columns nobody can place. A sheet marked fitToPage (the review) is one page.
 * - The footer: confidentiality line, page N of M, sheet name (./printText.ts).
 */
import type { Lang } from "../domain/types";
import { columnPoints, DEFAULT_COLUMN_WIDTH } from "./layout";
import { pageFooter, type Audience, type PageFooter } from "./printText";
import type { SheetKind, SheetSpec } from "./spec";

/** Page margins in inches (the unit of the file format's pageMargins; Office.js takes points: × 72). */
export interface PageMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

export const PRINT_MARGINS: PageMargins = { top: 0.5, bottom: 0.6, left: 0.3, right: 0.3, header: 0.25, footer: 0.3 };

/** A4, 210 × 297 mm, in inches. */
export const A4_INCHES = { width: 210 / 25.4, height: 297 / 25.4 };

/**
 * The smallest print scale we let a sheet shrink to: 70 % of Calibri 11 is 7.7 pt, about the size of a bank
 * statement's small print; below it a sheet prints over more pages instead.
 */
export const READABLE_SCALE = 0.7;

/** Rows or columns repeated on every printed page, 1-based and inclusive. */
export interface Span {
  first: number;
  last: number;
}

/** The page set-up both renderers write. */
export interface PrintSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  margins: PageMargins;
  /** Pages wide and tall to fit (0: as many as needed), or a fixed scale in percent. */
  fit: { wide: number; tall: number } | { scale: number };
  titleRows?: Span;
  titleColumns?: Span;
  footer: PageFooter;
}

/** What a printed sheet is: an output sheet kind, the review handed to the client, or one of the book's tables. */
export type PrintKind = SheetKind | "clientReview" | "table";

const LANDSCAPE_LIST = { orientation: "landscape" as const, fitToWidth: true };

/** Orientation and fit of each kind of sheet. */
const KIND_PAGE: Record<PrintKind, { orientation: "portrait" | "landscape"; fitToWidth?: boolean; fitToPage?: boolean }> = {
  profile: LANDSCAPE_LIST,
  coverage: LANDSCAPE_LIST,
  calendar: LANDSCAPE_LIST,
  // a call list: one row per client with phone, channel, window, reasons and details (ten columns)
  today: LANDSCAPE_LIST,
  calllist: LANDSCAPE_LIST,
  errors: LANDSCAPE_LIST,
  // twelve months across per client, the chart beside the summary
  ladder: LANDSCAPE_LIST,
  table: LANDSCAPE_LIST,
  // the review is gone through with the client on one sheet of paper
  review: { orientation: "landscape", fitToWidth: true, fitToPage: true },
  clientReview: { orientation: "landscape", fitToWidth: true, fitToPage: true },
};

/** SheetSpec.page of a sheet of `kind` in `lang`: its orientation, fit and footer. */
export function sheetPage(kind: PrintKind, lang: Lang): NonNullable<SheetSpec["page"]> {
  const audience: Audience = kind === "clientReview" ? "client" : "internal";
  return { ...KIND_PAGE[kind], footer: pageFooter(lang, audience) };
}

/** Printable width of a page in points, inside the left and right margins. */
export function printableWidth(orientation: "portrait" | "landscape", margins: PageMargins = PRINT_MARGINS): number {
  const paper = orientation === "landscape" ? A4_INCHES.height : A4_INCHES.width;
  return (paper - margins.left - margins.right) * 72;
}

/** Width of the sheet's columns in points (columns without a width at Excel's default). */
export function sheetWidthPoints(spec: Pick<SheetSpec, "columnWidths" | "cells">): number {
  const widths = spec.columnWidths ?? [];
  const count = Math.max(widths.length, ...spec.cells.map((r) => r.length), 1);
  let total = 0;
  for (let c = 0; c < count; c++) total += columnPoints(widths[c] ?? DEFAULT_COLUMN_WIDTH);
  return total;
}

/** The page set-up of a sheet, or undefined when the spec asks for none. */
export function printSetup(spec: Pick<SheetSpec, "page" | "columnWidths" | "cells" | "freeze">): PrintSetup | undefined {
  const page = spec.page;
  if (!page) return undefined;
  const rows = spec.freeze?.rows ?? 0;
  const cols = spec.freeze?.columns ?? 0;
  const out: PrintSetup = {
    paper: "A4",
    orientation: page.orientation,
    margins: PRINT_MARGINS,
    fit: { wide: 1, tall: page.fitToPage ? 1 : 0 },
    footer: page.footer ?? { left: "", center: "&P / &N", right: "&A" },
  };
  if (rows > 0) out.titleRows = { first: 1, last: rows };
  if (page.fitToPage) return out;
  const scale = printableWidth(page.orientation) / sheetWidthPoints(spec);
  if (scale < READABLE_SCALE) {
    out.fit = { scale: Math.round(READABLE_SCALE * 100) };
    if (cols > 0) out.titleColumns = { first: 1, last: cols };
  } else if (!page.fitToWidth) {
    out.fit = { scale: 100 };
  }
  return out;
}

/**
 * The page set-up of one of the book's tables (laid out by src/book/layout.ts, widths in characters): portrait when
 * its columns fit a portrait page at 100 %, else landscape; its header row repeated, and when it is too wide for one page at READABLE_SCALE its first two columns (the
 * record's id and the client's id or name) repeated on every page across.
 */
export function tablePrintSetup(widths: readonly number[], lang: Lang): PrintSetup {
  const columns = { columnWidths: [...widths], cells: [] };
  // a narrow table (Contacts, Reviews) prints portrait, more rows to a page; a wide one landscape
  const orientation = sheetWidthPoints(columns) <= printableWidth("portrait") ? "portrait" : "landscape";
  const setup = printSetup({ page: { ...sheetPage("table", lang), orientation }, ...columns, freeze: { rows: 1, columns: Math.min(2, widths.length) } });
  if (!setup) throw new Error("unreachable: a table always has a page set-up");
  return setup;
}
