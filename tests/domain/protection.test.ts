import type { Result } from "../../src/domain/result";
import { emptyBook, type Book, type Holding, type Policy, THIS_BANK } from "../../src/domain/types";
import { CI_INCOME_YEARS, clientProtection, coverByPerson, coverEnd, coverState, criticalIllnessAmount, policyChecks } from "../../src/domain/protection";
import { dimeNeed, gap, hlv } from "../../src/domain/protectionNeed";

const AS_OF = "2026-11-23";

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected a value, got ${r.error.code}: ${r.error.message["en-US"]}`);
  return r.value;
}
function error<T>(r: Result<T>) {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}

let seq = 0;
const pol = (clientId: string, insured: string, policyType: Policy["policyType"], sumInsured: number, annualPremium: number, status: Policy["status"] = "InForce", criticalIllness = policyType === "CriticalIllness"): Policy => ({
  policyId: `P${++seq}`,
  clientId,
  insured,
  policyType,
  insurer: "平安人寿",
  sumInsured,
  annualPremium,
  criticalIllness,
  status,
});
const hold = (clientId: string, assetClass: Holding["assetClass"], productName: string, amount: number, institution = THIS_BANK): Holding => ({
  holdingId: `H${++seq}`,
  clientId,
  assetClass,
  productName,
  institution,
  amount,
});

/**
 * C0001 李强, income 300,000, Children field 1 but two Child members (→ 2 children).
 * C0002 王五, no income, no policies, a spouse.  C0003 赵敏, income 100,000, a life policy with a CI rider.
 */
function sampleBook(): Book {
  const book = emptyBook();
  book.clients = [
    { clientId: "C0001", name: "李强", annualIncome: 300_000, children: 1 },
    { clientId: "C0002", name: "王五", children: 0 },
    { clientId: "C0003", name: "赵敏", annualIncome: 100_000 },
  ];
  book.family = [
    { clientId: "C0001", name: "王芳", relation: "Spouse" },
    { clientId: "C0001", name: "李明", relation: "Child" },
    { clientId: "C0002", name: "钱七", relation: "Spouse" },
    { clientId: "C0001", name: "李华", relation: "Child" },
    { clientId: "C0001", name: "李父", relation: "Parent" },
  ];
  book.holdings = [
    hold("C0001", "Loan", "个人住房贷款", 1_200_000), // mortgage
    hold("C0001", "Loan", "消费贷", 50_000),
    hold("C0001", "Loan", "Car loan", 80_000, "Other Bank"),
    hold("C0001", "Deposit", "定期存款", 200_000),
    hold("C0001", "WealthProduct", "理财", 100_000, "招商银行"),
    hold("C0001", "Fund", "基金", 50_000),
    hold("C0003", "Loan", "Mortgage", 400_000),
  ];
  book.policies = [
    pol("C0001", "李强", "Life", 1_000_000, 8_000),
    pol("C0001", "李强", "CriticalIllness", 500_000, 12_000), // CI type with the flag: counted once
    pol("C0001", "李强", "Life", 2_000_000, 20_000, "Lapsed"), // ignored
    pol("C0001", "王芳", "Medical", 3_000_000, 1_500),
    pol("C0001", "王芳", "Life", 500_000, 6_000, "InForce", true), // life with a CI rider
    pol("C0001", " 李 明 ", "Accident", 200_000, 300), // spaces: still 李明
    pol("C0001", "李华", "Education", 100_000, 10_000, "Matured"), // ignored: 李华 uncovered
    pol("C0001", "本人", "Accident", 1_000_000, 500), // 本人 = the client
    pol("C0001", "赵六", "Life", 100_000, 1_000), // not a listed family member
    { ...pol("C0003", "赵敏", "Life", 800_000, 15_000, "InForce", true), criticalIllnessSum: 300_000 }, // rider of 300,000
  ];
  return book;
}

describe("dimeNeed", () => {
  test("debts + income × years + mortgage + education × children − earmarked", () => {
    // 50,000 + 200,000×10 + 1,000,000 + 300,000×2 − 100,000 = 3,550,000
    expect(value(dimeNeed({ annualIncome: 200_000, years: 10, debts: 50_000, mortgage: 1_000_000, educationPerChild: 300_000, children: 2, earmarkedAssets: 100_000 }))).toBe(3_550_000);
    // optional parts default to 0: 100,000 × 5
    expect(value(dimeNeed({ annualIncome: 100_000, years: 5 }))).toBe(500_000);
  });
  test("never below 0", () => {
    // 10,000 + 0 − 50,000 → 0
    expect(value(dimeNeed({ annualIncome: 0, years: 10, debts: 10_000, earmarkedAssets: 50_000 }))).toBe(0);
  });
  test("bad arguments are named", () => {
    expect(error(dimeNeed({ annualIncome: NaN, years: 10 }))).toMatchObject({ code: "not-a-number", arg: "annualIncome" });
    expect(error(dimeNeed({ annualIncome: 1, years: -1 }))).toMatchObject({ code: "out-of-range", arg: "years" });
    expect(error(dimeNeed({ annualIncome: 1, years: 1, debts: -5 }))).toMatchObject({ code: "out-of-range", arg: "debts" });
    expect(error(dimeNeed({ annualIncome: 1, years: 1, mortgage: Infinity }))).toMatchObject({ code: "not-a-number", arg: "mortgage" });
    expect(error(dimeNeed({ annualIncome: 1, years: 1, educationPerChild: -1 }))).toMatchObject({ arg: "educationPerChild" });
    expect(error(dimeNeed({ annualIncome: 1, years: 1, children: 1.5 }))).toMatchObject({ code: "not-whole", arg: "children" });
    expect(error(dimeNeed({ annualIncome: 1, years: 1, earmarkedAssets: -1 }))).toMatchObject({ arg: "earmarkedAssets" });
  });
});

// Default timing = Excel's PV(i, n, -N) (Microsoft, "PV function": type 0 or omitted = end of period); "start" = PV
// type 1. tests/functions/hyperformula.test.ts checks both against HyperFormula's native PV.
describe("hlv", () => {
  test("end of year (default): Σₜ₌₁ⁿ N·(1+g)ᵗ⁻¹/(1+i)ᵗ, = PV(i, n, -N) when g = 0", () => {
    // 100,000 × (1/1.05 + 1/1.05² + 1/1.05³) = 95,238.0952 + 90,702.9478 + 86,383.7599 = 272,324.8029
    expect(value(hlv(100_000, 3, 0.05))).toBeCloseTo(272_324.8029, 3);
    const q = 1.03 / 1.05;
    expect(value(hlv(100_000, 3, 0.05, 0.03))).toBeCloseTo((100_000 * (1 + q + q * q)) / 1.05, 6);
    // the growing-annuity closed form N/(i − g)·(1 − qⁿ) over 30 years
    const q2 = 1.02 / 1.04;
    expect(value(hlv(80_000, 30, 0.04, 0.02))).toBeCloseTo((80_000 / (0.04 - 0.02)) * (1 - q2 ** 30), 4);
  });
  test("start of year: Σₜ₌₀ⁿ⁻¹ N·(1+g)ᵗ/(1+i)ᵗ, = PV(i, n, -N, 0, 1) when g = 0", () => {
    // 100,000 × (1 + 1/1.05 + 1/1.05²) = 100,000 + 95,238.0952 + 90,702.9478 = 285,941.0431
    expect(value(hlv(100_000, 3, 0.05, 0, "start"))).toBeCloseTo(285_941.0431, 3);
    const q2 = 1.02 / 1.04;
    expect(value(hlv(80_000, 30, 0.04, 0.02, "start"))).toBeCloseTo((80_000 * (1 - q2 ** 30)) / (1 - q2), 4);
  });
  test("equal growth and discount, or no discount; no years: 0", () => {
    expect(value(hlv(100_000, 20, 0.03, 0.03, "start"))).toBeCloseTo(2_000_000, 6);
    expect(value(hlv(100_000, 20, 0.03, 0.03))).toBeCloseTo(2_000_000 / 1.03, 6);
    expect(value(hlv(50_000, 4, 0))).toBe(200_000);
    expect(value(hlv(50_000, 0, 0.05))).toBe(0);
  });
  test("a rate above 1 is a percentage typed as a number: refused with the two right spellings", () => {
    expect(error(hlv(100_000, 10, 3))).toMatchObject({ code: "rate-as-percent", arg: "discountRate" });
    expect(error(hlv(100_000, 10, 3)).message["en-US"]).toBe("discountRate 3 looks like a percentage; write 3% or 0.03");
    expect(error(hlv(100_000, 10, 0.03, 5)).message["zh-CN"]).toBe("growthRate 5 看来是百分数：请写 5% 或 0.05");
    expect(value(hlv(100_000, 1, 1))).toBe(50_000); // 100 % itself is a rate
  });
  test("bad arguments are named", () => {
    expect(error(hlv(-1, 10, 0.05))).toMatchObject({ code: "out-of-range", arg: "netIncome" });
    expect(error(hlv(1, 2.5, 0.05))).toMatchObject({ code: "not-whole", arg: "years" });
    expect(error(hlv(1, 101, 0.05))).toMatchObject({ code: "out-of-range", arg: "years" });
    expect(error(hlv(1, 10, -1))).toMatchObject({ code: "out-of-range", arg: "discountRate" });
    expect(error(hlv(1, 10, 0.05, "x" as unknown as number))).toMatchObject({ code: "not-a-number", arg: "growthRate" });
  });
});

describe("gap", () => {
  test("max(0, need − cover)", () => {
    expect(value(gap(500, 200))).toBe(300);
    expect(value(gap(200, 500))).toBe(0);
  });
  test("bad arguments are named", () => {
    expect(error(gap(-1, 0))).toMatchObject({ arg: "need" });
    expect(error(gap(1, NaN))).toMatchObject({ code: "not-a-number", arg: "existingCover" });
  });
});

describe("coverByPerson", () => {
  const book = sampleBook();
  const people = coverByPerson(book, book.clients[0], AS_OF);

  test("client, family members in table order, then other insured names", () => {
    expect(people.map((p) => [p.name, p.relation])).toEqual([
      ["李强", "Self"],
      ["王芳", "Spouse"],
      ["李明", "Child"],
      ["李华", "Child"],
      ["李父", "Parent"],
      ["赵六", "Unlisted"],
    ]);
  });

  test("covering policies only; CI cover is the CI amount, not the life sum of a policy with a CI rider", () => {
    const [self, spouse, child, child2, parent, other] = people;
    // life 1,000,000 (the lapsed 2,000,000 ignored); CI 500,000 once; accident via 本人; premiums 8,000 + 12,000 + 500
    expect(self).toMatchObject({ life: 1_000_000, criticalIllness: 500_000, medical: 0, accident: 1_000_000, premiums: 20_500, policies: 3 });
    // life 500,000 with a CI rider but no CI sum insured: life 500,000, CI 0 (was 500,000: the whole life sum)
    expect(spouse).toMatchObject({ life: 500_000, criticalIllness: 0, medical: 3_000_000, accident: 0, premiums: 7_500, policies: 2 });
    expect(spouse.byType).toEqual({ Life: 500_000, CriticalIllness: 0, Medical: 3_000_000, Accident: 0, Annuity: 0, Education: 0, Other: 0 });
    expect(child).toMatchObject({ accident: 200_000, premiums: 300, policies: 1 });
    expect(child2).toMatchObject({ policies: 0, premiums: 0, life: 0 });
    expect(child2.byType.Education).toBe(0); // matured
    expect(parent.policies).toBe(0);
    expect(other).toMatchObject({ life: 100_000, premiums: 1_000 });
  });
});

describe("clientProtection", () => {
  test("C0001: hand-checked need, cover, gaps and 双十", () => {
    const book = sampleBook();
    const p = value(clientProtection(book, "C0001", AS_OF));
    // debts 50,000 + 80,000 = 130,000; mortgage 1,200,000 (个人住房贷款 contains 房贷); children max(1, 2) = 2
    // need = 130,000 + 300,000×10 + 1,200,000 + 500,000×2 − 0 = 5,330,000
    expect(p.need).toEqual({
      debts: 130_000,
      mortgage: 1_200_000,
      incomeYears: 10,
      incomeReplacement: 3_000_000,
      children: 2,
      educationPerChild: 500_000,
      earmarkedAssets: 0,
      life: 5_330_000,
      ciIncomeYears: 5,
      criticalIllness: CI_INCOME_YEARS * 300_000, // 1,500,000
    });
    expect(p.liquidAssets).toBe(300_000); // 200,000 deposit + 100,000 wealth product (any bank)
    expect(p.cover).toEqual({ life: 1_000_000, criticalIllness: 500_000 });
    // 5,330,000 − 1,000,000; 1,500,000 − 500,000
    expect(p.gap).toEqual({ life: 4_330_000, criticalIllness: 1_000_000 });
    // 双十 on the client's own base: protection premiums of the policies insuring 李强 and covering — life 8,000 +
    // CI 12,000 + accident (本人) 500 = 20,500 — over his income 300,000 = 6.83 % (the family's 29,300 over his income
    // was the incoherent base of the issue).
    expect(p.tenTen).toEqual({
      coverTarget: 3_000_000,
      coverRatio: 1 / 3,
      coverShort: true,
      premiums: 20_500,
      premiumRatio: 20_500 / 300_000, // 6.83 % ≤ 10 %
      premiumTarget: 0.1,
      premiumsOver: false,
    });
    expect(p.noCriticalIllness).toBe(false);
    expect(p.noIncome).toBe(false);
    expect(p.uncoveredMembers).toEqual([
      { name: "李华", relation: "Child" },
      { name: "李父", relation: "Parent" },
    ]);
    expect(p.people).toHaveLength(6);
    // 王芳's life policy with a CI rider and no CI sum: listed to check
    const rider = book.policies.find((x) => x.insured === "王芳" && x.policyType === "Life")!;
    expect(p.checks).toEqual([{ policyId: rider.policyId, check: "ci-sum-missing" }]);
  });

  test("earmarked assets and the book's settings change the need", () => {
    const book = sampleBook();
    // 5,330,000 − 300,000
    expect(value(clientProtection(book, "C0001", AS_OF, book.settings, { earmarkedAssets: 300_000 })).need.life).toBe(5_030_000);
    // 5 years, 200,000 per child, 5 × income: 130,000 + 1,500,000 + 1,200,000 + 400,000 = 3,230,000; CI 3 × 300,000
    const p = value(clientProtection(book, "C0001", AS_OF, { ...book.settings, incomeYears: 5, educationPerChild: 200_000, coverMultiple: 5, ciIncomeYears: 3 }));
    expect(p.need.criticalIllness).toBe(900_000);
    expect(p.need.life).toBe(3_230_000);
    expect(p.tenTen.coverTarget).toBe(1_500_000);
    expect(p.tenTen.coverRatio).toBeCloseTo(2 / 3, 12);
  });

  test("a life policy with a CI rider gives its CI sum as CI cover; premiums above 10 % are flagged", () => {
    const p = value(clientProtection(sampleBook(), "C0003", AS_OF));
    // life 800,000; CI the rider's 300,000, not the 800,000 life sum
    expect(p.cover).toEqual({ life: 800_000, criticalIllness: 300_000 });
    expect(p.noCriticalIllness).toBe(false);
    // need = 100,000×10 + 400,000 mortgage ("Mortgage"); no children
    expect(p.need.life).toBe(1_400_000);
    expect(p.gap).toEqual({ life: 600_000, criticalIllness: 200_000 }); // CI need 5 × 100,000 = 500,000 − 300,000
    expect(p.checks).toEqual([]);
    expect(p.tenTen).toMatchObject({ premiumRatio: 0.15, premiumsOver: true, coverRatio: 0.8, coverShort: true });
    expect(p.uncoveredMembers).toEqual([]);
  });

  test("no income and no cover: nothing to replace, every flag raised, no ratios", () => {
    const p = value(clientProtection(sampleBook(), "C0002", AS_OF));
    expect(p.noIncome).toBe(true);
    expect(p.annualIncome).toBe(0);
    expect(p.need.life).toBe(0);
    expect(p.need.criticalIllness).toBe(0);
    expect(p.gap).toEqual({ life: 0, criticalIllness: 0 });
    expect(p.noCriticalIllness).toBe(true);
    expect(p.tenTen).toEqual({ coverTarget: 0, coverShort: false, premiums: 0, premiumTarget: 0.1, premiumsOver: false });
    expect(p.uncoveredMembers).toEqual([{ name: "钱七", relation: "Spouse" }]);
    expect(p.people.map((x) => x.policies)).toEqual([0, 0]);
  });

  test("a lapsed-only family has no cover at all", () => {
    const book = sampleBook();
    book.policies = book.policies.map((x) => ({ ...x, status: "Lapsed" as const }));
    const p = value(clientProtection(book, "C0001", AS_OF));
    expect(p.cover).toEqual({ life: 0, criticalIllness: 0 });
    expect(p.noCriticalIllness).toBe(true);
    expect(p.tenTen.premiums).toBe(0);
    expect(p.uncoveredMembers.map((m) => m.name)).toEqual(["王芳", "李明", "李华", "李父"]);
    expect(p.people.map((x) => x.name)).toEqual(["李强", "王芳", "李明", "李华", "李父"]);
  });

  test("unknown client and bad settings are refused with a reason", () => {
    const book = sampleBook();
    expect(error(clientProtection(book, "C9999", AS_OF))).toMatchObject({ code: "unknown-client", arg: "clientId" });
    expect(error(clientProtection(book, "C0001", AS_OF, { ...book.settings, incomeYears: -1 }))).toMatchObject({ arg: "settings.incomeYears" });
    expect(error(clientProtection(book, "C0001", AS_OF, { ...book.settings, premiumRatio: 0 }))).toMatchObject({ arg: "settings.premiumRatio" });
    expect(error(clientProtection(book, "C0001", AS_OF, { ...book.settings, ciIncomeYears: -1 }))).toMatchObject({ arg: "settings.ciIncomeYears" });
    expect(error(clientProtection(book, "C0001", AS_OF, book.settings, { earmarkedAssets: -1 }))).toMatchObject({ arg: "earmarkedAssets" });
  });
});

describe("cover is dated: from StartDate to StartDate + TermYears while in force", () => {
  const base = { status: "InForce" as const, startDate: "2005-01-01", termYears: 20 };
  test("issue 12: a 20-year life policy started 2005-01-01, still marked in force, no longer covers in 2026", () => {
    // Cover ends 2005-01-01 + 20 years = 2025-01-01 (first day not covered; 保险期间 ends 2024-12-31 24:00).
    expect(coverEnd(base)).toBe("2025-01-01");
    expect(coverState(base, "2024-12-31")).toBe("covering");
    expect(coverState(base, "2025-01-01")).toBe("term-ended");
    const book = emptyBook();
    book.clients = [{ clientId: "C1", name: "周杰", annualIncome: 500_000 }];
    book.policies = [{ ...pol("C1", "周杰", "Life", 5_000_000, 30_000), ...base }];
    expect(value(clientProtection(book, "C1", "2024-06-30")).cover.life).toBe(5_000_000);
    const p = value(clientProtection(book, "C1", "2026-11-23"));
    expect(p.cover.life).toBe(0); // was 5,000,000
    expect(p.gap.life).toBe(5_000_000); // need 500,000 × 10
    expect(p.tenTen.premiums).toBe(0);
    expect(p.checks).toEqual([{ policyId: book.policies[0].policyId, check: "stale-status" }]);
  });
  test("the term's end is month-end clamped (29 Feb + 1 year = 28 Feb); whole life and no start date keep covering", () => {
    const leap = { status: "InForce" as const, startDate: "2024-02-29", termYears: 1 };
    expect(coverEnd(leap)).toBe("2025-02-28");
    expect(coverState(leap, "2025-02-27")).toBe("covering");
    expect(coverState(leap, "2025-02-28")).toBe("term-ended");
    expect(coverState({ status: "InForce", startDate: "1990-01-01" }, "2090-01-01")).toBe("covering");
    expect(coverState({ status: "InForce", termYears: 1 }, "2090-01-01")).toBe("covering");
  });
  test("not yet started, lapsed and matured policies do not cover", () => {
    expect(coverState({ status: "InForce", startDate: "2026-12-01", termYears: 1 }, "2026-11-30")).toBe("not-started");
    expect(coverState({ status: "InForce", startDate: "2026-12-01", termYears: 1 }, "2026-12-01")).toBe("covering");
    expect(coverState({ ...base, status: "Lapsed" }, "2010-01-01")).toBe("lapsed");
    expect(coverState({ ...base, status: "Matured" }, "2010-01-01")).toBe("matured");
  });
  test("stale status only for in-force policies whose term is over; a matured one is not stale", () => {
    const p = { ...pol("C1", "周杰", "Life", 1, 1), ...base };
    expect(policyChecks(p, "2026-11-23")).toEqual(["stale-status"]);
    expect(policyChecks({ ...p, status: "Matured" }, "2026-11-23")).toEqual([]);
    expect(policyChecks(p, "2024-11-23")).toEqual([]);
  });
});

describe("critical-illness amount of a policy", () => {
  test("CriticalIllnessSum when recorded; else SumInsured of a CI policy; else 0 (a rider without its amount)", () => {
    expect(criticalIllnessAmount({ policyType: "CriticalIllness", sumInsured: 500_000 })).toBe(500_000); // old books
    expect(criticalIllnessAmount({ policyType: "Life", sumInsured: 2_000_000, criticalIllnessSum: 500_000 })).toBe(500_000);
    expect(criticalIllnessAmount({ policyType: "Life", sumInsured: 2_000_000 })).toBe(0);
    expect(criticalIllnessAmount({ policyType: "CriticalIllness", sumInsured: 500_000, criticalIllnessSum: 400_000 })).toBe(400_000);
    const rider = { ...pol("C1", "周杰", "Life", 2_000_000, 1, "InForce", true) };
    expect(policyChecks(rider, AS_OF)).toEqual(["ci-sum-missing"]);
    expect(policyChecks({ ...rider, criticalIllnessSum: 500_000 }, AS_OF)).toEqual([]);
    expect(policyChecks(pol("C1", "周杰", "CriticalIllness", 1, 1), AS_OF)).toEqual([]);
  });
});

/**
 * 双十 premium ratio = yearly premiums still payable of the client's own covering protection policies ÷ annual income
 * (双十原则: yearly protection premiums ≈ 10 % of income; 人民日报 理财小技巧 2020-04-28). Hand example, 陈成铭, income
 * 400,000, as of 2026-11-23:
 *   趸交 life 62,850 (paid once, 2021)                     → 0
 *   whole life 12,901 a year, 3 years from 2021-05-15      → 0 (premium term ended 2024-05-15)
 *   CI, monthly, AnnualPremium 12,000, 20 years from 2020  → 12,000
 *   one-year medical 2,173 from 2026-02-11                 → 2,173 (covers until 2027-02-11)
 *   annuity 50,000 a year (savings, not protection)        → only in `premiums`
 * protection premiums = 12,000 + 2,173 = 14,173; ratio = 14,173 / 400,000 = 3.54325 % (was 89,924 / 400,000 =
 * 22.481 %, flagged above 10 %).
 */
describe("双十 premium ratio counts the yearly premiums still payable", () => {
  test("趸交 and paid-up policies add 0; a monthly policy's AnnualPremium counts; hand-computed ratio", () => {
    const book = emptyBook();
    book.clients = [{ clientId: "C1", name: "陈成铭", annualIncome: 400_000 }];
    book.policies = [
      { ...pol("C1", "陈成铭", "Life", 1_000_000, 62_850), premiumFrequency: "Single", startDate: "2021-08-11" },
      { ...pol("C1", "陈成铭", "Life", 500_000, 12_901), premiumFrequency: "Annual", startDate: "2021-05-15", premiumYears: 3 },
      { ...pol("C1", "陈成铭", "CriticalIllness", 300_000, 12_000), premiumFrequency: "Monthly", startDate: "2020-01-31", premiumYears: 20 },
      { ...pol("C1", "陈成铭", "Medical", 2_000_000, 2_173), premiumFrequency: "Annual", startDate: "2026-02-11", termYears: 1 },
      { ...pol("C1", "陈成铭", "Annuity", 0, 50_000), premiumFrequency: "Annual", startDate: "2022-01-01", premiumYears: 10 },
    ];
    const p = value(clientProtection(book, "C1", AS_OF));
    expect(p.cover.life).toBe(1_500_000); // both life policies still cover: paid up is not the end of cover
    expect(p.tenTen.premiums).toBe(14_173);
    expect(p.tenTen.premiumRatio).toBeCloseTo(0.0354325, 12);
    expect(p.tenTen.premiumsOver).toBe(false);
    expect(p.people[0].protectionPremiums).toBe(14_173);
    expect(p.people[0].premiums).toBe(64_173);
    expect(coverByPerson(book, book.clients[0], AS_OF)[0].protectionPremiums).toBe(14_173);
    // Before the 3-pay life's premium term ended (2024-05-14) its 12,901 still counted.
    expect(value(clientProtection(book, "C1", "2024-05-14")).tenTen.premiums).toBe(12_901 + 12_000);
  });
});
