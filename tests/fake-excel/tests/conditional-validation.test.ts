/**
 * Conditional formats ("Apply conditional formatting": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting)
 * and data validation ("Add data validation to Excel ranges": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation).
 */
import { type FakeHost, installFakeOffice } from "../index";
import { rejectsWith } from "./support";

let host: FakeHost;
beforeEach(() => {
  host = installFakeOffice({ workbook: { sheets: [{ name: "List" }, { name: "Codes", rows: [["C1"], ["C2"], ["C3"]] }] } });
});
afterEach(() => host.uninstall());

describe("custom conditional formats", () => {
  test("add('Custom') with rule.formula, fill color and font color/bold", async () => {
    await Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem("List").getRange("A2:H50").conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = "=$H2<TODAY()";
      cf.custom.format.fill.color = "#FFC7CE";
      cf.custom.format.font.color = "#9C0006";
      cf.custom.format.font.bold = true;
      await context.sync();
      cf.load("type, priority");
      const rule = cf.custom.rule.load("formula");
      await context.sync();
      expect([cf.type, cf.priority, rule.formula]).toEqual(["Custom", 0, "=$H2<TODAY()"]);
    });
    expect(host.conditionalFormats("List")).toEqual([
      expect.objectContaining({ type: "Custom", ranges: ["List!A2:H50"], formula: "=$H2<TODAY()", format: { fill: "#FFC7CE", fontColor: "#9C0006", bold: true } }),
    ]);
  });

  test("a new format takes priority 0 and pushes the others down; the collection of a range holds the formats touching it", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("List");
      sheet.getRange("A1:A10").conditionalFormats.add("Custom").custom.rule.formula = "=A1>1";
      sheet.getRange("A5:B5").conditionalFormats.add("Custom").custom.rule.formula = "=A5>2";
      const touching = sheet.getRange("A2").conditionalFormats.load("items/priority");
      const count = sheet.getRange("B5").conditionalFormats.getCount();
      await context.sync();
      expect(touching.items.map((cf) => cf.priority)).toEqual([1]);
      expect(count.value).toBe(1);
    });
    expect(host.conditionalFormats("List").map((cf) => [cf.formula, cf.priority])).toEqual([
      ["=A5>2", 0],
      ["=A1>1", 1],
    ]);
  });

  test("clearAll removes the range's cells from the formats (formats outside the range keep the rest of their area)", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("List");
      sheet.getRange("A1:A10").conditionalFormats.add("Custom").custom.rule.formula = "=A1>1";
      sheet.getRange("C1:C3").conditionalFormats.add("Custom").custom.rule.formula = "=C1>1";
      await context.sync();
      sheet.getRange("A6:C10").conditionalFormats.clearAll();
      await context.sync();
    });
    expect(host.conditionalFormats("List").map((cf) => cf.ranges)).toEqual([["List!C1:C3"], ["List!A1:A5"]]);
  });

  test("types the fake does not model (DataBar, ColorScale, …) fail with NotImplemented, not silently", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("List").getRange("A1:A3").conditionalFormats.add("DataBar");
        await context.sync();
      }),
      "NotImplemented",
    );
  });

  test("conditional formats are ExcelApi 1.6: ApiNotFound on a 1.5 host", async () => {
    host.setSupported({ ExcelApi: "1.5" });
    await Excel.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem("List").getRange("A1").conditionalFormats).toThrow(/ExcelApi 1.6/);
    });
  });
});

describe("data validation", () => {
  test("a list rule from text: { list: { inCellDropDown, source } }", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("List").getRange("B2:B20");
      range.dataValidation.rule = { list: { inCellDropDown: true, source: "C1,C2,C3,C4,C5" } };
      await context.sync();
      const dv = range.dataValidation.load("type, rule, ignoreBlanks");
      await context.sync();
      expect([dv.type, dv.rule, dv.ignoreBlanks]).toEqual(["List", { list: { inCellDropDown: true, source: "C1,C2,C3,C4,C5" } }, true]);
    });
    expect(host.validations("List")).toEqual([expect.objectContaining({ ranges: ["List!B2:B20"], type: "List" })]);
  });

  test("a list rule from a Range is kept as an absolute reference, as Excel reports it", async () => {
    await Excel.run(async (context) => {
      const source = context.workbook.worksheets.getItem("Codes").getRange("A1:A3");
      context.workbook.worksheets.getItem("List").getRange("B2").dataValidation.rule = { list: { inCellDropDown: true, source } };
      await context.sync();
    });
    expect(host.sheet("List")?.validationAt("B2")?.rule).toEqual({ list: { inCellDropDown: true, source: "=Codes!$A$1:$A$3" } });
  });

  test("a rule naming two kinds is InvalidArgument (\"No more than one of these properties may be present\")", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("List").getRange("B2").dataValidation.rule = {
          list: { inCellDropDown: true, source: "a,b" },
          wholeNumber: { formula1: 0, operator: "GreaterThan" },
        };
        await context.sync();
      }),
      "InvalidArgument",
    );
  });

  test("clear() removes validation from the overlapping cells only; mixed cells read type Inconsistent", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("List");
      sheet.getRange("B2:B10").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThan" } };
      await context.sync();
      sheet.getRange("B5:B6").dataValidation.clear();
      const mixed = sheet.getRange("B4:B5").dataValidation.load("type");
      const none = sheet.getRange("B5").dataValidation.load("type");
      await context.sync();
      expect([mixed.type, none.type]).toEqual(["Inconsistent", "None"]);
    });
    expect(host.validations("List")[0].ranges).toEqual(["List!B2:B4", "List!B7:B10"]);
  });

  test("errorAlert and prompt are stored with the rule", async () => {
    await Excel.run(async (context) => {
      const dv = context.workbook.worksheets.getItem("List").getRange("B2").dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: "T,E,M" } };
      dv.errorAlert = { message: "T, E or M", showAlert: true, style: "Stop", title: "Channel" };
      dv.prompt = { message: "Pick a channel", showPrompt: true, title: "Channel" };
      await context.sync();
    });
    expect(host.sheet("List")?.validationAt("B2")).toMatchObject({ errorAlert: { message: "T, E or M", style: "Stop" }, prompt: { showPrompt: true } });
  });
});
