/**
 * Protection: in-force cover per insured person, the DIME need, gaps for life and critical illness, the 双十
 * checks (sum insured ≈ 10 × income, premiums ≈ 10 % of income), human life value.
 *
 * Choices (a manager would expect these; the sheet should show the figures they rest on):
 * - Only InForce policies count. A policy flagged criticalIllness counts toward critical-illness cover whatever
 *   its type (a life policy with a CI rider counts toward both life and CI); a CriticalIllness policy counts once.
 * - Life cover is Life policies only (accident cover pays only on accidental death, so it is not life cover).
 * - Earmarked assets default to 0: the book does not say which savings are set aside for the family, and
 *   subtracting every deposit would understate the need. The manager can pass the amount; the liquid assets
 *   (Deposit + WealthProduct, any institution) are reported beside it for reference.
 * - Critical-illness need = CI_INCOME_YEARS × annual income: the usual 3–5 years of income to pay for treatment
 *   and replace lost earnings, taken at the prudent end. Both needs (life, CI) are in the result.
 * - A Loan whose product name mentions a mortgage (房贷/房貸/按揭/mortgage) is the M of DIME; other loans are D.
 */
import { fail, ok } from "./result";
import type { InputError, Result } from "./result";
import { type NumberErrorCode, checkNumber } from "./returns";
import { rowsOfClient } from "./reviews";
import { type Book, type BookSettings, type Client, type Policy, type PolicyType, POLICY_TYPES, type Relation } from "./types";

/** Years of income a critical illness should be covered for. */
export const CI_INCOME_YEARS = 5;

/** Product names that make a loan a mortgage. */
const MORTGAGE_RE = /房贷|房貸|按揭|房屋贷款|住房贷款|房屋貸款|住房貸款|mortgage|home loan|housing loan/i;

/** Insured written as the client themself rather than by name. */
const SELF_WORDS = new Set(["本人", "自己", "self"]);

const MAX_HLV_YEARS = 100;

// ---- single figures (also the RM.* functions) -------------------------------------------------------------

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

// ---- cover per person ------------------------------------------------------------------------------------------

/** "Self" = the client; "Unlisted" = an insured name that is neither the client nor a listed family member. */
export type InsuredRelation = "Self" | Relation | "Unlisted";

export interface PersonCover {
  name: string;
  relation: InsuredRelation;
  /** In-force sum insured by policy type, as typed (the CI flag is applied only in `criticalIllness`). */
  byType: Record<PolicyType, number>;
  life: number;
  /** CriticalIllness policies plus policies of other types flagged criticalIllness. */
  criticalIllness: number;
  medical: number;
  accident: number;
  /** Annual premiums of the in-force policies insuring this person. */
  premiums: number;
  /** Number of in-force policies insuring this person. */
  policies: number;
}

function nameKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

function emptyByType(): Record<PolicyType, number> {
  const r = {} as Record<PolicyType, number>;
  for (const t of POLICY_TYPES) r[t] = 0;
  return r;
}

function newPerson(name: string, relation: InsuredRelation): PersonCover {
  return { name, relation, byType: emptyByType(), life: 0, criticalIllness: 0, medical: 0, accident: 0, premiums: 0, policies: 0 };
}

function addPolicy(p: PersonCover, pol: Policy): void {
  p.byType[pol.policyType] += pol.sumInsured;
  if (pol.policyType === "Life") p.life += pol.sumInsured;
  if (pol.policyType === "CriticalIllness" || pol.criticalIllness) p.criticalIllness += pol.sumInsured;
  if (pol.policyType === "Medical") p.medical += pol.sumInsured;
  if (pol.policyType === "Accident") p.accident += pol.sumInsured;
  p.premiums += pol.annualPremium;
  p.policies += 1;
}

/**
 * In-force cover of the client and each family member (table order), then of any other insured named on the
 * client's policies. Everyone listed appears, with zeros when uncovered. Names match ignoring case and spaces;
 * 本人 / self as the insured means the client.
 */
export function coverByPerson(book: Book, client: Client): PersonCover[] {
  const people: PersonCover[] = [newPerson(client.name, "Self")];
  const byName = new Map<string, PersonCover>([[nameKey(client.name), people[0]]]);
  for (const w of SELF_WORDS) if (!byName.has(w)) byName.set(w, people[0]);
  for (const m of rowsOfClient(book.family, client.clientId)) {
    const p = newPerson(m.name, m.relation);
    people.push(p);
    const key = nameKey(m.name);
    if (!byName.has(key)) byName.set(key, p);
  }
  for (const pol of rowsOfClient(book.policies, client.clientId)) {
    if (pol.status !== "InForce") continue;
    const key = nameKey(pol.insured);
    let p = byName.get(key);
    if (!p) {
      p = newPerson(pol.insured.trim(), "Unlisted");
      people.push(p);
      byName.set(key, p);
    }
    addPolicy(p, pol);
  }
  return people;
}

// ---- the client's protection ---------------------------------------------------------------------------------

export interface ClientProtection {
  clientId: string;
  /** Recorded annual income, 0 when not recorded (then `noIncome`). */
  annualIncome: number;
  noIncome: boolean;
  need: {
    debts: number;
    mortgage: number;
    incomeYears: number;
    /** annualIncome × incomeYears. */
    incomeReplacement: number;
    /** The larger of the Children field and the number of Child family members. */
    children: number;
    educationPerChild: number;
    earmarkedAssets: number;
    /** DIME need (life). */
    life: number;
    /** CI_INCOME_YEARS × annual income. */
    criticalIllness: number;
  };
  /** Deposits and wealth products at any institution: reference only, not subtracted unless earmarked. */
  liquidAssets: number;
  /** In-force cover on the client themself. */
  cover: { life: number; criticalIllness: number };
  gap: { life: number; criticalIllness: number };
  /** 双十: sum insured ≈ coverMultiple × income, premiums ≈ premiumRatio × income. */
  tenTen: {
    coverTarget: number;
    /** Life cover / coverTarget; absent without income. */
    coverRatio?: number;
    /** Life cover below the target (only judged with income). */
    coverShort: boolean;
    /** Annual premiums of all the family's in-force policies on this client's book. */
    premiums: number;
    /** premiums / income; absent without income. */
    premiumRatio?: number;
    premiumTarget: number;
    /** Premiums above the target share of income (only judged with income). */
    premiumsOver: boolean;
  };
  noCriticalIllness: boolean;
  /** Family members insured by no in-force policy. */
  uncoveredMembers: { name: string; relation: Relation }[];
  /** Client first, then family members, then other insured names. */
  people: PersonCover[];
}

export type ProtectionErrorCode = NumberErrorCode | "unknown-client";

export interface ProtectionOptions {
  /** Liquid assets set aside for the family (the "minus" of DIME); default 0. */
  earmarkedAssets?: number;
}

export function clientProtection(
  book: Book,
  clientId: string,
  settings: BookSettings = book.settings,
  options: ProtectionOptions = {},
): Result<ClientProtection, ProtectionErrorCode> {
  const client = book.clients.find((c) => c.clientId === clientId);
  if (!client) {
    return fail("unknown-client", "clientId", {
      "zh-CN": `没有客户编号为 ${clientId} 的客户`,
      "zh-TW": `沒有客戶編號為 ${clientId} 的客戶`,
      "en-US": `there is no client with id ${clientId}`,
    });
  }
  const badSetting =
    checkNumber(settings.incomeYears, "settings.incomeYears", { min: 0 }) ??
    checkNumber(settings.educationPerChild, "settings.educationPerChild", { min: 0 }) ??
    checkNumber(settings.coverMultiple, "settings.coverMultiple", { min: 0, minExclusive: true }) ??
    checkNumber(settings.premiumRatio, "settings.premiumRatio", { min: 0, minExclusive: true });
  if (badSetting) return { ok: false, error: badSetting };

  let debts = 0;
  let mortgage = 0;
  let liquidAssets = 0;
  for (const h of rowsOfClient(book.holdings, clientId)) {
    if (h.assetClass === "Loan") {
      if (MORTGAGE_RE.test(h.productName)) mortgage += h.amount;
      else debts += h.amount;
    } else if (h.assetClass === "Deposit" || h.assetClass === "WealthProduct") {
      liquidAssets += h.amount;
    }
  }
  const family = rowsOfClient(book.family, clientId);
  const annualIncome = client.annualIncome ?? 0;
  const children = Math.max(client.children ?? 0, family.filter((m) => m.relation === "Child").length);
  const earmarkedAssets = options.earmarkedAssets ?? 0;

  const life = dimeNeed({
    annualIncome,
    years: settings.incomeYears,
    debts,
    mortgage,
    educationPerChild: settings.educationPerChild,
    children,
    earmarkedAssets,
  });
  if (!life.ok) return life;
  const ciNeed = CI_INCOME_YEARS * annualIncome;

  const people = coverByPerson(book, client);
  const self = people[0];
  const cover = { life: self.life, criticalIllness: self.criticalIllness };

  let premiums = 0;
  for (const pol of rowsOfClient(book.policies, clientId)) if (pol.status === "InForce") premiums += pol.annualPremium;
  const hasIncome = annualIncome > 0;
  const coverTarget = settings.coverMultiple * annualIncome;
  const tenTen: ClientProtection["tenTen"] = {
    coverTarget,
    coverShort: hasIncome && cover.life < coverTarget,
    premiums,
    premiumTarget: settings.premiumRatio,
    premiumsOver: hasIncome && premiums / annualIncome > settings.premiumRatio,
  };
  if (hasIncome) {
    tenTen.coverRatio = cover.life / coverTarget;
    tenTen.premiumRatio = premiums / annualIncome;
  }

  const memberPeople = people.slice(1, 1 + family.length);
  const uncoveredMembers = family.filter((_, i) => memberPeople[i].policies === 0).map((m) => ({ name: m.name, relation: m.relation }));

  return ok({
    clientId,
    annualIncome,
    noIncome: !hasIncome,
    need: {
      debts,
      mortgage,
      incomeYears: settings.incomeYears,
      incomeReplacement: annualIncome * settings.incomeYears,
      children,
      educationPerChild: settings.educationPerChild,
      earmarkedAssets,
      life: life.value,
      criticalIllness: ciNeed,
    },
    liquidAssets,
    cover,
    gap: { life: Math.max(0, life.value - cover.life), criticalIllness: Math.max(0, ciNeed - cover.criticalIllness) },
    tenTen,
    noCriticalIllness: cover.criticalIllness === 0,
    uncoveredMembers,
    people,
  });
}
