/**
 * The cheap width fitting (src/sheets/widths.ts: formats parsed once, numbers of a column measured from their
 * extremes, no object per cell; src/book/layout.ts textWidth by character code) held to the implementation it
 * replaced (widthsReference.ts, kept verbatim): the same shown text for every value under every format the sheets
 * and the book's tables use plus random ones, and the same fitted widths, wraps and row heights for random sheets
 * and tables. The expected values are the reference's own, which follow Excel's number format rules ("Number
 * format codes", https://support.microsoft.com/office/5026bbd6-04bc-48cd-bf33-80f18b4eae68) as widths.test.ts
 * checks by hand.
 */
import fc from "fast-check";
import { tableLayout } from "../../src/book/layout";
import { TABLE_KEYS } from "../../src/book/schema";
import { textWidth } from "../../src/book/layout";
import { writeTable } from "../../src/book/write";
import { LANGS, type Book } from "../../src/domain/types";
import { generateBook } from "../../src/sample/generate";
import { outputPlan } from "../../src/sheets/plan";
import type { CellValue, RangeFormat, SheetSpec } from "../../src/sheets/spec";
import { fitTableWidths, fitToContent, shownText } from "../../src/sheets/widths";
import * as ref from "./widthsReference";

/** Every number format the output sheets and the book's tables use (grep numberFormat / format in src/sheets, src/book, src/domain/amounts.ts). */
const USED_FORMATS = [
  "yyyy-mm-dd",
  "#,##0",
  "#,##0.00",
  "0",
  "0.0%",
  "0.00%",
  "0.0000##",
  '0\\.0,"万"',
  '0\\.0,"萬"',
  '#,##0;-#,##0;',
  '0\\.0,"万";-0\\.0,"万";',
  '0\\.0,"萬";-0\\.0,"萬";',
  "@",
  "General",
  undefined,
];

/** Pieces of Excel number formats: placeholders, scaling commas, %, literals of each kind, date and time codes, sections. */
const FORMAT_PIECES = [
  "0", "0", "#", "?", ",", ",", ".", "%", "E+", "e-", "@", ";", ";", " ", "-", "(", ")", "/",
  '"万"', '"萬"', '"元"', '"k"', '""', '"', "\\.", "\\年", "_)", "_-", "*-", "* ", "[Red]", "[$-804]", "[",
  "y", "yy", "yyyy", "m", "mm", "mmm", "mmmm", "mmmmm", "d", "dd", "ddd", "dddd", "aaa", "aaaa", "h", "hh", "s", "ss",
  "AM/PM", "a/p", "General", "年", "😀",
];

const randomFormat: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...USED_FORMATS) },
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...FORMAT_PIECES), { maxLength: 12 }).map((p) => p.join("")) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** Numbers of every kind a cell holds, and the edges: rounding carries (999.95), date serials, General's 11 characters, ±0, NaN, ±∞, ≥ 1e21. */
const randomValue: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.double({ min: -1e13, max: 1e13, noNaN: true }),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -2958465, max: 2958465 }),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 10_000),
  fc.tuple(fc.integer({ min: 0, max: 22 }), fc.constantFrom(-0.5, -0.05, -0.005, -0.0005, -1e-9, 0, 1e-9)).map(([e, d]) => 10 ** e + d),
  fc.tuple(fc.integer({ min: 0, max: 14 }), fc.boolean()).map(([e, neg]) => (neg ? -1 : 1) * (10 ** e - 10 ** (e - 11))),
  fc.constantFrom(0, -0, 0.5, -0.5, 1e21, -1e21, 9.99999e20, 1e11, 99999999999.5, 1e-9, 1e-10, 9e7, -9e7, 1e8, 8.64e15, NaN, Infinity, -Infinity),
);

/** The same result, or the same error (a format of more than 100 decimals makes toFixed throw in both). */
function outcome<T>(f: () => T): { ok: T } | { error: string } {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: String(e) };
  }
}

describe("shownText: each format parsed once, the same text as the reference for every value", () => {
  test("every format the sheets use, on values of every kind (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...USED_FORMATS), randomValue, (format, value) => {
        expect(shownText(value, format)).toBe(ref.shownText(value, format));
      }),
      { numRuns: 3000 },
    );
  });

  test("random formats, each asked twice (parsed, then from the cache) (property)", () => {
    fc.assert(
      fc.property(randomFormat, fc.array(randomValue, { minLength: 1, maxLength: 8 }), (format, values) => {
        for (const value of values) {
          const want = outcome(() => ref.shownText(value, format));
          expect(outcome(() => shownText(value, format))).toEqual(want);
          expect(outcome(() => shownText(value, format))).toEqual(want);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test("worked examples (by hand, Excel's rules): the cache gives each format its own sections", () => {
    // The 万 amount format 0\.0,"万": one scaling comma divides by 1,000 (123456 → 123), the two zeros with a literal
    // point between them show 12.3 and then 万 — Excel's "12.3万"; measured as its digits and then its literals,
    // "123.万", the same five characters. The zero section of the blank-zero format is empty; a negative under it
    // takes the second section, whose own minus is measured with the pattern's other characters (after the digits).
    expect(shownText(123456, '0\\.0,"万"')).toBe("123.万");
    expect(shownText(0, '0\\.0,"万";-0\\.0,"万";')).toBe("");
    expect(shownText(-123456, '0\\.0,"万";-0\\.0,"万";')).toBe("123-.万");
    expect(shownText(-1234.5, "#,##0")).toBe("-1,235");
    // 46349 is 2026-11-23 (serial day 0 is 1899-12-30): the year is the only part that follows the value; month
    // and day are measured at their widest (00) and the literals at the end — the same width, 14 columns
    expect(shownText(46349, 'yyyy"年"m"月"d"日"')).toBe("20260000年月日");
    expect(shownText(0.071234, "0.00%")).toBe("7.12%");
  });
});

describe("textWidth by character code: the same columns as the regular expression per character", () => {
  /** Code points at the edge of each wide range (and either side), lone and paired surrogates, astral characters. */
  const EDGES = [
    0x41, 0x10ff, 0x1100, 0x115f, 0x1160, 0x2e7f, 0x2e80, 0x4e07, 0xa4cf, 0xa4d0, 0xabff, 0xac00, 0xd7a3, 0xd7a4, 0xd7ff,
    0xf8ff, 0xf900, 0xfaff, 0xfb00, 0xfe2f, 0xfe30, 0xfe4f, 0xfe50, 0xfeff, 0xff00, 0xff60, 0xff61, 0xffdf, 0xffe0, 0xffe6,
    0xffe7, 0xffff, 0x1f600, 0x1ffff, 0x20000, 0x2a6d6, 0x3fffd, 0x3fffe, 0x40000, 0x10ffff,
  ];
  const unit = fc.oneof(
    fc.constantFrom(...EDGES).map((c) => String.fromCodePoint(c)),
    fc.constantFrom(0xd800, 0xd83d, 0xd840, 0xd8bf, 0xdbff, 0xdc00, 0xde00, 0xdffd, 0xdfff).map((c) => String.fromCharCode(c)),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    fc.constantFrom("万", "萬", "客户经理", "ｱ", "，", "\n", "a"),
  );

  test("random text of every kind of character (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 20 }), (text) => {
        expect(textWidth(text)).toBe(ref.textWidth(text));
      }),
      { numRuns: 5000 },
    );
  });

  test("worked example by hand: 上海市徐汇区衡山路1941弄 is 10 CJK characters × 2 + 4 digits = 24; 𠀀 (U+20000) is 2, 😀 is 1", () => {
    expect(textWidth("上海市徐汇区衡山路1941弄")).toBe(24);
    expect(textWidth("\u{20000}")).toBe(2);
    expect(textWidth("😀")).toBe(1);
    // a lone surrogate is one character of its own
    expect(textWidth("\ud840a")).toBe(2);
  });
});

/** Text of every kind a cell holds: CJK (two columns a character), line breaks, long addresses, empty. */
const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: fc.constantFrom("a", "1", " ", "万", "客", "户", "\n", "，", "😀"), maxLength: 70 }),
  fc.constantFrom("", "上海市徐汇区衡山路1941弄", "310115198411085299", "第一行\n" + "原因".repeat(15), "很长的备注".repeat(10)),
);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: randomValue },
  { weight: 3, arbitrary: randomText },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
  { weight: 1, arbitrary: fc.oneof(randomValue, randomText, fc.boolean()).map((cached) => ({ f: "=A1", cached })) },
  { weight: 1, arbitrary: fc.constant({ f: "=A1" }) },
);

const colLetter = (c: number) => String.fromCharCode(64 + c);
const randomRange = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 30 }))
  .map(([c, r, w, h]) => `${colLetter(c)}${r}:${colLetter(Math.min(26, c + w))}${r + h}`);

const rangeFormat: fc.Arbitrary<RangeFormat> = fc.record(
  {
    range: randomRange,
    numberFormat: randomFormat.filter((f) => f !== undefined),
    style: fc.record({ bold: fc.boolean(), wrap: fc.boolean() }, { requiredKeys: [] }),
  },
  { requiredKeys: ["range"] },
);

/** A row: cells of every kind, sometimes with holes (never written) between them. */
const randomRow: fc.Arbitrary<CellValue[]> = fc
  .tuple(fc.array(cellValue, { maxLength: 7 }), fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 2 }))
  .map(([cells, holes]) => {
    const row = [...cells];
    for (const h of holes) if (h < row.length) delete row[h];
    return row;
  });

/** A sheet: cells of every kind, format entries over random ranges, given widths (some missing), merges, frozen rows. */
const randomSpec: fc.Arbitrary<SheetSpec> = fc
  .record(
    {
      cells: fc.array(randomRow, { maxLength: 30 }),
      formats: fc.array(rangeFormat, { maxLength: 10 }),
      columnWidths: fc.array(fc.oneof(fc.integer({ min: 0, max: 45 }), fc.constantFrom(8.43, 12.5)), { maxLength: 9 }),
      merges: fc.array(randomRange.map((r) => r.replace(/(\d+)$/, (m) => String(Math.min(Number(m), 3)))), { maxLength: 2 }),
      freeze: fc.record({ rows: fc.integer({ min: 0, max: 3 }), columns: fc.constant(0) }),
      rowHeights: fc.constantFrom({ 1: 30 }, { 2: 20, 5: 40 }),
    },
    { requiredKeys: ["cells"] },
  )
  .map((s) => ({ name: "t", kind: "profile", ...s }) as SheetSpec);

/** A long column of numbers under one format (bold or not by rows): where the extremes must stand for all. */
const numberColumnSpec: fc.Arbitrary<SheetSpec> = fc
  .tuple(randomFormat, fc.array(randomValue, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 4, max: 20 }))
  .map(([format, values, boldFrom, width]) => ({
    name: "n",
    kind: "coverage",
    cells: values.map((v, i) => [`C${i}`, v, "x"]),
    columnWidths: [10, width, 8],
    formats: [
      ...(format === undefined ? [] : [{ range: `B1:B${values.length}`, numberFormat: format }]),
      { range: `A${boldFrom + 1}:C${values.length + 1}`, style: { bold: true } },
    ],
  }));

/** What fitToContent gives, and whether it gave the very spec it was given (nothing to change). */
function fitted(fit: (s: SheetSpec) => SheetSpec, spec: SheetSpec): { ok: unknown; same: boolean } | { error: string } {
  const out = outcome(() => fit(spec));
  return "ok" in out ? { ok: out.ok, same: out.ok === spec } : out;
}

describe("fitToContent: the same widths, wraps and row heights as the reference", () => {
  test("random sheets: cells, formats, widths, merges and frozen rows of every kind (property)", () => {
    fc.assert(
      fc.property(randomSpec, (spec) => {
        expect(fitted(fitToContent, spec)).toStrictEqual(fitted(ref.fitToContent, spec));
      }),
      { numRuns: 1000 },
    );
  });

  test("long columns of numbers under one format, bold from a row on: the widest is found from the extremes (property)", () => {
    fc.assert(
      fc.property(numberColumnSpec, (spec) => {
        expect(fitted(fitToContent, spec)).toStrictEqual(fitted(ref.fitToContent, spec));
      }),
      { numRuns: 1000 },
    );
  });

  test("worked example by hand: a column of amounts under #,##0 is as wide as its largest, -12,345,678 (11 characters + 1)", () => {
    const spec: SheetSpec = { name: "t", kind: "profile", cells: [[5], [-12345678], [999999.5], [0]], columnWidths: [4], formats: [{ range: "A1:A4", numberFormat: "#,##0" }] };
    // 999999.5 rounds up to 1,000,000 (9 characters); -12,345,678 is 11: 11 + 1 of padding
    expect(fitToContent(spec).columnWidths).toEqual([12]);
  });
});

describe("fitTableWidths: the same widths as the reference", () => {
  const row = fc.array(fc.oneof(randomValue, randomValue, randomText, fc.constantFrom(null, undefined, true)), { maxLength: 7 });
  test("random tables with random formats per column (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 45 }), { maxLength: 7 }),
        fc.array(row, { maxLength: 80 }),
        fc.array(randomFormat, { maxLength: 7 }),
        (widths, rows, formats) => {
          expect(outcome(() => fitTableWidths(widths, rows, formats))).toStrictEqual(outcome(() => ref.fitTableWidths(widths, rows, formats)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("worked example by hand: rates 0.00% up to 1.2345 show 123.45% (7 + 1); 1e21 is measured on its own", () => {
    // toFixed writes 1e21 as "1e+21" (ECMA-262 Number.prototype.toFixed: x ≥ 10²¹ gives ToString(x)), measured as
    // "1e+21." — 6 + 1, shorter than 999,999,999,999,999,999,999.00 would be: the one case the extremes cannot stand for
    expect(fitTableWidths([4, 4], [[0.05, 1], [1.2345, 1e21], [0.5, 3]], ["0.00%", "#,##0.00"])).toEqual([8, 7]);
  });
});

describe("real sheets and tables: a generated book of 150 clients in every language, in 元 and in 万", () => {
  const books: [string, Book][] = [];
  for (const lang of LANGS) {
    const book = generateBook({ clients: 150, seed: 19, asOf: "2026-05-15", lang });
    books.push([`${lang} 元`, book], [`${lang} 万`, { ...book, settings: { ...book.settings, amountUnit: "Wan" } }]);
  }

  test.each(books)("%s: every planned sheet fitted as the reference fits it", (_, book) => {
    let sheets = 0;
    for (const spec of outputPlan(book, { asOf: "2026-05-15", lang: book.settings.language, reviews: "all" }).specs()) {
      expect({ sheet: spec.name, fitted: fitted(fitToContent, spec) }).toStrictEqual({ sheet: spec.name, fitted: fitted(ref.fitToContent, spec) });
      sheets++;
    }
    expect(sheets).toBeGreaterThan(150);
  });

  test.each(books)("%s: every table's widths as the reference", (_, book) => {
    for (const key of TABLE_KEYS) {
      const table = writeTable(book, key, book.settings.language);
      const layout = tableLayout(key, book.settings.language, { headers: table.headers });
      const widths = layout.columns.map((c) => c.width);
      const formats = layout.columns.map((c) => c.format);
      expect({ key, widths: fitTableWidths(widths, table.rows, formats) }).toEqual({ key, widths: ref.fitTableWidths(widths, table.rows, formats) });
    }
  });
});
