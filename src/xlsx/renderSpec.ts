/**
 * SheetSpec → worksheet of an .xlsx file, the file twin of the Office.js renderer in src/excel.
 *
 * What a spec says is written as native Excel content: literal text (never a formula, whatever it starts with),
 * numbers, booleans, native formulas with their cached results, number formats and styles, column widths,
 * merges, frozen panes, an autofilter, conditional formats, notes, pie and clustered-column charts, page set-up
 * and tab colour. Cell values and their style ids are written as XML (./cellsXml.ts) because excelize-wasm
 * costs tens of microseconds per call, and charts as parts of our own (./chartXml.ts) because excelize's
 * AddChart slows down with every chart already in the package; excelize makes the styles and the rest.
 */
import { checkLink, linkKind, MAX_LINK_ADDRESS } from "../book/link";
import { isFormula, sheetLocation } from "../sheets/spec";
import { printSetup } from "../sheets/print";
import type { PrintSetup } from "../sheets/print";
import { equalRuns, fitToContent } from "../sheets/widths";
import { writePrintSetup } from "./printSetup";
import type { CellValue, ChartSpec, ConditionalFormat, SheetSpec } from "../sheets/spec";
import type { Style } from "excelize-wasm";
import { cellName, colName, MAX_FORMULA, MAX_TEXT, parseCell, parseRange, qualifiedRange, rangeName } from "./a1";
import type { RangeRef } from "./a1";
import { check, XlsxError } from "./excelize";
import type { XlsxFile } from "./excelize";
import { finishWorkbook } from "./finish";
import type { FinishOptions } from "./finish";
import { checkColor, formatKey, numberFormatAt, planStyles } from "./styles";
import type { StyledRect } from "./styles";
import { SheetCells } from "./cellsXml";
import { numericCategories } from "./chartXml";
import type { ChartRecord } from "./chartXml";
import type { CachedResult } from "./cellsXml";
import { createSheet, newWorkbook, sheetNameProblem, stateOf, styleId } from "./workbook";
import { packText } from "./zip";

export const MAX_NOTE = 32512; // excelize's limit for a comment's text

export type RenderOptions = FinishOptions;

/** Renders the specs, in order, as the sheets of a new workbook and returns the .xlsx bytes. */
export async function renderSpecs(specs: readonly SheetSpec[], opts: RenderOptions = {}): Promise<Uint8Array> {
  if (specs.length === 0) throw new XlsxError("a workbook needs at least one sheet spec");
  const f = await newWorkbook();
  for (const spec of specs) addSpecToFile(f, spec);
  return finishWorkbook(f, opts);
}

/** Checks a plain value for what Excel can store. */
function plainValue(v: Exclude<CellValue, { f: string }>, sheet: string, col: number, row: number): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "string":
      if (v.length > MAX_TEXT) throw new XlsxError(`text of ${v.length} characters is longer than Excel's ${MAX_TEXT}`, { sheet, cell: cellName(col, row) });
      return v;
    case "number":
      if (!Number.isFinite(v)) throw new XlsxError(`${v} is not a number Excel can store`, { sheet, cell: cellName(col, row) });
      return Object.is(v, -0) ? 0 : v;
    case "boolean":
      return v;
    default:
      throw new XlsxError(`unsupported cell value of type ${typeof v}`, { sheet, cell: cellName(col, row) });
  }
}

/** Formula text as stored in the file: no leading "=", English names, never our RM.* custom functions. */
export function formulaBody(f: string, sheet: string, cell: string): string {
  if (typeof f !== "string" || !f.startsWith("=") || f.length < 2) throw new XlsxError(`formula must start with "=": ${JSON.stringify(f)}`, { sheet, cell });
  if (f.length > MAX_FORMULA) throw new XlsxError(`formula of ${f.length} characters is longer than Excel's ${MAX_FORMULA}`, { sheet, cell });
  if (/(^|[^A-Za-z0-9_."'])RM\.[A-Za-z]/.test(f.replace(/"[^"]*"/g, '""'))) {
    throw new XlsxError("output sheets hold native formulas only, not RM.* custom functions", { sheet, cell });
  }
  return f.slice(1);
}

/** A cached result as the sheet part stores it, so viewers that do not recalculate still show it. */
function cachedResult(v: number | string | boolean, sheet: string, cell: string): CachedResult {
  if (typeof v === "boolean") return { type: "b", text: v ? "1" : "0" };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new XlsxError(`cached value ${v} is not a number Excel can store`, { sheet, cell });
    return { type: "n", text: String(Object.is(v, -0) ? 0 : v) };
  }
  if (typeof v === "string") {
    if (v.length > MAX_TEXT) throw new XlsxError(`cached text is longer than Excel's ${MAX_TEXT} characters`, { sheet, cell });
    return { type: "str", text: v };
  }
  throw new XlsxError(`unsupported cached value of type ${typeof v}`, { sheet, cell });
}

/** Values and formulas of the spec into `cells`; returns the used range (for the sheet's dimension). */
export function collectCells(spec: SheetSpec, cells: SheetCells): { formulas: boolean; used?: RangeRef } {
  const sheet = spec.name;
  let used: RangeRef | undefined;
  let formulas = false;
  if (!Array.isArray(spec.cells)) throw new XlsxError("cells must be an array of rows", { sheet });
  spec.cells.forEach((rowCells, r) => {
    const row = r + 1;
    if (!Array.isArray(rowCells)) throw new XlsxError(`row ${row} of cells is not an array`, { sheet });
    let last = 0;
    rowCells.forEach((v, c) => {
      const col = c + 1;
      if (isFormula(v)) {
        const cell = cellName(col, row);
        const e = cells.at(col, row);
        e.formula = formulaBody(v.f, sheet, cell);
        if (v.cached !== undefined && v.cached !== null) e.cached = cachedResult(v.cached, sheet, cell);
        formulas = true;
        last = col;
        return;
      }
      const value = plainValue(v, sheet, col, row);
      if (value === null) return;
      cells.at(col, row).value = value;
      last = col;
    });
    if (last > 0) used = used ? { top: used.top, left: 1, bottom: row, right: Math.max(used.right, last) } : { top: row, left: 1, bottom: row, right: last };
  });
  return { formulas, used };
}

/** Each cell's merged format → a style id (one NewStyle per distinct format per workbook). */
function applyStyles(f: XlsxFile, rects: readonly StyledRect[], cells: SheetCells, sheet: string): void {
  for (const rect of rects) {
    const id = styleId(f, rect.key, rect.format, sheet);
    const { top, left, bottom, right } = rect.range;
    cells.styleRange(top, left, bottom, right, id);
  }
}

/** The sheet's <cols> element: one <col> per run of columns of the same width (ECMA-376 §18.3.1.13). */
export function colsXml(spec: SheetSpec): string {
  const widths = spec.columnWidths;
  if (!widths) return "";
  const given: (readonly [number, number])[] = [];
  widths.forEach((w, c) => {
    if (w === undefined || w === null) return;
    if (!(Number.isFinite(w) && w >= 0 && w <= 255)) throw new XlsxError(`column width must be 0–255 characters, not ${w}`, { sheet: spec.name, cell: colName(c + 1) });
    given.push([c, w]);
  });
  const out = equalRuns(given).map((run) => `<col min="${run.first + 1}" max="${run.last + 1}" width="${run.value}" customWidth="1"/>`).join("");
  return out ? `<cols>${out}</cols>` : "";
}

export function checkedRange(a1: string, what: string, sheet: string): RangeRef {
  const r = typeof a1 === "string" ? parseRange(a1) : undefined;
  if (!r) throw new XlsxError(`${what}: "${a1}" is not an A1 range`, { sheet });
  return r;
}

/** The spec's merged ranges, checked: A1 ranges, none overlapping another. */
export function checkedMerges(spec: SheetSpec): RangeRef[] {
  const seen: RangeRef[] = [];
  for (const m of spec.merges ?? []) {
    const r = checkedRange(m, "merge", spec.name);
    const clash = seen.find((s) => s.left <= r.right && r.left <= s.right && s.top <= r.bottom && r.top <= s.bottom);
    if (clash) throw new XlsxError(`merged ranges ${rangeName(clash)} and ${m} overlap`, { sheet: spec.name });
    seen.push(r);
  }
  return seen;
}

function writeMerges(f: XlsxFile, spec: SheetSpec): void {
  for (const r of checkedMerges(spec)) {
    check(f.MergeCell(spec.name, cellName(r.left, r.top), cellName(r.right, r.bottom)), "merging cells", { sheet: spec.name, cell: rangeName(r) });
  }
}

/** Frozen rows and columns: the pane's split, top-left cell and active pane (none when nothing is frozen). */
export interface CheckedFreeze {
  rows: number;
  cols: number;
  topLeft: string;
  pane: "bottomRight" | "bottomLeft" | "topRight";
}

export function checkedFreeze(spec: SheetSpec): CheckedFreeze | undefined {
  const fr = spec.freeze;
  if (!fr) return undefined;
  const rows = fr.rows ?? 0;
  const cols = fr.columns ?? 0;
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) throw new XlsxError(`freeze needs whole non-negative rows and columns, not ${rows}/${cols}`, { sheet: spec.name });
  if (rows === 0 && cols === 0) return undefined;
  const topLeft = cellName(cols + 1, rows + 1);
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  return { rows, cols, topLeft, pane };
}

function writeFreeze(f: XlsxFile, spec: SheetSpec): void {
  const fz = checkedFreeze(spec);
  if (!fz) return;
  const { rows, cols, topLeft, pane } = fz;
  check(
    f.SetPanes(spec.name, { Freeze: true, Split: false, XSplit: cols, YSplit: rows, TopLeftCell: topLeft, ActivePane: pane, Selection: [{ SQRef: topLeft, ActiveCell: topLeft, Pane: pane }] }),
    "freezing panes",
    { sheet: spec.name, cell: topLeft },
  );
}

function conditionalStyle(f: XlsxFile, cf: ConditionalFormat, sheet: string): number {
  const st = stateOf(f);
  const s = cf.style ?? {};
  checkColor(s.fill, "conditional format fill", { sheet, cell: cf.range });
  checkColor(s.color, "conditional format font colour", { sheet, cell: cf.range });
  const key = formatKey(s);
  let id = st.conditionalStyles.get(key);
  if (id === undefined) {
    const style: Style = {};
    if (s.bold || s.color) style.Font = { ...(s.bold ? { Bold: true } : {}), ...(s.color ? { Color: s.color } : {}) };
    if (s.fill) style.Fill = { Type: "pattern", Pattern: 1, Color: [s.fill] };
    id = check(f.NewConditionalStyle(style), "creating a conditional format style", { sheet, cell: cf.range }).style;
    st.conditionalStyles.set(key, id);
  }
  return id;
}

function writeConditionalFormats(f: XlsxFile, spec: SheetSpec): void {
  for (const cf of spec.conditionalFormats ?? []) {
    const r = checkedRange(cf.range, "conditional format", spec.name);
    const body = formulaBody(cf.formula, spec.name, cf.range);
    const format = conditionalStyle(f, cf, spec.name);
    check(f.SetConditionalFormat(spec.name, rangeName(r), [{ Type: "formula", Criteria: body, Format: format }]), "adding a conditional format", { sheet: spec.name, cell: cf.range });
  }
}

/** The spec's notes, checked: one per cell, text of at most MAX_NOTE characters. */
export function checkedNotes(spec: SheetSpec): { cell: string; col: number; row: number; text: string }[] {
  const seen = new Set<string>();
  const out: { cell: string; col: number; row: number; text: string }[] = [];
  for (const note of spec.notes ?? []) {
    const at = parseCell(note.cell ?? "");
    if (!at) throw new XlsxError(`note: "${note.cell}" is not a single cell`, { sheet: spec.name });
    const cell = cellName(at.col, at.row);
    if (seen.has(cell)) throw new XlsxError("two notes on one cell", { sheet: spec.name, cell });
    seen.add(cell);
    if (typeof note.text !== "string" || note.text.length > MAX_NOTE) throw new XlsxError(`note text must be a string of at most ${MAX_NOTE} characters`, { sheet: spec.name, cell });
    out.push({ cell, col: at.col, row: at.row, text: note.text });
  }
  return out;
}

function writeNotes(f: XlsxFile, spec: SheetSpec): void {
  for (const n of checkedNotes(spec)) check(f.AddComment(spec.name, { Cell: n.cell, Author: "ClientBook", Text: n.text }), "adding a note", { sheet: spec.name, cell: n.cell });
}

/**
 * A file place as the target of an external hyperlink in the package: a drive or UNC path as Excel itself saves it,
 * behind file:/// (file:///D:\x, file:///\\server\share), so every reader takes it as absolute; URLs as they are.
 */
export function linkTarget(address: string): string {
  return linkKind(address) === "file" && !/^file:/i.test(address) ? `file:///${address}` : address;
}

export interface CheckedLink {
  cell: string;
  target: string;
  type: "Location" | "External";
}

/**
 * Hyperlinks (excelize SetCellHyperLink): "Location" for a sheet of this workbook ('name'!A1), "External" for a
 * place outside it, checked by the one rule of what a link may point to (src/book/link.ts). A location is at most
 * 255 characters, as every Excel version reads it (src/book/link.ts MAX_LINK_ADDRESS). Checked before the sheet is
 * made, so a bad link leaves no half sheet.
 */
export function checkedLinks(spec: SheetSpec): CheckedLink[] {
  const seen = new Set<string>();
  const out: CheckedLink[] = [];
  for (const link of spec.links ?? []) {
    const at = parseCell(link.cell ?? "");
    if (!at) throw new XlsxError(`link: "${link.cell}" is not a single cell`, { sheet: spec.name });
    const cell = cellName(at.col, at.row);
    if (seen.has(cell)) throw new XlsxError("two links on one cell", { sheet: spec.name, cell });
    seen.add(cell);
    if (typeof link.sheet === "string") {
      const location = sheetLocation(link.sheet);
      if (sheetNameProblem(link.sheet) || location.length > MAX_LINK_ADDRESS) throw new XlsxError(`link to sheet "${link.sheet}": not a sheet name a link can hold`, { sheet: spec.name, cell });
      out.push({ cell, target: location, type: "Location" });
    } else {
      const r = checkLink(typeof link.address === "string" ? link.address : "");
      if (!r.ok) throw new XlsxError(`link address refused (${r.problem}): ${JSON.stringify(link.address)}`, { sheet: spec.name, cell });
      out.push({ cell, target: linkTarget(r.address), type: "External" });
    }
  }
  return out;
}

function writeLinks(f: XlsxFile, sheet: string, links: readonly CheckedLink[]): void {
  for (const l of links) check(f.SetCellHyperLink(sheet, l.cell, l.target, l.type), "adding a link", { sheet, cell: l.cell });
}

function singleColumn(a1: string, what: string, chart: ChartSpec, sheet: string): RangeRef {
  const r = checkedRange(a1, `chart "${chart.name}" ${what}`, sheet);
  if (r.left !== r.right) throw new XlsxError(`chart "${chart.name}" ${what} must be a single column, not ${a1}`, { sheet });
  return r;
}

function cellAt(spec: SheetSpec, col: number, row: number): CellValue {
  return spec.cells[row - 1]?.[col - 1] ?? null;
}

function shownValue(v: CellValue): string | number | boolean | null {
  if (isFormula(v)) return v.cached ?? null;
  return v;
}

/**
 * Checks the spec's charts and returns what their parts need (./chartXml.ts writes them when the workbook is
 * saved): references, the points they show for the caches, the cells' number formats for the axes, anchor, size.
 */
export function chartRecords(spec: SheetSpec): ChartRecord[] {
  const sheet = spec.name;
  const names = new Set<string>();
  const records: ChartRecord[] = [];
  for (const chart of spec.charts ?? []) {
    if (!chart.name || typeof chart.name !== "string" || names.has(chart.name)) throw new XlsxError(`chart name "${chart.name}" is empty or used twice`, { sheet });
    names.add(chart.name);
    if (chart.type !== "pie" && chart.type !== "column") throw new XlsxError(`chart "${chart.name}": unknown type "${chart.type}"`, { sheet });
    for (const [k, v] of [["title", chart.title], ["seriesName", chart.seriesName]] as const) {
      if (typeof v !== "string") throw new XlsxError(`chart "${chart.name}": ${k} must be text`, { sheet });
    }
    const cats = singleColumn(chart.categories, "categories", chart, sheet);
    const vals = singleColumn(chart.values, "values", chart, sheet);
    if (cats.bottom - cats.top !== vals.bottom - vals.top) throw new XlsxError(`chart "${chart.name}": categories ${chart.categories} and values ${chart.values} differ in length`, { sheet });
    const anchor = parseCell(chart.anchor ?? "");
    if (!anchor) throw new XlsxError(`chart "${chart.name}": anchor "${chart.anchor}" is not a cell`, { sheet });
    for (const [k, v] of [["width", chart.width], ["height", chart.height]] as const) {
      if (!(Number.isFinite(v) && v > 0 && v <= 4000)) throw new XlsxError(`chart "${chart.name}": ${k} must be 1–4000 points, not ${v}`, { sheet });
    }

    // the points shown, for the chart's cache and its axes
    const categories: (string | number | null)[] = [];
    const values: (number | null)[] = [];
    for (let i = 0; i <= cats.bottom - cats.top; i++) {
      const c = shownValue(cellAt(spec, cats.left, cats.top + i));
      categories.push(typeof c === "boolean" ? (c ? "TRUE" : "FALSE") : c);
      const v = shownValue(cellAt(spec, vals.left, vals.top + i));
      values.push(typeof v === "number" && Number.isFinite(v) ? v : null);
    }
    const moreSeries = (chart.moreSeries ?? []).map((m, k) => {
      if (chart.type !== "column") throw new XlsxError(`chart "${chart.name}": only a column chart has more series`, { sheet });
      if (typeof m.name !== "string") throw new XlsxError(`chart "${chart.name}": series ${k + 2} name must be text`, { sheet });
      const r = singleColumn(m.values, `series ${k + 2} values`, chart, sheet);
      if (r.bottom - r.top !== vals.bottom - vals.top) throw new XlsxError(`chart "${chart.name}": series ${k + 2} values ${m.values} differ in length from ${chart.values}`, { sheet });
      const points: (number | null)[] = [];
      for (let i = 0; i <= r.bottom - r.top; i++) {
        const v = shownValue(cellAt(spec, r.left, r.top + i));
        points.push(typeof v === "number" && Number.isFinite(v) ? v : null);
      }
      return { name: m.name, valuesRef: qualifiedRange(sheet, r), values: points };
    });
    const catFormat = numericCategories(categories) ? numberFormatAt(spec.formats, cats.left, cats.top) : undefined;
    const valFormat = numberFormatAt(spec.formats, vals.left, vals.top);
    records.push({
      name: chart.name,
      type: chart.type,
      title: chart.title,
      seriesName: chart.seriesName,
      categoriesRef: qualifiedRange(sheet, cats),
      valuesRef: qualifiedRange(sheet, vals),
      categories,
      values,
      ...(moreSeries.length > 0 ? { moreSeries } : {}),
      ...(chart.grouping === "stacked" ? { grouping: "stacked" as const } : {}),
      ...(catFormat ? { categoriesFormat: catFormat } : {}),
      ...(valFormat ? { valuesFormat: valFormat } : {}),
      anchor,
      width: chart.width,
      height: chart.height,
    });
  }
  return records;
}

/** The spec's page set-up (src/sheets/print.ts) and tab colour, checked. */
export function checkedPage(spec: SheetSpec): { setup?: PrintSetup; tabColor?: string } {
  const sheet = spec.name;
  if (spec.page) {
    const { orientation } = spec.page;
    if (orientation !== "portrait" && orientation !== "landscape") throw new XlsxError(`page orientation must be portrait or landscape, not "${orientation}"`, { sheet });
  }
  const setup = printSetup(spec);
  if (spec.tabColor !== undefined) checkColor(spec.tabColor, "tab colour", { sheet });
  return { ...(setup ? { setup } : {}), ...(spec.tabColor ? { tabColor: spec.tabColor } : {}) };
}

function writePage(f: XlsxFile, spec: SheetSpec): void {
  const sheet = spec.name;
  const { setup } = checkedPage(spec);
  if (setup) writePrintSetup(f, sheet, setup);
  if (spec.tabColor) check(f.SetSheetProps(sheet, { TabColorRGB: `FF${spec.tabColor.slice(1).toUpperCase()}` }), "setting sheet properties", { sheet });
}

/**
 * Adds one spec as a new sheet of `f` (a workbook from newWorkbook/openWorkbook). A sheet of the same name already
 * in an opened workbook is replaced. Save with finishWorkbook.
 */
export function addSpecToFile(f: XlsxFile, given: SheetSpec): void {
  if (!given || typeof given !== "object") throw new XlsxError("sheet spec is missing");
  // widths that fit what the cells show, long text wrapped (src/sheets/widths.ts), as the Office.js renderer does
  const spec = Array.isArray(given.cells) ? fitToContent(given) : given;
  // what can be checked without touching the workbook is checked first, so a bad spec leaves no half sheet
  const problem = sheetNameProblem(spec.name);
  if (problem) throw new XlsxError(problem, { sheet: spec.name });
  const cells = new SheetCells();
  const { formulas, used } = collectCells(spec, cells);
  const rects = planStyles(spec.formats, spec.name);
  const charts = chartRecords(spec);
  const links = checkedLinks(spec);
  const cols = colsXml(spec);
  createSheet(f, spec.name);
  const st = stateOf(f);
  st.marked.push(spec.name);
  if (charts.length > 0) st.charts.set(spec.name, charts);
  else st.charts.delete(spec.name);
  applyStyles(f, rects, cells, spec.name);
  st.cells.set(spec.name, { rows: packText(cells.toXml(0, spec.rowHeights)), afterRow: 0, cols, ...(used ? { dimension: rangeName(used) } : {}) });
  if (formulas) st.hasFormulas = true;
  writeMerges(f, spec);
  writeFreeze(f, spec);
  if (spec.autoFilter) {
    const r = checkedRange(spec.autoFilter, "autoFilter", spec.name);
    check(f.AutoFilter(spec.name, rangeName(r), []), "adding an autofilter", { sheet: spec.name, cell: spec.autoFilter });
  }
  writeConditionalFormats(f, spec);
  writeNotes(f, spec);
  writeLinks(f, spec.name, links);
  writePage(f, spec);
}
