import { sampleBook } from "../../src/sample";
import { emptyBook, LANGS, type Book } from "../../src/domain/types";
import { relativeDays, todayCounts, todayView } from "../../src/taskpane/model/today";

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

describe("Today page view: one entry per client, in urgency bands", () => {
  const asOf = "2025-02-28"; // a month end in a common year
  const bands = todayView(book(), asOf, "zh-CN");
  const entries = bands.flatMap((b) => b.entries);

  test("one entry per client with all its reasons; bands overdue → today → soon", () => {
    expect(entries.map((e) => e.clientId).sort()).toEqual(["C0001", "C0002"]);
    expect(bands.map((b) => b.urgency)).toEqual(["today"]);
    expect(bands[0].label).toBe("今天");
  });

  test("张伟: review due today (31 Jan + 1 month = 28 Feb), birthday 3 Mar, maturity 10 Mar with the amount", () => {
    const e = entries.find((x) => x.clientId === "C0001")!;
    expect(e.reasons).toBe("资产检视、生日、产品到期");
    expect(e.lines.map((l) => [l.reason, l.date, l.when])).toEqual([
      ["review", "2025-02-28", "今天"],
      ["birthday", "2025-03-03", "3 天后"],
      ["maturity", "2025-03-10", "10 天后"],
    ]);
    expect(e.lines[2].description).toBe("稳盈30天（理财）到期，金额 200,000");
  });

  test("李娜: a 29 Feb birthday on 28 Feb in a common year, her child's on 1 Mar, in one entry", () => {
    const e = entries.find((x) => x.clientId === "C0002")!;
    expect(e.lines.map((l) => [l.date, l.description])).toEqual([["2025-02-28", "生日（33岁）"], ["2025-03-01", "子女 李明 生日（9岁）"]]);
  });

  test("the count is the number of clients; overdue clients are counted once", () => {
    expect(todayCounts(bands)).toEqual({ total: 2, overdue: 0 });
    const later = todayView(book(), "2025-04-15", "en-US");
    expect(later[0].urgency).toBe("overdue");
    expect(todayCounts(later)).toEqual({ total: 2, overdue: 2 });
    expect(later[0].entries[0].when).toBe("46 d overdue");
  });

  test("phone, preferred channel and contact window are on the entry", () => {
    const b = book();
    b.clients[0] = { ...b.clients[0], phone: "13812345678", preferredChannel: "M", contactWindow: "工作时间勿电" };
    const e = todayView(b, asOf, "zh-TW").flatMap((x) => x.entries).find((x) => x.clientId === "C0001")!;
    expect([e.phone, e.channel, e.contactWindow]).toEqual(["13812345678", "M 面談", "工作时间勿电"]);
  });

  test("festival greetings join the entries when the dates are given", () => {
    const b = book();
    const e = todayView(b, "2025-01-25", "zh-CN", [{ festival: "spring", date: "2025-01-29" }]).flatMap((x) => x.entries);
    // 张伟 holds all the assets at this bank: tier A (Pareto), not contacted since the window opened (22 Jan): greeted.
    // 李娜 holds nothing here: tier C, greeted by a group message, not on the call list.
    const greeted = e.filter((x) => x.lines.some((l) => l.description === "春节问候")).map((x) => x.clientId);
    expect(greeted).toEqual(["C0001"]);
  });

  test("an empty book has nothing today", () => {
    expect(todayView(emptyBook(), asOf, "zh-CN")).toEqual([]);
    expect(todayCounts([])).toEqual({ total: 0, overdue: 0 });
  });

  test("every entry of the sample book opens a client of the book, once, in every language", () => {
    const sample = sampleBook("2025-03-15");
    const ids = new Set(sample.clients.map((c) => c.clientId));
    for (const lang of LANGS) {
      const view = todayView(sample, "2025-03-15", lang);
      const counts = todayCounts(view);
      expect(counts.total).toBeGreaterThan(0);
      const keys = new Set<string>();
      for (const b of view) for (const e of b.entries) {
        expect(ids.has(e.clientId)).toBe(true);
        for (const l of e.lines) expect(l.description).not.toBe("");
        keys.add(e.key);
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
