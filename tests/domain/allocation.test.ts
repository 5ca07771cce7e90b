import { allocateByClass, allocation, assetsAtThisBank, isLiability, isThisBank, parseAssetClass } from "../../src/domain/allocation";
import { THIS_BANK, type AssetClass, type Holding } from "../../src/domain/types";

let seq = 0;
function h(assetClass: AssetClass, amount: number, institution: string = THIS_BANK): Holding {
  seq++;
  return { holdingId: `H${seq}`, clientId: "C0001", assetClass, productName: `P${seq}`, institution, amount };
}

describe("isThisBank", () => {
  test.each([THIS_BANK, "本行", "This bank", "THIS BANK", " thisbank ", "this-bank", "本 行"])("%p is this bank", (s) =>
    expect(isThisBank(s)).toBe(true));
  test.each(["招商银行", "Bank of China", "", "本行外", "other bank"])("%p is not", (s) => expect(isThisBank(s)).toBe(false));
  test("undefined is not", () => expect(isThisBank(undefined)).toBe(false));
});

describe("isLiability / parseAssetClass", () => {
  test.each(["Loan", "贷款", "貸款", "loan", " LOANS ", "房贷", "mortgage", "负债"])("%p is a liability", (s) => expect(isLiability(s)).toBe(true));
  test.each(["Deposit", "存款", "基金", "黄金", "", "Property"])("%p is not", (s) => expect(isLiability(s)).toBe(false));
  test.each<[string, AssetClass | undefined]>([
    ["理财", "WealthProduct"], ["理財", "WealthProduct"], ["wealth product", "WealthProduct"], ["债券", "Bond"], ["債券", "Bond"],
    ["保險", "Insurance"], ["房產", "Property"], ["Ｆｕｎｄ", "Fund"], ["定期", "Deposit"], ["其它", "Other"], ["黄金", undefined], ["", undefined],
  ])("%p → %p", (s, c) => expect(parseAssetClass(s)).toBe(c));
});

describe("allocation", () => {
  test("by class largest first, by bank, liabilities apart, net worth", () => {
    const a = allocation([
      h("Deposit", 100_000),
      h("Fund", 300_000),
      h("Fund", 50_000, "招商银行"),
      h("Loan", 200_000),
      h("Property", 2_000_000, "—"),
      h("Deposit", 20_000, "工商银行"),
    ]);
    expect(a.byClass.map((c) => c.assetClass)).toEqual(["Property", "Fund", "Deposit"]);
    expect(a.assets).toBe(2_470_000);
    expect(a.liabilities).toBe(200_000);
    expect(a.netWorth).toBe(2_270_000);
    expect(a.thisBank).toBe(400_000);
    expect(a.otherBanks).toBe(2_070_000);
    const fund = a.byClass[1];
    expect(fund).toMatchObject({ amount: 350_000, thisBank: 300_000, otherBanks: 50_000 });
    expect(fund.share).toBeCloseTo(350_000 / 2_470_000, 12);
    expect(a.byClass.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 12);
  });
  test("ties keep the canonical class order; zero classes are left out", () => {
    const a = allocation([h("Stock", 10), h("Deposit", 10), h("Bond", 0)]);
    expect(a.byClass.map((c) => c.assetClass)).toEqual(["Deposit", "Stock"]);
  });
  test("no holdings / only loans", () => {
    expect(allocation([])).toEqual({ byClass: [], thisBank: 0, otherBanks: 0, assets: 0, liabilities: 0, netWorth: 0 });
    const a = allocation([h("Loan", 500)]);
    expect(a).toMatchObject({ byClass: [], assets: 0, liabilities: 500, netWorth: -500 });
  });
  test("all-zero assets give zero shares, not NaN", () => {
    expect(allocation([h("Deposit", 0)]).byClass).toEqual([]);
  });
});

describe("assetsAtThisBank", () => {
  test("counts this bank's assets only, never loans", () => {
    expect(assetsAtThisBank([h("Deposit", 100), h("Fund", 50, "本行"), h("Loan", 1000), h("Stock", 70, "中信")])).toBe(150);
    expect(assetsAtThisBank([])).toBe(0);
  });
});

describe("allocateByClass", () => {
  test("groups typed classes, skips blanks, excludes liabilities, largest first", () => {
    const r = allocateByClass([
      { assetClass: "基金", amount: 300 },
      { assetClass: "存款", amount: "1,000" },
      { assetClass: "", amount: 999 },
      { assetClass: "Fund", amount: 200 },
      { assetClass: "贷款", amount: 400 },
      { assetClass: "黄金", amount: 100 },
      { assetClass: "黃 金", amount: 5 }, // a different unknown word: its own row
      { assetClass: "股票", amount: null },
      { assetClass: null, amount: null },
      { assetClass: "loan", amount: "100" },
    ]);
    if (!r.ok) throw new Error(r.error.message["en-US"]);
    expect(r.value.rows.map((x) => [x.assetClass, x.amount])).toEqual([
      ["存款", 1000],
      ["基金", 500],
      ["黄金", 100],
      ["黃 金", 5],
    ]);
    expect(r.value.assets).toBe(1605);
    expect(r.value.liabilities).toBe(500);
    expect(r.value.netWorth).toBe(1105);
    expect(r.value.rows[0].share).toBeCloseTo(1000 / 1605, 12);
  });
  test("ties keep first-seen order", () => {
    const r = allocateByClass([{ assetClass: "B", amount: 1 }, { assetClass: "A", amount: 1 }]);
    expect(r.ok && r.value.rows.map((x) => x.assetClass)).toEqual(["B", "A"]);
  });
  test("empty or all-blank input is an empty allocation", () => {
    const r = allocateByClass([{ assetClass: " ", amount: " " }]);
    expect(r).toEqual({ ok: true, value: { rows: [], assets: 0, liabilities: 0, netWorth: 0 } });
  });
  test.each<[unknown, string, RegExp]>([
    ["abc", "not-a-number", /row 2 must be a number \(got "abc"\)/],
    [true, "not-a-number", /row 2 must be a number \(got true\)/],
    [NaN, "not-a-number", /row 2/],
    [Infinity, "not-a-number", /row 2/],
    [-5, "negative", /row 2 must not be negative/],
    ["-1,000", "negative", /row 2/],
  ])("bad amount %p is refused with its row", (amount, code, msg) => {
    const r = allocateByClass([{ assetClass: "存款", amount: 1 }, { assetClass: "基金", amount: amount as number }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.arg).toBe("amounts");
    expect(r.error.message["en-US"]).toMatch(msg);
    expect(r.error.message["zh-CN"]).toMatch(/^amounts 第 2 行/);
    expect(r.error.message["zh-TW"]).toMatch(/^amounts 第 2 列/);
  });
});
