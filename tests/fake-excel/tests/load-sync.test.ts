/**
 * The proxy-object discipline of the application-specific API model
 * (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model):
 * queued writes, load + sync before reads, *OrNullObject, ClientResult, Excel.run's implicit sync.
 */
import { type FakeHost, installFakeOffice } from "../index";
import { rejectsWith, throwsWith } from "./support";

let host: FakeHost;
beforeEach(() => {
  host = installFakeOffice({
    workbook: { sheets: [{ name: "Data", rows: [["Name", "Amount"], ["Li", 10], ["Wang", 20]] }, { name: "Other" }] },
  });
});
afterEach(() => host.uninstall());

describe("load() and sync(): reading needs both (\"Before you can read the properties of a proxy object, you must explicitly load the properties … and then call context.sync()\")", () => {
  test("reading an unloaded property throws PropertyNotLoaded with Office.js's message", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B3");
      const error = throwsWith(() => range.values, "PropertyNotLoaded");
      expect(error.message).toBe(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
      await context.sync();
    });
  });

  test("a loaded property is readable only after sync", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B3");
      range.load("values");
      throwsWith(() => range.values, "PropertyNotLoaded");
      await context.sync();
      expect(range.values).toEqual([["Name", "Amount"], ["Li", 10], ["Wang", 20]]);
      throwsWith(() => range.address, "PropertyNotLoaded");
    });
  });

  test("load accepts 'a, b', ['a'], { select }, typed option trees and no argument (all scalars)", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const a = sheet.getRange("A1").load("address, rowCount");
      const b = sheet.getRange("B2").load(["values"]);
      const c = sheet.getRange("A2").load({ select: "text", expand: "format/font" });
      const d = sheet.getRange("B3").load({ numberFormat: true, format: { font: { bold: true } } });
      const e = sheet.getRange("A3").load();
      await context.sync();
      expect([a.address, a.rowCount]).toEqual(["Data!A1", 1]);
      expect(b.values).toEqual([[10]]);
      expect(c.text).toEqual([["Li"]]);
      expect(c.format.font.name).toBe("Aptos Narrow");
      expect(d.numberFormat).toEqual([["General"]]);
      expect(d.format.font.bold).toBe(false);
      expect(e.values).toEqual([["Wang"]]);
      expect(e.address).toBe("Data!A3");
    });
  });

  test("navigation paths load leaves only: load('format/font/bold') loads bold, not the font's other properties", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1");
      range.load("format/font/bold");
      await context.sync();
      expect(range.format.font.bold).toBe(false);
      throwsWith(() => range.format.font.color, "PropertyNotLoaded");
    });
  });

  test("collections: load('items/name') and load('name') both load each item's name; items before load throws", async () => {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      throwsWith(() => sheets.items, "PropertyNotLoaded");
      sheets.load("items/name");
      const again = context.workbook.worksheets.load("name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Data", "Other"]);
      expect(again.items.map((s) => s.name)).toEqual(["Data", "Other"]);
      throwsWith(() => sheets.items[0].position, "PropertyNotLoaded");
    });
  });

  test("a load reads the workbook at its place in the batch: writes queued before it are visible, later ones are not", async () => {
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Data").getRange("B2");
      const before = context.workbook.worksheets.getItem("Data").getRange("B2").load("values");
      cell.values = [[11]];
      const after = context.workbook.worksheets.getItem("Data").getRange("B2").load("values");
      cell.values = [[12]];
      await context.sync();
      expect(before.values).toEqual([[10]]);
      expect(after.values).toEqual([[11]]);
    });
    expect(host.getValues("Data", "B2")).toEqual([[12]]);
  });

  test("writes are queued: nothing changes in the workbook until sync", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A2").values = [["Zhao"]];
      expect(host.getValues("Data", "A2")).toEqual([["Li"]]);
      await context.sync();
      expect(host.getValues("Data", "A2")).toEqual([["Zhao"]]);
    });
  });

  test("a property the code set reads back as set without a load (Office.js setters keep the value locally)", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A2");
      range.values = [["'=x"]];
      expect(range.values).toEqual([["'=x"]]);
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([["=x"]]);
    });
  });

  test("loading a property the class does not have fails at sync with InvalidArgument naming it", async () => {
    const error = await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").load("valuez");
        await context.sync();
      }),
      "InvalidArgument",
    );
    expect(error.message).toContain("'valuez'");
  });

  test("toJSON returns the loaded properties as plain data", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data").load("name, position");
      await context.sync();
      expect(sheet.toJSON()).toEqual({ name: "Data", position: 0 });
    });
  });
});

describe("*OrNullObject methods (\"Office automatically loads this property when context.sync is called\")", () => {
  test("isNullObject is readable after sync without a load, and not before", async () => {
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("data");
      throwsWith(() => missing.isNullObject, "PropertyNotLoaded");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test("calls on a null object are ignored (getItemOrNullObject(x).delete() deletes only when x exists) and its properties read undefined", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItemOrNullObject("Nope").delete();
      context.workbook.worksheets.getItemOrNullObject("Other").delete();
      const ghost = context.workbook.worksheets.getItemOrNullObject("Ghost");
      ghost.load("name");
      ghost.getRange("A1").values = [[1]];
      await context.sync();
      expect(ghost.isNullObject).toBe(true);
      expect(ghost.name).toBeUndefined();
    });
    expect(host.sheetNames()).toEqual(["Data"]);
  });

  test("getItem of a missing item fails the sync with ItemNotFound even when nothing else uses it (the object is instantiated at its place in the batch)", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Missing");
        await context.sync();
      }),
      "ItemNotFound",
    );
  });

  test("an item added earlier in the same batch can be got later in that batch", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("New");
      const sheet = context.workbook.worksheets.getItem("New").load("name");
      await context.sync();
      expect(sheet.name).toBe("New");
    });
  });
});

describe("ClientResult (\"Your script can't access that value until context.sync() is called\")", () => {
  test("value throws ValueNotLoaded before sync and holds the result after", async () => {
    await Excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      const error = throwsWith(() => count.value, "ValueNotLoaded");
      expect(error.message).toContain("The value of the result object has not been loaded yet.");
      await context.sync();
      expect(count.value).toBe(2);
    });
  });
});

describe("Excel.run and RequestContext", () => {
  test("Excel.run syncs work still queued when the batch returns (an implicit sync, counted apart)", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("C1").values = [["x"]];
    });
    expect(host.getValues("Data", "C1")).toEqual([["x"]]);
    expect(host.stats.syncs).toBe(1);
    expect(host.stats.implicitSyncs).toBe(1);
  });

  test("a sync with nothing queued makes no round trip (not counted in syncs, counted in syncCalls)", async () => {
    await Excel.run(async (context) => {
      await context.sync();
      await context.sync();
    });
    expect(host.stats.syncs).toBe(0);
    expect(host.stats.syncCalls).toBe(2);
  });

  test("a batch function that does not return a promise is RunMustReturnPromise", async () => {
    const run = Excel.run as unknown as (f: (c: Excel.RequestContext) => unknown) => Promise<unknown>;
    await rejectsWith(run(() => 42), "RunMustReturnPromise");
  });

  test("sync passes its argument through", async () => {
    await Excel.run(async (context) => {
      expect(await context.sync("through")).toBe("through");
    });
  });

  test("new Excel.RequestContext() works outside Excel.run and context.load(obj, props) loads", async () => {
    const context = new Excel.RequestContext();
    const sheet = context.workbook.worksheets.getItem("Data");
    context.load(sheet, "name");
    await context.sync();
    expect(sheet.name).toBe("Data");
  });

  test("a context used after its Excel.run ended cannot sync (InvalidObjectPath)", async () => {
    let saved: Excel.RequestContext | undefined;
    await Excel.run(async (context) => {
      saved = context;
    });
    (saved as Excel.RequestContext).workbook.worksheets.getItem("Data").getRange("A1").values = [[1]];
    await rejectsWith((saved as Excel.RequestContext).sync(), "InvalidObjectPath");
  });

  test("an object of one context passed to another is InvalidRequestContext", async () => {
    const first = new Excel.RequestContext();
    const range = first.workbook.worksheets.getItem("Data").getRange("A1:B3");
    await Excel.run(async (context) => {
      const error = throwsWith(() => context.workbook.worksheets.getItem("Data").charts.add("Pie", range), "InvalidRequestContext");
      expect(error.message).toContain("Cannot use the object across different request contexts.");
    });
  });

  test("Excel.run(object, batch) reuses the object's context", async () => {
    const context = new Excel.RequestContext();
    const sheet = context.workbook.worksheets.getItem("Data");
    await Excel.run(sheet, async (ctx) => {
      expect(ctx).toBe(context);
      sheet.load("name");
      await ctx.sync();
    });
    expect(sheet.name).toBe("Data");
  });
});
