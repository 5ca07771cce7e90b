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
 * a manager stays text), one number-format array and one style per format range (consecutive ranges with the same
 * format merged), one width per run of equal columns, then merges, freeze panes, filter, conditional formats, notes
 * and charts. Values go in before number formats: a "@" format set first would keep textSafe's apostrophe as text.
 * Each write is an operation with a byte estimate, so a large batch is cut into 5 MB chunks by batch.ts.
 */
import { textSafe } from "../book/text";
import type { Lang } from "../domain/types";
import { cellName, colName, parseCell, parseRange, type RangeRef } from "../sheets/a1";
import { chartCells } from "../sheets/layout";
import { markedSheet, markerNames, markerNumber } from "../sheets/marker";
import { sheetNameKey } from "../sheets/names";
import { isFormula, type CellStyle, type CellValue, type ChartSpec, type RangeFormat, type SheetSpec } from "../sheets/spec";
import { Batch, rowsOp, runWrites, single, type WriteOp } from "./batch";
import { detectCapabilities, type Capabilities, type NotesMode } from "./capabilities";
import { commandError } from "./errors";

/** A sheet as the read sync saw it. */
export interface ExistingSheet {
  name: string;
  position: number;
  /** The sheet holds an Excel table (one of the book's tables or the manager's own): never replaced. */
  hasTable: boolean;
  /** Tab colour "#RRGGBB" ("" for none); loaded with `markers` (the old layout's signature, src/sheets/marker.ts). */
  tabColor?: string;
  /** The ClientBook marker (a defined name, src/sheets/marker.ts) that refers to this sheet, if any. */
  marker?: string;
}

/** The workbook's sheets as the read sync saw them. */
export interface SheetsInfo {
  sheets: ExistingSheet[];
  /** Name of the active sheet. */
  active: string;
  /** Loaded with `markers`: every marker name in the workbook, also those left by deleted sheets (#REF!). */
  markers?: { name: string; sheet?: string }[];
}

export interface RenderOptions {
  /** How notes are written: notes (1.18), threaded comments (1.10) or a summary column. */
  notes: NotesMode;
  /** Language of the summary column's title. */
  lang: Lang;
}

export function renderOptions(caps: Capabilities, lang: Lang): RenderOptions {
  return { notes: caps.notes, lang };
}

/** What one render queues into, shared by its operations (they may run in different syncs of one context). */
export interface RenderSlot {
  sheet?: Excel.Worksheet;
}

const SUMMARY_TITLE: Record<Lang, string> = { "zh-CN": "备注摘要", "zh-TW": "備註摘要", "en-US": "Notes" };
const SUMMARY_WIDTH = 48;

// ---- reading the workbook's sheets ------------------------------------------------------------------------------

/**
 * Queues the loads that tell which sheets exist, where, and which hold tables; call the result after the sync.
 * With `markers` (output commands), also which sheets ClientBook made: the workbook's defined names (ExcelApi 1.1;
 * the markers are among them) and the sheets' tab colours (Worksheet.tabColor, ExcelApi 1.7).
 */
export function queueSheetsInfo(ctx: Excel.RequestContext, opts: { markers?: boolean } = {}): () => SheetsInfo {
  const sheets = ctx.workbook.worksheets;
  sheets.load(opts.markers ? "items/name,items/position,items/tabColor" : "items/name,items/position");
  const tables = ctx.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  const active = sheets.getActiveWorksheet();
  active.load("name");
  const names = opts.markers ? ctx.workbook.names : undefined;
  names?.load("items/name,items/value");
  return () => sheetsInfoOf(sheets, tables, active, names);
}

/** Reads what queueSheetsInfo loaded (after the sync). */
function sheetsInfoOf(sheets: Excel.WorksheetCollection, tables: Excel.TableCollection, active: Excel.Worksheet, names?: Excel.NamedItemCollection): SheetsInfo {
  const withTables = new Set(tables.items.map((t) => sheetNameKey(t.worksheet.name)));
  const markers = names?.items.filter((n) => markerNumber(n.name) !== undefined).map((n) => ({ name: n.name, sheet: markedSheet(n.value) }));
  const markerOf = new Map<string, string>();
  for (const m of markers ?? []) if (m.sheet !== undefined && !markerOf.has(sheetNameKey(m.sheet))) markerOf.set(sheetNameKey(m.sheet), m.name);
  return {
    sheets: sheets.items.map((s) => {
      const sheet: ExistingSheet = { name: s.name, position: s.position, hasTable: withTables.has(sheetNameKey(s.name)) };
      if (markers) {
        sheet.tabColor = s.tabColor;
        const marker = markerOf.get(sheetNameKey(s.name));
        if (marker !== undefined) sheet.marker = marker;
      }
      return sheet;
    }),
    active: active.name,
    ...(markers ? { markers } : {}),
  };
}

const sheetIndex = new WeakMap<SheetsInfo, Map<string, ExistingSheet>>();

/** The sheet of that name (ignoring case, as Excel compares names), if the workbook has it. */
export function findSheet(info: SheetsInfo, name: string): ExistingSheet | undefined {
  let index = sheetIndex.get(info);
  if (!index) {
    index = new Map(info.sheets.map((s) => [sheetNameKey(s.name), s]));
    sheetIndex.set(info, index);
  }
  return index.get(sheetNameKey(name));
}

/** Temporary names for sheets being replaced, unique in the workbook. */
export function tempNames(info: SheetsInfo): () => string {
  const taken = new Set(info.sheets.map((s) => sheetNameKey(s.name)));
  let n = 0;
  return () => {
    let name: string;
    do name = `~ClientBook-old-${++n}`;
    while (taken.has(sheetNameKey(name)));
    taken.add(sheetNameKey(name));
    return name;
  };
}

// ---- cells -----------------------------------------------------------------------------------------------------------

/** One cell as Office.js `formulas` input: text through textSafe, formulas as text starting with "=". */
export function cellInput(v: CellValue, sheet: string, row: number, col: number): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v === "" ? "" : textSafe(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new RangeError(`sheet ${sheet}, cell ${cellName(col + 1, row + 1)}: ${v} is not a number Excel can store`);
    return v;
  }
  if (typeof v === "boolean") return v;
  if (isFormula(v)) {
    const f = v.f.trim();
    if (f === "" || f === "=") throw new RangeError(`sheet ${sheet}, cell ${cellName(col + 1, row + 1)}: empty formula`);
    return f.startsWith("=") ? f : `=${f}`;
  }
  throw new TypeError(`sheet ${sheet}, cell ${cellName(col + 1, row + 1)}: ${JSON.stringify(v)} is not a cell value`);
}

/** The grid as rectangular `formulas` rows (short rows padded with ""). */
export function gridRows(spec: SheetSpec): (string | number | boolean)[][] {
  const width = spec.cells.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  return spec.cells.map((r, i) => {
    const out: (string | number | boolean)[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = cellInput(r?.[c] ?? null, spec.name, i, c);
    return out;
  });
}

function range(spec: SheetSpec, a1: string, what: string): RangeRef {
  const r = parseRange(a1);
  if (!r) throw new RangeError(`sheet ${spec.name}: ${what} "${a1}" is not an A1 range`);
  return r;
}

/** Rightmost column (1-based) anything of the spec touches: the summary column of notes goes after it. */
export function lastSpecColumn(spec: SheetSpec): number {
  let right = spec.cells.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  const ranges = [
    ...(spec.formats ?? []).map((f) => f.range),
    ...(spec.merges ?? []),
    ...(spec.conditionalFormats ?? []).map((c) => c.range),
    ...(spec.notes ?? []).map((n) => n.cell),
    ...(spec.autoFilter ? [spec.autoFilter] : []),
  ];
  for (const a1 of ranges) right = Math.max(right, range(spec, a1, "range").right);
  return right;
}

// ---- formats -------------------------------------------------------------------------------------------------------

function sameFormat(a: RangeFormat, b: RangeFormat): boolean {
  return a.numberFormat === b.numberFormat && JSON.stringify(a.style ?? null) === JSON.stringify(b.style ?? null);
}

/**
 * Consecutive format entries with the same format whose ranges continue each other (one below the other with the
 * same columns, or side by side with the same rows) become one range. Only neighbours in the list merge, so an
 * entry in between that overrides them keeps its effect.
 */
export function mergeFormats(spec: SheetSpec): { range: RangeRef; format: RangeFormat }[] {
  const out: { range: RangeRef; format: RangeFormat }[] = [];
  for (const f of spec.formats ?? []) {
    const r = range(spec, f.range, "format range");
    const prev = out[out.length - 1];
    if (prev && sameFormat(prev.format, f)) {
      const p = prev.range;
      if (p.left === r.left && p.right === r.right && r.top === p.bottom + 1) {
        prev.range = { ...p, bottom: r.bottom };
        continue;
      }
      if (p.top === r.top && p.bottom === r.bottom && r.left === p.right + 1) {
        prev.range = { ...p, right: r.right };
        continue;
      }
    }
    out.push({ range: r, format: f });
  }
  return out;
}

function a1(r: RangeRef): string {
  const tl = cellName(r.left, r.top);
  const br = cellName(r.right, r.bottom);
  return tl === br ? tl : `${tl}:${br}`;
}

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

/** Queues a style on a range (one range op per property, never one per cell). */
export function queueStyle(target: Excel.Range, style: CellStyle, rows: number, cols: number): void {
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

// ---- the plan --------------------------------------------------------------------------------------------------------

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

function fill<T>(rows: number, cols: number, v: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(v));
}

/**
 * The writes that render one spec, in order, for runWrites (which cuts them into 5 MB chunks; what the commands use)
 * or queueRenderSpec (tests only).
 * `tempName` gives the replaced sheet a name out of the way.
 */
export function planRender(target: RenderTarget, opts: RenderOptions, tempName: () => string, slot: RenderSlot = {}): WriteOp[] {
  const { spec, replaces } = target;
  if (replaces?.hasTable) {
    throw commandError(
      "InvalidOperation",
      `工作表「${replaces.name}」包含表格（可能是客户簿的数据表），不能被输出表覆盖；请重命名该工作表后再生成。`,
      `工作表「${replaces.name}」包含表格（可能是客戶簿的資料表），不能被輸出表覆蓋；請重新命名該工作表後再產生。`,
      `Sheet "${replaces.name}" holds a table (perhaps one of the book's data tables) and cannot be replaced by an output sheet; rename it and build again.`,
    );
  }
  const ops: WriteOp[] = [];
  const oldTemp = replaces ? tempName() : undefined;

  // 1. The sheet: the old one out of the way, the new one in its place.
  const marker = target.marker;
  const sheetActions =
    2 + (replaces ? 4 : 0) + (replaces?.marker ? 2 : 0) + (marker ? 4 : 0) + (spec.tabColor ? 1 : 0) + (spec.page ? 3 + (spec.page.fitToPage || spec.page.fitToWidth ? 1 : 0) : 0);
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
      if (spec.page) queuePage(ws, spec.page);
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

  // 3. Number formats and styles, per (merged) format range.
  for (const { range: r, format } of mergeFormats(spec)) {
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    if (format.numberFormat !== undefined) {
      const nf = format.numberFormat;
      const line = new Array<string>(cols).fill(nf);
      ops.push(
        rowsOp(2, new Array(rows).fill(line), (_ctx, from, to) => {
          need(slot).getRangeByIndexes(r.top - 1 + from, r.left - 1, to - from, cols).numberFormat = fill(to - from, cols, nf);
        }),
      );
    }
    const style = format.style;
    if (style && Object.keys(style).length > 0) {
      ops.push(single(styleActions(style, rows, cols), [a1(r), style], () => void queueStyle(need(slot).getRange(a1(r)), style, rows, cols)));
    }
  }

  // 4. Column widths, one range per run of equal widths.
  const widths = spec.columnWidths ?? [];
  for (let c = 0; c < widths.length; ) {
    const w = widths[c];
    let end = c;
    while (end + 1 < widths.length && widths[end + 1] === w) end++;
    if (typeof w === "number" && Number.isFinite(w)) {
      const cols = `${colName(c + 1)}:${colName(end + 1)}`;
      const pts = charsToPoints(w);
      ops.push(single(3, [cols, pts], () => void (need(slot).getRange(cols).format.columnWidth = pts)));
    }
    c = end + 1;
  }

  // 5. Merges, freeze panes, filter.
  const merges = spec.merges ?? [];
  for (const m of merges) range(spec, m, "merge");
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
    range(spec, filter, "autoFilter");
    ops.push(single(3, filter, () => need(slot).autoFilter.apply(need(slot).getRange(filter))));
  }

  // 6. Conditional formats (custom formula).
  for (const cf of spec.conditionalFormats ?? []) {
    range(spec, cf.range, "conditional format range");
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
  if (opts.notes === "notes") {
    return notes.map((n) => single(3, [n.cell, n.text], () => void need(slot).notes.add(need(slot).getRange(n.cell), n.text)));
  }
  if (opts.notes === "comments") {
    return notes.map((n) => single(3, [n.cell, n.text], () => void need(slot).comments.add(need(slot).getRange(n.cell), n.text)));
  }
  return planSummaryColumn(spec, opts, slot);
}

/** The summary column (no notes or comments API): per row, every note of the row as "K7: text" lines. */
export function summaryColumn(spec: SheetSpec): { column: number; titleRow: number | undefined; cells: Map<number, string> } {
  const column = lastSpecColumn(spec) + 1;
  const cells = new Map<number, string>();
  const byRow = new Map<number, { col: number; line: string }[]>();
  for (const n of spec.notes ?? []) {
    if (n.text === "") continue;
    const at = parseCell(n.cell)!;
    const list = byRow.get(at.row) ?? [];
    list.push({ col: at.col, line: `${n.cell}: ${n.text.replace(/\s*\n\s*/g, "; ")}` });
    byRow.set(at.row, list);
  }
  for (const [row, list] of byRow) cells.set(row, list.sort((a, b) => a.col - b.col).map((x) => x.line).join("\n"));
  const first = Math.min(...byRow.keys());
  const header = spec.freeze?.rows ?? 1;
  const titleRow = header >= 1 && header < first ? header : first > 1 ? first - 1 : undefined;
  return { column, titleRow, cells };
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
  const values = range(spec, chart.values, `chart ${chart.name} values`);
  const categories = range(spec, chart.categories, `chart ${chart.name} categories`);
  if (values.left !== values.right || categories.left !== categories.right) {
    throw new RangeError(`sheet ${spec.name}: chart ${chart.name} needs single-column ranges (values ${chart.values}, categories ${chart.categories})`);
  }
  if (!parseCell(chart.anchor)) throw new RangeError(`sheet ${spec.name}: chart ${chart.name} anchor "${chart.anchor}" is not a cell`);
  return single(18, chart, () => queueChart(need(slot), spec, chart));
}

/**
 * Queues the whole render of one spec into the context (no chunking, so only for writes known to be small) and
 * returns the new sheet. `existing` is the sheet it replaces, as the read sync saw it. Only tests call it; the
 * commands render through planRender + runWrites.
 */
export function queueRenderSpec(
  ctx: Excel.RequestContext,
  spec: SheetSpec,
  existing: ExistingSheet | null | undefined,
  opts: RenderOptions = renderOptions(detectCapabilities(), "en-US"),
  tempName: () => string = () => `~ClientBook-old-${Date.now().toString(36)}`,
): Excel.Worksheet {
  const slot: RenderSlot = {};
  const target: RenderTarget = existing ? { spec, replaces: existing } : { spec };
  for (const op of planRender(target, opts, tempName, slot)) {
    if (op.kind === "single") op.queue(ctx);
    else op.queue(ctx, 0, op.rowBytes.length);
  }
  return need(slot);
}

/**
 * Renders specs into the workbook as one command: one sync to see the sheets, then the writes in as few syncs as
 * the 5 MB request limit allows. Each spec replaces the sheet of its name, if there is one.
 */
export async function renderSheets(
  specs: readonly SheetSpec[],
  opts: { lang?: Lang; activate?: boolean; onDone?: (name: string) => void } = {},
): Promise<{ syncs: number; sheets: string[] }> {
  const caps = detectCapabilities();
  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    const read = queueSheetsInfo(ctx, { markers: true });
    await batch.sync();
    const info = read();
    const temp = tempNames(info);
    const nextMarker = markerNames((info.markers ?? []).map((m) => m.name));
    const ops = specs.flatMap((spec, i) => {
      const replaces = findSheet(info, spec.name);
      return planRender(
        { spec, ...(replaces ? { replaces } : {}), marker: replaces?.marker ?? nextMarker(), activate: opts.activate === true && i === 0, done: () => opts.onDone?.(spec.name) },
        renderOptions(caps, opts.lang ?? "en-US"),
        temp,
      );
    });
    await runWrites(batch, ops);
    return { syncs: batch.syncs, sheets: specs.map((s) => s.name) };
  });
}

/** Print set-up: A4, the spec's orientation and fit — as the file renderer sets it (src/xlsx writePage). */
export function queuePage(ws: Excel.Worksheet, page: NonNullable<SheetSpec["page"]>): void {
  ws.pageLayout.orientation = page.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
  ws.pageLayout.paperSize = Excel.PaperType.a4;
  // one page wide, and one tall too for a review handed to the client (0 = as many pages tall as needed)
  if (page.fitToPage) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
  else if (page.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
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
  const type = chart.type === "pie" ? Excel.ChartType.pie : Excel.ChartType.columnClustered;
  const added = ws.charts.add(type, ws.getRange(chart.values), Excel.ChartSeriesBy.columns);
  added.name = chart.name;
  added.title.text = chart.title;
  // Set both dimensions explicitly, so the series plots the spec's ranges whatever Excel guessed from the source.
  const series = added.series.getItemAt(0);
  series.setValues(ws.getRange(chart.values));
  series.setXAxisValues(ws.getRange(chart.categories));
  series.name = chart.seriesName;
  if (chart.type === "pie") added.legend.position = Excel.ChartLegendPosition.right;
  else added.legend.visible = false;
  const cells = chartCells(spec, chart);
  added.setPosition(cellName(cells.left, cells.top), cellName(cells.right, cells.bottom));
}
