/**
 * Our own chart parts (src/xlsx/chartXml.ts, drawingXml.ts, finish.ts) in whole workbooks: the package's wiring
 * (relationships, ids, content types, reachability), the schema order of the worksheet and chart elements, a sheet
 * with both notes and charts, part numbers across thousands of charts, an opened workbook's own charts passing
 * through, and excelize still reading what we wrote.
 */
import { sheetName, TABLE_KEYS } from "../../src/book/schema";
import { writeTable } from "../../src/book/write";
import { outputSheets, writeWorkbook } from "../../src/cli/output";
import { generateBook } from "../../src/sample";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookTableOptions } from "../../src/xlsx/bookFile";
import { chartPartXml } from "../../src/xlsx/chartXml";
import type { ChartRecord } from "../../src/xlsx/chartXml";
import { CONTENT_TYPE_CHART, CONTENT_TYPE_DRAWING, REL_DRAWING, worksheetChildren } from "../../src/xlsx/drawingXml";
import { openBytes } from "../../src/xlsx/excelize";
import { finishWorkbook } from "../../src/xlsx/finish";
import { relationships, sheetPartPaths } from "../../src/xlsx/parts";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { addSpecToFile, renderSpecs } from "../../src/xlsx/renderSpec";
import { newWorkbook, openWorkbook } from "../../src/xlsx/workbook";
import { readZip } from "../../src/xlsx/zip";
import { sheetCharts } from "../cli/helpers";
import { contentTypes, elementOrderProblems, packageParts, packageProblems } from "./ooxmlCheck";

const AS_OF = "2026-11-23";

/** A small demo book (tables, profile, coverage, calendar with notes, Today, reviews with both charts). */
async function demoBytes(clients: number): Promise<Uint8Array> {
  const book = generateBook({ clients, asOf: AS_OF, lang: "zh-CN" });
  const tables = TABLE_KEYS.map((key) => bookTableOptions(key, writeTable(book, key, "zh-CN"), "zh-CN"));
  return (await writeWorkbook({ tables, sheets: outputSheets(book, { asOf: AS_OF, lang: "zh-CN" }) })).bytes;
}

/** A review-like sheet: a few rows, a note, a pie and a column chart. */
function reviewSpec(name: string, charts = 2, note = true): SheetSpec {
  const all: SheetSpec["charts"] = [
    { name: "cb-allocation", type: "pie", title: "资产配置", categories: "A2:A4", values: "B2:B4", seriesName: "金额", anchor: "F2", width: 360, height: 220 },
    { name: "cb-trend", type: "column", title: "总资产走势", categories: "A2:A4", values: "B2:B4", seriesName: "总资产", anchor: "F20", width: 360, height: 220 },
    { name: "cb-third", type: "pie", title: "第三", categories: "A2:A4", values: "B2:B4", seriesName: "金额", anchor: "F40", width: 200, height: 150 },
  ];
  return {
    name,
    kind: "review",
    cells: [["类别", "金额"], ["存款", 100], ["基金", 50], ["理财", 25]],
    formats: [{ range: "B2:B4", numberFormat: "#,##0" }],
    notes: note ? [{ cell: "A2", text: "含定期" }] : [],
    charts: all.slice(0, charts),
  };
}

describe("a demo workbook (tables, notes, charts)", () => {
  let bytes: Uint8Array;
  let parts: Map<string, string>;

  beforeAll(async () => {
    bytes = await demoBytes(6);
    parts = await packageParts(bytes);
  });

  test("the package is consistent: targets exist, ids unique, r:ids defined, content types, nothing orphaned", () => {
    expect(packageProblems(parts)).toEqual([]);
  });

  test("drawings and charts have their own content types; each chart is used by exactly one drawing", () => {
    const names = [...parts.keys()];
    const types = contentTypes(parts.get("[Content_Types].xml")!, names);
    const drawings = names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    const charts = names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(drawings).toHaveLength(7); // 6 reviews and the maturity ladder
    expect(charts).toHaveLength(13);
    for (const d of drawings) expect(types.get(d)).toBe(CONTENT_TYPE_DRAWING);
    for (const c of charts) expect(types.get(c)).toBe(CONTENT_TYPE_CHART);
    const used = [...parts].filter(([n]) => /^xl\/drawings\/_rels\//.test(n)).flatMap(([, x]) => [...x.matchAll(/Target="\.\.\/charts\/(chart\d+\.xml)"/g)].map((m) => m[1]));
    expect(used.sort()).toEqual(charts.map((c) => c.slice("xl/charts/".length)).sort());
  });

  test("every worksheet's children and every chart and drawing element are in the schema's order", () => {
    const problems: string[] = [];
    for (const [name, xml] of parts) {
      if (/^xl\/(worksheets\/sheet|charts\/chart|drawings\/drawing)\d+\.xml$/.test(name)) problems.push(...elementOrderProblems(xml, name));
    }
    expect(problems).toEqual([]);
    // the check has teeth: a worksheet with <drawing> after <legacyDrawing> fails it
    const bad = '<worksheet xmlns:r="r"><sheetData/><legacyDrawing r:id="rId1"/><drawing r:id="rId2"/></worksheet>';
    expect(elementOrderProblems(bad, "bad")).toEqual(["bad: /worksheet: drawing comes after an element the schema puts after it"]);
  });

  test("every review sheet has a pie and a column chart, found as Excel finds them", async () => {
    const charts = await sheetCharts(bytes);
    const reviews = [...charts].filter(([s]) => s.startsWith("资产检视"));
    expect(reviews).toHaveLength(6);
    for (const [, kinds] of reviews) expect([...kinds].sort()).toEqual(["column", "pie"]);
    expect(charts.get("到期阶梯")).toEqual(["column"]); // the maturity ladder's stacked column chart
    expect([...charts].filter(([s]) => !s.startsWith("资产检视") && s !== "到期阶梯").every(([, k]) => k.length === 0)).toBe(true);
  });

  test("excelize opens the output: sheet list, cell values, notes", async () => {
    const f = await openBytes(bytes);
    const sheets = f.GetSheetList().list;
    expect(sheets.slice(0, TABLE_KEYS.length)).toEqual(TABLE_KEYS.map((k) => sheetName(k, "zh-CN")));
    const review = sheets.find((s) => s.startsWith("资产检视"))!;
    expect(f.GetCellValue(review, "A1").value).toMatch(/^资产检视/);
    const calendar = sheets.find((s) => s.startsWith("联络日历"))!;
    expect(f.GetComments(calendar).comments.length).toBeGreaterThan(0);
    // and our own reader agrees on the cells
    const { grids } = await readWorkbookTables(bytes);
    expect(grids.get(review)![0][0]).toBe(f.GetCellValue(review, "A1").value);
  });

  test("the first output sheet is the one shown: activeTab and exactly one selected tab, as excelize reads them", async () => {
    const f = await openBytes(bytes);
    const sheets = f.GetSheetList().list;
    const first = TABLE_KEYS.length; // the profile list, after the tables
    expect(f.GetActiveSheetIndex().index).toBe(first);
    const paths = await sheetPartPaths(readZip(bytes));
    const selected = sheets.filter((s) => /<sheetView\b[^>]*\stabSelected="(?:1|true)"/.test(parts.get(paths.get(s)!)!));
    expect(selected).toEqual([sheets[first]]);
  });
});

describe("a sheet with both notes and charts", () => {
  test("notes keep excelize's relationships, the drawing gets the next id and its place before legacyDrawing", async () => {
    const bytes = await renderSpecs([reviewSpec("检视 A"), reviewSpec("检视 B", 2, false)]);
    const entries = readZip(bytes);
    const paths = await sheetPartPaths(entries);
    const parts = await packageParts(bytes);
    expect(packageProblems(parts)).toEqual([]);

    const a = paths.get("检视 A")!;
    const rels = [...(await relationships(entries, a)).entries()];
    expect(rels.map(([, r]) => r.type.split("/").pop()).sort()).toEqual(["comments", "drawing", "vmlDrawing"]);
    expect(new Set(rels.map(([id]) => id)).size).toBe(3);
    const drawingId = rels.find(([, r]) => r.type === REL_DRAWING)![0];
    const xml = parts.get(a)!;
    const children = worksheetChildren(xml).map((c) => c.name);
    expect(children.indexOf("drawing")).toBe(children.indexOf("legacyDrawing") - 1);
    expect(xml).toContain(`<drawing r:id="${drawingId}"/>`);

    // a sheet with charts and no notes: the drawing is its only relationship
    const b = paths.get("检视 B")!;
    expect([...(await relationships(entries, b)).values()].map((r) => r.type)).toEqual([REL_DRAWING]);

    const f = await openBytes(bytes);
    expect(f.GetComments("检视 A").comments.map((c) => [c.Cell, c.Text])).toEqual([["A2", "含定期"]]);
    expect(f.GetCellValue("检视 A", "B2").value).toBe("100");
    const charts = await sheetCharts(bytes);
    expect(charts.get("检视 A")).toEqual(["pie", "column"]);
  });
});

describe("many charts", () => {
  test("3,000 charts on 1,000 sheets: unique part numbers, one drawing per sheet, all wired", async () => {
    const f = await newWorkbook();
    for (let i = 1; i <= 1000; i++) addSpecToFile(f, { ...reviewSpec(`S${i}`, 3, false), formats: [] });
    const bytes = await finishWorkbook(f);
    const names = readZip(bytes).map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    const charts = names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    const drawings = names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    expect(charts).toHaveLength(3000);
    expect(drawings).toHaveLength(1000);
    expect(new Set(charts.map((n) => Number(/(\d+)\.xml$/.exec(n)![1]))).size).toBe(3000);
    const parts = await packageParts(bytes);
    expect(packageProblems(parts)).toEqual([]);
    const perSheet = await sheetCharts(bytes);
    expect([...perSheet.values()].every((k) => k.join() === "pie,column,pie")).toBe(true);
  }, 60_000);
});

describe("an opened workbook", () => {
  test("its own charts pass through unchanged; a replaced sheet gets only the new charts, its old parts go; numbering continues", async () => {
    const first = await renderSpecs([reviewSpec("保留"), reviewSpec("替换")]);
    const before = await packageParts(first);
    const wb = await openWorkbook(first);
    addSpecToFile(wb, { ...reviewSpec("替换", 1, false), cells: [["新"], ["x", 7]], charts: [{ name: "only", type: "column", title: "新图", categories: "A2:A2", values: "B2:B2", seriesName: "s", anchor: "D1", width: 200, height: 120 }] });
    addSpecToFile(wb, reviewSpec("新增"));
    const bytes = await finishWorkbook(wb);
    const parts = await packageParts(bytes);
    expect(packageProblems(parts)).toEqual([]);

    const entries = readZip(bytes);
    const paths = await sheetPartPaths(entries);
    const chartsOf = async (sheet: string) => {
      const drawing = [...(await relationships(entries, paths.get(sheet)!)).values()].find((r) => r.type === REL_DRAWING)!.target;
      return [...(await relationships(entries, drawing)).values()].map((r) => r.target);
    };
    // the kept sheet's chart parts are the text of the first file
    const kept = await chartsOf("保留");
    expect(kept).toHaveLength(2);
    for (const c of kept) expect(parts.get(c)).toBe(before.get(c));
    const replaced = await chartsOf("替换");
    expect(replaced).toHaveLength(1);
    expect(parts.get(replaced[0])).toContain("<a:t>新图</a:t>");
    const added = await chartsOf("新增");
    // new parts never reuse a number of the opened file's parts
    for (const c of [...replaced, ...added]) expect(before.has(c)).toBe(false);
    expect((await sheetCharts(bytes)).get("新增")).toEqual(["pie", "column"]);
    const { grids } = await readWorkbookTables(bytes);
    expect(grids.get("替换")).toEqual([["新"], ["x", 7]]);
  });
});

describe("chart part", () => {
  const base: ChartRecord = {
    name: "c",
    type: "column",
    title: "A & B <总>",
    seriesName: "资产 \"总\"",
    categoriesRef: "'O''Neil & Co'!$A$2:$A$3",
    valuesRef: "'O''Neil & Co'!$B$2:$B$3",
    categories: ["2025-06-30", null],
    values: [1.5, -0],
    anchor: { col: 1, row: 1 },
    width: 100,
    height: 100,
  };

  test("text is escaped; references keep their quotes; -0 is 0; elements in schema order for both types", () => {
    const col = chartPartXml(base);
    expect(col).toContain("<a:t>A &amp; B &lt;总&gt;</a:t>");
    expect(col).toContain("<c:tx><c:v>资产 &quot;总&quot;</c:v></c:tx>");
    expect(col).toContain("<c:f>'O''Neil &amp; Co'!$A$2:$A$3</c:f>");
    expect(col).toContain('<c:pt idx="1"><c:v>0</c:v></c:pt>');
    expect(col).toContain('<c:min val="0"/>'); // -0 is not below zero
    expect(chartPartXml({ ...base, values: [1.5, -2] })).not.toContain("<c:min ");
    const pie = chartPartXml({ ...base, type: "pie" });
    expect(pie).not.toContain("<c:catAx>");
    for (const [name, xml] of [["column", col], ["pie", pie]]) expect(elementOrderProblems(xml, name)).toEqual([]);
  });
});
