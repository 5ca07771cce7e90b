import { emptyBook, type Book } from "../../src/domain/types";
import { checkReview, reviewLines } from "../../src/taskpane/model/reviewDraft";

function book(): Book {
  const b = emptyBook();
  b.clients = [{ clientId: "C0001", name: "张伟" }, { clientId: "C0002", name: "李娜" }];
  b.holdings = [
    { holdingId: "H1", clientId: "C0001", assetClass: "Deposit", productName: "活期", institution: "ThisBank", amount: 100 },
    { holdingId: "H2", clientId: "C0001", assetClass: "Fund", productName: "基金", institution: "ThisBank", amount: 200 },
  ];
  b.reviews = [{ clientId: "C0001", reviewDate: "2025-02-01", holdingId: "H1", assetClass: "Deposit", amount: 90 }];
  return b;
}

describe("record this review", () => {
  const b = book();
  const lines = reviewLines(b, "C0001");

  test("one line per current holding, flows blank", () => {
    expect(lines.map((l) => [l.holding.holdingId, l.flow])).toEqual([["H1", ""], ["H2", ""]]);
  });

  test("flows as typed: signed, 万 and separators; blanks are no flow", () => {
    const c = checkReview(b, "C0001", "2025-03-01", [{ ...lines[0], flow: "-1万" }, { ...lines[1], flow: "" }], "zh-CN");
    expect(c).toEqual({ flowErrors: {}, netFlows: { H1: -10000 } });
    expect(checkReview(b, "C0001", "2025-03-01", [{ ...lines[0], flow: "20,000" }, lines[1]], "en-US").netFlows).toEqual({ H1: 20000 });
  });

  test("a flow that is not an amount is refused on its line", () => {
    const c = checkReview(b, "C0001", "2025-03-01", [{ ...lines[0], flow: "abc" }, lines[1]], "en-US");
    expect(c.netFlows).toBeUndefined();
    expect(c.flowErrors).toEqual({ H1: expect.stringContaining('"abc" is not a valid amount') });
  });

  test("the domain's rules: not before the last review, not twice, a real date", () => {
    expect(checkReview(b, "C0001", "2025-01-15", lines, "zh-CN").error).toMatch(/早于上次检视 2025-02-01/);
    expect(checkReview(b, "C0001", "2025-02-01", lines, "en-US").error).toMatch(/already recorded/);
    expect(checkReview(b, "C0001", "", lines, "en-US").error).toMatch(/real date/);
    expect(checkReview(b, "C0002", "2025-03-01", [], "en-US").error).toMatch(/no holdings/);
  });
});
