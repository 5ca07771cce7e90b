/**
 * Every number format ClientBook writes is an invariant code (issue 18, "Locale-proof formats").
 *
 * Office.js reads and writes `Range.numberFormat` as Excel's format code in en-US conventions whatever the user's
 * locale; the locale's own spelling is `numberFormatLocal` (ExcelApi 1.7), where "Excel does not perform any
 * language or format coercion" (@types/office-js, Excel.Range.numberFormatLocal; codes: Microsoft Support, "Number
 * format codes"). So a format must mean the same in a zh-CN, zh-TW or en-US Excel, and in WPS and LibreOffice that
 * open the .xlsx: digit placeholders, `,` `.` `%`, the date codes y m d h s, `-` `:` and spaces, and any other text
 * in double quotes (`yyyy"年"m"月"d"日"`). Refused, with the reason:
 *  - `[$-zh-CN]`, `[$-804]`, `[$¥-804]` locale and currency tags, `[DBNum1]` numeral systems, `B1`/`B2` calendars:
 *    the display then depends on a locale feature each program supports differently; ClientBook needs none of them —
 *    a Chinese date is a quoted literal, which shows the same text everywhere;
 *  - unquoted non-ASCII text (年) and `/`: a literal outside quotes is read per program (the `/` is a date separator
 *    some locales replace).
 * The check runs over every SheetSpec of the demo book in the three languages (the sheets Refresh all and the CLI
 * write), the call list, the import-errors sheet, and the table layout (src/book/schema.ts column formats).
 */
import { tableLayout } from "../../src/book/layout";
import { TABLE_KEYS, TABLES } from "../../src/book/schema";
import { LANGS } from "../../src/domain/types";
import { sampleBook } from "../../src/sample";
import { allSheets, bookIndex, callList, callListEntries, importErrors, type SheetSpec } from "../../src/sheets";

const AS_OF = "2026-05-15";

const TOKEN = new RegExp(
  [
    String.raw`"[^"]*"`, // quoted literal text
    String.raw`\\.`, // one escaped character
    String.raw`_.`, // space the width of a character
    "yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM/PM", // date and time codes
    "[0#?]", // digit placeholders
    "[,.%]", // thousands, decimal point, percent
    "@", // the text itself
    String.raw`\[(?:Red|Green|Blue|Black|White|Yellow|Magenta|Cyan)\]`, // colours
    "[-+():  ]", // ASCII literals every program shows as they are
  ].join("|"),
  "y",
);

/** Why a format is not an invariant code, or undefined when it is. */
export function formatProblem(format: string): string | undefined {
  if (format === "General") return undefined;
  const sections = format.replace(/"[^"]*"/g, (q) => q.replace(/;/g, "\uE000")).split(";"); // ; inside quotes is text
  if (sections.length > 4) return "more than four sections";
  for (const section of sections) {
    const s = section.replace(/\uE000/g, ";");
    if (s === "") continue;
    TOKEN.lastIndex = 0;
    let at = 0;
    while (at < s.length) {
      TOKEN.lastIndex = at;
      const m = TOKEN.exec(s);
      if (!m || m.index !== at) {
        const rest = s.slice(at);
        if (/^\[\$/.test(rest)) return `locale or currency tag ${rest.slice(0, rest.indexOf("]") + 1)}`;
        if (/^\[DBNum/i.test(rest)) return "numeral system tag";
        if (/^[^ -~]/.test(rest)) return `unquoted text ${rest[0]} (quote it: "${rest[0]}")`;
        return `${JSON.stringify(rest[0])} at ${at + 1} is not an invariant code`;
      }
      at += m[0].length;
    }
  }
  return undefined;
}

/** Every format a spec writes, with where. */
function specFormats(spec: SheetSpec): { where: string; format: string }[] {
  return (spec.formats ?? []).filter((f) => f.numberFormat !== undefined).map((f) => ({ where: `${spec.name}!${f.range}`, format: f.numberFormat! }));
}

describe("the grammar", () => {
  test.each(["General", "@", "0", "#,##0", "#,##0.00", "0.0%", "0.00%", "yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "#,##0;[Red]-#,##0", 'm"月"d"日"', "hh:mm", "#,##0_);(#,##0)"])(
    "accepts %s",
    (f) => expect(formatProblem(f)).toBeUndefined(),
  );
  test.each([
    ["[$-zh-CN]yyyy-mm-dd", "locale or currency tag [$-zh-CN]"],
    ["[$-804]yyyy-mm-dd", "locale or currency tag [$-804]"],
    ["[$¥-804]#,##0.00", "locale or currency tag [$¥-804]"],
    ["[DBNum1]0", "numeral system tag"],
    ["yyyy年m月d日", 'unquoted text 年 (quote it: "年")'],
    ["yyyy/mm/dd", '"/" at 5 is not an invariant code'],
    ["0.00E+00", '"E" at 5 is not an invariant code'],
  ])("refuses %s: %s", (f, why) => expect(formatProblem(f)).toBe(why));
});

describe("every format ClientBook writes is invariant", () => {
  test.each(LANGS)("%s: every sheet of the demo book, the call list and the import errors", (lang) => {
    const book = sampleBook(AS_OF, lang);
    const specs = allSheets(book, { asOf: AS_OF, lang });
    const index = bookIndex(book);
    const ids = index.clients.slice(0, 5).map((c) => c.clientId);
    specs.push(callList(book, { asOf: AS_OF, lang, index, entries: callListEntries(book, ids, {}, AS_OF) }));
    specs.push(importErrors({ errors: [{ table: "clients", sheet: "客户", row: 3, column: "生日", columnIndex: 3, value: "x", code: "badDate" }] }, { lang }));
    const formats = specs.flatMap(specFormats);
    expect(formats.length).toBeGreaterThan(specs.length); // the check is not vacuous
    expect(new Set(formats.map((f) => f.format)).size).toBeGreaterThanOrEqual(5);
    expect(formats.map((f) => ({ ...f, problem: formatProblem(f.format) })).filter((f) => f.problem !== undefined)).toEqual([]);
  });

  test.each(LANGS)("%s: the tables' layout (set-up in Excel, the template file, appended rows)", (lang) => {
    const formats = [
      ...TABLE_KEYS.flatMap((k) => TABLES[k].columns.map((c) => ({ where: `${k}.${c.key}`, format: c.format }))),
      ...TABLE_KEYS.flatMap((k) => tableLayout(k, lang).columns.filter((c) => c.format !== undefined).map((c) => ({ where: `layout ${k}.${c.header}`, format: c.format! }))),
    ];
    expect(formats.some((f) => f.format === "yyyy-mm-dd")).toBe(true);
    expect(formats.map((f) => ({ ...f, problem: formatProblem(f.format) })).filter((f) => f.problem !== undefined)).toEqual([]);
  });
});
