import { filterClients } from "../../src/domain/segments";
import { bookSuitability } from "../../src/domain/suitability";
import { paretoSummary } from "../../src/domain/tiers";
import { emptyBook, type Book } from "../../src/domain/types";
import { callList, criteriaOf, EMPTY_FILTER, hasCriteria, suitabilityLine, tierPicture } from "../../src/taskpane/model/segmentsView";

function book(): Book {
  const b = emptyBook();
  b.clients = [
    { clientId: "C0001", name: "张伟", tags: ["有小孩"], riskLevel: "C2", riskAssessedOn: "2023-01-01" },
    { clientId: "C0002", name: "李娜", tags: ["喜欢新基金", "有小孩"], riskLevel: "C4", riskAssessedOn: "2025-01-01" },
    { clientId: "C0003", name: "王芳" },
  ];
  b.holdings = [
    { holdingId: "H1", clientId: "C0001", assetClass: "Fund", productName: "成长混合", institution: "ThisBank", amount: 800, riskLevel: "R4" },
    { holdingId: "H2", clientId: "C0002", assetClass: "WealthProduct", productName: "稳盈", institution: "ThisBank", amount: 150, maturityDate: "2025-03-20" },
    { holdingId: "H3", clientId: "C0003", assetClass: "Deposit", productName: "活期", institution: "ThisBank", amount: 50 },
  ];
  return b;
}

describe("segments page", () => {
  test("filter state → criteria; empty filter has none", () => {
    expect(criteriaOf(EMPTY_FILTER, "zh-CN")).toEqual({ criteria: {} });
    expect(hasCriteria(criteriaOf(EMPTY_FILTER, "zh-CN").criteria!)).toBe(false);
    const c = criteriaOf({ ...EMPTY_FILTER, tags: ["有小孩"], tagMode: "all", tiers: ["A"], products: "稳盈，成长 , ", maturityDays: "３０" }, "zh-CN");
    expect(c).toEqual({ criteria: { tags: ["有小孩"], tagMode: "all", tiers: ["A"], products: ["稳盈", "成长"], maturityWithinDays: 30 } });
  });

  test("a maturity window that is not a whole number of days is refused with a message", () => {
    expect(criteriaOf({ ...EMPTY_FILTER, maturityDays: "-3" }, "en-US")).toEqual({ maturityError: expect.stringContaining('"-3" is not a number of days') });
    expect(criteriaOf({ ...EMPTY_FILTER, maturityDays: "2.5" }, "zh-CN").criteria).toBeUndefined();
  });

  test("the 80/20 picture: how many clients hold 80 % of assets at this bank", () => {
    const p = tierPicture(paretoSummary(book(), "2025-03-15"), "en-US");
    expect(p.headline).toBe("1 client (33.3% of 3) holds 80% of assets at this bank."); // was "1 clients … hold" (CLDR en: 1 is "one")
    expect(p.lines).toEqual([
      { tier: "A", clients: 1, assets: "800", share: "80.0%" },
      { tier: "B", clients: 1, assets: "150", share: "15.0%" },
      { tier: "C", clients: 1, assets: "50", share: "5.0%" },
    ]);
    expect(p.overridden).toBeNull();
    expect(tierPicture(paretoSummary(emptyBook(), "2025-03-15"), "zh-CN").headline).toBe("客户簿中还没有本行资产，暂无法分层。");
  });

  test("the call list: ids in order and each client's reason", () => {
    const b = book();
    const matches = filterClients(b, criteriaOf({ ...EMPTY_FILTER, tags: ["有小孩"], maturityDays: "30" }, "zh-CN").criteria!, "2025-03-15", "zh-CN");
    expect(callList(matches)).toEqual({ ids: ["C0002"], reasons: { C0002: "标签：有小孩；稳盈 2025-03-20 到期 150" } });
  });

  test("suitability findings as lines", () => {
    const lines = bookSuitability(book(), "2025-03-15").map((p) => suitabilityLine(p, "zh-CN"));
    expect(lines).toEqual(["风险评估已过期　2024-01-01 已到期", "产品风险高于客户等级　成长混合 R4 > C2　800", "产品无风险等级　稳盈　150"]);
  });
});
