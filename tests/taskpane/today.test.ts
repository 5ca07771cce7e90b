import { sampleBook } from "../../src/sample";
import { emptyBook, LANGS, type Book } from "../../src/domain/types";
import { relativeDays, todayCounts, todayView } from "../../src/taskpane/model/today";
import { AGENDA_REASONS } from "../../src/domain/agenda";

function book(): Book {
  const b = emptyBook();
  b.clients = [
    { clientId: "C0001", name: "张伟", birthday: "1980-03-03", verifiedOn: "2025-02-01", reviewCadence: "Monthly" },
    { clientId: "C0002", name: "李娜", birthday: "1992-02-29", verifiedOn: "2025-02-01", reviewCadence: "Monthly" },
  ];
  b.family = [{ clientId: "C0002", name: "李明", relation: "Child", birthday: "2016-03-01" }];
  b.holdings = [
    { holdingId: "H1", clientId: "C0001", assetClass: "WealthProduct", productName: "稳盈30天", institution: "ThisBank", amount: 200000, maturityDate: "2025-03-10" },
  ];
  b.reviews = [
    { clientId: "C0001", reviewDate: "2025-01-31", holdingId: "H1", assetClass: "WealthProduct", amount: 200000 },
    { clientId: "C0002", reviewDate: "2025-02-20", holdingId: "H1", assetClass: "WealthProduct", amount: 0 },
  ];
  b.contacts = [
    { clientId: "C0001", date: "2025-02-27", channel: "T" },
    { clientId: "C0002", date: "2025-02-27", channel: "E" },
  ];
  return b;
}

describe("Today page view", () => {
  const asOf = "2025-02-28"; // a month end in a common year
  const groups = todayView(book(), asOf, "zh-CN");

  test("groups in the domain's reason order, non-empty only, with localized labels", () => {
    const reasons = groups.map((g) => g.reason);
    expect(reasons).toEqual(AGENDA_REASONS.filter((r) => reasons.includes(r)));
    expect(groups.find((g) => g.reason === "birthday")?.label).toBe("生日");
  });

  test("review due: 31 Jan + 1 month = 28 Feb, due today; the 20 Feb review is not due", () => {
    const review = groups.find((g) => g.reason === "review")!;
    expect(review.items.map((i) => [i.clientName, i.date, i.when])).toEqual([["张伟", "2025-02-28", "今天"]]);
  });

  test("birthdays: a 29 Feb birthday falls on 28 Feb in a common year; sorted soonest first", () => {
    const b = groups.find((g) => g.reason === "birthday")!;
    expect(b.items.map((i) => [i.clientName, i.date])).toEqual([
      ["李娜", "2025-02-28"],
      ["李娜", "2025-03-01"],
      ["张伟", "2025-03-03"],
    ]);
    expect(b.items[1].description).toBe("子女 李明 生日（9岁）");
  });

  test("maturity within 14 days shows the amount to reinvest", () => {
    const m = groups.find((g) => g.reason === "maturity")!;
    expect(m.items[0].description).toBe("稳盈30天（理财）到期，金额 200,000");
    expect(m.items[0].when).toBe("10 天后");
  });

  test("most overdue first inside a group, and the overdue count", () => {
    const later = todayView(book(), "2025-04-15", "en-US");
    for (const g of later) {
      const days = g.items.map((i) => i.date);
      expect([...days].sort()).toEqual(days);
      expect(g.overdue).toBe(g.items.filter((i) => i.urgency === "overdue").length);
    }
    const review = later.find((g) => g.reason === "review")!;
    expect(review.items.map((i) => i.when)).toEqual(["46 d overdue", "26 d overdue"]);
    expect(review.items[0].urgencyLabel).toBe("Overdue");
  });

  test("a leap year: 29 Feb birthday on 29 Feb", () => {
    const g = todayView(book(), "2028-02-25", "zh-TW").find((x) => x.reason === "birthday")!;
    expect(g.items.find((i) => i.clientName === "李娜" && !i.description.includes("李明"))?.date).toBe("2028-02-29");
  });

  test("an empty book has nothing today", () => {
    expect(todayView(emptyBook(), asOf, "zh-CN")).toEqual([]);
    expect(todayCounts([])).toEqual({ total: 0, overdue: 0 });
  });

  test("every item of the sample book opens a client of the book, in every language", () => {
    const sample = sampleBook("2025-03-15");
    const ids = new Set(sample.clients.map((c) => c.clientId));
    for (const lang of LANGS) {
      const view = todayView(sample, "2025-03-15", lang);
      const counts = todayCounts(view);
      expect(counts.total).toBeGreaterThan(0);
      const keys = new Set<string>();
      for (const g of view) for (const i of g.items) {
        expect(ids.has(i.clientId)).toBe(true);
        expect(i.description).not.toBe("");
        keys.add(i.key);
      }
      expect(keys.size).toBe(counts.total);
    }
  });

  test("relative days in each language", () => {
    expect([relativeDays(-3, "zh-CN"), relativeDays(0, "zh-CN"), relativeDays(2, "zh-CN")]).toEqual(["逾期 3 天", "今天", "2 天后"]);
    expect([relativeDays(-3, "zh-TW"), relativeDays(2, "zh-TW")]).toEqual(["逾期 3 天", "2 天後"]);
    expect([relativeDays(-3, "en-US"), relativeDays(0, "en-US"), relativeDays(2, "en-US")]).toEqual(["3 d overdue", "Today", "in 2 d"]);
  });
});
