import { decodeBook, readSettings, readTable } from "../../src/book/codec";
import type { RawTable, RawValue } from "../../src/book/raw";
import type { RowError } from "../../src/book/errors";
import { DEFAULT_SETTINGS, THIS_BANK } from "../../src/domain/types";
import { isoToSerial } from "../../src/domain/dates";

const table = (headers: RawValue[], rows: RawValue[][], headerRow = 1, sheet?: string): RawTable =>
  sheet === undefined ? { headers, rows, headerRow } : { headers, rows, headerRow, sheet };

/** The parts of an error a test pins down. */
const where = (e: RowError) => ({ table: e.table, row: e.row, column: e.column, code: e.code });

describe("a realistic zh-CN book", () => {
  const tables = {
    clients: table(
      ["客户编号", "姓名", "性别", "生日", "电话", "年收入", "风险等级", "标签", "偏好联络方式", "检视频率", "婚姻状况", "子女数", "客户分层", "备注"],
      [
        ["C0001", "李建国", "男", "1978/3/5", "13812345678", "60万", "稳健型", "喜欢新基金、有小孩", "电话", "月度", "已婚", 2, "A", "'=不是公式"],
        ["C0002", "王芳", "女", isoToSerial("1985-11-20"), 13987654321, "¥480,000.00", "C4", "工作时间勿电", "E", "季度", "离异", "1", "", ""],
        ["C0003", "张伟", "M", "1990年1月2日", "'0912345678", "", "进取", "", "", "", "", "", "", null],
      ],
    ),
    family: table(
      ["客户编号", "姓名", "关系", "生日", "学校或单位"],
      [
        ["C0001", "李明", "子女", "2014-09-01", "实验小学"],
        ["C0001", "刘梅", "配偶", "1980.7.8", "市一医院"],
      ],
    ),
    holdings: table(
      ["资产编号", "客户编号", "资产类别", "产品名称", "机构", "金额", "起始日", "到期日", "风险等级"],
      [
        ["H00001", "C0001", "理财", "稳健1号", "本行", "50万", "2024/1/15", "2025/1/15", "R2"],
        ["H00002", "C0001", "贷款", "住房贷款", "招商银行", "1,200,000", "2019-06-01", "", ""],
        ["H00003", "C0002", "基金", "沪深300指数", "本行", 125000.5, isoToSerial("2023-03-01"), null, "R4"],
      ],
    ),
    policies: table(
      ["保单编号", "客户编号", "被保险人", "险种", "保险公司", "保额", "年缴保费", "含重疾保障", "状态", "保障年限"],
      [["P001", "C0001", "李建国", "重疾", "平安人寿", "50万", "12,000", "是", "有效", "终身"]], // whole life: no term
    ),
    contacts: table(["客户编号", "日期", "方式", "内容摘要"], [["C0002", "2025-01-06 10:30", "T", "约季度检视"]]),
    reviews: table(
      ["客户编号", "检视日期", "资产编号", "资产类别", "金额", "期间净流入"],
      [
        ["C0001", "2024-12-31", "H00001", "理财", "49.5万", "-5,000"],
        ["C0001", "2024-12-31", "H00099", "股票", 8000, ""], // sold since: unknown holding is fine
      ],
    ),
  };
  const { book, errors, rows } = decodeBook(tables, { asOf: "2025-03-01" });

  test("no errors", () => expect(errors).toEqual([]));

  test("clients", () => {
    expect(book.clients).toStrictEqual([
      {
        clientId: "C0001", name: "李建国", gender: "M", birthday: "1978-03-05", phone: "13812345678", annualIncome: 600000,
        riskLevel: "C2", tags: ["喜欢新基金", "有小孩"], preferredChannel: "T", reviewCadence: "Monthly", maritalStatus: "Married",
        children: 2, tier: "A", notes: "=不是公式",
      },
      {
        clientId: "C0002", name: "王芳", gender: "F", birthday: "1985-11-20", phone: "13987654321", annualIncome: 480000,
        riskLevel: "C4", tags: ["工作时间勿电"], preferredChannel: "E", reviewCadence: "Quarterly", maritalStatus: "Divorced", children: 1,
      },
      { clientId: "C0003", name: "张伟", gender: "M", birthday: "1990-01-02", phone: "0912345678", riskLevel: "C5" },
    ]);
    expect(rows.clients).toEqual([2, 3, 4]);
  });

  test("family, holdings, policies, contacts, reviews", () => {
    expect(book.family).toStrictEqual([
      { clientId: "C0001", name: "李明", relation: "Child", birthday: "2014-09-01", schoolOrWork: "实验小学" },
      { clientId: "C0001", name: "刘梅", relation: "Spouse", birthday: "1980-07-08", schoolOrWork: "市一医院" },
    ]);
    expect(book.holdings).toStrictEqual([
      { holdingId: "H00001", clientId: "C0001", assetClass: "WealthProduct", productName: "稳健1号", institution: THIS_BANK, amount: 500000, startDate: "2024-01-15", maturityDate: "2025-01-15", riskLevel: "R2" },
      { holdingId: "H00002", clientId: "C0001", assetClass: "Loan", productName: "住房贷款", institution: "招商银行", amount: 1200000, startDate: "2019-06-01" },
      { holdingId: "H00003", clientId: "C0002", assetClass: "Fund", productName: "沪深300指数", institution: THIS_BANK, amount: 125000.5, startDate: "2023-03-01", riskLevel: "R4" },
    ]);
    expect(book.policies).toStrictEqual([
      { policyId: "P001", clientId: "C0001", insured: "李建国", policyType: "CriticalIllness", insurer: "平安人寿", sumInsured: 500000, annualPremium: 12000, criticalIllness: true, status: "InForce" },
    ]);
    expect(book.contacts).toStrictEqual([{ clientId: "C0002", date: "2025-01-06", channel: "T", summary: "约季度检视" }]);
    expect(book.reviews).toStrictEqual([
      { clientId: "C0001", reviewDate: "2024-12-31", holdingId: "H00001", assetClass: "WealthProduct", amount: 495000, netFlow: -5000 },
      { clientId: "C0001", reviewDate: "2024-12-31", holdingId: "H00099", assetClass: "Stock", amount: 8000 },
    ]);
  });

  test("a missing table is empty and settings default", () => {
    expect(decodeBook({ clients: tables.clients }).book.holdings).toEqual([]);
    expect(book.settings).toEqual(DEFAULT_SETTINGS);
  });
});

test("zh-TW headers in another order, with the user's own columns, 繁體 codes", () => {
  const { book, errors } = decodeBook({
    clients: table(
      ["我的分類", "姓名", "風險等級", "客戶編號", "婚姻狀況", "年收入（元）", "聯絡時間偏好", "檢視頻率"],
      [["VIP", "陳淑芬", "穩健型", "T001", "喪偶", "NT$1,200,000", "工作時間勿電", "半年度"]],
      4,
      "客戶",
    ),
    holdings: table(
      ["金額", "機構", "資產類別", "產品名稱", "客戶編號", "資產編號", "備註說明", "到期日", "起始日"],
      [
        ["120萬", "本行", "理財", "月月盈", "T001", "TH1", "自己的備註", "2026年1月2日", "2025年1月2日"],
        ["３０萬", "國泰世華", "債券", "公司債", "T001", "TH2", "", "", ""],
      ],
      4,
    ),
    policies: table(
      ["險種", "保單編號", "客戶編號", "被保險人", "保險公司", "保額", "年繳保費", "含重疾保障", "狀態"],
      [["壽險", "TP1", "T001", "陳淑芬", "國泰人壽", "500萬", "3.6萬", "否", "滿期"]],
    ),
  });
  expect(errors).toEqual([]);
  expect(book.clients).toStrictEqual([
    // NT$ names the income's currency: TWD in this CNY book (IncomeCurrency, issue #16), never read as CNY 1,200,000
    { clientId: "T001", name: "陳淑芬", riskLevel: "C2", maritalStatus: "Widowed", annualIncome: 1200000, contactWindow: "工作時間勿電", reviewCadence: "Semiannual", incomeCurrency: "TWD" },
  ]);
  expect(book.holdings).toStrictEqual([
    { holdingId: "TH1", clientId: "T001", assetClass: "WealthProduct", productName: "月月盈", institution: THIS_BANK, amount: 1200000, startDate: "2025-01-02", maturityDate: "2026-01-02" },
    { holdingId: "TH2", clientId: "T001", assetClass: "Bond", productName: "公司債", institution: "國泰世華", amount: 300000 },
  ]);
  expect(book.policies[0]).toMatchObject({ policyType: "Life", sumInsured: 5000000, annualPremium: 36000, criticalIllness: false, status: "Matured" });
});

test("en-US headers and English codes, and internal keys as headers", () => {
  const { book, errors } = decodeBook({
    clients: table(["Client ID", "Name", "Gender", "Risk Level", "Preferred Channel", "Review Cadence", "Tags"], [["E1", "Alice Chan", "F", "Balanced", "email", "Semi-annual", "golf; kids"]]),
    family: table(["ClientId", "Name", "Relation", "Birthday"], [["E1", "Bob Chan", "Husband", "1979-02-28"]]),
    policies: table(
      ["Policy ID", "Client ID", "Insured", "Policy Type", "Insurer", "Sum Insured", "Annual Premium", "Critical Illness Cover", "Status", "Term (Years)"],
      [["EP1", "E1", "Bob Chan", "Critical Illness", "AIA", "$1,000,000", "HK$ 20,000", "Y", "In Force", "20 年"]],
    ),
    contacts: table(["Client ID", "Date", "Channel", "Next Date"], [["E1", "2025/2/3", "meeting", "2025-05-03"]]),
  });
  expect(errors).toEqual([]);
  expect(book.clients[0]).toStrictEqual({ clientId: "E1", name: "Alice Chan", gender: "F", riskLevel: "C3", preferredChannel: "E", reviewCadence: "Semiannual", tags: ["golf", "kids"] });
  expect(book.family[0]).toStrictEqual({ clientId: "E1", name: "Bob Chan", relation: "Spouse", birthday: "1979-02-28" });
  expect(book.policies[0]).toStrictEqual({
    policyId: "EP1", clientId: "E1", insured: "Bob Chan", policyType: "CriticalIllness", insurer: "AIA", sumInsured: 1000000,
    annualPremium: 20000, criticalIllness: true, status: "InForce", termYears: 20,
    // issue #16: "HK$ 20,000" names its currency (it was read as 20,000 of the book's currency); "$" names none
    currency: "HKD",
  });
  expect(book.contacts[0]).toStrictEqual({ clientId: "E1", date: "2025-02-03", channel: "M", nextDate: "2025-05-03" });
});

describe("Reviews' ProductName (a snapshot of the holding's name, appended last)", () => {
  const clients = table(["客户编号", "姓名"], [["C1", "甲"]]);
  const row = (name: RawValue, id = "H00123") => ["C1", "2024-12-31", id, "理财", 100, "", name];

  test.each([
    ["zh-CN", ["客户编号", "检视日期", "资产编号", "资产类别", "金额", "期间净流入", "产品名称"]],
    ["zh-TW", ["客戶編號", "檢視日期", "資產編號", "資產類別", "金額", "期間淨流入", "產品名稱"]],
    ["en-US", ["Client ID", "Review Date", "Holding ID", "Asset Class", "Amount", "Net Flow", "Product Name"]],
  ])("read under %s headers; blank is absent, a text prefix is dropped", (_lang, headers) => {
    const { book, errors } = decodeBook({ clients, reviews: table(headers, [row("招银理财日日金"), row("  ", "H2"), row("'=1+1", "H3")]) });
    expect(errors).toEqual([]);
    expect(book.reviews).toStrictEqual([
      { clientId: "C1", reviewDate: "2024-12-31", holdingId: "H00123", assetClass: "WealthProduct", amount: 100, productName: "招银理财日日金" },
      { clientId: "C1", reviewDate: "2024-12-31", holdingId: "H2", assetClass: "WealthProduct", amount: 100 },
      { clientId: "C1", reviewDate: "2024-12-31", holdingId: "H3", assetClass: "WealthProduct", amount: 100, productName: "=1+1" },
    ]);
  });

  test("an old book without the column reads with no error, and no names", () => {
    const { book, errors } = decodeBook({ clients, reviews: table(["客户编号", "检视日期", "资产编号", "资产类别", "金额", "期间净流入"], [row("x").slice(0, 6)]) });
    expect(errors).toEqual([]);
    expect(book.reviews).toStrictEqual([{ clientId: "C1", reviewDate: "2024-12-31", holdingId: "H00123", assetClass: "WealthProduct", amount: 100 }]);
  });
});

describe("row errors: what, where, and the good rows untouched", () => {
  const clients = table(
    ["客户编号", "姓名", "生日", "年收入", "风险等级", "子女数", "额外列"],
    [
      ["C1", "甲", "1980-01-01", "10万", "C1", 1, "x"], //      row 4: good
      ["C2", "", "1980-01-01", "", "", "", ""], //              row 5: name blank
      ["C3", "丙", "2024/13/40", "", "", "", ""], //            row 6: bad date
      ["C4", "丁", "", "十万", "", "", ""], //                   row 7: bad amount
      ["C5", "戊", "", "-100", "", "", ""], //                  row 8: negative
      ["C6", "己", "", "", "C9", "", ""], //                    row 9: bad code
      ["C7", "庚", "", "", "", "2.5", ""], //                   row 10: not a whole number
      ["C1", "甲二", "", "", "", "", ""], //                     row 11: duplicate of row 4
      [null, null, null, null, null, null, null], //            row 12: blank, skipped
      ["", " ", "", "", "", "", "only my column"], //           row 13: blank as far as the book goes
      ["C8", "辛", "2030-01-01", "", "", "", ""], //            row 14: future birthday
      ["C9", "#N/A", "", "", "", "", ""], //                    row 15: Excel error
      ["C10", "壬", "1990-05-05", "", "C3", "", ""], //         row 16: good
    ],
    3,
    "客户",
  );
  const holdings = table(
    ["资产编号", "客户编号", "资产类别", "产品名称", "机构", "金额", "起始日", "到期日"],
    [
      ["H1", "C1", "存款", "定期", "本行", 1000, "2024-01-01", "2025-01-01"], //   row 2: good
      ["H2", "C1", "存款", "定期", "本行", 1000, "2024-01-01", "2023-12-31"], //   row 3: maturity before start
      ["H3", "C404", "基金", "某基金", "本行", 1000, "", ""], //                  row 4: unknown client
      ["H4", "C3", "基金", "某基金", "本行", 1000, "", ""], //                    row 5: client row rejected
      ["H5", "C1", "字画", "齐白石", "本行", 1000, "", ""], //                      row 6: bad class
      ["H1", "C10", "存款", "活期", "本行", 5, "", ""], //                        row 7: duplicate id
      ["H6", "C10", "股票", "茅台", "他行", "", "", ""], //                       row 8: amount required
    ],
  );
  const policies = table(
    ["保单编号", "客户编号", "被保险人", "险种", "保险公司", "保额", "年缴保费", "含重疾保障", "状态"],
    [
      ["P1", "C1", "甲", "寿险", "X", 1, 1, "也许", "有效"], // row 2: bad bool
      ["P2", "C10", "壬", "寿险", "X", 1, 1, "否", "有效"], //  row 3: good
    ],
  );
  const reviews = table(
    ["客户编号", "检视日期", "资产编号", "资产类别", "金额", "期间净流入"],
    [
      ["C1", "2024-12-31", "H1", "存款", 100, -50], //         row 2: good (net flow may be negative)
      ["C1", "2024-12-31", "H1", "存款", 100, 0], //           row 3: same holding, same review
      ["C1", "2025-03-31", "H404", "字画", 100, ""], //        row 4: unknown holding is fine, the class is not
      ["C1", "2025-03-31", "H1", "存款", 100, ""], //          row 5: good
    ],
  );
  const { book, errors } = decodeBook({ clients, holdings, policies, reviews }, { asOf: "2025-03-01" });

  test("each bad row is reported once per problem with its Excel row and header", () => {
    expect(errors.map(where)).toEqual([
      { table: "clients", row: 5, column: "姓名", code: "required" },
      { table: "clients", row: 6, column: "生日", code: "badDate" },
      { table: "clients", row: 7, column: "年收入", code: "badAmount" },
      { table: "clients", row: 8, column: "年收入", code: "negative" },
      { table: "clients", row: 9, column: "风险等级", code: "badCode" },
      { table: "clients", row: 10, column: "子女数", code: "badInt" },
      { table: "clients", row: 11, column: "客户编号", code: "duplicateId" },
      { table: "clients", row: 14, column: "生日", code: "futureBirthday" },
      { table: "clients", row: 15, column: "姓名", code: "cellError" },
      { table: "holdings", row: 3, column: "到期日", code: "maturityBeforeStart" },
      { table: "holdings", row: 4, column: "客户编号", code: "unknownClient" },
      { table: "holdings", row: 5, column: "客户编号", code: "clientRejected" },
      { table: "holdings", row: 6, column: "资产类别", code: "badCode" },
      { table: "holdings", row: 7, column: "资产编号", code: "duplicateId" },
      { table: "holdings", row: 8, column: "金额", code: "required" },
      { table: "policies", row: 2, column: "含重疾保障", code: "badBool" },
      { table: "reviews", row: 3, column: "资产编号", code: "duplicateReview" },
      { table: "reviews", row: 4, column: "资产类别", code: "badCode" },
    ]);
  });

  test("errors carry the sheet, the column position, the value and parameters", () => {
    const byRow = (t: string, r: number) => errors.find((e) => e.table === t && e.row === r)!;
    expect(byRow("clients", 6)).toEqual({ table: "clients", sheet: "客户", row: 6, column: "生日", columnIndex: 2, value: "2024/13/40", code: "badDate" });
    expect(byRow("clients", 9).params).toEqual({ list: "clientRisk" });
    expect(byRow("clients", 11)).toMatchObject({ value: "C1", params: { firstRow: 4 } });
    expect(byRow("clients", 14).params).toEqual({ asOf: "2025-03-01" });
    expect(byRow("holdings", 3)).toMatchObject({ sheet: "资产", value: "2023-12-31", params: { start: "2024-01-01" } });
    expect(byRow("holdings", 5).params).toMatchObject({ clientRow: 6, clientSheet: "客户" });
    expect(byRow("reviews", 3).params).toEqual({ firstRow: 2, date: "2024-12-31" });
    expect(byRow("clients", 5).value).toBeUndefined();
  });

  test("good rows are all there, unchanged", () => {
    expect(book.clients).toStrictEqual([
      { clientId: "C1", name: "甲", birthday: "1980-01-01", annualIncome: 100000, riskLevel: "C1", children: 1 },
      { clientId: "C10", name: "壬", birthday: "1990-05-05", riskLevel: "C3" },
    ]);
    expect(book.holdings.map((h) => h.holdingId)).toEqual(["H1"]);
    expect(book.holdings[0].productName).toBe("定期"); // the first H1 is kept, not the later one
    expect(book.policies.map((p) => p.policyId)).toEqual(["P2"]);
    expect(book.reviews).toStrictEqual([
      { clientId: "C1", reviewDate: "2024-12-31", holdingId: "H1", assetClass: "Deposit", amount: 100, netFlow: -50 },
      { clientId: "C1", reviewDate: "2025-03-31", holdingId: "H1", assetClass: "Deposit", amount: 100 },
    ]);
  });

  test("without asOf the future-birthday check is skipped", () => {
    const r = decodeBook({ clients });
    expect(r.errors.some((e) => e.code === "futureBirthday")).toBe(false);
    expect(r.book.clients.map((c) => c.clientId)).toContain("C8");
  });

  test("a row with several problems reports each", () => {
    const r = readTable("clients", table(["客户编号", "姓名", "生日", "年收入"], [["C1", "", "x", "y"]]));
    expect(r.errors.map((e) => e.code)).toEqual(["required", "badDate", "badAmount"]);
    expect(r.records).toEqual([]);
  });

  test("a duplicate after a rejected first row is kept (a bad row claims no id)", () => {
    const r = readTable("clients", table(["客户编号", "姓名", "生日"], [["C1", "甲", "bad"], ["C1", "乙", ""]]));
    expect(r.records).toEqual([{ clientId: "C1", name: "乙" }]);
    expect(r.rows).toEqual([3]);
    expect(r.errors.map((e) => e.code)).toEqual(["badDate"]);
  });
});

describe("table-level problems", () => {
  test("a missing required column is one error for the table, not one per row", () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`H${i}`, "C1", "存款", "x", 100]);
    const { book, errors } = decodeBook({
      clients: table(["客户编号", "姓名"], [["C1", "甲"]]),
      holdings: table(["资产编号", "客户编号", "资产类别", "产品名称", "金额"], rows, 2, "资产"),
    });
    expect(errors).toEqual([{ table: "holdings", sheet: "资产", row: 2, code: "missingColumns", params: { columns: "Institution" } }]);
    expect(book.holdings).toEqual([]);
    expect(book.clients).toHaveLength(1);
  });

  test("an empty header row names every missing required column at once", () => {
    const r = readTable("contacts", table([], [["x"]]));
    expect(r.errors).toEqual([{ table: "contacts", sheet: "联络记录", row: 1, code: "missingColumns", params: { columns: "ClientId,Date,Channel" } }]);
  });

  test("a column given twice: the first is read, the second reported and ignored", () => {
    const r = readTable("family", table(["客户编号", "姓名", "关系", "Name"], [["C1", "甲", "子女", "乙"]]));
    expect(r.records).toEqual([{ clientId: "C1", name: "甲", relation: "Child" }]);
    expect(r.errors).toEqual([{ table: "family", sheet: "家庭成员", row: 1, column: "Name", columnIndex: 3, code: "duplicateColumn", params: { first: "姓名" } }]);
  });

  test("default sheet names follow the book's language; RawTable.sheet wins", () => {
    const settings = table(["Setting", "Value"], [["Header Language", "English"]]);
    const r = decodeBook({ settings, clients: table(["Client ID", "Name"], [["C1", ""]]), family: table(["Client ID", "Name", "Relation"], [["C2", "x", "Child"]], 1, "Fam") });
    expect(r.errors.map((e) => e.sheet)).toEqual(["Clients", "Fam"]);
  });
});

describe("settings", () => {
  test("keys in any language, values in any form", () => {
    const r = readSettings(
      table(
        ["设置项", "值", "说明"],
        [
          ["表头语言", "繁體中文", ""],
          ["Currency", "新臺幣", ""],
          ["收入保障年數", "15", ""],
          ["educationPerChild", "80万", ""],
          ["保额收入倍数", 8, ""],
          ["Premium Share of Income", "12%", ""],
        ],
      ),
    );
    expect(r.errors).toEqual([]);
    // A book from before the CiIncomeYears row reads its default (5); without a SchemaVersion row it is version 1;
    // from before the AmountUnit row, whole 元 (issue #15).
    expect(r.settings).toEqual({ language: "zh-TW", currency: "TWD", incomeYears: 15, educationPerChild: 800000, coverMultiple: 8, premiumRatio: 0.12, ciIncomeYears: 5, schemaVersion: 1, amountUnit: "Yuan" });
    expect(r.rows).toEqual({ language: 2, currency: 3, incomeYears: 4, educationPerChild: 5, coverMultiple: 6, premiumRatio: 7 });
  });

  test("missing rows take the defaults; unknown, repeated and bad rows are reported", () => {
    const r = readSettings(
      table(
        ["Setting", "Value"],
        [
          ["颜色", "红"], //            row 2: unknown
          ["币种", "火星币"], //        row 3: bad code
          ["币种", "HKD"], //           row 4: first good currency
          ["Currency", "USD"], //       row 5: repeat
          ["保费收入占比", "150%"], //  row 6: out of range
          ["收入保障年数", ""], //      row 7: value required
          ["", "5"], //                 row 8: key required
          [null, null], //              row 9: blank
        ],
      ),
      "en-US",
    );
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "Setting", "unknownSetting"],
      [3, "Value", "badCode"],
      [5, "Setting", "duplicateSetting"],
      [6, "Value", "outOfRange"],
      [7, "Value", "required"],
      [8, "Setting", "required"],
    ]);
    expect(r.errors[0].sheet).toBe("Settings");
    expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, currency: "HKD", schemaVersion: 1 });
  });

  test("no settings table: defaults, no errors", () => {
    const r = decodeBook({});
    expect(r.book.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.errors).toEqual([]);
  });

  test("a bad asOf is a programming error", () => expect(() => decodeBook({}, { asOf: "2025/1/1" })).toThrow(RangeError));
});

describe("family: the linked client id (a member who is also a client)", () => {
  const clients = table(["客户编号", "姓名"], [["C0001", "王秀英"], ["C0002", "李强"], ["C0003", ""]]);
  const family = table(
    ["客户编号", "姓名", "关系", "关联客户编号"],
    [
      ["C0002", "王秀英", "父母", "c0001"], // another case: stored as the Clients table writes it
      ["C0001", "李强", "子女", "C0002"],
      ["C0001", "李华", "子女", "C0099"], // no such client
      ["C0001", "王秀英", "其他", "C0001"], // the member's own client
      ["C0002", "张三", "配偶", "C0003"], // a client whose row is rejected (blank name)
      ["C0002", "李四", "其他", ""], // no link: a plain family member
    ],
  );
  const { book, errors } = decodeBook({ clients, family });

  test("a link to another client reads in the Clients table's form; a blank link is no link", () => {
    expect(book.family.map((f) => [f.name, f.linkedClientId])).toEqual([
      ["王秀英", "C0001"],
      ["李强", "C0002"],
      ["李四", undefined],
    ]);
  });

  test("a link to no client, to the member's own client or to a rejected client row is a row error on that column", () => {
    const familyErrors = errors.filter((e) => e.table === "family");
    expect(familyErrors.map(where)).toEqual([
      { table: "family", row: 4, column: "关联客户编号", code: "unknownClient" },
      { table: "family", row: 5, column: "关联客户编号", code: "linkedSelf" },
      { table: "family", row: 6, column: "关联客户编号", code: "clientRejected" },
    ]);
    expect(familyErrors[0]).toMatchObject({ sheet: "家庭成员", columnIndex: 3, value: "C0099" });
  });

  test("an old Family table without the column reads as before", () => {
    const old = decodeBook({ clients, family: table(["客户编号", "姓名", "关系"], [["C0001", "李强", "子女"]]) });
    expect(old.errors.filter((e) => e.table === "family")).toEqual([]);
    expect(old.book.family).toEqual([{ clientId: "C0001", name: "李强", relation: "Child" }]);
  });
});
