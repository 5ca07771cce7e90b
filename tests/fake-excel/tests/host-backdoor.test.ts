/**
 * The test backdoor: seed a workbook, read it without proxies or syncs, and snapshot it for before/after checks.
 */
import { type FakeHost, installFakeOffice } from "../index";

let host: FakeHost;
afterEach(() => host.uninstall());

describe("host.load seeds a workbook", () => {
  beforeEach(() => {
    host = installFakeOffice();
    host.load({
      name: "Book.xlsx",
      activeSheet: "Holdings",
      settings: { bookLanguage: "zh-CN" },
      sheets: [
        { name: "Clients", rows: [["ClientId", "Name", "Phone"], ["C0001", "李明", "13812345678"]], tables: [{ name: "Clients", address: "A1:C2" }] },
        {
          name: "Holdings",
          at: "B2",
          rows: [["Amount", null, "'kept"]],
          cells: { B3: { value: 1200.5, numberFormat: "#,##0.00" }, B4: { formula: "=SUM(B3)", value: 1200.5 } },
          notes: [{ address: "B3", content: "checked" }],
        },
      ],
    });
  });

  test("seeded strings stay text (no typing conversions), tables get their names and columns", () => {
    expect(host.getValues("Clients", "A2:C2")).toEqual([["C0001", "李明", "13812345678"]]);
    expect(host.table("Clients")).toMatchObject({ columns: ["ClientId", "Name", "Phone"], dataAddress: "Clients!A2:C2" });
    expect(host.getValues("Holdings", "B2:D2")).toEqual([["Amount", "", "'kept"]]);
  });

  test("cells, formulas with cached values, number formats, notes, settings and the active sheet", async () => {
    const sheet = host.sheet("Holdings");
    expect(sheet?.cell("B4")).toMatchObject({ formula: "=SUM(B3)", value: 1200.5, text: "1200.5" });
    expect(host.getText("Holdings", "B3")).toEqual([["1,200.50"]]);
    expect(host.notes()).toEqual([expect.objectContaining({ sheet: "Holdings", address: "B3", content: "checked" })]);
    expect(host.settings()).toEqual({ bookLanguage: "zh-CN" });
    expect(host.activeSheet()).toBe("Holdings");
    await Excel.run(async (context) => {
      const lang = context.workbook.settings.getItem("bookLanguage").load("value");
      const name = context.workbook.load("name");
      await context.sync();
      expect([lang.value, name.name]).toEqual(["zh-CN", "Book.xlsx"]);
    });
  });

  test("sheet views: used address, cells grid, formats and sizes", () => {
    const sheet = host.sheet("Holdings");
    expect(sheet?.usedAddress()).toBe("B2:D4");
    expect(sheet?.cells("B3:B4").map((row) => row[0].numberFormat)).toEqual(["#,##0.00", "General"]);
    expect(sheet?.format("B2").font.name).toBe("Aptos Narrow");
    expect([sheet?.columnWidth("B"), sheet?.rowHeight(2)]).toEqual([48, 15]);
    expect(host.sheet("Missing")).toBeUndefined();
  });

  test("bad seeds and bad backdoor addresses fail with a message that says what and where", () => {
    expect(() => host.getValues("Nope", "A1")).toThrow("no sheet named 'Nope'");
    expect(() => host.getValues("Clients", "A1:")).toThrow("'A1:' is not an A1 address");
    expect(() => host.load({ sheets: [{ name: "a/b" }] })).toThrow(/sheet 'a\/b'.*not allow/);
    expect(() => host.load({ sheets: [] })).toThrow("at least one sheet");
  });
});

describe("host.snapshot: a deep copy for before/after comparisons", () => {
  beforeEach(() => {
    host = installFakeOffice({
      workbook: {
        sheets: [
          { name: "Clients", rows: [["Id", "Name"], ["C1", "Li"]], tables: [{ name: "ClientsTable", address: "A1:B2" }] },
          { name: "Out" },
        ],
      },
    });
  });

  test("a snapshot does not change when the workbook does, and shows exactly what changed", async () => {
    const before = host.snapshot();
    await Excel.run(async (context) => {
      const out = context.workbook.worksheets.getItem("Out");
      out.getRange("A1").values = [["report"]];
      out.getRange("A1").format.font.bold = true;
      await context.sync();
    });
    const after = host.snapshot();
    expect(before.sheets[1].cells).toEqual({});
    expect(after.sheets[1].cells).toEqual({ A1: { value: "report", format: { bold: true } } });
    expect(after.sheets[0]).toEqual(before.sheets[0]);
  });

  test("the snapshot holds tables, charts, freeze panes, validations and settings as plain data", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Clients");
      sheet.freezePanes.freezeRows(1);
      sheet.charts.add("Pie", sheet.getRange("A1:B2"), "Columns");
      sheet.getRange("B2").dataValidation.rule = { list: { inCellDropDown: true, source: "Li,Wang" } };
      context.workbook.settings.add("k", [1, 2]);
      await context.sync();
    });
    const snap = host.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(snap.sheets[0]).toMatchObject({
      freeze: { rows: 1, columns: 0 },
      tables: [expect.objectContaining({ name: "ClientsTable" })],
      charts: [expect.objectContaining({ type: "Pie" })],
      validations: [expect.objectContaining({ ranges: ["Clients!B2"], type: "List" })],
    });
    expect(snap.settings).toEqual({ k: [1, 2] });
  });
});
