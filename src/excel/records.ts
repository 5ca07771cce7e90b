/**
 * Commands that write records into the book's tables: the sample book, a recorded review, a logged contact and
 * the client form. Each reads the book in one sync and writes in one sync (plus 5 MB chunks for the sample).
 * Rows are appended with table.rows.add, changed in place cell by cell (only the cells the command changes), or
 * deleted as table rows — never is an earlier row or cell rewritten that the command did not mean to change. Text
 * goes in through tableWrite's queueGrid, so it arrives as text whatever the format of the cell it lands in.
 */
import { matchHeaders } from "../book/headers";
import type { RawValue } from "../book/raw";
import { SETTINGS, TABLES, type RecordTableKey, type TableKey } from "../book/schema";
import { readSettings, settingsRows } from "../book/settingsTable";
import { recordReview as reviewRows } from "../domain/reviews";
import type { Localized } from "../domain/result";
import { CHANNELS, DEFAULT_SETTINGS, LANGS, type Book, type Contact, type IsoDate, type Lang } from "../domain/types";
import { calendarCell, calendarLayout, contactCalendar, findCalendarRow } from "../sheets/contactCalendar";
import { calendarSheetName } from "../sheets/text";
import { parseCell, parseRange } from "../sheets/a1";
import type { ClientEdit, CommandResult, RecordEdit, SaveResult } from "./api";
import { Batch, runWrites, single, type WriteOp } from "./batch";
import { detectCapabilities } from "./capabilities";
import { AS_OF, checkDate, requireClient, requireTables } from "./common";
import { CommandError, commandError } from "./errors";
import { loadBook, rawTables, type LoadedBook, type TableInfo } from "./readBookTables";

type LoadedTables = LoadedBook<unknown>["tables"];
import { queueStyle } from "./queueFormat";
import { summaryColumn } from "./specGrid";
import { appendRowsOps, dataIndexOf, deleteRowsOp, queueGrid, tableRow, updateRowOp, type CellIn, type ColumnFilter } from "./tableWrite";

// ---- the sample book ---------------------------------------------------------------------------------------------

/**
 * Writes the 40-client sample into the book's tables. Refuses, writing nothing, unless all seven tables are empty:
 * the six record tables hold no row with content, and Settings holds only what set-up wrote (each setting but the
 * language at its default, or already at the sample's value) — so neither a client nor a manager's own setting is
 * ever overwritten.
 */
/** `sampleBook` makes the sample (src/sample's generator, passed in by the caller: this layer does not import it). */
export async function loadSample(lang: Lang, asOf: IsoDate, sampleBook: (asOf: IsoDate, lang: Lang) => Book): Promise<CommandResult> {
  checkDate(asOf, AS_OF);
  if (!LANGS.includes(lang)) throw commandError("InvalidArgument", { "zh-CN": `语言应为 zh-CN、zh-TW 或 en-US`, "zh-TW": `語言應為 zh-CN、zh-TW 或 en-US`, "en-US": `The language must be zh-CN, zh-TW or en-US` });
  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    const loaded = await loadBook(batch);
    const keys: RecordTableKey[] = ["clients", "family", "holdings", "policies", "contacts", "reviews"];
    const tables = requireTables(loaded, keys);
    const bookLang = loaded.read.book.settings.language;
    const sample = sampleBook(asOf, lang);
    refuseNonEmpty(loaded.tables, loaded.read.book.settings, sample.settings);
    const ops: WriteOp[] = [];
    for (const key of keys) {
      const info = tables[key];
      const rows = (sample[key] as object[]).map((r) => tableRow(key, r, bookLang, info));
      ops.push(...appendRowsOps(info, rows));
    }
    // The sample's settings (its currency, for one), the book's language kept.
    const settingsInfo = loaded.tables.settings;
    if (settingsInfo) ops.push(...settingsOps(settingsInfo, { ...sample.settings, language: bookLang }, bookLang));
    await runWrites(batch, ops);
    return { syncs: batch.syncs };
  });
}

function hasContent(row: readonly RawValue[]): boolean {
  return row.some((v) => v !== null && v !== "" && !(typeof v === "string" && v.trim() === ""));
}

/**
 * The tables that are not empty: data rows with content; in Settings, a setting (other than the language) that is
 * neither the default set-up writes nor the sample's own value — one the sample would overwrite with another value.
 */
export function nonEmptyTables(tables: LoadedTables, settings: Book["settings"], sample: Book["settings"]): { key: TableKey; rows: number }[] {
  const out: { key: TableKey; rows: number }[] = [];
  for (const key of ["clients", "family", "holdings", "policies", "contacts", "reviews"] as const) {
    const rows = (tables[key]?.rows ?? []).filter(hasContent).length;
    if (rows > 0) out.push({ key, rows });
  }
  const changed = SETTINGS.filter((s) => s.field !== "language" && settings[s.field] !== DEFAULT_SETTINGS[s.field] && settings[s.field] !== sample[s.field]).length;
  if (changed > 0) out.push({ key: "settings", rows: changed });
  return out;
}

function refuseNonEmpty(tables: LoadedTables, settings: Book["settings"], sample: Book["settings"]): void {
  const full = nonEmptyTables(tables, settings, sample);
  if (full.length === 0) return;
  const list = (l: Lang, sep: string, unit: (n: number, key: TableKey) => string) => full.map((f) => `${TABLES[f.key].sheet[l]}（${unit(f.rows, f.key)}）`).join(sep);
  const en = full.map((f) => `${TABLES[f.key].sheet["en-US"]} (${f.key === "settings" ? `${f.rows} setting${f.rows === 1 ? "" : "s"} changed` : `${f.rows} row${f.rows === 1 ? "" : "s"}`})`).join(", ");
  throw commandError("ItemAlreadyExists", {
    "zh-CN": `示例簿只能载入全部七个表格都为空的客户簿，以下表格已有资料：${list("zh-CN", "、", (n, k) => (k === "settings" ? `${n} 项设定已修改` : `${n} 行`))}。现有资料不会被覆盖。`,
    "zh-TW": `範例簿只能載入七個表格都為空的客戶簿，以下表格已有資料：${list("zh-TW", "、", (n, k) => (k === "settings" ? `${n} 項設定已修改` : `${n} 列`))}。現有資料不會被覆蓋。`,
    "en-US": `The sample only loads into a book whose seven tables are all empty; these already hold data: ${en}. Existing data is never overwritten.`,
  });
}

/** Sets each setting's value in place (appending missing ones); the key cells are left as they are. */
function settingsOps(info: TableInfo, settings: Book["settings"], lang: Lang): WriteOp[] {
  const match = matchHeaders("settings", info.headers);
  const keyAt = match.indexOf.get("key");
  const valueAt = match.indexOf.get("value");
  if (keyAt === undefined || valueAt === undefined) return [];
  const current = readSettings(rawTables({ settings: info }).settings);
  const pairs = settingsRows(settings, lang);
  const ops: WriteOp[] = [];
  const append: CellIn[][] = [];
  SETTINGS.forEach((s, i) => {
    const row: CellIn[] = new Array(info.headers.length).fill(null);
    const value = pairs[i][1];
    row[valueAt] = value;
    const at = current.rows[s.field];
    if (at === undefined) {
      row[keyAt] = String(pairs[i][0]);
      append.push(row);
    } else if (current.settings[s.field] !== settings[s.field]) {
      ops.push(updateRowOp(info, dataIndexOf(info, at), row));
    }
  });
  ops.push(...appendRowsOps(info, append));
  return ops;
}

// ---- recording a review -----------------------------------------------------------------------------------------

export async function recordReview(
  clientId: string,
  date: IsoDate,
  netFlows: Record<string, number>,
  values: Record<string, number> = {},
): Promise<CommandResult & { rows: number }> {
  checkDate(date, { "zh-CN": "检视日期", "zh-TW": "檢視日期", "en-US": "The review date" });
  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    const loaded = await loadBook(batch);
    const tables = requireTables(loaded, ["clients", "holdings", "reviews"]);
    const book = loaded.read.book;
    const flows = new Map(Object.entries(netFlows ?? {}));
    const r = reviewRows(book, clientId, date, flows, new Map(Object.entries(values ?? {})));
    if (!r.ok) throw new CommandError("InvalidArgument", r.error.message);
    const lang = book.settings.language;
    const rows = r.value.map((row) => tableRow("reviews", row, lang, tables.reviews));
    await runWrites(batch, appendRowsOps(tables.reviews, rows));
    return { syncs: batch.syncs, rows: rows.length };
  });
}

// ---- logging a contact -----------------------------------------------------------------------------------------

function checkContact(c: Contact): void {
  const bad = (message: Localized) => commandError("InvalidArgument", message);
  if (!c || typeof c !== "object") throw bad({ "zh-CN": "联络记录为空", "zh-TW": "聯絡記錄為空", "en-US": "The contact is missing" });
  if (typeof c.clientId !== "string" || c.clientId.trim() === "") throw bad({ "zh-CN": "联络记录缺少客户编号", "zh-TW": "聯絡記錄缺少客戶編號", "en-US": "The contact has no client id" });
  checkDate(c.date, { "zh-CN": "联络日期", "zh-TW": "聯絡日期", "en-US": "The contact date" });
  if (!CHANNELS.includes(c.channel)) {
    throw bad({ "zh-CN": `联络方式应为 T、E 或 M（收到 ${String(c.channel)}）`, "zh-TW": `聯絡方式應為 T、E 或 M（收到 ${String(c.channel)}）`, "en-US": `The channel must be T, E or M (got ${String(c.channel)})` });
  }
  if (c.nextDate !== undefined) checkDate(c.nextDate, { "zh-CN": "下次联络日", "zh-TW": "下次聯絡日", "en-US": "The next contact date" });
  for (const f of ["summary", "nextAction"] as const) {
    if (c[f] !== undefined && typeof c[f] !== "string") throw bad({ "zh-CN": `${f} 应为文字`, "zh-TW": `${f} 應為文字`, "en-US": `${f} must be text` });
    const col = TABLES.contacts.columns.find((x) => x.field === f)!;
    checkLength({ "zh-CN": `联络记录的「${col.headers["zh-CN"]}」`, "zh-TW": `聯絡記錄的「${col.headers["zh-TW"]}」`, "en-US": `The contact's ${col.headers["en-US"]}` }, c[f]);
  }
}

interface CalendarProbe {
  name: string;
  lang: Lang;
  sheet: Excel.Worksheet;
  column: Excel.Range;
}

/**
 * Appends one Contacts row and, when the contact calendar of that month is in the workbook, updates the client's
 * day cell (channels) and its note in the same write sync. The client's row is found in the sheet as it is
 * (column A), so a calendar built before clients were added still gets the right row.
 */
export async function logContact(contact: Contact): Promise<CommandResult & { calendarUpdated: boolean }> {
  checkContact(contact);
  const clean: Contact = { clientId: contact.clientId.trim(), date: contact.date, channel: contact.channel };
  if (contact.summary?.trim()) clean.summary = contact.summary.trim();
  if (contact.nextAction?.trim()) clean.nextAction = contact.nextAction.trim();
  if (contact.nextDate) clean.nextDate = contact.nextDate;
  const month = clean.date.slice(0, 7);
  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    const caps = detectCapabilities();
    const loaded = await loadBook(batch, {
      extra: (c) => {
        const names = new Map<string, Lang>();
        for (const l of LANGS) if (!names.has(calendarSheetName(month, l))) names.set(calendarSheetName(month, l), l);
        const probes: CalendarProbe[] = [...names].map(([name, l]) => {
          const sheet = c.workbook.worksheets.getItemOrNullObject(name);
          const column = sheet.getRange("A:A").getUsedRangeOrNullObject(true);
          column.load("values,rowIndex");
          return { name, lang: l, sheet, column };
        });
        return () => probes.filter((p) => !p.sheet.isNullObject).map((p) => ({ name: p.name, lang: p.lang, ids: p.column.isNullObject ? [] : padColumn(p.column.values as RawValue[][], p.column.rowIndex) }));
      },
    });
    const tables = requireTables(loaded, ["clients", "contacts"]);
    const book = loaded.read.book;
    requireClient(book.clients.map((c) => c.clientId), clean.clientId);
    const lang = book.settings.language;
    const ops: WriteOp[] = [...appendRowsOps(tables.contacts, [tableRow("contacts", clean, lang, tables.contacts)])];

    let calendarUpdated = false;
    const calendars = loaded.extra;
    const calendar = calendars.find((c) => c.lang === lang) ?? calendars[0];
    const sheetRow = calendar ? findCalendarRow(calendar.ids, clean.clientId) : undefined;
    if (calendar && sheetRow !== undefined) {
      const after: Book = { ...book, contacts: [...book.contacts, clean] };
      const layout = calendarLayout(after, month, calendar.lang);
      const column = layout.columnOf(clean.date)!;
      const cell = calendarCell(after, clean.clientId, clean.date, calendar.lang);
      const address = `${colLetter(column)}${sheetRow}`;
      ops.push(calendarCellOp(calendar.name, address, cell, calendar.lang, caps.notes, () => contactCalendar(after, { asOf: clean.date, lang: calendar.lang, month }), layout.rowOf(clean.clientId)));
      calendarUpdated = true;
    }
    await runWrites(batch, ops);
    return { syncs: batch.syncs, calendarUpdated };
  });
}

function colLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Column A values from row 1 (the used range of column A may start lower). */
function padColumn(values: RawValue[][], rowIndex: number): RawValue[] {
  return [...new Array<RawValue>(rowIndex).fill(null), ...values.map((r) => r[0])];
}

/** Excel's limit on a cell's text, applied to notes too (Excel specifications and limits). */
const CELL_CHARS = 32_767;

const NOTE_CUT: Record<Lang, string> = { "zh-CN": "…（未完，全文见联络记录表）", "zh-TW": "…（未完，全文見聯絡記錄表）", "en-US": "… (cut; full text in the Contacts table)" };

export function fitNote(note: string, lang: Lang): string {
  if (note.length <= CELL_CHARS) return note;
  const mark = NOTE_CUT[lang];
  return note.slice(0, CELL_CHARS - mark.length) + mark;
}

function calendarCellOp(
  sheetName: string,
  address: string,
  cell: { text: string; note: string },
  noteLang: Lang,
  mode: "notes" | "comments" | "column",
  spec: () => ReturnType<typeof contactCalendar>,
  specRow: number | undefined,
): WriteOp {
  const text = cell.text;
  // A day's note joins every summary of that day: cut to what a note holds, with a visible marker (the full text
  // stays in the Contacts table).
  cell = { ...cell, note: fitNote(cell.note, noteLang) };
  if (mode === "notes") {
    return single(8, [sheetName, address, text, cell.note], (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheetName);
      queueGrid(ws.getRange(address), [[text]]);
      // An earlier note of the day is replaced (a null object when there is none: its delete is a no-op).
      ws.notes.getItemOrNullObject(address).delete();
      if (cell.note !== "") ws.notes.add(ws.getRange(address), cell.note);
    });
  }
  const built = spec();
  if (mode === "comments") {
    // No notes API: the cell's comment thread cannot be looked up by cell without failing when there is none,
    // so the cell is cleared (content, format, comment) and rebuilt from the calendar's own formats.
    const at = parseCell(address)!;
    const formats = (built.formats ?? []).filter((f) => {
      const r = parseRange(f.range);
      return !!r && r.left <= at.col && at.col <= r.right && r.top <= (specRow ?? at.row) && (specRow ?? at.row) <= r.bottom;
    });
    return single(12 + 6 * formats.length, [sheetName, address, text, cell.note, formats], (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheetName);
      const range = ws.getRange(address);
      range.clear(Excel.ClearApplyTo.all);
      queueGrid(range, [[text]]);
      for (const f of formats) {
        if (f.numberFormat !== undefined) range.numberFormat = [[f.numberFormat]];
        if (f.style) queueStyle(range, f.style, 1, 1);
      }
      if (cell.note !== "") ws.comments.add(range, cell.note);
    });
  }
  // Summary column: the row's summary of every note of the month, rewritten whole.
  const summary = summaryColumn(built);
  const line = specRow === undefined ? undefined : summary.cells.get(specRow);
  const row = parseCell(address)!.row;
  const target = `${colLetter(summary.column)}${row}`;
  const value = line ?? "";
  return single(10, [sheetName, address, text, target, value], (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheetName);
    queueGrid(ws.getRange(address), [[text]]);
    const s = ws.getRange(target);
    queueGrid(s, [[value]]);
    s.format.wrapText = true;
  });
}

// ---- the client form -----------------------------------------------------------------------------------------------

type FormKey = "clients" | "family" | "holdings" | "policies";

const ID_FIELD: Record<FormKey, string | undefined> = { clients: "clientId", family: undefined, holdings: "holdingId", policies: "policyId" };

/** A record in its compared form: keys sorted, blank values ("" / [] / undefined) left out, as the codec reads them. */
export function canonical(rec: object | undefined): string {
  if (!rec) return "null";
  const r = rec as Record<string, unknown>;
  const keys = Object.keys(r).filter((k) => {
    const v = r[k];
    return !(v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0));
  });
  keys.sort();
  return JSON.stringify(keys.map((k) => [k, r[k]]));
}

function labelOf(key: FormKey, rec: object): string {
  const r = rec as Record<string, unknown>;
  const idField = ID_FIELD[key];
  return idField ? String(r[idField]) : `${String(r.clientId)}/${String(r.name)}`;
}

/**
 * Text Excel cannot hold is refused before anything is written, naming the table, the record and the field:
 * "Total number of characters that a cell can contain: 32,767" (Excel specifications and limits).
 */
function checkLength(where: Record<Lang, string>, text: unknown): void {
  if (typeof text !== "string" || text.length <= CELL_CHARS) return;
  const n = text.length.toLocaleString("en-US");
  throw commandError("InvalidArgument", {
    "zh-CN": `${where["zh-CN"]}有 ${n} 个字符，Excel 单元格最多容纳 32,767 个字符；请缩短后再保存（未写入任何内容）`,
    "zh-TW": `${where["zh-TW"]}有 ${n} 個字元，Excel 儲存格最多容納 32,767 個字元；請縮短後再儲存（未寫入任何內容）`,
    "en-US": `${where["en-US"]} has ${n} characters; an Excel cell holds at most 32,767. Shorten it and save again (nothing was written)`,
  });
}

function checkRequired(key: FormKey, rec: object): void {
  const r = rec as Record<string, unknown>;
  for (const col of TABLES[key].columns) {
    checkLength(
      {
        "zh-CN": `${TABLES[key].sheet["zh-CN"]}：${labelOf(key, rec)} 的「${col.headers["zh-CN"]}」`,
        "zh-TW": `${TABLES[key].sheet["zh-TW"]}：${labelOf(key, rec)} 的「${col.headers["zh-TW"]}」`,
        "en-US": `${TABLES[key].sheet["en-US"]}: ${col.headers["en-US"]} of ${labelOf(key, rec)}`,
      },
      Array.isArray(r[col.field]) ? (r[col.field] as unknown[]).join("、") : r[col.field],
    );
    if (!col.required) continue;
    const v = r[col.field];
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) {
      throw commandError("InvalidArgument", {
        "zh-CN": `${TABLES[key].sheet["zh-CN"]}：${labelOf(key, rec)} 缺少必填项「${col.headers["zh-CN"]}」`,
        "zh-TW": `${TABLES[key].sheet["zh-TW"]}：${labelOf(key, rec)} 缺少必填項「${col.headers["zh-TW"]}」`,
        "en-US": `${TABLES[key].sheet["en-US"]}: ${labelOf(key, rec)} lacks the required ${col.headers["en-US"]}`,
      });
    }
  }
}

/**
 * Deleting a client leaves no rows behind that name them: family, holdings and policies must be deleted in the same
 * save, and a client with contacts or reviews on record is kept (that history is never deleted from here).
 */
function refuseOrphans(book: Book, clientId: string, plans: Map<FormKey, TablePlan>): void {
  const left: string[] = [];
  for (const key of ["family", "holdings", "policies", "contacts", "reviews"] as const) {
    const deleted = (key === "contacts" || key === "reviews" ? undefined : plans.get(key))?.deletedRecords ?? new Set<number>();
    const rows = book[key] as { clientId: string }[];
    const remaining = rows.filter((r, i) => r.clientId === clientId && !deleted.has(i)).length;
    if (remaining > 0) left.push(`${TABLES[key].tableName} ${remaining}`);
  }
  if (left.length > 0) {
    throw commandError("InvalidArgument", {
      "zh-CN": `客户 ${clientId} 仍有关联记录（${left.join("，")}），不能删除`,
      "zh-TW": `客戶 ${clientId} 仍有關聯記錄（${left.join("，")}），不能刪除`,
      "en-US": `Client ${clientId} still has rows in other tables (${left.join(", ")}) and cannot be deleted`,
    });
  }
}

interface TablePlan {
  /** Rows changed in place: only the cells the form changed (null elsewhere), and what the read sync saw there. */
  updates: { index: number; label: string; row: CellIn[]; seen: RawValue[] | undefined }[];
  /** Data indexes of the rows to delete, and the same rows as indexes into the book's array. */
  deletes: number[];
  deletedRecords: Set<number>;
  appends: object[];
}

/** Two cell values as the same value (a date serial and a number compare as numbers; "" and null as blank). */
function sameCell(a: CellIn | RawValue | undefined, b: CellIn | RawValue | undefined): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === "";
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  return a === b;
}

/** What a co-author changed in a written cell between the save's read sync and its write sync, to put back. */
interface Overwritten {
  sheet: string;
  row: number;
  column: number;
  value: RawValue;
  formula: RawValue;
  numberFormat: string;
  table: string;
  label: string;
}

/**
 * Writes the changed cells of one row, and — in the same batch, before the write — reads what those cells hold
 * then (a separate range object, so the values read are the cells' before the write). A cell that no longer holds
 * what the read sync saw was changed by a co-author in the window between the two syncs; it is reported to `lost`
 * after the sync so that its content can be put back.
 */
function guardedUpdateOp(info: TableInfo, key: FormKey, u: TablePlan["updates"][number], lost: Overwritten[]): WriteOp {
  const op = updateRowOp(info, u.index, u.row);
  const rowIndex = info.rowIndex + 1 + u.index;
  const box: { probe?: Excel.Range } = {};
  return {
    ...op,
    kind: "single",
    bytes: (op as { bytes: number }).bytes + 3 * 128,
    queue(ctx) {
      box.probe = ctx.workbook.worksheets.getItem(info.sheet).getRangeByIndexes(rowIndex, info.columnIndex, 1, u.row.length);
      box.probe.load("values,formulas,numberFormat");
      (op as { queue(c: Excel.RequestContext): void }).queue(ctx);
    },
    done() {
      if (!box.probe || !u.seen) return;
      const seen = u.seen;
      const values = (box.probe.values as RawValue[][])[0];
      const formulas = (box.probe.formulas as RawValue[][])[0];
      const formats = (box.probe.numberFormat as unknown[][])[0];
      u.row.forEach((v, c) => {
        if (v === null || sameCell(values[c], seen[c])) return;
        lost.push({ sheet: info.sheet, row: rowIndex, column: info.columnIndex + c, value: values[c], formula: formulas[c], numberFormat: String(formats[c] ?? "General"), table: TABLES[key].tableName, label: u.label });
      });
    },
  };
}

/**
 * A column's criteria that filter something: values listed, a criterion, a colour, an icon or a dynamic rule (an
 * unfiltered column may answer null or criteria naming none of these; re-applying those would be an error).
 */
function activeFilter(c: Excel.FilterCriteria | null | undefined): c is Excel.FilterCriteria {
  if (!c || !c.filterOn) return false;
  return (Array.isArray(c.values) && c.values.length > 0) || !!c.criterion1 || !!c.color || !!c.icon || (!!c.dynamicCriteria && c.dynamicCriteria !== "Unknown");
}

/**
 * Queues the read of the column filters of the named tables (TableColumn.filter.criteria, ExcelApi 1.2); the
 * returned function gives each table's filtered columns after the sync.
 */
function readFilters(ctx: Excel.RequestContext, tableNames: readonly string[]): () => Map<string, ColumnFilter[]> {
  const probes = tableNames.map((name) => {
    const table = ctx.workbook.tables.getItemOrNullObject(name);
    const columns = ctx.workbook.tables.getItemOrNullObject(name).columns;
    columns.load("items/filter/criteria");
    return { name, table, columns };
  });
  return () => {
    const out = new Map<string, ColumnFilter[]>();
    for (const p of probes) {
      if (p.table.isNullObject) continue;
      const filters: ColumnFilter[] = [];
      p.columns.items.forEach((col, column) => {
        const criteria = col.filter.criteria;
        if (activeFilter(criteria)) filters.push({ column, criteria });
      });
      if (filters.length > 0) out.set(p.name, filters);
    }
    return out;
  };
}

/** Puts a co-author's content back into the cells a save overwrote: their formula, or their value as text safely. */
function restoreOps(lost: readonly Overwritten[]): WriteOp[] {
  return lost.map((l) =>
    single(5, [l.sheet, l.row, l.column, l.formula, l.numberFormat], (ctx) => {
      const cell = ctx.workbook.worksheets.getItem(l.sheet).getRangeByIndexes(l.row, l.column, 1, 1);
      const isFormula = typeof l.formula === "string" && l.formula.startsWith("=") && l.formula !== l.value;
      if (isFormula) {
        cell.numberFormat = [[l.numberFormat]];
        cell.formulas = [[l.formula as string]];
      } else {
        queueGrid(cell, [[l.value]]);
        // The co-author's number format again (a text stays text when its cell's format changes).
        cell.numberFormat = [[l.numberFormat]];
      }
    }),
  );
}

/**
 * Saves the client form, cell by cell.
 *
 * What is written: for a changed record, only the cells whose value the form changed (the form's record before and
 * after, rendered as cells, differ); every other cell of the row — a manager's formula in a book column included —
 * is left as it is. Removed rows are deleted (bottom-up, so the row indexes of the same batch stay right; under a
 * filter the table's filters are cleared and applied again), new rows appended.
 *
 * Concurrency: the form loaded its records in an earlier command. The save's read sync re-reads the book and
 * compares: a record gone, a record to delete that changed in any field, or a cell the save changes that no longer
 * holds what the form loaded (a co-author or the sheet changed it) → nothing is written and the conflicts are
 * returned. A change in a cell the save does not touch is no conflict: it is kept.
 * The window: between the read sync's snapshot and the write sync's arrival at Excel (one round trip, typically
 * tens to hundreds of milliseconds on the web) a co-author's edit can still land. The write batch therefore reads
 * the cells it writes, just before writing them, in the same batch (Excel runs a batch in order, with no
 * co-author's change inside it); a cell found changed there was overwritten by this save, so its content
 * (formula, value, number format) is put back in one more sync and the record is returned as a conflict. What
 * stays open: appended rows (an id a co-author took in the window is found by the next read) and deletions (a row
 * changed in the window is deleted with its change).
 */
export async function saveClient(edit: ClientEdit): Promise<SaveResult> {
  if (!edit || typeof edit !== "object" || !edit.client) throw commandError("InvalidArgument", { "zh-CN": "客户表单为空", "zh-TW": "客戶表單為空", "en-US": "The client form is empty" });
  const clientId = edit.client.after?.clientId ?? edit.client.before?.clientId;
  if (!clientId) throw commandError("InvalidArgument", { "zh-CN": "客户表单缺少客户编号", "zh-TW": "客戶表單缺少客戶編號", "en-US": "The client form has no client id" });
  const groups: [FormKey, RecordEdit<object>[]][] = [
    ["clients", [edit.client as RecordEdit<object>]],
    ["family", (edit.family ?? []) as RecordEdit<object>[]],
    ["holdings", (edit.holdings ?? []) as RecordEdit<object>[]],
    ["policies", (edit.policies ?? []) as RecordEdit<object>[]],
  ];
  for (const [key, edits] of groups) {
    for (const e of edits) {
      if (!e.after) continue;
      checkRequired(key, e.after);
      const owner = (e.after as { clientId?: string }).clientId;
      if (key !== "clients" && owner !== clientId) {
        throw commandError("InvalidArgument", { "zh-CN": `${labelOf(key, e.after)} 不属于客户 ${clientId}`, "zh-TW": `${labelOf(key, e.after)} 不屬於客戶 ${clientId}`, "en-US": `${labelOf(key, e.after)} does not belong to client ${clientId}` });
      }
    }
  }

  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    // Tables the save may delete rows from: their column filters are read with the book, to apply them again.
    const deleting = groups.filter(([, edits]) => edits.some((e) => e.before && !e.after)).map(([k]) => TABLES[k].tableName);
    const loaded = await loadBook(batch, { extra: (c) => readFilters(c, deleting) });
    const tables = requireTables(loaded, groups.filter(([, e]) => e.length > 0).map(([k]) => k));
    const { book } = loaded.read;
    const rowsOf = loaded.read.rows;
    const lang = book.settings.language;
    const conflicts: { table: string; id: string }[] = [];
    const plans = new Map<FormKey, TablePlan>();

    for (const [key, edits] of groups) {
      if (edits.length === 0) continue;
      const records = book[key] as object[];
      const excelRows = rowsOf[key];
      const idField = ID_FIELD[key];
      const claimed = new Set<number>();
      const plan: TablePlan = { updates: [], deletes: [], deletedRecords: new Set(), appends: [] };
      const newIds = new Set<string>();
      const find = (before: object): number => {
        if (idField) {
          const id = (before as Record<string, unknown>)[idField];
          return records.findIndex((r) => (r as Record<string, unknown>)[idField] === id);
        }
        const want = canonical(before);
        return records.findIndex((r, i) => !claimed.has(i) && canonical(r) === want);
      };
      for (const e of edits) {
        const conflict = (rec: object) => conflicts.push({ table: TABLES[key].tableName, id: labelOf(key, rec) });
        if (e.before) {
          const i = find(e.before);
          // Found by id (rows without an id: by their whole content); a row to delete must be as the form loaded it.
          if (i < 0 || claimed.has(i) || (!e.after && canonical(records[i]) !== canonical(e.before))) {
            conflict(e.before);
            continue;
          }
          claimed.add(i);
          const index = dataIndexOf(tables[key], excelRows[i]);
          if (!e.after) {
            plan.deletes.push(index);
            plan.deletedRecords.add(i);
            continue;
          }
          const info = tables[key];
          const before = tableRow(key, e.before, lang, info);
          const after = tableRow(key, e.after, lang, info);
          const now = tableRow(key, records[i], lang, info);
          const row = after.map((v, c) => (v === null || sameCell(v, before[c]) ? null : v));
          if (row.every((v) => v === null)) continue;
          // A cell the save changes must still hold what the form loaded.
          if (row.some((v, c) => v !== null && !sameCell(now[c], before[c]))) {
            conflict(e.before);
            continue;
          }
          plan.updates.push({ index, label: labelOf(key, e.before), row, seen: info.rows?.[index] });
        } else if (e.after) {
          // A new record: its id must still be free (someone may have taken it meanwhile).
          if (idField) {
            const id = String((e.after as Record<string, unknown>)[idField]);
            if (newIds.has(id) || records.some((r) => (r as Record<string, unknown>)[idField] === id)) {
              conflict(e.after);
              continue;
            }
            newIds.add(id);
          }
          plan.appends.push(e.after);
        }
      }
      plans.set(key, plan);
    }
    if (conflicts.length > 0) return { ok: false as const, syncs: batch.syncs, conflicts };
    if (edit.client.before && !edit.client.after) refuseOrphans(book, clientId, plans);

    const ops: WriteOp[] = [];
    const lost: Overwritten[] = [];
    let written = 0;
    for (const [key, plan] of plans) {
      const info = tables[key];
      for (const u of plan.updates) ops.push(guardedUpdateOp(info, key, u, lost));
      const del = deleteRowsOp(info, plan.deletes, loaded.extra.get(info.tableName) ?? []);
      if (del) ops.push(del);
      // Appended after the deletions: a table emptied by them keeps Excel's one blank row, filled first.
      const afterDelete: TableInfo = { ...info, rowCount: info.rowCount - plan.deletes.length };
      const emptied = afterDelete.rowCount <= 0;
      const target: TableInfo = emptied ? { ...info, rowCount: 1, rows: [new Array(info.headers.length).fill(null)] } : { ...afterDelete, rows: info.rows?.filter((_, i) => !plan.deletes.includes(i)) };
      ops.push(...appendRowsOps(target, plan.appends.map((r) => tableRow(key, r, lang, info))));
      written += plan.updates.length + plan.deletes.length + plan.appends.length;
    }
    await runWrites(batch, ops);
    if (lost.length > 0) {
      await runWrites(batch, restoreOps(lost));
      const seen = new Set<string>();
      const during = lost.filter((l) => !seen.has(`${l.table} ${l.label}`) && seen.add(`${l.table} ${l.label}`)).map((l) => ({ table: l.table, id: l.label }));
      return { ok: false as const, syncs: batch.syncs, conflicts: during, saved: written };
    }
    return { ok: true as const, syncs: batch.syncs, written };
  });
}
