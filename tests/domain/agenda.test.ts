import { AGENDA_REASONS, agendaGroups, describeAgendaItem, formatAmount, todayAgenda, type AgendaItem } from "../../src/domain/agenda";
import { emptyBook, THIS_BANK, type Book, type Client, type Holding, type Policy } from "../../src/domain/types";

let seq = 0;
function holding(clientId: string, extra: Partial<Holding>): Holding {
  return { holdingId: `H${++seq}`, clientId, assetClass: "Deposit", productName: `产品${seq}`, institution: THIS_BANK, amount: 10_000, ...extra };
}
/** A client with nothing due: recently reviewed, contacted and verified, no birthday soon. */
function quietClient(id: string, extra: Partial<Client> = {}): Client {
  return { clientId: id, name: `客户${id}`, verifiedOn: "2025-01-01", ...extra };
}
function book(parts: Partial<Book>): Book {
  return { ...emptyBook(), ...parts };
}
const key = (i: AgendaItem): string => `${i.reason} ${i.clientId} ${i.date} ${i.daysUntil}`;

describe("todayAgenda", () => {
  test("an empty book has an empty agenda", () => {
    expect(todayAgenda(emptyBook(), "2025-02-24")).toEqual([]);
  });

  // Monday 24 Feb 2025 (a common year).
  const asOf = "2025-02-24";
  const b = book({
    clients: [
      {
        clientId: "C1", name: "张伟", birthday: "1992-02-29", riskLevel: "C3", riskAssessedOn: "2024-03-10", verifiedOn: "2024-08-01",
      },
      { clientId: "C2", name: "李娜" },
      {
        clientId: "C3", name: "王强", reviewCadence: "Quarterly", riskLevel: "C2", riskAssessedOn: "2023-12-01", verifiedOn: "2024-09-01",
        birthday: "1980-02-23",
      },
    ],
    family: [
      { clientId: "C1", name: "王芳", relation: "Spouse", birthday: "1987-03-02" },
      { clientId: "C1", name: "张小明", relation: "Child", birthday: "2015-03-05", schoolOrWork: "实验小学" },
      { clientId: "C9", name: "无主", relation: "Child", birthday: "2015-02-25" },
    ],
    holdings: [
      holding("C1", { assetClass: "Deposit", amount: 3_000_000 }), // makes C1 tier A → monthly
      holding("C1", { assetClass: "WealthProduct", productName: "稳享90天", amount: 500_000, maturityDate: "2025-03-05", riskLevel: "R2" }),
      holding("C1", { assetClass: "WealthProduct", productName: "周周盈", amount: 200_000, maturityDate: "2025-02-20", riskLevel: "R2" }),
      holding("C1", { assetClass: "WealthProduct", productName: "旧产品", amount: 100_000, maturityDate: "2025-02-10", riskLevel: "R2" }),
      holding("C1", { assetClass: "Loan", productName: "房贷", amount: 900_000, maturityDate: "2025-03-01" }),
      holding("C1", { assetClass: "Fund", productName: "科技成长", amount: 80_000, riskLevel: "R4" }),
      holding("C2", { institution: "招商银行", amount: 50_000 }),
      holding("C3", { assetClass: "Fund", productName: "债基", amount: 30_000, riskLevel: "R2" }),
      holding("C9", { maturityDate: "2025-02-25" }),
    ],
    reviews: [
      { clientId: "C1", reviewDate: "2024-12-31", holdingId: "H1", assetClass: "Deposit", amount: 2_900_000 },
      { clientId: "C1", reviewDate: "2025-01-31", holdingId: "H1", assetClass: "Deposit", amount: 3_000_000 },
      { clientId: "C3", reviewDate: "2024-12-31", holdingId: "H8", assetClass: "Fund", amount: 30_000 },
    ],
    contacts: [
      { clientId: "C1", date: "2025-01-20", channel: "T" },
      { clientId: "C3", date: "2025-01-10", channel: "T", nextDate: "2025-01-15" },
      { clientId: "C3", date: "2025-02-01", channel: "M", nextAction: "回电确认赎回", nextDate: "2025-02-26" },
      { clientId: "C2", date: "2052-01-20", channel: "T" }, // a typo for 2025: still never contacted
    ],
    policies: [
      { policyId: "P1", clientId: "C3", insured: "王强", policyType: "Life", insurer: "国寿", startDate: "2020-03-03", termYears: 20,
        sumInsured: 500_000, annualPremium: 8_000, criticalIllness: false, status: "InForce" }, // annual premium due 2025-03-03
    ],
  });
  const items = todayAgenda(b, asOf);

  test("every reason, grouped in a fixed order, most urgent first within each", () => {
    expect(items.map(key)).toEqual([
      "review C2 2025-02-24 0", // never reviewed: due now
      "review C1 2025-02-28 4", // 31 Jan + 1 month, clamped
      "contact C1 2025-02-20 -4",
      "contact C2 2025-02-24 0", // never contacted
      "follow-up C3 2025-02-26 2",
      "birthday C1 2025-02-28 4", // 29 Feb in a common year
      "birthday C1 2025-03-02 6",
      "maturity C1 2025-02-20 -4", // matured over the last week: still money to reinvest
      "maturity C1 2025-03-05 9",
      "premium C3 2025-03-03 7",
      "risk-assessment C3 2024-12-01 -85",
      "risk-assessment C1 2025-03-10 14",
      "suitability C1 2025-02-24 0",
      "verification C1 2025-01-28 -27",
      "verification C2 2025-02-24 0",
      "data-check C2 2025-02-24 0",
    ]);
  });
  test("items carry the client, urgency and detail", () => {
    const find = (r: string, c: string, d?: string): AgendaItem => items.find((i) => i.reason === r && i.clientId === c && (!d || i.date === d))!;
    expect(find("review", "C1")).toMatchObject({ clientName: "张伟", urgency: "soon", detail: { lastDate: "2025-01-31", cadence: "Monthly" } });
    expect(find("review", "C2")).toMatchObject({ urgency: "today", detail: { never: true, cadence: "Semiannual" } });
    expect(find("contact", "C1")).toMatchObject({ urgency: "overdue", detail: { lastDate: "2025-01-20", cadence: "Monthly" } });
    expect(find("follow-up", "C3").detail).toEqual({ lastDate: "2025-02-01", nextAction: "回电确认赎回" });
    expect(find("birthday", "C1", "2025-02-28").detail).toEqual({ person: "张伟", relation: "Self", turns: 33 });
    expect(find("birthday", "C1", "2025-03-02").detail).toEqual({ person: "王芳", relation: "Spouse", turns: 38 });
    expect(find("maturity", "C1", "2025-03-05").detail).toEqual({
      holdingId: "H2", productName: "稳享90天", assetClass: "WealthProduct", institution: THIS_BANK, amount: 500_000,
    });
    expect(find("risk-assessment", "C3").detail).toEqual({ lastDate: "2023-12-01", assessment: "expired", clientRisk: "C2" });
    expect(find("risk-assessment", "C1").detail).toMatchObject({ assessment: "expiring" });
    expect(find("suitability", "C1").detail).toMatchObject({ productName: "科技成长", productRisk: "R4", clientRisk: "C3", amount: 80_000 });
    expect(find("verification", "C2").detail).toEqual({ never: true });
  });
  test("texts in each language", () => {
    const t = (r: string, c: string, d?: string) => items.find((i) => i.reason === r && i.clientId === c && (!d || i.date === d))!;
    expect(describeAgendaItem(t("birthday", "C1", "2025-03-02"), "zh-CN")).toBe("配偶 王芳 生日（38岁）");
    expect(describeAgendaItem(t("birthday", "C1", "2025-03-02"), "zh-TW")).toBe("配偶 王芳 生日（38歲）");
    expect(describeAgendaItem(t("birthday", "C1", "2025-03-02"), "en-US")).toBe("Spouse 王芳 birthday (turns 38)");
    expect(describeAgendaItem(t("birthday", "C1", "2025-02-28"), "zh-CN")).toBe("生日（33岁）");
    expect(describeAgendaItem(t("maturity", "C1", "2025-03-05"), "zh-CN")).toBe("稳享90天（理财）到期，金额 500,000");
    expect(describeAgendaItem(t("maturity", "C1", "2025-03-05"), "en-US")).toBe("稳享90天 (Wealth product) matures, amount 500,000");
    expect(describeAgendaItem(t("review", "C2"), "zh-CN")).toBe("从未检视（半年）");
    expect(describeAgendaItem(t("review", "C1"), "en-US")).toBe("Last reviewed 2025-01-31 (Monthly)");
    expect(describeAgendaItem(t("contact", "C1"), "zh-TW")).toBe("上次聯絡 2025-01-20（月度）");
    expect(describeAgendaItem(t("follow-up", "C3"), "zh-CN")).toBe("回电确认赎回（2025-02-01 联络时约定）");
    expect(describeAgendaItem(t("risk-assessment", "C3"), "zh-CN")).toBe("风险评估（2023-12-01）已过期");
    expect(describeAgendaItem(t("risk-assessment", "C1"), "en-US")).toBe("Risk assessment of 2024-03-10 expires soon");
    expect(describeAgendaItem(t("suitability", "C1"), "zh-CN")).toBe("科技成长 R4 高于客户等级 C3，金额 80,000");
    expect(describeAgendaItem(t("verification", "C2"), "en-US")).toBe("Contact details never verified");
    expect(describeAgendaItem(t("data-check", "C2"), "zh-CN")).toBe("联络记录日期 2052-01-20 晚于今天：不计入到期日，请更正");
    expect(describeAgendaItem(t("data-check", "C2"), "zh-TW")).toBe("聯絡記錄日期 2052-01-20 晚於今天：不計入到期日，請更正");
    expect(describeAgendaItem(t("data-check", "C2"), "en-US")).toBe("Contact date 2052-01-20 is after today: left out of due dates; please correct it");
    for (const i of items) for (const l of ["zh-CN", "zh-TW", "en-US"] as const) expect(describeAgendaItem(i, l)).not.toMatch(/undefined|NaN/);
  });
  test("agendaGroups keeps the order and drops empty groups", () => {
    const g = agendaGroups(items);
    // every reason but the festival greeting, which needs festival dates (tests/domain/todayEntries.test.ts)
    expect(g.map((x) => x.reason)).toEqual(AGENDA_REASONS.filter((r) => r !== "festival"));
    expect(g.reduce((s, x) => s + x.items.length, 0)).toBe(items.length);
    expect(agendaGroups([])).toEqual([]);
  });
  test("windows can be changed", () => {
    const wide = todayAgenda(b, asOf, { birthdayWithinDays: 10, maturityLookbackDays: 0 });
    expect(wide.filter((i) => i.reason === "birthday").map((i) => i.date)).toEqual(["2025-02-28", "2025-03-02", "2025-03-05"]);
    expect(wide.filter((i) => i.reason === "maturity").map((i) => i.date)).toEqual(["2025-03-05"]);
  });
  test("bad asOf or window", () => {
    expect(() => todayAgenda(b, "2025-02-29")).toThrow(/asOf/);
    expect(() => todayAgenda(b, asOf, { birthdayWithinDays: -1 })).toThrow(/birthdayWithinDays/);
    expect(() => todayAgenda(b, asOf, { verifyAfterDays: 1.5 })).toThrow(RangeError);
  });
});

// docs/ARCHITECTURE.md § Figures: "Dates in the future (reviews, contacts, assessments) are data errors, never
// 'the latest'". Expected values by hand: C1 is tier A (monthly); last real review 2025-01-10 → due 2025-02-10,
// 14 days overdue on 2025-02-24; last real contact 2025-01-05 → due 2025-02-05, 19 days overdue.
describe("dates after asOf are data errors, not the latest", () => {
  const asOf = "2025-02-24";
  const b = book({
    clients: [
      quietClient("C1", { riskLevel: "C3", riskAssessedOn: "2052-01-10", verifiedOn: "2052-02-01" }),
      quietClient("C2", { verifiedOn: "2025-01-01" }),
    ],
    holdings: [holding("C1", { amount: 1_000_000 })],
    reviews: [
      { clientId: "C1", reviewDate: "2025-01-10", holdingId: "H1", assetClass: "Deposit", amount: 1_000_000 },
      { clientId: "C1", reviewDate: "2052-01-10", holdingId: "H1", assetClass: "Deposit", amount: 1_000_000 },
      { clientId: "C1", reviewDate: "2052-01-10", holdingId: "H2", assetClass: "Deposit", amount: 5 },
      { clientId: "C2", reviewDate: "2025-02-20", holdingId: "H9", assetClass: "Deposit", amount: 1 },
    ],
    contacts: [
      { clientId: "C1", date: "2025-01-05", channel: "T" },
      { clientId: "C1", date: "2052-01-05", channel: "T", nextDate: "2052-02-01" },
      { clientId: "C2", date: "2025-02-20", channel: "T" },
    ],
  });
  const items = todayAgenda(b, asOf);
  test("a review or contact dated 2052 does not hide the overdue review and call", () => {
    expect(items.filter((i) => i.clientId === "C1" && i.reason !== "data-check").map(key)).toEqual([
      "review C1 2025-02-10 -14",
      "contact C1 2025-02-05 -19",
      "risk-assessment C1 2025-02-24 0", // the 2052 assessment vouches for nothing: due now
      "verification C1 2025-02-24 0",
    ]);
  });
  test("each future date is listed once under data to check, in three languages", () => {
    const checks = items.filter((i) => i.reason === "data-check");
    expect(checks.map((i) => [i.clientId, i.detail.check, i.detail.badDate, i.date])).toEqual([
      ["C1", "future-review", "2052-01-10", asOf],
      ["C1", "future-contact", "2052-01-05", asOf],
      ["C1", "future-assessment", "2052-01-10", asOf],
      ["C1", "future-verification", "2052-02-01", asOf],
    ]);
    expect(describeAgendaItem(checks[0], "zh-CN")).toBe("检视记录日期 2052-01-10 晚于今天：不计入到期日，请更正");
    expect(describeAgendaItem(checks[2], "en-US")).toBe("Risk assessment date 2052-01-10 is after today: left out of due dates; please correct it");
    const ra = items.find((i) => i.reason === "risk-assessment")!;
    expect(describeAgendaItem(ra, "zh-TW")).toBe("風險評估日期 2052-01-10 晚於今天，不算有效評估");
  });
  test("a birthday after asOf (client or family) is listed to check, not silently dropped", () => {
    const bb = book({
      clients: [quietClient("C1", { birthday: "2052-03-01" })],
      family: [{ clientId: "C1", name: "王芳", relation: "Spouse", birthday: "2087-02-25" }],
      reviews: [{ clientId: "C1", reviewDate: "2025-02-20", holdingId: "H1", assetClass: "Deposit", amount: 1 }],
      contacts: [{ clientId: "C1", date: "2025-02-20", channel: "T" }],
    });
    const checks = todayAgenda(bb, asOf).filter((i) => i.reason === "data-check");
    expect(checks.map((i) => [i.detail.check, i.detail.badDate])).toEqual([["future-birthday", "2052-03-01"], ["future-birthday", "2087-02-25"]]);
    expect(describeAgendaItem(checks[0], "zh-CN")).toBe("生日 2052-03-01 晚于今天：不计入到期日，请更正");
    expect(describeAgendaItem(checks[1], "zh-TW")).toBe("配偶 王芳 生日 2087-02-25 晚於今天：不計入到期日，請更正");
    expect(describeAgendaItem(checks[1], "en-US")).toBe("Spouse 王芳 birthday 2087-02-25 is after today: left out of due dates; please correct it");
  });
  test("a record dated on asOf itself is fine", () => {
    expect(todayAgenda(book({ ...b, clients: [quietClient("C2")] }), "2025-02-20").filter((i) => i.reason === "data-check")).toEqual([]);
  });
});

describe("risk assessment: valid through its anniversary (see suitability.test.ts for the source)", () => {
  const b = book({
    clients: [quietClient("C1", { riskLevel: "C3", riskAssessedOn: "2024-02-24" })],
    reviews: [{ clientId: "C1", reviewDate: "2025-02-20", holdingId: "H1", assetClass: "Deposit", amount: 1 }],
    contacts: [{ clientId: "C1", date: "2025-02-20", channel: "T" }],
  });
  test("on the anniversary: expiring today, not expired; the next day: expired", () => {
    const on = todayAgenda(b, "2025-02-24").find((i) => i.reason === "risk-assessment")!;
    expect([on.date, on.daysUntil, on.urgency, on.detail.assessment]).toEqual(["2025-02-24", 0, "today", "expiring"]);
    expect(describeAgendaItem(on, "en-US")).toBe("Risk assessment of 2024-02-24 expires soon");
    const after = todayAgenda(b, "2025-02-25").find((i) => i.reason === "risk-assessment")!;
    expect([after.daysUntil, after.urgency, after.detail.assessment]).toEqual([-1, "overdue", "expired"]);
    expect(describeAgendaItem(after, "zh-CN")).toBe("风险评估（2024-02-24）已过期");
  });
});

describe("dates at the edges (frozen)", () => {
  const born29 = book({ clients: [quietClient("C1", { birthday: "2000-02-29" })] });
  const bday = (asOf: string) => todayAgenda(born29, asOf).filter((i) => i.reason === "birthday").map((i) => [i.date, i.daysUntil, i.detail.turns]);
  test("29 Feb birthdays in 2025 (common) and 2028 (leap)", () => {
    expect(bday("2025-02-21")).toEqual([["2025-02-28", 7, 25]]);
    expect(bday("2025-02-20")).toEqual([]);
    expect(bday("2025-02-28")).toEqual([["2025-02-28", 0, 25]]);
    expect(bday("2025-03-01")).toEqual([]);
    expect(bday("2028-02-25")).toEqual([["2028-02-29", 4, 28]]);
    expect(bday("2028-02-29")).toEqual([["2028-02-29", 0, 28]]);
    expect(bday("2028-03-01")).toEqual([]);
  });
  test("birthdays across the year end", () => {
    const b = book({ clients: [quietClient("C1", { birthday: "1970-01-02" })] });
    expect(todayAgenda(b, "2025-12-28").filter((i) => i.reason === "birthday").map((i) => i.date)).toEqual(["2026-01-02"]);
  });
  test("reviews due at month end, clamped; within 7 days or overdue", () => {
    const b = book({
      clients: [quietClient("C1", { reviewCadence: "Monthly" })],
      reviews: [{ clientId: "C1", reviewDate: "2025-01-31", holdingId: "H1", assetClass: "Deposit", amount: 1 }],
      contacts: [{ clientId: "C1", date: "2025-02-15", channel: "T" }],
    });
    const review = (asOf: string) => todayAgenda(b, asOf).filter((i) => i.reason === "review").map((i) => [i.date, i.daysUntil, i.urgency]);
    expect(review("2025-02-20")).toEqual([]);
    expect(review("2025-02-21")).toEqual([["2025-02-28", 7, "soon"]]);
    expect(review("2025-02-28")).toEqual([["2025-02-28", 0, "today"]]);
    expect(review("2025-03-02")).toEqual([["2025-02-28", -2, "overdue"]]);
    // in a leap year the same review falls due on 29 Feb
    const leap = book({ ...b, reviews: [{ ...b.reviews[0], reviewDate: "2028-01-31" }], contacts: [] });
    expect(todayAgenda(leap, "2028-02-27").filter((i) => i.reason === "review").map((i) => i.date)).toEqual(["2028-02-29"]);
  });
  test("the cadence comes from the tier when the client has none; a manual tier wins", () => {
    const clients = [quietClient("C1"), quietClient("C2"), quietClient("C3", { tier: "A" })];
    const holdings = [holding("C1", { amount: 900 }), holding("C2", { amount: 100 })];
    const reviews = clients.map((c) => ({ clientId: c.clientId, reviewDate: "2025-01-15", holdingId: "H", assetClass: "Deposit" as const, amount: 1 }));
    const contacts = clients.map((c) => ({ clientId: c.clientId, date: "2025-02-20", channel: "T" as const }));
    const got = todayAgenda(book({ clients, holdings, reviews, contacts }), "2025-02-20").filter((i) => i.reason === "review");
    // C1 computed A → monthly, overdue since 15 Feb; C2 computed B (quarterly) not due; C3 manual A → monthly
    expect(got.map((i) => [i.clientId, i.detail.cadence, i.daysUntil])).toEqual([["C1", "Monthly", -5], ["C3", "Monthly", -5]]);
  });
  test("a later contact replaces an earlier follow-up; a NextDate not after its contact is ignored", () => {
    const b = book({
      clients: [quietClient("C1"), quietClient("C2")],
      contacts: [
        { clientId: "C1", date: "2025-02-01", channel: "T", nextDate: "2025-02-10" },
        { clientId: "C1", date: "2025-02-12", channel: "T" },
        { clientId: "C2", date: "2025-02-12", channel: "T", nextDate: "2025-02-12" },
      ],
    });
    expect(todayAgenda(b, "2025-02-20").filter((i) => i.reason === "follow-up")).toEqual([]);
  });
  test("verification: 180 days to the day", () => {
    const b = book({ clients: [quietClient("C1", { verifiedOn: "2024-08-28" })] });
    const v = (asOf: string) => todayAgenda(b, asOf).filter((i) => i.reason === "verification").map((i) => [i.date, i.daysUntil]);
    expect(v("2025-02-23")).toEqual([]);
    expect(v("2025-02-24")).toEqual([["2025-02-24", 0]]);
    expect(v("2025-03-01")).toEqual([["2025-02-24", -5]]);
  });
  test("a client with no risk level and no rated product needs no assessment; with a level but no date, it is due now", () => {
    const b = book({ clients: [quietClient("C1"), quietClient("C2", { riskLevel: "C2" })], holdings: [holding("C1", {})] });
    expect(todayAgenda(b, "2025-02-20").filter((i) => i.reason === "risk-assessment").map((i) => [i.clientId, i.detail.never])).toEqual([["C2", true]]);
  });
  test("large book: one pass, every client appears under review when never reviewed", () => {
    const clients = Array.from({ length: 2000 }, (_, i) => quietClient(`C${i}`));
    const items = todayAgenda(book({ clients }), "2025-02-20");
    expect(items.filter((i) => i.reason === "review")).toHaveLength(2000);
    expect(items.filter((i) => i.reason === "review").map((i) => i.clientId).slice(0, 3)).toEqual(["C0", "C1", "C2"]);
  });
});

// Issue #15: one amount format everywhere — whole 元 like the cells' #,##0 (83,937.98 and 1,908,000 no longer mix).
describe("formatAmount", () => {
  test.each<[number, string]>([
    [500000, "500,000"], [1234.5, "1,235"], [0, "0"], [1e9, "1,000,000,000"], [999, "999"], [1000, "1,000"],
    [0.005, "0"], [-1234567.891, "-1,234,568"], [-0.001, "0"], [12.3456, "12"], [83937.98, "83,938"],
  ])("%p → %s", (n, s) => expect(formatAmount(n)).toBe(s));
  test("agrees with Intl for whole amounts (halves away from zero, as Excel's ROUND)", () => {
    const intl = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0, roundingMode: "halfExpand" } as Intl.NumberFormatOptions);
    for (const n of [1, 12, 123, 1234, 12345.6, 123456.78, 9_876_543_210, 42.1, 2.5]) expect(formatAmount(n)).toBe(intl(n));
  });
});

describe("policies to check: a stale in-force status, a CI rider without its amount (src/domain/protection.ts)", () => {
  const asOf = "2026-11-23";
  const policy = (policyId: string, extra: Partial<Policy>): Policy => ({
    policyId, clientId: "C1", insured: "客户C1", policyType: "Life", insurer: "平安人寿", sumInsured: 5_000_000, annualPremium: 30_000,
    criticalIllness: false, status: "InForce", ...extra,
  });
  const b = book({
    clients: [quietClient("C1", { verifiedOn: "2026-10-01" })],
    policies: [
      // issue 12: 20 years from 2005-01-01 ended 2025-01-01, still marked 有效
      policy("P1", { productName: "定期寿险", startDate: "2005-01-01", termYears: 20 }),
      policy("P2", { criticalIllness: true }), // a life policy with a CI rider, no CriticalIllnessSum
      policy("P3", { criticalIllness: true, criticalIllnessSum: 500_000 }), // fine
      policy("P4", { startDate: "2005-01-01", termYears: 20, status: "Matured" }), // ended and marked so: fine
    ],
  });
  const checks = todayAgenda(b, asOf).filter((i) => i.reason === "data-check");
  test("each listed once with what to fix, in three languages", () => {
    expect(checks.map((i) => [i.detail.check, i.detail.policyId, i.detail.badDate, i.date])).toEqual([
      ["stale-policy-status", "P1", "2025-01-01", asOf],
      ["ci-sum-missing", "P2", undefined, asOf],
    ]);
    expect(describeAgendaItem(checks[0], "zh-CN")).toBe("保单 P1 定期寿险 保障已于 2025-01-01 期满，状态仍为有效：不计入保额，请核实状态");
    expect(describeAgendaItem(checks[0], "zh-TW")).toBe("保單 P1 定期寿险 保障已於 2025-01-01 期滿，狀態仍為有效：不計入保額，請核實狀態");
    expect(describeAgendaItem(checks[1], "en-US")).toBe("Policy P2 has a CI rider but no CI sum insured: not counted as CI cover; enter it");
  });
  test("before the term ended nothing is stale", () => {
    const early = todayAgenda(b, "2024-12-31").filter((i) => i.reason === "data-check" && i.detail.policyId !== undefined);
    expect(early.map((i) => i.detail.check)).toEqual(["ci-sum-missing"]);
  });
});

describe("todayAgenda: premiums due (src/domain/premiums.ts)", () => {
  const client = quietClient("C1", { name: "张伟" });
  const asOf = "2025-02-24";
  const policy = (extra: Partial<Policy>): Policy => ({
    policyId: "P1", clientId: "C1", insured: "张伟", policyType: "Life", insurer: "平安人寿", sumInsured: 1_000_000,
    annualPremium: 12_000, criticalIllness: false, status: "InForce", ...extra,
  });
  const premiums = (p: Policy) => todayAgenda(book({ clients: [client], policies: [p], reviews: [], contacts: [] }), asOf).filter((i) => i.reason === "premium");

  test("a monthly premium from a 31 Jan start is due 28 Feb (EDATE), within 14 days, with sum and payer", () => {
    const items = premiums(policy({ startDate: "2024-01-31", premiumFrequency: "Monthly", payer: "王芳" }));
    expect(items.map((i) => [i.date, i.daysUntil, i.detail.amount, i.detail.payer])).toEqual([["2025-02-28", 4, 1_000, "王芳"]]);
    expect(describeAgendaItem(items[0], "zh-CN")).toBe("保单 P1（平安人寿）应缴保费 1,000，投保人 王芳");
    expect(describeAgendaItem(items[0], "zh-TW")).toBe("保單 P1（平安人寿）應繳保費 1,000，要保人 王芳");
    expect(describeAgendaItem(items[0], "en-US")).toBe("Policy P1 (平安人寿) premium 1,000 due, paid by 王芳");
  });

  test("the last premium of the term says so; after it the policy is paid up and nothing is due", () => {
    // 10 annual premiums from 2016-03-01: k = 0 … 9, the last on 2025-03-01
    const last = premiums(policy({ startDate: "2016-03-01", premiumYears: 10, termYears: 30 }));
    expect(last.map((i) => [i.date, i.detail.lastPremium])).toEqual([["2025-03-01", true]]);
    expect(describeAgendaItem(last[0], "zh-CN")).toBe("保单 P1（平安人寿）应缴保费 12,000，投保人 张伟；最后一期，缴后即缴清");
    expect(premiums(policy({ startDate: "2015-03-01", premiumYears: 10, termYears: 30 }))).toEqual([]); // paid up 2024-03-01
  });

  test("万 unit: a 72 TWD monthly premium reads 72元, not 0.0萬 (a non-zero amount shown as zero)", () => {
    // AnnualPremium 864 paid monthly: 864 ÷ 12 = 72 a month (src/domain/premiums.ts premiumSchedule), due 28 Feb
    const twd = policy({ startDate: "2024-01-31", premiumFrequency: "Monthly", annualPremium: 864, insurer: "國泰人壽" });
    const items = todayAgenda(book({ settings: { ...emptyBook({ currency: "TWD" }).settings, amountUnit: "Wan" }, clients: [client], policies: [twd], reviews: [], contacts: [] }), asOf)
      .filter((i) => i.reason === "premium");
    expect(items.map((i) => i.detail.amount)).toEqual([72]);
    expect(describeAgendaItem(items[0], "zh-TW", "Wan")).toBe("保單 P1（國泰人壽）應繳保費 72元，要保人 张伟");
    expect(describeAgendaItem(items[0], "zh-CN", "Wan")).toBe("保单 P1（國泰人壽）应缴保费 72元，投保人 张伟");
    expect(describeAgendaItem(items[0], "en-US", "Wan")).toBe("Policy P1 (國泰人壽) premium 72元 due, paid by 张伟");
  });

  test("outside 14 days, lapsed or single-premium after its start: nothing", () => {
    expect(premiums(policy({ startDate: "2020-03-10" }))).toHaveLength(1); // 2025-03-10 is 14 days ahead: listed
    expect(premiums(policy({ startDate: "2020-03-11" }))).toEqual([]);
    expect(premiums(policy({ startDate: "2020-03-01", status: "Lapsed" }))).toEqual([]);
    expect(premiums(policy({ startDate: "2024-03-01", premiumFrequency: "Single" }))).toEqual([]);
  });
});
