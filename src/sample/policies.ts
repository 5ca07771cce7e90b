/**
 * Insurance policies for the client and the family: life, critical illness, medical, accident, annuity and
 * education, with sums insured and premiums in line with income; some families without critical-illness cover,
 * some policies lapsed or matured. Savings policies (annuity, education, increasing whole life) also appear as
 * Insurance holdings at their cash value — at this bank when it sold them.
 */
import { THIS_BANK, type Policy, type PolicyStatus, type PolicyType } from "../domain/types";
import { day, iso, plusMonths, say, type Ctx, type T } from "./context";
import type { FamilyDraft, HoldingDraft, PersonDraft, Scenario } from "./draft";
import type { Rand } from "./rand";

export interface Insurer {
  name: T;
  brand: T;
}
const I = (name: T, brand: T): Insurer => ({ name, brand });

export const LIFE_INSURERS: readonly Insurer[] = [
  I(["中国人寿", "國泰人壽"], ["国寿", "國壽"]),
  I(["平安人寿", "富邦人壽"], ["平安", "富邦"]),
  I(["太平洋人寿", "南山人壽"], ["太平洋", "南山"]),
  I(["新华保险", "新光人壽"], ["新华", "新光"]),
  I(["泰康人寿", "台灣人壽"], ["泰康", "台灣"]),
  I(["友邦人寿", "全球人壽"], ["友邦", "全球"]),
  I(["中国太平", "三商美邦人壽"], ["太平", "美邦"]),
  I(["招商信诺", "中國人壽"], ["招商信诺", "中壽"]),
];
const LIFE_WEIGHTS = [22, 20, 14, 10, 10, 8, 8, 8];

/** Property & casualty and health insurers: most medical and accident cover. */
const HEALTH_INSURERS: readonly Insurer[] = [
  I(["中国人保", "富邦產險"], ["人保", "富邦"]),
  I(["平安产险", "國泰產險"], ["平安", "國泰"]),
  I(["众安保险", "新光產險"], ["众安", "新光"]),
  I(["太平洋产险", "明台產物"], ["太平洋", "明台"]),
];

const SERIES: readonly T[] = [
  ["福", "福"], ["鑫享", "鑫享"], ["安康", "安康"], ["金佑", "金佑"], ["如意", "如意"], ["康宁", "康寧"],
  ["守护", "守護"], ["尊享", "尊享"], ["臻享", "臻享"], ["御享", "御享"],
];

type Kind = "termLife" | "wholeLife" | "increasingLife" | "ci" | "medical" | "accident" | "annuity" | "education";
const NOUN: Readonly<Record<Kind, T>> = {
  termLife: ["定期寿险", "定期壽險"],
  wholeLife: ["终身寿险", "終身壽險"],
  increasingLife: ["增额终身寿险", "利率變動型終身壽險"],
  ci: ["重大疾病保险", "重大傷病終身保險"],
  medical: ["百万医疗保险", "實支實付醫療保險"],
  accident: ["综合意外伤害保险", "傷害保險"],
  annuity: ["年金保险", "利率變動型年金保險"],
  education: ["少儿教育年金保险", "子女教育年金保險"],
};
const TYPE: Readonly<Record<Kind, PolicyType>> = {
  termLife: "Life",
  wholeLife: "Life",
  increasingLife: "Life",
  ci: "CriticalIllness",
  medical: "Medical",
  accident: "Accident",
  annuity: "Annuity",
  education: "Education",
};
const CI_RIDER: T = ["（附加重疾）", "（附加重大傷病）"];
const SELF: T = ["本人", "本人"];
const HEIRS: T = ["法定继承人", "法定繼承人"];

const round = (x: number, step: number): number => Math.max(step, Math.round(x / step) * step);

/** Premiums paid on a savings policy by `on`: one per policy year begun, up to the paying years. */
export function premiumsPaid(s: { premium: number; payYears: number; start: string }, on: string): number {
  if (on < s.start) return 0;
  const years = Math.floor((day(on) - day(s.start)) / 365.25) + 1;
  return s.premium * Math.min(years, s.payYears);
}

export interface PolicyInput {
  scen: Scenario;
  self: PersonDraft;
  family: readonly FamilyDraft[];
  income?: number;
  wealth: number;
  hasMortgage: boolean;
}

export interface PoliciesResult {
  policies: Policy[];
  /** Savings policies at their cash value. */
  holdings: HoldingDraft[];
}

export function drawPolicies(r: Rand, ctx: Ctx, input: PolicyInput, nextPolicyId: () => string, nextHoldingId: () => string): PoliciesResult {
  const { scen, self, family, wealth } = input;
  const income = input.income ?? 0;
  const today = ctx.today;
  const policies: Policy[] = [];
  const holdings: HoldingDraft[] = [];
  const spouse = family.find((f) => f.relation === "Spouse");
  const children = family.filter((f) => f.relation === "Child");
  const savingsBudget = income * 0.15 + wealth * 0.03;
  /** The savings policies, in the order of their holdings. */
  const savingsPolicies: Policy[] = [];

  const issue = (
    kind: Kind,
    who: PersonDraft,
    opts: { sum: number; premium: number; termYears?: number; start: number; viaBank?: boolean; beneficiary?: string; rider?: boolean; lapsed?: boolean },
  ): Policy => {
    const health = kind === "medical" || kind === "accident";
    const insurer = health && r.chance(0.6) ? HEALTH_INSURERS[r.int(0, HEALTH_INSURERS.length - 1)] : LIFE_INSURERS[r.weighted(LIFE_WEIGHTS)];
    const series = r.pick(SERIES);
    const startIso = iso(opts.start);
    const ended = opts.termYears !== undefined && plusMonths(startIso, opts.termYears * 12) <= ctx.asOf;
    const status: PolicyStatus = ended ? "Matured" : opts.lapsed ? "Lapsed" : "InForce";
    const ci = kind === "ci" || opts.rider === true;
    const p: Policy = {
      policyId: nextPolicyId(),
      clientId: "",
      insured: who.text,
      policyType: TYPE[kind],
      insurer: say(ctx, insurer.name),
      productName: say(ctx, insurer.brand) + say(ctx, series) + say(ctx, NOUN[kind]) + (opts.rider ? say(ctx, CI_RIDER) : ""),
      startDate: startIso,
      ...(opts.termYears !== undefined ? { termYears: opts.termYears } : {}),
      sumInsured: round(opts.sum, 10_000),
      annualPremium: Math.max(50, Math.round(opts.premium)),
      criticalIllness: ci,
      ...(opts.beneficiary ? { beneficiary: opts.beneficiary } : {}),
      status,
      // A CI rider's own amount (重疾保额), half the base sum — no draw, so the rest of the sample is unchanged.
      ...(opts.rider ? { criticalIllnessSum: round(opts.sum * 0.5, 10_000) } : {}),
    };
    policies.push(p);
    // Savings policies in force carry a cash value the manager tracks as a holding.
    const savings = kind === "annuity" || kind === "education" || kind === "increasingLife";
    if (savings && status === "InForce") {
      const payYears = Math.max(1, Math.round(opts.sum / Math.max(1, opts.premium)));
      const ratio = r.range(0.85, 1.08);
      const savingsModel = { premium: p.annualPremium, payYears, start: startIso, ratio, policyId: p.policyId };
      const cashValue = premiumsPaid(savingsModel, ctx.asOf) * ratio;
      savingsPolicies.push(p);
      holdings.push({
        savings: savingsModel,
        h: {
          holdingId: nextHoldingId(),
          clientId: "",
          assetClass: "Insurance",
          productName: p.productName as string,
          institution: opts.viaBank ? THIS_BANK : p.insurer,
          amount: Math.round(cashValue * 100) / 100,
          startDate: startIso,
          riskLevel: "R1",
          updatedOn: iso(Math.max(opts.start, today - r.int(1, 60))),
        },
      });
    }
    return p;
  };

  /** Cover starts once the insured is a month old (babies: the day before asOf at the latest). */
  const notBeforeBirth = (who: PersonDraft, start: number): number => Math.min(today - 1, Math.max(start, day(who.birthday) + 30));
  /** A start date lo–hi days back. */
  const startBack = (who: PersonDraft, lo: number, hi: number): number => notBeforeBirth(who, today - r.int(lo, hi));
  const ageAt = (who: PersonDraft, start: number): number => Math.max(0, Math.floor((start - day(who.birthday)) / 365.25));
  /** One-year cover renewed on its anniversary: the current term began within the last year. */
  const renewed = (who: PersonDraft): number => notBeforeBirth(who, today - r.int(5, 360));

  const beneficiaryForLife = spouse ? spouse.text : children.length > 0 ? children[0].text : say(ctx, HEIRS);

  // ---- the client ----
  const ciRoll = r.float();
  const ciSum = r.pick([300_000, 500_000, 800_000, 1_000_000]) * (wealth > 3_000_000 ? 1.5 : 1);
  const ciWhole = r.chance(0.7);
  const ciStart = startBack(self, 200, Math.min(3650, Math.max(200, (self.age - 20) * 365)));
  if (!scen.noCriticalIllness && (scen.showcase || ciRoll < (income > 300_000 ? 0.7 : 0.55))) {
    const a = ageAt(self, ciStart);
    const term = ciWhole || a >= 60 ? undefined : 70 - a;
    issue("ci", self, {
      sum: ciSum,
      premium: ciSum * (0.012 + 0.0004 * a) * (term ? 0.6 : 1),
      termYears: term,
      start: ciStart,
      beneficiary: say(ctx, SELF),
      lapsed: r.chance(0.04),
    });
  }

  const lifeRoll = r.float();
  const lifeStart = startBack(self, 100, 4000);
  const lifeMultiple = r.int(5, 10);
  const lifeRider = r.chance(0.2);
  const needsLife = input.hasMortgage || children.length > 0;
  if (scen.showcase || lifeRoll < (needsLife ? 0.55 : 0.25)) {
    const a = ageAt(self, lifeStart);
    const wealthy = wealth > 2_000_000;
    if (wealthy && !scen.showcase && r.chance(0.5)) {
      // 增额终身寿: a savings policy, premiums for 3/5/10 years.
      const payYears = r.pick([3, 5, 10]);
      const premium = round(Math.min(savingsBudget, 1_000_000) * r.range(0.3, 1), 1_000);
      issue("increasingLife", self, { sum: premium * payYears, premium, start: lifeStart, viaBank: r.chance(0.6), beneficiary: beneficiaryForLife });
    } else if (wealthy) {
      const sum = Math.max(1_000_000, income * lifeMultiple);
      issue("wholeLife", self, { sum, premium: sum * (0.02 + 0.0004 * a), start: lifeStart, beneficiary: beneficiaryForLife, rider: lifeRider });
    } else {
      const sum = Math.max(500_000, income * lifeMultiple);
      const term = a < 45 ? r.pick([20, 30]) : 20;
      issue("termLife", self, { sum, premium: sum * (0.0008 + 0.00006 * a), termYears: term, start: lifeStart, beneficiary: beneficiaryForLife, lapsed: r.chance(0.05) });
    }
  }

  const medRoll = r.float();
  const medSum = r.pick([2_000_000, 3_000_000, 4_000_000]);
  const medLapsedBefore = r.chance(0.12);
  if (scen.showcase || medRoll < 0.55) {
    issue("medical", self, { sum: medSum, premium: (200 + self.age * 30) * r.range(0.8, 1.2), termYears: 1, start: renewed(self), beneficiary: say(ctx, SELF) });
  }
  if (medLapsedBefore) {
    // Last year's medical cover from another insurer, not renewed.
    issue("medical", self, { sum: medSum, premium: (200 + self.age * 30) * 0.9, termYears: 1, start: today - r.int(400, 720), beneficiary: say(ctx, SELF) });
  }

  if (r.chance(0.4)) {
    const sum = r.pick([500_000, 1_000_000]);
    issue("accident", self, { sum, premium: sum * r.range(0.0003, 0.0008), termYears: 1, start: renewed(self), beneficiary: say(ctx, HEIRS) });
  }

  const annuityRoll = r.float();
  const annuityStart = startBack(self, 100, 2500);
  if (scen.showcase || annuityRoll < (wealth > 1_000_000 ? 0.45 : 0.12)) {
    const payYears = r.pick([3, 5, 10]);
    const premium = round(Math.max(10_000, savingsBudget * r.range(0.3, 1)), 1_000);
    const a = ageAt(self, annuityStart);
    const toEighty = r.chance(0.5) && a < 70;
    issue("annuity", self, {
      sum: premium * payYears,
      premium,
      termYears: toEighty ? 80 - a : undefined,
      start: annuityStart,
      viaBank: scen.showcase || r.chance(0.6),
      beneficiary: say(ctx, SELF),
    });
  }
  if (r.chance(0.05)) {
    // A short "快返" annuity that has run its course.
    const premium = round(Math.max(10_000, savingsBudget * 0.3), 1_000);
    issue("annuity", self, { sum: premium * 5, premium, termYears: 5, start: today - r.int(6 * 365, 9 * 365), beneficiary: say(ctx, SELF) });
  }

  // ---- the spouse ----
  if (spouse) {
    if (r.chance(scen.noCriticalIllness ? 0 : 0.45)) {
      const s = r.pick([300_000, 500_000]);
      const st = startBack(spouse, 200, 3000);
      issue("ci", spouse, { sum: s, premium: s * (0.012 + 0.0004 * ageAt(spouse, st)), start: st, beneficiary: say(ctx, SELF) });
    }
    if (r.chance(0.4)) {
      issue("medical", spouse, { sum: medSum, premium: (200 + spouse.age * 30) * r.range(0.8, 1.2), termYears: 1, start: renewed(spouse), beneficiary: say(ctx, SELF) });
    }
    if (r.chance(0.25)) {
      const s = Math.max(500_000, income * 3);
      const st = startBack(spouse, 200, 3000);
      issue("termLife", spouse, { sum: s, premium: s * (0.0008 + 0.00006 * ageAt(spouse, st)), termYears: 20, start: st, beneficiary: self.text });
    }
    if (r.chance(0.2)) {
      issue("accident", spouse, { sum: 500_000, premium: r.range(150, 400), termYears: 1, start: renewed(spouse), beneficiary: say(ctx, HEIRS) });
    }
  }

  // ---- children ----
  for (const c of children) {
    if (r.chance(0.55)) {
      issue("medical", c, { sum: r.pick([1_000_000, 2_000_000]), premium: r.range(300, 900), termYears: 1, start: renewed(c), beneficiary: say(ctx, SELF) });
    }
    if (!scen.noCriticalIllness && r.chance(0.4)) {
      const s = r.pick([300_000, 500_000]);
      issue("ci", c, { sum: s, premium: s * r.range(0.008, 0.012), start: startBack(c, 100, 3000), beneficiary: say(ctx, SELF) });
    }
    const eduStart = startBack(c, 100, 2500);
    const eduPremium = round(r.range(10_000, 50_000), 1_000);
    if (c.age < 15 && (scen.showcase || r.chance(0.3))) {
      const a = ageAt(c, eduStart);
      issue("education", c, { sum: eduPremium * 10, premium: eduPremium, termYears: Math.max(5, 22 - a), start: eduStart, viaBank: r.chance(0.4), beneficiary: self.text });
    }
    if (r.chance(0.25)) {
      issue("accident", c, { sum: 200_000, premium: r.range(80, 200), termYears: 1, start: renewed(c), beneficiary: self.text });
    }
  }

  // ---- parents ----
  for (const p of family.filter((f) => f.relation === "Parent")) {
    if (r.chance(0.2)) {
      issue("medical", p, { sum: 1_000_000, premium: r.range(1_500, 4_000), termYears: 1, start: renewed(p), beneficiary: say(ctx, SELF) });
    }
    if (r.chance(0.2)) {
      issue("accident", p, { sum: 200_000, premium: r.range(200, 500), termYears: 1, start: renewed(p), beneficiary: self.text });
    }
  }

  capPremiums(ctx, policies, holdings, savingsPolicies, income);
  return { policies, holdings };
}

/** A family's premiums in force stay within this share of the client's income (双十 says about 10 %). */
export const MAX_PREMIUM_SHARE = 0.2;

/**
 * Scales premiums down (and their sums insured and CI sums with them, and a savings policy's cash value) so that the premiums
 * in force of the client's family are at most MAX_PREMIUM_SHARE of the client's income: savings policies first,
 * which is where an over-large premium comes from; protection too when it alone exceeds the share.
 */
function capPremiums(ctx: Ctx, policies: Policy[], holdings: HoldingDraft[], savingsPolicies: readonly Policy[], income: number): void {
  if (!(income > 0)) return;
  const cap = income * MAX_PREMIUM_SHARE;
  const inForce = policies.filter((p) => p.status === "InForce");
  const savings = new Set(savingsPolicies);
  const total = inForce.reduce((s, p) => s + p.annualPremium, 0);
  if (total <= cap) return;
  const protection = inForce.filter((p) => !savings.has(p)).reduce((s, p) => s + p.annualPremium, 0);
  const saved = total - protection;
  // a little under the cap, so rounding the premiums to whole units keeps them within it
  const room = cap * 0.995;
  const fSavings = protection >= room ? room / total : (room - protection) / saved;
  const fProtection = protection >= room ? room / total : 1;
  for (const p of inForce) {
    const f = savings.has(p) ? fSavings : fProtection;
    if (f >= 1) continue;
    p.annualPremium = Math.max(1, Math.floor(p.annualPremium * f));
    p.sumInsured = Math.max(10_000, Math.round((p.sumInsured * f) / 10_000) * 10_000);
    // A CI rider's sum scales with its base (it was half the base sum; left alone it exceeded the scaled base).
    if (p.criticalIllnessSum !== undefined) p.criticalIllnessSum = Math.max(10_000, Math.round((p.criticalIllnessSum * f) / 10_000) * 10_000);
  }
  holdings.forEach((h, i) => {
    const p = savingsPolicies[i];
    if (!h.savings || !p) return;
    h.savings.premium = p.annualPremium;
    h.h.amount = Math.round(premiumsPaid(h.savings, ctx.asOf) * h.savings.ratio * 100) / 100;
  });
}
