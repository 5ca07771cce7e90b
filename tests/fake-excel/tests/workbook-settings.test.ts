/**
 * Workbook-level API: settings (Excel.SettingCollection, ExcelApi 1.4,
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection), application.calculationMode,
 * insertWorksheetsFromBase64 (ExcelApi 1.13, https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-insertworksheetsfrombase64-member(1)).
 */
import { type FakeHost, installFakeOffice, type SheetSeed } from "../index";
import { rejectsWith } from "./support";

let host: FakeHost;
beforeEach(() => {
  host = installFakeOffice({ workbook: { sheets: [{ name: "Clients" }, { name: "Review" }] } });
});
afterEach(() => host.uninstall());

describe("workbook.settings", () => {
  test("add stores a value (replacing an existing key); getItem reads it back in a later Excel.run", async () => {
    await Excel.run(async (context) => {
      context.workbook.settings.add("bookLanguage", "zh-CN");
      context.workbook.settings.add("defaults", { years: 10, rate: 0.03 });
      context.workbook.settings.add("bookLanguage", "zh-TW");
      await context.sync();
    });
    await Excel.run(async (context) => {
      const lang = context.workbook.settings.getItem("bookLanguage").load("value, key");
      const defaults = context.workbook.settings.getItem("defaults").load("value");
      const count = context.workbook.settings.getCount();
      await context.sync();
      expect([lang.key, lang.value, defaults.value, count.value]).toEqual(["bookLanguage", "zh-TW", { years: 10, rate: 0.03 }, 2]);
    });
    expect(host.settings()).toEqual({ bookLanguage: "zh-TW", defaults: { years: 10, rate: 0.03 } });
  });

  test("a missing key: getItem is ItemNotFound, getItemOrNullObject is a null object", async () => {
    await Excel.run(async (context) => {
      const missing = context.workbook.settings.getItemOrNullObject("nope");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      context.workbook.settings.getItem("nope").load("value");
      await rejectsWith(context.sync(), "ItemNotFound");
    });
  });

  test("Dates come back as Dates; delete removes a setting; items list them", async () => {
    await Excel.run(async (context) => {
      context.workbook.settings.add("setupAt", new Date("2025-03-01T00:00:00Z"));
      context.workbook.settings.add("gone", 1);
      await context.sync();
      context.workbook.settings.getItem("gone").delete();
      const items = context.workbook.settings.load("items/key, items/value");
      await context.sync();
      expect(items.items.map((s) => s.key)).toEqual(["setupAt"]);
      expect(items.items[0].value).toEqual(new Date("2025-03-01T00:00:00Z"));
    });
  });

  test("settings are ExcelApi 1.4 (ApiNotFound on 1.3); an empty key is InvalidArgument", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.settings.add("", 1);
        await context.sync();
      }),
      "InvalidArgument",
    );
    host.setSupported({ ExcelApi: "1.3" });
    await Excel.run(async (context) => {
      expect(() => context.workbook.settings).toThrow(/ExcelApi 1.4/);
    });
  });
});

describe("application", () => {
  test("calculationMode reads Automatic and can be set (setting needs ExcelApi 1.8)", async () => {
    await Excel.run(async (context) => {
      const app = context.workbook.application.load("calculationMode");
      await context.sync();
      expect(app.calculationMode).toBe("Automatic");
      app.calculationMode = Excel.CalculationMode.manual;
      app.load("calculationMode");
      await context.sync();
      expect(app.calculationMode).toBe("Manual");
    });
    host.setSupported({ ExcelApi: "1.7" });
    await Excel.run(async (context) => {
      const app = context.application;
      app.load("calculationMode");
      await context.sync();
      expect(() => (app.calculationMode = "Automatic")).toThrow(/ExcelApi 1.8/);
    });
  });
});

describe("insertWorksheetsFromBase64 with a decoder hook (the fake cannot read .xlsx itself)", () => {
  const template: SheetSeed[] = [
    { name: "Clients", rows: [["ClientId", "Name"]], tables: [{ name: "TplClients", address: "A1:B2" }] },
    { name: "Holdings", rows: [["HoldingId"]] },
  ];

  test("inserts the decoded sheets, renames clashes to 'Name (2)', returns their ids", async () => {
    host.setXlsxDecoder((base64) => {
      expect(base64).toBe("UEsDBBQ=");
      return template;
    });
    await Excel.run(async (context) => {
      const ids = context.workbook.insertWorksheetsFromBase64("UEsDBBQ=", { positionType: "After", relativeTo: "Clients" });
      await context.sync();
      expect(ids.value).toHaveLength(2);
    });
    expect(host.sheetNames()).toEqual(["Clients", "Clients (2)", "Holdings", "Review"]);
    expect(host.table("TplClients")).toMatchObject({ sheet: "Clients (2)", columns: ["ClientId", "Name"] });
  });

  test("sheetNamesToInsert picks sheets; Beginning puts them first", async () => {
    host.setXlsxDecoder(() => template);
    await Excel.run(async (context) => {
      context.workbook.insertWorksheetsFromBase64("UEsDBBQ=", { sheetNamesToInsert: ["Holdings"], positionType: Excel.WorksheetPositionType.beginning });
      await context.sync();
    });
    expect(host.sheetNames()).toEqual(["Holdings", "Clients", "Review"]);
  });

  test("without a decoder the call is NotImplemented; on an ExcelApi 1.12 host it is ApiNotFound", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.insertWorksheetsFromBase64("UEsDBBQ=");
        await context.sync();
      }),
      "NotImplemented",
    );
    host.setSupported({ ExcelApi: "1.12" });
    await Excel.run(async (context) => {
      expect(() => context.workbook.insertWorksheetsFromBase64("UEsDBBQ=")).toThrow(/ExcelApi 1.13/);
    });
  });

  test("text that is not base64 is InvalidArgument", async () => {
    host.setXlsxDecoder(() => template);
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.insertWorksheetsFromBase64("not base64!");
        await context.sync();
      }),
      "InvalidArgument",
    );
  });
});
