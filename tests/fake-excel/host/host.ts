/**
 * installFakeOffice(): puts Excel, Office and OfficeExtension on globalThis so unchanged add-in code runs against
 * the fake, and returns the host: a typed backdoor for tests (read and seed the workbook directly, without proxies
 * or syncs), accounting, and hooks.
 *
 * The one place where fake objects are presented as Office.js types is `asExcel` below: the request context handed
 * to Excel.run callbacks and `new Excel.RequestContext()` is the fake context cast to Excel.RequestContext, so add-in
 * code and tests type-check against @types/office-js (a member the real API lacks does not compile).
 */
import { cellA1, cols, columnLetters, parseAddress, qualified, type Rect, rectA1, rows } from "../core/addresses";
import type { SupportedSets } from "../core/api-sets";
import { describeConditionalFormats } from "../objects/conditional";
import { FakeRequestContext, runBatch } from "../core/context";
import { excelEnums } from "../generated/enums";
import { clientError, ErrorCode, FakeOfficeError } from "../core/errors";
import { frozenRect } from "../objects/worksheet";
import {
  type CellValue,
  cellKey,
  type ChartModel,
  columnWidth,
  DEFAULT_FONT,
  ensureCell,
  effectiveFormat,
  findSheet,
  getCell,
  keyCol,
  keyRow,
  lineKey,
  newWorkbook,
  type PageLayoutModel,
  rowHeight,
  type SheetModel,
  type TableModel,
  type ValidationModel,
} from "../core/model";
import { FakeClientResult, FakeObject } from "../core/proxy";
import { FakeRange } from "../objects/range";
import { addSeedSheets } from "../objects/seeds";
import { usedRect } from "../core/sheet-ops";
import { HostState, type SyncStats, type WorkbookSeed, type XlsxDecoder } from "../core/state";
import { dataRect } from "../objects/table";
import { cellFormula, cellNumberFormat, cellText, cellValue, type FormulaEvaluator, storeInput } from "../core/values";
import { definedNames, seedSheetName } from "../objects/names";
import { decodeSetting, encodeSetting } from "../objects/workbook";
import { seriesAddress } from "../objects/chart";
import { notesInScope, commentsInScope } from "../objects/notes";
import { FakeWorksheet } from "../objects/worksheet";
import { FakeTable } from "../objects/table";
import { FakeChart } from "../objects/chart";
// Registers Excel.DataValidation, whose class Range.dataValidation looks up by name (range.ts does not import it).
import "../objects/validation";

export interface FakeOfficeOptions {
  /** Requirement sets the host reports, e.g. { ExcelApi: "1.12" }, or a predicate. Default: every set in the typings. */
  supported?: SupportedSets;
  /** Office.context.displayLanguage (default "en-US"). */
  displayLanguage?: string;
  /** Office.context.platform / diagnostics.platform (default "OfficeOnline", where the 5 MB payload limit applies). */
  platform?: "OfficeOnline" | "PC" | "Mac";
  /** Initial workbook (default: one empty "Sheet1"). */
  workbook?: WorkbookSeed;
  /** Author of notes and comments the add-in creates. */
  userName?: string;
  /** Clock for comment creation dates. */
  now?: () => Date;
  /** "guess": accept charts.add / setData without an explicit seriesBy, guessing as Excel's "Auto" does (HostState.autoSeriesBy). Default "refuse". */
  autoSeriesBy?: "refuse" | "guess";
}

export interface ResolvedFormat {
  font: { bold: boolean; italic: boolean; color: string; size: number; name: string; underline: string; strikethrough: boolean };
  fill: string | null;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  numberFormat: string;
  borders: { top: BorderView | null; bottom: BorderView | null; left: BorderView | null; right: BorderView | null };
}

export interface BorderView {
  style: string;
  color: string;
  weight: string;
}

export interface CellView {
  address: string;
  value: CellValue;
  formula?: string;
  text: string;
  numberFormat: string;
  quotePrefix: boolean;
  format: ResolvedFormat;
}

export interface TableView {
  name: string;
  id: string;
  sheet: string;
  address: string;
  headerAddress: string | null;
  dataAddress: string;
  totalAddress: string | null;
  columns: string[];
  rowCount: number;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
}

export interface ChartView {
  sheet: string;
  name: string;
  type: string;
  title: { text: string; visible: boolean };
  legend: { visible: boolean; position: string };
  series: { name: string; chartType: string; values: string | null; xValues: string | null; hasDataLabels: boolean }[];
  position: { top: number; left: number; width: number; height: number };
  anchor: { start: string; end?: string } | null;
  source: { address: string; seriesBy: string } | null;
}

export interface NoteView {
  sheet: string;
  address: string;
  content: string;
  author: string;
  visible: boolean;
}

export interface CommentView {
  sheet: string;
  address: string;
  content: string;
  authorName: string;
  resolved: boolean;
}

export interface ValidationView {
  ranges: string[];
  type: string;
  rule: Record<string, unknown>;
  errorAlert: ValidationModel["errorAlert"];
  prompt: ValidationModel["prompt"];
  ignoreBlanks: boolean;
}

export interface SheetView {
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  /** Cell details over an address (default: the used range). */
  cells(address?: string): CellView[][];
  cell(address: string): CellView;
  values(address?: string): CellValue[][];
  formulas(address?: string): CellValue[][];
  text(address?: string): string[][];
  numberFormats(address?: string): string[][];
  format(cellAddress: string): ResolvedFormat;
  /** A1 address of the used range (values and formats, or values only), null for an empty sheet. */
  usedAddress(valuesOnly?: boolean): string | null;
  columnWidth(column: string | number): number;
  rowHeight(row: number): number;
  merges(): string[];
  freeze(): { rows: number; columns: number; address: string | null };
  protection(): { protected: boolean; options: Excel.WorksheetProtectionOptions };
  tables(): TableView[];
  charts(): ChartView[];
  notes(): NoteView[];
  comments(): CommentView[];
  conditionalFormats(): ReturnType<typeof describeConditionalFormats>;
  validations(): ValidationView[];
  validationAt(cellAddress: string): ValidationView | null;
  /** The cell's hyperlink (Range.hyperlink), null when it has none. */
  hyperlink(cellAddress: string): Excel.RangeHyperlink | null;
  autoFilter(): string | null;
  pageLayout(): PageLayoutView;
}

/** A sheet's print set-up as tests read it: print titles as "$1:$3" / "$A:$B" (or null), margins in points. */
export interface PageLayoutView {
  orientation: string;
  paperSize: string;
  zoom: Excel.PageLayoutZoomOptions;
  margins: PageLayoutModel["margins"];
  printTitleRows: string | null;
  printTitleColumns: string | null;
  headerFooter: PageLayoutModel["headerFooter"];
}

function pageLayoutView(sheet: SheetModel): PageLayoutView {
  const p = sheet.pageLayout;
  return {
    orientation: p.orientation,
    paperSize: p.paperSize,
    zoom: { ...p.zoom },
    margins: { ...p.margins },
    printTitleRows: p.printTitleRows ? `$${p.printTitleRows.r0 + 1}:$${p.printTitleRows.r1 + 1}` : null,
    printTitleColumns: p.printTitleColumns ? `$${columnLetters(p.printTitleColumns.c0)}:$${columnLetters(p.printTitleColumns.c1)}` : null,
    headerFooter: { ...p.headerFooter },
  };
}

export interface SheetSnapshot {
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  cells: Record<string, { value?: CellValue; formula?: string; quotePrefix?: boolean; format?: Record<string, unknown> }>;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  merges: string[];
  freeze: { rows: number; columns: number };
  protection: { protected: boolean };
  tables: TableView[];
  charts: ChartView[];
  notes: NoteView[];
  conditionalFormats: ReturnType<typeof describeConditionalFormats>;
  validations: ValidationView[];
  autoFilter: string | null;
  pageLayout: PageLayoutView;
}

export interface WorkbookSnapshot {
  name: string;
  activeSheet: string;
  sheets: SheetSnapshot[];
  settings: Record<string, unknown>;
  comments: CommentView[];
}

export interface FakeHost {
  /** Round trips and payload sizes since install or the last stats.reset(). */
  readonly stats: SyncStats;
  /** Office.context.requirements, as the add-in sees it. */
  isSetSupported(name: string, minVersion?: string): boolean;
  setSupported(sets: SupportedSets): void;
  displayLanguage: string;
  /** Plugs in a formula engine (e.g. HyperFormula); return undefined to fall back to the cached value or 0. */
  setFormulaEvaluator(evaluate: FormulaEvaluator | undefined): void;
  /** Decodes .xlsx files for workbook.insertWorksheetsFromBase64. */
  setXlsxDecoder(decode: XlsxDecoder | undefined): void;
  /** Request/response limit in bytes; null disables it (Excel desktop has none). Default 5 MB (Excel on the web). */
  setPayloadLimit(bytes: number | null): void;
  /** Replaces the workbook with seeded sheets. */
  load(seed: WorkbookSeed): void;
  /**
   * A co-author: `edit` runs before the batch of each sync reaches the workbook (with the sync's number, counted
   * as stats.syncs from 1), so a test can change cells between two syncs of a command, as a colleague's edit merges
   * in between round trips in a co-authored workbook. undefined removes it.
   */
  coAuthor(edit: ((sync: number) => void) | undefined): void;
  /** Enters values into cells as a user types them (formulas, numbers and dates interpreted as Excel does). */
  type(sheet: string, address: string, values: unknown[][]): void;
  /** Deep copy of the whole workbook as plain data, for before/after comparisons. */
  snapshot(): WorkbookSnapshot;
  sheetNames(): string[];
  activeSheet(): string;
  /** Selected range as an address with its sheet. */
  selection(): string;
  sheet(name: string): SheetView | undefined;
  getValues(sheet: string, address: string): CellValue[][];
  getFormulas(sheet: string, address: string): CellValue[][];
  getText(sheet: string, address: string): string[][];
  getNumberFormat(sheet: string, address: string): string[][];
  getFormat(sheet: string, cellAddress: string): ResolvedFormat;
  tables(): TableView[];
  table(name: string): TableView | undefined;
  charts(sheet?: string): ChartView[];
  notes(sheet?: string): NoteView[];
  comments(sheet?: string): CommentView[];
  conditionalFormats(sheet: string): ReturnType<typeof describeConditionalFormats>;
  validations(sheet: string): ValidationView[];
  freeze(sheet: string): { rows: number; columns: number; address: string | null };
  settings(): Record<string, unknown>;
  /** Workbook-scoped defined names, reference as Excel prints it (./names.ts). */
  definedNames(): { name: string; reference: string; visible: boolean }[];
  /** Adds a defined name referring to a whole sheet, as a file opened with one would have it (./names.ts). */
  addSheetName(name: string, sheet: string, visible?: boolean): void;
  /** base64 files passed to Excel.createWorkbook, in call order (undefined for an empty new workbook). */
  readonly createdWorkbooks: readonly (string | undefined)[];
  /** Removes the globals and restores what was there before. */
  uninstall(): void;
}

/** The single cast from the fake context to the Office.js type (see the module comment). */
function asExcel(ctx: FakeRequestContext): Excel.RequestContext {
  return ctx as unknown as Excel.RequestContext;
}

function needSheet(state: HostState, name: string): SheetModel {
  const sheet = findSheet(state.book, name);
  if (!sheet) throw new Error(`fake-excel backdoor: no sheet named '${name}' (sheets: ${state.book.sheets.map((s) => s.name).join(", ")})`);
  return sheet;
}

function needRect(sheet: SheetModel, address: string | undefined): Rect {
  if (address === undefined) return usedRect(sheet, false) ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`fake-excel backdoor: '${address}' is not an A1 address`);
  if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new Error(`fake-excel backdoor: '${address}' is not on sheet '${sheet.name}'`);
  }
  return parsed.rect;
}

function grid<V>(rect: Rect, read: (r: number, c: number) => V): V[][] {
  if (rows(rect) * cols(rect) > 5_000_000) throw new Error("fake-excel backdoor: address covers more than 5,000,000 cells");
  const out: V[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: V[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) row.push(read(r, c));
    out.push(row);
  }
  return out;
}

function border(map: Map<number, BorderView>, key: number): BorderView | null {
  const line = map.get(key);
  return line ? { ...line } : null;
}

function resolvedFormat(sheet: SheetModel, r: number, c: number): ResolvedFormat {
  const f = effectiveFormat(sheet, r, c);
  return {
    font: {
      bold: f.bold ?? false,
      italic: f.italic ?? false,
      color: f.color ?? DEFAULT_FONT.color,
      size: f.size ?? DEFAULT_FONT.size,
      name: f.fontName ?? DEFAULT_FONT.name,
      underline: f.underline ?? "None",
      strikethrough: f.strikethrough ?? false,
    },
    fill: f.fill ?? null,
    horizontalAlignment: f.hAlign ?? "General",
    verticalAlignment: f.vAlign ?? "Bottom",
    wrapText: f.wrap ?? false,
    indentLevel: f.indent ?? 0,
    numberFormat: f.numberFormat ?? "General",
    borders: {
      top: border(sheet.hLines, lineKey(r, c)),
      bottom: border(sheet.hLines, lineKey(r + 1, c)),
      left: border(sheet.vLines, lineKey(r, c)),
      right: border(sheet.vLines, lineKey(r, c + 1)),
    },
  };
}

export function tableView(t: TableModel): TableView {
  const name = t.sheet.name;
  return {
    name: t.name,
    id: String(t.id),
    sheet: name,
    address: qualified(name, t.rect),
    headerAddress: t.showHeaders ? qualified(name, { ...t.rect, r1: t.rect.r0 }) : null,
    dataAddress: qualified(name, dataRect(t)),
    totalAddress: t.showTotals ? qualified(name, { ...t.rect, r0: t.rect.r1 }) : null,
    columns: t.columns.map((c) => c.name),
    rowCount: rows(dataRect(t)),
    showHeaders: t.showHeaders,
    showTotals: t.showTotals,
    style: t.style,
  };
}

export function chartView(ch: ChartModel): ChartView {
  return {
    sheet: ch.sheet.name,
    name: ch.name,
    type: ch.type,
    title: { text: ch.title.text, visible: ch.title.visible },
    legend: { visible: ch.legend.visible, position: ch.legend.position },
    series: ch.series.map((s) => ({
      name: s.name,
      chartType: s.chartType ?? ch.type,
      values: seriesAddress(s.values),
      xValues: seriesAddress(s.xValues),
      hasDataLabels: s.hasDataLabels,
    })),
    position: { top: ch.top, left: ch.left, width: ch.width, height: ch.height },
    anchor: ch.anchor ? { ...ch.anchor } : null,
    source: ch.source ? { address: qualified(ch.source.ref.sheet.name, ch.source.ref.rect), seriesBy: ch.source.seriesBy } : null,
  };
}

/** Groups cells that share a validation into rectangles: runs down each column, then equal neighbouring columns. */
function validationViews(sheet: SheetModel): ValidationView[] {
  const byModel = new Map<ValidationModel, number[]>();
  for (const [key, model] of sheet.validations) {
    const list = byModel.get(model) ?? [];
    list.push(key);
    byModel.set(model, list);
  }
  const out: ValidationView[] = [];
  for (const [model, keys] of byModel) {
    const runs = new Map<number, [number, number][]>();
    const sorted = [...keys].sort((a, b) => keyCol(a) - keyCol(b) || keyRow(a) - keyRow(b));
    for (const key of sorted) {
      const c = keyCol(key);
      const r = keyRow(key);
      const list = runs.get(c) ?? [];
      const last = list[list.length - 1];
      if (last && last[1] === r - 1) last[1] = r;
      else list.push([r, r]);
      runs.set(c, list);
    }
    const rects: Rect[] = [];
    for (const c of [...runs.keys()].sort((a, b) => a - b)) {
      for (const [r0, r1] of runs.get(c) ?? []) {
        const prev = rects.find((x) => x.c1 === c - 1 && x.r0 === r0 && x.r1 === r1);
        if (prev) prev.c1 = c;
        else rects.push({ r0, r1, c0: c, c1: c });
      }
    }
    out.push({
      ranges: rects.map((rect) => qualified(sheet.name, rect)),
      type: model.type,
      rule: JSON.parse(JSON.stringify(model.rule)),
      errorAlert: { ...model.errorAlert },
      prompt: { ...model.prompt },
      ignoreBlanks: model.ignoreBlanks,
    });
  }
  return out;
}

function notesOf(state: HostState, sheet?: SheetModel): NoteView[] {
  return notesInScope(state.book, { sheet }).map((n) => ({ sheet: n.sheet.name, address: cellA1(n.r, n.c), content: n.content, author: n.author, visible: n.visible }));
}

function commentsOf(state: HostState, sheet?: SheetModel): CommentView[] {
  return commentsInScope(state.book, { sheet }).map((m) => ({ sheet: m.sheet.name, address: cellA1(m.r, m.c), content: m.content, authorName: m.authorName, resolved: m.resolved }));
}

function freezeOf(sheet: SheetModel): { rows: number; columns: number; address: string | null } {
  const rect = frozenRect(sheet);
  return { rows: sheet.freeze.rows, columns: sheet.freeze.cols, address: rect ? rectA1(rect) : null };
}

function sheetView(state: HostState, sheet: SheetModel): SheetView {
  const ev = () => state.evaluator;
  const cellView = (r: number, c: number): CellView => {
    const cell = getCell(sheet, r, c);
    return {
      address: cellA1(r, c),
      value: cellValue(sheet, r, c, ev()),
      ...(cell?.f !== undefined ? { formula: cell.f } : {}),
      text: cellText(sheet, r, c, ev()),
      numberFormat: cellNumberFormat(sheet, r, c),
      quotePrefix: cell?.q === true,
      format: resolvedFormat(sheet, r, c),
    };
  };
  const single = (address: string) => {
    const rect = needRect(sheet, address);
    if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) throw new Error(`fake-excel backdoor: '${address}' is not a single cell`);
    return rect;
  };
  return {
    name: sheet.name,
    position: state.book.sheets.indexOf(sheet),
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    cells: (address) => grid(needRect(sheet, address), cellView),
    cell: (address) => {
      const rect = single(address);
      return cellView(rect.r0, rect.c0);
    },
    values: (address) => grid(needRect(sheet, address), (r, c) => cellValue(sheet, r, c, ev())),
    formulas: (address) => grid(needRect(sheet, address), (r, c) => cellFormula(sheet, r, c)),
    text: (address) => grid(needRect(sheet, address), (r, c) => cellText(sheet, r, c, ev())),
    numberFormats: (address) => grid(needRect(sheet, address), (r, c) => cellNumberFormat(sheet, r, c)),
    format: (address) => {
      const rect = single(address);
      return resolvedFormat(sheet, rect.r0, rect.c0);
    },
    usedAddress: (valuesOnly) => {
      const rect = usedRect(sheet, valuesOnly ?? false);
      return rect ? rectA1(rect) : null;
    },
    columnWidth: (column) => {
      const c = typeof column === "number" ? column : needRect(sheet, `${column}1`).c0;
      return columnWidth(sheet, c);
    },
    rowHeight: (row) => rowHeight(sheet, row - 1),
    merges: () => sheet.merges.map((m) => rectA1(m)),
    freeze: () => freezeOf(sheet),
    protection: () => ({ protected: sheet.protection.protected, options: { ...sheet.protection.options } }),
    tables: () => sheet.tables.map(tableView),
    charts: () => sheet.charts.map(chartView),
    notes: () => notesOf(state, sheet),
    comments: () => commentsOf(state, sheet),
    conditionalFormats: () => describeConditionalFormats(sheet.conditionalFormats),
    validations: () => validationViews(sheet),
    hyperlink: (address) => {
      const rect = single(address);
      const h = getCell(sheet, rect.r0, rect.c0)?.h;
      return h ? { ...h } : null;
    },
    validationAt: (address) => {
      const rect = single(address);
      const model = sheet.validations.get(cellKey(rect.r0, rect.c0));
      if (!model) return null;
      return validationViews(sheet).find((v) => v.ranges.some((a) => {
        const p = parseAddress(a);
        return !!p && p.rect.r0 <= rect.r0 && rect.r0 <= p.rect.r1 && p.rect.c0 <= rect.c0 && rect.c0 <= p.rect.c1;
      })) ?? null;
    },
    autoFilter: () => (sheet.autoFilter ? rectA1(sheet.autoFilter.rect) : null),
    pageLayout: () => pageLayoutView(sheet),
  };
}

function sheetSnapshot(state: HostState, sheet: SheetModel): SheetSnapshot {
  const cells: SheetSnapshot["cells"] = {};
  const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    const cell = sheet.cells.get(key);
    if (!cell) continue;
    const entry: SheetSnapshot["cells"][string] = {};
    if (cell.v !== undefined) entry.value = cell.v;
    if (cell.f !== undefined) entry.formula = cell.f;
    if (cell.q) entry.quotePrefix = true;
    if (cell.fmt && Object.keys(cell.fmt).length > 0) entry.format = { ...cell.fmt };
    cells[cellA1(keyRow(key), keyCol(key))] = entry;
  }
  const numbered = (m: Map<number, number>) => Object.fromEntries([...m].sort((a, b) => a[0] - b[0]).map(([k, v]) => [String(k), v]));
  return {
    name: sheet.name,
    position: state.book.sheets.indexOf(sheet),
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    cells,
    columnWidths: numbered(sheet.colWidths),
    rowHeights: numbered(sheet.rowHeights),
    merges: sheet.merges.map((m) => rectA1(m)),
    freeze: { rows: sheet.freeze.rows, columns: sheet.freeze.cols },
    protection: { protected: sheet.protection.protected },
    tables: sheet.tables.map(tableView),
    charts: sheet.charts.map(chartView),
    notes: notesOf(state, sheet),
    conditionalFormats: describeConditionalFormats(sheet.conditionalFormats),
    validations: validationViews(sheet),
    autoFilter: sheet.autoFilter ? rectA1(sheet.autoFilter.rect) : null,
    pageLayout: pageLayoutView(sheet),
  };
}

function loadSeed(state: HostState, seed: WorkbookSeed): void {
  if (!seed.sheets || seed.sheets.length === 0) throw new Error("fake-excel seed: a workbook needs at least one sheet");
  const book = newWorkbook();
  book.sheets = [];
  book.counters.sheet = 0;
  state.book = book;
  addSeedSheets(state, seed.sheets, 0, false);
  if (seed.name) book.name = seed.name;
  const active = seed.activeSheet ? findSheet(book, seed.activeSheet) : book.sheets.find((s) => s.visibility === "Visible");
  if (!active) throw new Error(`fake-excel seed: activeSheet '${seed.activeSheet}' is not a sheet`);
  book.activeSheet = active;
  book.selection = { sheet: active, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  for (const [key, value] of Object.entries(seed.settings ?? {})) book.settings.set(key, encodeSetting(value, key));
}

const OFFICE_EXTENSION_ERROR_CODES = {
  accessDenied: "AccessDenied",
  generalException: "GeneralException",
  activityLimitReached: "ActivityLimitReached",
  invalidObjectPath: "InvalidObjectPath",
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  invalidRequestContext: "InvalidRequestContext",
  invalidArgument: "InvalidArgument",
  runMustReturnPromise: "RunMustReturnPromise",
  cannotRegisterEvent: "CannotRegisterEvent",
  apiNotFound: "ApiNotFound",
  connectionFailure: "ConnectionFailure",
};

const GLOBAL_NAMES = ["Excel", "Office", "OfficeExtension"] as const;

/** Installs the fake Office host on globalThis and returns the test backdoor. */
export function installFakeOffice(options: FakeOfficeOptions = {}): FakeHost {
  const state = new HostState(options.supported);
  if (options.userName) state.userName = options.userName;
  if (options.now) state.now = options.now;
  if (options.autoSeriesBy) state.autoSeriesBy = options.autoSeriesBy;
  if (options.workbook) loadSeed(state, options.workbook);
  const platform = options.platform ?? "OfficeOnline";
  if (platform !== "OfficeOnline") state.payloadLimit = null;
  let displayLanguage = options.displayLanguage ?? "en-US";
  const config = { extendedErrorLogging: false };

  class RequestContext extends FakeRequestContext {
    constructor() {
      super(state, config);
    }
  }

  const excel: Record<string, unknown> = {
    ...excelEnums,
    run: (...args: unknown[]) =>
      runBatch(state, config, args.map((a) => (typeof a === "function" ? (ctx: FakeRequestContext) => (a as (c: Excel.RequestContext) => unknown)(asExcel(ctx)) : a))),
    RequestContext,
    createWorkbook(base64?: string): Promise<void> {
      try {
        state.requirements.assertMember("Excel.createWorkbook");
      } catch (error) {
        return Promise.reject(error);
      }
      if (base64 !== undefined && (typeof base64 !== "string" || !/^[A-Za-z0-9+/=\s]*$/.test(base64))) {
        return Promise.reject(clientError(ErrorCode.invalidArgument, "Excel.createWorkbook: base64 is not base64 text"));
      }
      state.createdWorkbooks.push(base64);
      return Promise.resolve();
    },
    Range: FakeRange,
    Worksheet: FakeWorksheet,
    Table: FakeTable,
    Chart: FakeChart,
  };
  const office = {
    context: {
      requirements: { isSetSupported: (name: string, minVersion?: string | number) => state.requirements.isSetSupported(name, minVersion) },
      get displayLanguage() {
        return displayLanguage;
      },
      get contentLanguage() {
        return displayLanguage;
      },
      host: "Excel",
      platform,
      diagnostics: { host: "Excel", platform, version: "16.0.0.0" },
    },
    HostType: { Word: "Word", Excel: "Excel", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    onReady(callback?: (info: { host: string; platform: string }) => unknown) {
      const info = { host: "Excel", platform };
      return Promise.resolve(info).then((i) => {
        callback?.(i);
        return i;
      });
    },
  };
  const officeExtension = {
    Error: FakeOfficeError,
    ErrorCodes: OFFICE_EXTENSION_ERROR_CODES,
    ClientResult: FakeClientResult,
    ClientObject: FakeObject,
    ClientRequestContext: FakeRequestContext,
    config,
    Promise,
  };

  const g = globalThis as unknown as Record<string, unknown>;
  const previous = GLOBAL_NAMES.map((name) => ({ name, had: name in g, value: g[name] }));
  g.Excel = excel;
  g.Office = office;
  g.OfficeExtension = officeExtension;

  const host: FakeHost = {
    stats: state.stats,
    isSetSupported: (name, minVersion) => state.requirements.isSetSupported(name, minVersion),
    setSupported: (sets) => state.requirements.configure(sets),
    get displayLanguage() {
      return displayLanguage;
    },
    set displayLanguage(value: string) {
      displayLanguage = value;
    },
    setFormulaEvaluator: (evaluate) => {
      state.edits += 1;
      state.evaluator = evaluate;
    },
    setXlsxDecoder: (decode) => {
      state.decoder = decode;
    },
    setPayloadLimit: (bytes) => {
      state.payloadLimit = bytes;
    },
    load: (seed) => {
      state.edits += 1;
      loadSeed(state, seed);
    },
    coAuthor: (edit) => {
      state.beforeBatch = edit;
    },
    type: (sheetName, address, values) => {
      const sheet = findSheet(state.book, sheetName);
      if (!sheet) throw new Error(`fake-excel backdoor: no sheet '${sheetName}'`);
      const rect = needRect(sheet, address);
      state.edits += 1;
      values.forEach((row, i) => row.forEach((v, j) => void storeInput(sheet, ensureCell(sheet, rect.r0 + i, rect.c0 + j), rect.r0 + i, rect.c0 + j, v, `${sheetName}!${address}`)));
    },
    snapshot: () => ({
      name: state.book.name,
      activeSheet: state.book.activeSheet.name,
      sheets: state.book.sheets.map((s) => sheetSnapshot(state, s)),
      settings: Object.fromEntries([...state.book.settings].map(([k, v]) => [k, decodeSetting(v)])),
      comments: commentsOf(state),
    }),
    sheetNames: () => state.book.sheets.map((s) => s.name),
    activeSheet: () => state.book.activeSheet.name,
    selection: () => qualified(state.book.selection.sheet.name, state.book.selection.rect),
    sheet: (name) => {
      const sheet = findSheet(state.book, name);
      return sheet ? sheetView(state, sheet) : undefined;
    },
    getValues: (sheet, address) => sheetView(state, needSheet(state, sheet)).values(address),
    getFormulas: (sheet, address) => sheetView(state, needSheet(state, sheet)).formulas(address),
    getText: (sheet, address) => sheetView(state, needSheet(state, sheet)).text(address),
    getNumberFormat: (sheet, address) => sheetView(state, needSheet(state, sheet)).numberFormats(address),
    getFormat: (sheet, cellAddress) => sheetView(state, needSheet(state, sheet)).format(cellAddress),
    tables: () => state.book.sheets.flatMap((s) => s.tables.map(tableView)),
    table: (name) => {
      const t = state.book.sheets.flatMap((s) => s.tables).find((x) => x.name.toLowerCase() === name.toLowerCase());
      return t ? tableView(t) : undefined;
    },
    charts: (sheet) => (sheet ? needSheet(state, sheet).charts : state.book.sheets.flatMap((s) => s.charts)).map(chartView),
    notes: (sheet) => notesOf(state, sheet ? needSheet(state, sheet) : undefined),
    comments: (sheet) => commentsOf(state, sheet ? needSheet(state, sheet) : undefined),
    conditionalFormats: (sheet) => describeConditionalFormats(needSheet(state, sheet).conditionalFormats),
    validations: (sheet) => validationViews(needSheet(state, sheet)),
    freeze: (sheet) => freezeOf(needSheet(state, sheet)),
    settings: () => Object.fromEntries([...state.book.settings].map(([k, v]) => [k, decodeSetting(v)])),
    definedNames: () => definedNames(state.book),
    addSheetName: (name, sheet, visible) => {
      state.edits += 1;
      seedSheetName(state.book, name, sheet, visible);
    },
    get createdWorkbooks() {
      return [...state.createdWorkbooks];
    },
    uninstall: () => {
      for (const p of previous) {
        if (p.had) g[p.name] = p.value;
        else delete g[p.name];
      }
    },
  };
  return host;
}

export type { SupportedSets, WorkbookSeed, XlsxDecoder, FormulaEvaluator, SyncStats };
export { FakeRequestContext };
