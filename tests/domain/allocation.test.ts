import { allocateByClass, allocation, assetsAtThisBank, isLiability, isSelfHeld, isThisBank, parseAssetClass } from "../../src/domain/allocation";
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
    ["保險", "Insurance"], ["房產", "Property"], ["Ｆｕｎｄ", "Fund"], ["定期", "Deposit"], ["其它", "Other"], ["黄金", "Other"], ["字画", undefined], ["", undefined],
    // Debts under their usual names (issue 12): all liabilities.
    ["房屋贷款", "Loan"], ["按揭", "Loan"], ["车贷", "Loan"], ["信用卡", "Loan"], ["消费贷", "Loan"], ["借款", "Loan"], ["透支", "Loan"],
    ["房貸", "Loan"], ["車貸", "Loan"], ["卡債", "Loan"], ["Mortgage loan", "Loan"], ["Car loan", "Loan"], ["Credit card", "Loan"],
    ["Overdraft", "Loan"], ["Personal loan", "Loan"], ["home", "Property"], ["home loan", "Loan"],
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
    // Property is non-financial (SNA 2008 ch. 13): 本行 100,000 + 300,000 = 400,000; 他行 50,000 + 20,000 = 70,000.
    expect(a.thisBank).toBe(400_000);
    expect(a.otherBanks).toBe(70_000);
    expect(a.financial).toBe(470_000);
    expect(a.nonFinancial).toBe(2_000_000);
    // Wallet share = 400,000 / 470,000 = 0.851063…
    expect(a.walletShare).toBeCloseTo(400_000 / 470_000, 12);
    const fund = a.byClass[1];
    expect(fund).toMatchObject({ amount: 350_000, thisBank: 300_000, otherBanks: 50_000, nonFinancial: 0 });
    expect(fund.share).toBeCloseTo(350_000 / 2_470_000, 12);
    expect(a.byClass.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 12);
  });
  test("ties keep the canonical class order; zero classes are left out", () => {
    const a = allocation([h("Stock", 10), h("Deposit", 10), h("Bond", 0)]);
    expect(a.byClass.map((c) => c.assetClass)).toEqual(["Deposit", "Stock"]);
  });
  test("no holdings / only loans", () => {
    expect(allocation([])).toEqual({ byClass: [], thisBank: 0, otherBanks: 0, financial: 0, nonFinancial: 0, assets: 0, liabilities: 0, netWorth: 0 });
    const a = allocation([h("Loan", 500)]);
    expect(a).toMatchObject({ byClass: [], assets: 0, liabilities: 500, netWorth: -500 });
  });
  test("all-zero assets give zero shares, not NaN", () => {
    expect(allocation([h("Deposit", 0)]).byClass).toEqual([]);
  });
});

describe("financial vs non-financial assets (SNA 2008 ch. 13; wallet share on financial assets only)", () => {
  test.each(["自有", "自持", " 自 有 ", "self-owned", "Self owned", "OWN", "本人"])("%p is held by the client", (s) => expect(isSelfHeld(s)).toBe(true));
  test.each(["本行", "招商银行", "自有银行", "", "Owner Bank"])("%p is not", (s) => expect(isSelfHeld(s)).toBe(false));
  test("the client's home and other self-held assets are apart from 本行/他行; wallet share on financial assets", () => {
    // Hand-worked: 本行 deposit 1,000,000 + 本行 fund 500,000 = 1,500,000 here; 他行 deposit 500,000 elsewhere;
    // home 8,000,000 (自有) + gold bars 100,000 (Other, 自有) + a flat recorded "at" 本行 2,000,000 = 10,100,000 apart.
    // Wallet share = 1,500,000 / (1,500,000 + 500,000) = 75 %; counting the home would have put 10.6 M at "other banks".
    const a = allocation([
      h("Deposit", 1_000_000), h("Fund", 500_000), h("Deposit", 500_000, "工商银行"), h("Property", 8_000_000, "自有"),
      h("Other", 100_000, "自有"), h("Property", 2_000_000), h("Loan", 3_000_000),
    ]);
    expect(a).toMatchObject({ thisBank: 1_500_000, otherBanks: 500_000, financial: 2_000_000, nonFinancial: 10_100_000, assets: 12_100_000 });
    expect(a.walletShare).toBe(0.75);
    // Net worth = 12,100,000 − 3,000,000 = 9,100,000.
    expect(a.netWorth).toBe(9_100_000);
    expect(a.byClass.find((c) => c.assetClass === "Property")).toMatchObject({ amount: 10_000_000, thisBank: 0, otherBanks: 0, nonFinancial: 10_000_000 });
    expect(assetsAtThisBank([h("Property", 2_000_000), h("Deposit", 1)])).toBe(1);
  });
  test("no financial assets: no wallet share (not 0 %, not NaN)", () => {
    expect(allocation([h("Property", 1, "自有")]).walletShare).toBeUndefined();
    expect(allocation([h("Deposit", 0)]).walletShare).toBeUndefined();
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
      { assetClass: "黄金", amount: 100 }, // gold: 其他
      { assetClass: "黃 金", amount: 5 }, // 繁體, with a space: the same class
      { assetClass: "股票", amount: null },
      { assetClass: null, amount: null },
      { assetClass: "loan", amount: "100" },
    ]);
    if (!r.ok) throw new Error(r.error.message["en-US"]);
    expect(r.value.rows.map((x) => [x.assetClass, x.amount])).toEqual([
      ["存款", 1000],
      ["基金", 500],
      ["黄金", 105],
    ]);
    expect(r.value.assets).toBe(1605);
    expect(r.value.liabilities).toBe(500);
    expect(r.value.netWorth).toBe(1105);
    expect(r.value.rows[0].share).toBeCloseTo(1000 / 1605, 12);
  });
  test("ties keep first-seen order", () => {
    const r = allocateByClass([{ assetClass: "Stock", amount: 1 }, { assetClass: "Bond", amount: 1 }]);
    expect(r.ok && r.value.rows.map((x) => x.assetClass)).toEqual(["Stock", "Bond"]);
  });
  test("a class that is no known asset class or debt is refused, naming it (never counted as an asset)", () => {
    const r = allocateByClass([{ assetClass: "存款", amount: 1 }, { assetClass: "白条", amount: 2 }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: "unknown-class", arg: "classes" });
    expect(r.error.message["en-US"]).toBe('classes row 2 is not a known asset class or debt: for assets use Deposit, Wealth product, Fund, Bond, Stock, Insurance, Property or Other; for debts Loan, Mortgage, Car loan, Credit card, Personal loan … (got "白条")');
    expect(r.error.message["zh-CN"]).toContain("白条");
  });
  test("issue 12: 存款 100 less seven debts of 10 under common names = 30 (was 170)", () => {
    const debts = ["信用卡", "credit card", "Mortgage loan", "房屋贷款", "车贷", "消费贷", "借款"];
    const r = allocateByClass([{ assetClass: "存款", amount: 100 }, ...debts.map((d) => ({ assetClass: d, amount: 10 }))]);
    expect(r.ok && r.value).toEqual({ rows: [{ assetClass: "存款", amount: 100, share: 1 }], assets: 100, liabilities: 70, netWorth: 30 });
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
