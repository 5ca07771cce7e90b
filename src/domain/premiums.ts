/**
 * Premiums due (应缴保费): when a policy's premiums fall due, how much each is, who pays it, and when the policy is
 * paid up (缴费期满). Pure: dates are arguments.
 *
 * Rules (docs/ARCHITECTURE.md § Figures, "premiums due"):
 * - Installments per year n: Annual 1, Semiannual 2, Quarterly 4, Monthly 12 (缴费方式; blank = Annual, as the
 *   AnnualPremium column says). Premium k (k = 0, 1, 2 …) is due on EDATE(StartDate, k × 12/n): each due date is
 *   counted from the start, month-end clamped as Excel's EDATE clamps it, never from the previous due date — a policy
 *   started 31 Jan and paid monthly is due 28 Feb (29 in leap years), then 31 Mar, 30 Apr. Source: Excel's EDATE
 *   (support.microsoft.com, "EDATE function"); insurers' 保险费约定支付日 is the anniversary (对应日) of the start,
 *   with no such day in a month meaning its last day, as 民法典 art. 202 counts periods by months and years.
 * - The premium term (缴费年限, PremiumYears; blank = the cover term TermYears; both blank = while in force) holds
 *   years × n premiums: k < PremiumYears × n. A 20-year annual policy started 2010-03-01 is due 2010-03-01 …
 *   2029-03-01 (20 premiums) and pays nothing from 2030.
 * - A single-premium policy (趸交) pays once, on its StartDate.
 * - Each installment is AnnualPremium ÷ n (the single premium itself when single). Insurers load monthly premiums
 *   a little (e.g. × 0.09 per month); the book holds the annual figure, so the installment shown is its share.
 * - Paid up (缴费期满 / 已缴清): every premium of the schedule fell due before the as-of date (a single premium at the
 *   start). A whole-life schedule is never paid up.
 * - Only policies in force (Status 有效) have premiums due: a lapsed or matured policy has none.
 * - The payer is the 投保人 (要保人 in Taiwan) — the policyholder, who owes the premium under 保险法 art. 14
 *   ("投保人按照约定交付保险费") — the Payer column, else the client the policy is filed under.
 */
import { addMonths, isoParts } from "./dates";
import type { Localized, Result } from "./result";
import { codeListReader } from "./spelling";
import { PREMIUM_FREQUENCIES, type IsoDate, type Policy, type PremiumFrequency } from "./types";

/**
 * 缴费方式 as insurers' policy schedules write it (趸交 / 躉繳 for a single premium): the label a cell shows. The book's
 * code list (src/book/codes.ts) and RM.NEXTPREMIUM read the same labels and spellings.
 */
export const PREMIUM_FREQUENCY_LABELS: Readonly<Record<PremiumFrequency, Localized>> = {
  Single: { "zh-CN": "趸交", "zh-TW": "躉繳", "en-US": "Single premium" },
  Annual: { "zh-CN": "年缴", "zh-TW": "年繳", "en-US": "Annual" },
  Semiannual: { "zh-CN": "半年缴", "zh-TW": "半年繳", "en-US": "Semi-annual" },
  Quarterly: { "zh-CN": "季缴", "zh-TW": "季繳", "en-US": "Quarterly" },
  Monthly: { "zh-CN": "月缴", "zh-TW": "月繳", "en-US": "Monthly" },
};

/** Other spellings of each frequency, in any language; the code and every label are accepted too. */
export const PREMIUM_FREQUENCY_ALIASES: Readonly<Record<PremiumFrequency, readonly string[]>> = {
  Single: ["趸缴", "躉交", "一次交清", "一次缴清", "一次繳清", "一次性", "single", "lump sum"],
  Annual: ["年交", "年繳", "每年", "年", "yearly", "annually"],
  Semiannual: ["半年交", "半年", "每半年", "semi-annual", "half-yearly"],
  Quarterly: ["季交", "季", "每季", "quarter"],
  Monthly: ["月交", "月", "每月", "month"],
};

/** Words a TermYears cell may hold for a whole-life cover (no term): read as blank by the book and RM.NEXTPREMIUM. */
export const WHOLE_LIFE_WORDS: readonly string[] = ["终身", "終身", "whole life", "lifetime"];

const FREQUENCY_EXPECTED: Localized = {
  "zh-CN": "应为缴费方式：趸交/年缴/半年缴/季缴/月缴（或 Single premium/Annual/Semi-annual/Quarterly/Monthly）",
  "zh-TW": "應為繳費方式：躉繳/年繳/半年繳/季繳/月繳（或 Single premium/Annual/Semi-annual/Quarterly/Monthly）",
  "en-US": "must be a premium frequency: Single premium/Annual/Semi-annual/Quarterly/Monthly (or 趸交/年缴/半年缴/季缴/月缴)",
};

const readFrequency = codeListReader(PREMIUM_FREQUENCIES, PREMIUM_FREQUENCY_LABELS, PREMIUM_FREQUENCY_ALIASES, "bad-frequency", FREQUENCY_EXPECTED);

/** A premium frequency typed as the Policies table accepts it (any language, case, spaces and punctuation). */
export function parsePremiumFrequency(x: unknown, arg = "frequency"): Result<PremiumFrequency, "bad-frequency"> {
  return readFrequency(x, arg);
}

/** Installments per year; Single pays once. */
export const PREMIUMS_PER_YEAR: Readonly<Record<PremiumFrequency, number>> = {
  Single: 1, Annual: 1, Semiannual: 2, Quarterly: 4, Monthly: 12,
};

export type PremiumPolicy = Pick<Policy, "startDate" | "termYears" | "annualPremium" | "status" | "premiumFrequency" | "premiumYears">;

export interface PremiumSchedule {
  frequency: PremiumFrequency;
  /** Months between two premiums (12, 6, 3, 1; 0 for a single premium). */
  stepMonths: number;
  /** The premium each due date asks for. */
  installment: number;
  /** How many premiums in all; undefined = while in force (no term). */
  count: number | undefined;
  start: IsoDate;
}

/** The policy's schedule, or undefined without a StartDate (nothing can be dated). */
export function premiumSchedule(p: PremiumPolicy): PremiumSchedule | undefined {
  if (p.startDate === undefined) return undefined;
  const frequency = p.premiumFrequency ?? "Annual";
  if (frequency === "Single") {
    return { frequency, stepMonths: 0, installment: p.annualPremium, count: 1, start: p.startDate };
  }
  const n = PREMIUMS_PER_YEAR[frequency];
  const years = p.premiumYears ?? p.termYears;
  return {
    frequency,
    stepMonths: 12 / n,
    installment: p.annualPremium / n,
    count: years === undefined ? undefined : Math.round(years * n),
    start: p.startDate,
  };
}

/** Due date of premium k (0-based): EDATE(start, k × step). */
export function premiumDueDate(s: PremiumSchedule, k: number): IsoDate {
  return addMonths(s.start, k * s.stepMonths);
}

export interface PremiumDue {
  /** 0-based number of the premium in the schedule. */
  k: number;
  date: IsoDate;
  amount: number;
  /** True for the schedule's last premium: the policy is paid up once it is paid. */
  last: boolean;
}

/** The first k whose due date is on or after `from` (EDATE is monotone in k, so a month estimate then a step). */
function firstIndexFrom(s: PremiumSchedule, from: IsoDate): number {
  if (s.stepMonths === 0) return s.start >= from ? 0 : 1;
  const a = isoParts(s.start), b = isoParts(from);
  let k = Math.max(0, Math.floor(((b.y - a.y) * 12 + (b.m - a.m)) / s.stepMonths) - 1);
  while (premiumDueDate(s, k) < from) k++;
  return k;
}

/** Premiums of an in-force policy falling due from `from` to `to` (both included), in date order. */
export function premiumsDue(p: PremiumPolicy, from: IsoDate, to: IsoDate): PremiumDue[] {
  if (p.status !== "InForce") return [];
  const s = premiumSchedule(p);
  if (!s || to < from) return [];
  const out: PremiumDue[] = [];
  for (let k = firstIndexFrom(s, from); s.count === undefined || k < s.count; k++) {
    const date = premiumDueDate(s, k);
    if (date > to) break;
    out.push({ k, date, amount: s.installment, last: s.count !== undefined && k === s.count - 1 });
    if (s.stepMonths === 0) break;
  }
  return out;
}

/** The next premium due on or after `asOf` of an in-force policy; undefined when paid up, lapsed or undated. */
export function nextPremium(p: PremiumPolicy, asOf: IsoDate): PremiumDue | undefined {
  if (p.status !== "InForce") return undefined;
  const s = premiumSchedule(p);
  if (!s) return undefined;
  const k = firstIndexFrom(s, asOf);
  if (s.count !== undefined && k >= s.count) return undefined;
  return { k, date: premiumDueDate(s, k), amount: s.installment, last: s.count !== undefined && k === s.count - 1 };
}

/** Paid up at `asOf`: a dated schedule with an end whose every premium fell due before asOf (see the file comment). */
export function isPaidUp(p: PremiumPolicy, asOf: IsoDate): boolean {
  const s = premiumSchedule(p);
  if (!s || s.count === undefined) return false;
  return premiumDueDate(s, s.count - 1) < asOf;
}

/**
 * The end of the premium term (缴费期满日): the day the premium after the last would fall due, EDATE(StartDate,
 * count × 12/n) — the last premium pays for the period up to it. Undefined for a single premium, an undated policy or
 * premiums while in force (no end). A 3-year annual policy started 2021-05-15 ends its premium term on 2024-05-15; a
 * one-year renewable medical policy started 2026-02-11 on 2027-02-11 (its premium pays for the year it covers).
 */
export function premiumTermEnd(p: PremiumPolicy): IsoDate | undefined {
  const s = premiumSchedule(p);
  if (!s || s.stepMonths === 0 || s.count === undefined) return undefined;
  return premiumDueDate(s, s.count);
}

/**
 * Where a policy's premiums stand at `asOf` (缴费状态): "single" = 趸交, its one premium paid at the start; "paid-up" =
 * 已缴清, the premium term ended on or before asOf (premiumTermEnd); "paying" = 缴费中, within the premium term;
 * "none" = not in force (失效 / 满期: nothing due, as premiumsDue says).
 *
 * Paid up is judged at the end of the premium term, not at the last due date (isPaidUp): a one-year renewable policy
 * pays its only premium on its start date, yet that premium is the yearly cost of the cover it is in — it is not a
 * policy that costs nothing any more.
 */
export type PremiumStatus = "paying" | "paid-up" | "single" | "none";

export function premiumStatus(p: PremiumPolicy, asOf: IsoDate): PremiumStatus {
  if (p.status !== "InForce") return "none";
  if ((p.premiumFrequency ?? "Annual") === "Single") return "single";
  const end = premiumTermEnd(p);
  return end !== undefined && end <= asOf ? "paid-up" : "paying";
}

/**
 * The premium still payable per year at `asOf` (每年应缴保费) — the numerator of the 双十 premium ratio. 双十原则
 * (双十定律, e.g. 人民日报 理财小技巧 2020-04-28): the yearly premiums of protection insurance ≈ 10 % of annual
 * income — a yearly burden on income, so only what the client still pays each year counts:
 * - 趸交 (Single): 0 — the one premium was paid at the start and is not paid again (the demo's C0031 had a single
 *   premium of 62,850 counted as 62,850 a year);
 * - paid up (已缴清: the premium term ended, premiumStatus): 0 — nothing more to pay;
 * - not in force: 0 (premiumsDue: no premiums due);
 * - otherwise AnnualPremium, which is already the yearly amount whatever the frequency: premiumSchedule asks
 *   AnnualPremium ÷ n at each of the n due dates a year (12 × 1,000 for a monthly policy of AnnualPremium 12,000).
 */
export function yearlyPremiumPayable(p: PremiumPolicy, asOf: IsoDate): number {
  return premiumStatus(p, asOf) === "paying" ? p.annualPremium : 0;
}

/** The premium payer's name (投保人): the Payer column, else the client's name. */
export function premiumPayer(p: Pick<Policy, "payer">, clientName: string): string {
  return p.payer ?? clientName;
}
