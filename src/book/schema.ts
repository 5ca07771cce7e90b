/**
 * The book's tables: Excel table names, localised sheet names, and columns in docs/ARCHITECTURE.md order with their
 * internal keys, localised headers, cell types, required flags, number formats and width hints.
 * Settings is our addition: a Key/Value table holding BookSettings, so the DIME defaults and the header
 * language live in the workbook (and in files) rather than in add-in storage.
 */
import type { BookSettings, Client, Contact, FamilyMember, FxRate, Holding, Lang, Policy, ReviewRow } from "../domain/types";
import { WHOLE_LIFE_WORDS } from "../domain/premiums";
import type { CodeListKey } from "./codes";
import { normKey } from "./text";

// Rates comes after Settings: the tables before it keep the order books have always had.
export const TABLE_KEYS = ["clients", "family", "holdings", "policies", "contacts", "reviews", "settings", "rates"] as const;
export type TableKey = (typeof TABLE_KEYS)[number];
/** The tables that hold records (all but settings). */
export type RecordTableKey = Exclude<TableKey, "settings">;
export const RECORD_TABLE_KEYS = TABLE_KEYS.filter((k): k is RecordTableKey => k !== "settings");

export interface RecordOf {
  clients: Client;
  family: FamilyMember;
  holdings: Holding;
  policies: Policy;
  contacts: Contact;
  reviews: ReviewRow;
  rates: FxRate;
}

/**
 * Cell types. `amount` is a money amount (thousands separators, currency symbols, 万 allowed; never negative unless
 * the column is `signed`); `institution` is free text where 本行 / This bank means THIS_BANK.
 */
export type ColumnType =
  | "id" | "text" | "date" | "amount" | "int" | "number" | "bool" | "tags" | "institution" | "link"
  | `code:${CodeListKey}`;

export interface ColumnSpec {
  /** Record property. */
  field: string;
  /** Stable internal header key, e.g. "ClientId" (always recognised as a header). */
  key: string;
  headers: Record<Lang, string>;
  type: ColumnType;
  /** A blank cell rejects the row; a missing column rejects the table. */
  required: boolean;
  /** Amounts that may be negative (net flows). */
  signed?: boolean;
  /** Words that mean "blank" in this column, e.g. 终身 (whole life) for a policy term. */
  blankWords?: readonly string[];
  /** Inclusive bounds of a number column (a row error names them), e.g. a rate 0–1 so "2.5" meant as 2.5 % is refused. */
  min?: number;
  max?: number;
  /** Excel number format used when the table is set up. */
  format: string;
  /** Column width hint in characters. */
  width: number;
}

export interface TableSpec {
  key: TableKey;
  /** Excel table (ListObject) name. */
  tableName: string;
  sheet: Record<Lang, string>;
  columns: readonly ColumnSpec[];
}

const FORMATS: Record<string, string> = { date: "yyyy-mm-dd", amount: "#,##0.00", int: "0", number: "General", id: "@", text: "@", tags: "@", institution: "@", link: "@" };
const WIDTHS: Record<string, number> = { id: 10, date: 12, amount: 14, int: 8, number: 10, bool: 8, tags: 20, institution: 14, text: 14, link: 30 };

interface ColOpts { required?: boolean; signed?: boolean; width?: number; blankWords?: readonly string[]; format?: string; min?: number; max?: number }

function col<R>(field: keyof R & string, key: string, names: [string, string, string], type: ColumnType, opts: ColOpts = {}): ColumnSpec {
  const base = type.startsWith("code:") ? "code" : type;
  const spec: ColumnSpec = {
    field,
    key,
    headers: { "zh-CN": names[0], "zh-TW": names[1], "en-US": names[2] },
    type,
    required: opts.required ?? false,
    format: opts.format ?? FORMATS[base] ?? "General",
    width: opts.width ?? WIDTHS[base] ?? 10,
  };
  if (opts.signed) spec.signed = true;
  if (opts.blankWords) spec.blankWords = opts.blankWords;
  if (opts.min !== undefined) spec.min = opts.min;
  if (opts.max !== undefined) spec.max = opts.max;
  return spec;
}

const REQ = { required: true } as const;

const clients: ColumnSpec[] = [
  col<Client>("clientId", "ClientId", ["客户编号", "客戶編號", "Client ID"], "id", REQ),
  col<Client>("name", "Name", ["姓名", "姓名", "Name"], "text", { required: true, width: 10 }),
  col<Client>("gender", "Gender", ["性别", "性別", "Gender"], "code:gender", { width: 6 }),
  col<Client>("birthday", "Birthday", ["生日", "生日", "Birthday"], "date"),
  col<Client>("idNumber", "IdNumber", ["证件号码", "證件號碼", "ID Number"], "text", { width: 20 }),
  col<Client>("phone", "Phone", ["电话", "電話", "Phone"], "text", { width: 14 }),
  col<Client>("email", "Email", ["邮箱", "電子郵件", "Email"], "text", { width: 22 }),
  col<Client>("address", "Address", ["地址", "地址", "Address"], "text", { width: 28 }),
  col<Client>("occupation", "Occupation", ["职业", "職業", "Occupation"], "text"),
  col<Client>("employer", "Employer", ["工作单位", "工作單位", "Employer"], "text", { width: 18 }),
  col<Client>("hobbies", "Hobbies", ["爱好", "嗜好", "Hobbies"], "text", { width: 16 }),
  col<Client>("maritalStatus", "MaritalStatus", ["婚姻状况", "婚姻狀況", "Marital Status"], "code:maritalStatus"),
  col<Client>("children", "Children", ["子女数", "子女數", "Children"], "int"),
  col<Client>("annualIncome", "AnnualIncome", ["年收入", "年收入", "Annual Income"], "amount"),
  col<Client>("riskLevel", "RiskLevel", ["风险等级", "風險等級", "Risk Level"], "code:clientRisk"),
  col<Client>("riskAssessedOn", "RiskAssessedOn", ["风险评估日期", "風險評估日期", "Risk Assessed On"], "date"),
  col<Client>("tier", "Tier", ["客户分层", "客戶分層", "Tier"], "code:tier", { width: 8 }),
  col<Client>("tags", "Tags", ["标签", "標籤", "Tags"], "tags"),
  col<Client>("preferredChannel", "PreferredChannel", ["偏好联络方式", "偏好聯絡方式", "Preferred Channel"], "code:channel"),
  col<Client>("contactWindow", "ContactWindow", ["联络时间偏好", "聯絡時間偏好", "Contact Window"], "text", { width: 16 }),
  col<Client>("reviewCadence", "ReviewCadence", ["检视频率", "檢視頻率", "Review Cadence"], "code:cadence"),
  col<Client>("manager", "Manager", ["客户经理", "客戶經理", "Manager"], "text", { width: 10 }),
  col<Client>("verifiedOn", "VerifiedOn", ["资料核实日期", "資料核實日期", "Verified On"], "date"),
  col<Client>("notes", "Notes", ["备注", "備註", "Notes"], "text", { width: 30 }),
  // Last, so set-up appends it to an existing table; optional, so books from before it read as before. A path or
  // URL of the client's documents folder, checked by src/book/link.ts and shown as a hyperlink.
  col<Client>("documents", "Documents", ["资料链接", "資料連結", "Documents"], "link"),
  // Optional, appended last: the currency of AnnualIncome (a Taiwan or Hong Kong client paid in US dollars); blank is
  // the book's. An income written with its currency ("US$120,000") fills it (read.ts); fx.ts converts it.
  col<Client>("incomeCurrency", "IncomeCurrency", ["收入币种", "收入幣別", "Income Currency"], "code:currency", { width: 8 }),
];

const family: ColumnSpec[] = [
  col<FamilyMember>("clientId", "ClientId", ["客户编号", "客戶編號", "Client ID"], "id", REQ),
  col<FamilyMember>("name", "Name", ["姓名", "姓名", "Name"], "text", { required: true, width: 10 }),
  col<FamilyMember>("relation", "Relation", ["关系", "關係", "Relation"], "code:relation", REQ),
  col<FamilyMember>("birthday", "Birthday", ["生日", "生日", "Birthday"], "date"),
  col<FamilyMember>("schoolOrWork", "SchoolOrWork", ["学校或单位", "學校或單位", "School or Work"], "text", { width: 18 }),
  col<FamilyMember>("notes", "Notes", ["备注", "備註", "Notes"], "text", { width: 30 }),
  // Last, so set-up appends it to an existing table; optional, so books from before it read as before. The member
  // is also a client: that client's id (read.ts checks it names a client of the book, not the member's own client).
  col<FamilyMember>("linkedClientId", "LinkedClientId", ["关联客户编号", "關聯客戶編號", "Linked Client ID"], "id", { width: 12 }),
];

const holdings: ColumnSpec[] = [
  col<Holding>("holdingId", "HoldingId", ["资产编号", "資產編號", "Holding ID"], "id", REQ),
  col<Holding>("clientId", "ClientId", ["客户编号", "客戶編號", "Client ID"], "id", REQ),
  col<Holding>("assetClass", "AssetClass", ["资产类别", "資產類別", "Asset Class"], "code:assetClass", REQ),
  col<Holding>("productName", "ProductName", ["产品名称", "產品名稱", "Product Name"], "text", { required: true, width: 22 }),
  col<Holding>("institution", "Institution", ["机构", "機構", "Institution"], "institution", REQ),
  col<Holding>("amount", "Amount", ["金额", "金額", "Amount"], "amount", REQ),
  col<Holding>("startDate", "StartDate", ["起始日", "起始日", "Start Date"], "date"),
  col<Holding>("maturityDate", "MaturityDate", ["到期日", "到期日", "Maturity Date"], "date"),
  col<Holding>("riskLevel", "RiskLevel", ["风险等级", "風險等級", "Risk Level"], "code:productRisk"),
  col<Holding>("updatedOn", "UpdatedOn", ["更新日期", "更新日期", "Updated On"], "date"),
  col<Holding>("notes", "Notes", ["备注", "備註", "Notes"], "text", { width: 30 }),
  // Last, so set-up appends it to an existing table; optional, so books from before it read as before (no expected
  // proceeds). The stated annual rate of a deposit or wealth product; "2.5%" reads as 0.025 (src/domain/proceeds.ts).
  col<Holding>("rate", "Rate", ["年利率", "年利率", "Annual Rate"], "number", { format: "0.00%", min: 0, max: 1 }),
  // Last, so set-up appends it to an existing table; optional: blank is the book's currency (src/domain/fx.ts).
  col<Holding>("currency", "Currency", ["币种", "幣別", "Currency"], "code:currency", { width: 8 }),
];

const policies: ColumnSpec[] = [
  col<Policy>("policyId", "PolicyId", ["保单编号", "保單編號", "Policy ID"], "id", REQ),
  col<Policy>("clientId", "ClientId", ["客户编号", "客戶編號", "Client ID"], "id", REQ),
  col<Policy>("insured", "Insured", ["被保险人", "被保險人", "Insured"], "text", { required: true, width: 10 }),
  col<Policy>("policyType", "PolicyType", ["险种", "險種", "Policy Type"], "code:policyType", REQ),
  col<Policy>("insurer", "Insurer", ["保险公司", "保險公司", "Insurer"], "text", { required: true, width: 16 }),
  col<Policy>("productName", "ProductName", ["产品名称", "產品名稱", "Product Name"], "text", { width: 22 }),
  col<Policy>("startDate", "StartDate", ["生效日期", "生效日期", "Start Date"], "date"),
  col<Policy>("termYears", "TermYears", ["保障年限", "保障年期", "Term (Years)"], "int", { blankWords: WHOLE_LIFE_WORDS }),
  col<Policy>("sumInsured", "SumInsured", ["保额", "保額", "Sum Insured"], "amount", REQ),
  col<Policy>("annualPremium", "AnnualPremium", ["年缴保费", "年繳保費", "Annual Premium"], "amount", REQ),
  col<Policy>("criticalIllness", "CriticalIllness", ["含重疾保障", "含重疾保障", "Critical Illness Cover"], "bool", REQ),
  col<Policy>("beneficiary", "Beneficiary", ["受益人", "受益人", "Beneficiary"], "text", { width: 10 }),
  col<Policy>("status", "Status", ["状态", "狀態", "Status"], "code:policyStatus", REQ),
  // Last, so set-up appends it to an existing table; optional, so books from before it read as before (CI policies
  // count their SumInsured). The CI amount of a policy whose CI benefit differs from its sum insured (a life policy's
  // CI rider); see src/domain/protection.ts.
  col<Policy>("criticalIllnessSum", "CriticalIllnessSum", ["重疾保额", "重疾保額", "CI Sum Insured"], "amount"),
  // The premium schedule (src/domain/premiums.ts), last and optional so older books read as before: blank frequency =
  // annual (the AnnualPremium column), blank premium years = the cover term, blank payer = the client.
  col<Policy>("premiumFrequency", "PremiumFrequency", ["缴费方式", "繳費方式", "Premium Frequency"], "code:premiumFrequency"),
  col<Policy>("premiumYears", "PremiumYears", ["缴费年限", "繳費年期", "Premium Term (Years)"], "int", { min: 1, max: 100 }),
  col<Policy>("payer", "Payer", ["投保人", "要保人", "Policyholder (Payer)"], "text", { width: 10 }),
  // Optional, appended: the currency of SumInsured, AnnualPremium and CriticalIllnessSum; blank is the book's.
  col<Policy>("currency", "Currency", ["币种", "幣別", "Currency"], "code:currency", { width: 8 }),
];

const contacts: ColumnSpec[] = [
  col<Contact>("clientId", "ClientId", ["客户编号", "客戶編號", "Client ID"], "id", REQ),
  col<Contact>("date", "Date", ["日期", "日期", "Date"], "date", REQ),
  col<Contact>("channel", "Channel", ["方式", "方式", "Channel"], "code:channel", { required: true, width: 6 }),
  col<Contact>("summary", "Summary", ["内容摘要", "內容摘要", "Summary"], "text", { width: 36 }),
  col<Contact>("nextAction", "NextAction", ["下一步", "下一步", "Next Action"], "text", { width: 24 }),
  col<Contact>("nextDate", "NextDate", ["下次联络日", "下次聯絡日", "Next Date"], "date"),
];

const reviews: ColumnSpec[] = [
  col<ReviewRow>("clientId", "ClientId", ["客户编号", "客戶編號", "Client ID"], "id", REQ),
  col<ReviewRow>("reviewDate", "ReviewDate", ["检视日期", "檢視日期", "Review Date"], "date", REQ),
  col<ReviewRow>("holdingId", "HoldingId", ["资产编号", "資產編號", "Holding ID"], "id", REQ),
  col<ReviewRow>("assetClass", "AssetClass", ["资产类别", "資產類別", "Asset Class"], "code:assetClass", REQ),
  col<ReviewRow>("amount", "Amount", ["金额", "金額", "Amount"], "amount", REQ),
  col<ReviewRow>("netFlow", "NetFlow", ["期间净流入", "期間淨流入", "Net Flow"], "amount", { signed: true }),
  // Last, so set-up appends it to an existing table; optional, so books from before it still read. Headers as Holdings'.
  col<ReviewRow>("productName", "ProductName", ["产品名称", "產品名稱", "Product Name"], "text", { width: 22 }),
  // Optional, appended: the row's currency (blank = the book's) and the rate it was valued at, written when a review
  // is recorded so the review does not move when the Rates table changes (docs/ARCHITECTURE.md § Currencies).
  col<ReviewRow>("currency", "Currency", ["币种", "幣別", "Currency"], "code:currency", { width: 8 }),
  col<ReviewRow>("rate", "Rate", ["汇率", "匯率", "Rate"], "number", { width: 10 }),
];

/** Exchange rates: one unit of Currency is worth Rate units of the book currency from Date on (src/domain/currency.ts). */
const rates: ColumnSpec[] = [
  col<FxRate>("currency", "Currency", ["币种", "幣別", "Currency"], "code:currency", { required: true, width: 8 }),
  col<FxRate>("rate", "Rate", ["汇率", "匯率", "Rate"], "number", { required: true, width: 12 }),
  col<FxRate>("date", "Date", ["日期", "日期", "Date"], "date", REQ),
];

/** The Settings table's two columns; its rows are the settings below. */
const settings: ColumnSpec[] = [
  { field: "key", key: "Key", headers: { "zh-CN": "设置项", "zh-TW": "設定項目", "en-US": "Setting" }, type: "text", required: true, format: "@", width: 22 },
  { field: "value", key: "Value", headers: { "zh-CN": "值", "zh-TW": "值", "en-US": "Value" }, type: "text", required: true, format: "General", width: 14 },
];

export const TABLES: Readonly<Record<TableKey, TableSpec>> = {
  clients: { key: "clients", tableName: "Clients", sheet: { "zh-CN": "客户", "zh-TW": "客戶", "en-US": "Clients" }, columns: clients },
  family: { key: "family", tableName: "Family", sheet: { "zh-CN": "家庭成员", "zh-TW": "家庭成員", "en-US": "Family" }, columns: family },
  holdings: { key: "holdings", tableName: "Holdings", sheet: { "zh-CN": "资产", "zh-TW": "資產", "en-US": "Holdings" }, columns: holdings },
  policies: { key: "policies", tableName: "Policies", sheet: { "zh-CN": "保单", "zh-TW": "保單", "en-US": "Policies" }, columns: policies },
  contacts: { key: "contacts", tableName: "Contacts", sheet: { "zh-CN": "联络记录", "zh-TW": "聯絡記錄", "en-US": "Contacts" }, columns: contacts },
  reviews: { key: "reviews", tableName: "Reviews", sheet: { "zh-CN": "检视记录", "zh-TW": "檢視記錄", "en-US": "Reviews" }, columns: reviews },
  settings: { key: "settings", tableName: "Settings", sheet: { "zh-CN": "设置", "zh-TW": "設定", "en-US": "Settings" }, columns: settings },
  rates: { key: "rates", tableName: "Rates", sheet: { "zh-CN": "汇率", "zh-TW": "匯率", "en-US": "Rates" }, columns: rates },
};

/** One row of the Settings table: a BookSettings field, its key in each language, and its value type. */
export interface SettingSpec {
  field: keyof BookSettings;
  key: string;
  headers: Record<Lang, string>;
  type: ColumnType;
  /** Inclusive bounds for numbers. */
  min?: number;
  max?: number;
}

export const SETTINGS: readonly SettingSpec[] = [
  { field: "language", key: "Language", headers: { "zh-CN": "表头语言", "zh-TW": "表頭語言", "en-US": "Header Language" }, type: "code:language" },
  { field: "currency", key: "Currency", headers: { "zh-CN": "币种", "zh-TW": "幣別", "en-US": "Currency" }, type: "code:currency" },
  { field: "incomeYears", key: "IncomeYears", headers: { "zh-CN": "收入保障年数", "zh-TW": "收入保障年數", "en-US": "Years of Income (DIME)" }, type: "int", min: 0, max: 60 },
  { field: "educationPerChild", key: "EducationPerChild", headers: { "zh-CN": "每名子女教育金", "zh-TW": "每名子女教育金", "en-US": "Education per Child (DIME)" }, type: "amount" },
  { field: "coverMultiple", key: "CoverMultiple", headers: { "zh-CN": "保额收入倍数", "zh-TW": "保額收入倍數", "en-US": "Cover Multiple of Income" }, type: "number", min: 0, max: 100 },
  { field: "premiumRatio", key: "PremiumRatio", headers: { "zh-CN": "保费收入占比", "zh-TW": "保費收入占比", "en-US": "Premium Share of Income" }, type: "number", min: 0, max: 1 },
  // Last, so set-up appends it to an existing Settings table; a book without the row reads the default (5).
  { field: "ciIncomeYears", key: "CiIncomeYears", headers: { "zh-CN": "重疾保障年数", "zh-TW": "重疾保障年數", "en-US": "Years of Income (CI)" }, type: "number", min: 0, max: 30 },
  // The layout version that wrote the book (src/book/bookVersion.ts). No upper bound: a newer book must still read.
  { field: "schemaVersion", key: "SchemaVersion", headers: { "zh-CN": "客户簿格式版本", "zh-TW": "客戶簿格式版本", "en-US": "Book Format Version" }, type: "int", min: 1 },
  // Appended last (issue #15): a book without the row shows whole 元 as before.
  { field: "amountUnit", key: "AmountUnit", headers: { "zh-CN": "金额单位", "zh-TW": "金額單位", "en-US": "Amount Unit" }, type: "code:amountUnit" },
];

// ---- lookups ---------------------------------------------------------------------------------------------

/** The name of a setting in a language: the Settings table's key, and the label every sheet gives the parameter. */
export function settingHeader(field: keyof BookSettings, lang: Lang): string {
  const s = SETTINGS.find((x) => x.field === field);
  if (!s) throw new RangeError(`no setting ${String(field)}`);
  return s.headers[lang];
}

export function tableSpec(key: TableKey): TableSpec {
  return TABLES[key];
}

export function sheetName(key: TableKey, lang: Lang): string {
  return TABLES[key].sheet[lang];
}

export function columnSpec(key: TableKey, field: string): ColumnSpec {
  const c = TABLES[key].columns.find((col) => col.field === field);
  if (!c) throw new RangeError(`table ${key} has no column ${field}`);
  return c;
}

export function requiredColumns(key: TableKey): ColumnSpec[] {
  return TABLES[key].columns.filter((c) => c.required);
}

export function headerText(col: Pick<ColumnSpec, "headers">, lang: Lang): string {
  return col.headers[lang];
}

/** The code list a column's cells come from (for validation dropdowns), if any; bool columns use yesNo. */
export function columnCodeList(col: ColumnSpec): CodeListKey | undefined {
  if (col.type === "bool") return "yesNo";
  return col.type.startsWith("code:") ? (col.type.slice(5) as CodeListKey) : undefined;
}

const TABLE_BY_NAME = new Map<string, TableKey>();
for (const key of TABLE_KEYS) {
  const t = TABLES[key];
  for (const name of [key, t.tableName, ...Object.values(t.sheet)]) TABLE_BY_NAME.set(normKey(name), key);
}

/** The table for an Excel table name or a sheet name in any language ("Clients", "客户", "客戶", "clients"). */
export function tableKeyForName(name: string): TableKey | undefined {
  return TABLE_BY_NAME.get(normKey(name));
}
