/**
 * Rendering one SheetSpec on the fake host: cells (text stays text), formulas, formats, widths, merges, freeze panes,
 * filter, conditional formats, notes on each of the three paths, charts with the spec's exact ranges; rebuilding
 * replaces the sheet in place (same result, no stacked charts); a sheet holding a table is never a target.
 */
import { Batch, runWrites } from "../../src/excel/batch";
import type { NotesMode } from "../../src/excel/capabilities";
import { CommandError } from "../../src/excel/errors";
import { findSheet, queueSheetsInfo, tempNames } from "../../src/excel/existingSheets";
import { charsToPoints } from "../../src/excel/queueFormat";
import { planRender } from "../../src/excel/renderSheet";
import { mergeFormats, summaryColumn } from "../../src/excel/specGrid";
import { queueRenderSpec, renderSheets } from "./renderHelpers";
import { cellName } from "../../src/sheets/a1";
import { chartCells } from "../../src/sheets/layout";
import type { SheetSpec } from "../../src/sheets/spec";
import { installFakeOffice, type FakeHost } from "../fake-excel";

const NAME = "输出 Test";

function makeSpec(): SheetSpec {
  return {
    name: NAME,
    kind: "review",
    cells: [
      ["标题", null, "=1+1"],
      ["姓名", "金额", "占比"],
      ["张三", 100, { f: "=B3/SUM($B$3:$B$4)", cached: 0.25 }],
      ["+86 138 0000", 300, { f: "B4/SUM($B$3:$B$4)" }],
      ["0912345678", true, "@mention"],
      ["-5"],
    ],
    columnWidths: [12, 10, 10],
    formats: [
      { range: "B3:B4", numberFormat: "#,##0" },
      { range: "C3", numberFormat: "0.0%" },
      { range: "C4", numberFormat: "0.0%" },
      { range: "A2:C2", style: { bold: true, fill: "#DDEBF7", border: true, horizontal: "center" } },
      { range: "A1", style: { bold: true, fontSize: 14, color: "#1F4E78", italic: true, vertical: "top", wrap: true } },
    ],
    merges: ["A1:B1"],
    freeze: { rows: 2, columns: 1 },
    autoFilter: "A2:C4",
    conditionalFormats: [{ range: "B3:B4", formula: "=B3>200", style: { fill: "#FFC7CE", color: "#9C0006", bold: true } }],
    notes: [
      { cell: "A3", text: "VIP 客户\n第二行" },
      { cell: "C4", text: "=SUM(1)" },
      { cell: "B3", text: "同一行" },
    ],
    charts: [
      { name: "Allocation", type: "pie", title: "资产配置", categories: "A3:A4", values: "B3:B4", seriesName: "金额", anchor: "E2", width: 360, height: 220 },
      { name: "Trend", type: "column", title: "历次检视", categories: "A3:A4", values: "B3:B4", seriesName: "总资产", anchor: "E20", width: 300, height: 200 },
    ],
    page: { orientation: "landscape" },
    tabColor: "#7030A0",
  };
}

let host: FakeHost;
afterEach(() => host.uninstall());

async function render(spec: SheetSpec, notes: NotesMode = "notes"): Promise<number> {
  host.stats.reset();
  await Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    const read = queueSheetsInfo(ctx);
    await batch.sync();
    const info = read();
    const replaces = findSheet(info, spec.name);
    await runWrites(batch, planRender({ spec, ...(replaces ? { replaces } : {}) }, { notes, lang: "zh-CN" }, tempNames(info)));
  });
  return host.stats.syncs;
}

describe("rendering a spec", () => {
  beforeEach(() => {
    host = installFakeOffice({ workbook: { sheets: [{ name: "First" }, { name: "Data", rows: [["a"], [1]], tables: [{ name: "T", address: "A1:A2" }] }] } });
  });

  test("values and formulas in bulk; user text never becomes a formula or a number", async () => {
    expect(await render(makeSpec())).toBe(2);
    const s = host.sheet(NAME)!;
    expect(s.cell("C1")).toMatchObject({ value: "=1+1", quotePrefix: true });
    expect(s.cell("C1").formula).toBeUndefined();
    expect(s.cell("A4")).toMatchObject({ value: "+86 138 0000" });
    expect(s.cell("A4").formula).toBeUndefined();
    expect(s.cell("A5")).toMatchObject({ value: "0912345678" });
    expect(s.cell("C5")).toMatchObject({ value: "@mention" });
    expect(s.cell("A6")).toMatchObject({ value: "-5" });
    expect(s.cell("B5").value).toBe(true);
    expect(s.cell("B3").value).toBe(100);
    expect(s.cell("C3").formula).toBe("=B3/SUM($B$3:$B$4)");
    expect(s.cell("C4").formula).toBe("=B4/SUM($B$3:$B$4)");
    expect(s.cell("B1").value).toBe("");
  });

  test("number formats, styles, widths, merges, freeze panes, filter, conditional format, tab and page", async () => {
    await render(makeSpec());
    const s = host.sheet(NAME)!;
    expect(s.numberFormats("B3:C4")).toEqual([["#,##0", "0.0%"], ["#,##0", "0.0%"]]);
    const h = s.format("B2");
    expect(h.font.bold).toBe(true);
    expect(h.fill).toBe("#DDEBF7");
    expect(h.horizontalAlignment).toBe("Center");
    for (const side of ["top", "bottom", "left", "right"] as const) expect(h.borders[side]?.style).toBe("Continuous");
    expect(s.format("A1")).toMatchObject({ font: { bold: true, italic: true, size: 14, color: "#1F4E78" }, verticalAlignment: "Top", wrapText: true });
    expect(s.format("A3").font.bold).toBe(false);
    // A4's "+86 138 0000" is 12 characters and B4 holds a value: 12 + 1 of padding (src/sheets/widths.ts)
    expect(s.columnWidth("A")).toBe(charsToPoints(13));
    expect(s.columnWidth("C")).toBe(charsToPoints(10));
    expect(s.columnWidth("D")).toBe(48);
    expect(s.merges()).toEqual(["A1:B1"]);
    expect(s.freeze()).toMatchObject({ rows: 2, columns: 1 });
    expect(s.autoFilter()).toBe("A2:C4");
    const [cf] = s.conditionalFormats();
    expect(cf).toMatchObject({ type: "Custom", formula: "=B3>200" });
    expect(cf.ranges[0]).toMatch(/!B3:B4$/);
    expect(cf.format).toMatchObject({ fill: "#FFC7CE", fontColor: "#9C0006", bold: true });
    expect(s.tabColor).toBe("#7030A0");
    // src/sheets/print.ts: A4, margins 0.5/0.6/0.3/0.3/0.25/0.3 in × 72 pt, the frozen row repeated, the default footer
    expect(s.pageLayout()).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { scale: 100 },
      margins: { top: 36, bottom: 43.2, left: 21.6, right: 21.6, header: 18, footer: 21.6 },
      printTitleRows: "$1:$2",
      printTitleColumns: null,
      headerFooter: { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "&P / &N", rightFooter: "&A" },
    });
  });

  test.each([
    [{ orientation: "portrait", fitToPage: true }, { horizontalFitToPages: 1, verticalFitToPages: 1 }],
    [{ orientation: "landscape", fitToWidth: true }, { horizontalFitToPages: 1, verticalFitToPages: 0 }],
  ] as const)("print fit %j → PageLayout.zoom %j, as the file renderer sets fitToWidth/fitToHeight", async (page, zoom) => {
    await render({ ...makeSpec(), page });
    expect(host.sheet(NAME)!.pageLayout().zoom).toEqual(zoom);
  });

  test("charts: type, title, exactly the spec's value and category ranges, series name, position and size", async () => {
    await render(makeSpec());
    const charts = host.charts(NAME);
    expect(charts.map((c) => [c.name, c.type])).toEqual([["Allocation", "Pie"], ["Trend", "ColumnClustered"]]);
    const [pie, col] = charts;
    expect(pie.title).toEqual({ text: "资产配置", visible: true });
    expect(pie.series).toHaveLength(1);
    expect(pie.series[0]).toMatchObject({ name: "金额", values: `'${NAME}'!B3:B4`, xValues: `'${NAME}'!A3:A4` });
    expect(col.series[0]).toMatchObject({ name: "总资产", values: `'${NAME}'!B3:B4`, xValues: `'${NAME}'!A3:A4` });
    expect(col.legend.visible).toBe(false);
    // Anchored to cells, start and end (office-js#3136: points drift under display scaling), over the cells the layout
    // reserves (chartCells), so the chart covers at least the spec's size and moves with the grid.
    for (const [chart, spec] of [[pie, makeSpec().charts![0]], [col, makeSpec().charts![1]]] as const) {
      const cells = chartCells(makeSpec(), spec);
      expect(chart.anchor).toEqual({ start: spec.anchor, end: cellName(cells.right, cells.bottom) });
      expect(chart.position.width).toBeGreaterThanOrEqual(spec.width);
      expect(chart.position.height).toBeGreaterThanOrEqual(spec.height);
    }
    // The series orientation is explicit: the fake host refuses "Auto" (office-js#1830, #2929).
    expect(charts.map((c) => c.source?.seriesBy)).toEqual(["Columns", "Columns"]);
  });

  test("notes through the notes API (ExcelApi 1.18)", async () => {
    await render(makeSpec(), "notes");
    expect(host.notes(NAME).map((n) => [n.address, n.content])).toEqual([["A3", "VIP 客户\n第二行"], ["B3", "同一行"], ["C4", "=SUM(1)"]]);
    expect(host.comments(NAME)).toEqual([]);
  });

  test("notes as threaded comments (ExcelApi 1.10)", async () => {
    await render(makeSpec(), "comments");
    expect(host.comments(NAME).map((n) => [n.address, n.content])).toEqual([["A3", "VIP 客户\n第二行"], ["B3", "同一行"], ["C4", "=SUM(1)"]]);
    expect(host.notes(NAME)).toEqual([]);
  });

  test("notes as a summary column after the grid, one cell per row, when neither API exists", async () => {
    await render(makeSpec(), "column");
    const s = host.sheet(NAME)!;
    const layout = summaryColumn(makeSpec());
    expect(layout.column).toBe(4); // the grid, formats and filter end at C
    expect(s.cell("D2").value).toBe("备注摘要");
    expect(s.cell("D3")).toMatchObject({ value: "A3: VIP 客户; 第二行\nB3: 同一行" });
    expect(s.cell("D4")).toMatchObject({ value: "C4: =SUM(1)" });
    expect(s.cell("D4").formula).toBeUndefined();
    expect(s.format("D3").wrapText).toBe(true);
    expect(host.notes(NAME)).toEqual([]);
    expect(host.comments(NAME)).toEqual([]);
  });

  test("rebuilding replaces the sheet in place: same content, same position, one sheet, charts not stacked", async () => {
    // Put the output between the other sheets, then rebuild it twice.
    await render(makeSpec());
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(NAME).position = 1;
      await ctx.sync();
    });
    // Conditional formats get a new id when re-created; everything else must be identical.
    const view = () => {
      const snap = host.snapshot().sheets.find((s) => s.name === NAME)!;
      return { ...snap, conditionalFormats: snap.conditionalFormats.map((cf) => ({ ...cf, id: "" })) };
    };
    const first = view();
    expect(await render(makeSpec())).toBe(2);
    await render(makeSpec());
    expect(host.sheetNames()).toEqual(["First", NAME, "Data"]);
    expect(view()).toEqual(first);
    expect(host.charts(NAME)).toHaveLength(2);
    expect(host.notes(NAME)).toHaveLength(3);
  });

  test("a smaller rebuild leaves nothing of the larger one behind", async () => {
    await render(makeSpec());
    const small: SheetSpec = { name: NAME, kind: "review", cells: [["only"]] };
    await render(small);
    const s = host.sheet(NAME)!;
    expect(s.usedAddress()).toBe("A1");
    expect(host.charts(NAME)).toEqual([]);
    expect(host.notes(NAME)).toEqual([]);
    expect(s.merges()).toEqual([]);
    expect(s.conditionalFormats()).toEqual([]);
  });

  test("a sheet that holds a table is never replaced", async () => {
    const spec = { ...makeSpec(), name: "Data" };
    await expect(render(spec)).rejects.toBeInstanceOf(CommandError);
    expect(host.table("T")).toBeDefined();
  });

  test("renderSheets: several specs in one read and one write sync, each replacing its sheet", async () => {
    const second: SheetSpec = { name: "第二张", kind: "today", cells: [["x", 1]] };
    await render(makeSpec());
    host.stats.reset();
    const done: string[] = [];
    const r = await renderSheets([makeSpec(), second], { lang: "zh-CN", activate: true, onDone: (n) => done.push(n) });
    expect(r).toEqual({ syncs: 2, sheets: [NAME, "第二张"] });
    expect(host.stats.syncs).toBe(2);
    expect(done).toEqual([NAME, "第二张"]);
    expect(host.sheetNames()).toEqual(["First", "Data", NAME, "第二张"]);
    expect(host.activeSheet()).toBe(NAME);
    expect(host.charts(NAME)).toHaveLength(2);
  });

  test("queueRenderSpec queues a whole render into the caller's batch", async () => {
    host.stats.reset();
    await Excel.run(async (ctx) => {
      queueRenderSpec(ctx, makeSpec(), null, { notes: "notes", lang: "en-US" });
      await ctx.sync();
    });
    expect(host.stats.syncs).toBe(1);
    expect(host.charts(NAME)).toHaveLength(2);
  });

  test("a bad spec is refused with the sheet and cell named", () => {
    const bad: SheetSpec = { name: "X", kind: "review", cells: [[1, Number.NaN]] };
    expect(() => planRender({ spec: bad }, { notes: "notes", lang: "en-US" }, () => "t")).toThrow("sheet X, cell B1: NaN");
    const badRange: SheetSpec = { name: "X", kind: "review", cells: [[1]], merges: ["A1:"] };
    expect(() => planRender({ spec: badRange }, { notes: "notes", lang: "en-US" }, () => "t")).toThrow(/merge "A1:"/);
  });
});

describe("mergeFormats", () => {
  test("neighbouring ranges with the same format merge; an entry in between keeps them apart", () => {
    const spec: SheetSpec = {
      name: "M",
      kind: "profile",
      cells: [],
      formats: [
        { range: "A1:C1", style: { bold: true } },
        { range: "A2:C2", style: { bold: true } },
        { range: "D1:D2", style: { bold: true } },
        { range: "A3:C3", numberFormat: "0" },
        { range: "A4", style: { bold: true } },
        { range: "A5", style: { bold: true } },
      ],
    };
    expect(mergeFormats(spec).map((m) => [m.range.left, m.range.top, m.range.right, m.range.bottom])).toEqual([
      [1, 1, 4, 2],
      [1, 3, 3, 3],
      [1, 4, 1, 5],
    ]);
  });
});
