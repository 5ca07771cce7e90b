/** Small pieces every command shares: argument checks with localized messages, the book's presence. */
import { TABLES, type TableKey } from "../book/schema";
import { isIsoDate } from "../domain/dates";
import type { Localized } from "../domain/result";
import type { IsoDate, Lang } from "../domain/types";
import { commandError } from "./errors";
import type { LoadedBook } from "./readBookTables";
import type { TableInfo } from "./readBookTables";

export function checkDate(value: unknown, what: Localized): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    const got = JSON.stringify(value) ?? String(value);
    throw commandError("InvalidArgument", {
      "zh-CN": `${what["zh-CN"]}应为有效日期 YYYY-MM-DD（收到 ${got}）`,
      "zh-TW": `${what["zh-TW"]}應為有效日期 YYYY-MM-DD（收到 ${got}）`,
      "en-US": `${what["en-US"]} must be a real date YYYY-MM-DD (got ${got})`,
    });
  }
}

export const AS_OF: Localized = { "zh-CN": "基准日期", "zh-TW": "基準日期", "en-US": "The as-of date" };

/** The tables a command needs, or a NoBook error naming the missing ones (sheet names in the UI's languages). */
export function requireTables<X>(loaded: LoadedBook<X>, keys: readonly TableKey[]): Record<TableKey, TableInfo> {
  const missing = keys.filter((k) => !loaded.tables[k]);
  if (missing.length > 0) {
    const names = (l: Lang) => missing.map((k) => TABLES[k].sheet[l]).join(l === "en-US" ? ", " : "、");
    throw commandError("NoBook", {
      "zh-CN": `工作簿中没有客户簿的表格（缺少：${names("zh-CN")}）。请先在「账簿」页建立客户簿。`,
      "zh-TW": `活頁簿中沒有客戶簿的表格（缺少：${names("zh-TW")}）。請先在「帳簿」頁建立客戶簿。`,
      "en-US": `This workbook has no client book tables (missing: ${names("en-US")}). Set up the client book on the Book page first.`,
    });
  }
  return loaded.tables as Record<TableKey, TableInfo>;
}

export function requireClient(clientIds: Iterable<string>, clientId: unknown): asserts clientId is string {
  for (const id of clientIds) if (id === clientId) return;
  const got = JSON.stringify(clientId) ?? String(clientId);
  throw commandError("InvalidArgument", { "zh-CN": `客户簿中没有客户编号为 ${got} 的客户`, "zh-TW": `客戶簿中沒有客戶編號為 ${got} 的客戶`, "en-US": `There is no client with id ${got} in the book` });
}
