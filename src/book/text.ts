/**
 * Text helpers shared by the codec: the one normal form used to match headers and coded values, the one way to
 * turn a cell into text, and the one way to make a user string safe to put into Excel `values`.
 */
import type { RawValue } from "./raw";

// Matching form of a header or a coded value (NFKC, lower case, no spaces or punctuation): one rule for the codec
// and the RM.* functions, kept in the domain.
export { normKey } from "../domain/spelling";

/** The error values Excel shows in a cell (as they arrive through `values` or a CSV). */
const EXCEL_ERRORS = new Set([
  "#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
]);

export function isExcelError(raw: RawValue): boolean {
  if (typeof raw !== "string") return false;
  const s = raw.trim();
  return s.startsWith("#") && EXCEL_ERRORS.has(s.toUpperCase());
}

/**
 * The code units String.prototype.trim removes: WhiteSpace and LineTerminator of ECMA-262 (§ 12.2, 12.3: TAB, VT,
 * FF, SP, NBSP, ZWNBSP U+FEFF, the Unicode Space_Separator category — U+1680, U+2000–200A, U+202F, U+205F, U+3000 —
 * and LF, CR, LS U+2028, PS U+2029) — also what Number() strips and what \s matches in a regular expression, so the
 * worksheet scan (src/xlsx/sheetData.ts) reads numbers and attributes with it. The fast paths below test the first
 * and last character with it instead of trimming; tests/book/textFast.property.test.ts checks it against trim() for
 * every UTF-16 code unit.
 */
export function isTrimSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The spaces textCell trims at the start ([ \u3000\u00a0]). */
const isLeadingSpace = (c: number) => c === 0x20 || c === 0x3000 || c === 0xa0;

/** True when every code unit of `s` is ASCII (U+0000–007F), which Unicode NFKC leaves unchanged. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * A cell as trimmed text, or undefined when blank. A leading apostrophe is Excel's text prefix (a CSV or a file
 * may carry it literally), so it is dropped. Numbers keep their shortest form, so a phone or id stored as a
 * number (13812345678) reads as its digits.
 */
export function cellText(raw: RawValue | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (typeof raw === "number") return Number.isFinite(raw) ? String(raw) : undefined;
  // Fast path, the common cell (decoding a 5,000-client book calls this millions of times): nothing for trim() to
  // remove at either end and no apostrophe, so the general steps below would return the text itself.
  const n = raw.length;
  if (n > 0 && raw.charCodeAt(0) !== 0x27 && !isTrimSpace(raw.charCodeAt(0)) && !isTrimSpace(raw.charCodeAt(n - 1))) return raw;
  let s = raw.trim();
  if (s.startsWith("'")) s = s.slice(1).trim();
  return s === "" ? undefined : s;
}

/**
 * A text cell as the manager wrote it, or undefined when blank: spaces (and full-width spaces) around it trimmed,
 * line breaks and tabs at its end trimmed, a leading tab or line break kept. A leading apostrophe is kept when
 * `verbatim` (a CSV or a saved file, where it is the text itself: Excel's own text prefix never reaches a saved
 * cell's text) and dropped otherwise (cellText's reading of it as Excel's prefix).
 */
export function textCell(raw: RawValue | undefined, verbatim = false): string | undefined {
  if (typeof raw !== "string") return cellText(raw);
  // Fast path: no leading space of the three below, nothing for trimEnd() to remove, no apostrophe: the text itself
  // (its last character is not a space, so it is not blank either).
  const n = raw.length;
  if (n > 0 && raw.charCodeAt(0) !== 0x27 && !isLeadingSpace(raw.charCodeAt(0)) && !isTrimSpace(raw.charCodeAt(n - 1))) return raw;
  let s = raw.replace(/^[ \u3000\u00a0]+/, "").trimEnd();
  if (!verbatim && s.startsWith("'")) s = s.slice(1).replace(/^[ \u3000\u00a0]+/, "");
  return s.trim() === "" || (verbatim && s === "'") ? undefined : s;
}

/**
 * The form ids are compared in: Unicode NFKC (full-width Ｃ００１ and C00１ fold to C001) and ignoring case, so
 * "c001", "C001" and "C00１" are one client. Records keep the id as first written; only comparisons use this.
 * An id the codec accepts (parseId, idOddChar) differs from its NFKC form by width only, so this folds width and
 * case and nothing else: exactly what the per-client read finds with Excel's search (src/excel/clientRead.ts).
 */
export function idKey(id: string): string {
  // ASCII is its own NFKC form (UAX #15: normalization leaves U+0000–007F unchanged), so lower case is all; most ids are.
  return isAscii(id) ? id.toLowerCase() : id.normalize("NFKC").toLowerCase();
}

/** Full-width ASCII (U+FF01–FF5E, what a Chinese IME types with full-width on) and the ideographic space as ASCII. */
function foldWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/**
 * The first character of an id that NFKC changes otherwise than by width — 𝐂 (U+1D402), ① (U+2460), Ⅽ (U+216D), ¹,
 * a no-break space, half-width ｶ, an accent typed as a separate combining mark — with the id as it would be written
 * without such characters; undefined when there is none. idKey would read such an id as the plain one, but Excel's
 * search cannot find it by the plain one (nor by its full-width characters), so a command about one client
 * (src/excel/clientRead.ts) would miss rows the whole-book read gives that client. The codec refuses such ids
 * (parseId "oddIdChar") so both reads agree: the row is the client's in neither, and the manager is told which
 * character to retype. Unicode NFKC: https://unicode.org/reports/tr15/.
 */
export function idOddChar(id: string): { char: string; code: string; plain: string } | undefined {
  // ASCII: NFKC and foldWidth both leave it unchanged (the common case, without normalising).
  if (isAscii(id) || id.normalize("NFKC") === foldWidth(id)) return undefined;
  const chars = [...id];
  const at = (i: number) => {
    const ch = chars[i];
    return { char: ch, code: `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`, plain: foldWidth(id.normalize("NFKC")) };
  };
  // The first prefix that NFKC changes otherwise than by width ends with the odd character (a combining mark changes
  // the prefix only once it is there); the whole id is the last prefix.
  for (let i = 1; i < chars.length; i++) {
    const head = chars.slice(0, i).join("");
    if (head.normalize("NFKC") !== foldWidth(head)) return at(i - 1);
  }
  return at(chars.length - 1);
}

export function isBlank(raw: RawValue | undefined): boolean {
  return cellText(raw) === undefined;
}

/**
 * Characters that make Excel treat a string written through `values` as something other than literal text:
 * a formula (= + - @, and full-width ＝＋－＠ which CJK input may convert), a control character, Excel's own
 * text prefix ', or the start of a number, date, time, percentage or currency amount that Excel would convert
 * (0912345678 would lose its leading zero, an 18-digit id number its last digits, "3/5" would become a date).
 */
const UNSAFE_START = /^[=+\-@\t\r\n'＝＋－＠0-9０-９.(#$¥￥€£]/;
const EXCEL_LITERALS = /^(true|false)$/i;

/**
 * The form of a user string to put into Excel `range.values` so it is always stored as the same text and can
 * never become a formula: strings that Excel would interpret get the text prefix "'" (Excel stores it as a
 * hidden prefix, the cell shows and returns the text without it; values.ts drops it when reading a file or CSV).
 * The codec's writer returns raw strings; the renderers (src/excel, src/xlsx) apply textSafe to every string
 * cell they write — only to strings, never to numbers, dates or formulas.
 */
export function textSafe(s: string): string {
  return UNSAFE_START.test(s) || EXCEL_LITERALS.test(s) ? `'${s}` : s;
}
