/**
 * How each sample policy's premiums are paid (缴费方式, PremiumFrequency) and for how many years (缴费年限,
 * PremiumYears), as src/domain/premiums.ts reads them:
 * - Savings policies (annuity, education, increasing whole life) pay yearly for their paying years (3, 5 or 10: the
 *   generator's savings model, so the money calendar and the cash value agree), or once: some increasing whole-life
 *   and annuity policies are 趸交 — the whole premium (yearly premium × paying years) paid at the start, held in
 *   AnnualPremium as premiums.ts says; the cash value then follows that one premium.
 * - Whole-life cover (CI, whole life) pays for 5, 10, 20 or 30 years (the terms insurers offer), so older policies
 *   are paid up (缴费期满); term cover pays over its term (PremiumYears blank).
 * - Yearly is usual; monthly, quarterly and half-yearly are drawn at market-like rates — more of them in Taiwan, where
 *   月繳 and 季繳 are common — and one-year medical and accident cover is often paid monthly.
 * Amounts in force are not changed except for 趸交, which is a single payment and not a yearly cost.
 */
import type { Policy, PremiumFrequency } from "../domain/types";
import type { Ctx } from "./context";
import type { HoldingDraft } from "./draft";
import { premiumsPaid } from "./policies";
import type { Rand } from "./rand";

const FREQUENCIES: readonly PremiumFrequency[] = ["Annual", "Semiannual", "Quarterly", "Monthly"];
/** Weights of FREQUENCIES for regular cover, mainland and Taiwan. */
const REGULAR = { cn: [80, 5, 5, 10], tw: [55, 15, 10, 20] } as const;
/** Chance that one-year cover (medical, accident) is paid monthly. */
const ONE_YEAR_MONTHLY = { cn: 0.25, tw: 0.2 } as const;
/** Paying years of whole-life cover and their weights. */
const WHOLE_LIFE_YEARS = [5, 10, 20, 30] as const;
const WHOLE_LIFE_WEIGHTS = [15, 30, 40, 15] as const;
/** Chance that an increasing whole-life or annuity policy was bought with a single premium (趸交). */
const SINGLE_CHANCE = 0.25;

/**
 * Sets premiumFrequency on every policy (and premiumYears where it differs from the term), and makes some savings
 * policies single-premium, updating their savings model. Three draws per policy whatever the outcome.
 */
export function drawPremiumTerms(r: Rand, ctx: Ctx, policies: readonly Policy[], holdings: readonly HoldingDraft[]): void {
  const m = ctx.tw ? "tw" : "cn";
  for (const p of policies) {
    const uFreq = r.float();
    const years = WHOLE_LIFE_YEARS[r.weighted(WHOLE_LIFE_WEIGHTS)];
    const uSingle = r.float();
    const holding = holdings.find((h) => h.savings?.policyId === p.policyId);
    const savings = holding?.savings;
    if (holding && savings) {
      // No premium falls due after the cover ends: a short education policy (to age 22) pays over its term.
      if (p.termYears !== undefined && savings.payYears > p.termYears) {
        savings.payYears = p.termYears;
        holding.h.amount = Math.round(premiumsPaid(savings, ctx.asOf) * savings.ratio * 100) / 100;
      }
      const canBeSingle = p.policyType === "Life" || p.policyType === "Annuity";
      if (canBeSingle && savings.payYears > 1 && uSingle < SINGLE_CHANCE) {
        // 趸交: the whole premium once at the start; the sum insured (premium × paying years) stays, at least that
        // premium; the cash value is that premium × the policy's ratio, as policies.ts values every savings policy.
        p.annualPremium = savings.premium * savings.payYears;
        p.sumInsured = Math.max(p.sumInsured, Math.ceil(p.annualPremium / 10_000) * 10_000);
        savings.premium = p.annualPremium;
        savings.payYears = 1;
        holding.h.amount = Math.round(premiumsPaid(savings, ctx.asOf) * savings.ratio * 100) / 100;
        p.premiumFrequency = "Single";
      } else {
        p.premiumFrequency = "Annual";
        p.premiumYears = savings.payYears;
      }
      continue;
    }
    if (p.termYears === 1) {
      p.premiumFrequency = uFreq < ONE_YEAR_MONTHLY[m] ? "Monthly" : "Annual";
      continue;
    }
    p.premiumFrequency = FREQUENCIES[weightedIndex(REGULAR[m], uFreq)];
    if (p.termYears === undefined) p.premiumYears = years;
  }
}

/** Index for u in [0, 1) with the given weights (the draw is the caller's, so the count of draws is fixed). */
function weightedIndex(weights: readonly number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}
