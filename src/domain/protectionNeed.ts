/**
 * The single figures of a protection need, each also an RM.* function: the DIME need (debts, income × years,
 * mortgage, education), human life value (the present value of the income the family would lose) and the gap
 * between a need and the cover held. The client-level figures built on them are in protection.ts.
 */
import { ok } from "./result";
import type { InputError, Result } from "./result";
import { type NumberErrorCode, checkNumber } from "./returns";

/** Most years of income a human life value discounts (an argument above is refused). */
const MAX_HLV_YEARS = 100;

export interface DimeInput {
  annualIncome: number;
  years: number;
  debts?: number;
  mortgage?: number;
  educationPerChild?: number;
  children?: number;
  earmarkedAssets?: number;
}

/** DIME need = debts + income × years + mortgage + education × children − earmarked assets, never below 0. */
export function dimeNeed(input: DimeInput): Result<number, NumberErrorCode> {
  const { annualIncome, years, debts = 0, mortgage = 0, educationPerChild = 0, children = 0, earmarkedAssets = 0 } = input;
  const bad =
    checkNumber(annualIncome, "annualIncome", { min: 0 }) ??
    checkNumber(years, "years", { min: 0 }) ??
    checkNumber(debts, "debts", { min: 0 }) ??
    checkNumber(mortgage, "mortgage", { min: 0 }) ??
    checkNumber(educationPerChild, "educationPerChild", { min: 0 }) ??
    checkNumber(children, "children", { min: 0, integer: true }) ??
    checkNumber(earmarkedAssets, "earmarkedAssets", { min: 0 });
  if (bad) return { ok: false, error: bad };
  return ok(Math.max(0, debts + annualIncome * years + mortgage + educationPerChild * children - earmarkedAssets));
}

/** When each year's income is counted: at the end of the year (Excel PV type 0, the default) or at its start (type 1). */
export type HlvTiming = "end" | "start";

export type HlvErrorCode = NumberErrorCode | "rate-as-percent";

/**
 * A rate above 1 (100 %) is almost surely a percentage typed as a number (3 meaning 3 %); read as 300 % it would
 * give a figure off by orders of magnitude, so it is refused with the two ways to write it.
 */
function checkRate(rate: number, arg: string): InputError<HlvErrorCode> | undefined {
  const bad = checkNumber(rate, arg, { min: -1, minExclusive: true });
  if (bad || rate <= 1) return bad;
  const fraction = Number((rate / 100).toPrecision(12));
  return {
    code: "rate-as-percent",
    arg,
    message: {
      "zh-CN": `${arg} ${rate} 看来是百分数：请写 ${rate}% 或 ${fraction}`,
      "zh-TW": `${arg} ${rate} 看來是百分數：請寫 ${rate}% 或 ${fraction}`,
      "en-US": `${arg} ${rate} looks like a percentage; write ${rate}% or ${fraction}`,
    },
  };
}

/**
 * Human life value: the present value of the income the family would lose over n years, income N growing by g a
 * year, discounted at i. By default each year's income is counted at the end of the year, as Excel's
 * PV(i, n, −N) reckons it (Microsoft, "PV function": type 0 or omitted = end of period):
 *   end:   HLV = Σₜ₌₁ⁿ N·(1+g)ᵗ⁻¹/(1+i)ᵗ   — with g = 0, exactly PV(i, n, −N)
 *   start: HLV = Σₜ₌₀ⁿ⁻¹ N·(1+g)ᵗ/(1+i)ᵗ   — with g = 0, exactly PV(i, n, −N, 0, 1)
 * Rates are fractions (0.03 = 3 %); a rate above 1 is refused as a percentage typed as a number.
 */
export function hlv(netIncome: number, years: number, discountRate: number, growthRate = 0, timing: HlvTiming = "end"): Result<number, HlvErrorCode> {
  const bad =
    checkNumber(netIncome, "netIncome", { min: 0 }) ??
    checkNumber(years, "years", { min: 0, max: MAX_HLV_YEARS, integer: true }) ??
    checkRate(discountRate, "discountRate") ??
    checkRate(growthRate, "growthRate");
  if (bad) return { ok: false, error: bad };
  const q = (1 + growthRate) / (1 + discountRate);
  let sum = 0;
  let factor = 1;
  for (let t = 0; t < years; t++) {
    sum += netIncome * factor;
    factor *= q;
  }
  return ok(timing === "start" ? sum : sum / (1 + discountRate));
}

/** Protection gap = max(0, need − existing cover). */
export function gap(need: number, existingCover: number): Result<number, NumberErrorCode> {
  const bad = checkNumber(need, "need", { min: 0 }) ?? checkNumber(existingCover, "existingCover", { min: 0 });
  if (bad) return { ok: false, error: bad };
  return ok(Math.max(0, need - existingCover));
}
