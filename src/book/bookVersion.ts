/**
 * Versions of the book's layout, and the in-place upgrade of an older book: what a book lacks compared with the
 * current layout — tables (TABLE_KEYS), columns (each table's schema columns, src/book/schema.ts) and Settings
 * rows (SETTINGS) — worked out generically from what the book has, never from a list of one release's columns, and
 * said in words in three languages. Adding is all an upgrade does: no row, column or user's own column is removed
 * or moved (new columns go last, as set-up appends them). A book of a newer version is read only: the writers
 * refuse it with newerBookMessage.
 *
 * The version is the Settings row SchemaVersion ("客户簿格式版本"); a Settings table without it is version 1
 * (UNVERSIONED_BOOK: every book written before versions existed), and the constant BOOK_SCHEMA_VERSION
 * (src/domain/types.ts) is the version this code writes. Both paths apply the plan: the Excel upgrade
 * (src/excel/setupBook.ts upgradeBook, opened by the pane) and the file one (upgradeRawTables below, for
 * `clientbook build`).
 * docs/ARCHITECTURE.md § 4, "Versions".
 */
import { BOOK_SCHEMA_VERSION, UNVERSIONED_BOOK, type BookSettings, type Lang } from "../domain/types";
import type { Localized } from "../domain/result";
import { matchHeaders } from "./headers";
import type { RawValue } from "./raw";
import { SETTINGS, TABLE_KEYS, TABLES, type TableKey } from "./schema";
import { readSettings, settingsRows } from "./settingsTable";

export { BOOK_SCHEMA_VERSION, UNVERSIONED_BOOK };

/** What a book has, as read: each table's header row (absent table: absent) and its Settings rows. */
export interface BookShape {
  headers: Partial<Record<TableKey, readonly RawValue[]>>;
  /** The settings that have a row in the Settings table (readSettings' `rows`). */
  settingRows: Partial<Record<keyof BookSettings, number>>;
  /** The version the Settings table says (readSettings: UNVERSIONED_BOOK without the row). */
  version: number;
}

/** A column the upgrade appends to an existing table, by its internal key. */
export interface AddedColumn {
  table: TableKey;
  /** The schema column's internal key, e.g. "CriticalIllnessSum". */
  key: string;
}

export interface UpgradePlan {
  /** The book's version as read (UNVERSIONED_BOOK for a book with no Settings table or no version row). */
  from: number;
  /** BOOK_SCHEMA_VERSION. */
  to: number;
  /** The book was written by a newer version: read it, write nothing, tell the manager to update. */
  newer: boolean;
  /** Tables the book lacks (created whole, with their sheets). */
  tables: TableKey[];
  /** Columns existing tables lack (appended last, in schema order). */
  columns: AddedColumn[];
  /** Settings rows the existing Settings table lacks (appended with their defaults). */
  settings: (keyof BookSettings)[];
  /** Something is to be written: a table, column or setting added, or the version row raised. */
  needed: boolean;
}

/** The shape of a book from its tables as read: header rows, and the Settings table's rows (to find its settings). */
export function shapeOf(tables: Partial<Record<TableKey, { headers: readonly RawValue[]; rows?: readonly RawValue[][] }>>): BookShape {
  const headers: BookShape["headers"] = {};
  for (const key of TABLE_KEYS) {
    const t = tables[key];
    if (t) headers[key] = t.headers;
  }
  const s = tables.settings;
  const read = s ? readSettings({ headers: [...s.headers], rows: (s.rows ?? []).map((r) => [...r]), headerRow: 1 }) : undefined;
  return { headers, settingRows: read?.rows ?? {}, version: read?.settings.schemaVersion ?? UNVERSIONED_BOOK };
}

/** Whether the tables found are a ClientBook book at all (a blank workbook is not upgraded, it is set up). */
export function isBook(shape: Pick<BookShape, "headers">): boolean {
  return TABLE_KEYS.some((k) => shape.headers[k] !== undefined);
}

/** What the book lacks compared with the current layout, and whether it is newer than this code. */
export function planUpgrade(shape: BookShape): UpgradePlan {
  const from = shape.headers.settings === undefined ? UNVERSIONED_BOOK : shape.version;
  const plan: UpgradePlan = { from, to: BOOK_SCHEMA_VERSION, newer: from > BOOK_SCHEMA_VERSION, tables: [], columns: [], settings: [], needed: false };
  if (plan.newer || !isBook(shape)) return plan;
  for (const key of TABLE_KEYS) {
    const headers = shape.headers[key];
    if (headers === undefined) {
      plan.tables.push(key);
      continue;
    }
    for (const col of matchHeaders(key, headers).missing) plan.columns.push({ table: key, key: col.key });
  }
  if (shape.headers.settings !== undefined) {
    for (const s of SETTINGS) if (shape.settingRows[s.field] === undefined) plan.settings.push(s.field);
  }
  plan.needed = plan.tables.length > 0 || plan.columns.length > 0 || plan.settings.length > 0 || from < BOOK_SCHEMA_VERSION;
  return plan;
}

const columnHeader = (table: TableKey, key: string, lang: Lang): string => TABLES[table].columns.find((c) => c.key === key)?.headers[lang] ?? key;
const settingHeader = (field: keyof BookSettings, lang: Lang): string => SETTINGS.find((s) => s.field === field)?.headers[lang] ?? field;

/** What an upgrade changed, in one paragraph per language: version, tables, columns per table, settings. */
export function upgradeSummary(plan: UpgradePlan): Localized {
  const byTable = new Map<TableKey, string[]>();
  for (const c of plan.columns) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c.key]);
  const zh = (lang: "zh-CN" | "zh-TW"): string => {
    const cn = lang === "zh-CN";
    const q = (s: string) => `「${s}」`;
    const parts: string[] = [];
    if (plan.tables.length > 0) parts.push(`新建表格${plan.tables.map((k) => q(TABLES[k].sheet[lang])).join("、")}`);
    for (const [table, keys] of byTable) parts.push(`${q(TABLES[table].sheet[lang])}${cn ? "表新增列" : "表新增欄"}${keys.map((k) => q(columnHeader(table, k, lang))).join("、")}`);
    if (plan.settings.length > 0) parts.push(`${q(TABLES.settings.sheet[lang])}${cn ? "表新增设置项" : "表新增設定項目"}${plan.settings.map((f) => q(settingHeader(f, lang))).join("、")}`);
    // a book already at this version that lacks an optional column added within it (e.g. IncomeCurrency) is
    // completed, not "upgraded from version 3 to 3"
    const head = plan.from === plan.to
      ? (cn ? `已补全第 ${plan.to} 版格式的客户簿` : `已補齊第 ${plan.to} 版格式的客戶簿`)
      : (cn ? `已将客户簿从第 ${plan.from} 版格式升级到第 ${plan.to} 版` : `已將客戶簿從第 ${plan.from} 版格式升級到第 ${plan.to} 版`);
    return `${head}${parts.length > 0 ? `：${parts.join("；")}` : ""}。${cn ? "原有资料均未删除或移动。" : "原有資料均未刪除或移動。"}`;
  };
  const enParts: string[] = [];
  if (plan.tables.length > 0) enParts.push(`added the table${plan.tables.length > 1 ? "s" : ""} ${plan.tables.map((k) => TABLES[k].sheet["en-US"]).join(", ")}`);
  for (const [table, keys] of byTable) enParts.push(`added to ${TABLES[table].sheet["en-US"]}: ${keys.map((k) => columnHeader(table, k, "en-US")).join(", ")}`);
  if (plan.settings.length > 0) enParts.push(`added the setting${plan.settings.length > 1 ? "s" : ""} ${plan.settings.map((f) => settingHeader(f, "en-US")).join(", ")}`);
  const enHead = plan.from === plan.to ? `Completed the book's format version ${plan.to}` : `Upgraded the book from format version ${plan.from} to ${plan.to}`;
  const en = `${enHead}${enParts.length > 0 ? `: ${enParts.join("; ")}` : ""}. No data was removed or moved.`;
  return { "zh-CN": zh("zh-CN"), "zh-TW": zh("zh-TW"), "en-US": en };
}

/** Why nothing is written to a book of a newer version, and what to do. */
export function newerBookMessage(version: number): Localized {
  return {
    "zh-CN": `此客户簿由较新版本的客户簿写入（格式第 ${version} 版，本加载项只认识到第 ${BOOK_SCHEMA_VERSION} 版）：只能查看，不会写入任何内容。请更新加载项（或请 IT 部署新版本）后再修改。`,
    "zh-TW": `此客戶簿由較新版本的客戶簿寫入（格式第 ${version} 版，本增益集只認得到第 ${BOOK_SCHEMA_VERSION} 版）：只能檢視，不會寫入任何內容。請更新增益集（或請 IT 部署新版本）後再修改。`,
    "en-US": `This book was written by a newer ClientBook (format version ${version}; this add-in knows up to version ${BOOK_SCHEMA_VERSION}): it is shown read-only and nothing is written to it. Update the add-in (or ask IT to deploy the new version) to change it.`,
  };
}

/** A table as read from a file: header row, rows, 1-based Excel row of the header. */
interface FileTable {
  headers: RawValue[];
  rows: RawValue[][];
  headerRow: number;
}

/**
 * The file path of the upgrade: the tables of a book read from a file, with the columns and Settings rows the plan
 * adds (headers and setting names in `lang`, the book's language) and the version raised. Existing cells stay where
 * they are: a column goes after the widest row (cells past the header row included), a setting after the last row;
 * a table the book lacks is left to the writer (it writes the book's own, empty). A newer book comes back as it is.
 */
export function upgradeRawTables<T extends FileTable>(tables: Partial<Record<TableKey, T>>, lang: Lang): { tables: Partial<Record<TableKey, T>>; plan: UpgradePlan } {
  const plan = planUpgrade(shapeOf(tables));
  if (plan.newer || !plan.needed) return { tables, plan };
  const out: Partial<Record<TableKey, T>> = { ...tables };
  for (const key of TABLE_KEYS) {
    const t = tables[key];
    const added = plan.columns.filter((c) => c.table === key);
    if (!t || added.length === 0) continue;
    const width = t.rows.reduce((w, r) => Math.max(w, r.length), t.headers.length);
    const pad = (r: readonly RawValue[]): RawValue[] => [...r, ...new Array<RawValue>(width - r.length).fill(null)];
    const headers = [...pad(t.headers), ...added.map((c) => columnHeader(key, c.key, lang))];
    out[key] = { ...t, headers, rows: t.rows.map((r) => [...pad(r), ...added.map(() => null)]) };
  }
  const s = tables.settings;
  if (s) {
    const match = matchHeaders("settings", s.headers);
    const keyAt = match.indexOf.get("key");
    const valueAt = match.indexOf.get("value");
    if (keyAt !== undefined && valueAt !== undefined) {
      const read = readSettings(s, lang);
      const pairs = settingsRows({ ...read.settings, language: lang, schemaVersion: BOOK_SCHEMA_VERSION }, lang);
      const rows = s.rows.map((r) => [...r]);
      const versionRow = read.rows.schemaVersion;
      if (versionRow !== undefined) rows[versionRow - s.headerRow - 1][valueAt] = BOOK_SCHEMA_VERSION;
      SETTINGS.forEach((spec, i) => {
        if (!plan.settings.includes(spec.field)) return;
        const row: RawValue[] = new Array<RawValue>(Math.max(s.headers.length, keyAt + 1, valueAt + 1)).fill(null);
        row[keyAt] = pairs[i][0];
        row[valueAt] = pairs[i][1];
        rows.push(row);
      });
      out.settings = { ...s, rows };
    }
  }
  return { tables: out, plan };
}
