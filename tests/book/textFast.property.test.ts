/**
 * The decoder's fast paths (issue #19: decoding the 5,000-client book) against the general path they skip: each
 * reference below is the code as it was before the fast path (text.ts, values.ts, codes.ts at da82d23), so a fast
 * path that answers differently for any text — full-width or half-width, spaces of any kind, case, an apostrophe,
 * control characters, surrogate pairs, codes in zh-CN/zh-TW/en-US, numbers and Excel dates — fails here.
 */
import fc from "fast-check";
import { CODE_LIST_KEYS, codeLabels, codesOf } from "../../src/book/codes";
import type { CodeListKey } from "../../src/book/codes";
import type { RawValue } from "../../src/book/raw";
import { TABLES } from "../../src/book/schema";
import type { ColumnSpec } from "../../src/book/schema";
import { cellText, idKey, idOddChar, isAscii, isExcelError, isTrimSpace, textCell } from "../../src/book/text";
import {
  parseAmount, parseBool, parseCell, parseCodeCell, parseDate, parseId, parseInstitution, parseInteger, parseLink, parseNumber, parseTags, parseText,
} from "../../src/book/values";
import type { Parsed } from "../../src/book/values";
import { parseDateText, serialToIso } from "../../src/domain/dates";
import { normKey } from "../../src/domain/spelling";
import { LANGS } from "../../src/domain/types";

// ---- the general paths, as they were ----------------------------------------------------------------------

function refCellText(raw: RawValue | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (typeof raw === "number") return Number.isFinite(raw) ? String(raw) : undefined;
  let s = raw.trim();
  if (s.startsWith("'")) s = s.slice(1).trim();
  return s === "" ? undefined : s;
}

function refTextCell(raw: RawValue | undefined, verbatim = false): string | undefined {
  if (typeof raw !== "string") return refCellText(raw);
  let s = raw.replace(/^[ \u3000\u00a0]+/, "").trimEnd();
  if (!verbatim && s.startsWith("'")) s = s.slice(1).replace(/^[ \u3000\u00a0]+/, "");
  return s.trim() === "" || (verbatim && s === "'") ? undefined : s;
}

const refIdKey = (id: string) => id.normalize("NFKC").toLowerCase();

function refFoldWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

function refIdOddChar(id: string): { char: string; code: string; plain: string } | undefined {
  if (id.normalize("NFKC") === refFoldWidth(id)) return undefined;
  const chars = [...id];
  const at = (i: number) => {
    const ch = chars[i];
    return { char: ch, code: `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`, plain: refFoldWidth(id.normalize("NFKC")) };
  };
  for (let i = 1; i < chars.length; i++) {
    const head = chars.slice(0, i).join("");
    if (head.normalize("NFKC") !== refFoldWidth(head)) return at(i - 1);
  }
  return at(chars.length - 1);
}

function refParseId(raw: RawValue, verbatim = false): Parsed<string> {
  const s = refTextCell(raw, verbatim);
  if (s === undefined) return { ok: false, reason: "required" };
  if (/\p{Cc}/u.test(s)) return { ok: false, reason: "badId" };
  const odd = refIdOddChar(s);
  return odd ? { ok: false, reason: "oddIdChar", params: odd } : { ok: true, value: s };
}

/** parseDate as it was: every serial through serialToIso. */
function refParseDate(raw: RawValue): Parsed<string> {
  if (typeof raw === "number") {
    try {
      return { ok: true, value: serialToIso(raw) };
    } catch {
      return { ok: false, reason: "badDate" };
    }
  }
  if (typeof raw !== "string") return { ok: false, reason: "badDate" };
  const iso = parseDateText(refCellText(raw) ?? "");
  return iso ? { ok: true, value: iso } : { ok: false, reason: "badDate" };
}

/** parseCell as it was: the cell's text first for every cell, blank words compared one by one. */
function refParseCell(col: Pick<ColumnSpec, "type" | "signed" | "blankWords" | "min" | "max">, raw: RawValue, verbatim = false): Parsed<unknown> {
  const text = refCellText(raw);
  if (text === undefined) return { ok: true, value: undefined };
  if (col.blankWords?.some((w) => normKey(w) === normKey(text))) return { ok: true, value: undefined };
  if (isExcelError(raw)) return { ok: false, reason: "cellError" };
  const r = refByType(col.type, raw, verbatim);
  if (r.ok && typeof r.value === "number" && r.value < 0 && (col.type === "amount" || col.type === "int") && !col.signed) return { ok: false, reason: "negative" };
  if (r.ok && typeof r.value === "number" && ((col.min !== undefined && r.value < col.min) || (col.max !== undefined && r.value > col.max))) {
    return { ok: false, reason: "outOfRange", params: { min: col.min ?? "", max: col.max ?? "" } };
  }
  return r;
}

function refByType(type: ColumnSpec["type"], raw: RawValue, verbatim: boolean): Parsed<unknown> {
  switch (type) {
    case "id": return refParseId(raw, verbatim);
    case "text": return parseText(raw, verbatim);
    case "institution": return parseInstitution(raw);
    case "link": return parseLink(raw, verbatim);
    case "date": return refParseDate(raw);
    case "amount": return parseAmount(raw);
    case "int": return parseInteger(raw);
    case "number": return parseNumber(raw);
    case "bool": return parseBool(raw);
    case "tags": {
      const r = parseTags(raw, verbatim);
      return r.ok && r.value.length === 0 ? { ok: true, value: undefined } : r;
    }
    default: return parseCodeCell(type.slice(5) as CodeListKey, raw);
  }
}

// ---- inputs -----------------------------------------------------------------------------------------------

/** Characters the fast paths decide on: every kind of space trim() knows, apostrophes, controls, wide forms, pairs. */
const CHARS = [
  "C", "c", "0", "1", "9", "x", "Z", "-", "_", ".", ",", "#", "'", '"', "/", " ", "\t", "\n", "\r", "\v", "\f", "\u3000", "\u00a0", "\u1680", "\u2000",
  "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\ufeff", "\u200b", "\u0085", "\u0001", "\u001f", "\u007f", "\u009f", "Ｃ", "ｃ", "０", "１", "＃", "＇",
  "！", "～", "ｶ", "①", "Ⅽ", "¹", "\u0301", "é", "张", "有", "效", "元", "万", "¥", "$", "%", "𝐂", "𠀀", "\ud800", "\udc00",
];
const arbText = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((xs) => xs.join(""));

/** Every spelling of every code list in every language, and the same in full width, other case, with spaces and punctuation. */
const SPELLINGS = CODE_LIST_KEYS.flatMap((l) => [...codesOf(l), ...LANGS.flatMap((lang) => codeLabels(l, lang))]);
const wide = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const arbSpelling = fc.tuple(fc.constantFrom(...SPELLINGS), fc.nat(5), arbText).map(([s, how, extra]) =>
  [s, wide(s), s.toUpperCase(), ` ${s.toLowerCase()}\u3000`, `${s}。`, `${s}${extra}`][how],
);

/** Numbers as cells hold them: Excel date serials, amounts, ids with leading zeros as numbers or text, and the odd ones. */
const arbNumber = fc.oneof(
  fc.integer({ min: -100, max: 3_000_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(0, -0, 60, 45356, 45356.75, 2958465, 2958466, Infinity, -Infinity, NaN, 1e21, 0.1 + 0.2),
);
const arbCell: fc.Arbitrary<RawValue> = fc.oneof(
  arbText, arbSpelling, arbNumber, arbNumber.map(String), arbNumber.map((n) => wide(` ${n}`)), fc.boolean(), fc.constant(null),
  fc.constantFrom("0001", "'0001", "００１２", "#N/A", " #value! ", "'#N/A", "终身", "終身", "whole life", "2024-03-05", "2024年3月5日", "5万", "US$1,200", "20年", "10%"),
);

/** Every column the book reads, and variants with blank words, bounds and signs (parseCell takes any column). */
const ALL_COLUMNS: Pick<ColumnSpec, "type" | "signed" | "blankWords" | "min" | "max">[] = [
  ...Object.values(TABLES).flatMap((t) => t.columns),
  ...(["amount", "int", "number", "date", "id", "text", "code:currency", "bool"] as const).flatMap((type) => [
    { type }, { type, blankWords: ["终身", "whole life", "0"] }, { type, signed: true, min: -5, max: 5 },
  ]),
];

// ---- properties -------------------------------------------------------------------------------------------

describe("the text fast paths answer as the general path", () => {
  test("isTrimSpace is exactly what String.prototype.trim removes, for every UTF-16 code unit", () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isTrimSpace(c) !== (String.fromCharCode(c).trim() === "")) differ.push(c.toString(16));
    expect(differ).toEqual([]);
  });

  test("cellText, textCell (both readings of the apostrophe), idKey, idOddChar, isAscii", () => {
    fc.assert(
      fc.property(arbCell, (raw) => {
        expect(cellText(raw)).toBe(refCellText(raw));
        expect(textCell(raw)).toBe(refTextCell(raw));
        expect(textCell(raw, true)).toBe(refTextCell(raw, true));
        if (typeof raw === "string") {
          expect(idKey(raw)).toBe(refIdKey(raw));
          expect(idOddChar(raw)).toEqual(refIdOddChar(raw));
          expect(isAscii(raw)).toBe([...raw].every((ch) => ch.charCodeAt(0) <= 0x7f));
        }
      }),
      { numRuns: 5000 },
    );
  });

  test("parseId and parseCell, every column type, both readings of the apostrophe", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_COLUMNS), arbCell, fc.boolean(), (col, raw, verbatim) => {
        expect(parseId(raw, verbatim)).toStrictEqual(refParseId(raw, verbatim));
        expect(parseCell(col, raw, verbatim)).toStrictEqual(refParseCell(col, raw, verbatim));
      }),
      { numRuns: 5000 },
    );
  });

  test("an Excel date serial is the same date whether read first or again (parseDate remembers whole serials)", () => {
    const dateCol = TABLES.contacts.columns.find((c) => c.field === "date")!;
    const serial = fc.oneof(fc.integer({ min: -10, max: 2_958_470 }), fc.integer({ min: 45_000, max: 45_010 }), fc.constantFrom(0, -0, 1, 59, 60, 61, 2_958_465, 2_958_466));
    fc.assert(
      fc.property(fc.array(fc.tuple(serial, fc.constantFrom(0, 0.25, 0.999)), { maxLength: 40 }), (cells) => {
        for (const [whole, part] of [...cells, ...cells]) {
          expect(parseDate(whole + part)).toStrictEqual(refParseDate(whole + part));
          expect(parseCell(dateCol, whole + part)).toStrictEqual(refParseCell(dateCol, whole + part));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("parseCode's remembered answers", () => {
  /** A fresh copy of the codes module (its own, empty memory). */
  const freshCodes = (): typeof import("../../src/book/codes") => {
    let m: typeof import("../../src/book/codes") | undefined;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    jest.isolateModules(() => (m = require("../../src/book/codes")));
    return m!;
  };

  test("a spelling of a code in any language, width, case or with punctuation is that code, asked once or many times", () => {
    const fresh = freshCodes();
    fc.assert(
      fc.property(fc.constantFrom(...CODE_LIST_KEYS), fc.nat(), fc.nat(4), fc.nat(3), (list, pick, how, times) => {
        const codes = codesOf(list) as readonly string[];
        const code = codes[pick % codes.length];
        const lang = LANGS[pick % LANGS.length];
        const label = codeLabels(list, lang)[codes.indexOf(code)];
        const s = [label, wide(label), label.toUpperCase(), ` ${label}\u3000`, `${label}。`][how];
        for (let i = 0; i <= times; i++) expect(fresh.parseCode(list, s)).toBe(code);
      }),
      { numRuns: 2000 },
    );
  });

  /** A few texts asked again and again of different lists: spellings several lists share ("1", "M", 其他) and others. */
  const POOL = fc.array(fc.oneof(fc.constantFrom("1", "3", "M", "T", "其他", "Other", "year", "年", "Y", "是", "USD"), arbSpelling, arbText), { minLength: 1, maxLength: 8 });

  test("the answer for a text does not depend on what was asked before it (order, other lists, the memory emptied when full)", () => {
    fc.assert(
      fc.property(POOL, fc.array(fc.tuple(fc.constantFrom(...CODE_LIST_KEYS), fc.nat()), { minLength: 1, maxLength: 60 }), (pool, picks) => {
        const asks = picks.map(([l, i]) => [l, pool[i % pool.length]] as const);
        const a = freshCodes();
        const b = freshCodes();
        const inOrder = asks.map(([l, s]) => a.parseCode(l, s));
        // b: backwards, each ask after 5,000 other texts for the same list (more than the memory keeps) and a long one
        const backwards = [...asks].reverse().map(([l, s], i) => {
          for (let j = 0; j < 5000; j++) b.parseCode(l, `junk ${i} ${j}`);
          b.parseCode(l, `${s}${"x".repeat(100)}`);
          return b.parseCode(l, s);
        }).reverse();
        expect(backwards).toEqual(inOrder);
        // and both as a module that has never been asked anything
        expect(asks.map(([l, s]) => freshCodes().parseCode(l, s))).toEqual(inOrder);
      }),
      { numRuns: 15 },
    );
  });
});
