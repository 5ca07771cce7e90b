/**
 * Data tables: RawValue rows → a real Excel table (addTableSheet) → back to RawValue (readWorkbookTables), and
 * finding a typed table by its header row (findTable). Plus a workbook written by hand, the way other producers
 * write them, to show the reader does not depend on excelize's own habits.
 */
import type { DataValidation } from "excelize-wasm";
import type { RawValue } from "../../src/book/raw";
import { openBytes, XlsxError } from "../../src/xlsx/excelize";
import { finishWorkbook } from "../../src/xlsx/finish";
import { findTable, readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { isoDateTimeToSerial } from "../../src/xlsx/sheetData";
import { addSpecToFile } from "../../src/xlsx/renderSpec";
import { addTableSheet } from "../../src/xlsx/tables";
import { newWorkbook } from "../../src/xlsx/workbook";
import { makeEntry, writeZip } from "../../src/xlsx/zip";
import { sheetXml } from "./helpers";

const HEADERS = ["客户编号", "姓名", "生日", "年收入", "电话", "含重疾保障", "备注"];
const ROWS: RawValue[][] = [
  ["C0001", "张伟", 32874, 360000.5, "13800138000", true, "=1+1 不是公式"],
  ["C0002", " 李娜 ", 36526, 0.1 + 0.2, "+86 139 0000 0000", false, "-5"],
  ["00123", "王芳", null, 1e21, "0912345678", null, "@SUM(A1)"],
  ["123", "陈静\n第二行", 45292, -1234.5678, null, true, null],
  [null, null, null, null, null, null, null],
  ["C0005", "刘洋", 45350, 0, "110101199001011234", false, "最后一行"],
];

async function tableBook(): Promise<Uint8Array> {
  const f = await newWorkbook();
  addTableSheet(f, {
    sheet: "客户",
    tableName: "Clients",
    headers: HEADERS,
    rows: ROWS,
    columnFormats: [undefined, undefined, "yyyy-mm-dd", "#,##0.00", "@"],
    validations: [{ column: 5, list: ["是", "否"] }],
    widths: [10, 12, 12, 14],
  });
  addTableSheet(f, { sheet: "家庭成员", tableName: "Family", headers: ["客户编号", "姓名", "关系"], rows: [] });
  addSpecToFile(f, { name: "今日待办", kind: "today", cells: [["标题"], [], ["客户编号", "事项"], ["C0001", "生日"], ["C0002", 42], [], []] });
  return finishWorkbook(f);
}

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await tableBook();
});

describe("addTableSheet → readWorkbookTables", () => {
  test("values come back with their types: text as text, numbers as numbers, booleans, blanks as null", async () => {
    const { sheets, grids, tables } = await readWorkbookTables(bytes);
    expect(sheets).toEqual(["客户", "家庭成员", "今日待办"]);
    const clients = tables.find((t) => t.tableName === "Clients")!;
    expect(clients.sheet).toBe("客户");
    expect(clients.range).toBe("A1:G7");
    expect(clients.table.headerRow).toBe(1);
    expect(clients.table.sheet).toBe("客户");
    expect(clients.table.headers).toEqual(HEADERS);
    // blank trailing cells are left off; the blank row inside the table keeps its place
    const trimmed = ROWS.map((r) => {
      const out = [...r];
      while (out.length > 0 && out[out.length - 1] === null) out.pop();
      return out;
    });
    expect(clients.table.rows).toEqual(trimmed);
    expect(grids.get("客户")![0]).toEqual(HEADERS);
    // "123" and "00123" were written as text and stay text
    expect(typeof clients.table.rows[3][0]).toBe("string");
    expect(clients.table.rows[2][0]).toBe("00123");
  });

  test("the grids agree with excelize's own reading of the file, cell by cell", async () => {
    const { sheets, grids } = await readWorkbookTables(bytes);
    const f = await openBytes(bytes);
    for (const sheet of sheets) expectSameAsExcelize(grids.get(sheet)!, f.GetRows(sheet, { RawCellValue: true }).result);
  });

  test("an empty table has its header and one blank row in the file, and reads as no rows", async () => {
    const { tables } = await readWorkbookTables(bytes);
    const family = tables.find((t) => t.tableName === "Family")!;
    expect(family.range).toBe("A1:C2");
    expect(family.table).toEqual({ headers: ["客户编号", "姓名", "关系"], rows: [], headerRow: 1, sheet: "家庭成员" });
  });

  test("text that looks like a formula is written as text", async () => {
    const f = await openBytes(bytes);
    expect(f.GetCellFormula("客户", "G2").formula).toBe("");
    expect(await sheetXml(bytes, "客户")).not.toContain("<f>");
  });

  test("column formats, drop-down lists, widths, frozen header", async () => {
    const f = await openBytes(bytes);
    expect(f.GetStyle(f.GetCellStyle("客户", "C2").style).style.CustomNumFmt).toBe("yyyy-mm-dd");
    expect(f.GetCellValue("客户", "C2").value).toBe("1990-01-01");
    expect(f.GetStyle(f.GetCellStyle("客户", "D7").style).style.CustomNumFmt).toBe("#,##0.00");
    // excelize-wasm's typings say dataValidation; the object it returns has dataValidations
    const dv = (f.GetDataValidations("客户") as unknown as { dataValidations: DataValidation[] }).dataValidations;
    expect(dv).toHaveLength(1);
    expect(dv[0]).toMatchObject({ Type: "list", Sqref: "F2:F1048576", Formula1: '"是,否"' });
    expect(f.GetColWidth("客户", "B").width).toBe(12);
    expect(f.GetPanes("客户").panes).toMatchObject({ Freeze: true, YSplit: 1, TopLeftCell: "A2" });
    expect(f.GetTables("客户").tables[0]).toMatchObject({ Name: "Clients", Range: "A1:G7", StyleName: "TableStyleMedium2" });
  });

  test("a sheet without an Excel table is found by its header row", async () => {
    const { grids } = await readWorkbookTables(bytes);
    const grid = grids.get("今日待办")!;
    const t = findTable(grid, (cells) => cells[0] === "客户编号", { sheet: "今日待办" });
    expect(t).toEqual({ headers: ["客户编号", "事项"], rows: [["C0001", "生日"], ["C0002", 42]], headerRow: 3, sheet: "今日待办" });
  });

  test("bad table input is refused with the sheet and place", async () => {
    const f = await newWorkbook();
    const bad = (over: object) => () => addTableSheet(f, { sheet: "X", tableName: "T", headers: ["a", "b"], rows: [], ...over });
    expect(bad({ headers: ["a", "A"] })).toThrow(/header "A" appears twice/);
    expect(bad({ tableName: "my table" })).toThrow(/table name "my table"/);
    expect(bad({ tableName: "AB12" })).toThrow(/cell reference/);
    expect(bad({ rows: [["x", "y", "z"]] })).toThrow(/row 1 has 3 cells for 2 headers/);
    expect(bad({ sheet: "Y", rows: [[Infinity]] })).toThrow(XlsxError);
    expect(bad({ sheet: "Z", validations: [{ column: 0, list: ["a,b"] }] })).toThrow(/comma/);
    // nothing was half-written by the refused calls
    const { sheets } = await readWorkbookTables(await finishWorkbook(f));
    expect(sheets).toEqual(["Sheet1"]);
  });
});

/** My grid against excelize's raw strings: same cells, same values (booleans are 1/0 there). */
function expectSameAsExcelize(grid: RawValue[][], rows: string[][]): void {
  const height = Math.max(grid.length, rows.filter((r) => r.some((v) => v !== "")).length);
  for (let r = 0; r < height; r++) {
    const width = Math.max(grid[r]?.length ?? 0, rows[r]?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const mine = grid[r]?.[c] ?? null;
      const theirs = rows[r]?.[c] ?? "";
      // ISO dates (t="d") are turned into serials here, excelize leaves them as text
      const asNumber = /^\d{4}-\d{2}-\d{2}T/.test(theirs) ? isoDateTimeToSerial(theirs) : Number(theirs);
      const same =
        mine === null ? theirs === "" : typeof mine === "number" ? asNumber === mine : typeof mine === "boolean" ? theirs === (mine ? "1" : "0") : theirs === mine;
      if (!same) throw new Error(`row ${r + 1} column ${c + 1}: read ${JSON.stringify(mine)}, excelize ${JSON.stringify(theirs)}`);
    }
  }
}

describe("findTable", () => {
  const grid: RawValue[][] = [
    ["客户一览"],
    [],
    ["导出日期", 45292],
    ["客户编号", "姓名", null, "电话", null],
    ["C0001", "张伟"],
    [],
    ["C0002", "李娜", null, "138"],
    [null, "  "],
    [],
  ];
  const isClients = (cells: readonly RawValue[]) => cells.includes("客户编号") && cells.includes("姓名");

  test("header row is the first row the matcher accepts; headerRow is 1-based", () => {
    const seen: number[] = [];
    const t = findTable(grid, (cells, i) => {
      seen.push(i);
      return isClients(cells);
    })!;
    expect(seen).toEqual([0, 2, 3]); // blank rows are not offered
    expect(t.headerRow).toBe(4);
    expect(t.headers).toEqual(["客户编号", "姓名", null, "电话"]);
    // blank rows inside stay (row numbers stay right), blank rows at the end go
    expect(t.rows).toEqual([["C0001", "张伟"], [], ["C0002", "李娜", null, "138"]]);
    expect(t.sheet).toBeUndefined();
  });

  test("only the first rows are tried", () => {
    const deep: RawValue[][] = [...Array.from({ length: 20 }, () => ["说明"]), ["客户编号", "姓名"], ["C1", "x"]];
    expect(findTable(deep, isClients)).toBeUndefined();
    expect(findTable(deep, isClients, { maxRows: 25 })?.headerRow).toBe(21);
  });
});

/** A workbook as Excel, LibreOffice or the OpenXML SDK write it: prefixed elements, inline and rich strings, errors. */
async function foreignBook(): Promise<Uint8Array> {
  const enc = new TextEncoder();
  const part = (name: string, xml: string) => makeEntry(name, enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`));
  const S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
  return writeZip([
    await part("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`),
    await part("_rels/.rels", `<Relationships xmlns="${PR}"><Relationship Id="r1" Type="${R}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`),
    await part("xl/workbook.xml", `<x:workbook xmlns:x="${S}" xmlns:r="${R}"><x:sheets><x:sheet name="资产 &amp; 负债" sheetId="7" r:id="rIdA"/></x:sheets></x:workbook>`),
    await part("xl/_rels/workbook.xml.rels", `<Relationships xmlns="${PR}"><Relationship Id="rIdA" Type="${R}/worksheet" Target="worksheets/data.xml"/><Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    await part("xl/sharedStrings.xml", `<sst xmlns="${S}" count="3" uniqueCount="3"><si><t>持有编号</t></si><si><r><t>金</t></r><r><rPr><b/></rPr><t>额</t></r></si><si><t xml:space="preserve"> 00042 </t></si></sst>`),
    await part(
      "xl/worksheets/data.xml",
      `<x:worksheet xmlns:x="${S}"><x:sheetData>` +
        `<x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>日期</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>状态</x:t></x:is></x:c></x:row>` +
        `<x:row><x:c r="B3" t="s"><x:v>2</x:v></x:c><x:c><x:v>1500.25</x:v></x:c><x:c t="d"><x:v>2024-01-31T12:00:00</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c></x:row>` +
        `<x:row r="5"><x:c r="B5" t="inlineStr"><x:is><x:t>12</x:t></x:is></x:c><x:c r="C5"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="E5" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c></x:row>` +
        `<x:row r="6"><x:c r="C6"><x:f>C3*2</x:f><x:v>3000.5</x:v></x:c></x:row>` +
        `</x:sheetData></x:worksheet>`,
    ),
  ]);
}

describe("reading workbooks from other producers", () => {
  test("prefixed XML, cells without references, inline and rich text, ISO dates, errors, formula results", async () => {
    const file = await foreignBook();
    const { sheets, grids, tables } = await readWorkbookTables(file);
    expectSameAsExcelize(grids.get("资产 & 负债")!, (await openBytes(file)).GetRows("资产 & 负债", { RawCellValue: true }).result);
    expect(sheets).toEqual(["资产 & 负债"]);
    expect(tables).toEqual([]);
    const grid = grids.get("资产 & 负债")!;
    expect(grid[0]).toEqual([]);
    expect(grid[1]).toEqual([null, "持有编号", "金额", "日期", "状态"]);
    expect(grid[2]).toEqual([null, " 00042 ", 1500.25, 45322.5, false]);
    expect(grid[3]).toEqual([]);
    // inline "12" is text; an error cell keeps its error text; a text formula result stays text
    expect(grid[4][1]).toBe("12");
    expect(grid[4][2]).toBe("#DIV/0!");
    expect(grid[4][4]).toBe("ab");
    expect(grid[5]).toEqual([null, null, 3000.5]);
    const t = findTable(grid, (cells) => cells.includes("持有编号"), { sheet: "资产 & 负债" })!;
    expect(t.headerRow).toBe(2);
    expect(t.rows[0]).toEqual([null, " 00042 ", 1500.25, 45322.5, false]);
  });

  test("bytes that are not an .xlsx give a clear error", async () => {
    await expect(readWorkbookTables(new TextEncoder().encode("客户编号,姓名\nC1,张伟\n"))).rejects.toThrow(/this is a text \(CSV\) file, not an \.xlsx workbook/);
    await expect(readWorkbookTables(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).rejects.toThrow(/not a readable \.xlsx file/);
  });
});

describe("a 5,000-row table", () => {
  test("renders and reads back", async () => {
    const headers = Array.from({ length: 24 }, (_, i) => `列${i + 1}`);
    const rows: RawValue[][] = Array.from({ length: 5000 }, (_, r) =>
      headers.map((_h, c) => (c === 0 ? `C${String(r + 1).padStart(5, "0")}` : c % 3 === 0 ? r * 10 + c : c % 3 === 1 ? `文本${r}-${c}` : c === 2 ? 40000 + r : null)),
    );
    const t0 = Date.now();
    const f = await newWorkbook();
    addTableSheet(f, { sheet: "资产", tableName: "Holdings", headers, rows, columnFormats: [undefined, undefined, "yyyy-mm-dd", "#,##0.00"] });
    const file = await finishWorkbook(f);
    const t1 = Date.now();
    const read = await readWorkbookTables(file);
    const t2 = Date.now();
    console.log(`5,000 × 24 table: write ${t1 - t0} ms, read ${t2 - t1} ms, ${(file.length / 1024).toFixed(0)} KB`);
    const table = read.tables[0].table;
    expect(table.rows).toHaveLength(5000);
    expect(table.rows[4999][0]).toBe("C05000");
    expect(table.rows[4999][3]).toBe(49993);
    expect(table.rows[4999]).toHaveLength(23); // the last column is blank on every row
    expect(table.rows[123][2]).toBe(40123);
    expect(table.rows[0][1]).toBe("文本0-1");
  });
});
