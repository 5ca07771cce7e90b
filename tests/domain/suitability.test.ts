import {
  assessmentExpiry, bookSuitability, holdingSuitability, isSuitable, levelSuitable, parseClientRisk, parseProductRisk,
  riskAssessmentStatus, SUITABILITY_REASON_LABELS,
} from "../../src/domain/suitability";
import { emptyBook, THIS_BANK, type Book, type Client, type ClientRisk, type Holding, type ProductRisk } from "../../src/domain/types";

describe("parseClientRisk", () => {
  test.each<[unknown, ClientRisk]>([
    ["C1", "C1"], ["c5", "C5"], [" C3 ", "C3"], ["Ｃ２", "C2"], [1, "C1"], [5, "C5"], ["4", "C4"], [3.0, "C3"],
    ["保守", "C1"], ["保守型", "C1"], ["稳健", "C2"], ["稳健型", "C2"], ["穩健", "C2"], ["穩健型", "C2"], ["平衡型", "C3"],
    ["成长", "C4"], ["成長型", "C4"], ["进取", "C5"], ["進取型", "C5"], ["积极型", "C5"], ["Conservative", "C1"],
    ["balanced", "C3"], ["Growth", "C4"], ["aggressive", "C5"],
    // issue 12: 谨慎型 with 保守型 (C1), 激进型 with 进取型 (C5), 繁體 too
    ["谨慎型", "C1"], ["謹慎型", "C1"], ["谨慎", "C1"], ["激进型", "C5"], ["激進型", "C5"], ["激进", "C5"],
  ])("%p → %s", (x, want) => expect(parseClientRisk(x)).toEqual({ ok: true, value: want }));
  test.each<unknown>(["C6", "C0", "R3", 0, 6, 2.5, -1, "", "型", "保守型型", "高", null, undefined, true, NaN])("%p is refused", (x) => {
    const r = parseClientRisk(x);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: "bad-client-risk", arg: "clientRisk" });
    expect(r.error.message["en-US"]).toMatch(/^clientRisk must be C1–C5, 1–5, or 保守\(谨慎\)\/稳健\/平衡\/成长\/进取\(激进\) .*\(got .*\)$/);
    expect(r.error.message["zh-TW"]).toMatch(/穩健/);
  });
});

describe("parseProductRisk", () => {
  test.each<[unknown, ProductRisk]>([
    ["R1", "R1"], ["r5", "R5"], [2, "R2"], ["3", "R3"], ["低风险", "R1"], ["中低风险", "R2"], ["中風險", "R3"], ["中高風險", "R4"],
    ["高风险", "R5"], ["high risk", "R5"], ["Medium-Low", "R2"], ["Ｒ４", "R4"],
    // issue 12: PR1–PR5, RR1–RR5, "R5级", 低/中低/中/中高/高 with or without 风险(等级), 繁體 too
    ["PR1", "R1"], ["pr3", "R3"], ["RR5", "R5"], ["R5级", "R5"], ["R2級", "R2"], ["PR4级", "R4"], ["中低風險", "R2"], ["高风险等级", "R5"],
  ])("%p → %s", (x, want) => expect(parseProductRisk(x)).toEqual({ ok: true, value: want }));
  test.each<unknown>(["R0", "R6", "C3", 0, 6, 1.5, "", "风险", null, {}, "PR0", "PR6", "RR", "R5级级", "级"])("%p is refused", (x) => {
    const r = parseProductRisk(x, "productRisk");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: "bad-product-risk", arg: "productRisk" });
  });
});

// The rule (src/domain/suitability.ts, assessmentExpiry): reassess after "超过一年未进行风险承受能力评估"
// (《商业银行理财业务监督管理办法》); 《民法典》 第二百零一、二百零二条 count the year from the next day to the
// anniversary (the month's last day when there is none), 第一千二百五十九条 "超过" excludes the number itself. So an
// assessment is valid on its anniversary and expired the day after.
describe("risk assessment status (frozen dates)", () => {
  const asOf = "2025-03-15";
  test.each<[string | undefined, string]>([
    [undefined, "missing"],
    ["2025-01-01", "valid"],
    ["2024-04-15", "valid"], // last valid day 2025-04-15: 31 days away
    ["2024-04-14", "expiring"], // last valid day 30 days away
    ["2024-03-16", "expiring"], // 1 day left
    ["2024-03-15", "expiring"], // exactly one year old today: not over a year, its last valid day
    ["2024-03-14", "expired"], // over one year old
    ["2023-01-01", "expired"],
    ["2026-01-01", "future"], // dated after asOf (a typo): a data error, vouches for nothing
    ["2052-03-15", "future"],
  ])("assessed %p → %s", (d, s) => expect(riskAssessmentStatus(d, asOf)).toBe(s));
  test("29 Feb assessments count through 28 Feb of the next year (民法典 第二百零二条: no corresponding day → the month's last day)", () => {
    expect(assessmentExpiry("2024-02-29")).toBe("2025-02-28");
    expect(riskAssessmentStatus("2024-02-29", "2025-02-27")).toBe("expiring");
    expect(riskAssessmentStatus("2024-02-29", "2025-02-28")).toBe("expiring");
    expect(riskAssessmentStatus("2024-02-29", "2025-03-01")).toBe("expired");
    expect(assessmentExpiry("2027-02-28")).toBe("2028-02-28");
  });
  test("bad dates", () => {
    expect(() => riskAssessmentStatus("2024-02-30", asOf)).toThrow(/assessedOn/);
    expect(() => riskAssessmentStatus("2024-02-01", "today")).toThrow(/asOf/);
  });
});

describe("isSuitable / levelSuitable", () => {
  test("level ≤ client's and the assessment under one year old", () => {
    expect(levelSuitable("C3", "R3")).toBe(true);
    expect(levelSuitable("C3", "R4")).toBe(false);
    expect(levelSuitable("C5", "R1")).toBe(true);
    expect(isSuitable("C3", "R2", "2024-06-01", "2025-03-01")).toBe(true);
    expect(isSuitable("C3", "R2", "2024-03-10", "2025-03-01")).toBe(true); // expiring but not expired
    expect(isSuitable("C3", "R4", "2024-06-01", "2025-03-01")).toBe(false);
    expect(isSuitable("C3", "R2", "2024-03-01", "2025-03-01")).toBe(true); // one year old today: its last valid day
    expect(isSuitable("C3", "R2", "2024-02-29", "2025-03-01")).toBe(false); // over one year
    expect(isSuitable("C3", "R2", undefined, "2025-03-01")).toBe(false);
    expect(isSuitable("C3", "R2", "2052-01-01", "2025-03-01")).toBe(false); // dated in the future: no valid assessment
  });
});

describe("holdingSuitability", () => {
  const asOf = "2025-03-01";
  const client: Pick<Client, "riskLevel" | "riskAssessedOn"> = { riskLevel: "C3", riskAssessedOn: "2024-09-01" };
  test.each<[Partial<Holding>, Pick<Client, "riskLevel" | "riskAssessedOn">, object]>([
    [{ assetClass: "Fund", riskLevel: "R3" }, client, { ok: true }],
    [{ assetClass: "Fund", riskLevel: "R4" }, client, { ok: false, reason: "above-risk" }],
    [{ assetClass: "Fund" }, client, { ok: false, reason: "no-product-risk" }],
    [{ assetClass: "WealthProduct" }, client, { ok: false, reason: "no-product-risk" }],
    [{ assetClass: "Deposit" }, client, { ok: true, reason: "not-applicable" }],
    [{ assetClass: "Property" }, client, { ok: true, reason: "not-applicable" }],
    [{ assetClass: "Loan", riskLevel: "R5" }, client, { ok: true, reason: "not-applicable" }],
    [{ assetClass: "Insurance", riskLevel: "R4" }, client, { ok: false, reason: "above-risk" }],
    [{ assetClass: "Fund", riskLevel: "R2" }, {}, { ok: false, reason: "no-client-risk" }],
    [{ assetClass: "Fund", riskLevel: "R2" }, { riskLevel: "C3" }, { ok: false, reason: "no-assessment" }],
    [{ assetClass: "Fund", riskLevel: "R2" }, { riskLevel: "C3", riskAssessedOn: "2024-03-01" }, { ok: true }], // anniversary: still valid
    [{ assetClass: "Fund", riskLevel: "R2" }, { riskLevel: "C3", riskAssessedOn: "2024-02-29" }, { ok: false, reason: "assessment-expired" }],
    [{ assetClass: "Fund", riskLevel: "R2" }, { riskLevel: "C3", riskAssessedOn: "2052-01-01" }, { ok: false, reason: "no-assessment" }],
    [{ assetClass: "Fund", riskLevel: "R5" }, { riskLevel: "C3", riskAssessedOn: "2020-01-01" }, { ok: false, reason: "above-risk" }],
  ])("%p for %p → %p", (h, c, want) => {
    expect(holdingSuitability(c, { assetClass: "Fund", ...h } as Holding, asOf)).toEqual(want);
  });
  test("every reason has a label in each language", () => {
    for (const l of Object.values(SUITABILITY_REASON_LABELS)) expect(Object.keys(l).sort()).toEqual(["en-US", "zh-CN", "zh-TW"]);
  });
});

describe("bookSuitability", () => {
  let seq = 0;
  const h = (clientId: string, extra: Partial<Holding>): Holding => ({
    holdingId: `H${++seq}`, clientId, assetClass: "Fund", productName: `产品${seq}`, institution: THIS_BANK, amount: 1000 * seq, ...extra,
  });
  const clients: Client[] = [
    { clientId: "C1", name: "张伟", riskLevel: "C2", riskAssessedOn: "2024-01-10" }, // expired, one fund above
    { clientId: "C2", name: "李娜", riskLevel: "C4", riskAssessedOn: "2024-12-01" }, // all fine
    { clientId: "C3", name: "王芳" }, // rated holding, no level, no assessment
    { clientId: "C4", name: "赵磊" }, // deposits only: needs nothing
    { clientId: "C5", name: "陈静", riskLevel: "C1" }, // level, no assessment, no holdings
  ];
  const holdings = [
    h("C1", { riskLevel: "R3" }),
    h("C1", { riskLevel: "R2" }),
    h("C1", { assetClass: "Loan", riskLevel: "R5" }),
    h("C2", { riskLevel: "R4" }),
    h("C2", { assetClass: "Deposit" }),
    h("C3", { riskLevel: "R1" }),
    h("C3", { assetClass: "Stock" }),
    h("C4", { assetClass: "Deposit" }),
  ];
  const book: Book = { ...emptyBook(), clients, holdings };
  test("lists above-level holdings and expired or missing assessments, in book order", () => {
    const p = bookSuitability(book, "2025-03-01");
    expect(p.map((x) => [x.clientId, x.reason, x.holdingId ?? ""])).toEqual([
      ["C1", "assessment-expired", ""],
      ["C1", "above-risk", "H1"],
      ["C3", "no-client-risk", ""],
      ["C3", "no-assessment", ""],
      ["C3", "no-product-risk", "H7"],
      ["C5", "no-assessment", ""],
    ]);
    expect(p[0]).toMatchObject({ clientName: "张伟", clientRisk: "C2", assessedOn: "2024-01-10", expiresOn: "2025-01-10" });
    expect(p[1]).toMatchObject({ productName: "产品1", amount: 1000, productRisk: "R3", clientRisk: "C2", institution: THIS_BANK });
  });
  test("empty book", () => expect(bookSuitability(emptyBook(), "2025-03-01")).toEqual([]));
  test("bad asOf", () => expect(() => bookSuitability(book, "2025-3-1")).toThrow(/asOf/));
});
