/**
 * Column widths fit what the cells show (src/sheets/widths.ts): shown text under Excel number formats (checked by
 * hand against Excel's format rules, "Number format codes", https://support.microsoft.com/office/5026bbd6-04bc-48cd-bf33-80f18b4eae68),
 * the LibreOffice measurement behind the bold allowance, and every date cell of every planned sheet wide enough —
 * the as-of date (截至) above all, which showed ### in a 10-wide column.
 */
import fc from "fast-check";
import { LANGS, type Lang } from "../../src/domain/types";
import { sampleBook } from "../../src/sample";
import { parseRange } from "../../src/sheets/a1";
import { outputPlan } from "../../src/sheets/plan";
import type { RangeFormat, SheetSpec } from "../../src/sheets/spec";
import { isFormula } from "../../src/sheets/spec";
import { equalRuns, fitTableWidths, fitToContent, looksByCell, neededWidth, shownText } from "../../src/sheets/widths";

const AS_OF = "2026-11-23";

describe("shownText: what a number shows under its format", () => {
  test.each([
    [46349, "yyyy-mm-dd", 10], // 2026-11-23
    [29871728, "#,##0", "29,871,728"],
    [-1234.5, "#,##0.00", "-1,234.50"],
    [0.1234, "0.0%", "12.3%"],
    [123456, '0.0,"万"', "123.5万"], // one trailing comma divides by 1,000
    [1500000, '#,##0,,"M"', "2M"], // two divide by 1,000,000
    [0.5, "0%", "50%"],
    [12, "General", "12"],
    [1 / 3, "General", "0.333333333"], // General keeps 11 characters
  ] as const)("%p in %p → %p", (value, format, expected) => {
    const text = shownText(value, format);
    if (typeof expected === "number") expect(text).toHaveLength(expected);
    else expect(text).toBe(expected);
  });

  test("a date with CJK literals counts them double: 2026年11月23日 is 14 columns", () => {
    expect(neededWidth(shownText(46349, 'yyyy"年"m"月"d"日"'), false)).toBe(15);
  });

  test("grouped amounts: the shown text has one comma per three digits (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(shownText(n, "#,##0")).toBe(n.toLocaleString("en-US"));
      }),
    );
  });
});

describe("neededWidth", () => {
  test("measured in LibreOffice (DejaVu Sans in Calibri's place): a bold 10-character date shows ### at width 10 and fits at 11", () => {
    // plain: 10 + 1 of padding; bold: 10 × 1.1 + 1 = 12
    expect(neededWidth("2026-11-23", false)).toBe(11);
    expect(neededWidth("2026-11-23", true)).toBe(12);
  });
});

function dateCells(spec: SheetSpec): { col: number; row: number; bold: boolean; left: unknown }[] {
  const out: { col: number; row: number; bold: boolean; left: unknown }[] = [];
  const merged = (spec.merges ?? []).map((m) => parseRange(m)!);
  spec.cells.forEach((r, ri) =>
    r.forEach((v, ci) => {
      const value = isFormula(v) ? v.cached : v;
      if (typeof value !== "number") return;
      if (merged.some((m) => m.left <= ci + 1 && ci + 1 <= m.right && m.top <= ri + 1 && ri + 1 <= m.bottom)) return;
      let date = false;
      let bold = false;
      for (const f of spec.formats ?? []) {
        const g = parseRange(f.range);
        if (!g || ci + 1 < g.left || ci + 1 > g.right || ri + 1 < g.top || ri + 1 > g.bottom) continue;
        if (f.numberFormat !== undefined) date = /y/.test(f.numberFormat);
        if (f.style?.bold !== undefined) bold = f.style.bold;
      }
      if (date) out.push({ col: ci, row: ri, bold, left: r[ci - 1] });
    }),
  );
  return out;
}

describe.each(LANGS)("%s: every date cell of every planned sheet fits its column", (lang: Lang) => {
  const book = sampleBook(AS_OF, lang);
  const specs = [...outputPlan(book, { asOf: AS_OF, lang, reviews: ["C0001"] }).specs()].map(fitToContent);

  test("dates: width ≥ 10 characters (+ 1, × 1.1 when bold)", () => {
    let checked = 0;
    for (const spec of specs) {
      for (const d of dateCells(spec)) {
        expect({ sheet: spec.name, col: d.col, ok: spec.columnWidths![d.col] >= neededWidth("2026-11-23", d.bold) }).toEqual({ sheet: spec.name, col: d.col, ok: true });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  test("the bold as-of date (截至 / As of) on the list, coverage, calendar and Today is at least 12 wide", () => {
    const kinds = new Set<string>();
    for (const spec of specs) {
      for (const d of dateCells(spec)) {
        if (d.row > 2 || !d.bold) continue;
        kinds.add(spec.kind);
        expect(spec.columnWidths![d.col]).toBeGreaterThanOrEqual(12);
      }
    }
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["coverage", "profile", "today"]));
  });
});

describe("long text", () => {
  test("text longer than the table's last column wraps there (notes ran past the table's edge)", () => {
    const spec: SheetSpec = { name: "t", kind: "profile", cells: [["id", "notes"], ["C1", "很长的备注".repeat(10)], ["C2", "短"]], columnWidths: [8, 20], freeze: { rows: 1, columns: 0 } };
    const fitted = fitToContent(spec);
    expect(fitted.columnWidths).toEqual([8, 20]);
    expect(fitted.formats).toEqual([{ range: "B2:B2", style: { wrap: true, vertical: "top" } }]);
    // Its row grows to the lines it wraps to (neither Excel nor LibreOffice grows it on opening the file):
    // 50 CJK characters = 100 columns + 1 of padding, over a 20-wide column = 5.05 → 6 lines × 16 pt = 96 pt.
    expect(fitted.rowHeights).toEqual({ 2: 96 });
  });

  test("cells already set to wrap (Today's reasons) get the height of their lines; one-line rows keep the default", () => {
    const spec: SheetSpec = {
      name: "t",
      kind: "today",
      cells: [["C1", "第一行\n" + "原因".repeat(15)], ["C2", "短"]],
      columnWidths: [8, 20],
      formats: [{ range: "B1:B2", style: { wrap: true } }],
    };
    // "第一行" is 1 line; 30 CJK characters = 61 columns over 20 = 4 lines; 5 lines × 16 pt
    expect(fitToContent(spec).rowHeights).toEqual({ 1: 80 });
  });

  test("the demo's Today sheet: every row whose reasons wrap is tall enough for them", () => {
    const book = sampleBook("2026-12-06", "zh-CN");
    const today = fitToContent(outputPlan(book, { asOf: "2026-12-06", lang: "zh-CN" }).build({ kind: "today" }));
    expect(Object.keys(today.rowHeights ?? {}).length).toBeGreaterThan(5);
    for (const h of Object.values(today.rowHeights ?? {})) expect(h % 16).toBe(0);
  });

  test("text cut by a filled neighbour widens its column up to 40; a spec that fits is returned as it is", () => {
    const spec: SheetSpec = { name: "t", kind: "profile", cells: [["上海市徐汇区衡山路1941弄", "x"]], columnWidths: [10, 8] };
    // 9 + 1 CJK characters × 2 + 4 digits = 24 columns, + 1 of padding
    expect(fitToContent(spec).columnWidths![0]).toBe(25);
    const fits: SheetSpec = { name: "t", kind: "profile", cells: [["ab", "x"]], columnWidths: [10, 8] };
    expect(fitToContent(fits)).toBe(fits);
  });
});

describe("fitTableWidths: the book's tables as the file writer lays them out", () => {
  test("an 18-digit id number (text) widens its column to 19; dates under yyyy-mm-dd need 11; nothing narrows", () => {
    // 18 characters + 1 of padding; 46349 shown as 2026-11-23 (10) + 1
    expect(fitTableWidths([8, 16, 30], [["C1", "310115198411085299", "短"], ["C2", 46349, null]], [undefined, "yyyy-mm-dd", undefined])).toEqual([8, 19, 30]);
  });
});

describe("equalRuns: one <col> or range per run", () => {
  test("consecutive indices of equal value join; a gap or a new value starts a run", () => {
    const entries = [[0, 8], [1, 8], [2, 12], [4, 12], [5, 12]] as const;
    expect(equalRuns(entries)).toEqual([
      { first: 0, last: 1, value: 8 },
      { first: 2, last: 2, value: 12 },
      { first: 4, last: 5, value: 12 },
    ]);
    expect(equalRuns([])).toEqual([]);
  });
});

describe("looksByCell: what the formats say at each cell, built once per sheet", () => {
  // The reference is the scan fitToContent used to make for every cell: every format entry covering the cell's
  // column, in the spec's order, a later entry's number format, bold and wrap winning. It was quadratic over a
  // sheet of one entry per row (the 5,000-client coverage sheet: minutes); looksByCell must say the same.
  const reference = (formats: readonly RangeFormat[], row: number, col: number) => {
    let numberFormat: string | undefined;
    let bold = false;
    let wrap = false;
    let touched = false;
    for (const f of formats) {
      const r = parseRange(f.range);
      if (!r || row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
      if (f.numberFormat !== undefined) numberFormat = f.numberFormat;
      if (f.style?.bold !== undefined) bold = f.style.bold;
      if (f.style?.wrap !== undefined) wrap = f.style.wrap;
      touched ||= f.numberFormat !== undefined || f.style?.bold !== undefined || f.style?.wrap !== undefined;
    }
    return touched ? { numberFormat, bold, wrap } : undefined;
  };
  const range = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 5 }))
    .map(([c, r, w, h]) => `${String.fromCharCode(64 + c)}${r}:${String.fromCharCode(64 + Math.min(26, c + w))}${r + h}`);
  const format: fc.Arbitrary<RangeFormat> = fc.record(
    {
      range,
      numberFormat: fc.constantFrom("0.0%", "#,##0", "yyyy-mm-dd"),
      style: fc.record({ bold: fc.boolean(), wrap: fc.boolean() }, { requiredKeys: [] }),
    },
    { requiredKeys: ["range"] },
  );

  test("property: the same number format, bold and wrap as the per-cell scan, at every cell of the grid", () => {
    fc.assert(
      fc.property(fc.array(format, { maxLength: 12 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 7 }), (formats, rows, cols) => {
        const looks = looksByCell(formats, rows, cols);
        for (let r = 1; r <= rows; r++) {
          for (let c = 1; c <= cols; c++) {
            const want = reference(formats, r, c);
            const got = looks.get(c - 1)?.[r - 1];
            expect(got === undefined ? undefined : { numberFormat: got.numberFormat, bold: got.bold, wrap: got.wrap }).toEqual(want);
          }
        }
      }),
    );
  });

  test("a sheet of 20,000 rows with one format entry per row: the widest bold amount sets its column", () => {
    const rows = 20_000;
    const spec: SheetSpec = {
      name: "big",
      kind: "coverage",
      cells: Array.from({ length: rows }, (_, r) => [`client ${r}`, r * 1000.5, "x"]),
      formats: Array.from({ length: rows }, (_, r) => ({ range: `A${r + 1}:C${r + 1}`, numberFormat: "#,##0.00", style: { bold: r % 2 === 0 } })),
    };
    // 20,000 × 20,000 entry checks with the per-cell scan; one pass over the 60,000 covered cells now
    const fitted = fitToContent(spec);
    // "19,999,000.50" in bold: 13 characters × 1.1 + 1
    expect(fitted.columnWidths?.[1]).toBe(neededWidth("19,999,000.50", true));
  });
});
