/**
 * Returns over a period: Modified Dietz when money moved in or out, simple change otherwise; several periods linked
 * geometrically into a time-weighted return, annualised over a year or more.
 */
import { MAX_SERIAL, PHANTOM_LEAP_SERIAL, daysBetween, isIsoDate, serialToIso } from "./dates";
import { countOf } from "./count";
import type { IsoDate } from "./types";
import { fail, ok } from "./result";
import type { InputError, Localized, Result } from "./result";

export type NumberErrorCode = "not-a-number" | "out-of-range" | "not-whole";

export interface NumberRule {
  /** Smallest allowed value (inclusive unless `minExclusive`). */
  min?: number;
  minExclusive?: boolean;
  max?: number;
  integer?: boolean;
}

/** Checks one numeric argument; undefined when it is acceptable. */
export function checkNumber(value: unknown, arg: string, rule: NumberRule = {}): InputError<NumberErrorCode> | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    const got = describe(value);
    return {
      code: "not-a-number",
      arg,
      message: {
        "zh-CN": `${arg} 应为数字（收到 ${got}）`,
        "zh-TW": `${arg} 應為數字（收到 ${got}）`,
        "en-US": `${arg} must be a number (got ${got})`,
      },
    };
  }
  const { min, max, minExclusive } = rule;
  const tooLow = min !== undefined && (minExclusive ? value <= min : value < min);
  const tooHigh = max !== undefined && value > max;
  if (tooLow || tooHigh) {
    let expected: Localized;
    if (min === 0 && !minExclusive && max === undefined) {
      expected = { "zh-CN": "不能为负数", "zh-TW": "不能為負數", "en-US": "must not be negative" };
    } else if (max === undefined) {
      const op = minExclusive ? ">" : "≥";
      expected = { "zh-CN": `应 ${op} ${min}`, "zh-TW": `應 ${op} ${min}`, "en-US": `must be ${op} ${min}` };
    } else if (min === undefined) {
      expected = { "zh-CN": `应 ≤ ${max}`, "zh-TW": `應 ≤ ${max}`, "en-US": `must be ≤ ${max}` };
    } else {
      expected = { "zh-CN": `应在 ${min} 到 ${max} 之间`, "zh-TW": `應在 ${min} 到 ${max} 之間`, "en-US": `must be between ${min} and ${max}` };
    }
    return {
      code: "out-of-range",
      arg,
      message: {
        "zh-CN": `${arg} ${expected["zh-CN"]}（收到 ${value}）`,
        "zh-TW": `${arg} ${expected["zh-TW"]}（收到 ${value}）`,
        "en-US": `${arg} ${expected["en-US"]} (got ${value})`,
      },
    };
  }
  if (rule.integer && !Number.isInteger(value)) {
    return {
      code: "not-whole",
      arg,
      message: {
        "zh-CN": `${arg} 应为整数（收到 ${value}）`,
        "zh-TW": `${arg} 應為整數（收到 ${value}）`,
        "en-US": `${arg} must be a whole number (got ${value})`,
      },
    };
  }
  return undefined;
}

/** How a refused value is quoted: short, blank for empty cells, never `[object Object]`. */
function describe(v: unknown): string {
  if (v === undefined || v === null || v === "") return "blank";
  if (typeof v === "string") return `"${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
  return typeof v === "number" || typeof v === "boolean" ? String(v) : typeof v;
}

// ---- Modified Dietz ------------------------------------------------------------------------------------------

export type DietzErrorCode =
  | NumberErrorCode
  | "bad-date"
  | "end-before-start"
  | "empty-period"
  | "flow-outside-period"
  | "length-mismatch"
  | "non-positive-capital";

export interface DatedFlow {
  /** + money in, − money out. */
  amount: number;
  date: IsoDate;
}

export interface DietzInput {
  beginValue: number;
  endValue: number;
  flows: readonly DatedFlow[];
  start: IsoDate;
  end: IsoDate;
}

export interface DietzDaysInput {
  beginValue: number;
  endValue: number;
  /** `day` = days from the start of the period to the flow, 0 ≤ day ≤ days; may be fractional (e.g. mid-period). */
  flows: readonly { amount: number; day: number }[];
  /** Length of the period in days (T). */
  days: number;
}

/**
 * Modified Dietz on a period measured in days:
 * R = (EV − BV − ΣCF) / (BV + Σ wᵢ·CFᵢ), wᵢ = (T − tᵢ)/T.
 * A flow on the first day is weighted 1 (invested the whole period), one on the last day 0.
 */
export function modifiedDietzByDays(input: DietzDaysInput): Result<number, DietzErrorCode> {
  const { beginValue, endValue, flows, days } = input;
  const bad =
    checkNumber(beginValue, "beginValue", { min: 0 }) ??
    checkNumber(endValue, "endValue", { min: 0 }) ??
    checkNumber(days, "days", { min: 0 });
  if (bad) return { ok: false, error: bad };
  if (days === 0) return emptyPeriod("days");
  for (let i = 0; i < flows.length; i++) {
    const f = flows[i];
    const e = checkNumber(f.amount, `flows[${i}].amount`) ?? checkNumber(f.day, `flows[${i}].day`, { min: 0, max: days });
    if (e) return { ok: false, error: e.code === "out-of-range" ? { ...e, code: "flow-outside-period" } : e };
  }
  let net = 0;
  let weighted = 0;
  for (const f of flows) {
    net += f.amount;
    weighted += ((days - f.day) / days) * f.amount;
  }
  const capital = beginValue + weighted;
  if (!(capital > 0)) {
    const c = round2(capital);
    return fail("non-positive-capital", "beginValue", {
      "zh-CN": `期初值加时间加权的资金流（平均投入资本）为 ${c}，不大于 0，无法计算收益率：期初为 0 又无资金流入，或资金在期初不久即被取出`,
      "zh-TW": `期初值加時間加權的資金流（平均投入資本）為 ${c}，不大於 0，無法計算報酬率：期初為 0 又無資金流入，或資金在期初不久即被提出`,
      "en-US": `the average capital invested (begin value plus time-weighted flows) is ${c}, not above 0, so no return can be computed: nothing was invested at the start and nothing came in, or the money was withdrawn early in the period`,
    });
  }
  return ok((endValue - beginValue - net) / capital);
}

/** Modified Dietz between two ISO dates; every flow must fall within [start, end]. */
export function modifiedDietz(input: DietzInput): Result<number, DietzErrorCode> {
  const { start, end, flows } = input;
  const period = periodDays(start, end, "start", "end");
  if (!period.ok) return period;
  const days: { amount: number; day: number }[] = [];
  for (let i = 0; i < flows.length; i++) {
    const f = flows[i];
    const bad = checkNumber(f.amount, `flows[${i}].amount`);
    if (bad) return { ok: false, error: bad };
    if (!isIsoDate(f.date)) return badDate(`flows[${i}].date`, f.date);
    const day = daysBetween(start, f.date);
    if (day < 0 || day > period.value) return outside(`flows[${i}].date`, f.date, start, end);
    days.push({ amount: f.amount, day });
  }
  return modifiedDietzByDays({ beginValue: input.beginValue, endValue: input.endValue, flows: days, days: period.value });
}

export interface DietzSerialInput {
  beginValue: number;
  endValue: number;
  flowAmounts: readonly number[];
  /** Excel 1900-system serials, one per amount. */
  flowDates: readonly number[];
  startDate: number;
  endDate: number;
}

/**
 * The RM.MDIETZ form: dates as Excel serials (time of day ignored), flows as two parallel lists.
 * Argument names in errors are the custom function's, with 1-based positions (`flowDates[3]`).
 */
export function modifiedDietzSerial(input: DietzSerialInput): Result<number, DietzErrorCode> {
  const start = serialArg(input.startDate, "startDate");
  if (!start.ok) return start;
  const end = serialArg(input.endDate, "endDate");
  if (!end.ok) return end;
  if (input.flowAmounts.length !== input.flowDates.length) {
    const [a, d] = [input.flowAmounts.length, input.flowDates.length];
    return fail("length-mismatch", "flowDates", {
      "zh-CN": `flowDates 有 ${d} 个日期，flowAmounts 有 ${a} 个金额，两者应一一对应`,
      "zh-TW": `flowDates 有 ${d} 個日期，flowAmounts 有 ${a} 個金額，兩者應一一對應`,
      "en-US": `flowDates has ${d} dates but flowAmounts has ${a} amounts; they must pair up`,
    });
  }
  const period = periodDays(start.value, end.value, "startDate", "endDate");
  if (!period.ok) return period;
  const flows: { amount: number; day: number }[] = [];
  for (let i = 0; i < input.flowAmounts.length; i++) {
    const amount = input.flowAmounts[i];
    const bad = checkNumber(amount, `flowAmounts[${i + 1}]`);
    if (bad) return { ok: false, error: bad };
    const date = serialArg(input.flowDates[i], `flowDates[${i + 1}]`);
    if (!date.ok) return date;
    const day = daysBetween(start.value, date.value);
    if (day < 0 || day > period.value) return outside(`flowDates[${i + 1}]`, date.value, start.value, end.value);
    flows.push({ amount, day });
  }
  return modifiedDietzByDays({ beginValue: input.beginValue, endValue: input.endValue, flows, days: period.value });
}

function periodDays(start: string, end: string, startArg: string, endArg: string): Result<number, DietzErrorCode> {
  if (!isIsoDate(start)) return badDate(startArg, start);
  if (!isIsoDate(end)) return badDate(endArg, end);
  const t = daysBetween(start, end);
  if (t < 0) {
    return fail("end-before-start", endArg, {
      "zh-CN": `${endArg}（${end}）早于 ${startArg}（${start}）`,
      "zh-TW": `${endArg}（${end}）早於 ${startArg}（${start}）`,
      "en-US": `${endArg} (${end}) is before ${startArg} (${start})`,
    });
  }
  if (t === 0) return emptyPeriod(endArg);
  return ok(t);
}

function emptyPeriod(arg: string): { ok: false; error: InputError<DietzErrorCode> } {
  return fail("empty-period", arg, {
    "zh-CN": "期初与期末是同一天，期间长度为 0，无法计算收益率",
    "zh-TW": "期初與期末是同一天，期間長度為 0，無法計算報酬率",
    "en-US": "the period starts and ends on the same day (0 days long), so no return can be computed",
  });
}

function badDate(arg: string, value: unknown): { ok: false; error: InputError<DietzErrorCode> } {
  const got = describe(value);
  return fail("bad-date", arg, {
    "zh-CN": `${arg} 应为有效日期 YYYY-MM-DD（收到 ${got}）`,
    "zh-TW": `${arg} 應為有效日期 YYYY-MM-DD（收到 ${got}）`,
    "en-US": `${arg} must be a real date YYYY-MM-DD (got ${got})`,
  });
}

function outside(arg: string, date: IsoDate, start: IsoDate, end: IsoDate): { ok: false; error: InputError<DietzErrorCode> } {
  return fail("flow-outside-period", arg, {
    "zh-CN": `${arg}（${date}）不在期间 ${start} 至 ${end} 之内`,
    "zh-TW": `${arg}（${date}）不在期間 ${start} 至 ${end} 之內`,
    "en-US": `${arg} (${date}) is outside the period ${start} to ${end}`,
  });
}

/** An Excel serial as an ISO date, refusing what Excel itself would not show as a date. */
function serialArg(value: unknown, arg: string): Result<IsoDate, DietzErrorCode> {
  const bad = checkNumber(value, arg, { min: 1, max: MAX_SERIAL });
  if (bad) {
    if (bad.code === "not-a-number") return { ok: false, error: bad };
    return badSerial(arg, value as number, `1–${MAX_SERIAL}`);
  }
  if (Math.floor(value as number) === PHANTOM_LEAP_SERIAL) return badSerial(arg, 60, "1900-02-29");
  return ok(serialToIso(value as number));
}

function badSerial(arg: string, value: number, why: string): { ok: false; error: InputError<DietzErrorCode> } {
  return fail("bad-date", arg, {
    "zh-CN": why === "1900-02-29" ? `${arg} 是 1900-02-29，这一天并不存在` : `${arg} 应为日期序号 ${why}（收到 ${value}）`,
    "zh-TW": why === "1900-02-29" ? `${arg} 是 1900-02-29，這一天並不存在` : `${arg} 應為日期序號 ${why}（收到 ${value}）`,
    "en-US": why === "1900-02-29" ? `${arg} is 1900-02-29, a day that does not exist` : `${arg} must be a date serial ${why} (got ${value})`,
  });
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

// ---- simple change ---------------------------------------------------------------------------------------------

export interface Change {
  abs: number;
  /** (ev − bv) / |bv|; absent when bv = 0 (no base to compare with). */
  pct?: number;
}

/**
 * Change from bv to ev, absolute and as a fraction of bv. The base is taken as |bv| so that a rise from a
 * negative base (e.g. a net worth below 0) reads as a positive change; for bv > 0 it is the usual (ev − bv)/bv.
 */
export function simpleChange(bv: number, ev: number): Change {
  const abs = ev - bv;
  return bv === 0 ? { abs } : { abs, pct: abs / Math.abs(bv) };
}

// ---- several periods -----------------------------------------------------------------------------------------

/**
 * Geometric linking of period returns: (1 + r₁)(1 + r₂)…(1 + rₙ) − 1, the cumulative time-weighted return of
 * the GIPS standards and the CFA Institute curriculum (sub-period returns, e.g. Modified Dietz per period, are
 * "geometrically linked"). No period gives 0. Inputs are fractions (0.05 = 5 %).
 */
export function linkReturns(returns: readonly number[]): number {
  let g = 1;
  for (const r of returns) g *= 1 + r;
  return g - 1;
}

/** Days in a year for annualising by calendar days: (1 + R)^(365/days) − 1. */
export const DAYS_PER_YEAR = 365;

export type AnnualiseErrorCode = "short-span" | "total-loss-exceeded";

/**
 * Annualised return of a cumulative return R over `days` calendar days: (1 + R)^(365/days) − 1. Refused for a
 * span under a year: the GIPS standards (CFA Institute) say "returns for periods of less than one year must not be
 * annualized" (GIPS Handbook, gipsstandards.org Q&A on partial-period returns). Refused too when R < −100 %.
 */
export function annualiseReturn(cumulative: number, days: number): Result<number, AnnualiseErrorCode> {
  if (!(days >= DAYS_PER_YEAR)) {
    return fail("short-span", "days", {
      "zh-CN": `期间为 ${days} 天，不足一年：不满一年的收益率不作年化（GIPS）`,
      "zh-TW": `期間為 ${days} 天，不足一年：未滿一年的報酬率不作年化（GIPS）`,
      "en-US": `the span is ${countOf(days, "day", "days")}, less than a year: a return over less than a year is not annualised (GIPS)`,
    });
  }
  if (cumulative < -1) {
    return fail("total-loss-exceeded", "returns", {
      "zh-CN": `累计收益率 ${cumulative} 低于 −100%，无法年化`,
      "zh-TW": `累計報酬率 ${cumulative} 低於 −100%，無法年化`,
      "en-US": `the cumulative return ${cumulative} is below −100 %, so it cannot be annualised`,
    });
  }
  return ok(Math.pow(1 + cumulative, DAYS_PER_YEAR / days) - 1);
}
