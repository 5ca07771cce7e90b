/**
 * Setting up the client book: the seven tables (the six of docs/ARCHITECTURE.md and Settings) on their sheets, laid out by
 * src/book/layout.ts as the shipped template is (headers in the book's language, drop-down lists on coded columns,
 * date and amount formats, column widths), with frozen header rows; the book's language in the Settings table and
 * in workbook.settings. Two syncs: one read, one write.
 *
 * On a workbook that already has tables nothing is deleted or moved: every row stays, and only missing columns
 * are appended (table.columns.add), with the header in the book's own language. The book's language is the one
 * it already has (Settings table, then workbook.settings, then the language of its headers); `lang` names the
 * language of a new book.
 *
 * Where a table is missing, its sheet (名 in any language) is used when it is empty; when the manager typed the
 * headers there without making a table, that area becomes the table (the rows are kept); a sheet with other
 * content is left alone and the table goes on a new sheet.
 *
 * The same set-up is the in-place upgrade of an older book (upgradeBook, src/book/bookVersion.ts): what the book
 * lacks against the current layout is added, its SchemaVersion row set to BOOK_SCHEMA_VERSION, and the result says
 * what changed. A book written by a newer ClientBook is refused (NewerBook) before anything is queued.
 *
 * A workbook with no ClientBook table or sheet at all can instead receive the shipped template whole
 * (insertWorksheetsFromBase64, ExcelApi 1.13): the same file branches hand out, still two syncs. The template
 * holds tables only — charts and notes are always added through the API, as Excel on the web refuses them in
 * inserted sheets. Should the host not insert it, or drop a table, set-up goes on the usual way from what is there.
 */
import { BOOK_SCHEMA_VERSION, isBook, planUpgrade, shapeOf, upgradeSummary } from "../book/bookVersion";
import { parseCode } from "../book/codes";
import { detectTable, matchHeaders } from "../book/headers";
import { columnLayout, newBookSettings, tableLayout, type ColumnLayout } from "../book/layout";
import type { RawValue } from "../book/raw";
import { SETTINGS, TABLE_KEYS, TABLES, type TableKey } from "../book/schema";
import { readSettings, settingsRows } from "../book/settingsTable";
import { cellText } from "../book/text";
import { LANGS, type Lang } from "../domain/types";
import { colName } from "../sheets/a1";
import { sheetNameKey, uniqueSheetNames } from "../sheets/names";
import { tablePrintSetup } from "../sheets/print";
import { fitTableWidths } from "../sheets/widths";
import type { SetupOptions, SetupResult } from "./api";
import { detectCapabilities } from "./capabilities";
import { Batch } from "./batch";
import { rawTables, readBookTables, refuseNewerBook, type TableInfo } from "./readBookTables";
import { findSheet, queueSheetsInfo, type SheetsInfo } from "./existingSheets";
import { charsToPoints, queuePage } from "./queueFormat";
import { appendRowsOps, queueGrid } from "./tableWrite";
import { commandError } from "./errors";

/** workbook.settings key of the book's header language (Office keeps it with the file). */
export const LANGUAGE_SETTING = "ClientBook.language";

interface Candidate {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  head: Excel.Range;
}

interface CandidateView {
  name: string;
  exists: boolean;
  /** Used range (values only), 0-based; undefined for an empty sheet. */
  used?: { address: string; rowIndex: number; columnIndex: number; rowCount: number; columnCount: number; head: RawValue[] };
}

interface SetupRead {
  sheets: SheetsInfo;
  storedLang: unknown;
  candidates: Map<string, CandidateView>;
}

function queueSetupExtras(ctx: Excel.RequestContext): () => SetupRead {
  const sheets = queueSheetsInfo(ctx);
  const setting = ctx.workbook.settings.getItemOrNullObject(LANGUAGE_SETTING);
  setting.load("value");
  const names = new Map<string, string>();
  for (const key of TABLE_KEYS) for (const l of LANGS) names.set(sheetNameKey(TABLES[key].sheet[l]), TABLES[key].sheet[l]);
  const candidates: Candidate[] = [...names.values()].map((name) => {
    const sheet = ctx.workbook.worksheets.getItemOrNullObject(name);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address,rowIndex,columnIndex,rowCount,columnCount");
    const head = used.getRow(0);
    head.load("values");
    return { name, sheet, used, head };
  });
  return () => setupReadOf(sheets, setting, candidates);
}

/** Reads what queueSetupExtras loaded (after the sync). */
function setupReadOf(sheets: () => SheetsInfo, setting: Excel.Setting, candidates: Candidate[]): SetupRead {
  const views = new Map<string, CandidateView>();
  for (const c of candidates) {
    const view: CandidateView = { name: c.name, exists: !c.sheet.isNullObject };
    if (view.exists && !c.used.isNullObject) {
      view.used = {
        address: c.used.address,
        rowIndex: c.used.rowIndex,
        columnIndex: c.used.columnIndex,
        rowCount: c.used.rowCount,
        columnCount: c.used.columnCount,
        head: (c.head.values as RawValue[][])[0] ?? [],
      };
    }
    views.set(sheetNameKey(c.name), view);
  }
  return { sheets: sheets(), storedLang: setting.isNullObject ? undefined : setting.value, candidates: views };
}

/** The language whose headers the existing tables use most, if any header matches one exactly. */
export function headerLanguage(tables: Partial<Record<TableKey, TableInfo>>): Lang | undefined {
  const score = new Map<Lang, number>();
  for (const key of TABLE_KEYS) {
    const t = tables[key];
    if (!t) continue;
    for (const h of t.headers) {
      const text = cellText(h);
      if (text === undefined) continue;
      for (const l of LANGS) if (TABLES[key].columns.some((c) => c.headers[l] === text)) score.set(l, (score.get(l) ?? 0) + 1);
    }
  }
  let best: Lang | undefined;
  for (const l of LANGS) if ((score.get(l) ?? 0) > (best ? score.get(best)! : 0)) best = l;
  return best;
}

function asLang(v: unknown): Lang | undefined {
  if (typeof v !== "string") return undefined;
  return (LANGS as readonly string[]).includes(v) ? (v as Lang) : parseCode("language", v);
}

function checkLang(lang: Lang): void {
  if (!LANGS.includes(lang)) {
    throw commandError("InvalidArgument", { "zh-CN": `表头语言应为 zh-CN、zh-TW 或 en-US（收到 ${String(lang)}）`, "zh-TW": `表頭語言應為 zh-CN、zh-TW 或 en-US（收到 ${String(lang)}）`, "en-US": `The header language must be zh-CN, zh-TW or en-US (got ${String(lang)})` });
  }
}

/** A literal drop-down list as Excel takes it: comma-separated, at most 255 characters. */
export function listSource(labels: readonly string[]): string {
  const bad = labels.find((l) => l.includes(","));
  if (bad !== undefined) throw new RangeError(`drop-down label "${bad}" contains a comma, which would split it in two`);
  const source = labels.join(",");
  if (source.length > 255) throw new RangeError(`drop-down list "${source.slice(0, 40)}…" is longer than Excel's 255 characters`);
  return source;
}

/** Number format, drop-down and width of one column (as src/book/layout.ts lays it out) over its data rows. */
function queueColumnSetup(ws: Excel.Worksheet, body: Excel.Range, layout: ColumnLayout, rows: number, sheetColumn: number): void {
  const format = layout.format;
  if (format !== undefined) body.numberFormat = Array.from({ length: rows }, () => [format]);
  if (layout.list) {
    // Excel keeps one rule per cell: a rule typed earlier on these cells is replaced, not stacked.
    body.dataValidation.clear();
    body.dataValidation.rule = { list: { inCellDropDown: true, source: listSource(layout.list) } };
  }
  const letter = colName(sheetColumn + 1);
  ws.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(layout.width);
}

/** No ClientBook table, and no sheet named as one of the book's sheets in any language: the template fits. */
function isBlank(tables: Partial<Record<TableKey, TableInfo>>, candidates: Map<string, CandidateView>): boolean {
  return TABLE_KEYS.every((k) => tables[k] === undefined) && [...candidates.values()].every((c) => !c.exists);
}

/** The template as base64, or undefined when it cannot be had (an old build, offline): then no template. */
async function loadTemplate(load: (lang: Lang) => Promise<string>, lang: Lang): Promise<string | undefined> {
  try {
    const base64 = await load(lang);
    return typeof base64 === "string" && base64.trim() !== "" ? base64 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Inserts the template at the end of the workbook and records the book's language, in one sync. True when every
 * table arrived under its own name; false when Excel refused the file or a table is missing (set-up then
 * completes what is there).
 */
async function insertTemplateIn(batch: Batch, lang: Lang, base64: string): Promise<boolean> {
  const ctx = batch.ctx;
  ctx.workbook.insertWorksheetsFromBase64(base64, { positionType: Excel.WorksheetPositionType.end });
  ctx.workbook.settings.add(LANGUAGE_SETTING, lang);
  const tables = ctx.workbook.tables;
  tables.load("items/name");
  try {
    await batch.sync();
  } catch {
    return false;
  }
  const names = new Set(tables.items.map((t) => t.name.toLowerCase()));
  return TABLE_KEYS.every((k) => names.has(TABLES[k].tableName.toLowerCase()));
}

/**
 * Sets up the book (see the module comment). `onlyExisting`: the upgrade — a workbook without any of the book's
 * tables is left as it is.
 */
export async function setupBookIn(ctx: Excel.RequestContext, requested: Lang, options: SetupOptions = {}, onlyExisting = false): Promise<SetupResult> {
  checkLang(requested);
  const batch = new Batch(ctx);
  const recordKeys = TABLE_KEYS.filter((k) => k !== "settings");
  const read = await readBookTables(batch, { headersOnly: recordKeys, extra: queueSetupExtras });
  const { tables } = read;
  const { sheets, storedLang, candidates } = read.extra;
  // What the book lacks against the current layout; a newer book is not touched.
  const shape = shapeOf(tables);
  const plan = planUpgrade(shape);
  refuseNewerBook(plan.from);
  if (onlyExisting && !isBook(shape)) return { syncs: batch.syncs, createdTables: [], addedColumns: [] };

  const settingsRead = tables.settings ? readSettings(rawTables({ settings: tables.settings }).settings) : undefined;
  const lang: Lang =
    (settingsRead?.rows.language !== undefined ? settingsRead.settings.language : undefined) ??
    asLang(storedLang) ??
    headerLanguage(tables) ??
    requested;

  const template = options.template && isBlank(tables, candidates) && detectCapabilities().insertWorksheets ? await loadTemplate(options.template, lang) : undefined;
  if (template !== undefined) {
    if (await insertTemplateIn(batch, lang, template)) {
      return { syncs: batch.syncs, createdTables: TABLE_KEYS.map((k) => TABLES[k].tableName), addedColumns: [], language: lang, fromTemplate: true };
    }
    // Partly inserted or not at all: set up from what is there now (the template's sheets are reused).
    const rest = await setupBookIn(ctx, lang);
    return { ...rest, syncs: batch.syncs + rest.syncs };
  }

  const createdTables: string[] = [];
  const addedColumns: string[] = [];
  const takenNames = sheets.sheets.map((s) => s.name);

  for (const key of TABLE_KEYS) {
    const spec = TABLES[key];
    const info = tables[key];
    if (info) {
      // Existing table: append what is missing, keep everything else.
      const missing = matchHeaders(key, info.headers).missing;
      if (missing.length === 0) continue;
      const table = ctx.workbook.tables.getItem(info.tableName);
      const ws = ctx.workbook.worksheets.getItem(info.sheet);
      missing.forEach((col, i) => {
        const layout = columnLayout(col, col.headers[lang], lang);
        const added = table.columns.add(undefined, undefined, layout.header);
        queueColumnSetup(ws, added.getDataBodyRange(), layout, info.rowCount, info.columnIndex + info.headers.length + i);
        addedColumns.push(`${info.tableName}.${col.key}`);
      });
      continue;
    }

    // Missing table: find or make its sheet.
    const view = LANGS.map((l) => candidates.get(sheetNameKey(spec.sheet[l]))).find((c) => c?.exists && c.name === spec.sheet[lang]) ??
      LANGS.map((l) => candidates.get(sheetNameKey(spec.sheet[l]))).find((c) => c?.exists);
    const sheetInfo = view ? findSheet(sheets, view.name) : undefined;
    const usable = view && sheetInfo && !sheetInfo.hasTable;
    const typed = usable && view.used && view.used.rowIndex === 0 && view.used.columnIndex === 0 && detectTable(view.used.head) === key ? view.used : undefined;

    let ws: Excel.Worksheet;
    if (usable && (!view.used || typed)) {
      ws = ctx.workbook.worksheets.getItem(view.name);
    } else {
      const name = uniqueSheetNames([spec.sheet[lang]], takenNames)[0];
      takenNames.push(name);
      ws = ctx.workbook.worksheets.add(name);
    }

    if (typed) {
      // Headers typed by hand: the typed area becomes the table, its rows kept; missing columns are appended.
      const table = ws.tables.add(typed.address, true);
      table.name = spec.tableName;
      const dataRows = Math.max(1, typed.rowCount - 1);
      // The columns the typed headers name are laid out as the schema's; the user's own columns are left alone.
      const typedLayout = tableLayout(key, lang, { headers: typed.head }).columns;
      typedLayout.forEach((layout, index) => {
        if (layout.column) queueColumnSetup(ws, ws.getRangeByIndexes(1, index, dataRows, 1), layout, dataRows, index);
      });
      matchHeaders(key, typed.head).missing.forEach((col, i) => {
        const layout = columnLayout(col, col.headers[lang], lang);
        const added = table.columns.add(undefined, undefined, layout.header);
        queueColumnSetup(ws, added.getDataBodyRange(), layout, dataRows, typed.columnCount + i);
        addedColumns.push(`${spec.tableName}.${col.key}`);
      });
      ws.freezePanes.freezeRows(1);
      queuePage(ws, tablePrintSetup(typedLayout.map((c) => c.width), lang));
      createdTables.push(spec.tableName);
      continue;
    }

    const layout = tableLayout(key, lang);
    const headers = layout.columns.map((c) => c.header);
    const body: RawValue[][] = key === "settings" ? settingsRows(newBookSettings(lang), lang) : [];
    const rows = Math.max(1, body.length);
    const area = ws.getRangeByIndexes(0, 0, 1 + body.length, headers.length);
    queueGrid(area, [headers, ...body]);
    const table = ws.tables.add(ws.getRangeByIndexes(0, 0, 1 + body.length, headers.length), true);
    table.name = layout.tableName;
    // widths widened to the rows written (the Settings rows), as the file writer does (src/sheets/widths.ts)
    const widths = fitTableWidths(
      layout.columns.map((c) => c.width),
      body,
      layout.columns.map((c) => c.format),
    );
    layout.columns.forEach((col, i) => queueColumnSetup(ws, ws.getRangeByIndexes(1, i, rows, 1), { ...col, width: widths[i] }, rows, i));
    ws.freezePanes.freezeRows(1);
    // printed as the file template prints it (src/sheets/print.ts)
    queuePage(ws, tablePrintSetup(widths, lang));
    createdTables.push(spec.tableName);
  }

  // Settings rows the existing Settings table lacks (the language first of all), and the book's version raised.
  const addedSettings: string[] = [];
  if (tables.settings && settingsRead) {
    const info = tables.settings;
    const match = matchHeaders("settings", info.headers);
    const keyAt = match.indexOf.get("key");
    const valueAt = match.indexOf.get("value");
    if (keyAt !== undefined && valueAt !== undefined) {
      const all = settingsRows({ ...settingsRead.settings, language: lang, schemaVersion: BOOK_SCHEMA_VERSION }, lang);
      const versionRow = settingsRead.rows.schemaVersion;
      if (versionRow !== undefined && settingsRead.settings.schemaVersion < BOOK_SCHEMA_VERSION) {
        // rows are 1-based Excel rows (rawTables: headerRow = rowIndex + 1)
        ctx.workbook.worksheets.getItem(info.sheet).getRangeByIndexes(versionRow - 1, info.columnIndex + valueAt, 1, 1).values = [[BOOK_SCHEMA_VERSION]];
      }
      SETTINGS.forEach((s) => {
        if (settingsRead.rows[s.field] === undefined) addedSettings.push(s.key);
      });
      const missingRows = all.filter((_, i) => settingsRead.rows[SETTINGS[i].field] === undefined).map((pair) => {
        const row: RawValue[] = new Array(info.headers.length).fill(null);
        row[keyAt] = pair[0];
        row[valueAt] = pair[1];
        return row;
      });
      for (const op of appendRowsOps(info, missingRows)) {
        if (op.kind === "single") op.queue(ctx);
        else op.queue(ctx, 0, op.rowBytes.length);
      }
    }
  }

  ctx.workbook.settings.add(LANGUAGE_SETTING, lang);
  await batch.sync();
  const result: SetupResult = { syncs: batch.syncs, createdTables, addedColumns, language: lang, addedSettings };
  if (isBook(shape) && plan.needed) result.upgraded = { from: plan.from, to: plan.to, summary: upgradeSummary(plan) };
  return result;
}

export async function setupBook(lang: Lang, options: SetupOptions = {}): Promise<SetupResult> {
  return Excel.run((ctx) => setupBookIn(ctx, lang, options));
}

/** The in-place upgrade of an existing book (ClientBookCommands.upgradeBook): set-up that makes no new book. */
export async function upgradeBook(): Promise<SetupResult> {
  return Excel.run((ctx) => upgradeBookIn(ctx));
}

export async function upgradeBookIn(ctx: Excel.RequestContext): Promise<SetupResult> {
  // The language only names a new book's headers; an existing book keeps its own.
  return setupBookIn(ctx, "zh-CN", {}, true);
}
