/**
 * Office.js writes of one format onto a sheet: a cell style on a range, a column width in points, the print set-up,
 * a chart; and the number of actions a style queues, for the request-size estimate (batch.ts cuts writes into 5 MB
 * chunks by these). Each queues into the caller's context; none syncs.
 */
import { cellName, colName } from "../sheets/a1";
import type { PrintSetup } from "../sheets/print";
import { chartCells } from "../sheets/layout";
import type { CellStyle, ChartSpec, SheetSpec } from "../sheets/spec";

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;

function borderEdges(rows: number, cols: number): Excel.BorderIndex[] {
  const edges: Excel.BorderIndex[] = [Excel.BorderIndex.edgeTop, Excel.BorderIndex.edgeBottom, Excel.BorderIndex.edgeLeft, Excel.BorderIndex.edgeRight];
  if (rows > 1) edges.push(Excel.BorderIndex.insideHorizontal);
  if (cols > 1) edges.push(Excel.BorderIndex.insideVertical);
  return edges;
}

/** Actions queueStyle queues, the range included (for the size estimate). */
export function styleActions(style: CellStyle, rows: number, cols: number): number {
  const font = (["bold", "italic", "color", "fontSize"] as const).filter((k) => style[k] !== undefined).length;
  const other = (["horizontal", "vertical", "wrap"] as const).filter((k) => style[k] !== undefined).length;
  const edges = style.border ? 4 + (rows > 1 ? 1 : 0) + (cols > 1 ? 1 : 0) : 0;
  return 2 + (font > 0 ? 1 + font : 0) + (style.fill !== undefined ? 2 : 0) + other + (edges > 0 ? 1 + 2 * edges : 0);
}

/**
 * Queues a style on a range, or on the blocks of a RangeAreas (one op per property, never one per cell; a border only
 * on a Range: ./areas.ts).
 */
export function queueStyle(target: Excel.Range | Excel.RangeAreas, style: CellStyle, rows: number, cols: number): void {
  const format = target.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.color !== undefined) format.font.color = style.color;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.horizontal !== undefined) format.horizontalAlignment = H_ALIGN[style.horizontal];
  if (style.vertical !== undefined) format.verticalAlignment = V_ALIGN[style.vertical];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.border) {
    for (const edge of borderEdges(rows, cols)) format.borders.getItem(edge).style = Excel.BorderLineStyle.continuous;
  }
}

/** Excel column width in points for a width in characters of the default font (7 px per character + 5 px padding). */
export function charsToPoints(chars: number): number {
  return Math.round((Math.max(0, chars) * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Print set-up (src/sheets/print.ts PrintSetup), as the file renderer writes it (src/xlsx/printSetup.ts): A4,
 * orientation, fit or scale, margins in points, print titles, footer. PageLayout and its members are ExcelApi 1.9
 * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout): setPrintTitleRows/Columns take whole rows
 * or columns; the footer is headersFooters.defaultForAllPages (https://learn.microsoft.com/javascript/api/excel/excel.headerfooter)
 * with the format codes &P, &N, &A.
 */
export function queuePage(ws: Excel.Worksheet, setup: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = setup.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
  layout.paperSize = Excel.PaperType.a4;
  // pages wide and tall (0 = as many tall as needed), or a fixed scale in percent
  layout.zoom = "scale" in setup.fit ? { scale: setup.fit.scale } : { horizontalFitToPages: setup.fit.wide, verticalFitToPages: setup.fit.tall };
  const m = setup.margins;
  const points = (inches: number) => Math.round(inches * 72 * 100) / 100;
  layout.topMargin = points(m.top);
  layout.bottomMargin = points(m.bottom);
  layout.leftMargin = points(m.left);
  layout.rightMargin = points(m.right);
  layout.headerMargin = points(m.header);
  layout.footerMargin = points(m.footer);
  if (setup.titleRows) layout.setPrintTitleRows(`$${setup.titleRows.first}:$${setup.titleRows.last}`);
  if (setup.titleColumns) layout.setPrintTitleColumns(`$${colName(setup.titleColumns.first)}:$${colName(setup.titleColumns.last)}`);
  const footer = layout.headersFooters.defaultForAllPages;
  footer.leftFooter = setup.footer.left;
  footer.centerFooter = setup.footer.center;
  footer.rightFooter = setup.footer.right;
}

/** Actions queuePage queues (for the request-size estimate). */
export function pageActions(setup: PrintSetup): number {
  return 14 + (setup.titleRows ? 1 : 0) + (setup.titleColumns ? 1 : 0);
}

/**
 * Queues one chart of a spec: type, name, title, the spec's exact value and category ranges, legend, position.
 *
 * - The series orientation is given (Columns: the spec's ranges are single columns), never "Auto": Excel on the web
 *   and on the desktop split the same range differently under "Auto" (OfficeDev/office-js#1830, #2929).
 * - The chart is anchored to cells, setPosition(startCell, endCell) over the cells the layout reserves for it
 *   (sheets/layout.ts chartCells), not placed by width and height in points: points measured against cells drift
 *   under Windows display scaling when rows or columns are not Excel's default size (office-js#3136), so a chart sized
 *   in points can cover the table next to it on one machine and not on another. Cells move with the grid.
 */
export function queueChart(ws: Excel.Worksheet, spec: Pick<SheetSpec, "columnWidths">, chart: ChartSpec): void {
  const type = chart.type === "pie" ? Excel.ChartType.pie
    : chart.grouping === "stacked" ? Excel.ChartType.columnStacked : Excel.ChartType.columnClustered;
  const added = ws.charts.add(type, ws.getRange(chart.values), Excel.ChartSeriesBy.columns);
  added.name = chart.name;
  added.title.text = chart.title;
  // Set both dimensions explicitly, so the series plots the spec's ranges whatever Excel guessed from the source.
  const series = added.series.getItemAt(0);
  series.setValues(ws.getRange(chart.values));
  series.setXAxisValues(ws.getRange(chart.categories));
  series.name = chart.seriesName;
  // Further series (ChartSeriesCollection.add, ExcelApi 1.7 like setValues): each its own values, the same categories.
  for (const more of chart.moreSeries ?? []) {
    const s = added.series.add(more.name);
    s.setValues(ws.getRange(more.values));
    s.setXAxisValues(ws.getRange(chart.categories));
  }
  if (chart.type === "pie") added.legend.position = Excel.ChartLegendPosition.right;
  else if (chart.moreSeries?.length) added.legend.position = Excel.ChartLegendPosition.bottom;
  else added.legend.visible = false;
  const cells = chartCells(spec, chart);
  added.setPosition(cellName(cells.left, cells.top), cellName(cells.right, cells.bottom));
}
