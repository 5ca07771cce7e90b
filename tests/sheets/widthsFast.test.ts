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
import { textWidth } from "../../src/book/layout";
import { shownText } from "../../src/sheets/widths";
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
