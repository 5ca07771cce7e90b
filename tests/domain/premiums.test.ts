/**
 * Premiums due (src/domain/premiums.ts). Expected dates are Excel's EDATE(start, k × 12/n) — month-end clamped, each
 * counted from the start (support.microsoft.com "EDATE function": EDATE("2011-01-31", 1) = 2011-02-28) — worked by
 * hand below; installments are AnnualPremium ÷ n; the premium term holds PremiumYears × n premiums.
 */
import fc from "fast-check";
import { isPaidUp, nextPremium, premiumPayer, premiumsDue, premiumSchedule, premiumStatus, premiumTermEnd, yearlyPremiumPayable, type PremiumPolicy } from "../../src/domain/premiums";
import { addMonths } from "../../src/domain/dates";

const policy = (extra: Partial<PremiumPolicy>): PremiumPolicy => ({ status: "InForce", annualPremium: 12_000, startDate: "2024-01-31", ...extra });
const dates = (p: PremiumPolicy, from: string, to: string) => premiumsDue(p, from, to).map((d) => d.date);

describe("premium due dates (EDATE from the start)", () => {
  test("started on the 31st, monthly: 29 Feb in a leap year, 28 Feb in a common year, back to the 31st", () => {
    const p = policy({ premiumFrequency: "Monthly", premiumYears: 2 });
    // EDATE("2024-01-31", 1) = 2024-02-29 (2024 is a leap year), 2 → 2024-03-31, 3 → 2024-04-30
    expect(dates(p, "2024-01-01", "2024-04-30")).toEqual(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]);
    // EDATE("2024-01-31", 13) = 2025-02-28 (common year), then 2025-03-31 — never 28 Mar (no chaining)
    expect(dates(p, "2025-02-01", "2025-03-31")).toEqual(["2025-02-28", "2025-03-31"]);
    expect(premiumsDue(p, "2024-02-01", "2024-02-29")[0]).toEqual({ k: 1, date: "2024-02-29", amount: 1_000, last: false });
  });

  test("29 Feb start, annual: due 28 Feb in common years, 29 Feb in leap years", () => {
    const p = policy({ startDate: "2024-02-29", premiumFrequency: "Annual", premiumYears: 5 });
    expect(dates(p, "2024-01-01", "2028-12-31")).toEqual(["2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"]);
  });

  test("quarterly and semi-annual from 31 Aug: 30 Nov, 28 Feb, 31 May / 28 Feb", () => {
    expect(dates(policy({ startDate: "2025-08-31", premiumFrequency: "Quarterly" }), "2025-09-01", "2026-06-30"))
      .toEqual(["2025-11-30", "2026-02-28", "2026-05-31"]);
    expect(dates(policy({ startDate: "2025-08-31", premiumFrequency: "Semiannual" }), "2025-08-31", "2026-08-31"))
      .toEqual(["2025-08-31", "2026-02-28", "2026-08-31"]);
    expect(premiumsDue(policy({ startDate: "2025-08-31", premiumFrequency: "Quarterly" }), "2025-11-01", "2025-11-30")[0].amount).toBe(3_000);
  });

  test("the premium term ends the schedule: 20 annual premiums 2010-03-01 … 2029-03-01, paid up after the last", () => {
    const p = policy({ startDate: "2010-03-01", premiumYears: 20, termYears: 30 });
    expect(nextPremium(p, "2029-01-15")).toEqual({ k: 19, date: "2029-03-01", amount: 12_000, last: true });
    expect(nextPremium(p, "2029-03-01")?.date).toBe("2029-03-01"); // due today still counts
    expect(nextPremium(p, "2029-03-02")).toBeUndefined();
    expect(isPaidUp(p, "2029-03-01")).toBe(false);
    expect(isPaidUp(p, "2029-03-02")).toBe(true);
    expect(dates(p, "2028-01-01", "2035-12-31")).toEqual(["2028-03-01", "2029-03-01"]);
  });

  test("blank premium years = the cover term; both blank = while in force, never paid up", () => {
    expect(premiumSchedule(policy({ termYears: 10 }))?.count).toBe(10);
    const wholeLife = policy({ startDate: "2000-06-15" });
    expect(premiumSchedule(wholeLife)?.count).toBeUndefined();
    expect(nextPremium(wholeLife, "2090-01-01")?.date).toBe("2090-06-15");
    expect(isPaidUp(wholeLife, "2090-01-01")).toBe(false);
  });

  test("blank frequency = annual (old books read as before: AnnualPremium once a year)", () => {
    expect(premiumSchedule(policy({}))).toMatchObject({ frequency: "Annual", stepMonths: 12, installment: 12_000 });
  });

  test("single premium (趸交) pays once, at the start; paid up the day after", () => {
    const p = policy({ startDate: "2026-12-10", premiumFrequency: "Single", annualPremium: 200_000, termYears: 10 });
    expect(premiumsDue(p, "2026-12-01", "2036-12-31")).toEqual([{ k: 0, date: "2026-12-10", amount: 200_000, last: true }]);
    expect(premiumsDue(p, "2026-12-11", "2036-12-31")).toEqual([]);
    expect(nextPremium(p, "2026-12-11")).toBeUndefined();
    expect(isPaidUp(p, "2026-12-10")).toBe(false);
    expect(isPaidUp(p, "2026-12-11")).toBe(true);
  });

  test("lapsed and matured policies have no premiums due; an undated policy neither", () => {
    expect(premiumsDue(policy({ status: "Lapsed" }), "2024-01-01", "2030-01-01")).toEqual([]);
    expect(nextPremium(policy({ status: "Matured" }), "2024-01-01")).toBeUndefined();
    expect(nextPremium(policy({ startDate: undefined }), "2024-01-01")).toBeUndefined();
  });

  test("payer is the 投保人 column, else the client", () => {
    expect(premiumPayer({ payer: "王芳" }, "张伟")).toBe("王芳");
    expect(premiumPayer({}, "张伟")).toBe("张伟");
  });

  test("property: the due dates are EDATE(start, k × step) for consecutive k inside the window and the term", () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, fc.integer({ min: 0, max: 400 }), fc.constantFrom("Annual", "Semiannual", "Quarterly", "Monthly" as const),
      fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
      (start, from, span, frequency, premiumYears) => {
        const to = new Date(Date.parse(from) + span * 86_400_000).toISOString().slice(0, 10);
        const p = policy({ startDate: start, premiumFrequency: frequency, ...(premiumYears ? { premiumYears } : {}) });
        const s = premiumSchedule(p)!;
        const due = premiumsDue(p, from, to);
        // every k from the first ≥ from to the last ≤ to, none missed
        const expected: string[] = [];
        for (let k = 0; k < (s.count ?? 2000); k++) {
          const d = addMonths(start, k * s.stepMonths);
          if (d > to) break;
          if (d >= from) expected.push(d);
        }
        expect(due.map((d) => d.date)).toEqual(expected);
        const next = nextPremium(p, from);
        const firstAfter = (() => { for (let k = 0; k < (s.count ?? 2000); k++) { const d = addMonths(start, k * s.stepMonths); if (d >= from) return d; } return undefined; })();
        expect(next?.date).toBe(firstAfter);
      }), { numRuns: 300 });
  });
});

/**
 * The yearly premium still payable (双十 numerator; 双十原则: yearly protection premiums ≈ 10 % of annual income, e.g.
 * 人民日报 理财小技巧 2020-04-28). A single premium is paid once, a policy past its premium term pays nothing more:
 * both 0; otherwise AnnualPremium, already the yearly amount (premiumSchedule: installment = AnnualPremium ÷ n).
 */
describe("yearly premium payable (双十 numerator)", () => {
  const AS_OF = "2026-11-23";
  test("趸交 62,850 adds 0 — dated or not, before or after its start", () => {
    const single = policy({ premiumFrequency: "Single", annualPremium: 62_850, startDate: "2021-08-11" });
    expect(premiumStatus(single, AS_OF)).toBe("single");
    expect(yearlyPremiumPayable(single, AS_OF)).toBe(0);
    expect(yearlyPremiumPayable({ ...single, startDate: undefined }, AS_OF)).toBe(0);
    expect(premiumTermEnd(single)).toBeUndefined();
  });

  test("whole life, 3 annual premiums from 2021-05-15: premium term ends EDATE(start, 36) = 2024-05-15, then 0", () => {
    const p = policy({ premiumFrequency: "Annual", annualPremium: 12_901, startDate: "2021-05-15", premiumYears: 3 });
    expect(premiumTermEnd(p)).toBe("2024-05-15"); // due 2021-05-15, 2022-05-15, 2023-05-15; the last pays up to 2024-05-15
    expect(yearlyPremiumPayable(p, "2024-05-14")).toBe(12_901);
    expect(premiumStatus(p, "2024-05-15")).toBe("paid-up");
    expect(yearlyPremiumPayable(p, AS_OF)).toBe(0);
    expect(isPaidUp(p, AS_OF)).toBe(true);
  });

  test("a one-year renewable medical policy: its one premium is the yearly cost of the cover it is in (not paid up)", () => {
    const p = policy({ premiumFrequency: "Annual", annualPremium: 2_173, startDate: "2026-02-11", termYears: 1 });
    // isPaidUp (the last due date passed) is true, yet the premium pays for 2026-02-11 … 2027-02-10: still the burden.
    expect(isPaidUp(p, AS_OF)).toBe(true);
    expect(premiumTermEnd(p)).toBe("2027-02-11");
    expect(yearlyPremiumPayable(p, AS_OF)).toBe(2_173);
    expect(yearlyPremiumPayable(p, "2027-02-11")).toBe(0);
  });

  test("monthly 1,000 × 12: the AnnualPremium 12,000 counts, not the installment nor 12 × 12,000", () => {
    const p = policy({ premiumFrequency: "Monthly", annualPremium: 12_000, startDate: "2020-01-31", premiumYears: 20 });
    expect(premiumSchedule(p)!.installment).toBe(1_000);
    expect(premiumStatus(p, AS_OF)).toBe("paying");
    expect(yearlyPremiumPayable(p, AS_OF)).toBe(12_000);
    // Whole-life premiums (no term) and an undated policy keep paying; a lapsed one pays nothing.
    expect(yearlyPremiumPayable({ ...p, premiumYears: undefined }, AS_OF)).toBe(12_000);
    expect(yearlyPremiumPayable({ ...p, startDate: undefined }, AS_OF)).toBe(12_000);
    expect(premiumStatus({ ...p, status: "Lapsed" }, AS_OF)).toBe("none");
    expect(yearlyPremiumPayable({ ...p, status: "Lapsed" }, AS_OF)).toBe(0);
  });

  test("property: 0 or AnnualPremium; AnnualPremium exactly while asOf is before the premium term's end; no premium due once paid up", () => {
    const day = fc.integer({ min: 0, max: 365 * 40 }).map((n) => new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, fc.integer({ min: 1, max: 100_000 }), fc.constantFrom("Single", "Annual", "Semiannual", "Quarterly", "Monthly" as const),
      fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }), (start, asOf, amount, premiumFrequency, premiumYears) => {
        const p = policy({ startDate: start, annualPremium: amount, premiumFrequency, premiumYears });
        const y = yearlyPremiumPayable(p, asOf);
        const end = premiumTermEnd(p);
        if (premiumFrequency === "Single") expect(y).toBe(0);
        else expect(y).toBe(end !== undefined && end <= asOf ? 0 : amount);
        if (premiumStatus(p, asOf) === "paid-up") expect(premiumsDue(p, asOf, "2100-12-31")).toEqual([]);
      }), { numRuns: 300 });
  });
});
