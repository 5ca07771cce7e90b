/**
 * Row errors as sentences a manager understands, in zh-CN / zh-TW / en-US, e.g.
 * 「客户」第 12 行「生日」：“2024/13/40” 不是有效日期… — zh-TW says 列/欄 for row/column, as Excel does there.
 *
 * This is the book's row-error catalogue: one typed template table per language, keyed by RowErrorCode.
 * Catalogues (one per audience; tests/i18n/catalogues.test.ts checks each has every entry, non-empty, in all three
 * languages): pane taskpane/i18n.ts (key → string, {name} parameters) · sheets sheets/text.ts (typed object per
 * language) · book book/messages.ts, codes.ts, schema.ts (typed table per language) · function help
 * functions/metadataText.ts, helpText.ts · a message made where a value is refused: a Localized
 * { "zh-CN", "zh-TW", "en-US" } (domain/result.ts) — never positional (zhCN, zhTW, en) arguments.
 */
import type { Lang } from "../domain/types";
import { codeLabels } from "./codes";
import type { CodeListKey } from "./codes";
import type { RowError, RowErrorCode } from "./errors";
import { sheetName, TABLES } from "./schema";

interface Ctx {
  /** The value, quoted. */
  v: string;
  p: Record<string, string | number>;
  /** A list joined in the language's way. */
  join: (items: string[]) => string;
  e: RowError;
  lang: Lang;
}

type Templates = Record<RowErrorCode, (c: Ctx) => string>;

const MAX_VALUE = 40;

function quote(value: string | undefined, lang: Lang): string {
  const s = value === undefined ? "" : value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
  return lang === "en-US" ? `"${s}"` : `“${s}”`;
}

/** The localised headers of the columns named (by key) in params.columns. */
function columnNames(c: Ctx): string[] {
  const keys = String(c.p.columns ?? "").split(",").filter(Boolean);
  return keys.map((k) => TABLES[c.e.table].columns.find((col) => col.key === k)?.headers[c.lang] ?? k);
}

/** The Clients sheet's name as the error gives it, else its default name in the message language. */
function clientSheet(c: Ctx): string {
  return String(c.p.clientSheet ?? sheetName("clients", c.lang));
}

function allowed(c: Ctx): string {
  return c.join(codeLabels(String(c.p.list) as CodeListKey, c.lang));
}

const zhCN: Templates = {
  required: () => "必填，不能为空",
  cellError: (c) => `单元格显示错误值 ${c.v}，请先修正公式`,
  badDate: (c) => `${c.v} 不是有效日期（可填 2024-03-05、2024/3/5 或 2024年3月5日）`,
  badAmount: (c) => `${c.v} 不是有效金额（可填 1,234.56、¥5,000 或 5万）`,
  badInt: (c) => `${c.v} 不是整数`,
  badNumber: (c) => `${c.v} 不是有效数字`,
  badCode: (c) => `${c.v} 不是可选值，请填写：${allowed(c)}`,
  badBool: (c) => `${c.v} 请填写“是”或“否”`,
  negative: (c) => `${c.v} 不能为负数`,
  outOfRange: (c) => `${c.v} 超出允许范围 ${c.p.min}–${c.p.max}`,
  futureBirthday: (c) => `${c.v} 晚于 ${c.p.asOf}，生日不能在将来`,
  maturityBeforeStart: (c) => `到期日 ${c.v} 早于起始日 ${c.p.start}`,
  duplicateId: (c) => `编号 ${c.v} 与第 ${c.p.firstRow} 行重复（编号不分大小写和全角半角）`,
  duplicateReview: (c) => `资产 ${c.v} 在 ${c.p.date} 的检视记录与第 ${c.p.firstRow} 行重复`,
  unknownClient: (c) => `客户编号 ${c.v} 不在「${clientSheet(c)}」表中`,
  clientRejected: (c) => `客户 ${c.v} 所在的「${clientSheet(c)}」第 ${c.p.clientRow} 行有错误，请先修正该行`,
  linkedSelf: (c) => `${c.v} 就是这位家庭成员所属的客户，关联客户编号应填另一位客户`,
  missingColumns: (c) => `缺少必填列：${c.join(columnNames(c))}，此表未读入`,
  duplicateColumn: (c) => `与「${c.p.first}」是同一列，已忽略`,
  unknownSetting: (c) => `未知的设置项 ${c.v}，已忽略`,
  duplicateSetting: (c) => `设置项 ${c.v} 与第 ${c.p.firstRow} 行重复，已忽略`,
  badEncoding: (c) =>
    `字节 ${c.p.bytes} 不是有效的 ${c.p.encoding} 文本，无法可靠读取，此行未导入（按 Latin-1 读作 ${quote(String(c.p.latin1 ?? ""), c.lang)}）；请将文件另存为“CSV UTF-8”，或用 --encoding 指明编码`,
  extraCells: (c) => `比表头多出 ${c.p.count} 个单元格（${c.v}），通常是内容里有未加引号的逗号；此行未导入`,
  oddIdChar: (c) => `编号 ${c.v} 含有字符 ${quote(String(c.p.char), c.lang)}（${c.p.code}），看起来像普通字符，但按单个客户查找时找不到它；请改写为 ${quote(String(c.p.plain), c.lang)}`,
  badId: (c) => `编号 ${c.v} 含有制表符、换行或其他控制字符，看起来会与别的编号相同，请删去`,
  tooLong: (c) => `文本长 ${c.p.length} 个字符，超过 Excel 单元格上限 ${c.p.max}；此行未导入，全文保留在导入错误表中`,
  badLink: (c) => `${c.v} 不是可打开的资料链接：请填 https:// 开头的网址、D:\\客户资料\\… 这样的文件夹路径或 \\\\服务器\\共享 网络路径`,
  linkTooLong: (c) => `链接长 ${c.p.length} 个字符，超过 Excel 超链接地址上限 ${c.p.max}；请改用较短的文件夹路径`,
  currencyConflict: (c) => `${c.v} 写明的币种 ${c.p.currency} 与本行的币种 ${c.p.other} 不一致`,
  badRate: (c) => `汇率 ${c.v} 必须大于 0`,
  duplicateRate: (c) => `${c.p.currency} 在 ${c.v} 的汇率与第 ${c.p.firstRow} 行重复`,
  missingRate: (c) => `没有 ${c.p.currency} 在 ${c.p.date} 或之前的汇率，无法折算；请在「${sheetName("rates", c.lang)}」表中补上`,
};

const zhTW: Templates = {
  required: () => "必填，不可空白",
  cellError: (c) => `儲存格顯示錯誤值 ${c.v}，請先修正公式`,
  badDate: (c) => `${c.v} 不是有效日期（可填 2024-03-05、2024/3/5 或 2024年3月5日）`,
  badAmount: (c) => `${c.v} 不是有效金額（可填 1,234.56、NT$5,000 或 5萬）`,
  badInt: (c) => `${c.v} 不是整數`,
  badNumber: (c) => `${c.v} 不是有效數字`,
  badCode: (c) => `${c.v} 不是可選值，請填寫：${allowed(c)}`,
  badBool: (c) => `${c.v} 請填寫「是」或「否」`,
  negative: (c) => `${c.v} 不可為負數`,
  outOfRange: (c) => `${c.v} 超出允許範圍 ${c.p.min}–${c.p.max}`,
  futureBirthday: (c) => `${c.v} 晚於 ${c.p.asOf}，生日不可在未來`,
  maturityBeforeStart: (c) => `到期日 ${c.v} 早於起始日 ${c.p.start}`,
  duplicateId: (c) => `編號 ${c.v} 與第 ${c.p.firstRow} 列重複（編號不分大小寫和全形半形）`,
  duplicateReview: (c) => `資產 ${c.v} 在 ${c.p.date} 的檢視記錄與第 ${c.p.firstRow} 列重複`,
  unknownClient: (c) => `客戶編號 ${c.v} 不在「${clientSheet(c)}」表中`,
  clientRejected: (c) => `客戶 ${c.v} 所在的「${clientSheet(c)}」第 ${c.p.clientRow} 列有錯誤，請先修正該列`,
  linkedSelf: (c) => `${c.v} 就是這位家庭成員所屬的客戶，關聯客戶編號應填另一位客戶`,
  missingColumns: (c) => `缺少必填欄位：${c.join(columnNames(c))}，此表未讀入`,
  duplicateColumn: (c) => `與「${c.p.first}」是同一欄，已忽略`,
  unknownSetting: (c) => `未知的設定項目 ${c.v}，已忽略`,
  duplicateSetting: (c) => `設定項目 ${c.v} 與第 ${c.p.firstRow} 列重複，已忽略`,
  badEncoding: (c) =>
    `位元組 ${c.p.bytes} 不是有效的 ${c.p.encoding} 文字，無法可靠讀取，此列未匯入（以 Latin-1 讀作 ${quote(String(c.p.latin1 ?? ""), c.lang)}）；請將檔案另存為「CSV UTF-8」，或用 --encoding 指明編碼`,
  extraCells: (c) => `比標題列多出 ${c.p.count} 個儲存格（${c.v}），通常是內容裡有未加引號的逗號；此列未匯入`,
  oddIdChar: (c) => `編號 ${c.v} 含有字元 ${quote(String(c.p.char), c.lang)}（${c.p.code}），看起來像一般字元，但按單一客戶查找時找不到它；請改寫為 ${quote(String(c.p.plain), c.lang)}`,
  badId: (c) => `編號 ${c.v} 含有定位字元、換行或其他控制字元，看起來會與別的編號相同，請刪去`,
  tooLong: (c) => `文字長 ${c.p.length} 個字元，超過 Excel 儲存格上限 ${c.p.max}；此列未匯入，全文保留在匯入錯誤表中`,
  badLink: (c) => `${c.v} 不是可開啟的資料連結：請填 https:// 開頭的網址、D:\\客戶資料\\… 這樣的資料夾路徑或 \\\\伺服器\\共用 網路路徑`,
  linkTooLong: (c) => `連結長 ${c.p.length} 個字元，超過 Excel 超連結位址上限 ${c.p.max}；請改用較短的資料夾路徑`,
  currencyConflict: (c) => `${c.v} 寫明的幣別 ${c.p.currency} 與本列的幣別 ${c.p.other} 不一致`,
  badRate: (c) => `匯率 ${c.v} 必須大於 0`,
  duplicateRate: (c) => `${c.p.currency} 在 ${c.v} 的匯率與第 ${c.p.firstRow} 列重複`,
  missingRate: (c) => `沒有 ${c.p.currency} 在 ${c.p.date} 或之前的匯率，無法折算；請在「${sheetName("rates", c.lang)}」表中補上`,
};

const enUS: Templates = {
  required: () => "is required",
  cellError: (c) => `the cell shows the error ${c.v}; fix its formula first`,
  badDate: (c) => `${c.v} is not a valid date (use 2024-03-05, 2024/3/5 or 20240305)`,
  badAmount: (c) => `${c.v} is not a valid amount (use e.g. 1,234.56 or $5,000)`,
  badInt: (c) => `${c.v} is not a whole number`,
  badNumber: (c) => `${c.v} is not a number`,
  badCode: (c) => `${c.v} is not one of: ${allowed(c)}`,
  badBool: (c) => `${c.v} should be Yes or No`,
  negative: (c) => `${c.v} cannot be negative`,
  outOfRange: (c) => `${c.v} is outside ${c.p.min}–${c.p.max}`,
  futureBirthday: (c) => `${c.v} is after ${c.p.asOf}; a birthday cannot be in the future`,
  maturityBeforeStart: (c) => `maturity ${c.v} is before the start date ${c.p.start}`,
  duplicateId: (c) => `id ${c.v} repeats row ${c.p.firstRow} (ids ignore case and full-width forms)`,
  duplicateReview: (c) => `holding ${c.v} already has a review on ${c.p.date} (row ${c.p.firstRow})`,
  unknownClient: (c) => `client ${c.v} is not in the ${clientSheet(c)} table`,
  clientRejected: (c) => `client ${c.v} is on ${clientSheet(c)} row ${c.p.clientRow}, which has errors; fix that row first`,
  linkedSelf: (c) => `${c.v} is the client this family member belongs to; a linked client id names another client`,
  missingColumns: (c) => `required columns missing: ${c.join(columnNames(c))}; the table was not loaded`,
  duplicateColumn: (c) => `same column as "${c.p.first}"; ignored`,
  unknownSetting: (c) => `unknown setting ${c.v} was ignored`,
  duplicateSetting: (c) => `setting ${c.v} repeats row ${c.p.firstRow}; ignored`,
  badEncoding: (c) =>
    `bytes ${c.p.bytes} are not valid ${c.p.encoding} text, so the line cannot be read safely and was not imported (as Latin-1 it reads ${quote(String(c.p.latin1 ?? ""), c.lang)}); save the file as "CSV UTF-8" or name its encoding with --encoding`,
  extraCells: (c) => `${c.p.count} more cell${Number(c.p.count) > 1 ? "s" : ""} than the header has columns (${c.v}), usually an unquoted comma; not imported`,
  oddIdChar: (c) => `id ${c.v} holds the character ${quote(String(c.p.char), c.lang)} (${c.p.code}), which looks like a plain one but is not found when ClientBook looks up one client; write it as ${quote(String(c.p.plain), c.lang)}`,
  badId: (c) => `id ${c.v} holds a tab, line break or other control character, so it would look like another id; remove it`,
  tooLong: (c) => `text of ${c.p.length} characters is longer than an Excel cell holds (${c.p.max}); not imported, kept whole on the import-errors sheet`,
  badLink: (c) => `${c.v} is not a documents link that can be opened: use a web address starting with https://, a folder path such as D:\\Clients\\… or a network path \\\\server\\share`,
  linkTooLong: (c) => `the link is ${c.p.length} characters, longer than an Excel hyperlink address holds (${c.p.max}); use a shorter folder path`,
  currencyConflict: (c) => `${c.v} is in ${c.p.currency} but the row's currency is ${c.p.other}`,
  badRate: (c) => `rate ${c.v} must be above 0`,
  duplicateRate: (c) => `${c.p.currency} already has a rate on ${c.v} (row ${c.p.firstRow})`,
  missingRate: (c) => `no ${c.p.currency} rate dated on or before ${c.p.date} to convert with; add one to the ${sheetName("rates", c.lang)} table`,
};

/** Exported for tests/i18n/catalogues.test.ts, which checks every code reads in all three languages. */
export const ROW_ERROR_TEMPLATES: Readonly<Record<Lang, Templates>> = { "zh-CN": zhCN, "zh-TW": zhTW, "en-US": enUS };

function where(e: RowError, lang: Lang): string {
  switch (lang) {
    case "zh-CN":
      return `「${e.sheet}」第 ${e.row} 行${e.column !== undefined ? `「${e.column}」` : ""}：`;
    case "zh-TW":
      return `「${e.sheet}」第 ${e.row} 列${e.column !== undefined ? `「${e.column}」` : ""}：`;
    default:
      return `${e.sheet}, row ${e.row}${e.column !== undefined ? `, ${e.column}` : ""}: `;
  }
}

/** The error as one sentence in `lang`: where (sheet, row, column) and what is wrong. */
export function formatRowError(e: RowError, lang: Lang): string {
  const ctx: Ctx = {
    v: quote(e.value, lang),
    p: e.params ?? {},
    join: (items) => items.join(lang === "en-US" ? ", " : "、"),
    e,
    lang,
  };
  return where(e, lang) + ROW_ERROR_TEMPLATES[lang][e.code](ctx);
}
