import { filterClients } from "../../src/domain/segments";
import { emptyBook, THIS_BANK, type Book, type Holding } from "../../src/domain/types";

let seq = 0;
function holding(clientId: string, extra: Partial<Holding>): Holding {
  return { holdingId: `H${++seq}`, clientId, assetClass: "Deposit", productName: `产品${seq}`, institution: THIS_BANK, amount: 10_000, ...extra };
}

const asOf = "2025-02-24";
const book: Book = {
  ...emptyBook(),
  clients: [
    { clientId: "C1", name: "张伟", tags: ["喜欢新基金", "有小孩"], riskLevel: "C4" },
    { clientId: "C2", name: "李娜", tags: ["工作时间勿电"], riskLevel: "C2", tier: "A" },
    { clientId: "C3", name: "王强", tags: ["有小孩", "工作時間勿電"], riskLevel: "C4" },
    { clientId: "C4", name: "赵敏", tier: "B" },
  ],
  holdings: [
    holding("C1", { amount: 1_000_000 }),
    holding("C1", { assetClass: "Fund", productName: "易方达蓝筹精选", amount: 120_000 }),
    holding("C1", { assetClass: "Fund", productName: "新能源ETF联接", amount: 30_000 }),
    holding("C2", { assetClass: "WealthProduct", productName: "稳享90天", amount: 500_000, maturityDate: "2025-03-05" }),
    holding("C2", { assetClass: "WealthProduct", productName: "月月盈", amount: 200_000, maturityDate: "2025-02-26" }),
    holding("C3", { assetClass: "Loan", productName: "房贷", amount: 800_000, maturityDate: "2025-02-28" }),
    holding("C3", { assetClass: "Fund", productName: "债券基金", amount: 0 }), // sold: holds nothing
    holding("C3", { assetClass: "Stock", amount: 5_000, maturityDate: "2025-02-20" }), // matured before asOf
  ],
  contacts: [
    { clientId: "C1", date: "2025-02-01", channel: "T" },
    { clientId: "C1", date: "2025-01-01", channel: "E" },
  ],
};
const ids = (m: { client: { clientId: string } }[]) => m.map((x) => x.client.clientId);

describe("filterClients", () => {
  test("no criteria: every client, no reason", () => {
    const all = filterClients(book, {}, asOf);
    expect(ids(all)).toEqual(["C1", "C2", "C3", "C4"]);
    expect(all.every((m) => m.reason === "" && m.maturing.length === 0)).toBe(true);
    expect(all[0].lastContact).toBe("2025-02-01");
    expect(all[1]).not.toHaveProperty("lastContact");
  });
  test("tags: any (default) or all; case, spaces and width ignored", () => {
    expect(ids(filterClients(book, { tags: ["有小孩"] }, asOf))).toEqual(["C1", "C3"]);
    expect(ids(filterClients(book, { tags: ["喜欢新基金", "工作时间勿电"] }, asOf))).toEqual(["C1", "C2"]);
    expect(ids(filterClients(book, { tags: ["有小孩", "喜欢新基金"], tagMode: "all" }, asOf))).toEqual(["C1"]);
    expect(ids(filterClients(book, { tags: [" 有 小孩 "] }, asOf))).toEqual(["C1", "C3"]);
    expect(ids(filterClients(book, { tags: ["不存在"] }, asOf))).toEqual([]);
    expect(filterClients(book, { tags: ["有小孩", "喜欢新基金"] }, asOf, "zh-CN")[0].reason).toBe("标签：喜欢新基金、有小孩");
    expect(filterClients(book, { tags: [] }, asOf)).toHaveLength(4); // an empty list is no criterion
  });
  test("tiers (manual wins) and risk levels", () => {
    // at this bank C1 holds 1.15 M, C2 0.7 M, C3 5 k: C1 A, C2 A (62 % above it), C3 C; C4 computed C, manual B
    expect(ids(filterClients(book, { tiers: ["A"] }, asOf))).toEqual(["C1", "C2"]);
    expect(ids(filterClients(book, { tiers: ["C"] }, asOf))).toEqual(["C3"]);
    expect(ids(filterClients(book, { tiers: ["B"] }, asOf))).toEqual(["C4"]);
    expect(filterClients(book, { tiers: ["B"] }, asOf)[0].tier).toBe("B");
    expect(ids(filterClients(book, { riskLevels: ["C4", "C5"] }, asOf))).toEqual(["C1", "C3"]);
    expect(filterClients(book, { tiers: ["A"], riskLevels: ["C2"] }, asOf, "en-US").map((m) => m.reason)).toEqual(["Tier A; Risk level C2"]);
  });
  test("asset classes and product names held (amount > 0)", () => {
    const funds = filterClients(book, { assetClasses: ["Fund"] }, asOf, "zh-CN");
    expect(ids(funds)).toEqual(["C1"]); // C3's fund has amount 0
    expect(funds[0].reason).toBe("持有 基金 150,000");
    expect(ids(filterClients(book, { assetClasses: ["Loan"] }, asOf))).toEqual(["C3"]);
    const named = filterClients(book, { products: ["etf", "稳享"] }, asOf, "zh-TW");
    expect(ids(named)).toEqual(["C1", "C2"]);
    expect(named[0].reason).toBe("持有 新能源ETF联接 30,000");
  });
  test("maturity window: assets (not loans) maturing from today to N days", () => {
    const m = filterClients(book, { maturityWithinDays: 14 }, asOf, "zh-CN");
    expect(ids(m)).toEqual(["C2"]);
    expect(m[0].maturing.map((h) => h.productName)).toEqual(["月月盈", "稳享90天"]);
    expect(m[0].reason).toBe("月月盈 2025-02-26 到期 200,000、稳享90天 2025-03-05 到期 500,000");
    expect(ids(filterClients(book, { maturityWithinDays: 2 }, asOf))).toEqual(["C2"]);
    expect(ids(filterClients(book, { maturityWithinDays: 1 }, asOf))).toEqual([]);
    expect(filterClients(book, { maturityWithinDays: 14 }, asOf, "en-US")[0].reason).toMatch(/^月月盈 matures 2025-02-26, 200,000, /);
  });
  test("criteria combine with AND", () => {
    expect(ids(filterClients(book, { tags: ["有小孩"], riskLevels: ["C4"], assetClasses: ["Fund"] }, asOf))).toEqual(["C1"]);
    expect(ids(filterClients(book, { tags: ["工作时间勿电"], maturityWithinDays: 30 }, asOf))).toEqual(["C2"]);
    const r = filterClients(book, { tags: ["有小孩"], riskLevels: ["C4"], assetClasses: ["Fund"] }, asOf, "zh-CN")[0].reason;
    expect(r).toBe("标签：有小孩；风险等级 C4；持有 基金 150,000");
  });
  test("the book's language is the default", () => {
    const tw = { ...book, settings: { ...book.settings, language: "zh-TW" as const } };
    expect(filterClients(tw, { tiers: ["C"] }, asOf)[0].reason).toBe("C 類客戶");
  });
  test("empty book", () => expect(filterClients(emptyBook(), { tags: ["x"] }, asOf)).toEqual([]));
  test("bad input", () => {
    expect(() => filterClients(book, { maturityWithinDays: -1 }, asOf)).toThrow(/maturityWithinDays/);
    expect(() => filterClients(book, { maturityWithinDays: 1.5 }, asOf)).toThrow(RangeError);
    expect(() => filterClients(book, {}, "2025-2-24")).toThrow(/asOf/);
  });
});
