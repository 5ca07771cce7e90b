/**
 * One number format for every cell of a range: "If you need to apply the same value, the same number format, or the
 * same formula to a range of cells, it's more efficient to specify a single value instead of an array of values"
 * ("Update all cells in a range", https://learn.microsoft.com/office/dev/add-ins/excel/performance#update-all-cells-in-a-range);
 * as a 1×1 array it applies to all cells (office-js-docs-reference#578; office-js-docs-pr#5400: B10:C14 = [["$#,##0.00"]]
 * passes). Values and formulas keep the strict shape (#578 reports them failing given that way).
 */
import { type FakeHost, installFakeOffice } from "../index";
import { rejectsWith } from "./support";

let host: FakeHost;
afterEach(() => host.uninstall());

const run = (fn: (ws: Excel.Worksheet) => void) =>
  Excel.run(async (context) => {
    fn(context.workbook.worksheets.getItem("S"));
    await context.sync();
  });

test("numberFormat = [[code]] on B10:C14 formats all ten cells, the same as a 5×2 array of it", async () => {
  host = installFakeOffice({ workbook: { sheets: [{ name: "S", rows: [["x"]] }] } });
  await run((ws) => {
    ws.getRange("B10:C14").numberFormat = [["$#,##0.00"]];
    ws.getRange("E10:F14").numberFormat = Array.from({ length: 5 }, () => ["$#,##0.00", "$#,##0.00"]);
  });
  const s = host.sheet("S")!;
  expect(s.numberFormats("B10:C14")).toEqual(s.numberFormats("E10:F14"));
  expect(s.numberFormats("B10:C14").flat()).toEqual(new Array(10).fill("$#,##0.00"));
  expect(s.numberFormats("A9:D9").flat()).toEqual(["General", "General", "General", "General"]);
  expect(host.snapshot().sheets[0].cells.B10.format).toEqual(host.snapshot().sheets[0].cells.E10.format);
});

test("a 1×1 array of values or formulas on a larger range is still InvalidArgument; a bad code is refused either way", async () => {
  host = installFakeOffice({ workbook: { sheets: [{ name: "S", rows: [["x"]] }] } });
  await rejectsWith(run((ws) => void (ws.getRange("A1:B2").values = [[1]])), "InvalidArgument");
  await rejectsWith(run((ws) => void (ws.getRange("A1:B2").formulas = [["=1"]])), "InvalidArgument");
  await rejectsWith(run((ws) => void (ws.getRange("A1:B2").numberFormat = [['"unclosed']])), "InvalidArgument");
});
