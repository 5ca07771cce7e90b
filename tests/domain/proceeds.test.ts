/**
 * Expected proceeds (src/domain/proceeds.ts). Deposits: 逐笔计息法 of 中国人民银行《关于人民币存贷款计结息问题的
 * 通知》(银发〔2005〕129号) — whole years/months at the year/month rate, odd days at 年利率 ÷ 360. Wealth products:
 * actual days ÷ 365 as product prospectuses state. Worked by hand in each test.
 */
import { expectedInterest, expectedProceeds } from "../../src/domain/proceeds";

describe("expected proceeds", () => {
  test("deposit: 100,000 at 1.75 %, 2024-01-15 → 2025-04-20 = 15 whole months + 5 days", () => {
    // 100,000 × 0.0175 × (15/12 + 5/360) = 2,187.50 + 24.305… = 2,211.805…
    const h = { assetClass: "Deposit" as const, amount: 100_000, rate: 0.0175, startDate: "2024-01-15", maturityDate: "2025-04-20" };
    expect(expectedInterest(h)).toBeCloseTo(2211.8056, 4);
    expect(expectedProceeds(h)).toBeCloseTo(102211.8056, 4);
  });

  test("deposit: a one-year deposit earns exactly one year's rate, leap year or not (对年对月对日)", () => {
    // 2024 has 366 days; the whole year still counts 12/12, not 366/360.
    expect(expectedInterest({ assetClass: "Deposit", amount: 50_000, rate: 0.02, startDate: "2024-02-29", maturityDate: "2025-02-28" })).toBeCloseTo(1000, 9);
    // 31 Jan → 30 Apr is 3 whole months (EDATE clamps 31 Jan + 3 to 30 Apr): 10,000 × 0.012 × 3/12 = 30
    expect(expectedInterest({ assetClass: "Deposit", amount: 10_000, rate: 0.012, startDate: "2025-01-31", maturityDate: "2025-04-30" })).toBeCloseTo(30, 9);
  });

  test("wealth product: 50,000 at 3 %, 2025-01-01 → 2025-07-01 (181 days) → 743.84", () => {
    // 50,000 × 0.03 × 181 / 365 = 743.835…
    expect(expectedInterest({ assetClass: "WealthProduct", amount: 50_000, rate: 0.03, startDate: "2025-01-01", maturityDate: "2025-07-01" })).toBeCloseTo(743.8356, 4);
  });

  test("no rate, no start, another class or maturity before start: none (never 0)", () => {
    const base = { amount: 1000, rate: 0.02, startDate: "2025-01-01", maturityDate: "2026-01-01" };
    expect(expectedProceeds({ ...base, assetClass: "Bond" })).toBeUndefined();
    expect(expectedProceeds({ ...base, assetClass: "Deposit", rate: undefined })).toBeUndefined();
    expect(expectedProceeds({ ...base, assetClass: "Deposit", startDate: undefined })).toBeUndefined();
    expect(expectedProceeds({ ...base, assetClass: "Deposit", maturityDate: "2024-01-01" })).toBeUndefined();
    expect(expectedProceeds({ ...base, assetClass: "Deposit", rate: 0 })).toBe(1000);
  });
});
