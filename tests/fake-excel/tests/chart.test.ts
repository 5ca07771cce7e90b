/**
 * Charts ("Work with charts": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts;
 * ChartCollection.add, Chart.setPosition, ChartSeries.setValues in https://learn.microsoft.com/javascript/api/excel/excel.chart).
 * The fake records each chart's source and series ranges so tests can assert what is plotted.
 */
import { type FakeHost, installFakeOffice } from "../index";
import { rejectsWith } from "./support";

let host: FakeHost;
beforeEach(() => {
  // These tests check the fake's own "Auto" guess too, which the default host refuses (see the test below).
  host = installFakeOffice({
    autoSeriesBy: "guess",
    workbook: {
      sheets: [
        {
          name: "Review",
          rows: [
            ["Class", "Amount"],
            ["Deposit", 100],
            ["Fund", 200],
            ["Bond", 50],
          ],
          cells: { D1: { value: "Date" }, E1: { value: "Total" }, D2: { value: 45292, numberFormat: "yyyy-mm-dd" }, E2: { value: 900 }, D3: { value: 45383, numberFormat: "yyyy-mm-dd" }, E3: { value: 950 } },
        },
        { name: "Data Sheet", rows: [["", "Q1", "Q2", "Q3"], ["North", 1, 2, 3], ["South", 4, 5, 6]] },
      ],
    },
  });
});
afterEach(() => host.uninstall());

describe("seriesBy must be explicit by default (office-js#1830, #2929)", () => {
  test("charts.add and setData without seriesBy, or with Auto, are refused: Excel on the web and the desktop split the range differently", async () => {
    host.uninstall();
    host = installFakeOffice({ workbook: { sheets: [{ name: "Review", rows: [["Class", "Amount"], ["存款", 1], ["基金", 2]] }] } });
    for (const add of [
      (s: Excel.Worksheet) => s.charts.add(Excel.ChartType.pie, s.getRange("A1:B3")),
      (s: Excel.Worksheet) => s.charts.add(Excel.ChartType.pie, s.getRange("A1:B3"), Excel.ChartSeriesBy.auto),
      (s: Excel.Worksheet) => s.charts.add(Excel.ChartType.pie, s.getRange("A1:B3"), Excel.ChartSeriesBy.columns).setData(s.getRange("A1:B3"), "Auto"),
    ]) {
      const error = await Excel.run(async (context) => {
        add(context.workbook.worksheets.getItem("Review"));
        await context.sync();
      }).then(() => undefined, (e: { code?: string; message?: string }) => e);
      expect(error).toMatchObject({ code: "InvalidArgument", message: expect.stringMatching(/office-js#1830, #2929/) });
    }
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Review");
      sheet.charts.add(Excel.ChartType.pie, sheet.getRange("A1:B3"), Excel.ChartSeriesBy.columns);
      await context.sync();
    });
    // The explicit one, and the third batch's add (which ran before its setData was refused: a batch is not rolled back).
    expect(host.charts("Review").map((c) => c.source?.seriesBy)).toEqual(["Columns", "Columns"]);
  });
});

describe("charts.add(type, sourceData, seriesBy)", () => {
  test("a pie from a two-column range with headers: one series named by the header, categories from the first column", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Review");
      const chart = sheet.charts.add(Excel.ChartType.pie, sheet.getRange("A1:B4"), Excel.ChartSeriesBy.auto);
      chart.load("name, chartType");
      chart.series.load("count");
      await context.sync();
      expect([chart.name, chart.chartType, chart.series.count]).toEqual(["Chart 1", "Pie", 1]);
    });
    expect(host.charts("Review")).toEqual([
      expect.objectContaining({
        type: "Pie",
        title: { text: "Amount", visible: true },
        source: { address: "Review!A1:B4", seriesBy: "Auto" },
        series: [expect.objectContaining({ name: "Amount", values: "Review!B2:B4", xValues: "Review!A2:A4" })],
        position: { top: 0, left: 0, width: 360, height: 216 },
      }),
    ]);
  });

  test("dates formatted as dates in the first column are categories, as for a trend chart", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Review");
      sheet.charts.add("ColumnClustered", sheet.getRange("D1:E3"));
      await context.sync();
    });
    expect(host.charts("Review")[0].series).toEqual([expect.objectContaining({ name: "Total", values: "Review!E2:E3", xValues: "Review!D2:D3" })]);
  });

  test("an empty top-left cell marks both series names and categories; seriesBy Rows makes a series per row", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data Sheet");
      sheet.charts.add("ColumnClustered", sheet.getRange("A1:D3"), "Rows");
      sheet.charts.add("ColumnClustered", sheet.getRange("A1:D3"), "Columns");
      await context.sync();
    });
    const [byRows, byCols] = host.charts("Data Sheet");
    expect(byRows.series.map((s) => [s.name, s.values, s.xValues])).toEqual([
      ["North", "'Data Sheet'!B2:D2", "'Data Sheet'!B1:D1"],
      ["South", "'Data Sheet'!B3:D3", "'Data Sheet'!B1:D1"],
    ]);
    expect(byCols.series.map((s) => s.name)).toEqual(["Q1", "Q2", "Q3"]);
  });

  test("Auto plots series in columns when the range has at least as many rows as columns, else in rows", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data Sheet");
      sheet.charts.add("Line", sheet.getRange("A1:D3"));
      await context.sync();
    });
    expect(host.charts("Data Sheet")[0].series.map((s) => s.name)).toEqual(["North", "South"]);
  });

  test("an unknown chart type is InvalidArgument (ChartType values only)", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Review");
        sheet.charts.add("Donut3D" as Excel.ChartType, sheet.getRange("A1:B4"));
        await context.sync();
      }),
      "InvalidArgument",
    );
  });
});

describe("chart properties and position", () => {
  test("name, title.text, chartType and legend are settable; getItem/getItemOrNullObject find charts by name", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Review");
      const chart = sheet.charts.add("Pie", sheet.getRange("A1:B4"));
      chart.name = "AllocationPie";
      chart.title.text = "资产配置";
      chart.chartType = "Doughnut";
      chart.legend.position = "Right";
      await context.sync();
      const found = sheet.charts.getItem("AllocationPie").load("name");
      const missing = sheet.charts.getItemOrNullObject("Nope");
      const title = found.title.load("text, visible");
      await context.sync();
      expect([found.name, title.text, title.visible, missing.isNullObject]).toEqual(["AllocationPie", "资产配置", true, true]);
      sheet.charts.getItem("Nope").load("name");
      await rejectsWith(context.sync(), "ItemNotFound");
    });
    expect(host.charts("Review")[0]).toMatchObject({ name: "AllocationPie", type: "Doughnut", legend: { position: "Right" } });
  });

  test("setPosition(start, end) places the chart over the cells: top/left from the start cell, size to the end cell's far corner", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Review");
      sheet.getRange("A:A").format.columnWidth = 100;
      sheet.getRange("1:1").format.rowHeight = 30;
      const chart = sheet.charts.add("Pie", sheet.getRange("A1:B4"));
      chart.setPosition("B2", "D11");
      chart.load("top, left, width, height");
      await context.sync();
      expect([chart.top, chart.left, chart.width, chart.height]).toEqual([30, 100, 3 * 48, 10 * 15]);
    });
    expect(host.charts("Review")[0].anchor).toEqual({ start: "B2", end: "D11" });
  });

  test("setPosition with only a start cell keeps the size; top/left/width/height can be set directly", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Review");
      const chart = sheet.charts.add("Pie", sheet.getRange("A1:B4"));
      chart.setPosition(sheet.getRange("C3"));
      chart.width = 500;
      await context.sync();
    });
    expect(host.charts("Review")[0].position).toEqual({ top: 30, left: 96, width: 500, height: 216 });
  });

  test("chart.delete() removes it", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Review");
      sheet.charts.add("Pie", sheet.getRange("A1:B4")).delete();
      const count = sheet.charts.getCount();
      await context.sync();
      expect(count.value).toBe(0);
    });
  });
});

describe("series (ChartSeriesCollection.add / setValues / setXAxisValues: ExcelApi 1.7)", () => {
  test("series.add(name) then setValues and setXAxisValues point the series at ranges", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Review");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B4"));
      const series = chart.series.add("Totals");
      series.setValues(sheet.getRange("E2:E3"));
      series.setXAxisValues(sheet.getRange("D2:D3"));
      const first = chart.series.getItemAt(1).load("name");
      const values = series.getDimensionValues("Values");
      const categories = series.getDimensionValues(Excel.ChartSeriesDimension.categories);
      await context.sync();
      expect(first.name).toBe("Totals");
      expect(values.value).toEqual(["900", "950"]);
      expect(categories.value).toEqual(["2024-01-01", "2024-04-01"]);
    });
    expect(host.charts("Review")[0].series[1]).toMatchObject({ name: "Totals", values: "Review!E2:E3", xValues: "Review!D2:D3" });
  });

  test("series items load their names; a series can be renamed and deleted", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data Sheet");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:D3"), "Rows");
      const series = chart.series.load("items/name");
      await context.sync();
      expect(series.items.map((s) => s.name)).toEqual(["North", "South"]);
      series.items[0].name = "北区";
      series.items[1].delete();
      await context.sync();
    });
    expect(host.charts("Data Sheet")[0].series.map((s) => s.name)).toEqual(["北区"]);
  });

  test("setValues is ApiNotFound on an ExcelApi 1.6 host", async () => {
    host.setSupported({ ExcelApi: "1.6" });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Review");
      const chart = sheet.charts.add("Pie", sheet.getRange("A1:B4"));
      const series = chart.series.getItemAt(0);
      expect(() => series.setValues(sheet.getRange("B2:B4"))).toThrow(/ChartSeries.setValues is part of the ExcelApi 1.7/);
      await context.sync();
    });
  });
});
