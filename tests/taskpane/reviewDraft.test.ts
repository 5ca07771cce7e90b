import { emptyBook, type Book } from "../../src/domain/types";
import { changedHoldings, checkReview, reviewGroups, reviewLines } from "../../src/taskpane/model/reviewDraft";

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

  test("one line per current holding, grouped by class (largest first), the last value prefilled, flows blank", () => {
    // Fund 200 before Deposit 100: the review sheet's class order
    expect(reviewGroups(b, "C0001").map((g) => [g.assetClass, g.lines.map((l) => [l.holding.holdingId, l.value, l.flow])])).toEqual([
      ["Fund", [["H2", "200", ""]]],
      ["Deposit", [["H1", "100", ""]]],
    ]);
    expect(lines.map((l) => l.holding.holdingId)).toEqual(["H2", "H1"]);
  });

  test("market values as typed (万, separators); blank is the last value; every holding gets its value", () => {
    const c = checkReview(b, "C0001", "2025-03-01", [{ ...lines[0], value: "1.5万" }, { ...lines[1], value: "" }], "zh-CN");
    expect(c).toEqual({ flowErrors: {}, valueErrors: {}, netFlows: {}, values: { H2: 15000, H1: 100 } });
    expect(changedHoldings(lines, c.values!, "2025-03-01")).toEqual([{ before: lines[0].holding, after: { ...lines[0].holding, amount: 15000, updatedOn: "2025-03-01" } }]);
  });

  test("a value that is not an amount, or negative, is refused on its own field", () => {
    const c = checkReview(b, "C0001", "2025-03-01", [{ ...lines[0], value: "abc" }, { ...lines[1], value: "-5" }], "en-US");
    expect(c.values).toBeUndefined();
    expect(Object.keys(c.valueErrors).sort()).toEqual(["H1", "H2"]);
    expect(c.valueErrors.H2).toContain('"abc"');
    expect(c.flowErrors).toEqual({});
  });

  test("flows as typed: signed, 万 and separators; blanks are no flow", () => {
    const c = checkReview(b, "C0001", "2025-03-01", [{ ...lines[1], flow: "-1万" }, { ...lines[0], flow: "" }], "zh-CN");
    expect(c).toEqual({ flowErrors: {}, valueErrors: {}, netFlows: { H1: -10000 }, values: { H1: 100, H2: 200 } });
    expect(checkReview(b, "C0001", "2025-03-01", [{ ...lines[1], flow: "20,000" }, lines[0]], "en-US").netFlows).toEqual({ H1: 20000 });
  });

  test("a flow that is not an amount is refused on its line", () => {
    const c = checkReview(b, "C0001", "2025-03-01", [{ ...lines[1], flow: "abc" }, lines[0]], "en-US");
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
