/**
 * The stricter rules: table filters and deleting a filtered table's rows (office-js#994), Excel's size limits
 * (32,767 characters a cell and a note, 8,192 a formula, 255 series a chart), invalid number formats, undefined in
 * an input array, and the co-author hook between syncs. Sources are in table.ts, limits.ts and sheet-ops.ts.
 */
import { type FakeHost, installFakeOffice } from "../index";
import { numberFormatProblem } from "../core/limits";
import { rejectsWith } from "./support";

let host: FakeHost;
beforeEach(() => {
  host = installFakeOffice({
    supported: { ExcelApi: "1.18" },
    workbook: {
      sheets: [
        {
          name: "Data",
          rows: [
            ["Id", "Who"],
            ["H1", "C1"],
            ["H2", "C2"],
            ["H3", "C1"],
            ["H4", "C2"],
          ],
          tables: [{ name: "T", address: "A1:B5" }],
        },
      ],
    },
  });
});
afterEach(() => host.uninstall());

async function run(batch: (ctx: Excel.RequestContext) => void): Promise<void> {
  await Excel.run(async (ctx) => {
    batch(ctx);
    await ctx.sync();
  });
}

const filterC1 = (ctx: Excel.RequestContext) => ctx.workbook.tables.getItem("T").columns.getItem("Who").filter.apply({ filterOn: "Values", values: ["C1"] });

describe("table filters (TableColumn.filter, ExcelApi 1.2)", () => {
  test("a Values filter hides the rows it excludes; criteria read back; clearFilters shows them again", async () => {
    await run(filterC1);
    expect([2, 3, 4, 5].map((r) => host.sheet("Data")!.rowHeight(r) === 0)).toEqual([false, true, false, true]);
    const criteria = await Excel.run(async (ctx) => {
      const cols = ctx.workbook.tables.getItem("T").columns.load("items/filter/criteria");
      await ctx.sync();
      return cols.items.map((c) => c.filter.criteria);
    });
    expect(criteria).toEqual([null, { filterOn: "Values", values: ["C1"] }]);
    await run((ctx) => ctx.workbook.tables.getItem("T").clearFilters());
    expect([2, 3, 4, 5].map((r) => host.sheet("Data")!.rowHeight(r) === 0)).toEqual([false, false, false, false]);
  });

  test("criteria other than Values are NotImplemented (fails loudly)", async () => {
    await rejectsWith(run((ctx) => ctx.workbook.tables.getItem("T").columns.getItem("Who").filter.apply({ filterOn: "Custom", criterion1: "=C1" })), "NotImplemented");
  });

  test("deleting a row of a filtered table is InsertDeleteConflict (office-js#994), and nothing is deleted; after clearFilters it works", async () => {
    await run(filterC1);
    await rejectsWith(run((ctx) => ctx.workbook.tables.getItem("T").rows.getItemAt(1).delete()), "InsertDeleteConflict");
    await rejectsWith(run((ctx) => ctx.workbook.worksheets.getItem("Data").getRange("A3:B3").delete("Up")), "InsertDeleteConflict");
    expect(host.getValues("Data", "A2:A5")).toEqual([["H1"], ["H2"], ["H3"], ["H4"]]);
    await run((ctx) => {
      const t = ctx.workbook.tables.getItem("T");
      t.clearFilters();
      t.rows.getItemAt(1).delete();
    });
    expect(host.getValues("Data", "A2:A4")).toEqual([["H1"], ["H3"], ["H4"]]);
  });
});

describe("size limits (Excel specifications and limits)", () => {
  test("a cell takes 32,767 characters; 32,768 is InvalidArgument and the cell keeps its content", async () => {
    await run((ctx) => (ctx.workbook.worksheets.getItem("Data").getRange("D1").values = [["x".repeat(32_767)]]));
    expect(String(host.getValues("Data", "D1")[0][0])).toHaveLength(32_767);
    await rejectsWith(run((ctx) => (ctx.workbook.worksheets.getItem("Data").getRange("D1").values = [["y".repeat(32_768)]])), "InvalidArgument");
    expect(String(host.getValues("Data", "D1")[0][0])).toBe("x".repeat(32_767));
  });

  test("the limit holds in a Text cell too, and through rows.add", async () => {
    await run((ctx) => (ctx.workbook.worksheets.getItem("Data").getRange("D2").numberFormat = [["@"]]));
    await rejectsWith(run((ctx) => (ctx.workbook.worksheets.getItem("Data").getRange("D2").values = [["=" + "1".repeat(32_767)]])), "InvalidArgument");
    await rejectsWith(run((ctx) => ctx.workbook.tables.getItem("T").rows.add(undefined, [["H5", "z".repeat(40_000)]])), "InvalidArgument");
  });

  test("a formula takes 8,192 characters; longer is GeneralException (office-js#3256), also when a \"-…\" string becomes one", async () => {
    const f = "=" + "1+".repeat(4095) + "1"; // 8,192 characters
    expect(f).toHaveLength(8_192);
    await run((ctx) => (ctx.workbook.worksheets.getItem("Data").getRange("D3").formulas = [[f]]));
    await rejectsWith(run((ctx) => (ctx.workbook.worksheets.getItem("Data").getRange("D3").formulas = [[f + "1"]])), "GeneralException");
    await rejectsWith(run((ctx) => (ctx.workbook.worksheets.getItem("Data").getRange("D4").values = [["-" + "a".repeat(8_200)]])), "GeneralException");
    // As text (in a "@" cell) the same string is fine.
    await run((ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("D4");
      r.numberFormat = [["@"]];
      r.values = [["-" + "a".repeat(8_200)]];
    });
    expect(host.sheet("Data")!.cell("D4").formula).toBeUndefined();
  });

  test("a note takes 32,767 characters; more is InvalidArgument", async () => {
    await run((ctx) => ctx.workbook.worksheets.getItem("Data").notes.add("D5", "n".repeat(32_767)));
    await rejectsWith(run((ctx) => ctx.workbook.worksheets.getItem("Data").notes.add("D6", "n".repeat(32_768))), "InvalidArgument");
  });

  test("a chart holds at most 255 series: a source of 256 value columns is InvalidArgument, 255 is fine", async () => {
    const row = (n: number, v: (j: number) => string | number) => Array.from({ length: n }, (_, j) => v(j));
    await run((ctx) => {
      const ws = ctx.workbook.worksheets.add("Wide");
      ws.getRangeByIndexes(0, 0, 2, 257).values = [row(257, (j) => (j === 0 ? "" : `S${j}`)), row(257, (j) => (j === 0 ? "x" : j))];
    });
    await run((ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Wide");
      ws.charts.add("ColumnClustered", ws.getRangeByIndexes(0, 0, 2, 256), "Columns");
    });
    await rejectsWith(
      run((ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Wide");
        ws.charts.add("ColumnClustered", ws.getRangeByIndexes(0, 0, 2, 257), "Columns");
      }),
      "InvalidArgument",
    );
  });
});

describe("number formats", () => {
  test.each(["General", "@", "0.00", "yyyy-mm-dd", "#,##0;[Red]-#,##0", '"¥"#,##0.00', "[$-804]yyyy\"年\"m\"月\"d\"日\"", "[>=100]0;0.0", "[h]:mm", "0.00_);(0.00)", "[Color10]0", "0;0;0;@"])("%j is usable", (code) => {
    expect(numberFormatProblem(code)).toBeUndefined();
  });

  test.each(['"unclosed', "[Purple]0", "0;0;0;@;0", "0.00\\", "[Color57]0", "0]", "[<100"])("%j is refused with InvalidArgument", async (code) => {
    expect(numberFormatProblem(code)).toBeDefined();
    await rejectsWith(run((ctx) => (ctx.workbook.worksheets.getItem("Data").getRange("D1").numberFormat = [[code]])), "InvalidArgument");
  });
});

describe("a Text (\"@\") cell keeps what is typed", () => {
  test("\"#N/A\" typed into a \"@\" cell is text (valueTypes String); into General it is the error value", async () => {
    await run((ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Data");
      ws.getRange("D1").numberFormat = [["@"]];
      ws.getRange("D1:E1").values = [["#N/A", "#N/A"]];
    });
    const types = await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("D1:E1").load("valueTypes");
      await ctx.sync();
      return r.valueTypes;
    });
    expect(types).toEqual([["String", "Error"]]);
  });
});

describe("undefined in an input array", () => {
  test("values, numberFormat and rows.add refuse undefined (null leaves a cell, \"\" clears it)", async () => {
    const ws = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem("Data");
    await rejectsWith(run((ctx) => (ws(ctx).getRange("D1:E1").values = [["a", undefined as unknown as string]])), "InvalidArgument");
    await rejectsWith(run((ctx) => (ws(ctx).getRange("D1:E1").numberFormat = [["@", undefined as unknown as string]])), "InvalidArgument");
    await rejectsWith(run((ctx) => ctx.workbook.tables.getItem("T").rows.add(undefined, [["H5", undefined as unknown as string]])), "InvalidArgument");
    await run((ctx) => (ws(ctx).getRange("A2:B2").values = [[null as unknown as string, "C9"]]));
    expect(host.getValues("Data", "A2:B2")).toEqual([["H1", "C9"]]);
  });
});

describe("a co-author between syncs (host.coAuthor) and typed entry (host.type)", () => {
  test("the edit lands before the batch of the chosen sync, never inside one", async () => {
    host.coAuthor((sync) => {
      if (sync === 2) host.type("Data", "B2", [["=1+1"]]);
    });
    host.stats.reset();
    const seen = await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Data").getRange("B2").load("formulas");
      await ctx.sync();
      const first = r.formulas[0][0];
      const again = ctx.workbook.worksheets.getItem("Data").getRange("B2").load("formulas");
      await ctx.sync();
      return [first, again.formulas[0][0]];
    });
    host.coAuthor(undefined);
    expect(seen).toEqual(["C1", "=1+1"]);
  });
});
