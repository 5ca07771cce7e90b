/**
 * The Load sample command: writes the 40-client sample into the book's tables (Rates too: its USD and HKD rows'
 * rates), only when they are all empty
 * (no record row with content, Settings only as set-up wrote it), so no client or own setting is ever overwritten.
 * The sample is made by the caller (src/sample's generator, passed in): this layer does not import src/sample.
 * Reads the book in one sync and writes in one sync; rows are appended with table.rows.add (tableWrite.ts), so no
 * earlier row is rewritten, and text goes in through queueGrid, so it arrives as text whatever the cell's format.
 */
import { matchHeaders } from "../book/headers";
import type { RawValue } from "../book/raw";
import { SETTINGS, TABLES, type RecordTableKey, type TableKey } from "../book/schema";
import { readSettings, settingsRows } from "../book/settingsTable";
import { DEFAULT_SETTINGS, LANGS, type Book, type IsoDate, type Lang } from "../domain/types";
import type { CommandResult } from "./api";
import { Batch, runWrites, type WriteOp } from "./batch";
import { AS_OF, checkDate, requireTables } from "./common";
import { commandError } from "./errors";
import { loadBook, rawTables, type LoadedBook, type TableInfo } from "./readBookTables";
import { appendRowsOps, dataIndexOf, tableRow, updateRowOp, type CellIn } from "./tableWrite";

type LoadedTables = LoadedBook<unknown>["tables"];

/**
 * Writes the 40-client sample into the book's tables. Refuses, writing nothing, unless all eight tables are empty:
 * the seven record tables (Rates included) hold no row with content, and Settings holds only what set-up wrote (each setting but the
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
    const sample = sampleBook(asOf, lang);
    // The Rates table too when the sample holds foreign currencies (set-up makes it; a book set up before it existed
    // is refused as lacking it rather than loaded with USD rows no rate converts).
    const keys: RecordTableKey[] = ["clients", "family", "holdings", "policies", "contacts", "reviews", ...(sample.rates.length > 0 ? (["rates"] as const) : [])];
    const tables = requireTables(loaded, keys);
    const bookLang = loaded.read.book.settings.language;
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
  for (const key of ["clients", "family", "holdings", "policies", "contacts", "reviews", "rates"] as const) {
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
    "zh-CN": `示例簿只能载入全部八个表格都为空的客户簿，以下表格已有资料：${list("zh-CN", "、", (n, k) => (k === "settings" ? `${n} 项设定已修改` : `${n} 行`))}。现有资料不会被覆盖。`,
    "zh-TW": `範例簿只能載入八個表格都為空的客戶簿，以下表格已有資料：${list("zh-TW", "、", (n, k) => (k === "settings" ? `${n} 項設定已修改` : `${n} 列`))}。現有資料不會被覆蓋。`,
    "en-US": `The sample only loads into a book whose eight tables are all empty; these already hold data: ${en}. Existing data is never overwritten.`,
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
