/**
 * Cell parsers: one raw cell (as Office.js `values`, a CSV or an .xlsx gives it) → a typed value, or the reason it
 * is not one. Parsers expect a non-blank cell; `parseCell` is the dispatcher the codec uses (blank → undefined).
 */
import { splitCurrency } from "../domain/currency";
import { parseDateText, serialToIso } from "../domain/dates";
import type { IsoDate } from "../domain/types";
import { parseCode } from "./codes";
import { checkLink, MAX_LINK_ADDRESS } from "./link";
import type { CodeListKey, CodeOf } from "./codes";
import type { RawValue } from "./raw";
import type { ColumnSpec } from "./schema";
import { normKey } from "../domain/spelling";
import { cellText, idOddChar, isExcelError, textCell } from "./text";

export type ValueErrorCode =
  | "required" | "cellError" | "badDate" | "badAmount" | "badInt" | "badNumber" | "badCode" | "badBool" | "negative" | "outOfRange" | "badId"
  | "oddIdChar" | "badLink" | "linkTooLong";

export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; reason: ValueErrorCode; params?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: ValueErrorCode, params?: Record<string, string | number>): Parsed<T> =>
  params ? { ok: false, reason, params } : { ok: false, reason };

/** Text of a non-blank cell, full-width forms folded and all spaces removed: the form numbers and dates are read from. */
function compact(raw: RawValue): string {
  return (cellText(raw) ?? "").normalize("NFKC").replace(/\s+/g, "");
}

// ---- text ------------------------------------------------------------------------------------------------

/**
 * Text as written (textCell): spaces around it trimmed, a leading tab or line break kept; a leading apostrophe
 * kept when `verbatim` (a CSV or file), else read as Excel's text prefix and dropped.
 */
export function parseText(raw: RawValue, verbatim = false): Parsed<string> {
  const s = textCell(raw, verbatim);
  return s === undefined ? fail("required") : ok(s);
}

/**
 * An id: text without surrounding whitespace; a tab, line break or other control character in it is refused
 * (it would make two ids that look the same), and so is a character that Unicode NFKC changes otherwise than by
 * width (𝐂, ①, Ⅽ: text/idOddChar) — the per-client read could not find it, the whole-book read would. Ids are
 * compared with idKey (NFKC, ignoring case: for an accepted id, width and case).
 */
export function parseId(raw: RawValue, verbatim = false): Parsed<string> {
  const s = textCell(raw, verbatim);
  if (s === undefined) return fail("required");
  if (isPrintableAscii(s)) return ok(s); // the common id (C0001): no control character, and ASCII is its own NFKC form
  if (/\p{Cc}/u.test(s)) return fail("badId");
  const odd = idOddChar(s);
  return odd ? fail("oddIdChar", odd) : ok(s);
}

/** Every code unit in U+0020–007E: printable ASCII, none of it a control character (\p{Cc} is U+0000–001F, U+007F–009F). */
function isPrintableAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/**
 * A documents link (src/book/link.ts): a web address, a file URL, a drive or UNC path, at most MAX_LINK_ADDRESS
 * characters; anything else (javascript:, a relative path, text starting with = + - @) is refused, never linked.
 */
export function parseLink(raw: RawValue, verbatim = false): Parsed<string> {
  const s = textCell(raw, verbatim);
  if (s === undefined) return fail("required");
  const r = checkLink(s);
  if (r.ok) return ok(r.address);
  return r.problem === "tooLong" ? fail("linkTooLong", { length: s.length, max: MAX_LINK_ADDRESS }) : fail("badLink");
}

/** The separators between tags; a tag holding one is written in quotes (tagText). */
const TAG_SEPARATOR = /[,，;；、|｜\r\n]/;
/** Quotes that make a tag one tag whatever it holds: opening → closing. */
const TAG_QUOTES: Record<string, string> = { '"': '"', "“": "”", "「": "」", "『": "』" };

/** A comma at `i` of `s` that sits between thousands (1,000): not a separator. */
function thousandsComma(s: string, i: number): boolean {
  return (s[i] === "," || s[i] === "，") && /\d$/.test(s.slice(0, i)) && /^\d{3}(?!\d)/.test(s.slice(i + 1));
}

/**
 * Free tags split on , ， ; ； 、 | and line breaks; trimmed, blanks and repeats dropped. A tag in quotes ("…",
 * “…”, 「…」, 『…』) is one tag whatever it holds, and a comma between thousands ("1,000万以上") does not split,
 * so a separator inside a value never makes two tags.
 */
export function parseTags(raw: RawValue, verbatim = false): Parsed<string[]> {
  const s = textCell(raw, verbatim) ?? "";
  const tags: string[] = [];
  let cur = "";
  const push = () => {
    const tag = cur.trim();
    if (tag !== "" && !tags.includes(tag)) tags.push(tag);
    cur = "";
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const close = cur.trim() === "" ? TAG_QUOTES[ch] : undefined;
    const end = close === undefined ? -1 : s.indexOf(close, i + 1);
    if (end > i) {
      cur = s.slice(i + 1, end);
      i = end;
    } else if (TAG_SEPARATOR.test(ch) && !thousandsComma(s, i)) push();
    else cur += ch;
  }
  push();
  return ok(tags);
}

/** A tag as written into the Tags cell: in quotes when it holds a separator (or starts with a quote), so it reads back as one tag. */
export function tagText(tag: string, english: boolean): string {
  const needs = [...tag].some((ch, i) => TAG_SEPARATOR.test(ch) && !thousandsComma(tag, i)) || TAG_QUOTES[tag[0]] !== undefined;
  if (!needs) return tag;
  // the first quote pair whose closing mark the tag does not hold: a tag holding `"` wrapped in `"…"` read back cut
  for (const [open, close] of english ? QUOTE_ORDER_EN : QUOTE_ORDER_ZH) if (!tag.includes(close)) return `${open}${tag}${close}`;
  return tag; // holds every closing mark: cannot be quoted
}
const QUOTE_ORDER_EN: readonly [string, string][] = [['"', '"'], ["“", "”"], ["「", "」"], ["『", "』"]];
const QUOTE_ORDER_ZH: readonly [string, string][] = [["「", "」"], ['"', '"'], ["『", "』"], ["“", "”"]];

/** 本行 / This bank (any spelling of the institution list) → THIS_BANK; any other text names another institution. */
export function parseInstitution(raw: RawValue): Parsed<string> {
  const s = cellText(raw);
  if (s === undefined) return fail("required");
  return ok(parseCode("institution", s) ?? s);
}

// ---- dates -----------------------------------------------------------------------------------------------

/** serialToIso of whole serials already read (it is pure); at most SERIAL_DATES_MAX, about 27 years of days. */
const SERIAL_DATES = new Map<number, IsoDate>();
const SERIAL_DATES_MAX = 10_000;

/**
 * Excel serial numbers (the time of day dropped) and date text as domain/dates parseDateText reads it (ISO,
 * 2024/3/5, 2024-3-5, 2024.3.5, 2024年3月5日, packed 20240305; a trailing time ignored). Numbers written as text
 * ("45356", "300%", "5万") are not dates.
 */
export function parseDate(raw: RawValue): Parsed<IsoDate> {
  if (typeof raw === "number") {
    // A book holds few distinct dates (review and contact dates repeat): a whole serial's date is remembered.
    const known = Number.isInteger(raw) ? SERIAL_DATES.get(raw) : undefined;
    if (known !== undefined) return ok(known);
    try {
      const iso = serialToIso(raw);
      if (Number.isInteger(raw) && SERIAL_DATES.size < SERIAL_DATES_MAX) SERIAL_DATES.set(raw, iso);
      return ok(iso);
    } catch {
      return fail("badDate");
    }
  }
  if (typeof raw !== "string") return fail("badDate");
  const iso = parseDateText(cellText(raw) ?? "");
  return iso ? ok(iso) : fail("badDate");
}

// ---- numbers ---------------------------------------------------------------------------------------------

const DECIMAL = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?$|^\.\d+$/i;

/**
 * A plain decimal: optional sign (- − +) or accounting parentheses, thousands commas in groups of three.
 * `exp` shifts the decimal point (万 = 4) exactly, through the number parser rather than a multiplication.
 */
function decimal(s: string, exp = 0): number | undefined {
  let neg = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    neg = true;
    s = s.slice(1, -1);
  }
  if (/^[-−]/.test(s)) {
    neg = !neg;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  if (!DECIMAL.test(s)) return undefined;
  const n = Number(`${s.replace(/,/g, "")}e${exp}`);
  if (!Number.isFinite(n)) return undefined;
  return neg && n !== 0 ? -n : n;
}

function finite(raw: number): raw is number {
  return Number.isFinite(raw);
}

/** The unit words and signs left once splitCurrency has taken a named currency: they name no one currency. */
const CURRENCY_PREFIX = /^([-−+]?)[$¥]/;
const CURRENCY_SUFFIX = /(?:元|圆|圓|块|塊)$/;
const MULTIPLIER: Record<string, number> = { 万: 4, 萬: 4, 亿: 8, 億: 8 };

/**
 * Money: numbers as they are; text with thousands separators, a currency written before or after it (code, symbol or
 * name in any language: ¥ ￥ $ NT$ HK$ US$ RMB USD 美元 港幣 … — src/domain/currency.ts splitCurrency; the codec reads
 * which currency it names), 元, and 万/萬 (×10,000) or 亿/億 (×100,000,000); full-width digits. "¥1,234.5" = 1234.5,
 * "5万元" = 50000, "USD 1,200" = 1200. The sign is kept; the codec rejects negatives where the column does not allow them.
 */
export function parseAmount(raw: RawValue): Parsed<number> {
  if (typeof raw === "number") return finite(raw) ? ok(raw === 0 ? 0 : raw) : fail("badAmount");
  if (typeof raw !== "string") return fail("badAmount");
  let s = compact(splitCurrency(cellText(raw) ?? "").rest);
  let neg = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    neg = true;
    s = s.slice(1, -1);
  }
  s = s.replace(CURRENCY_PREFIX, "$1").replace(CURRENCY_SUFFIX, "");
  const exp = MULTIPLIER[s.slice(-1)] ?? 0;
  if (exp) s = s.slice(0, -1).replace(CURRENCY_SUFFIX, "");
  const n = decimal(s, exp);
  if (n === undefined) return fail("badAmount");
  return ok(neg && n !== 0 ? -n : n);
}

/** Whole numbers; a trailing unit (年, 人, 个…) as Chinese sheets write it is allowed: "20年" = 20. */
export function parseInteger(raw: RawValue): Parsed<number> {
  if (typeof raw === "number") return Number.isSafeInteger(raw) ? ok(raw === 0 ? 0 : raw) : fail("badInt");
  if (typeof raw !== "string") return fail("badInt");
  const n = decimal(compact(raw).replace(/(?:年|人|个|個|名|位|岁|歲)$/, ""));
  return n !== undefined && Number.isSafeInteger(n) ? ok(n) : fail("badInt");
}

/** Plain numbers; "10%" = 0.1. */
export function parseNumber(raw: RawValue): Parsed<number> {
  if (typeof raw === "number") return finite(raw) ? ok(raw === 0 ? 0 : raw) : fail("badNumber");
  if (typeof raw !== "string") return fail("badNumber");
  const s = compact(raw);
  const n = s.endsWith("%") ? decimal(s.slice(0, -1), -2) : decimal(s);
  return n === undefined ? fail("badNumber") : ok(n);
}

// ---- codes -----------------------------------------------------------------------------------------------

/** Excel booleans, 1/0, and 是/否, Y/N, TRUE/FALSE, Yes/No, √/× in any case or width. */
export function parseBool(raw: RawValue): Parsed<boolean> {
  if (typeof raw === "boolean") return ok(raw);
  if (typeof raw === "number") return raw === 1 ? ok(true) : raw === 0 ? ok(false) : fail("badBool");
  const code = parseCode("yesNo", cellText(raw) ?? "");
  return code === undefined ? fail("badBool") : ok(code === "Yes");
}

export function parseCodeCell<K extends CodeListKey>(list: K, raw: RawValue): Parsed<CodeOf<K>> {
  const code = parseCode(list, cellText(raw) ?? "");
  return code === undefined ? fail("badCode", { list }) : ok(code);
}

// ---- dispatcher ------------------------------------------------------------------------------------------

/**
 * One cell of a column: blank (or one of the column's blankWords) → ok(undefined); an Excel error value (#N/A…) → cellError; otherwise the column
 * type's parser, with negatives refused for amounts (unless the column is signed) and whole numbers.
 */
export function parseCell(col: Pick<ColumnSpec, "type" | "signed" | "blankWords" | "min" | "max">, raw: RawValue, verbatim = false): Parsed<unknown> {
  // A finite number in a column without blank words is never blank nor an Excel error: its text (String(raw), one
  // string per number cell) is not made.
  if (typeof raw !== "number" || !Number.isFinite(raw) || col.blankWords) {
    const text = cellText(raw);
    if (text === undefined) return ok(undefined);
    if (col.blankWords && blankKeys(col.blankWords).has(normKey(text))) return ok(undefined);
    if (text.charCodeAt(0) === 0x23 && isExcelError(raw)) return fail("cellError"); // an error's text starts with "#"
  }
  const r = parseByType(col.type, raw, verbatim);
  if (r.ok && typeof r.value === "number" && r.value < 0 && (col.type === "amount" || col.type === "int") && !col.signed) {
    return fail("negative");
  }
  if (r.ok && typeof r.value === "number" && ((col.min !== undefined && r.value < col.min) || (col.max !== undefined && r.value > col.max))) {
    return fail("outOfRange", { min: col.min ?? "", max: col.max ?? "" });
  }
  return r;
}

/** The normKey forms of a column's blankWords, made once per list (the schema's lists live as long as the program). */
const BLANK_KEYS = new WeakMap<readonly string[], ReadonlySet<string>>();
function blankKeys(words: readonly string[]): ReadonlySet<string> {
  let keys = BLANK_KEYS.get(words);
  if (keys === undefined) BLANK_KEYS.set(words, (keys = new Set(words.map(normKey))));
  return keys;
}

function parseByType(type: ColumnSpec["type"], raw: RawValue, verbatim: boolean): Parsed<unknown> {
  switch (type) {
    case "id":
      return parseId(raw, verbatim);
    case "text":
      return parseText(raw, verbatim);
    case "institution":
      return parseInstitution(raw);
    case "link":
      return parseLink(raw, verbatim);
    case "date":
      return parseDate(raw);
    case "amount":
      return parseAmount(raw);
    case "int":
      return parseInteger(raw);
    case "number":
      return parseNumber(raw);
    case "bool":
      return parseBool(raw);
    case "tags": {
      const r = parseTags(raw, verbatim);
      return r.ok && r.value.length === 0 ? ok(undefined) : r;
    }
    default:
      return parseCodeCell(type.slice(5) as CodeListKey, raw);
  }
}
