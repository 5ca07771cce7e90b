import { columnForHeader, detectTable, matchHeaders } from "../../src/book/headers";
import { TABLE_KEYS, TABLES } from "../../src/book/schema";
import { LANGS } from "../../src/domain/types";

test("every column is recognised by its header in each language and by its key", () => {
  for (const key of TABLE_KEYS) {
    for (const col of TABLES[key].columns) {
      for (const h of [col.key, ...LANGS.map((l) => col.headers[l])]) expect(columnForHeader(key, h)).toBe(col);
    }
  }
});

test.each([
  ["客户编号", "clientId"],
  ["客戶編號", "clientId"],
  ["Client ID", "clientId"],
  ["client_id", "clientId"],
  ["CLIENTID", "clientId"],
  ["ＣｌｉｅｎｔＩＤ", "clientId"],
  [" 客户 编号： ", "clientId"],
  ["Annual-Income", "annualIncome"],
  ["年收入（元）", "annualIncome"],
  ["年收入(万元)", "annualIncome"],
  ["Annual Income [CNY]", "annualIncome"],
  ["risk_assessed_on", "riskAssessedOn"],
  ["婚姻狀況", "maritalStatus"],
])("clients header %j → %s", (h, field) => expect(columnForHeader("clients", h)?.field).toBe(field));

test("a user's own columns match nothing", () => {
  for (const h of ["我的备注2", "Salary", "", null, "客户"]) expect(columnForHeader("clients", h)).toBeUndefined();
});

test("matchHeaders: any order, extra columns, repeats, missing", () => {
  const m = matchHeaders("family", ["关系", "备注说明", "Client ID", "姓名", "客户编号"]);
  expect(m.columns.map((c) => c?.field)).toEqual(["relation", undefined, "clientId", "name", undefined]);
  expect(m.indexOf.get("clientId")).toBe(2);
  expect(m.duplicates).toEqual([{ index: 4, firstIndex: 2, column: TABLES.family.columns[0] }]);
  expect(m.missing.map((c) => c.key)).toEqual(["Birthday", "SchoolOrWork", "Notes", "LinkedClientId"]);
});

test("detectTable finds the table a header row belongs to", () => {
  expect(detectTable(["客户编号", "姓名", "关系", "生日"])).toBe("family");
  expect(detectTable(["Client ID", "Name", "Phone", "Birthday"])).toBe("clients");
  expect(detectTable(["資產編號", "客戶編號", "資產類別", "產品名稱", "機構", "金額"])).toBe("holdings");
  expect(detectTable(["ClientId", "ReviewDate", "HoldingId", "AssetClass", "Amount"])).toBe("reviews");
  // Reviews and Holdings share 产品名称: each table still finds its own header rows
  expect(detectTable(["客户编号", "检视日期", "资产编号", "资产类别", "金额", "期间净流入", "产品名称"])).toBe("reviews");
  expect(detectTable(["资产编号", "客户编号", "资产类别", "产品名称", "机构", "金额", "起始日", "到期日"])).toBe("holdings");
  expect(detectTable(["ClientId", "Date", "Channel"])).toBe("contacts");
  expect(detectTable(["Setting", "Value"])).toBe("settings");
  expect(detectTable(["foo", "bar"])).toBeUndefined();
});
