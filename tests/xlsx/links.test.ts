/**
 * Hyperlinks in files (SheetSpec.links → excelize SetCellHyperLink): a link to another sheet is a location
 * ('name'!A1), a link outside a relationship with TargetMode="External"; a link the rule of src/book/link.ts refuses
 * is never written, and the cell keeps its value. Read back with excelize, an independent reader of the same file.
 */
import type { SheetSpec } from "../../src/sheets/spec";
import { sheetLocation } from "../../src/sheets/spec";
import { openBytes, XlsxError } from "../../src/xlsx/excelize";
import { linkTarget, renderSpecs } from "../../src/xlsx/renderSpec";
import { partNames, partText, sheetXml } from "./helpers";

const LIST = "客户一览";
const REVIEW = "资产检视-O'Neil-C0001";

function specs(links: SheetSpec["links"]): SheetSpec[] {
  return [
    { name: LIST, kind: "profile", cells: [["编号", "姓名", "资料"], ["C0001", "=O'Neil", "\\\\fs01\\客户资料\\C0001"], ["C0002", "李四", "https://docs.bank.example/C0002?a=1&b=2"]], links },
    { name: REVIEW, kind: "review", cells: [["检视"]] },
  ];
}

test("sheetLocation quotes the name and doubles its apostrophes", () => {
  expect(sheetLocation(REVIEW)).toBe("'资产检视-O''Neil-C0001'!A1");
  expect(sheetLocation("客户一览")).toBe("'客户一览'!A1");
});

test("file places are written as file:/// targets, URLs as they are", () => {
  expect(linkTarget("\\\\fs01\\share\\x")).toBe("file:///\\\\fs01\\share\\x");
  expect(linkTarget("D:\\客户资料")).toBe("file:///D:\\客户资料");
  expect(linkTarget("file:///D:/x")).toBe("file:///D:/x");
  expect(linkTarget("https://a.example/x")).toBe("https://a.example/x");
});

test("a link to a sheet is a location, a link outside is an external relationship; cells keep their values", async () => {
  const bytes = await renderSpecs(specs([
    { cell: "B2", sheet: REVIEW },
    { cell: "C2", address: "\\\\fs01\\客户资料\\C0001" },
    { cell: "C3", address: "https://docs.bank.example/C0002?a=1&b=2" },
  ]));
  const f = await openBytes(bytes);
  expect(f.GetCellHyperLink(LIST, "B2")).toEqual({ ok: true, location: "'资产检视-O''Neil-C0001'!A1", error: null });
  expect(f.GetCellHyperLink(LIST, "C2")).toEqual({ ok: true, location: "file:///\\\\fs01\\客户资料\\C0001", error: null });
  expect(f.GetCellHyperLink(LIST, "C3")).toEqual({ ok: true, location: "https://docs.bank.example/C0002?a=1&b=2", error: null });
  expect(f.GetCellHyperLink(LIST, "B3").ok).toBe(false);
  // the text starting with "=" is still text, not a formula
  expect(f.GetCellValue(LIST, "B2").value).toBe("=O'Neil");
  expect(f.GetCellFormula(LIST, "B2").formula ?? "").toBe("");
  const xml = await sheetXml(bytes, LIST);
  expect(xml).toContain('<hyperlinks><hyperlink ref="B2" location="&#39;资产检视-O&#39;&#39;Neil-C0001&#39;!A1">');
  const rels = await partText(bytes, partNames(bytes).find((n) => /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(n))!);
  expect(rels).toContain('TargetMode="External"');
  expect(rels).toContain("https://docs.bank.example/C0002?a=1&amp;b=2");
});

test.each([
  ["javascript:alert(1)", /refused \(scheme\)/],
  ["=HYPERLINK(\"https://evil.example\")", /refused \(scheme\)/],
  [`https://a.example/${"x".repeat(300)}`, /refused \(tooLong\)/],
])("a link the rule refuses is an error naming sheet and cell, and no half sheet is left: %s", async (address, message) => {
  const err = await renderSpecs(specs([{ cell: "C2", address }])).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(XlsxError);
  expect(String((err as Error).message)).toMatch(message);
  expect(String((err as Error).message)).toContain("C2");
});

test("two links on one cell, a link to a name no sheet can have, a cell that is not one", async () => {
  await expect(renderSpecs(specs([{ cell: "B2", sheet: REVIEW }, { cell: "b2", sheet: LIST }]))).rejects.toThrow(/two links on one cell/);
  await expect(renderSpecs(specs([{ cell: "B2", sheet: "a/b" }]))).rejects.toThrow(/not a sheet name/);
  await expect(renderSpecs(specs([{ cell: "B2:C3", sheet: REVIEW }]))).rejects.toThrow(/not a single cell/);
});
