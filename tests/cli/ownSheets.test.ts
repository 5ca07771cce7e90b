/**
 * `clientbook build BOOK.xlsx --out OUT.xlsx` keeps the manager's own sheets (issue 13): every sheet of the input
 * that is neither a table of the book nor one ClientBook made stays with its content — its sheet part passes through
 * byte for byte (cells, formulas, styles) — and an output of the same name goes beside it ("今日待办 (2)"), as in
 * the pane. Before the fix a "My Notes" sheet was simply absent from the output. ClientBook's own sheets of an
 * earlier build (marked) are replaced, not doubled.
 */
import { buildCommand } from "../../src/cli/commands/build";
import { generateBook } from "../../src/sample";
import { outputPlan } from "../../src/sheets/plan";
import { sheetPartPaths } from "../../src/xlsx/parts";
import { readMarkers } from "../../src/xlsx/markers";
import { addBookTables } from "../../src/xlsx/bookFile";
import { finishWorkbook, newWorkbook } from "../../src/xlsx";
import { entryText, readZip } from "../../src/xlsx/zip";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { TABLE_KEYS, sheetName } from "../../src/book/schema";
import { SheetNamer } from "../../src/sheets/names";
import { packageParts, packageProblems } from "../xlsx/ooxmlCheck";

const AS_OF = "2025-06-15";
const book = generateBook({ clients: 4, asOf: AS_OF, lang: "zh-CN" });
const input = (bytes: Uint8Array) => ({ name: "book.xlsx", bytes });

/** A book with the manager's own sheets: notes with a formula and a style, and two named like outputs. */
async function bookWithOwnSheets(): Promise<Uint8Array> {
  const f = await newWorkbook();
  addBookTables(f, book, "zh-CN");
  const own = (sheet: string, text: string) => {
    expect(f.NewSheet(sheet).error).toBeNull();
    expect(f.SetCellValue(sheet, "A1", text).error).toBeNull();
    expect(f.SetCellValue(sheet, "B1", 40).error).toBeNull();
    expect(f.SetCellFormula(sheet, "B2", "B1*2").error).toBeNull();
    const style = f.NewStyle({ Font: { Bold: true, Color: "#C00000" } });
    expect(f.SetCellStyle(sheet, "A1", "A1", style.style).error).toBeNull();
  };
  own("My Notes", "张总喜欢周二上午电话");
  own("今日待办", "我自己的待办");
  own("资产检视-我的笔记-C0001", "我的检视笔记");
  return finishWorkbook(f);
}

async function sheetXml(bytes: Uint8Array, sheet: string): Promise<string> {
  const entries = readZip(bytes);
  const path = (await sheetPartPaths(entries)).get(sheet)!;
  return entryText(entries.find((e) => e.name === path)!);
}

async function markersOf(bytes: Uint8Array): Promise<(string | undefined)[]> {
  const entries = readZip(bytes);
  return readMarkers(await entryText(entries.find((e) => e.name === "xl/workbook.xml")!)).map((m) => m.sheet);
}

test("the manager's sheets are kept with their content after the tables; outputs go beside same-named ones; a second build replaces only its own", async () => {
  const bytes = await bookWithOwnSheets();
  const r = await buildCommand({ book: input(bytes), out: "out.xlsx", asOf: AS_OF });
  expect(r.exitCode).toBe(0);
  const out = r.files[0].bytes;
  const own = ["My Notes", "今日待办", "资产检视-我的笔记-C0001"];
  const tables = TABLE_KEYS.map((k) => sheetName(k, "zh-CN"));
  const namer = new SheetNamer([...tables, ...own]);
  const outputs = [...outputPlan(book, { asOf: AS_OF, lang: "zh-CN" }).specs(namer)].map((s) => s.name);
  expect(outputs).toContain("今日待办 (2)");
  const wb = await readWorkbookTables(out, { formulas: true });
  expect(wb.sheets).toEqual([...tables, ...own, ...outputs]);
  for (const sheet of own) {
    // the sheet part passes through as it was: cells, formula, style index
    expect(await sheetXml(out, sheet)).toBe(await sheetXml(bytes, sheet));
    expect(wb.grids.get(sheet)![0]).toEqual([expect.stringMatching(/我|张总/), 40]);
    expect(wb.formulas!.get(sheet)!.get("B2")).toBe("=B1*2");
  }
  expect(r.summary).toMatch(/3 of the book's own kept/);
  // a consistent package: no part left behind by the input's table sheets, every relationship leads somewhere
  expect(packageProblems(await packageParts(out))).toEqual([]);
  expect(await markersOf(out)).toEqual(outputs);
  // the kept style is the input's: bold dark-red A1 (same cellXfs entry)
  const styles = (o: Uint8Array) => entryText(readZip(o).find((e) => e.name === "xl/styles.xml")!);
  const xf = (xml: string) => /<c r="A1" s="(\d+)"/.exec(xml)?.[1];
  expect(xf(await sheetXml(out, "My Notes"))).toBe(xf(await sheetXml(bytes, "My Notes")));
  expect(await styles(out)).toContain('rgb="FFC00000"');

  // Built again from its own output: the same sheets, no "(3)", the outputs re-marked once each.
  const again = await buildCommand({ book: { name: "out.xlsx", bytes: out }, out: "again.xlsx", asOf: AS_OF });
  const wb2 = await readWorkbookTables(again.files[0].bytes);
  expect(wb2.sheets).toEqual(wb.sheets);
  expect(await markersOf(again.files[0].bytes)).toEqual(outputs);
  expect(await sheetXml(again.files[0].bytes, "My Notes")).toBe(await sheetXml(bytes, "My Notes"));
}, 60_000);

test("a book without sheets of its own builds as before (a new file, tables then outputs)", async () => {
  const f = await newWorkbook();
  addBookTables(f, book, "zh-CN");
  const r = await buildCommand({ book: input(await finishWorkbook(f)), out: "o.xlsx", asOf: AS_OF });
  const wb = await readWorkbookTables(r.files[0].bytes);
  expect(wb.sheets).toEqual([...TABLE_KEYS.map((k) => sheetName(k, "zh-CN")), ...[...outputPlan(book, { asOf: AS_OF, lang: "zh-CN" }).specs(new SheetNamer(TABLE_KEYS.map((k) => sheetName(k, "zh-CN"))))].map((s) => s.name)]);
  expect(r.summary).not.toMatch(/kept/);
});
