/**
 * Renders SheetSpecs into the workbook with Office.js.
 *
 * Replacing, not patching: an output sheet that already exists is renamed out of the way, a fresh sheet with the
 * spec's name is added at its position, and the old one is deleted — in the same batch. So a rebuild gives exactly
 * what a first build gives (no chart, note, merge, conditional format or stray cell of the previous build survives,
 * and a chart is never stacked on an older one), the sheet keeps its place among the tabs, and the workbook never
 * drops to zero visible sheets midway. Formulas elsewhere that pointed into the old output sheet become #REF!:
 * output sheets are generated; the manager's own formulas belong on the data tables, which are never touched
 * (a sheet holding one of the book's tables is refused as a target).
 *
 * Writes are bulk: one `formulas` 2-D assignment for the whole grid (text cells through textSafe, so "=1+1" typed by
 * a manager stays text), one number format per format range (a single value for all its cells; consecutive ranges
 * with the same format merged),
 * one style write per style the cells end with and one height write per row height, each over all its blocks at once
 * (Worksheet.getRanges, ./areas.ts; where ExcelApi 1.9 is missing, one per format range and per run of rows), one
 * width per run of equal columns, then merges, freeze panes, filter, conditional formats, notes and charts. Values go in before number formats: a "@" format set first would keep textSafe's apostrophe as text.
 * Each write is an operation with a byte estimate, so a large batch is cut into 5 MB chunks by batch.ts.
 *
 * This file plans the writes of one sheet; the workbook's existing sheets are read in existingSheets.ts, the spec is
 * converted to cells and ranges in specGrid.ts, and single formats (style, page, chart) are queued by queueFormat.ts.
 */
import { checkLink, MAX_LINK_ADDRESS } from "../book/link";
import { textSafe } from "../book/text";
import type { Lang } from "../domain/types";
import { colName, parseCell, type RangeRef } from "../sheets/a1";
import { sheetLocation, type CellStyle, type ChartSpec, type SheetSpec } from "../sheets/spec";
import { rowsOp, single, type WriteOp } from "./batch";
import type { Capabilities, NotesMode } from "./capabilities";
import { commandError } from "./errors";
import type { ExistingSheet } from "./existingSheets";
import { charsToPoints, pageActions, queueChart, queuePage, queueStyle, styleActions } from "./queueFormat";
import { printSetup } from "../sheets/print";
import { equalRuns, fitToContent } from "../sheets/widths";
import { gridRows, mergeFormats, rangeA1, specRange, summaryColumn } from "./specGrid";
import { columnsA1, heightAreas, rowsA1, styleAreas, widthAreas, withoutBorder } from "./areas";
import { quoteSheet } from "../sheets/a1";

export interface RenderOptions {
  /** How notes are written: notes (1.18), threaded comments (1.10) or a summary column. */
  notes: NotesMode;
  /** Language of the summary column's title. */
  lang: Lang;
  /** Styles and row heights over several blocks per write (Worksheet.getRanges, ExcelApi 1.9); default one per range. */
  rangeAreas?: boolean;
}

export function renderOptions(caps: Capabilities, lang: Lang): RenderOptions {
  return { notes: caps.notes, lang, rangeAreas: caps.rangeAreas };
}

/** What one render queues into, shared by its operations (they may run in different syncs of one context). */
export interface RenderSlot {
  sheet?: Excel.Worksheet;
}

const SUMMARY_TITLE: Record<Lang, string> = { "zh-CN": "备注摘要", "zh-TW": "備註摘要", "en-US": "Notes" };
const SUMMARY_WIDTH = 48;

export interface RenderTarget {
  spec: SheetSpec;
  /** The sheet this output replaces (same name, or an older name of the same output); absent = a new sheet. */
  replaces?: ExistingSheet;
  /** Make the new sheet the active one. */
  activate?: boolean;
  /**
   * The marker to write with the sheet (a defined name, src/sheets/marker.ts): the replaced sheet's own, so its
   * number is kept, or a new one. The replaced sheet's marker is deleted with it.
   */
  marker?: string;
  /** Called once the last write of this sheet has been synced (progress). */
  done?: () => void;
}

function need(slot: RenderSlot): Excel.Worksheet {
  if (!slot.sheet) throw new Error("renderSheet: the sheet operation must be queued before the sheet's other writes");
  return slot.sheet;
}

/**
 * The writes that render one spec, in order, for runWrites (which cuts them into 5 MB chunks; what the commands use)
 * or queued whole into one context (tests/excel/renderHelpers.ts queueRenderSpec).
 * `tempName` gives the replaced sheet a name out of the way.
 */
export function planRender(target: RenderTarget, opts: RenderOptions, tempName: () => string, slot: RenderSlot = {}): WriteOp[] {
  const { replaces } = target;
  // widths that fit what the cells show, long text wrapped (src/sheets/widths.ts), as the file renderer does
  const spec = fitToContent(target.spec);
  if (replaces?.hasTable) {
    throw commandError("InvalidOperation", {
      "zh-CN": `工作表「${replaces.name}」包含表格（可能是客户簿的数据表），不能被输出表覆盖；请重命名该工作表后再生成。`,
      "zh-TW": `工作表「${replaces.name}」包含表格（可能是客戶簿的資料表），不能被輸出表覆蓋；請重新命名該工作表後再產生。`,
      "en-US": `Sheet "${replaces.name}" holds a table (perhaps one of the book's data tables) and cannot be replaced by an output sheet; rename it and build again.`,
    });
  }
  const ops: WriteOp[] = [];
  const oldTemp = replaces ? tempName() : undefined;

  // 1. The sheet: the old one out of the way, the new one in its place.
  const marker = target.marker;
  const print = printSetup(spec);
  const sheetActions = 2 + (replaces ? 4 : 0) + (replaces?.marker ? 2 : 0) + (marker ? 4 : 0) + (spec.tabColor ? 1 : 0) + (print ? pageActions(print) : 0);
  ops.push(
    single(sheetActions, [spec.name, oldTemp ?? null, spec.tabColor ?? null, replaces?.position ?? null, replaces?.marker ?? null, marker ?? null], (ctx) => {
      const sheets = ctx.workbook.worksheets;
      let old: Excel.Worksheet | undefined;
      if (replaces && oldTemp) {
        old = sheets.getItem(replaces.name);
        old.name = oldTemp;
      }
      const ws = sheets.add(spec.name);
      slot.sheet = ws;
      if (replaces && old) {
        ws.position = replaces.position;
        // the old sheet's marker goes with it (it would be left as #REF!), before its name is given to the new one
        if (replaces.marker) ctx.workbook.names.getItem(replaces.marker).delete();
        old.delete();
      }
      if (marker) {
        // hidden, workbook-scoped, the whole sheet (NamedItemCollection.add, ExcelApi 1.4; NamedItem.visible, 1.1)
        const named = ctx.workbook.names.add(marker, ws.getRange());
        named.visible = false;
      }
      if (spec.tabColor) ws.tabColor = spec.tabColor;
      if (print) queuePage(ws, print);
    }),
  );

  // 2. Values and formulas: one assignment for the grid (cut into row chunks only by the request limit).
  const grid = gridRows(spec);
  const width = grid.length > 0 ? grid[0].length : 0;
  if (width > 0) {
    ops.push(
      rowsOp(2, grid, (_ctx, from, to) => {
        need(slot).getRangeByIndexes(from, 0, to - from, width).formulas = grid.slice(from, to);
      }),
    );
  }

  // 3. Number formats per (merged) format range; styles per range, or per style the cells end with (./areas.ts).
  const areas = opts.rangeAreas === true;
  const styled: { range: RangeRef; style: CellStyle }[] = [];
  for (const { range: r, format } of mergeFormats(spec)) {
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (format.numberFormat !== undefined) {
      // One format for the whole range, not one per cell: "If you need to apply ... the same number format ... to a
      // range of cells, it's more efficient to specify a single value instead of an array of values"
      // (https://learn.microsoft.com/office/dev/add-ins/excel/performance#update-all-cells-in-a-range), given as a 1×1
      // array as office-js-docs-reference#578 and office-js-docs-pr#5400 found it applied to every cell. At 5,000
      // clients this is ~9 MB less of Refresh all's 45 MB (900,000 cells' formats).
      const nf = format.numberFormat;
      const a1 = rangeA1(r);
      ops.push(single(2, [a1, nf], () => void (need(slot).getRange(a1).numberFormat = [[nf]])));
    }
    const style = format.style;
    if (!style || Object.keys(style).length === 0) continue;
    if (!areas) {
      ops.push(single(styleActions(style, rows, cols), [rangeA1(r), style], () => void queueStyle(need(slot).getRange(rangeA1(r)), style, rows, cols)));
      continue;
    }
    const plain = withoutBorder(style);
    if (plain) styled.push({ range: r, style: plain });
    if (style.border) {
      const border: CellStyle = { border: true };
      ops.push(single(styleActions(border, rows, cols), [rangeA1(r), border], () => void queueStyle(need(slot).getRange(rangeA1(r)), border, rows, cols)));
    }
  }
  for (const area of areas ? styleAreas(styled) : []) {
    const style = area.style;
    for (const address of area.addresses) {
      ops.push(single(styleActions(style, 1, 1), [address, style], () => void queueStyle(need(slot).getRanges(address), style, 1, 1)));
    }
  }

  // 4. Column widths (points) and heights of rows with wrapped text (Range.format.rowHeight, points): one write per
  // width or height over all its runs of columns or rows (./areas.ts), or one per run without ExcelApi 1.9.
  const widths = (spec.columnWidths ?? [])
    .map((w, c) => [c + 1, w] as const)
    .filter(([, w]) => typeof w === "number" && Number.isFinite(w))
    .map(([c, w]) => [c, charsToPoints(w)] as const);
  const heights = Object.entries(spec.rowHeights ?? {}).map(([r, h]) => [Number(r), h] as const).sort((a, b) => a[0] - b[0]);
  /** One write per size over all its runs (getRanges), or per run (getRange) without ExcelApi 1.9. */
  const sizeWrites = (runs: { first: number; last: number; value: number }[], sizeAreas: typeof widthAreas, a1: (first: number, last: number) => string, set: (f: Excel.RangeFormat, points: number) => void) => {
    const writes = areas
      ? sizeAreas(runs).flatMap(({ points, addresses }) => addresses.map((address) => ({ address, points })))
      : runs.map((run) => ({ address: a1(run.first, run.last), points: run.value }));
    for (const { address, points } of writes) {
      ops.push(single(3, [address, points], () => void set((areas ? need(slot).getRanges(address) : need(slot).getRange(address)).format, points)));
    }
  };
  sizeWrites(equalRuns(widths), widthAreas, columnsA1, (f, points) => (f.columnWidth = points));
  sizeWrites(equalRuns(heights), heightAreas, rowsA1, (f, points) => (f.rowHeight = points));

  // 5. Merges, freeze panes, filter.
  const merges = spec.merges ?? [];
  for (const m of merges) specRange(spec, m, "merge");
  if (merges.length > 0) {
    ops.push(single(2 * merges.length, merges, () => {
      const ws = need(slot);
      for (const m of merges) ws.getRange(m).merge(false);
    }));
  }
  const freeze = spec.freeze;
  if (freeze && (freeze.rows > 0 || freeze.columns > 0)) {
    ops.push(single(3, freeze, () => {
      const panes = need(slot).freezePanes;
      if (freeze.rows > 0 && freeze.columns > 0) panes.freezeAt(need(slot).getRangeByIndexes(0, 0, freeze.rows, freeze.columns));
      else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
      else panes.freezeColumns(freeze.columns);
    }));
  }
  const filter = spec.autoFilter;
  if (filter) {
    specRange(spec, filter, "autoFilter");
    ops.push(single(3, filter, () => need(slot).autoFilter.apply(need(slot).getRange(filter))));
  }

  // 6. Conditional formats (custom formula).
  for (const cf of spec.conditionalFormats ?? []) {
    specRange(spec, cf.range, "conditional format range");
    ops.push(
      single(7 + (cf.style.fill !== undefined ? 2 : 0) + (cf.style.color !== undefined || cf.style.bold !== undefined ? 1 : 0) + (cf.style.color !== undefined ? 1 : 0) + (cf.style.bold !== undefined ? 1 : 0), cf, () => {
        const added = need(slot).getRange(cf.range).conditionalFormats.add(Excel.ConditionalFormatType.custom);
        added.custom.rule.formula = cf.formula;
        const f = added.custom.format;
        if (cf.style.fill !== undefined) f.fill.color = cf.style.fill;
        if (cf.style.color !== undefined) f.font.color = cf.style.color;
        if (cf.style.bold !== undefined) f.font.bold = cf.style.bold;
      }),
    );
  }

  // 7. Notes: notes, threaded comments, or a summary column after the grid.
  ops.push(...planNotes(spec, opts, slot));

  // 7b. Hyperlinks: a sheet of this workbook, or a place outside it.
  ops.push(...planLinks(spec, slot));

  // 8. Charts with exactly the spec's source ranges.
  for (const chart of spec.charts ?? []) ops.push(chartOp(spec, chart, slot));

  if (target.activate) ops.push(single(1, undefined, () => need(slot).activate()));
  const last = ops[ops.length - 1];
  if (target.done) {
    const prev = last.done;
    last.done = () => {
      prev?.();
      target.done?.();
    };
  }
  return ops;
}

function planNotes(spec: SheetSpec, opts: RenderOptions, slot: RenderSlot): WriteOp[] {
  const notes = (spec.notes ?? []).filter((n) => n.text !== "");
  for (const n of notes) {
    if (!parseCell(n.cell)) throw new RangeError(`sheet ${spec.name}: note cell "${n.cell}" is not a single A1 cell`);
  }
  if (notes.length === 0) return [];
  // The cell by its address, not a Range: one action per note, not two. NoteCollection.add takes "a string such as
  // "A1"" (https://learn.microsoft.com/javascript/api/excel/excel.notecollection#excel-excel-notecollection-add-member(1));
  // CommentCollection.add a string that "must contain the full address, including the sheet name"
  // (https://learn.microsoft.com/javascript/api/excel/excel.commentcollection#excel-excel-commentcollection-add-member(1)).
  if (opts.notes === "notes") {
    return notes.map((n) => single(1, [n.cell, n.text], () => void need(slot).notes.add(n.cell, n.text)));
  }
  if (opts.notes === "comments") {
    const sheet = quoteSheet(spec.name);
    return notes.map((n) => single(1, [`${sheet}!${n.cell}`, n.text], () => void need(slot).comments.add(`${sheet}!${n.cell}`, n.text)));
  }
  return planSummaryColumn(spec, opts, slot);
}

/**
 * Range.hyperlink (ExcelApi 1.7, in the manifest's 1.12; https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink):
 * `documentReference` for a sheet of this workbook ('name'!A1), `address` for a place outside it, checked by the one
 * rule of what a link may point to (src/book/link.ts), as the file renderer does. No `textToDisplay`: the cell keeps
 * the value the grid wrote through textSafe, so a name starting with "=" stays text.
 */
function planLinks(spec: SheetSpec, slot: RenderSlot): WriteOp[] {
  const seen = new Set<string>();
  return (spec.links ?? []).map((link) => {
    const at = parseCell(link.cell);
    if (!at) throw new RangeError(`sheet ${spec.name}: link cell "${link.cell}" is not a single A1 cell`);
    const cell = `${colName(at.col)}${at.row}`;
    if (seen.has(cell)) throw new RangeError(`sheet ${spec.name}: two links on cell ${cell}`);
    seen.add(cell);
    let hyperlink: Excel.RangeHyperlink;
    if (typeof link.sheet === "string") {
      const location = sheetLocation(link.sheet);
      if (location.length > MAX_LINK_ADDRESS) throw new RangeError(`sheet ${spec.name}: link to sheet "${link.sheet}" is too long`);
      hyperlink = { documentReference: location };
    } else {
      const r = checkLink(typeof link.address === "string" ? link.address : "");
      if (!r.ok) throw new RangeError(`sheet ${spec.name}: link address on ${cell} refused (${r.problem})`);
      hyperlink = { address: r.address };
    }
    return single(3, [cell, hyperlink], () => void (need(slot).getRange(cell).hyperlink = hyperlink));
  });
}

function planSummaryColumn(spec: SheetSpec, opts: RenderOptions, slot: RenderSlot): WriteOp[] {
  const { column, titleRow, cells } = summaryColumn(spec);
  const ops: WriteOp[] = [];
  const col = colName(column);
  ops.push(single(titleRow !== undefined ? 8 : 3, [col, titleRow ?? null, SUMMARY_TITLE[opts.lang]], () => {
    const ws = need(slot);
    const whole = ws.getRange(`${col}:${col}`);
    whole.format.columnWidth = charsToPoints(SUMMARY_WIDTH);
    if (titleRow !== undefined) {
      const title = ws.getRange(`${col}${titleRow}`);
      title.values = [[SUMMARY_TITLE[opts.lang]]];
      title.format.font.bold = true;
    }
  }));
  for (const [row, text] of cells) {
    const value = textSafe(text);
    ops.push(single(6, [`${col}${row}`, value], () => {
      const cell = need(slot).getRange(`${col}${row}`);
      cell.values = [[value]];
      cell.format.wrapText = true;
      cell.format.verticalAlignment = Excel.VerticalAlignment.top;
    }));
  }
  return ops;
}

function chartOp(spec: SheetSpec, chart: ChartSpec, slot: RenderSlot): WriteOp {
  const values = specRange(spec, chart.values, `chart ${chart.name} values`);
  const categories = specRange(spec, chart.categories, `chart ${chart.name} categories`);
  if (values.left !== values.right || categories.left !== categories.right) {
    throw new RangeError(`sheet ${spec.name}: chart ${chart.name} needs single-column ranges (values ${chart.values}, categories ${chart.categories})`);
  }
  for (const more of chart.moreSeries ?? []) {
    const r = specRange(spec, more.values, `chart ${chart.name} series ${more.name}`);
    if (r.left !== r.right || r.bottom - r.top !== values.bottom - values.top) {
      throw new RangeError(`sheet ${spec.name}: chart ${chart.name} series ${more.name} needs a single column as long as ${chart.values}, not ${more.values}`);
    }
  }
  if (!parseCell(chart.anchor)) throw new RangeError(`sheet ${spec.name}: chart ${chart.name} anchor "${chart.anchor}" is not a cell`);
  return single(18, chart, () => queueChart(need(slot), spec, chart));
}
