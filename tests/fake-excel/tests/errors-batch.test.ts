/**
 * Failed batches: codes and debugInfo as Office.js reports them
 * ("Error handling with the application-specific JavaScript APIs":
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling;
 * OfficeExtension.Error / DebugInfo: https://learn.microsoft.com/javascript/api/office/officeextension.debuginfo).
 * The fake's documented choice: steps before the failing one stay applied (Excel does not roll a batch back),
 * the rest are not run, and no loaded value of the failed batch is delivered.
 */
import { type FakeHost, installFakeOffice } from "../index";
import { rejectsWith, throwsWith } from "./support";

let host: FakeHost;
beforeEach(() => {
  host = installFakeOffice({ workbook: { sheets: [{ name: "Data", rows: [["a"]] }] } });
});
afterEach(() => host.uninstall());

describe("a step that fails rejects the sync with Office's code and debug info", () => {
  test("ItemNotFound from worksheets.getItem carries errorLocation, the statement and its neighbours", async () => {
    const error = await rejectsWith(
      Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem("Data").getRange("A1").values = [["before"]];
        sheets.getItem("Missing").getRange("A1").values = [["never"]];
        await context.sync();
      }),
      "ItemNotFound",
    );
    expect(error.message).toMatch(/^The requested resource doesn't exist\./);
    expect(error.debugInfo.code).toBe("ItemNotFound");
    expect(error.debugInfo.errorLocation).toBe("WorksheetCollection.getItem");
    expect(error.debugInfo.statement).toBe('workbook.worksheets.getItem("Missing");');
    expect(error.debugInfo.surroundingStatements?.some((s) => s.startsWith(">>>>> ") && s.includes('getItem("Missing")'))).toBe(true);
    expect(error.debugInfo.fullStatements).toEqual(["Please enable config.extendedErrorLogging to see full statements."]);
  });

  test("steps before the failing one stay applied, later ones are not run, loads of the batch are not delivered", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const loaded = sheet.getRange("A1").load("values");
      sheet.getRange("B1").values = [["applied"]];
      sheet.getRange("C1").values = [[1, 2]];
      sheet.getRange("D1").values = [["not applied"]];
      await rejectsWith(context.sync(), "InvalidArgument");
      throwsWith(() => loaded.values, "PropertyNotLoaded");
    });
    expect(host.getValues("Data", "A1:D1")).toEqual([["a", "applied", "", ""]]);
  });

  test("with OfficeExtension.config.extendedErrorLogging the full statement list is reported", async () => {
    OfficeExtension.config.extendedErrorLogging = true;
    const error = await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.add("Data");
        await context.sync();
      }),
      "ItemAlreadyExists",
    );
    expect(error.debugInfo.fullStatements).toEqual(["workbook.worksheets;", 'workbook.worksheets.add("Data");']);
    expect(error.debugInfo.errorLocation).toBe("WorksheetCollection.add");
  });

  test("the context keeps working after a failed sync", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Missing");
      await rejectsWith(context.sync(), "ItemNotFound");
      const range = context.workbook.worksheets.getItem("Data").getRange("A1").load("values");
      await context.sync();
      expect(range.values).toEqual([["a"]]);
    });
  });

  test("an invalid enum value is InvalidArgument at sync, naming the allowed values", async () => {
    const error = await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").format.horizontalAlignment = "Middle" as Excel.HorizontalAlignment;
        await context.sync();
      }),
      "InvalidArgument",
    );
    expect(error.message).toContain("Center");
    expect(error.debugInfo.errorLocation).toBe("RangeFormat.horizontalAlignment");
  });
});
