/**
 * Worksheet.getRanges and RangeAreas.format (ExcelApi 1.9): several blocks of one sheet formatted by one write.
 * - Worksheet.getRanges(address): "comma-separated or semicolon-separated addresses" of one sheet, the whole sheet
 *   without one: https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getranges-member(1)
 * - "Setting a property on a RangeAreas object sets the corresponding property on all the ranges"; a read is null
 *   unless all ranges share the value: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-multiple-ranges
 * - At most 8,192 characters of address ("Range return character limit",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-troubleshooting); a longer one fails with
 *   InvalidArgument (office-js#5198: 8,207 characters refused).
 */
import { type FakeHost, installFakeOffice } from "../index";
import { rejectsWith, throwsWith } from "./support";

let host: FakeHost;
afterEach(() => host.uninstall());

function install(supported?: Record<string, string>): void {
  host = installFakeOffice({ ...(supported ? { supported } : {}), workbook: { sheets: [{ name: "表", rows: [["a", "b", "c"]] }, { name: "Other", rows: [["x"]] }] } });
}

const run = (fn: (ws: Excel.Worksheet) => void) =>
  Excel.run(async (context) => {
    fn(context.workbook.worksheets.getItem("表"));
    await context.sync();
  });

describe("Worksheet.getRanges", () => {
  test("a write on RangeAreas.format reaches every block and nothing else", async () => {
    install();
    await run((ws) => {
      const areas = ws.getRanges("A1:B2, D4; 6:7");
      areas.format.font.bold = true;
      areas.format.fill.color = "#FFF2CC";
      areas.format.rowHeight = 30;
      areas.format.wrapText = true;
    });
    const s = host.sheet("表")!;
    for (const cell of ["A1", "B2", "D4", "A6", "Z7"]) {
      expect(host.getFormat("表", cell)).toMatchObject({ font: { bold: true }, fill: "#FFF2CC", wrapText: true });
    }
    for (const cell of ["C1", "A3", "D5", "A8"]) expect(host.getFormat("表", cell)).toMatchObject({ font: { bold: false }, wrapText: false });
    // rows 1–2 (A1:B2), 4 (D4) and 6–7 get the height; rows 3, 5 and 8 keep the default
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((r) => s.rowHeight(r) === 30)).toEqual([true, true, false, true, false, true, true, false]);
  });

  test("reads: the blocks' shared value, else null; address and areaCount list the blocks", async () => {
    install();
    const got = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表");
      ws.getRange("A1").format.font.bold = true;
      ws.getRange("C3").format.font.bold = true;
      const same = ws.getRanges("A1,C3");
      const mixed = ws.getRanges("A1,B1");
      same.load("address,areaCount,format/font/bold");
      mixed.load("format/font/bold");
      await context.sync();
      return { address: same.address, count: same.areaCount, same: same.format.font.bold, mixed: mixed.format.font.bold };
    });
    expect(got).toEqual({ address: "表!A1, 表!C3", count: 2, same: true, mixed: null });
  });

  test("8,192 characters of address are taken, 8,193 are InvalidArgument and nothing of the batch is applied after it", async () => {
    install();
    const blocks = (n: number) => Array.from({ length: n }, (_, i) => `A${i + 1}`).join(",");
    // "A1,A2,…": build an address of exactly 8,192 characters, padded with spaces after a comma
    let ok = blocks(1500);
    ok = ok.slice(0, 8192);
    ok = ok.replace(/,[^,]*$/, "");
    ok = ok.replace(/,/, "," + " ".repeat(8192 - ok.length));
    expect(ok).toHaveLength(8192);
    await run((ws) => void (ws.getRanges(ok).format.font.italic = true));
    expect(host.getFormat("表", "A1").font.italic).toBe(true);
    const tooLong = ok.replace(/,/, ", ");
    expect(tooLong).toHaveLength(8193);
    const e = await rejectsWith(run((ws) => void (ws.getRanges(tooLong).format.font.color = "#FF0000")), "InvalidArgument");
    expect(e.message).toContain("8193");
    expect(host.getFormat("表", "A1").font.color).not.toBe("#FF0000");
  });

  test("an empty part, an address of another sheet or not A1 is InvalidArgument", async () => {
    install();
    await rejectsWith(run((ws) => void (ws.getRanges("A1,,B2").format.font.bold = true)), "InvalidArgument");
    await rejectsWith(run((ws) => void (ws.getRanges("A1, Other!B2").format.font.bold = true)), "InvalidArgument");
    await rejectsWith(run((ws) => void (ws.getRanges("A1, NotAName").format.font.bold = true)), "InvalidArgument");
    await run((ws) => void (ws.getRanges("'表'!A1, 表!B2").format.font.bold = true));
    expect(host.getFormat("表", "B2").font.bold).toBe(true);
  });

  test("borders through a RangeAreas are not modelled (NotImplemented), not guessed", async () => {
    install();
    await rejectsWith(run((ws) => void (ws.getRanges("A1, C3").format.borders.getItem("EdgeTop").style = "Continuous")), "NotImplemented");
  });

  test("ExcelApi 1.9: below it, getRanges is ApiNotFound (thrown when called, as Office.js does)", async () => {
    install({ ExcelApi: "1.8" });
    await Excel.run(async (context) => {
      throwsWith(() => context.workbook.worksheets.getItem("表").getRanges("A1"), "ApiNotFound");
    });
  });
});
