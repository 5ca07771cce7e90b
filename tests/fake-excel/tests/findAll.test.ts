/**
 * Worksheet.findAll / findAllOrNullObject and the RangeAreas they return (ExcelApi 1.9).
 * "Find strings using the Excel JavaScript API": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-string-match
 * Excel.WorksheetSearchCriteria (completeMatch and matchCase default to false): https://learn.microsoft.com/javascript/api/excel/excel.worksheetsearchcriteria
 * Excel.RangeAreas.address ("Sheet1!A1:B4, Sheet1!D1:D4"): https://learn.microsoft.com/javascript/api/excel/excel.rangeareas
 */
import { type FakeHost, installFakeOffice } from "../index";
import { rejectsWith } from "./support";

let host: FakeHost;
afterEach(() => host.uninstall());

function install(supported?: Record<string, string>): void {
  host = installFakeOffice({
    ...(supported ? { supported } : {}),
    workbook: {
      sheets: [
        { name: "资产", rows: [["HoldingId", "ClientId", "Notes"], ["H1", "C0001", ""], ["H2", "c0001", "see C0001"], ["H3", "C0002", ""], ["H4", "C00012", ""], ["H5", "C0001", ""]] },
        { name: "Other", rows: [["C0001"]] },
      ],
    },
  });
}

async function find(text: string, criteria: Excel.WorksheetSearchCriteria): Promise<{ address: string; areaCount: number } | null> {
  return Excel.run(async (context) => {
    const found = context.workbook.worksheets.getItem("资产").findAllOrNullObject(text, criteria);
    found.load("address,areaCount");
    await context.sync();
    return found.isNullObject ? null : { address: found.address, areaCount: found.areaCount };
  });
}

describe("Worksheet.findAll", () => {
  test("partial and case-insensitive by default: every cell of that sheet containing the text, as areas", async () => {
    install();
    // B2:B3 touch (C0001, c0001), C3 "see C0001", B5 "C00012" contains it, B6; the other sheet is not searched.
    expect(await find("C0001", {})).toEqual({ address: "资产!B2:B3, 资产!C3, 资产!B5:B6", areaCount: 3 });
  });

  test("completeMatch: the whole text; matchCase: the same case", async () => {
    install();
    expect(await find("C0001", { completeMatch: true })).toEqual({ address: "资产!B2:B3, 资产!B6", areaCount: 2 });
    expect(await find("C0001", { completeMatch: true, matchCase: true })).toEqual({ address: "资产!B2, 资产!B6", areaCount: 2 });
  });

  test("nothing found: findAllOrNullObject is a null object, findAll fails with ItemNotFound", async () => {
    install();
    expect(await find("C9999", {})).toBeNull();
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("资产").findAll("C9999", {}).load("address");
        await context.sync();
      }),
      "ItemNotFound",
    );
  });

  test("the backdoor's writes (host.type, a co-author's edit between two syncs, a new seed) are seen by the next search", async () => {
    install();
    expect(await find("C0002", { completeMatch: true })).toEqual({ address: "资产!B4", areaCount: 1 });
    host.type("资产", "B4", [["C0003"]]);
    expect(await find("C0002", { completeMatch: true })).toBeNull();
    // A co-author types C0002 into B2 before the second round trip of a batch whose first one searched already.
    const second = host.stats.syncs + 2;
    host.coAuthor((sync) => (sync === second ? host.type("资产", "B2", [["C0002"]]) : undefined));
    const [before, after] = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("资产");
      const first = ws.findAllOrNullObject("C0002", {}).load("address");
      await context.sync();
      const second = ws.findAllOrNullObject("C0002", {}).load("address");
      await context.sync();
      return [first.isNullObject ? null : first.address, second.address];
    });
    expect([before, after]).toEqual([null, "资产!B2"]);
    host.coAuthor(undefined);
    host.load({ sheets: [{ name: "资产", rows: [["C0002"]] }] });
    expect(await find("C0002", {})).toEqual({ address: "资产!A1", areaCount: 1 });
  });

  test("a formula cell is searched by its result, asked again at every search (a new evaluator is seen)", async () => {
    install();
    host.type("资产", "D2", [["=B2&\"-x\""]]);
    host.setFormulaEvaluator((formula) => (formula === '=B2&"-x"' ? "C0001-x" : undefined));
    expect(await find("C0001-x", {})).toEqual({ address: "资产!D2", areaCount: 1 });
    host.setFormulaEvaluator(() => "other");
    expect(await find("C0001-x", {})).toBeNull();
    // Without an evaluator a formula reads as its cached value, 0 here: never as its formula text.
    host.setFormulaEvaluator(undefined);
    expect(await find("B2", {})).toBeNull();
  });

  test("ExcelApi 1.9: a host without it throws ApiNotFound", async () => {
    install({ ExcelApi: "1.8" });
    await expect(find("C0001", {})).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
