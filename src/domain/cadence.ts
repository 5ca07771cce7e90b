/**
 * Review cadence: how often a client is reviewed, and when the next review falls due.
 */
import { addMonths, daysBetween, isIsoDate, isoToSerial } from "./dates";
import { ok, quoteInput, refused } from "./result";
import type { Localized, Result } from "./result";
import type { Cadence, Client, IsoDate, Tier } from "./types";


/** Throws a RangeError naming the argument when `d` is not a real `YYYY-MM-DD` date. */
export function assertIsoDate(d: unknown, what: string): asserts d is IsoDate {
  if (!isIsoDate(d)) throw new RangeError(`${what}: ${quoteInput(d)} is not a date in YYYY-MM-DD form`);
}

/** Excel serials are consecutive days from 1900-03-01 on (before it Excel counts a phantom 29 Feb). */
const FIRST_REAL_SERIAL_DATE = "1900-03-01";

/**
 * b − a in calendar days, as dates.ts's daysBetween, by integer arithmetic on Excel serials: about ten times
 * faster, which matters in the agenda's loops over a 5,000-client book. Both must be valid ISO dates.
 */
export function dayDiff(a: IsoDate, b: IsoDate): number {
  if (a < FIRST_REAL_SERIAL_DATE || b < FIRST_REAL_SERIAL_DATE) return daysBetween(a, b);
  return isoToSerial(b) - isoToSerial(a);
}

const MONTHS: Readonly<Record<Cadence, number>> = { Monthly: 1, Quarterly: 3, Semiannual: 6, Annual: 12 };

export function cadenceMonths(c: Cadence): number {
  return MONTHS[c];
}

/** Default cadence by tier (docs/ARCHITECTURE.md): A monthly, B quarterly, C half-yearly. */
export function defaultCadence(tier: Tier): Cadence {
  return tier === "A" ? "Monthly" : tier === "B" ? "Quarterly" : "Semiannual";
}

/** The client's own cadence when set, else the tier's default. */
export function clientCadence(client: Pick<Client, "reviewCadence">, tier: Tier): Cadence {
  return client.reviewCadence ?? defaultCadence(tier);
}

/** Cadence words in all three languages (繁體 uses the same characters), normalised as `normWord` leaves them. */
const CADENCE_WORDS: Readonly<Record<string, Cadence>> = {
  月度: "Monthly",
  每月: "Monthly",
  季度: "Quarterly",
  每季: "Quarterly",
  每季度: "Quarterly",
  半年: "Semiannual",
  半年度: "Semiannual",
  每半年: "Semiannual",
  年度: "Annual",
  每年: "Annual",
  monthly: "Monthly",
  quarterly: "Quarterly",
  semiannual: "Semiannual",
  semiannually: "Semiannual",
  halfyearly: "Semiannual",
  biannual: "Semiannual",
  annual: "Annual",
  annually: "Annual",
  yearly: "Annual",
  // Single words the book codec also accepts.
  月: "Monthly",
  month: "Monthly",
  季: "Quarterly",
  quarter: "Quarterly",
  年: "Annual",
  year: "Annual",
};

/** NFKC (full-width → ASCII), lower case, no spaces, hyphens, underscores or dots. */
function normWord(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[\s\-_.]+/g, "");
}

const CADENCE_EXPECTED: Localized = {
  "zh-CN": "应为 月度/季度/半年/半年度/年度、monthly/quarterly/semiannual/annual 或正整数月数",
  "zh-TW": "應為 月度/季度/半年/半年度/年度、monthly/quarterly/semiannual/annual 或正整數月數",
  "en-US": "must be 月度/季度/半年/年度, monthly/quarterly/semiannual/annual, or a whole number of months ≥ 1",
};

export type CadenceErrorCode = "bad-cadence";

/** Parses a cadence word or a count of months (number or numeric text, ≤ 1200) to months. */
export function parseCadenceArg(x: unknown, arg = "cadence"): Result<number, CadenceErrorCode> {
  const bad = (): Result<number, CadenceErrorCode> => refused("bad-cadence", arg, CADENCE_EXPECTED, x);
  if (typeof x === "number") return Number.isInteger(x) && x >= 1 && x <= 1200 ? ok(x) : bad();
  if (typeof x !== "string") return bad();
  const w = normWord(x);
  const word = CADENCE_WORDS[w];
  if (word) return ok(MONTHS[word]);
  // A number of months typed as text, optionally with 个月/個月/months.
  const m = /^(\d+)(个月|個月|月|months?)?$/.exec(x.normalize("NFKC").toLowerCase().replace(/\s+/g, ""));
  if (m) {
    const n = Number(m[1]);
    if (n >= 1 && n <= 1200) return ok(n);
  }
  return bad();
}

/** Next review = last + cadence, month-end clamped (31 Jan + 1 month = 28/29 Feb). */
export function nextReview(lastDate: IsoDate, months: number): IsoDate {
  assertIsoDate(lastDate, "lastDate");
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months: ${quoteInput(months)} is not a whole number ≥ 1`);
  return addMonths(lastDate, months);
}

/** Days from asOf until the next review; negative when overdue, 0 on the due day. */
export function daysDue(lastDate: IsoDate, months: number, asOf: IsoDate): number {
  assertIsoDate(asOf, "asOf");
  return dayDiff(asOf, nextReview(lastDate, months));
}

export const CADENCE_LABELS: Readonly<Record<Cadence, Localized>> = {
  Monthly: { "zh-CN": "月度", "zh-TW": "月度", "en-US": "Monthly" },
  Quarterly: { "zh-CN": "季度", "zh-TW": "季度", "en-US": "Quarterly" },
  Semiannual: { "zh-CN": "半年", "zh-TW": "半年", "en-US": "Semiannual" },
  Annual: { "zh-CN": "年度", "zh-TW": "年度", "en-US": "Annual" },
};
