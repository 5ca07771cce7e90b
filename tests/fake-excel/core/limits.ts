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
 * - Hyperlinks (Range.hyperlink): "Hyperlinks in a worksheet: 66,530 hyperlinks" (Excel specifications and limits);
 *   a link's place in the workbook (documentReference, a location) of at most 255 characters and a URL (address) of
 *   at most 2,079: Excel refuses longer ones in the files it opens (XlsxWriter's write_url: "Excel limits the
 *   escaped URL and location/anchor" — location 255, URL 2,079 since Excel 2015, jmcnamara/XlsxWriter#1130;
 *   EPPlusSoftware/EPPlus#778: "a target link must be shorter than 2080 characters", else the file is corrupt), and
 *   a screen tip of at most 255 ([MS-OE376] hyperlink tooltip, cited in jmcnamara/XlsxWriter#1202). Longer values
 *   are InvalidArgument (the fake's choice of code: Office.js documents no error for them).
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
export const MAX_SHEET_HYPERLINKS = 66_530;
export const MAX_HYPERLINK_LOCATION = 255;
export const MAX_HYPERLINK_ADDRESS = 2_079;
export const MAX_HYPERLINK_TIP = 255;

/** A RangeHyperlink as Excel takes it: string fields within their limits, a target (address or document reference). */
export function checkHyperlink(v: unknown, where: string): Excel.RangeHyperlink {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail("InvalidArgument", `${where}: a hyperlink is an object { address, documentReference, screenTip, textToDisplay }`);
  const link = v as Record<string, unknown>;
  for (const k of Object.keys(link)) {
    if (!["address", "documentReference", "screenTip", "textToDisplay"].includes(k)) fail("InvalidArgument", `${where}: a hyperlink has no "${k}"`);
    if (link[k] !== undefined && typeof link[k] !== "string") fail("InvalidArgument", `${where}: hyperlink ${k} must be text`);
  }
  const { address, documentReference, screenTip } = link as Excel.RangeHyperlink;
  if (!address && !documentReference) fail("InvalidArgument", `${where}: a hyperlink needs an address or a documentReference`);
  if (address && address.length > MAX_HYPERLINK_ADDRESS) fail("InvalidArgument", `${where}: a hyperlink address of ${address.length} characters; Excel keeps at most ${MAX_HYPERLINK_ADDRESS}`);
  if (documentReference && documentReference.length > MAX_HYPERLINK_LOCATION) fail("InvalidArgument", `${where}: a hyperlink documentReference of ${documentReference.length} characters; Excel keeps at most ${MAX_HYPERLINK_LOCATION}`);
  if (screenTip && screenTip.length > MAX_HYPERLINK_TIP) fail("InvalidArgument", `${where}: a hyperlink screenTip of ${screenTip.length} characters; Excel keeps at most ${MAX_HYPERLINK_TIP}`);
  return { ...(link as Excel.RangeHyperlink) };
}

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
