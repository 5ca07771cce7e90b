/**
 * Protection: dated cover per insured person, the client's DIME need, gaps for life and critical illness, the 双十
 * checks (sum insured ≈ 10 × income, premiums ≈ 10 % of income). The single figures (DIME, human life value, gap),
 * also the RM.* functions, are in protectionNeed.ts.
 *
 * Choices (a manager would expect these; the sheet should show the figures they rest on):
 * - Cover is dated. A policy covers from StartDate up to (not including) StartDate + TermYears — the policy
 *   anniversary, month-end clamped, as 保险期间 "自起保日零时起至期满日二十四时止" ends the day before it — while its
 *   status is in force. Lapsed (失效) and matured (满期) policies, a term that has ended and a policy that has not
 *   started yet do not cover at the as-of date. No TermYears = whole life; no StartDate = covering while in force.
 * - A policy still marked in force after its term ended has a stale status: it does not count, and it is listed
 *   among the data to check (`policyChecks`).
 * - Critical-illness cover is the CI amount: the policy's CriticalIllnessSum (重疾保额) when recorded; else the
 *   SumInsured of a CriticalIllness policy; else 0 — a policy of another type flagged with a CI rider but no CI sum
 *   is not counted (its life sum is not its CI amount) and is listed among the data to check, so the manager enters
 *   the rider's amount. Old books (no CriticalIllnessSum column) read as before for CI policies.
 * - Life cover is Life policies only (accident cover pays only on accidental death, so it is not life cover).
 * - 双十 (the industry rule of thumb 双十原则 / 双十定律: protection sum insured ≈ 10 × annual income, premiums of
 *   protection insurance ≈ 10 % of annual income; e.g. 人民日报 理财小技巧, 2020-04-28; it applies to protection-type
 *   insurance only): the book records the client's income only, so the one coherent base is the client's own —
 *   the yearly premiums still payable (premiums.ts yearlyPremiumPayable: 0 for a 趸交 single premium and for a policy
 *   whose premium term ended by the as-of date (已缴清), AnnualPremium otherwise) of the protection policies (Life, CriticalIllness, Medical,
 *   Accident) insuring the client and covering at the as-of date, over the client's annual income. The rule is
 *   about the yearly premium burden on income, so a premium paid once or no longer due is not a burden. Annuity, Education and Other (savings-type) policies and
 *   other family members' policies are left out.
 * - Earmarked assets default to 0: the book does not say which savings are set aside for the family, and
 *   subtracting every deposit would understate the need. The manager can pass the amount; the liquid assets
 *   (Deposit + WealthProduct, any institution) are reported beside it for reference.
 * - Critical-illness need = settings.ciIncomeYears (default 5) × annual income: the usual 3–5 years of income to
 *   pay for treatment and replace lost earnings, taken at the prudent end. Both needs (life, CI) are in the result.
 * - A Loan whose product name mentions a mortgage (房贷/房貸/按揭/mortgage …) is the M of DIME; other loans are D.
 */
import { fail, ok } from "./result";
import type { Result } from "./result";
import { type NumberErrorCode, checkNumber } from "./returns";
import { rowsOfClient } from "./reviews";
import { addMonths } from "./dates";
import { inBookCurrency } from "./fx";
import { dimeNeed } from "./protectionNeed";
import { yearlyPremiumPayable } from "./premiums";
import { type Book, type BookSettings, type Client, DEFAULT_SETTINGS, type IsoDate, type Policy, type PolicyType, POLICY_TYPES, type Relation } from "./types";

/** Years of income a critical illness should be covered for: the default of settings.ciIncomeYears. */
export const CI_INCOME_YEARS = DEFAULT_SETTINGS.ciIncomeYears;

/** Policy types that are protection (保障型) insurance, the base of the 双十 premium ratio. */
export const PROTECTION_TYPES: readonly PolicyType[] = ["Life", "CriticalIllness", "Medical", "Accident"];

/** Product names that make a loan a mortgage. */
const MORTGAGE_RE = /房贷|房貸|按揭|房屋贷款|住房贷款|房屋貸款|住房貸款|mortgage|home loan|housing loan/i;

/** Insured written as the client themself rather than by name. */
const SELF_WORDS = new Set(["本人", "自己", "self"]);

// ---- dated cover of one policy ------------------------------------------------------------------------------------

/** Where a policy stands at a date: only "covering" counts as cover. */
export type CoverState = "covering" | "not-started" | "term-ended" | "lapsed" | "matured";

/** The first day the policy no longer covers: StartDate + TermYears (month-end clamped); undefined for whole life or no start. */
export function coverEnd(p: Pick<Policy, "startDate" | "termYears">): IsoDate | undefined {
  if (p.startDate === undefined || p.termYears === undefined) return undefined;
  return addMonths(p.startDate, Math.round(p.termYears * 12));
}

/** The policy's state at `asOf` (see the file comment): lapsed/matured by status, else by its dates. */
export function coverState(p: Pick<Policy, "status" | "startDate" | "termYears">, asOf: IsoDate): CoverState {
  if (p.status === "Lapsed") return "lapsed";
  if (p.status === "Matured") return "matured";
  if (p.startDate !== undefined && p.startDate > asOf) return "not-started";
  const end = coverEnd(p);
  if (end !== undefined && end <= asOf) return "term-ended";
  return "covering";
}

/**
 * The critical-illness amount of a policy (see the file comment): CriticalIllnessSum when recorded, else SumInsured
 * for a CriticalIllness policy, else 0 (including a CI rider without its amount: listed to check).
 */
export function criticalIllnessAmount(p: Pick<Policy, "policyType" | "sumInsured" | "criticalIllnessSum">): number {
  if (p.criticalIllnessSum !== undefined) return p.criticalIllnessSum;
  return p.policyType === "CriticalIllness" ? p.sumInsured : 0;
}

/** What is doubtful about a policy at `asOf`: a status still in force after the term ended; a CI rider without its amount. */
export type PolicyCheck = "stale-status" | "ci-sum-missing";

export function policyChecks(p: Policy, asOf: IsoDate): PolicyCheck[] {
  const out: PolicyCheck[] = [];
  const state = coverState(p, asOf);
  if (p.status === "InForce" && state === "term-ended") out.push("stale-status");
  if (state === "covering" && p.criticalIllness && p.policyType !== "CriticalIllness" && p.criticalIllnessSum === undefined) out.push("ci-sum-missing");
  return out;
}

// ---- cover per person ------------------------------------------------------------------------------------------

/** "Self" = the client; "Unlisted" = an insured name that is neither the client nor a listed family member. */
export type InsuredRelation = "Self" | Relation | "Unlisted";

export interface PersonCover {
  name: string;
  relation: InsuredRelation;
  /** Sum insured of the policies covering at the as-of date, by policy type as typed. */
  byType: Record<PolicyType, number>;
  life: number;
  /** The CI amounts (criticalIllnessAmount) of the covering policies. */
  criticalIllness: number;
  medical: number;
  accident: number;
  /** Yearly premiums still payable (yearlyPremiumPayable: 0 for 趸交 and paid up) of the covering policies insuring this person. */
  premiums: number;
  /** Yearly premiums still payable of the covering protection policies (PROTECTION_TYPES): the 双十 numerator. */
  protectionPremiums: number;
  /** Number of covering policies insuring this person. */
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
  return { name, relation, byType: emptyByType(), life: 0, criticalIllness: 0, medical: 0, accident: 0, premiums: 0, protectionPremiums: 0, policies: 0 };
}

function addPolicy(p: PersonCover, pol: Policy, asOf: IsoDate): void {
  p.byType[pol.policyType] += pol.sumInsured;
  if (pol.policyType === "Life") p.life += pol.sumInsured;
  p.criticalIllness += criticalIllnessAmount(pol);
  if (pol.policyType === "Medical") p.medical += pol.sumInsured;
  if (pol.policyType === "Accident") p.accident += pol.sumInsured;
  const yearly = yearlyPremiumPayable(pol, asOf);
  p.premiums += yearly;
  if (PROTECTION_TYPES.includes(pol.policyType)) p.protectionPremiums += yearly;
  p.policies += 1;
}

/**
 * Cover at `asOf` of the client and each family member (table order), then of any other insured named on the
 * client's policies. Everyone listed appears, with zeros when uncovered. Names match ignoring case and spaces;
 * 本人 / self as the insured means the client.
 */
export function coverByPerson(book: Book, client: Client, asOf: IsoDate): PersonCover[] {
  book = inBookCurrency(book, asOf); // sums insured and premiums in the book currency (issue #16)
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
    if (coverState(pol, asOf) !== "covering") continue;
    const key = nameKey(pol.insured);
    let p = byName.get(key);
    if (!p) {
      p = newPerson(pol.insured.trim(), "Unlisted");
      people.push(p);
      byName.set(key, p);
    }
    addPolicy(p, pol, asOf);
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
    /** settings.ciIncomeYears (default CI_INCOME_YEARS) × annual income. */
    ciIncomeYears: number;
    criticalIllness: number;
  };
  /** Deposits and wealth products at any institution: reference only, not subtracted unless earmarked. */
  liquidAssets: number;
  /** Cover on the client themself at the as-of date (CI: the CI amounts). */
  cover: { life: number; criticalIllness: number };
  gap: { life: number; criticalIllness: number };
  /** 双十 (see the file comment): life cover ≈ coverMultiple × income, own protection premiums ≈ premiumRatio × income. */
  tenTen: {
    coverTarget: number;
    /** Life cover / coverTarget; absent without income. */
    coverRatio?: number;
    /** Life cover below the target (only judged with income). */
    coverShort: boolean;
    /** Yearly premiums still payable (0 for 趸交 / paid up) of the protection policies insuring the client, covering at the as-of date. */
    premiums: number;
    /** premiums / income; absent without income. */
    premiumRatio?: number;
    premiumTarget: number;
    /** Premiums above the target share of income (only judged with income). */
    premiumsOver: boolean;
  };
  noCriticalIllness: boolean;
  /** Family members insured by no policy covering at the as-of date. */
  uncoveredMembers: { name: string; relation: Relation }[];
  /** The client's policies with something to check (stale status, CI rider without its amount), in table order. */
  checks: { policyId: string; check: PolicyCheck }[];
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
  asOf: IsoDate,
  settings: BookSettings = book.settings,
  options: ProtectionOptions = {},
): Result<ClientProtection, ProtectionErrorCode> {
  book = inBookCurrency(book, asOf); // sums insured, premiums, debts and assets in the book currency (issue #16)
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
    checkNumber(settings.ciIncomeYears, "settings.ciIncomeYears", { min: 0 }) ??
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
  const ciNeed = settings.ciIncomeYears * annualIncome;

  const people = coverByPerson(book, client, asOf);
  const self = people[0];
  const cover = { life: self.life, criticalIllness: self.criticalIllness };

  const premiums = self.protectionPremiums;
  const checks: ClientProtection["checks"] = [];
  for (const pol of rowsOfClient(book.policies, clientId)) for (const check of policyChecks(pol, asOf)) checks.push({ policyId: pol.policyId, check });
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
      ciIncomeYears: settings.ciIncomeYears,
      criticalIllness: ciNeed,
    },
    liquidAssets,
    cover,
    gap: { life: Math.max(0, life.value - cover.life), criticalIllness: Math.max(0, ciNeed - cover.criticalIllness) },
    tenTen,
    noCriticalIllness: cover.criticalIllness === 0,
    uncoveredMembers,
    checks,
    people,
  });
}
