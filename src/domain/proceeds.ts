/**
 * Expected proceeds at maturity (到期预计本息) of a deposit or a wealth product, where the book knows its stated
 * annual rate (the Holdings Rate column), its StartDate and its MaturityDate. Simple interest on the amount as the
 * principal; nothing is compounded. Pure.
 *
 * - Deposit (定期存款): interest = principal × rate × (whole years + whole months ÷ 12 + odd days ÷ 360) — the
 *   逐笔计息法 of 中国人民银行《关于人民币存贷款计结息问题的通知》(银发〔2005〕129号): a period of whole years or
 *   months counts by the year or month rate (对年对月对日), odd days by the day rate, 日利率 = 年利率 ÷ 360. Whole
 *   months are counted as Excel's EDATE counts them (month-end clamped; src/domain/dates wholeMonthsBetween).
 *   Worked example (tests/domain/proceeds.test.ts): 100,000 at 1.75 % from 2024-01-15 to 2025-04-20 = 15 months
 *   + 5 days → 100,000 × 0.0175 × (15/12 + 5/360) = 2,211.81 interest, 102,211.81 in all.
 * - Wealth product (理财): interest = principal × rate × actual days ÷ 365 — the 实际天数/365 basis wealth-product
 *   prospectuses (产品说明书) state for 业绩比较基准 / 预期收益; the rate is a benchmark, not a promise, and the sheets
 *   say "expected". 50,000 at 3 % from 2025-01-01 to 2025-07-01 (181 days) → 743.84.
 * - Any other class, no rate, no start, or a maturity before the start: no expected proceeds (undefined), never 0.
 */
import { addMonths, daysBetween, wholeMonthsBetween } from "./dates";
import type { Holding } from "./types";

export type ProceedsHolding = Pick<Holding, "assetClass" | "amount" | "rate" | "startDate" | "maturityDate">;

/** Interest to maturity by the rules above; undefined where the book does not say enough. */
export function expectedInterest(h: ProceedsHolding): number | undefined {
  if (h.rate === undefined || h.startDate === undefined || h.maturityDate === undefined) return undefined;
  if (h.maturityDate < h.startDate) return undefined;
  if (h.assetClass === "Deposit") {
    const months = wholeMonthsBetween(h.startDate, h.maturityDate);
    const oddDays = daysBetween(addMonths(h.startDate, months), h.maturityDate);
    return h.amount * h.rate * (months / 12 + oddDays / 360);
  }
  if (h.assetClass === "WealthProduct") return (h.amount * h.rate * daysBetween(h.startDate, h.maturityDate)) / 365;
  return undefined;
}

/** Principal + expected interest (see the file comment); undefined where the book does not know the rate. */
export function expectedProceeds(h: ProceedsHolding): number | undefined {
  const i = expectedInterest(h);
  return i === undefined ? undefined : h.amount + i;
}
