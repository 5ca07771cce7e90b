/**
 * Where a chart lands on the grid. A chart is anchored at a cell and sized in points; which cells it covers
 * depends on column widths and row heights. Row heights vary with the font (Excel 15 pt, Excel with CJK fonts
 * up to 18 pt, LibreOffice 12.8 pt), so builders reserve rows for the smallest common height: whatever the
 * renderer, the chart then ends above the next content.
 */
import { colNumber, parseCell, type RangeRef } from "./a1";
import type { ChartSpec, SheetSpec } from "./spec";

/** A chart sized for half an A4 landscape page, two of them fit one printed page beside their tables. */
export const CHART_WIDTH = 360;
export const CHART_HEIGHT = 220;
/** The smallest default row height among the hosts we render for (LibreOffice: 0.45 cm). */
export const MIN_ROW_POINTS = 12.75;
/** Excel's default column width in characters. */
export const DEFAULT_COLUMN_WIDTH = 8.43;

/** Width of a column of `chars` characters in points (Calibri 11: 7 px per character + 5 px padding; 0.75 pt/px). */
export function columnPoints(chars: number): number {
  return (Math.floor(chars * 7 + 0.5) + 5) * 0.75;
}

/** Rows a chart of `height` points may cover when rows are as short as MIN_ROW_POINTS (one spare). */
export function rowsForHeight(height: number): number {
  return Math.ceil(height / MIN_ROW_POINTS) + 1;
}

/** The cells a chart covers at most: from its anchor, as many columns as its width needs and rowsForHeight rows. */
export function chartCells(spec: Pick<SheetSpec, "columnWidths">, chart: Pick<ChartSpec, "anchor" | "width" | "height">): RangeRef {
  const a = parseCell(chart.anchor);
  if (!a) throw new RangeError(`chart anchor ${JSON.stringify(chart.anchor)} is not a cell`);
  let col = a.col;
  let covered = 0;
  for (;;) {
    covered += columnPoints(spec.columnWidths?.[col - 1] ?? DEFAULT_COLUMN_WIDTH);
    if (covered >= chart.width) break;
    col++;
  }
  return { top: a.row, left: a.col, bottom: a.row + rowsForHeight(chart.height) - 1, right: col };
}

/** Left edge of a column in points, from column A. */
export function columnLeft(spec: Pick<SheetSpec, "columnWidths">, column: string | number): number {
  const n = typeof column === "number" ? column : colNumber(column);
  if (n === undefined) throw new RangeError(`not a column: ${String(column)}`);
  let x = 0;
  for (let c = 1; c < n; c++) x += columnPoints(spec.columnWidths?.[c - 1] ?? DEFAULT_COLUMN_WIDTH);
  return x;
}

/** Display width of a text in character columns (CJK two): the book layout's one width function. */
export { textWidth } from "../book/layout";
