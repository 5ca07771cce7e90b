/**
 * The task pane's maturity ladder (src/taskpane/model/ladderView.ts) over the domain's maturityLadder — the one
 * source the 到期阶梯 sheet uses. Figures (docs/ARCHITECTURE.md § Figures, "maturity ladder"): a month's total is the
 * sum of the amounts of the assets (not loans) maturing in it; its class parts and its clients' totals add up to it;
 * policies' sums insured and premiums are listed apart, never added. Amounts are shown in the book's display unit
 * (src/domain/amounts.ts: 元 `#,##0`, or 万 with one decimal). Expected values below are worked by hand.
 */
import fc from "fast-check";
import { maturityLadder } from "../../src/domain/ladder";
import { emptyBook, LANGS, THIS_BANK, type Book, type Holding } from "../../src/domain/types";
import { ladderView } from "../../src/taskpane/model/ladderView";
import { LADDER_TEXTS, lt } from "../../src/taskpane/pages/ladderText";
import { calendarFileName, EXPORT_MONTHS } from "../../src/taskpane/model/calendarFile";
import { placeholders } from "../../src/taskpane/i18n";
import { arbBook } from "../book/arbitraries";

let seq = 0;
const h = (clientId: string, extra: Partial<Holding>): Holding =>
  ({ holdingId: `H${++seq}`, clientId, assetClass: "Deposit", productName: `产品${seq}`, institution: THIS_BANK, amount: 10_000, ...extra });

const asOf = "2026-05-15";
const book: Book = {
  ...emptyBook(),
  clients: [{ clientId: "C1", name: "张伟" }, { clientId: "C2", name: "李娜" }, { clientId: "C3", name: "王芳" }],
  holdings: [
    h("C1", { amount: 800_000, maturityDate: "2026-06-15", productName: "大额存单3年", rate: 0.0175, startDate: "2025-06-15" }),
    h("C2", { assetClass: "WealthProduct", amount: 434_567.4, maturityDate: "2026-06-02", productName: "稳享90天" }),
    h("C1", { assetClass: "Bond", amount: 200_000, maturityDate: "2026-06-28", productName: "国债2023-5" }),
    h("C3", { amount: 55_000, maturityDate: "2027-04-30" }), // the twelfth month's last day: in
    h("C3", { amount: 1, maturityDate: "2026-05-14" }), // yesterday: Today's look-back, not the ladder
    h("C3", { assetClass: "Loan", amount: 900_000, maturityDate: "2026-07-01" }), // a loan is no asset maturing
  ],
  policies: [
    { policyId: "P1", clientId: "C2", insured: "李娜", policyType: "Medical", insurer: "众安保险", productName: "百万医疗", startDate: "2025-08-10", termYears: 1,
      sumInsured: 2_000_000, annualPremium: 600, criticalIllness: false, status: "InForce" },
  ],
};

describe("the pane's maturity ladder, hand-checked", () => {
  const v = ladderView(book, asOf, "zh-CN");

  test("twelve months from May 2026 to April 2027, labelled in the pane's language", () => {
    expect(v.months.map((m) => m.month)).toEqual(["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03", "2027-04"]);
    expect(v.months[1].label).toBe("2026年6月");
    expect(ladderView(book, asOf, "en-US").months[1].label).toBe("Jun 2026");
    expect([v.from, v.to]).toEqual(["2026-05-15", "2027-04-30"]);
  });

  test("June: 800,000 + 434,567.40 + 200,000 = 1,434,567.40 → \"1,434,567\"; parts 存款/理财/债券; the largest month (scale 1)", () => {
    const june = v.months[1];
    expect(june.total).toBeCloseTo(1_434_567.4, 6);
    expect(june.totalText).toBe("1,434,567");
    expect(june.scale).toBe(1);
    expect(june.parts.map((p) => [p.label, p.amountText])).toEqual([["存款", "800,000"], ["理财", "434,567"], ["债券", "200,000"]]);
    // shares of the month: 800,000 / 1,434,567.4 = 0.55766…
    expect(june.parts[0].share).toBeCloseTo(0.557661, 5);
    expect(june.holdingCount).toBe(3);
  });

  test("June's clients in the order of their first maturity (李娜 2 Jun, then 张伟), holdings in date order, with expected proceeds", () => {
    const [first, second] = v.months[1].clients;
    expect([first.clientName, first.totalText]).toEqual(["李娜", "434,567"]);
    expect([second.clientName, second.totalText]).toEqual(["张伟", "1,000,000"]);
    expect(second.items.map((i) => [i.dateText, i.classLabel, i.productName, i.amountText])).toEqual([
      ["2026/6/15", "存款", "大额存单3年", "800,000"],
      ["2026/6/28", "债券", "国债2023-5", "200,000"],
    ]);
    // 800,000 for one year at 1.75 % (PBOC 逐笔计息法, src/domain/proceeds.ts): 800,000 × 1.0175 = 814,000
    expect(second.items[0].expectedText).toBe("814,000");
    expect(second.items[1].expectedText).toBeUndefined();
  });

  test("April 2027 holds the twelfth month's last day; 55,000 / 1,434,567.4 = 0.0383 of the largest month", () => {
    const april = v.months[11];
    expect(april.totalText).toBe("55,000");
    expect(april.scale).toBeCloseTo(0.038339, 5);
  });

  test("the loan and the holding matured yesterday are not on it: 12 months total 1,489,567.40 in 4 holdings of 3 clients", () => {
    expect(v.totalText).toBe("1,489,567");
    expect([v.holdingCount, v.clientCount]).toEqual([4, 3]);
    expect(v.months[2].total).toBe(0); // July: only the loan
    expect(v.months[0].total).toBe(0); // May: only yesterday's
  });

  test("a policy whose one-year cover ends 2026-08-10 is listed in August with its sum insured, not added to the totals", () => {
    const aug = v.months[3];
    expect(aug.total).toBe(0);
    expect(aug.policies).toEqual([{ clientId: "C2", clientName: "李娜", policyId: "P1", product: "百万医疗", dateText: "2026/8/10", sumInsuredText: "2,000,000" }]);
  });

  test("in 万 (the book's display unit): 1,434,567.40 → \"143.5万\", zh-TW \"143.5萬\"; 814,000 → \"81.4万\"", () => {
    const wan: Book = { ...book, settings: { ...book.settings, amountUnit: "Wan" } };
    expect(ladderView(wan, asOf, "zh-CN").months[1].totalText).toBe("143.5万");
    expect(ladderView(wan, asOf, "zh-TW").months[1].totalText).toBe("143.5萬");
    expect(ladderView(wan, asOf, "zh-CN").months[1].clients[1].items[0].expectedText).toBe("81.4万");
  });

  test("an empty book (or nothing in the window) is the empty state", () => {
    expect(ladderView(emptyBook(), asOf, "zh-CN").empty).toBe(true);
    expect(ladderView({ ...book, holdings: [book.holdings[4]], policies: [] }, asOf, "zh-CN").empty).toBe(true);
    expect(v.empty).toBe(false);
  });
});

describe("currencies: the domain values the book on the as-of date; the pane shows what it converted and what it could not", () => {
  // CNY book; USD 7.10 dated 2026-05-01 (the latest on or before 2026-05-15); no HKD rate at all.
  const fxBook: Book = {
    ...emptyBook(),
    clients: [{ clientId: "C1", name: "张伟" }],
    rates: [{ currency: "USD", rate: 7.1, date: "2026-05-01" }],
    holdings: [
      h("C1", { holdingId: "HU", amount: 10_000, currency: "USD", maturityDate: "2026-07-20", productName: "美元定期" }),
      h("C1", { holdingId: "HH", amount: 50_000, currency: "HKD", maturityDate: "2026-07-25", productName: "港币存款" }),
      h("C1", { holdingId: "HC", amount: 100_000, maturityDate: "2026-07-30", productName: "人民币定期" }),
    ],
    // a one-year USD policy from 2025-09-01: cover ends 2026-09-01, 500,000 USD × 7.10 = 3,550,000 CNY
    policies: [{ policyId: "PU", clientId: "C1", insured: "张伟", policyType: "Medical", insurer: "AIA", productName: "环球医疗", startDate: "2025-09-01", termYears: 1,
      sumInsured: 500_000, annualPremium: 1_000, criticalIllness: false, status: "InForce", currency: "USD" }],
  };

  test("July: 10,000 USD × 7.10 = 71,000 + 100,000 CNY = 171,000; the USD holding shows \"USD 10,000\"; HKD on no total", () => {
    const v = ladderView(fxBook, asOf, "zh-CN");
    const july = v.months[2];
    expect(july.totalText).toBe("171,000");
    expect(july.clients[0].items.map((i) => [i.holdingId, i.amountText, i.foreignText])).toEqual([["HU", "71,000", "USD 10,000"], ["HC", "100,000", undefined]]);
    expect(v.missing).toEqual([
      { clientId: "C1", clientName: "张伟", id: "HH", amountText: "HKD 50,000", message: "没有 HKD 在 2026-05-15 或之前的汇率（折合 CNY），请在「汇率」表中补上" },
    ]);
    expect(v.months[4].policies.map((p) => [p.policyId, p.dateText, p.sumInsuredText, p.foreignText])).toEqual([["PU", "2026/9/1", "3,550,000", "USD 500,000"]]);
    expect(ladderView(fxBook, asOf, "en-US").missing[0].message).toBe("no HKD rate (to CNY) dated on or before 2026-05-15; add one to the Rates table");
  });
});

describe("property: the view adds nothing of its own", () => {
  test("each month's parts and clients add up to the domain's month total; all months to its total", () => {
    fc.assert(
      fc.property(arbBook({ maxClients: 6, maxRows: 20 }), fc.constantFrom("2024-02-29", "2025-12-31", "2026-01-31", "2020-06-15"), fc.constantFrom(...LANGS), (b, at, lang) => {
        const l = maturityLadder(b, at);
        const v = ladderView(b, at, lang, l);
        const cents = (n: number) => Math.round(n * 100);
        const sum = (xs: readonly number[]) => xs.reduce((a, c) => a + cents(c), 0);
        expect(v.months).toHaveLength(12);
        v.months.forEach((m, i) => {
          expect(cents(m.total)).toBe(cents(l.monthTotals[i]));
          expect(sum(m.parts.map((p) => p.amount))).toBe(cents(m.total));
          expect(sum(m.clients.map((c) => c.total))).toBe(cents(m.total));
          expect(sum(m.clients.flatMap((c) => c.items.map((x) => x.amount)))).toBe(cents(m.total));
          expect(m.holdingCount).toBe(l.holdings.filter((x) => x.month === i).length);
          expect(m.scale).toBeGreaterThanOrEqual(0);
          expect(m.scale).toBeLessThanOrEqual(1);
        });
        expect(sum(v.months.map((m) => m.total))).toBe(cents(l.total));
        if (l.total > 0) expect(Math.max(...v.months.map((m) => m.scale))).toBe(1);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the ladder page's texts and the export's file name", () => {
  test("the three languages have the same keys and {parameters}, none empty", () => {
    const keys = Object.keys(LADDER_TEXTS["zh-CN"]).sort();
    for (const lang of LANGS) {
      expect(Object.keys(LADDER_TEXTS[lang]).sort()).toEqual(keys);
      for (const k of keys) {
        const key = k as keyof (typeof LADDER_TEXTS)["zh-CN"];
        expect({ k, lang, empty: LADDER_TEXTS[lang][key].trim() === "" }).toEqual({ k, lang, empty: false });
        expect({ k, lang, ps: placeholders(LADDER_TEXTS[lang][key]) }).toEqual({ k, lang, ps: placeholders(LADDER_TEXTS["zh-CN"][key]) });
      }
    }
    expect(lt("en-US", "export.done", { file: "a.ics", n: 3 })).toBe("Downloaded a.ics: 3 events.");
  });

  test("file name: dated, ASCII, saying when the names were left out; periods 1–12 months (the CLI takes 1–24)", () => {
    expect(calendarFileName("2026-05-15", false)).toBe("clientbook-calendar-2026-05-15.ics");
    expect(calendarFileName("2026-05-15", true)).toBe("clientbook-calendar-2026-05-15-no-names.ics");
    expect(EXPORT_MONTHS.every((n) => n >= 1 && n <= 24)).toBe(true);
  });
});
