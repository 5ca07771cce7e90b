import { decodeBook, textSafe, writeBook, writeTable } from "../../src/book/codec";
import { cellText } from "../../src/book/text";
import { isoToSerial } from "../../src/domain/dates";
import { emptyBook, THIS_BANK } from "../../src/domain/types";
import type { Book } from "../../src/domain/types";

const book: Book = {
  ...emptyBook(),
  clients: [
    {
      clientId: "C0001", name: "李建国", gender: "M", birthday: "1978-03-05", annualIncome: 600000, riskLevel: "C2",
      tags: ["喜欢新基金", "有小孩"], preferredChannel: "T", reviewCadence: "Semiannual", maritalStatus: "Divorced", notes: "=1+1",
    },
  ],
  holdings: [
    { holdingId: "H1", clientId: "C0001", assetClass: "WealthProduct", productName: "稳健1号", institution: THIS_BANK, amount: 500000, maturityDate: "2025-01-15" },
    { holdingId: "H2", clientId: "C0001", assetClass: "Loan", productName: "房贷", institution: "招商银行", amount: 1200000 },
  ],
  policies: [
    { policyId: "P1", clientId: "C0001", insured: "李建国", policyType: "Life", insurer: "平安", sumInsured: 1e6, annualPremium: 5000, criticalIllness: true, status: "Matured" },
  ],
  reviews: [
    { clientId: "C0001", reviewDate: "2024-12-31", holdingId: "H1", assetClass: "Bond", amount: 1, netFlow: -300.5, productName: "稳健1号" },
    { clientId: "C0001", reviewDate: "2024-12-31", holdingId: "H9", assetClass: "Stock", amount: 0, productName: "=HYPERLINK(\"x\")" },
    { clientId: "C0001", reviewDate: "2024-12-31", holdingId: "H8", assetClass: "Fund", amount: 2 },
  ],
};

const clientRow = (lang: "zh-CN" | "zh-TW" | "en-US") => {
  const t = writeTable(book, "clients", lang);
  return Object.fromEntries(t.headers.map((h, i) => [h, t.rows[0][i]]));
};

test("zh-CN: localised headers, serial dates, number amounts, labels, tags joined with 、, absent as null", () => {
  const r = clientRow("zh-CN");
  expect(r).toMatchObject({
    客户编号: "C0001", 姓名: "李建国", 性别: "男", 生日: isoToSerial("1978-03-05"), 年收入: 600000, 风险等级: "C2",
    标签: "喜欢新基金、有小孩", 偏好联络方式: "T", 检视频率: "半年", 婚姻状况: "离异", 备注: "=1+1", 电话: null, 客户分层: null,
  });
  expect(Object.keys(r)).toHaveLength(26);
});

test("zh-TW and en-US labels", () => {
  expect(clientRow("zh-TW")).toMatchObject({ 客戶編號: "C0001", 性別: "男", 婚姻狀況: "離婚", 標籤: "喜欢新基金、有小孩", 檢視頻率: "半年" });
  expect(clientRow("en-US")).toMatchObject({ "Client ID": "C0001", Gender: "Male", "Marital Status": "Divorced", Tags: "喜欢新基金, 有小孩", "Review Cadence": "Semi-annual" });
});

test("holdings, policies, reviews: institution, booleans, codes, signed flows", () => {
  const h = writeTable(book, "holdings", "zh-TW");
  expect(h.headers.slice(0, 6)).toEqual(["資產編號", "客戶編號", "資產類別", "產品名稱", "機構", "金額"]);
  expect(h.rows[0].slice(0, 8)).toEqual(["H1", "C0001", "理財", "稳健1号", "本行", 500000, null, isoToSerial("2025-01-15")]);
  expect(h.rows[1][4]).toBe("招商银行");
  expect(writeTable(book, "holdings", "en-US").rows[0][4]).toBe("This bank");

  const p = (lang: "zh-CN" | "zh-TW" | "en-US") => writeTable(book, "policies", lang).rows[0];
  expect([p("zh-CN")[3], p("zh-CN")[10], p("zh-CN")[12]]).toEqual(["寿险", "是", "满期"]);
  expect([p("zh-TW")[3], p("zh-TW")[10], p("zh-TW")[12]]).toEqual(["壽險", "是", "滿期"]);
  expect([p("en-US")[3], p("en-US")[10], p("en-US")[12]]).toEqual(["Life", "Yes", "Matured"]);

  const rv = writeTable(book, "reviews", "zh-CN");
  expect(rv.headers).toEqual(["客户编号", "检视日期", "资产编号", "资产类别", "金额", "期间净流入", "产品名称", "币种", "汇率"]);
  expect(rv.rows).toEqual([
    ["C0001", isoToSerial("2024-12-31"), "H1", "债券", 1, -300.5, "稳健1号", null, null],
    ["C0001", isoToSerial("2024-12-31"), "H9", "股票", 0, null, "=HYPERLINK(\"x\")", null, null],
    ["C0001", isoToSerial("2024-12-31"), "H8", "基金", 2, null, null, null, null],
  ]);
  expect(writeTable(book, "reviews", "en-US").headers[6]).toBe("Product Name");
  expect(writeTable(book, "reviews", "zh-TW").headers[6]).toBe("產品名稱");
});

test("reviews: ProductName is text-safe and reads back as written; a table without it gets it appended", () => {
  const t = writeTable(book, "reviews", "zh-CN");
  // as src/excel and src/xlsx put strings into Excel: through textSafe
  const stored = t.rows.map((r) => r.map((v) => (typeof v === "string" ? textSafe(v) : v)));
  expect(stored[1][6]).toBe("'=HYPERLINK(\"x\")");
  const back = decodeBook({ clients: { ...writeTable(book, "clients", "zh-CN"), headerRow: 1 }, reviews: { headers: t.headers, rows: stored, headerRow: 1 } });
  expect(back.errors).toEqual([]);
  expect(back.book.reviews).toStrictEqual(book.reviews);
  // an old Reviews table (no 产品名称): the column is appended at the end, in the book's language
  const old = writeTable(book, "reviews", "zh-CN", ["客户编号", "检视日期", "资产编号", "资产类别", "金额", "期间净流入"]);
  expect(old.headers).toEqual(t.headers);
  expect(old.rows).toEqual(t.rows);
});

test("settings as key/value rows", () => {
  const s = writeTable({ ...book, settings: { ...book.settings, language: "zh-TW", currency: "TWD", premiumRatio: 0.08 } }, "settings", "zh-TW");
  // The unit's label in the book's language; a 万 book writes 萬元 (tests/book/codec.read reads both back).
  expect(writeTable({ ...book, settings: { ...book.settings, amountUnit: "Wan" } }, "settings", "zh-TW").rows.at(-1)).toEqual(["金額單位", "萬元"]);
  expect(s.headers).toEqual(["設定項目", "值"]);
  expect(s.rows).toEqual([
    ["表頭語言", "繁體中文"],
    ["幣別", "TWD"],
    ["收入保障年數", 10],
    ["每名子女教育金", 500000],
    ["保額收入倍數", 10],
    ["保費收入占比", 0.08],
    ["重疾保障年數", 5],
    ["客戶簿格式版本", 3],
    ["金額單位", "元"],
  ]);
});

test("into an existing header row: its order, the user's columns left null, missing columns appended", () => {
  const existing = ["姓名", "我的备注", "Client ID", "风险等级"];
  const t = writeTable(book, "clients", "zh-CN", existing);
  expect(t.headers.slice(0, 4)).toEqual(existing);
  expect(t.headers).toHaveLength(4 + 23);
  expect(t.headers[4]).toBe("性别");
  expect(t.rows[0].slice(0, 5)).toEqual(["李建国", null, "C0001", "C2", "男"]);
  // What was written reads back as the same book, user column and all.
  const again = decodeBook({ clients: { headers: t.headers, rows: t.rows, headerRow: 1 } }).book.clients;
  expect(again).toStrictEqual(book.clients);
});

test("writeBook writes every table in the book's language by default", () => {
  const all = writeBook({ ...book, settings: { ...book.settings, language: "en-US" } });
  expect(Object.keys(all)).toEqual(["clients", "family", "holdings", "policies", "contacts", "reviews", "settings", "rates"]);
  expect(all.family).toEqual({ headers: ["Client ID", "Name", "Relation", "Birthday", "School or Work", "Notes", "Linked Client ID"], rows: [] });
  expect(writeBook(book, "zh-TW").clients.headers[0]).toBe("客戶編號");
});

describe("textSafe: user text is always stored as that text", () => {
  test.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+8613812345678", "'+8613812345678"],
    ["-", "'-"],
    ["@home", "'@home"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["'quoted", "''quoted"],
    ["0912345678", "'0912345678"], // a leading zero would be lost
    ["110101199003071234", "'110101199003071234"], // 18 digits would lose precision
    ["3/5", "'3/5"], // would become a date
    ["TRUE", "'TRUE"],
    ["＝1+1", "'＝1+1"],
    ["张三", "张三"],
    ["C0001", "C0001"],
    ["工作时间勿电", "工作时间勿电"],
    ["a=b", "a=b"],
  ])("%j → %j", (s, safe) => expect(textSafe(s)).toBe(safe));

  test("reading a prefixed string gives the original text back", () => {
    for (const s of ["=SUM(A1)", "-", "@x", "0912345678", "'quoted", "3/5"]) expect(cellText(textSafe(s))).toBe(s);
  });
});
