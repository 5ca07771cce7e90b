/**
 * The globals add-in code sees: Excel, Office and OfficeExtension.
 * Office.context.requirements: https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport
 * Office.onReady: https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in
 * Excel enums are string enums at run time: https://learn.microsoft.com/javascript/api/excel/excel.charttype
 */
import { type FakeHost, installFakeOffice } from "../index";
import { rejectsWith, throwsWith } from "./support";

let host: FakeHost;
afterEach(() => host?.uninstall());

describe("Office.context.requirements.isSetSupported (requirement sets, configurable per test)", () => {
  test("a map of set → highest version answers like Office: minimum versions compare numerically (1.9 < 1.12)", () => {
    host = installFakeOffice({ supported: { ExcelApi: "1.12", SharedRuntime: "1.1" } });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(Office.context.requirements.isSetSupported("ExcelApi")).toBe(true);
    expect(Office.context.requirements.isSetSupported("excelapi", "1.4")).toBe(true);
    expect(Office.context.requirements.isSetSupported("SharedRuntime", "1.1")).toBe(true);
    expect(Office.context.requirements.isSetSupported("WordApi", "1.1")).toBe(false);
  });

  test("a predicate can decide instead, and setSupported changes the answer mid-test", () => {
    host = installFakeOffice({ supported: (name, min) => name === "ExcelApi" && (min === undefined || min <= "1.1") });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.1")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.2")).toBe(false);
    host.setSupported({ ExcelApi: "1.18" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(true);
    expect(host.isSetSupported("ExcelApi", "1.19")).toBe(false);
  });

  test("by default every set of the typings is supported (ExcelApi 1.21)", () => {
    host = installFakeOffice();
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.21")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.22")).toBe(false);
  });
});

describe("Office.js refuses members of unsupported sets with ApiNotFound, synchronously", () => {
  test("worksheet.notes (ExcelApi 1.18) on an ExcelApi 1.12 host throws ApiNotFound with Office.js's wording", async () => {
    host = installFakeOffice({ supported: { ExcelApi: "1.12" } });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const error = throwsWith(() => sheet.notes, "ApiNotFound");
      expect(error.message).toContain("The method or property Worksheet.notes is part of the ExcelApi 1.18 requirement set, which is not available in your version of Excel.");
      await context.sync();
    });
  });

  test("workbook.comments (ExcelApi 1.10) works on ExcelApi 1.12 but not on 1.9", async () => {
    host = installFakeOffice({ supported: { ExcelApi: "1.12" } });
    await Excel.run(async (context) => {
      context.workbook.comments.add("Sheet1!A1", "hi");
      await context.sync();
    });
    expect(host.comments()).toHaveLength(1);
    host.setSupported({ ExcelApi: "1.9" });
    await Excel.run(async (context) => {
      throwsWith(() => context.workbook.comments, "ApiNotFound");
    });
  });

  test("Excel.createWorkbook (ExcelApi 1.8) rejects with ApiNotFound on 1.7 and is recorded when supported", async () => {
    host = installFakeOffice({ supported: { ExcelApi: "1.7" } });
    await rejectsWith(Excel.createWorkbook("UEsDBA=="), "ApiNotFound");
    expect(host.createdWorkbooks).toEqual([]);
    host.setSupported({ ExcelApi: "1.8" });
    await Excel.createWorkbook("UEsDBA==");
    await Excel.createWorkbook();
    expect(host.createdWorkbooks).toEqual(["UEsDBA==", undefined]);
  });
});

describe("Office host information", () => {
  test("displayLanguage is configurable and can change during a test", () => {
    host = installFakeOffice({ displayLanguage: "zh-CN" });
    expect(Office.context.displayLanguage).toBe("zh-CN");
    host.displayLanguage = "zh-TW";
    expect(Office.context.displayLanguage).toBe("zh-TW");
  });

  test("Office.onReady resolves with the Excel host and calls the callback", async () => {
    host = installFakeOffice();
    const seen: unknown[] = [];
    const info = await Office.onReady((i) => seen.push(i));
    expect(info.host).toBe(Office.HostType.Excel);
    expect(Office.HostType.Excel).toBe("Excel");
    expect(seen).toEqual([info]);
  });
});

describe("Excel enums are string-valued like the real ones", () => {
  test("ChartType, ConditionalFormatType, BorderIndex, BorderLineStyle, ErrorCodes", () => {
    host = installFakeOffice();
    expect(Excel.ChartType.pie).toBe("Pie");
    expect(Excel.ChartType.columnClustered).toBe("ColumnClustered");
    expect(Excel.ConditionalFormatType.custom).toBe("Custom");
    expect(Excel.BorderIndex.edgeBottom).toBe("EdgeBottom");
    expect(Excel.BorderLineStyle.continuous).toBe("Continuous");
    expect(Excel.ErrorCodes.itemNotFound).toBe("ItemNotFound");
    expect(Excel.SheetVisibility.veryHidden).toBe("VeryHidden");
  });
});

describe("installing and uninstalling", () => {
  test("uninstall restores what was on globalThis before", () => {
    const g = globalThis as unknown as Record<string, unknown>;
    g.Office = "previous";
    const h = installFakeOffice();
    expect(typeof Office.context.requirements.isSetSupported).toBe("function");
    h.uninstall();
    expect(g.Office).toBe("previous");
    expect("Excel" in g).toBe(false);
    delete g.Office;
  });

  test("errors are instances of OfficeExtension.Error with the name RichApi.Error, as Office.js reports them", async () => {
    host = installFakeOffice();
    const error = await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Nope");
        await context.sync();
      }),
      "ItemNotFound",
    );
    expect(error).toBeInstanceOf(OfficeExtension.Error);
    expect(error.name).toBe("RichApi.Error");
    expect(String(error)).toMatch(/^ItemNotFound: /);
  });
});
