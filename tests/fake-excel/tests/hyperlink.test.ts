/**
 * Range.hyperlink on the fake host, as Excel has it: ExcelApi 1.7 (ApiNotFound below it), a link needs an address or
 * a documentReference, documentReference at most 255 characters, address at most 2,079, screenTip at most 255,
 * textToDisplay replaces the top-left cell's value; sources in core/limits.ts.
 */
import { installFakeOffice, type FakeHost } from "../index";

let host: FakeHost;
afterEach(() => host.uninstall());

async function setLink(link: unknown, address = "A1"): Promise<void> {
  await Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("S").getRange(address).hyperlink = link as Excel.RangeHyperlink;
    await ctx.sync();
  });
}

beforeEach(() => {
  host = installFakeOffice({ workbook: { sheets: [{ name: "S", rows: [["张三", 1]] }] } });
});

test("a link is stored on every cell of the range, the values kept; it reads back", async () => {
  await setLink({ address: "https://a.example", screenTip: "tip" }, "A1:B1");
  expect(host.sheet("S")!.hyperlink("A1")).toEqual({ address: "https://a.example", screenTip: "tip" });
  expect(host.sheet("S")!.hyperlink("B1")).toEqual({ address: "https://a.example", screenTip: "tip" });
  expect(host.getValues("S", "A1:B1")).toEqual([["张三", 1]]);
  const read = await Excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("S").getRange("A1").load("hyperlink");
    await ctx.sync();
    return r.hyperlink;
  });
  expect(read).toEqual({ address: "https://a.example", screenTip: "tip" });
});

test("textToDisplay replaces the top-left cell's value", async () => {
  await setLink({ documentReference: "'S'!B1", textToDisplay: "去 B1" });
  expect(host.getValues("S", "A1")).toEqual([["去 B1"]]);
});

test("the limits: 255 for a documentReference and a screen tip, 2,079 for an address; a target is needed", async () => {
  await expect(setLink({ documentReference: `'${"x".repeat(250)}'!A1` })).resolves.toBeUndefined();
  await expect(setLink({ documentReference: `'${"x".repeat(251)}'!A1` })).rejects.toMatchObject({ code: "InvalidArgument" });
  await expect(setLink({ address: `https://a.example/${"x".repeat(2061)}` })).resolves.toBeUndefined();
  await expect(setLink({ address: `https://a.example/${"x".repeat(2062)}` })).rejects.toMatchObject({ code: "InvalidArgument" });
  await expect(setLink({ address: "https://a.example", screenTip: "t".repeat(256) })).rejects.toMatchObject({ code: "InvalidArgument" });
  await expect(setLink({ screenTip: "no target" })).rejects.toMatchObject({ code: "InvalidArgument" });
  await expect(setLink("https://a.example")).rejects.toMatchObject({ code: "InvalidArgument" });
});

test("below ExcelApi 1.7 Range.hyperlink is ApiNotFound", async () => {
  host.setSupported({ ExcelApi: "1.6" });
  await expect(setLink({ address: "https://a.example" })).rejects.toMatchObject({ code: "ApiNotFound" });
});
