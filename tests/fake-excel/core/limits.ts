/**
 * Excel's size limits and the number-format check, as the fake enforces them.
 *
 * - Text: "Total number of characters that a cell can contain: 32,767 characters" (Excel specifications and limits,
 *   https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 *   A longer string written through values/formulas, or as a note's text, is refused with InvalidArgument (the
 *   fake's choice of code: Office documents the limit, not the error). The same limit is applied to notes.
 * - Formulas: "Length of formula contents: 8,192 characters" (same page; "Excel restricts the contents of
 *   [ST_Formula] to be at most 8192 characters", MS-OI29500 2.1.1085,
 *   https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/8ebf82e4-4fa4-43a6-9ecd-d2d793a6f4bf).
 *   Excel answers a longer one with GeneralException ("There was an internal error while processing the request",
 *   https://github.com/OfficeDev/office-js/issues/3256: a ~8,200-character string starting with "-", read as a
 *   formula).
 * - Chart series: "Data series in one chart: 255" (Excel specifications and limits, charting specifications).
 * - Number formats: a code Excel cannot use is refused ("Microsoft Excel cannot use the number format you typed";
 *   the code's grammar: "Number format codes",
 *   https://support.microsoft.com/office/number-format-codes-5026bbd6-04bc-48cd-bf33-80f18b4eae68, and
 *   "Review guidelines for customizing a number format",
 *   https://support.microsoft.com/office/review-guidelines-for-customizing-a-number-format-c0a1d1fa-d3f4-4018-96b7-9c9354dd99f5):
 *   at most four sections separated by ";", balanced "…" quotes and […] brackets, a bracket holding a colour,
 *   ColorN (1–56), a condition ([>=100]), an elapsed-time code ([h], [mm], [ss]) or a locale/currency tag ([$…]),
 *   and no dangling "\", "*" or "_". InvalidArgument, as Office.js answers arguments Excel refuses.
 */
import { fail } from "./errors";

export const MAX_CELL_CHARS = 32_767;
export const MAX_FORMULA_CHARS = 8_192;
export const MAX_CHART_SERIES = 255;

export function checkCellText(s: string, where: string): void {
  if (s.length > MAX_CELL_CHARS) fail("InvalidArgument", `${where}: ${s.length} characters; a cell holds at most ${MAX_CELL_CHARS}`);
}

export function checkFormula(f: string, where: string): void {
  if (f.length > MAX_FORMULA_CHARS) fail("GeneralException", `${where}: a formula of ${f.length} characters; Excel allows ${MAX_FORMULA_CHARS}`);
}

export function checkNoteText(s: string, where: string): void {
  if (s.length > MAX_CELL_CHARS) fail("InvalidArgument", `${where}: a note of ${s.length} characters; the fake allows ${MAX_CELL_CHARS}, as for a cell`);
}

export function checkSeriesCount(n: number, where: string): void {
  if (n > MAX_CHART_SERIES) fail("InvalidArgument", `${where}: ${n} data series; a chart holds at most ${MAX_CHART_SERIES}`);
}

const COLORS = /^(black|blue|cyan|green|magenta|red|white|yellow)$/i;
const BRACKET = /^(\$[^\]]*|[<>=]{1,2}\s*-?\d+(\.\d+)?([eE][+-]?\d+)?|h+|m+|s+|color\s*(\d{1,2})|dbnum\d|natnum\d)$/i;

/** Returns the reason a number format code is unusable, or undefined when Excel can use it. */
export function numberFormatProblem(code: string): string | undefined {
  if (code.length > 255) return "longer than 255 characters";
  let sections = 1;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) return "an unclosed \" quote";
      i = end;
    } else if (ch === "\\" || ch === "*" || ch === "_") {
      if (i + 1 >= code.length) return `a "${ch}" with no character after it`;
      i++;
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      if (end < 0) return "an unclosed [ bracket";
      const inner = code.slice(i + 1, end);
      const color = /^color\s*(\d{1,2})$/i.exec(inner);
      if (!COLORS.test(inner) && !BRACKET.test(inner)) return `[${inner}] is not a colour, condition, elapsed time or locale`;
      if (color && (Number(color[1]) < 1 || Number(color[1]) > 56)) return `[${inner}]: colours are Color1 to Color56`;
      i = end;
    } else if (ch === "]") {
      return "a ] with no [";
    } else if (ch === ";") {
      sections++;
      if (sections > 4) return "more than four sections";
    }
  }
  return undefined;
}

export function checkNumberFormat(code: string, where: string): void {
  const problem = numberFormatProblem(code);
  if (problem) fail("InvalidArgument", `${where}: Excel cannot use the number format ${JSON.stringify(code)} (${problem})`);
}
