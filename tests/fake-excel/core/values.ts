/**
 * What a cell stores when Range.values / Range.formulas is set, and what reads return.
 *
 * Setting values behaves like typing into the cell:
 * - "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value
 *   as a formula." (Range.values, @types/office-js / https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member)
 *   so "=A1" is a formula, "-5" is the number -5 and "+86 138…" becomes the formula "=+86 138…".
 * - Strings that read as numbers, TRUE/FALSE, percentages or ISO dates become numbers, booleans and date serials
 *   (the same remark: locale-shaped dates stay text, ISO dates become dates). "00123" is stored as 123.
 * - A leading apostrophe stores the rest as text with Excel's quote prefix; values and formulas read it back without
 *   the apostrophe (https://github.com/OfficeDev/office-js/issues/6687).
 * - A cell formatted as Text ("@") keeps the string as typed, "=..." included.
 * - A string over 32,767 characters, or a formula over 8,192, is refused (limits.ts).
 * - null leaves the cell unchanged and "" clears it ("Blank and null values in Excel add-ins",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
 *
 * The fake cannot calculate: a formula cell reads as the value a test seeded for it, else as the result of the
 * evaluator hook (host.setFormulaEvaluator, e.g. HyperFormula), else 0.
 */
import { fail } from "./errors";
import { checkCellText, checkFormula } from "./limits";
import { dateToSerial, formatValue } from "./numfmt";
import { type Cell, type CellValue, type SheetModel, effectiveFormat, getCell } from "./model";

export const EXCEL_ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BUSY!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"];

export type FormulaEvaluator = (formula: string, at: { sheet: string; row: number; column: number }) => CellValue | undefined;

const NUMBER = /^\s*([+-])?(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?\s*(%)?\s*$/;
const ISO_DATE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;

export interface Entered {
  v?: CellValue;
  f?: string;
  q?: boolean;
  t?: boolean;
  /** Number format Excel applies when it recognises typed input as a percentage, grouped number or date. */
  numberFormat?: string;
}

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Interprets one input value as Excel does when it is typed into a cell with the given number format. */
export function interpretInput(input: unknown, numberFormat: string | undefined, where: string): Entered | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) fail("InvalidArgument", `${where}: ${input} is not a number Excel can store`);
    return { v: input };
  }
  if (typeof input === "boolean") return { v: input };
  if (input instanceof Date) return interpretInput(input.toJSON(), numberFormat, where);
  if (typeof input !== "string") {
    fail("InvalidArgument", `${where}: a cell takes a string, number or boolean, not ${Array.isArray(input) ? "an array" : typeof input}`);
  }
  const s = input;
  if (s === "") return {};
  checkCellText(s, where);
  if (numberFormat === "@") return { v: s, t: true };
  if (s.startsWith("'")) return { v: s.slice(1), q: true };
  if (s.startsWith("=") && s.length > 1) {
    checkFormula(s, where);
    return { f: s };
  }
  const num = NUMBER.exec(s);
  if (num) {
    const plain = s.replace(/[,%\s]/g, "");
    let v = Number(plain);
    if (Number.isFinite(v)) {
      if (num[6]) {
        v = v / 100;
        const decimals = (num[3] ?? num[4] ?? "").length;
        return { v, numberFormat: decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%" };
      }
      if (num[2] && num[2].includes(",")) return { v, numberFormat: num[3] ? "#,##0.00" : "#,##0" };
      return { v };
    }
  }
  if ((s.startsWith("+") || s.startsWith("-")) && s.length > 1) {
    checkFormula(`=${s}`, where);
    return { f: `=${s}` };
  }
  if (/^(true|false)$/i.test(s)) return { v: s.toLowerCase() === "true" };
  const date = ISO_DATE.exec(s);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[3]), Number(date[4])];
    if (validDate(y, m, d)) return { v: dateToSerial(y, m, d), numberFormat: date[2] === "-" ? "yyyy-mm-dd" : "yyyy/m/d" };
  }
  return { v: s };
}

/** Stores interpreted input into a cell, keeping its format; returns false when the input was null (unchanged). */
export function storeInput(sheet: SheetModel, cell: Cell, r: number, c: number, input: unknown, where: string): boolean {
  const nf = effectiveFormat(sheet, r, c).numberFormat;
  const entered = interpretInput(input, nf, where);
  if (!entered) return false;
  delete cell.v;
  delete cell.f;
  delete cell.q;
  delete cell.t;
  if (entered.v !== undefined) cell.v = entered.v;
  if (entered.f !== undefined) cell.f = entered.f;
  if (entered.q) cell.q = true;
  if (entered.t) cell.t = true;
  if (entered.numberFormat && (nf === undefined || nf === "General")) cell.fmt = { ...cell.fmt, numberFormat: entered.numberFormat };
  return true;
}

export function cellValue(sheet: SheetModel, r: number, c: number, evaluate?: FormulaEvaluator): CellValue {
  const cell = getCell(sheet, r, c);
  if (!cell) return "";
  if (cell.f !== undefined) {
    const computed = evaluate?.(cell.f, { sheet: sheet.name, row: r, column: c });
    if (computed !== undefined) return computed;
    return cell.v ?? 0;
  }
  return cell.v ?? "";
}

export function cellFormula(sheet: SheetModel, r: number, c: number): CellValue {
  const cell = getCell(sheet, r, c);
  if (!cell) return "";
  return cell.f ?? cell.v ?? "";
}

export function cellText(sheet: SheetModel, r: number, c: number, evaluate?: FormulaEvaluator): string {
  const cell = getCell(sheet, r, c);
  if (!cell || (cell.v === undefined && cell.f === undefined)) return "";
  const v = cellValue(sheet, r, c, evaluate);
  if (typeof v === "string" && !cell.q && !cell.t && EXCEL_ERRORS.includes(v)) return v;
  return formatValue(v, effectiveFormat(sheet, r, c).numberFormat);
}

export function cellNumberFormat(sheet: SheetModel, r: number, c: number): string {
  return effectiveFormat(sheet, r, c).numberFormat ?? "General";
}

/** Range.valueTypes: Empty, String, Double, Boolean or Error (RangeValueType). */
export function cellValueType(sheet: SheetModel, r: number, c: number, evaluate?: FormulaEvaluator): string {
  const cell = getCell(sheet, r, c);
  if (!cell || (cell.v === undefined && cell.f === undefined)) return "Empty";
  const v = cellValue(sheet, r, c, evaluate);
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (!cell.q && !cell.t && EXCEL_ERRORS.includes(v)) return "Error";
  return v === "" ? "Empty" : "String";
}

export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.v !== undefined || cell.f !== undefined);
}
