/**
 * The RM.* custom functions (namespace RM in the manifest): thin wrappers over src/domain that read Excel's arguments
 * (./args.ts), call the calculation, and hand back numbers, text, booleans or a spill. Pure apart from the default
 * `asOf` (today, ./clock.ts); callable from Node. The JSDoc is the source of functions.json
 * (custom-functions-metadata-plugin), so every function and parameter is described there.
 *
 * Conventions:
 * - Scalar arguments are declared once per function (X_ARGS = declareArgs(…), ./declare.ts) and read by one routine
 *   in declared order; the declared names must equal the JSDoc's (tests/functions/declare.test.ts). Range arguments
 *   are read by the function itself (readVector), cell by cell, so a message can name the row.
 * - Dates are Excel serials (1900 system) in and out; date text is read as the book reads it (2025-01-31, 2025/1/31,
 *   2025年1月31日); numbers written as text ("300%", "50万") are not dates. Time of day is dropped.
 * - A result too large for a number is #NUM! (as Excel's =1E308*10), never Infinity.
 * - Parameters are typed `unknown` (metadata type "any"; ranges `unknown[][]`, dimensionality "matrix") so a bad
 *   argument reaches us and is refused with #VALUE! and a message naming it; with `number` Excel would refuse text
 *   itself, with a bare #VALUE!. `unknown` rather than `any`: the generator maps both to "any", and lint forbids `any`.
 * - Blank optional arguments (omitted, empty cell, "") take their default; an error value passed in is passed on.
 * - Functions whose `asOf` defaults to today are volatile, like TODAY(), so they move on with the calendar.
 * How a call runs (errors to #VALUE!, #NUM! for overflow) is in ./call.ts; range arguments read pairwise in
 * ./rangeArgs.ts. The file stays over 400 lines as the one source of the metadata: custom-functions-metadata-plugin
 * reads the JSDoc of this one input file (webpack.config.js) and appends the registrations to it.
 */
import { allocateByClass } from "../domain/allocation";
import { countOf } from "../domain/count";
import { birthdayInYear, nextBirthday as domainNextBirthday, age as domainAge } from "../domain/birthdays";
import { daysDue, nextReview } from "../domain/cadence";
import { isoParts } from "../domain/dates";
import { holdingMonths } from "../domain/holdingPeriod";
import { mask } from "../domain/mask";
import { nextPremium, premiumDueDate, premiumSchedule, WHOLE_LIFE_WORDS, type PremiumSchedule } from "../domain/premiums";
import { dimeNeed, gap, hlv } from "../domain/protectionNeed";
import { annualiseReturn, linkReturns, modifiedDietzSerial } from "../domain/returns";
import { daysBetween } from "../domain/dates";
import { isSuitable, levelSuitable } from "../domain/suitability";
import { paretoTiers } from "../domain/tiers";
import type { Localized } from "../domain/result";
import { DEFAULT_SETTINGS, type IsoDate, type PolicyStatus } from "../domain/types";
import { cellNumber, isBlank, pastLastDate, readDate, readNumber, readOptionalDate, readOptionalNumber, readVector, refuse, samePairing, serialResult } from "./args";
import {
  cadence as cadenceArg, clientRisk as clientRiskArg, date, dateOrToday, declareArgs, maskKind, maybeNumber, number, optionalDate, optionalNumber, premiumFrequency,
  policyStatus, productRisk as productRiskArg, pvType, text as textArg, unwrap,
} from "./declare";
import { makeError, notAvailable } from "./errors";
import { functionsLanguage } from "./language";
import { after, call, guard } from "./call";
import { bookConversion, classAmounts, datedFlows, periodReturns } from "./rangeArgs";
import { convert, readCurrency, readRates } from "./rates";

// ---- dates of a person ---------------------------------------------------------------------------------------------

const AGE_ARGS = declareArgs("AGE", [date("birthDate"), dateOrToday("asOf")]);

/**
 * Age in whole years (周岁) on a date.
 * @customfunction AGE
 * @param birthDate Date of birth: a date cell, a date serial number or YYYY-MM-DD text.
 * @param asOf Date to measure the age on; blank means today.
 * @returns Age in whole years.
 * @volatile
 */
export function AGE(birthDate: unknown, asOf?: unknown): number {
  return call("AGE", AGE_ARGS, [birthDate, asOf], ([birth, on]) => {
    if (birth > on) after("birthDate", birth, "asOf", on);
    return domainAge(birth, on);
  });
}

const NEXTBIRTHDAY_ARGS = declareArgs("NEXTBIRTHDAY", [date("birthDate"), dateOrToday("asOf")]);

/**
 * Date of the next birthday on or after a date (下个生日); 29 Feb falls on 28 Feb in common years.
 * @customfunction NEXTBIRTHDAY
 * @param birthDate Date of birth: a date cell, a date serial number or YYYY-MM-DD text.
 * @param asOf Date to look from (a birthday on that day counts); blank means today.
 * @returns The date of the next birthday, as a date serial (format the cell as a date).
 * @volatile
 */
export function NEXTBIRTHDAY(birthDate: unknown, asOf?: unknown): number {
  return call("NEXTBIRTHDAY", NEXTBIRTHDAY_ARGS, [birthDate, asOf], ([birth, on]) => {
    // After the last birthday of 9999 the next one has no date in Excel; say so rather than overflow.
    if (birth < on && isoParts(on).y === 9999 && birthdayInYear(birth, 9999) < on) pastLastDate("nextBirthday");
    return serialResult(domainNextBirthday(birth, on), "nextBirthday");
  });
}

const HOLDINGMONTHS_ARGS = declareArgs("HOLDINGMONTHS", [date("startDate"), dateOrToday("asOf")]);

/**
 * Whole months a holding has been held (持有月数), month-end clamped: 31 Jan to 28 Feb is one month.
 * @customfunction HOLDINGMONTHS
 * @param startDate Date the holding was bought or started: a date cell, a date serial number or YYYY-MM-DD text.
 * @param asOf Date to count to, such as the review date; blank means today.
 * @returns Whole months held; 0 when the start date is after asOf.
 * @volatile
 */
export function HOLDINGMONTHS(startDate: unknown, asOf?: unknown): number {
  // Defined: both dates were read as real dates.
  return call("HOLDINGMONTHS", HOLDINGMONTHS_ARGS, [startDate, asOf], ([start, on]) => holdingMonths(start, on) as number);
}

// ---- allocation --------------------------------------------------------------------------------------------------

// Classes are read in Chinese (简体/繁體) or English (存款/Deposit, 理财/理財/WealthProduct, 黄金/Gold → 其他 …) and
// grouped across languages under the text first typed. Loans and debts under their usual names (贷款, 房贷, 车贷,
// 信用卡, 消费贷, 借款, 透支, 貸款, Mortgage, Car loan, Credit card, Overdraft …; src/domain/allocation.ts) are
// liabilities: left out here, subtracted in NETWORTH. Text that is no known class is #VALUE!, naming the cell, so a
// debt under a name we do not know is never counted as an asset.
// Currencies (issue 16), appended last so older formulas read as before: each row's amount is converted to the book
// currency at its currency's rate (./rates.ts: the book's rule, the latest rate on or before `date`; blank date = the
// latest rate). A blank currency cell is the book currency; a currency with no rate is #N/A naming the row, never 1:1.
/**
 * Asset allocation (资产配置): class, amount and share of assets per class, largest first; loans left out. Amounts in other currencies are converted to the book currency first.
 * @customfunction ALLOCATION
 * @param classes Asset class of each holding: one column (or one row) of cells.
 * @param amounts Amount of each holding, in the same order as classes; a loan as its positive outstanding balance.
 * @param [currencies] Currency of each amount (USD, 港币 …), in the same order; a blank cell is the book currency, or the one written with the amount (US$1,200). Leave out when every amount is in the book currency.
 * @param [rates] The Rates table's body (currency, rate = book currency per 1 unit, date), with or without its header row.
 * @param [date] Date to value the amounts on: the latest rate on or before it; blank means the latest rate.
 * @param [book] The book's own currency (a cell in it needs no rate); blank means only blank currency cells are in the book currency.
 * @returns Rows of class, amount and share (a fraction of total assets; format as %), spilling down; amounts in the book currency.
 */
export function ALLOCATION(classes: unknown[][], amounts: unknown[][], currencies?: unknown[][], rates?: unknown[][], date?: unknown, book?: unknown): unknown[][] {
  return guard("ALLOCATION", () => {
    const toBook = bookConversion(currencies, rates, date, book);
    const result = unwrap(allocateByClass(classAmounts(classes, amounts, toBook), "amounts"));
    // Shares of a total that overflowed would all read 0: #NUM!, as for any result too large.
    if (!Number.isFinite(result.assets)) throw makeError("invalidNumber");
    if (result.rows.length === 0) {
      throw notAvailable(
        {
          "zh-CN": "没有可以配置的资产：所有行都为空或是贷款",
          "zh-TW": "沒有可以配置的資產：所有列都為空或是貸款",
          "en-US": "no assets to allocate: every row is blank or a loan",
        }[functionsLanguage()],
      );
    }
    return result.rows.map((r) => [r.assetClass, r.amount, r.share]);
  });
}

/**
 * Net worth (净资产): total assets minus liabilities, where loans and debts (贷款, 房贷, 车贷, 信用卡, Mortgage …) are liabilities; in the book currency.
 * @customfunction NETWORTH
 * @param classes Asset class of each holding: one column (or one row) of cells, in Chinese or English.
 * @param amounts Amount of each holding, in the same order as classes; a loan as its positive outstanding balance.
 * @param [currencies] Currency of each amount (USD, 港币 …), in the same order; a blank cell is the book currency, or the one written with the amount (US$1,200). Leave out when every amount is in the book currency.
 * @param [rates] The Rates table's body (currency, rate = book currency per 1 unit, date), with or without its header row.
 * @param [date] Date to value the amounts on: the latest rate on or before it; blank means the latest rate.
 * @param [book] The book's own currency (a cell in it needs no rate); blank means only blank currency cells are in the book currency.
 * @returns Assets minus liabilities in the book currency; 0 when every row is blank.
 */
export function NETWORTH(classes: unknown[][], amounts: unknown[][], currencies?: unknown[][], rates?: unknown[][], date?: unknown, book?: unknown): number {
  return guard("NETWORTH", () => {
    const toBook = bookConversion(currencies, rates, date, book);
    return unwrap(allocateByClass(classAmounts(classes, amounts, toBook), "amounts")).netWorth;
  });
}

// Which currency is the book's (rate 1): `book` when given, else the one of from and to with no row in rates — the
// Rates table lists every currency but the book's. Both with rows: a cross rate, the book need not be known. Neither:
// #N/A. A blank from or to is the book currency, as a blank Currency cell is in the book's tables. Full precision, no rounding (Excel's convention: the cell's number format rounds). ./rates.ts convert.
/**
 * Converts an amount between currencies (货币换算) at the rates of the Rates table: from → book currency → to, at the latest rate on or before the date.
 * @customfunction FX
 * @param amount Amount in the currency from; a blank cell means 0.
 * @param from Currency of the amount: an ISO code (USD, HKD, CNY …) or its name (美元, 港币, 新臺幣 …); a blank cell is the book currency, as in the Currency columns.
 * @param to Currency to convert to, written the same way; a blank cell is the book currency.
 * @param rates The Rates table's body (currency, rate = book currency per 1 unit, date), with or without its header row.
 * @param [date] Date of the rates: the latest rate on or before it; blank means the latest rate in rates.
 * @param [book] The book's own currency (rate 1); blank means whichever of from and to has no row in rates.
 * @returns The amount in the currency to, at full precision (the cell's format rounds it).
 */
export function FX(amount: unknown, from: unknown, to: unknown, rates: unknown[][], date?: unknown, book?: unknown): number {
  return guard("FX", () => {
    const a = readOptionalNumber(amount, "amount", 0);
    const f = readCurrency(from, "from");
    const t = readCurrency(to, "to");
    const on = readOptionalDate(date, "date");
    const b = readCurrency(book, "book");
    return convert(a, f, t, { rates: readRates(rates, "rates", b), date: on, book: b });
  });
}

// ---- returns -------------------------------------------------------------------------------------------------------

// R = (EV − BV − ΣCF) / (BV + Σ wᵢ·CFᵢ), wᵢ = (T − tᵢ)/T (CFA Institute / GIPS Modified Dietz). The period runs
// between two valuation dates, each value taken at the close of its day: T = endDate − startDate days, and a flow
// dated d counts from the close of d, tᵢ = d − startDate (w = 1 on startDate, 0 on endDate). This is the reading of
// Wikipedia's worked example ("Modified Dietz method": $100 → $300 over two years, +$50 after the first: 120 %),
// checked in tests/domain/returns.test.ts, and the one the review sheet uses between two reviews.
/**
 * Modified Dietz return (修正迪茨收益率) over a period in which money moved in or out.
 * @customfunction MDIETZ
 * @param beginValue Value on startDate (at the close of that day).
 * @param endValue Value on endDate (at the close of that day).
 * @param flowAmounts Money moved in (+) or out (−) during the period: one column of amounts; blank rows are skipped.
 * @param flowDates Date of each flow, in the same order as flowAmounts, from startDate to endDate; a flow counts from the close of its day.
 * @param startDate Date of beginValue, e.g. the last review: a date cell, a date serial number or YYYY-MM-DD text. The period is endDate − startDate days.
 * @param endDate Date of endValue, after startDate.
 * @returns The return as a fraction (0.1337 = 13.37 %).
 */
export function MDIETZ(beginValue: unknown, endValue: unknown, flowAmounts: unknown[][], flowDates: unknown[][], startDate: unknown, endDate: unknown): number {
  return guard("MDIETZ", () => {
    const bv = readNumber(beginValue, "beginValue");
    const ev = readNumber(endValue, "endValue");
    const amounts = readVector(flowAmounts, "flowAmounts");
    const dates = readVector(flowDates, "flowDates");
    samePairing(amounts, dates);
    const start = readDate(startDate, "startDate");
    const end = readDate(endDate, "endDate");
    const flows = datedFlows(amounts, dates, start, end);
    return unwrap(
      modifiedDietzSerial({
        beginValue: bv,
        endValue: ev,
        flowAmounts: flows.map((f) => f.amount),
        flowDates: flows.map((f) => f.serial),
        startDate: serialResult(start, "startDate"),
        endDate: serialResult(end, "endDate"),
      }),
    );
  });
}

// Geometric linking ∏(1 + rₖ) − 1: the time-weighted return of the GIPS standards / CFA Institute, which chain
// sub-period (e.g. Modified Dietz) returns. Annualised (1 + R)^(365/days) − 1 only over a year or more: GIPS says
// returns for periods of less than one year must not be annualized.
/**
 * Linked return (链接收益率): the period returns chained into one time-weighted return, (1 + r₁)(1 + r₂)…(1 + rₙ) − 1; with startDate and endDate, annualised as (1 + R)^(365/days) − 1.
 * @customfunction LINKRETURNS
 * @param returns Return of each period as a fraction or a percentage (0.05 or 5%): one column or one row; blank cells are skipped.
 * @param [startDate] Date the first period starts (e.g. the first review). Give it with endDate for the annualised return.
 * @param [endDate] Date the last period ends; at least 365 days after startDate (a part-year return is not annualised).
 * @returns The cumulative return as a fraction (0.0659 = 6.59 %); annualised when the dates are given.
 */
export function LINKRETURNS(returns: unknown[][], startDate?: unknown, endDate?: unknown): number {
  return guard("LINKRETURNS", () => {
    const linked = linkReturns(periodReturns(returns));
    const start = readOptionalDate(startDate, "startDate");
    const end = readOptionalDate(endDate, "endDate");
    if (start === undefined && end === undefined) return linked;
    if (start === undefined || end === undefined) {
      const [given, missing] = start === undefined ? ["endDate", "startDate"] : ["startDate", "endDate"];
      refuse({
        "zh-CN": `给了 ${given} 却没有 ${missing}：年化需要两个日期；只要累计收益率则两个都留空`,
        "zh-TW": `給了 ${given} 卻沒有 ${missing}：年化需要兩個日期；只要累計報酬率則兩個都留空`,
        "en-US": `${given} is given but ${missing} is not: annualising needs both dates; leave both blank for the cumulative return`,
      });
    }
    if (end < start) after("startDate", start, "endDate", end);
    const days = daysBetween(start, end);
    const a = annualiseReturn(linked, days);
    if (!a.ok && a.error.code === "short-span") {
      refuse({
        "zh-CN": `endDate（${end}）距 startDate（${start}）只有 ${days} 天，不足一年：不满一年的收益率不作年化（GIPS）；只要累计收益率则两个日期都留空`,
        "zh-TW": `endDate（${end}）距 startDate（${start}）只有 ${days} 天，未滿一年：未滿一年的報酬率不作年化（GIPS）；只要累計報酬率則兩個日期都留空`,
        "en-US": `endDate (${end}) is only ${countOf(days, "day", "days")} after startDate (${start}), less than a year: a return over less than a year is not annualised (GIPS); leave both dates blank for the cumulative return`,
      });
    }
    return unwrap(a);
  });
}

// ---- reviews -------------------------------------------------------------------------------------------------------

const NEXTREVIEW_ARGS = declareArgs("NEXTREVIEW", [date("lastDate"), cadenceArg("cadence")]);

/**
 * Date the next review is due (下次检视日): last review + cadence, month-end clamped (31 Jan + 1 month = 28 Feb).
 * @customfunction NEXTREVIEW
 * @param lastDate Date of the last review: a date cell, a date serial number or YYYY-MM-DD text.
 * @param cadence 月度/季度/半年/半年度/年度 (same in 繁體), monthly/quarterly/semiannual/annual, or a number of months.
 * @returns The due date, as a date serial (format the cell as a date).
 */
export function NEXTREVIEW(lastDate: unknown, cadence: unknown): number {
  return call("NEXTREVIEW", NEXTREVIEW_ARGS, [lastDate, cadence], ([last, m]) => {
    if (!withinCalendar(last, m)) pastLastDate("nextReview");
    return serialResult(nextReview(last, m), "nextReview");
  });
}

/** True when d + n months is still within Excel's calendar (year ≤ 9999), so date math may run. */
function withinCalendar(d: IsoDate, n: number): boolean {
  const p = isoParts(d);
  return p.y * 12 + (p.m - 1) + n <= 9999 * 12 + 11;
}

const DAYSDUE_ARGS = declareArgs("DAYSDUE", [date("lastDate"), cadenceArg("cadence"), dateOrToday("asOf")]);

/**
 * Days until the next review is due (距检视天数): negative when overdue, 0 on the due day.
 * @customfunction DAYSDUE
 * @param lastDate Date of the last review, on or before asOf: a date cell, a date serial number or YYYY-MM-DD text.
 * @param cadence 月度/季度/半年/半年度/年度 (same in 繁體), monthly/quarterly/semiannual/annual, or a number of months.
 * @param asOf Date to count from; blank means today.
 * @returns Days until due; negative when overdue.
 * @volatile
 */
export function DAYSDUE(lastDate: unknown, cadence: unknown, asOf?: unknown): number {
  return call("DAYSDUE", DAYSDUE_ARGS, [lastDate, cadence, asOf], ([last, m, on]) => {
    if (!withinCalendar(last, m)) pastLastDate("nextReview");
    // A last review after asOf (a typo such as 2052) would show a review years away and hide an overdue one: refused,
    // as the Today page lists such a date to correct (docs/ARCHITECTURE.md § Figures).
    if (last > on) after("lastDate", last, "asOf", on);
    return daysDue(last, m, on);
  });
}

// ---- premiums -------------------------------------------------------------------------------------------------------

// The Policies table's rule (src/domain/premiums.ts): premium k is due on EDATE(startDate, k × 12/n) — counted from the
// start each time, so 31 Jan paid monthly is due 28 Feb (29 in leap years), 31 Mar, 30 Apr — for k < years × n; 趸交
// pays once, on startDate. Blank years is termYears, as PremiumYears blank is TermYears in the book; both blank (or
// 终身) = premiums while in force. Paid up is #N/A ("no value available", Excel's MATCH/XLOOKUP convention) with the
// last premium's date in its message: =IFNA(RM.NEXTPREMIUM(…),"已缴清") shows the words, and it cannot be mistaken
// for a blank input as "" could. `status` (appended last, so older formulas read as before: blank = in force) is the
// Policies table's Status in its spellings (src/domain/policyStatus.ts, the book's one list): only a policy in force
// has premiums due (premiumsDue; 保险法 art. 36: unpaid past the grace period the policy is suspended), so 失效 / 满期
// is #N/A naming the status — the sheet's premium column never shows a date for a lapsed policy.
const YEARS_RULE = { min: 1, max: 100, integer: true };
const NEXTPREMIUM_ARGS = declareArgs("NEXTPREMIUM", [
  date("startDate"), premiumFrequency("frequency"), maybeNumber("years", YEARS_RULE), dateOrToday("asOf"), maybeNumber("termYears", YEARS_RULE, WHOLE_LIFE_WORDS),
  policyStatus("status"),
]);

/** The Status words of RM.NEXTPREMIUM's #N/A for a policy not in force, in the functions' language. */
const NOT_IN_FORCE: Readonly<Record<Exclude<PolicyStatus, "InForce">, Localized>> = {
  Lapsed: { "zh-CN": "保单状态为失效：失效保单不再缴费，没有下期保费", "zh-TW": "保單狀態為失效：失效保單不再繳費，沒有下期保費", "en-US": "the policy is lapsed: a lapsed policy has no premiums due" },
  Matured: { "zh-CN": "保单状态为满期：保障期已结束，没有下期保费", "zh-TW": "保單狀態為滿期：保障期已結束，沒有下期保費", "en-US": "the policy has matured: its term is over and no premiums are due" },
};

/**
 * Date the next premium of a policy is due (下期保费日): on or after asOf, EDATE(startDate, k × 12/n) month-end clamped; #N/A once paid up or when the policy is not in force.
 * @customfunction NEXTPREMIUM
 * @param startDate Policy start date (the first premium's due date): a date cell, a date serial number or YYYY-MM-DD text.
 * @param frequency Premium frequency as the Policies table takes it: 趸交/年缴/半年缴/季缴/月缴 (躉繳/年繳 …) or Single premium/Annual/Semi-annual/Quarterly/Monthly; blank means annual.
 * @param years Premium term in years (缴费年限), a whole number 1–100; blank means termYears.
 * @param asOf Date to look from (a premium due that day counts); blank means today.
 * @param termYears Cover term in years, used when years is blank; blank or 终身 means premiums while the policy is in force.
 * @param status Policy status as the Policies table takes it: 有效/失效/满期 (滿期) or In force/Lapsed/Matured; blank means in force.
 * @returns The due date as a date serial (format the cell as a date); #N/A when every premium has fallen due before asOf (paid up) or the policy is not in force.
 * @volatile
 */
export function NEXTPREMIUM(startDate: unknown, frequency: unknown, years: unknown, asOf?: unknown, termYears?: unknown, status?: unknown): number {
  return call("NEXTPREMIUM", NEXTPREMIUM_ARGS, [startDate, frequency, years, asOf, termYears, status], ([start, f, y, on, term, st]) => {
    if (st !== "InForce") throw notAvailable(NOT_IN_FORCE[st][functionsLanguage()]);
    const policy = { startDate: start, premiumFrequency: f, premiumYears: y, termYears: term, status: st, annualPremium: 0 } as const;
    const schedule = premiumSchedule(policy)!;
    if (dueAfterCalendar(schedule, on)) pastLastDate("nextPremium");
    const next = nextPremium(policy, on);
    if (next) return serialResult(next.date, "nextPremium");
    const last = premiumDueDate(schedule, schedule.count! - 1);
    throw notAvailable(
      {
        "zh-CN": `已缴清：共 ${schedule.count} 期保费，最后一期 ${last} 已早于 asOf（${on}）到期`,
        "zh-TW": `已繳清：共 ${schedule.count} 期保費，最後一期 ${last} 已早於 asOf（${on}）到期`,
        "en-US": `paid up: ${schedule.count === 1 ? "the only premium" : `the last of ${schedule.count} premiums`} fell due on ${last}, before asOf (${on})`,
      }[functionsLanguage()],
    );
  });
}

/** True when the schedule's next premium after asOf would fall after 9999-12-31 (Excel's last day). */
function dueAfterCalendar(s: PremiumSchedule, on: IsoDate): boolean {
  if (s.stepMonths === 0) return false;
  const p = isoParts(s.start);
  const kMax = Math.floor(((9999 - p.y) * 12 + (12 - p.m)) / s.stepMonths);
  if (s.count !== undefined && s.count - 1 <= kMax) return false;
  return premiumDueDate(s, kMax) < on;
}

// ---- suitability ---------------------------------------------------------------------------------------------------

// Without assessedOn the levels alone decide (a formula often checks just a product against a level); with it, the
// book-wide rule applies (domain riskAssessmentStatus): valid through its first anniversary, expired from the next
// day; an assessment dated after asOf is refused, as AGE refuses a birth after asOf.
const SUITABLE_ARGS = declareArgs("SUITABLE", [
  clientRiskArg("clientRisk"), productRiskArg("productRisk"), optionalDate("assessedOn"), dateOrToday("asOf"),
]);

/**
 * Suitability (适当性): TRUE when the product's risk level ≤ the client's and the assessment is not over a year old.
 * @customfunction SUITABLE
 * @param clientRisk Client's risk level: C1–C5, 1–5, or 保守(谨慎)/稳健/平衡/成长/进取(激进) (型 optional, 繁體 too).
 * @param productRisk Product's risk level: R1–R5, PR1–PR5, RR1–RR5, R5级, 1–5, or 低/中低/中/中高/高风险.
 * @param assessedOn Date of the client's risk assessment (valid through its first anniversary); blank compares the levels only.
 * @param asOf Date to judge the assessment's age on; blank means today.
 * @returns TRUE when suitable, FALSE otherwise.
 * @volatile
 */
export function SUITABLE(clientRisk: unknown, productRisk: unknown, assessedOn?: unknown, asOf?: unknown): boolean {
  return call("SUITABLE", SUITABLE_ARGS, [clientRisk, productRisk, assessedOn, asOf], ([client, product, assessed, on]) => {
    if (assessed !== undefined && assessed > on) after("assessedOn", assessed, "asOf", on);
    return assessed === undefined ? levelSuitable(client, product) : isSuitable(client, product, assessed, on);
  });
}

// ---- protection ----------------------------------------------------------------------------------------------------

const PROTECTIONNEED_ARGS = declareArgs("PROTECTIONNEED", [
  number("annualIncome"),
  number("years"),
  optionalNumber("debts", 0),
  optionalNumber("mortgage", 0),
  optionalNumber("educationPerChild", DEFAULT_SETTINGS.educationPerChild),
  optionalNumber("children", 0),
  optionalNumber("earmarkedAssets", 0),
]);

/**
 * Protection need by DIME (保障需求): debts + income × years + mortgage + education × children − earmarked assets.
 * @customfunction PROTECTIONNEED
 * @param annualIncome Annual income to replace.
 * @param years Years of income the family would need.
 * @param debts Debts other than the mortgage; blank means 0.
 * @param mortgage Outstanding mortgage; blank means 0.
 * @param educationPerChild Education fund per child; blank means 500,000 (the book's default setting).
 * @param children Number of children; blank means 0.
 * @param earmarkedAssets Liquid assets already set aside for the family; blank means 0.
 * @returns The protection need.
 */
export function PROTECTIONNEED(
  annualIncome: unknown,
  years: unknown,
  debts?: unknown,
  mortgage?: unknown,
  educationPerChild?: unknown,
  children?: unknown,
  earmarkedAssets?: unknown,
): number {
  const raw = [annualIncome, years, debts, mortgage, educationPerChild, children, earmarkedAssets];
  return call("PROTECTIONNEED", PROTECTIONNEED_ARGS, raw, ([income, y, d, m, education, kids, earmarked]) =>
    unwrap(dimeNeed({ annualIncome: income, years: y, debts: d, mortgage: m, educationPerChild: education, children: kids, earmarkedAssets: earmarked })),
  );
}

const HLV_ARGS = declareArgs("HLV", [
  number("netIncome"), number("years"), number("discountRate"), optionalNumber("growthRate", 0), pvType("timing"),
]);

/**
 * Human life value (生命价值): present value of the income lost; by default income at the end of each year, as
 * Excel's PV(discountRate, years, -netIncome) gives it.
 * @customfunction HLV
 * @param netIncome Yearly income net of the person's own costs and taxes.
 * @param years Working years left: a whole number from 0 to 100.
 * @param discountRate Discount rate per year as a fraction or a percentage: 0.03 or 3%; a number above 1 such as 3 is refused.
 * @param growthRate Income growth per year, 0.02 or 2%; blank means 0.
 * @param timing When each year's income counts: 0 or blank = end of the year (as PV type 0), 1 = start of the year (as PV type 1).
 * @returns The human life value.
 */
export function HLV(netIncome: unknown, years: unknown, discountRate: unknown, growthRate?: unknown, timing?: unknown): number {
  return call("HLV", HLV_ARGS, [netIncome, years, discountRate, growthRate, timing], ([n, y, i, g, type]) =>
    unwrap(hlv(n, y, i, g, type === 1 ? "start" : "end")),
  );
}

const GAP_ARGS = declareArgs("GAP", [optionalNumber("need", 0), optionalNumber("existingCover", 0)]);

/**
 * Protection gap (保障缺口): the cover still missing, max(0, need − existing cover).
 * @customfunction GAP
 * @param need Protection need, e.g. from RM.PROTECTIONNEED; a blank cell means 0.
 * @param existingCover In-force sum insured that already covers the need; a blank cell means 0 (no cover).
 * @returns The missing cover, never negative.
 */
export function GAP(need: unknown, existingCover: unknown): number {
  // Excel hands a blank cell to a custom function as null; a native formula (=MAX(0,A1-B1)) reads it as 0, so do we.
  return call("GAP", GAP_ARGS, [need, existingCover], ([n, cover]) => unwrap(gap(n, cover)));
}

// ---- tiers ---------------------------------------------------------------------------------------------------------

// Ties keep input order; blank cells stay blank in the spill so it lines up with the amounts. A row of amounts
// spills a row, a column spills a column.
/**
 * Client tier A/B/C by the Pareto rule (客户分层): A while the larger clients hold < 80 % of assets, B < 95 %, else C.
 * @customfunction TIER
 * @param amounts Each client's assets at this bank: one column (or one row); blank cells give a blank tier.
 * @returns A, B or C for each cell, in input order, spilling alongside the amounts.
 */
export function TIER(amounts: unknown[][]): string[][] {
  return guard("TIER", () => {
    const v = readVector(amounts, "amounts");
    const index: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < v.values.length; i++) {
      if (isBlank(v.values[i])) continue;
      values.push(cellNumber(v, i, true));
      index.push(i);
    }
    const tiers: string[] = new Array(v.values.length).fill("");
    paretoTiers(values).forEach((t, k) => (tiers[index[k]] = t));
    return v.orientation === "row" ? [tiers] : tiers.map((t) => [t]);
  });
}

// ---- privacy -------------------------------------------------------------------------------------------------------

const MASK_ARGS = declareArgs("MASK", [textArg("text"), maskKind("kind")]);

/**
 * Masks personal data (脱敏): phone 138****5678, ID number first 6 and last 4, name 张**, e-mail z***@domain.
 * @customfunction MASK
 * @param text The phone number, ID number, name or e-mail to mask; blank gives blank.
 * @param kind phone, id, name or email (电话/证件/姓名/邮箱); blank detects the kind from the text.
 * @returns The masked text.
 */
export function MASK(text: unknown, kind?: unknown): string {
  return call("MASK", MASK_ARGS, [text, kind], ([t, k]) => (t === "" ? "" : mask(t, k)));
}

// Registration: custom-functions-metadata-plugin's loader appends CustomFunctions.associate("ID", fn) for every
// @customfunction to this file in the webpack build (tests/functions/functions.test.ts checks the bundle), so there is
// exactly one registration and the Node/test build registers nothing. The calls run at the top level of this module,
// as soon as functions.js executes — never inside Office.onReady, and before any task-pane code (taskpane.html loads
// functions.js first): a saved workbook's first calculation must find every function associated, or Excel shows
// #VALUE! for a function called before its association (OfficeDev/office-js#4769). Nothing here waits for the pane.
// Startup behaviour (Office.addin.setStartupBehavior) is discussed in README "RM.* functions when a workbook opens".
