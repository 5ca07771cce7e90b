/**
 * SheetSpec → .xlsx: every feature of a spec is written, and read back with excelize (an independent reader of
 * the same file) or from the file's parts where excelize cannot read the feature back (charts, cached results).
 */
import type { CellValue, SheetSpec } from "../../src/sheets/spec";
import { openBytes, XlsxError } from "../../src/xlsx/excelize";
import type { XlsxFile } from "../../src/xlsx/excelize";
import { finishWorkbook } from "../../src/xlsx/finish";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { addSpecToFile, renderSpecs } from "../../src/xlsx/renderSpec";
import { newWorkbook, openWorkbook } from "../../src/xlsx/workbook";
import { cellXml, chartXmls, partText, sheetDrawingXml, sheetXml } from "./helpers";
import { markerNumber } from "../../src/sheets/marker";

const REVIEW = "资产检视-张伟 C0001";

/** A review-like sheet using every feature of SheetSpec. */
function fullSpec(): SheetSpec {
  return {
    name: REVIEW,
    kind: "review",
    cells: [
      ["资产类别", "金额", "占比", "到期日"],
      ["存款", 120000, { f: "=B2/$B$6", cached: 0.48 }, 45658],
      ["理财", 80000, { f: "=B3/$B$6", cached: 0.32 }, 45800],
      ["基金", 30000, { f: "=B4/$B$6", cached: 0.12 }, null],
      ["=1+1 不是公式", 20000, { f: "=B5/$B$6", cached: 0.08 }, 46000],
      ["合计", { f: "=SUM(B2:B5)", cached: 250000 }, { f: "=SUM(C2:C5)=1", cached: true }, { f: '=IF(B6>0,"有","无")', cached: "有" }],
      [],
      [true, false, -0.5, "  前后空格  "],
      [null, null, null, null, null, "第十行", { f: "=1+1" }],
    ],
    columnWidths: [14, 16, 10, 12],
    formats: [
      { range: "A1:D6", style: { border: true } },
      { range: "A1:D1", style: { bold: true, fill: "#DDEBF7", horizontal: "center" } },
      { range: "B2:B6", numberFormat: "#,##0.00" },
      { range: "C2:C5", numberFormat: "0.0%" },
      { range: "D2:D5", numberFormat: "yyyy-mm-dd" },
      { range: "A6:D6", style: { bold: true } },
      { range: "F9", style: { italic: true, color: "#C00000", fontSize: 14, wrap: true, vertical: "top" } },
    ],
    merges: ["F1:G1"],
    freeze: { rows: 1, columns: 1 },
    autoFilter: "A1:D5",
    conditionalFormats: [{ range: "B2:B5", formula: "=B2>50000", style: { fill: "#FFC7CE", color: "#9C0006", bold: true } }],
    notes: [
      { cell: "A2", text: "含定期与活期\n=SUM(不是公式)" },
      { cell: "B6", text: "总资产 Total" },
    ],
    charts: [
      { name: "cb-allocation", type: "pie", title: "资产配置", categories: "A2:A5", values: "B2:B5", seriesName: "金额", anchor: "H2", width: 360, height: 225 },
      { name: "cb-trend", type: "column", title: "总资产走势", categories: "D2:D5", values: "B2:B5", seriesName: "总资产", anchor: "H20", width: 300, height: 180 },
    ],
    page: { orientation: "landscape", fitToWidth: true },
    tabColor: "#0070C0",
  };
}

let bytes: Uint8Array;
let f: XlsxFile;

beforeAll(async () => {
  const second: SheetSpec = { name: "O'Neil 检视", kind: "review", cells: [["类别", "金额"], ["存款", 1]], charts: [{ name: "p", type: "pie", title: "t", categories: "A2:A2", values: "B2:B2", seriesName: "s", anchor: "D2", width: 200, height: 150 }] };
  bytes = await renderSpecs([fullSpec(), second]);
  f = await openBytes(bytes);
});

describe("renderSpecs: workbook", () => {
  test("sheets are the specs in order; the default Sheet1 is gone", () => {
    expect(f.GetSheetList().list).toEqual([REVIEW, "O'Neil 检视"]);
    expect(f.GetActiveSheetIndex().index).toBe(0);
  });

  test("a spec named Sheet1 keeps that name", async () => {
    const b = await renderSpecs([{ name: "Sheet1", kind: "today", cells: [["x"]] }, { name: "其他", kind: "today", cells: [["y"]] }]);
    expect((await openBytes(b)).GetSheetList().list).toEqual(["Sheet1", "其他"]);
  });

  test("an opened workbook gets sheets added; a sheet of the same name is replaced, not duplicated", async () => {
    const first = await renderSpecs([
      { name: "客户一览", kind: "profile", cells: [["旧", 1], ["旧", 2]] },
      { name: "今日待办", kind: "today", cells: [["保留"]] },
    ]);
    const wb = await openWorkbook(first);
    addSpecToFile(wb, { name: "客户一览", kind: "profile", cells: [["新"]] });
    addSpecToFile(wb, { name: "保障一览", kind: "coverage", cells: [[{ f: "=1+2", cached: 3 }]] });
    const { sheets, grids } = await readWorkbookTables(await finishWorkbook(wb));
    expect(sheets).toEqual(["今日待办", "客户一览", "保障一览"]);
    expect(grids.get("客户一览")).toEqual([["新"]]);
    expect(grids.get("今日待办")).toEqual([["保留"]]);
    expect(grids.get("保障一览")).toEqual([[3]]);
  });

  test("formulas make the file recalculate on load; the author is ClientBook", async () => {
    expect(await partText(bytes, "xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="(true|1)"/);
    expect(f.GetDocProps().props.Creator).toBe("ClientBook");
  });
});

describe("renderSpecs: cells", () => {
  const raw = (cell: string) => f.GetCellValue(REVIEW, cell, { RawCellValue: true }).value;

  test("numbers, booleans and text are stored with their types", () => {
    expect(raw("B2")).toBe("120000");
    expect(f.GetCellType(REVIEW, "B2").cellType).toBe(0); // number (no t attribute)
    expect(raw("A8")).toBe("1");
    expect(f.GetCellValue(REVIEW, "A8").value).toBe("TRUE");
    expect(f.GetCellValue(REVIEW, "B8").value).toBe("FALSE");
    expect(raw("C8")).toBe("-0.5");
    expect(raw("D8")).toBe("  前后空格  ");
    expect(raw("F9")).toBe("第十行");
    expect(raw("D4")).toBe(""); // null stays empty
    expect(f.GetSheetDimension(REVIEW).dimension).toBe("A1:G9");
  });

  test("a string starting with = is text, not a formula", () => {
    expect(f.GetCellFormula(REVIEW, "A5").formula).toBe("");
    expect(raw("A5")).toBe("=1+1 不是公式");
  });

  test("formulas read back with the file reader too", async () => {
    const { formulas, grids } = await readWorkbookTables(bytes, { formulas: true });
    const mine = formulas!.get(REVIEW)!;
    expect(mine.get("B6")).toBe("=SUM(B2:B5)");
    expect(mine.get("D6")).toBe('=IF(B6>0,"有","无")');
    expect(mine.get("G9")).toBe("=1+1");
    expect(mine.has("A5")).toBe(false);
    expect(mine.size).toBe(8);
    expect(grids.get(REVIEW)![5]).toEqual(["合计", 250000, true, "有"]);
  });

  test("formulas are native formulas without the leading = in the file", () => {
    expect(f.GetCellFormula(REVIEW, "B6").formula).toBe("SUM(B2:B5)");
    expect(f.GetCellFormula(REVIEW, "C2").formula).toBe("B2/$B$6");
    expect(f.GetCellFormula(REVIEW, "D6").formula).toBe('IF(B6>0,"有","无")');
  });

  test("cached results are stored with their own type, so non-recalculating viewers show them", async () => {
    const xml = await sheetXml(bytes, REVIEW);
    expect(cellXml(xml, "B6")).toMatch(/^<c r="B6" s="\d+"><f>SUM\(B2:B5\)<\/f><v>250000<\/v><\/c>$/);
    expect(cellXml(xml, "C2")).toMatch(/^<c r="C2" s="\d+"><f>B2\/\$B\$6<\/f><v>0.48<\/v><\/c>$/);
    expect(cellXml(xml, "C6")).toMatch(/^<c r="C6" s="\d+" t="b"><f>SUM\(C2:C5\)=1<\/f><v>1<\/v><\/c>$/);
    expect(cellXml(xml, "D6")).toMatch(/^<c r="D6" s="\d+" t="str"><f>IF\(B6&gt;0,&quot;有&quot;,&quot;无&quot;\)<\/f><v>有<\/v><\/c>$/);
    // no cached value given: the formula alone
    expect(cellXml(xml, "G9")).toMatch(/<f>1\+1<\/f>/);
    expect(cellXml(xml, "G9")).not.toMatch(/<v>/);
    expect(raw("B6")).toBe("250000");
    expect(f.GetCellValue(REVIEW, "C2").value).toBe("48.0%");
  });
});

describe("renderSpecs: formats", () => {
  const styleAt = (cell: string) => f.GetStyle(f.GetCellStyle(REVIEW, cell).style).style;

  test("number formats", () => {
    expect(styleAt("B3").CustomNumFmt).toBe("#,##0.00");
    expect(styleAt("C3").CustomNumFmt).toBe("0.0%");
    expect(styleAt("D2").CustomNumFmt).toBe("yyyy-mm-dd");
    expect(f.GetCellValue(REVIEW, "D2").value).toBe("2025-01-01");
    expect(f.GetCellValue(REVIEW, "B2").value).toBe("120,000.00");
  });

  test("overlapping formats add up instead of replacing each other", () => {
    const header = styleAt("B1");
    expect(header.Font?.Bold).toBe(true);
    expect(header.Fill?.Color).toEqual(["DDEBF7"]);
    expect(header.Alignment?.Horizontal).toBe("center");
    expect(header.Border).toHaveLength(4); // from the earlier border entry
    const total = styleAt("B6");
    expect(total.Font?.Bold).toBe(true);
    expect(total.CustomNumFmt).toBe("#,##0.00");
    expect(total.Border).toHaveLength(4);
    const note = styleAt("F9");
    expect(note.Font).toMatchObject({ Italic: true, Color: "C00000", Size: 14 });
    expect(note.Alignment).toMatchObject({ WrapText: true, Vertical: "top" });
    expect(styleAt("A2").Font?.Bold).toBe(false);
    expect(f.GetCellStyle(REVIEW, "E2").style).toBe(0);
  });

  test("one style per distinct combination, shared across sheets", async () => {
    // header, body, amount, share, date, total, total amount, note → 8 + the default
    expect(await partText(bytes, "xl/styles.xml")).toMatch(/<cellXfs count="9">/);
    const fb = await newWorkbook();
    addSpecToFile(fb, fullSpec());
    addSpecToFile(fb, { ...fullSpec(), name: "第二张" });
    expect(await partText(await finishWorkbook(fb), "xl/styles.xml")).toMatch(/<cellXfs count="9">/);
  });

  test("column widths, merges, frozen panes, autofilter", async () => {
    expect(f.GetColWidth(REVIEW, "A").width).toBe(14);
    expect(f.GetColWidth(REVIEW, "B").width).toBe(16);
    expect(f.GetColWidth(REVIEW, "D").width).toBe(12);
    expect(f.GetMergeCells(REVIEW).mergeCells.map((m) => `${m.GetStartAxis()}:${m.GetEndAxis()}`)).toEqual(["F1:G1"]);
    expect(f.GetPanes(REVIEW).panes).toMatchObject({ Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2" });
    expect(await sheetXml(bytes, REVIEW)).toMatch(/<autoFilter ref="A1:D5"/);
    expect(await sheetXml(bytes, REVIEW)).not.toMatch(/filterMode/);
    // besides ClientBook's markers (one per rendered sheet, src/xlsx/markers.ts), the autofilter's name and the
    // print titles (the frozen row, repeated on every printed page: src/sheets/print.ts)
    const names = f.GetDefinedName().definedNames;
    expect(names.filter((n) => markerNumber(n.Name ?? "") === undefined)).toEqual([
      expect.objectContaining({ Name: "_xlnm._FilterDatabase", RefersTo: "'资产检视-张伟 C0001'!$A$1:$D$5" }),
      expect.objectContaining({ Name: "_xlnm.Print_Titles", RefersTo: "'资产检视-张伟 C0001'!$1:$1", Scope: REVIEW }),
    ]);
    expect(names.filter((n) => markerNumber(n.Name ?? "") !== undefined).map((n) => n.RefersTo)).toContain("'资产检视-张伟 C0001'!$1:$1048576");
  });

  test("conditional format: an expression rule with its own fill, font colour and bold", async () => {
    const xml = await sheetXml(bytes, REVIEW);
    expect(xml).toMatch(/<conditionalFormatting sqref="B2:B5"><cfRule type="expression" dxfId="(\d+)"[^>]*><formula>B2&gt;50000<\/formula><\/cfRule><\/conditionalFormatting>/);
    const id = Number(/dxfId="(\d+)"/.exec(xml)![1]);
    const style = f.GetConditionalStyle(id).style;
    expect(style.Fill?.Color).toEqual(["FFC7CE"]);
    expect(style.Font).toMatchObject({ Color: "9C0006", Bold: true });
  });

  test("page set-up and tab colour", async () => {
    // A4 (paper size 9), fit one page wide, margins in inches and the footer (src/sheets/print.ts)
    expect(f.GetPageLayout(REVIEW).opts).toMatchObject({ Size: 9, Orientation: "landscape", FitToWidth: 1, FitToHeight: 0 });
    expect(await sheetXml(bytes, REVIEW)).toContain('<pageMargins left="0.3" right="0.3" top="0.5" bottom="0.6" header="0.25" footer="0.3">');
    expect(f.GetHeaderFooter(REVIEW).opts.OddFooter).toBe("&L&C&P / &N&R&A");
    expect(f.GetSheetProps(REVIEW).props).toMatchObject({ FitToPage: true, TabColorRGB: "FF0070C0" });
  });
});

describe("renderSpecs: notes and charts", () => {
  test("notes carry the text as given, author ClientBook", () => {
    const comments = f.GetComments(REVIEW).comments;
    expect(comments.map((c) => [c.Cell, c.Author, c.Text])).toEqual([
      ["A2", "ClientBook", "含定期与活期\n=SUM(不是公式)"],
      ["B6", "ClientBook", "总资产 Total"],
    ]);
  });

  test("a pie and a clustered column chart with the spec's title, ranges and series name", async () => {
    const charts = await chartXmls(bytes);
    expect(charts).toHaveLength(3);
    const [pie, col] = charts;
    const q = "'资产检视-张伟 C0001'";
    expect(pie).toMatch(/<c:pieChart><c:varyColors val="1"\/>/);
    expect(pie).not.toMatch(/<c:barChart>/);
    expect(pie).toContain("<a:t>资产配置</a:t>");
    expect(pie).toContain(`<c:cat><c:strRef><c:f>${q}!$A$2:$A$5</c:f>`);
    expect(pie).toContain(`<c:val><c:numRef><c:f>${q}!$B$2:$B$5</c:f>`);
    expect(pie).toContain("<c:tx><c:v>金额</c:v></c:tx>");
    // slices labelled with their share, legend on the right
    expect(pie).toMatch(/<c:dLbls>(?:(?!<\/c:dLbls>).)*<c:showVal val="0"\/>(?:(?!<\/c:dLbls>).)*<c:showPercent val="1"\/>/);
    expect(pie).toContain('<c:legendPos val="r"/>');
    expect(col).toMatch(/<c:barChart><c:barDir val="col"\/><c:grouping val="clustered"\/><c:varyColors val="0"\/>/);
    expect(col).toContain("<a:t>总资产走势</a:t>");
    expect(col).toContain("<c:tx><c:v>总资产</c:v></c:tx>");
    expect(col).toContain('<c:legendPos val="b"/>');
    // the third chart sits on a sheet whose name has an apostrophe: doubled inside the quotes
    expect(charts[2]).toContain("<c:f>'O''Neil 检视'!$A$2:$A$2</c:f>");
  });

  test("column chart axes: category labels as text, dates and amounts formatted as their cells, bars from zero", async () => {
    const [, col] = await chartXmls(bytes);
    const catAx = /<c:catAx>[\s\S]*?<\/c:catAx>/.exec(col)![0];
    const valAx = /<c:valAx>[\s\S]*?<\/c:valAx>/.exec(col)![0];
    expect(catAx).toContain('<c:auto val="0"/>');
    expect(catAx).toContain('<c:numFmt formatCode="yyyy-mm-dd" sourceLinked="0"/>');
    expect(valAx).toContain('<c:numFmt formatCode="#,##0.00" sourceLinked="0"/>');
    expect(valAx).toMatch(/<c:scaling><c:orientation val="minMax"\/><c:min val="0"\/><\/c:scaling>/);
    // a negative value lets the axis go below zero
    const b = await renderSpecs([{ name: "负", kind: "review", cells: [["a", -5], ["b", 3]], charts: [{ name: "c", type: "column", title: "t", categories: "A1:A2", values: "B1:B2", seriesName: "s", anchor: "D1", width: 200, height: 150 }] }]);
    expect((await chartXmls(b))[0]).not.toContain("<c:min ");
  });

  test("charts carry a data cache of the points they show", async () => {
    const [pie, col] = await chartXmls(bytes);
    expect(pie).toContain('<c:strCache><c:ptCount val="4"/><c:pt idx="0"><c:v>存款</c:v></c:pt><c:pt idx="1"><c:v>理财</c:v></c:pt><c:pt idx="2"><c:v>基金</c:v></c:pt><c:pt idx="3"><c:v>=1+1 不是公式</c:v></c:pt></c:strCache>');
    // values with the format of their cells
    expect(pie).toContain('<c:numCache><c:formatCode>#,##0.00</c:formatCode><c:ptCount val="4"/><c:pt idx="0"><c:v>120000</c:v></c:pt><c:pt idx="1"><c:v>80000</c:v></c:pt><c:pt idx="2"><c:v>30000</c:v></c:pt><c:pt idx="3"><c:v>20000</c:v></c:pt></c:numCache>');
    // dates as categories: a numeric cache with the cells' date format; the empty cell has no point
    expect(col).toContain("<c:cat><c:numRef><c:f>");
    expect(col).toContain('<c:numCache><c:formatCode>yyyy-mm-dd</c:formatCode><c:ptCount val="4"/><c:pt idx="0"><c:v>45658</c:v></c:pt><c:pt idx="1"><c:v>45800</c:v></c:pt><c:pt idx="3"><c:v>46000</c:v></c:pt></c:numCache>');
  });

  test("charts are named, anchored at the spec's cell, sized from points, and printed", async () => {
    const drawing = await sheetDrawingXml(bytes, REVIEW);
    const anchors = [...drawing.matchAll(/<xdr:oneCellAnchor>([\s\S]*?)<\/xdr:oneCellAnchor>/g)].map((m) => m[1]);
    expect(anchors).toHaveLength(2);
    const from = (a: string) => {
      const m = /<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>(\d+)<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row><xdr:rowOff>(\d+)<\/xdr:rowOff><\/xdr:from>/.exec(a)!;
      return { col: Number(m[1]), colOff: Number(m[2]), row: Number(m[3]), rowOff: Number(m[4]) };
    };
    const ext = (a: string) => /<xdr:ext cx="(\d+)" cy="(\d+)"\/>/.exec(a)!.slice(1).map(Number);
    expect(anchors[0]).toContain('<xdr:cNvPr id="2" name="cb-allocation" descr="资产配置"/>');
    expect(from(anchors[0])).toEqual({ col: 7, colOff: 0, row: 1, rowOff: 0 }); // H2
    expect(ext(anchors[0])).toEqual([360 * 12700, 225 * 12700]); // points → EMU
    expect(anchors[1]).toContain('<xdr:cNvPr id="3" name="cb-trend" descr="总资产走势"/>');
    expect(from(anchors[1])).toEqual({ col: 7, colOff: 0, row: 19, rowOff: 0 }); // H20
    expect(ext(anchors[1])).toEqual([300 * 12700, 180 * 12700]);
    for (const a of anchors) expect(a).toContain('<xdr:clientData fLocksWithSheet="1" fPrintsWithSheet="1"/>');
  });
});

describe("formula injection", () => {
  test("user text that looks like a formula stays literal text", async () => {
    const tricky = ["=1+1", "+86 138 0013 8000", "-5", "@SUM(A1)", "=HYPERLINK(\"http://x\")", "＝1+1", "'quoted", "TRUE", "0012"];
    const b = await renderSpecs([{ name: "注入", kind: "profile", cells: [tricky] }]);
    const g = await openBytes(b);
    tricky.forEach((s, i) => {
      const cell = `${String.fromCharCode(65 + i)}1`;
      expect(g.GetCellFormula("注入", cell).formula).toBe("");
      expect(g.GetCellValue("注入", cell, { RawCellValue: true }).value).toBe(s);
      expect(g.GetCellType("注入", cell).cellType).toBe(5); // inline string: text, never parsed
    });
    expect(await sheetXml(b, "注入")).not.toContain("<f>");
  });
});

describe("text round trip", () => {
  test("Chinese, line breaks, CR, control characters, Excel's own _xHHHH_ escapes and emoji come back unchanged", async () => {
    const texts = ["张伟（VIP）", "第一行\n第二行", "a\r\nb", "tab\there", "\u0001ctl", "_x0041_ stays", "_x005F_x0041_", "  两端空格  ", "😀 客户", "<&>\"'"];
    const b = await renderSpecs([{ name: "文本", kind: "profile", cells: texts.map((t) => [t]) }]);
    const { grids } = await readWorkbookTables(b);
    expect(grids.get("文本")).toEqual(texts.map((t) => [t]));
    const g = await openBytes(b);
    texts.forEach((t, i) => expect(g.GetCellValue("文本", `A${i + 1}`, { RawCellValue: true }).value).toBe(t));
  });
});

describe("bad specs give a clear error naming the sheet and the place", () => {
  const base = (over: Partial<SheetSpec>): SheetSpec => ({ name: "客户一览", kind: "profile", cells: [["a", 1]], ...over });
  const cases: [string, SheetSpec[], RegExp][] = [
    ["name too long", [base({ name: "x".repeat(32) })], /longer than 31/],
    ["bad character", [base({ name: "a/b" })], /contains one of/],
    ["same name twice", [base({}), base({ name: "客户一览" })], /same name/],
    ["same name in another case", [base({ name: "Abc" }), base({ name: "aBC" })], /same name/],
    ["not a number", [base({ cells: [[NaN]] })], /NaN is not a number.*"客户一览", cell A1/],
    ["formula without =", [base({ cells: [[null, { f: "SUM(A1)" }]] })], /must start with "=".*cell B1/],
    ["custom function", [base({ cells: [[{ f: "=RM.TIER(A1)" }]] })], /RM\.\* custom functions.*cell A1/],
    ["bad colour", [base({ formats: [{ range: "A1", style: { fill: "red" } }] })], /colour "#RRGGBB", not "red"/],
    ["bad range", [base({ formats: [{ range: "A1:B", numberFormat: "0" }] })], /"A1:B" is not an A1 range/],
    ["huge range", [base({ formats: [{ range: "A1:XFD1048576", style: { bold: true } }] })], /more than/],
    ["chart lengths differ", [base({ charts: [{ name: "c", type: "pie", title: "t", categories: "A1:A3", values: "B1:B2", seriesName: "s", anchor: "D1", width: 100, height: 100 }] })], /differ in length/],
    ["chart range two columns", [base({ charts: [{ name: "c", type: "pie", title: "t", categories: "A1:B3", values: "B1:B3", seriesName: "s", anchor: "D1", width: 100, height: 100 }] })], /single column/],
    ["overlapping merges", [base({ merges: ["A1:B2", "B2:C3"] })], /overlap/],
    ["note on a range", [base({ notes: [{ cell: "A1:B1", text: "x" }] })], /not a single cell/],
    ["text too long", [base({ cells: [["x".repeat(32768)]] })], /longer than Excel's 32767.*cell A1/],
  ];
  test.each(cases)("%s", async (_label, specs, message) => {
    const err = await renderSpecs(specs).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxError);
    expect((err as Error).message).toMatch(message);
  });
});

describe("a 5,000-row output sheet", () => {
  test("renders with formats, a formula column, frozen header and autofilter", async () => {
    const cells: CellValue[][] = [["客户编号", "姓名", "电话", "总资产", "本行资产", "本行占比", "生日"]];
    for (let i = 1; i <= 5000; i++) {
      const r = i + 1;
      cells.push([`C${String(i).padStart(4, "0")}`, `客户${i}`, `138${String(i).padStart(8, "0")}`, i * 1000, i * 600, { f: `=IF(D${r}=0,0,E${r}/D${r})`, cached: 0.6 }, 30000 + i]);
    }
    const spec: SheetSpec = {
      name: "客户一览",
      kind: "profile",
      cells,
      formats: [
        { range: "A1:G1", style: { bold: true, fill: "#DDEBF7" } },
        { range: "A1:G5001", style: { border: true } },
        { range: "D2:E5001", numberFormat: "#,##0" },
        { range: "F2:F5001", numberFormat: "0.0%" },
        { range: "G2:G5001", numberFormat: "yyyy-mm-dd" },
      ],
      freeze: { rows: 1, columns: 2 },
      autoFilter: "A1:G5001",
    };
    const t0 = Date.now();
    const b = await renderSpecs([spec]);
    const t1 = Date.now();
    const { grids } = await readWorkbookTables(b);
    console.log(`5,000-row profile sheet: render ${t1 - t0} ms, read ${Date.now() - t1} ms, ${(b.length / 1024).toFixed(0)} KB`);
    const grid = grids.get("客户一览")!;
    expect(grid).toHaveLength(5001);
    expect(grid[5000]).toEqual(["C5000", "客户5000", "13800005000", 5000000, 3000000, 0.6, 35000]);
    expect(await partText(b, "xl/styles.xml")).toMatch(/<cellXfs count="6">/);
  });
});
