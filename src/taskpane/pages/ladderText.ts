/**
 * The texts of the task pane's maturity-ladder page and calendar export, in 简体中文, 繁體中文 and English. A catalogue
 * of its own (same shape as src/taskpane/i18n.ts: one flat keyed table per language, `{name}` parameters) because
 * the page is a lazy chunk: its texts load with it and add nothing to the pane's first load (issue 19, ≤150 KB).
 * Only the tab's label is in i18n.ts. tests/i18n/catalogues.test.ts checks this catalogue as it checks the others.
 */
import type { Lang } from "../../domain/types";
import { fillParams } from "../../domain/count";

const zhCN = {
  title: "到期阶梯",
  intro: "未来 12 个月（{from}–{to}）到期的存款、理财、债券等资产，按月份和资产类别。展开月份可看到期客户，点客户姓名打开客户页。",
  unit: "金额单位：{unit}（{currency}）",
  total: "12 个月合计 {amount}：{n} 笔，{clients} 位客户。",
  empty: "未来 12 个月没有到期的资产、保单或保费。",
  legend: "资产类别",
  missing: "{n} 笔外币资产或保单没有汇率，未计入合计：",
  monthNone: "无资产到期",
  monthCount: "{n} 笔 · {clients} 位客户",
  monthPolicies: "保障到期 {n} 份",
  bar: "{month} 按资产类别：{parts}",
  expected: "预计本息 {amount}",
  policies: "保障到期（保额，不计入合计）",
  premiums: "保费到期 {n} 笔，共 {amount}（不计入合计）",
  showAll: "显示其余 {n} 位客户",
  "export.open": "导出日历 (.ics)",
  "export.title": "导出到日历",
  "export.hint": "生成 iCalendar 文件（.ics），可导入 Outlook 或手机日历：检视到期、约定跟进、生日、资产到期和保费到期。每个事件只有日期、客户姓名和事由，不含金额、产品或电话。",
  "export.months": "时间范围",
  "export.monthsOption": "{n} 个月",
  "export.monthsOne": "1 个月",
  "export.noNames": "不写客户姓名（只写事由）",
  "export.noNamesHint": "适合同步到他人也能看到的日历。",
  "export.download": "下载 .ics 文件",
  "export.done": "已下载 {file}：{n} 个事件。",
  "export.none": "未来 {months} 个月没有事件，未生成文件。",
  "export.mac": "Mac 版 Excel 不允许加载项下载文件。请复制下面的文本，另存为 {file} 后用日历打开；也可在电脑上运行 clientbook calendar。",
  "export.text": "日历文本（iCalendar，{n} 个事件）",
  "export.copy": "复制文本",
  "export.copied": "已复制到剪贴板。",
  "export.copyFailed": "无法自动复制：请在文本框中全选后复制。",
} as const;

export type LadderTextKey = keyof typeof zhCN;
type Texts = Readonly<Record<LadderTextKey, string>>;

const zhTW: Texts = {
  title: "到期階梯",
  intro: "未來 12 個月（{from}–{to}）到期的存款、理財、債券等資產，依月份和資產類別。展開月份可看到期客戶，按一下客戶姓名即可開啟客戶頁。",
  unit: "金額單位：{unit}（{currency}）",
  total: "12 個月合計 {amount}：{n} 筆，{clients} 位客戶。",
  empty: "未來 12 個月沒有到期的資產、保單或保費。",
  legend: "資產類別",
  missing: "{n} 筆外幣資產或保單沒有匯率，未計入合計：",
  monthNone: "無資產到期",
  monthCount: "{n} 筆 · {clients} 位客戶",
  monthPolicies: "保障到期 {n} 份",
  bar: "{month} 依資產類別：{parts}",
  expected: "預計本息 {amount}",
  policies: "保障到期（保額，不計入合計）",
  premiums: "保費到期 {n} 筆，共 {amount}（不計入合計）",
  showAll: "顯示其餘 {n} 位客戶",
  "export.open": "匯出日曆 (.ics)",
  "export.title": "匯出到日曆",
  "export.hint": "產生 iCalendar 檔案（.ics），可匯入 Outlook 或手機日曆：檢視到期、約定跟進、生日、資產到期和保費到期。每個事件只有日期、客戶姓名和事由，不含金額、產品或電話。",
  "export.months": "時間範圍",
  "export.monthsOption": "{n} 個月",
  "export.monthsOne": "1 個月",
  "export.noNames": "不寫客戶姓名（只寫事由）",
  "export.noNamesHint": "適合同步到他人也能看到的日曆。",
  "export.download": "下載 .ics 檔案",
  "export.done": "已下載 {file}：{n} 個事件。",
  "export.none": "未來 {months} 個月沒有事件，未產生檔案。",
  "export.mac": "Mac 版 Excel 不允許增益集下載檔案。請複製下面的文字，另存為 {file} 後用日曆開啟；也可在電腦上執行 clientbook calendar。",
  "export.text": "日曆文字（iCalendar，{n} 個事件）",
  "export.copy": "複製文字",
  "export.copied": "已複製到剪貼簿。",
  "export.copyFailed": "無法自動複製：請在文字方塊中全選後複製。",
};

const enUS: Texts = {
  title: "Maturity ladder",
  intro: "What matures in the next 12 months ({from}–{to}): deposits, wealth products, bonds and more, by month and asset class. Open a month to see its clients; a client's name opens their page.",
  unit: "Amounts: {unit}, {currency}",
  total: "12 months: {amount} in {n} {n|holding|holdings} of {clients} {clients|client|clients}.",
  empty: "Nothing matures in the next 12 months: no holding, policy or premium.",
  legend: "Asset classes",
  missing: "{n} {n|holding or policy|holdings or policies} in another currency {n|has|have} no rate and {n|is|are} on no total:",
  monthNone: "No holding matures",
  monthCount: "holdings {n} · clients {clients}",
  monthPolicies: "cover ending {n}",
  bar: "{month} by asset class: {parts}",
  expected: "expected {amount}",
  policies: "Cover ending (sum insured, not in the totals)",
  premiums: "Premiums due: {n}, {amount} in all (not in the totals)",
  showAll: "Show the other {n} {n|client|clients}",
  "export.open": "Export calendar (.ics)",
  "export.title": "Export to a calendar",
  "export.hint": "An iCalendar file (.ics) for Outlook or a phone: reviews due, follow-ups, birthdays, maturities and premiums due. Each event has only the date, the client's name and the reason: no amounts, products or phone numbers.",
  "export.months": "Period",
  "export.monthsOption": "{n} {n|month|months}",
  "export.monthsOne": "1 month",
  "export.noNames": "Leave names out (reason only)",
  "export.noNamesHint": "For a calendar that others can see or that syncs elsewhere.",
  "export.download": "Download .ics file",
  "export.done": "Downloaded {file}: {n} {n|event|events}.",
  "export.none": "No events in the next {months} {months|month|months}: no file made.",
  "export.mac": "Excel for Mac does not let add-ins download files. Copy the text below, save it as {file} and open it with Calendar; or run clientbook calendar on a computer.",
  "export.text": "Calendar text (iCalendar, {n} {n|event|events})",
  "export.copy": "Copy text",
  "export.copied": "Copied to the clipboard.",
  "export.copyFailed": "Could not copy: select all the text in the box and copy it.",
};

export const LADDER_TEXTS: Readonly<Record<Lang, Texts>> = { "zh-CN": zhCN, "zh-TW": zhTW, "en-US": enUS };

/** The text for `key` in `lang`, with {name} parameters filled in (as i18n.ts t). */
export function lt(lang: Lang, key: LadderTextKey, params?: Record<string, string | number>): string {
  const s = LADDER_TEXTS[lang][key];
  return params ? fillParams(s, params) : s;
}
