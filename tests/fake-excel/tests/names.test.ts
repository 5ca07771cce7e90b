/**
 * Workbook-scoped defined names (./names.ts): Excel.NamedItemCollection / Excel.NamedItem
 * (https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection,
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditem), as ClientBook's sheet markers use them.
 */
import { type FakeHost, installFakeOffice } from "../index";
import { rejectsWith } from "./support";

let host: FakeHost;
beforeEach(() => {
  host = installFakeOffice({ workbook: { sheets: [{ name: "Today" }, { name: "My notes" }] } });
});
afterEach(() => host.uninstall());

test("add a hidden name for a whole sheet; load name, value, type, visible, formula in the next read", async () => {
  await Excel.run(async (ctx) => {
    const n = ctx.workbook.names.add("_ClientBook.1", ctx.workbook.worksheets.getItem("Today").getRange());
    n.visible = false;
    await ctx.sync();
  });
  await Excel.run(async (ctx) => {
    const names = ctx.workbook.names.load("items/name,items/value,items/type,items/visible,items/formula,items/scope");
    await ctx.sync();
    expect(names.items.map((n) => [n.name, n.value, n.type, n.visible, n.formula, n.scope])).toEqual([
      ["_ClientBook.1", "Today!$1:$1048576", "Range", false, "=Today!$1:$1048576", "Workbook"],
    ]);
  });
  expect(host.definedNames()).toEqual([{ name: "_ClientBook.1", reference: "Today!$1:$1048576", visible: false }]);
});

test("the reference follows a renamed sheet and becomes #REF! when the sheet is deleted (a new sheet of that name does not take it)", async () => {
  host.addSheetName("Mark", "Today");
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Today").name = "Today old";
    await ctx.sync();
  });
  expect(host.definedNames()[0].reference).toBe("'Today old'!$1:$1048576");
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Today old").delete();
    ctx.workbook.worksheets.add("Today old");
    const n = ctx.workbook.names.getItem("Mark").load("value,type");
    await ctx.sync();
    expect([n.value, n.type]).toEqual(["#REF!", "Error"]);
  });
});

test("names are unique ignoring case and follow Excel's rules; a missing one is ItemNotFound; delete removes it", async () => {
  host.addSheetName("_ClientBook.1", "Today");
  await Excel.run(async (ctx) => {
    ctx.workbook.names.add("_clientbook.1", ctx.workbook.worksheets.getItem("My notes").getRange());
    await rejectsWith(ctx.sync(), "InvalidArgument");
  });
  for (const bad of ["A1", "R1C1", "has space", "1st", ""]) {
    await Excel.run(async (ctx) => {
      ctx.workbook.names.add(bad, "=1");
      await rejectsWith(ctx.sync(), "InvalidArgument");
    });
  }
  await Excel.run(async (ctx) => {
    ctx.workbook.names.getItem("nope").load("name");
    await rejectsWith(ctx.sync(), "ItemNotFound");
  });
  await Excel.run(async (ctx) => {
    ctx.workbook.names.getItem("_CLIENTBOOK.1").delete();
    const count = ctx.workbook.names.getCount();
    await ctx.sync();
    expect(count.value).toBe(0);
  });
});

test("NamedItemCollection.add needs ExcelApi 1.4 (ApiNotFound on 1.3, thrown when called)", async () => {
  host.setSupported({ ExcelApi: "1.3" });
  await Excel.run(async (ctx) => {
    expect(() => ctx.workbook.names.add("x", "=1")).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
  });
});
