/**
 * Reading the RM.* functions' arguments as Excel hands them over, and refusing bad ones with #VALUE! and a message
 * that names the argument (and the row, in a range) and says what was expected, in the UI language.
 *
 * What Excel passes: numbers (dates are serials), text, booleans, null/undefined for an omitted optional argument,
 * "" or null for an empty cell, error values ({ code: "#N/A", … }), and for a range parameter a 2-D array of those.
 */
import { quoteInput } from "../domain/result";
import { countOf } from "../domain/count";
import type { Localized } from "../domain/result";
import { isIsoDate, isoToSerial, MAX_SERIAL, parseDateText, PHANTOM_LEAP_SERIAL, serialToIso } from "../domain/dates";
import { checkNumber, type NumberRule } from "../domain/returns";
import type { IsoDate } from "../domain/types";
import { todaySerial } from "./clock";
import { invalidValue, isErrorValue, propagatedError } from "./errors";
import { functionsLanguage } from "./language";

/** Throws #VALUE! with the message in the current language. */
export function refuse(message: Localized): never {
  throw invalidValue(message[functionsLanguage()]);
}

/** An omitted argument or an empty cell: null, undefined, or text of only spaces. */
export function isBlank(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === "string" && x.trim() === "");
}

function errorInArg(arg: string, code: string): string {
  return { "zh-CN": `${arg} 是错误值 ${code}`, "zh-TW": `${arg} 是錯誤值 ${code}`, "en-US": `${arg} holds the error ${code}` }[
    functionsLanguage()
  ];
}

/** An argument that is itself an error value gives that error back, as native functions do. */
export function passErrors(x: unknown, arg: string): void {
  if (isErrorValue(x)) throw propagatedError(x, arg, errorInArg);
}

export function required(arg: string): never {
  refuse({ "zh-CN": `${arg} 不能为空`, "zh-TW": `${arg} 不能為空`, "en-US": `${arg} is required (got blank)` });
}

// ---- numbers ---------------------------------------------------------------------------------------------------

/** Numeric text as managers type it: 1,234.5 · 50万 · 3% · full-width digits. */
const NUMBER_TEXT = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(万|%)?$/;

/** A number from a number or numeric text; undefined when it is neither. */
export function toNumber(x: unknown): number | undefined {
  if (typeof x === "number") return Number.isFinite(x) ? x : undefined;
  if (typeof x !== "string") return undefined;
  const m = NUMBER_TEXT.exec(x.normalize("NFKC").trim());
  if (!m) return undefined;
  const n = Number(m[1].replace(/,/g, ""));
  return m[2] === "万" ? n * 10000 : m[2] === "%" ? n / 100 : n;
}

function checkRule(n: number, arg: string, rule: NumberRule): number {
  const bad = checkNumber(n, arg, rule);
  if (bad) refuse(bad.message);
  return n;
}

/** A required number; `rule` adds the domain's range checks (≥ 0, whole …). */
export function readNumber(x: unknown, arg: string, rule: NumberRule = {}): number {
  passErrors(x, arg);
  if (isBlank(x)) required(arg);
  const n = toNumber(x);
  if (n === undefined) {
    refuse(checkNumber(x, arg)!.message); // "<arg> must be a number (got …)"
  }
  return checkRule(n, arg, rule);
}

/**
 * Excel's PV/FV `type` argument: 0 (or blank) = payments at the end of each period, 1 = at the start (Microsoft,
 * "PV function"). Anything else is refused rather than guessed.
 */
export function readPvType(x: unknown, arg: string): 0 | 1 {
  const n = readOptionalNumber(x, arg, 0);
  if (n === 0 || n === 1) return n;
  refuse({
    "zh-CN": `${arg} 应为 0（年末，与 PV 相同）或 1（年初）（收到 ${quoteInput(x)}）`,
    "zh-TW": `${arg} 應為 0（年末，與 PV 相同）或 1（年初）（收到 ${quoteInput(x)}）`,
    "en-US": `${arg} must be 0 (end of year, as PV) or 1 (start of year) (got ${quoteInput(x)})`,
  });
}

/** An optional number: blank takes `fallback`. */
export function readOptionalNumber(x: unknown, arg: string, fallback: number, rule: NumberRule = {}): number {
  passErrors(x, arg);
  return isBlank(x) ? fallback : readNumber(x, arg, rule);
}

// ---- dates -----------------------------------------------------------------------------------------------------

const DATE_EXPECTED: Localized = {
  "zh-CN": "应为日期：日期单元格、日期序号或 YYYY-MM-DD 文本",
  "zh-TW": "應為日期：日期儲存格、日期序號或 YYYY-MM-DD 文字",
  "en-US": "must be a date: a date cell, a date serial number or YYYY-MM-DD text",
};

function notADate(arg: string, x: unknown): never {
  const q = quoteInput(x);
  refuse({
    "zh-CN": `${arg} ${DATE_EXPECTED["zh-CN"]}（收到 ${q}）`,
    "zh-TW": `${arg} ${DATE_EXPECTED["zh-TW"]}（收到 ${q}）`,
    "en-US": `${arg} ${DATE_EXPECTED["en-US"]} (got ${q})`,
  });
}

/**
 * A date from an Excel serial (the time of day is dropped) or date text as the book reads it (domain parseDateText:
 * 2025-01-31, 2025/1/31, 2025年1月31日 …). Numbers written as text ("300%", "1万", "50万", "45000") are not dates —
 * they are amounts typed in the wrong cell — and are refused. Refuses serials Excel can't show as a date and 60,
 * Excel's 1900-02-29, a day that never was. `arg` may carry a position ("flowDates row 3").
 */
export function toDate(x: unknown, arg: string): IsoDate {
  if (typeof x === "string") {
    const d = parseDateText(x);
    if (d === undefined) notADate(arg, x);
    return d;
  }
  if (typeof x !== "number" || !Number.isFinite(x)) notADate(arg, x);
  const whole = Math.floor(x);
  if (whole < 1 || whole > MAX_SERIAL) {
    refuse({
      "zh-CN": `${arg} 应为 1（1900-01-01）到 ${MAX_SERIAL}（9999-12-31）之间的日期序号（收到 ${x}）`,
      "zh-TW": `${arg} 應為 1（1900-01-01）到 ${MAX_SERIAL}（9999-12-31）之間的日期序號（收到 ${x}）`,
      "en-US": `${arg} must be a date serial from 1 (1900-01-01) to ${MAX_SERIAL} (9999-12-31) (got ${x})`,
    });
  }
  if (whole === PHANTOM_LEAP_SERIAL) {
    refuse({
      "zh-CN": `${arg} 是 60，即 Excel 的 1900-02-29，这一天并不存在`,
      "zh-TW": `${arg} 是 60，即 Excel 的 1900-02-29，這一天並不存在`,
      "en-US": `${arg} is 60, Excel's 1900-02-29, a day that never existed`,
    });
  }
  return serialToIso(whole);
}

/** A required date argument. */
export function readDate(x: unknown, arg: string): IsoDate {
  passErrors(x, arg);
  if (isBlank(x)) required(arg);
  return toDate(x, arg);
}

/** An optional date: blank takes today (local date). */
export function readDateOrToday(x: unknown, arg: string): IsoDate {
  passErrors(x, arg);
  return isBlank(x) ? serialToIso(todaySerial()) : toDate(x, arg);
}

/** An optional date: blank gives undefined. */
export function readOptionalDate(x: unknown, arg: string): IsoDate | undefined {
  passErrors(x, arg);
  return isBlank(x) ? undefined : toDate(x, arg);
}

/** #VALUE!: a result date would fall after 9999-12-31, Excel's last day. */
export function pastLastDate(what: string): never {
  refuse({
    "zh-CN": `${what} 晚于 9999-12-31，超出 Excel 的日期范围`,
    "zh-TW": `${what} 晚於 9999-12-31，超出 Excel 的日期範圍`,
    "en-US": `${what} falls after 9999-12-31, the last date Excel has`,
  });
}

/** A date result as an Excel serial. */
export function serialResult(d: IsoDate, what: string): number {
  if (!isIsoDate(d) || isoToSerial(d) > MAX_SERIAL) pastLastDate(what);
  return isoToSerial(d);
}

// ---- text ------------------------------------------------------------------------------------------------------

/** Text from text or a number (a phone number typed as a number); blank gives "". Booleans are refused. */
export function readText(x: unknown, arg: string): string {
  passErrors(x, arg);
  if (isBlank(x)) return "";
  if (typeof x === "string") return x;
  if (typeof x === "number" && Number.isFinite(x)) return Number.isInteger(x) ? x.toFixed(0) : String(x);
  const q = quoteInput(x);
  refuse({ "zh-CN": `${arg} 应为文本（收到 ${q}）`, "zh-TW": `${arg} 應為文字（收到 ${q}）`, "en-US": `${arg} must be text (got ${q})` });
}

// ---- ranges ----------------------------------------------------------------------------------------------------

/** One cell of a one-column or one-row range, with the words that locate it ("amounts row 3"). */
export interface Vector {
  arg: string;
  values: unknown[];
  /** "column": cells go down (a column, or a single cell); "row": cells go across. */
  orientation: "column" | "row";
}

/**
 * A range argument as a list of cells. Excel passes a 2-D array (a single cell as [[x]]); a 1-D array or a lone value
 * is accepted too, for callers in code. A block of several rows and columns is refused: each function reads a list.
 */
export function readVector(x: unknown, arg: string): Vector {
  if (!Array.isArray(x)) return { arg, values: [x], orientation: "column" };
  if (!x.every(Array.isArray)) return { arg, values: x, orientation: "column" };
  const rows = x as unknown[][];
  const height = rows.length;
  const width = height === 0 ? 0 : rows[0].length;
  if (height === 0 || width === 0 || rows.some((r) => r.length !== width)) {
    refuse({ "zh-CN": `${arg} 应为单元格区域`, "zh-TW": `${arg} 應為儲存格範圍`, "en-US": `${arg} must be a range of cells` });
  }
  if (width === 1) return { arg, values: rows.map((r) => r[0]), orientation: "column" };
  if (height === 1) return { arg, values: rows[0].slice(), orientation: "row" };
  refuse({
    "zh-CN": `${arg} 应为一列或一行单元格（收到 ${height} 行 × ${width} 列）`,
    "zh-TW": `${arg} 應為一欄或一列儲存格（收到 ${height} 列 × ${width} 欄）`,
    "en-US": `${arg} must be a single column or a single row of cells (got ${height} rows × ${width} columns)`,
  });
}

/** "amounts row 3" / "amounts 第 3 行" (a row of a column); "column 3" for a range that runs across. */
export function cellName(v: Vector, index: number): Localized {
  const n = index + 1;
  return v.orientation === "column"
    ? { "zh-CN": `${v.arg} 第 ${n} 行`, "zh-TW": `${v.arg} 第 ${n} 列`, "en-US": `${v.arg} row ${n}` }
    : { "zh-CN": `${v.arg} 第 ${n} 列`, "zh-TW": `${v.arg} 第 ${n} 欄`, "en-US": `${v.arg} column ${n}` };
}

/** Refuses a cell: "<where>: <value> <problem>" in each language; `at` overrides where (see cellNumber). */
export function refuseCell(v: Vector, index: number, problem: Localized, shown?: string, at?: Localized): never {
  const where = at ?? cellName(v, index);
  const q = shown ?? quoteInput(v.values[index]);
  refuse({
    "zh-CN": `${where["zh-CN"]}：${q} ${problem["zh-CN"]}`,
    "zh-TW": `${where["zh-TW"]}：${q} ${problem["zh-TW"]}`,
    "en-US": `${where["en-US"]}: ${q} ${problem["en-US"]}`,
  });
}

/** An error value in a range cell is refused with its position (Excel would otherwise show a bare error). */
export function refuseErrorCell(v: Vector, index: number): void {
  const x = v.values[index];
  if (!isErrorValue(x)) return;
  const where = cellName(v, index);
  refuse({
    "zh-CN": `${where["zh-CN"]} 是错误值 ${x.code}`,
    "zh-TW": `${where["zh-TW"]} 是錯誤值 ${x.code}`,
    "en-US": `${where["en-US"]} holds the error ${x.code}`,
  });
}

const NOT_A_NUMBER: Localized = { "zh-CN": "不是数字", "zh-TW": "不是數字", "en-US": "is not a number" };
const NEGATIVE: Localized = { "zh-CN": "不能为负数", "zh-TW": "不能為負數", "en-US": "must not be negative" };

/**
 * A number in a range cell (blank cells are the caller's business); `nonNegative` refuses < 0. `where` names the cell
 * when `v` is not the range the user sees (the number part of "US$1,200", read on its own).
 */
export function cellNumber(v: Vector, index: number, nonNegative: boolean, negativeHint?: Localized, where?: Localized): number {
  refuseErrorCell(v, index);
  const n = toNumber(v.values[index]);
  if (n === undefined) refuseCell(v, index, NOT_A_NUMBER, undefined, where);
  if (nonNegative && n < 0) {
    const hint = negativeHint ?? { "zh-CN": "", "zh-TW": "", "en-US": "" };
    refuseCell(v, index, {
      "zh-CN": NEGATIVE["zh-CN"] + hint["zh-CN"],
      "zh-TW": NEGATIVE["zh-TW"] + hint["zh-TW"],
      "en-US": NEGATIVE["en-US"] + hint["en-US"],
    }, undefined, where);
  }
  return n;
}

/** Two ranges that pair up cell by cell must be the same length. */
export function samePairing(a: Vector, b: Vector): void {
  if (a.values.length === b.values.length) return;
  const [na, nb] = [a.values.length, b.values.length];
  refuse({
    "zh-CN": `${a.arg} 有 ${na} 个单元格，${b.arg} 有 ${nb} 个，两者应一一对应，请选择大小相同的区域`,
    "zh-TW": `${a.arg} 有 ${na} 個儲存格，${b.arg} 有 ${nb} 個，兩者應一一對應，請選擇大小相同的範圍`,
    "en-US": `${a.arg} has ${countOf(na, "cell", "cells")} but ${b.arg} has ${nb}; they pair up cell by cell, so select ranges of the same size`,
  });
}
