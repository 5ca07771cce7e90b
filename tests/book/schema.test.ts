import { columnCodeList, columnSpec, requiredColumns, sheetName, TABLE_KEYS, TABLES, tableKeyForName, SETTINGS } from "../../src/book/schema";
import { codeLabels } from "../../src/book/codes";
import { LANGS } from "../../src/domain/types";

// Column order of docs/ARCHITECTURE.md § The book.
const DESIGN_ORDER: Record<string, string[]> = {
  clients: [
    "ClientId", "Name", "Gender", "Birthday", "IdNumber", "Phone", "Email", "Address", "Occupation", "Employer", "Hobbies",
    "MaritalStatus", "Children", "AnnualIncome", "RiskLevel", "RiskAssessedOn", "Tier", "Tags", "PreferredChannel",
    "ContactWindow", "ReviewCadence", "Manager", "VerifiedOn", "Notes", "Documents", "IncomeCurrency",
  ],
  family: ["ClientId", "Name", "Relation", "Birthday", "SchoolOrWork", "Notes", "LinkedClientId"],
  holdings: ["HoldingId", "ClientId", "AssetClass", "ProductName", "Institution", "Amount", "StartDate", "MaturityDate", "RiskLevel", "UpdatedOn", "Notes", "Rate", "Currency"],
  policies: [
    "PolicyId", "ClientId", "Insured", "PolicyType", "Insurer", "ProductName", "StartDate", "TermYears", "SumInsured",
    "AnnualPremium", "CriticalIllness", "Beneficiary", "Status", "CriticalIllnessSum",
    "PremiumFrequency", "PremiumYears", "Payer", "Currency",
  ],
  contacts: ["ClientId", "Date", "Channel", "Summary", "NextAction", "NextDate"],
  // ProductName last: appended to existing books by set-up (src/excel/setupBook.ts).
  // Currency and Rate (issue #16) after it, appended the same way.
  reviews: ["ClientId", "ReviewDate", "HoldingId", "AssetClass", "Amount", "NetFlow", "ProductName", "Currency", "Rate"],
  settings: ["Key", "Value"],
  rates: ["Currency", "Rate", "Date"],
};

test("tables and columns follow docs/ARCHITECTURE.md", () => {
  for (const key of TABLE_KEYS) expect(TABLES[key].columns.map((c) => c.key)).toEqual(DESIGN_ORDER[key]);
});

test("Excel table names and localised sheet names", () => {
  expect(TABLE_KEYS.map((k) => TABLES[k].tableName)).toEqual(["Clients", "Family", "Holdings", "Policies", "Contacts", "Reviews", "Settings", "Rates"]);
  expect(TABLE_KEYS.map((k) => sheetName(k, "zh-CN"))).toEqual(["客户", "家庭成员", "资产", "保单", "联络记录", "检视记录", "设置", "汇率"]);
  expect(TABLE_KEYS.map((k) => sheetName(k, "zh-TW"))).toEqual(["客戶", "家庭成員", "資產", "保單", "聯絡記錄", "檢視記錄", "設定", "匯率"]);
  expect(TABLE_KEYS.map((k) => sheetName(k, "en-US"))).toEqual(["Clients", "Family", "Holdings", "Policies", "Contacts", "Reviews", "Settings", "Rates"]);
});

test("sheet names obey Excel's rules and are unique ignoring case", () => {
  for (const lang of LANGS) {
    const names = TABLE_KEYS.map((k) => sheetName(k, lang));
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  }
  for (const k of TABLE_KEYS) expect(TABLES[k].tableName).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
});

test("zh-CN headers are docs/ARCHITECTURE.md's", () => {
  const h = (key: string, field: string) => columnSpec(key as "clients", field).headers["zh-CN"];
  expect(h("clients", "clientId")).toBe("客户编号");
  expect(h("clients", "idNumber")).toBe("证件号码");
  expect(h("clients", "riskLevel")).toBe("风险等级");
  expect(h("clients", "contactWindow")).toBe("联络时间偏好");
  expect(h("clients", "reviewCadence")).toBe("检视频率");
  expect(h("holdings", "institution")).toBe("机构");
  expect(h("policies", "criticalIllness")).toBe("含重疾保障");
  expect(h("contacts", "nextDate")).toBe("下次联络日");
  expect(h("reviews", "netFlow")).toBe("期间净流入");
  expect(h("reviews", "productName")).toBe("产品名称");
});

test("Reviews' ProductName: optional text with the Holdings table's headers, appended after NetFlow", () => {
  const r = columnSpec("reviews", "productName");
  expect(r.headers).toEqual(columnSpec("holdings", "productName").headers);
  expect(r.headers).toEqual({ "zh-CN": "产品名称", "zh-TW": "產品名稱", "en-US": "Product Name" });
  expect([r.type, r.required, r.format]).toEqual(["text", false, "@"]);
  expect(TABLES.reviews.columns[6]).toBe(r);
});

test("every column has three headers, a format and a width", () => {
  for (const key of TABLE_KEYS) {
    for (const c of TABLES[key].columns) {
      for (const lang of LANGS) expect(c.headers[lang].trim()).not.toBe("");
      expect(c.width).toBeGreaterThan(0);
      if (c.type === "date") expect(c.format).toBe("yyyy-mm-dd");
      if (c.type === "amount") expect(c.format).toBe("#,##0.00");
      if (c.type === "int") expect(c.format).toBe("0");
      // Typed phone numbers keep leading zeros. (Settings values are numbers or words: General.)
      if ((c.type === "text" || c.type === "id") && key !== "settings") expect(c.format).toBe("@");
    }
  }
});

test("required columns", () => {
  expect(requiredColumns("clients").map((c) => c.key)).toEqual(["ClientId", "Name"]);
  expect(requiredColumns("holdings").map((c) => c.key)).toEqual(["HoldingId", "ClientId", "AssetClass", "ProductName", "Institution", "Amount"]);
  expect(requiredColumns("reviews").map((c) => c.key)).toEqual(["ClientId", "ReviewDate", "HoldingId", "AssetClass", "Amount"]);
  expect(columnSpec("reviews", "netFlow").signed).toBe(true);
  expect(columnSpec("holdings", "amount").signed).toBeUndefined();
});

test("validation lists of coded columns", () => {
  expect(columnCodeList(columnSpec("clients", "riskLevel"))).toBe("clientRisk");
  expect(columnCodeList(columnSpec("holdings", "riskLevel"))).toBe("productRisk");
  expect(columnCodeList(columnSpec("policies", "criticalIllness"))).toBe("yesNo");
  expect(columnCodeList(columnSpec("clients", "name"))).toBeUndefined();
  expect(codeLabels(columnCodeList(columnSpec("contacts", "channel"))!, "zh-CN")).toEqual(["T", "E", "M"]);
});

test("tables are found by table name or any sheet name", () => {
  expect(tableKeyForName("Clients")).toBe("clients");
  expect(tableKeyForName("客戶")).toBe("clients");
  expect(tableKeyForName("检视记录")).toBe("reviews");
  expect(tableKeyForName(" holdings ")).toBe("holdings");
  expect(tableKeyForName("客户一览")).toBeUndefined();
});

test("settings keys have three labels", () => {
  expect(SETTINGS.map((s) => s.field)).toEqual(["language", "currency", "incomeYears", "educationPerChild", "coverMultiple", "premiumRatio", "ciIncomeYears", "schemaVersion", "amountUnit"]);
  for (const s of SETTINGS) for (const lang of LANGS) expect(s.headers[lang]).toBeTruthy();
});

test("an unknown column is a programming error", () => expect(() => columnSpec("clients", "salary")).toThrow(/no column salary/));
