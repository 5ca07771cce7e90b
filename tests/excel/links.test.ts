/**
 * Hyperlinks through Office.js on the fake host: Range.hyperlink with documentReference for a sheet of the
 * workbook and address for a place outside it; the cell keeps its value (text stays text); a link the rule of
 * src/book/link.ts refuses is never queued. The fake host's own checks (1.7, lengths) are in
 * tests/fake-excel/tests/hyperlink.test.ts.
 */
import { Batch, runWrites } from "../../src/excel/batch";
import { queueSheetsInfo, tempNames } from "../../src/excel/existingSheets";
import { planRender } from "../../src/excel/renderSheet";
import type { SheetSpec } from "../../src/sheets/spec";
import { installFakeOffice, type FakeHost } from "../fake-excel";

let host: FakeHost;
afterEach(() => host.uninstall());

const spec = (links: SheetSpec["links"]): SheetSpec => ({
  name: "客户一览",
  kind: "profile",
  cells: [["编号", "姓名", "资料"], ["C0001", "=O'Neil", "\\\\fs01\\客户资料\\C0001"]],
  links,
});

async function render(s: SheetSpec): Promise<number> {
  host.stats.reset();
  await Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    const read = queueSheetsInfo(ctx);
    await batch.sync();
    await runWrites(batch, planRender({ spec: s }, { notes: "notes", lang: "zh-CN" }, tempNames(read())));
  });
  return host.stats.syncs;
}

test("a link to a sheet is a documentReference, one outside an address; values stay as written, in one write sync", async () => {
  host = installFakeOffice({ workbook: { sheets: [{ name: "资产检视-O'Neil-C0001" }] } });
  const syncs = await render(spec([{ cell: "B2", sheet: "资产检视-O'Neil-C0001" }, { cell: "C2", address: "\\\\fs01\\客户资料\\C0001" }]));
  expect(syncs).toBe(2);
  const s = host.sheet("客户一览")!;
  expect(s.hyperlink("B2")).toEqual({ documentReference: "'资产检视-O''Neil-C0001'!A1" });
  expect(s.hyperlink("C2")).toEqual({ address: "\\\\fs01\\客户资料\\C0001" });
  expect(s.hyperlink("A2")).toBeNull();
  expect(s.cell("B2")).toMatchObject({ value: "=O'Neil", quotePrefix: true });
  expect(s.cell("B2").formula).toBeUndefined();
});

test.each(["javascript:alert(1)", "www.bank.example", `D:\\${"x".repeat(300)}`])("a refused address is never queued: %s", async (address) => {
  host = installFakeOffice();
  await expect(render(spec([{ cell: "C2", address }]))).rejects.toThrow(/link address on C2 refused/);
  expect(host.sheetNames()).not.toContain("客户一览");
});

test("two links on one cell are refused before anything is written", async () => {
  host = installFakeOffice();
  await expect(render(spec([{ cell: "B2", sheet: "X" }, { cell: "B2", address: "https://a.example" }]))).rejects.toThrow(/two links on cell B2/);
});
