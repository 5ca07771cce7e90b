/**
 * Guard for issue #19's memory fix: every text value readWorkbookTables returns (grids, Excel tables, headers,
 * shared strings, formula text) is the copy src/xlsx/ownText.ts makes, never a piece cut straight out of the
 * worksheet XML — in V8 such a piece keeps the whole part alive (a 5,000-client book: 398 MB of heap instead of
 * 169 MB). ownText is replaced here by a copy that marks the text, so a value read without it has no mark and this
 * test fails; the memory itself is measured by the benchmark (cli.build.peakRssMB), not here.
 */
import type { RawValue } from "../../src/book/raw";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { PackageWriter } from "../../src/xlsx/packageWriter";
import { parseSharedStrings, parseSheetCells } from "../../src/xlsx/sheetData";
import { ChunkSink } from "../../src/xlsx/zipStream";

const MARK = "\u0001copied";

jest.mock("../../src/xlsx/ownText", () => ({ ownText: (s: string) => `${s}\u0001copied` }));

function texts(rows: readonly (readonly RawValue[])[]): string[] {
  return rows.flatMap((r) => r.filter((v): v is string => typeof v === "string"));
}

describe("every text value read from a workbook is copied out of its part (ownText)", () => {
  test("a written book's table: header (shared strings), inline strings, long and short text", async () => {
    const sink = new ChunkSink();
    const w = new PackageWriter(sink);
    w.addTable({
      sheet: "客户",
      tableName: "Clients",
      headers: ["ClientId", "Name", "Address"],
      rows: [
        ["C0001", "李海浩", "上海市杨浦区控江路411弄36号603室"],
        ["C0002", "Wang Fang", "31011519840430529X"],
      ],
    });
    w.finish();
    const wb = await readWorkbookTables(sink.bytes());
    const grid = wb.grids.get("客户")!;
    const table = wb.tables[0].table;
    const all = [...texts(grid), ...texts([table.headers]), ...texts(table.rows)];
    expect(all.length).toBe(9 + 3 + 6); // the grid (header row and rows), the table's headers, its rows
    for (const s of all) expect(s.endsWith(MARK)).toBe(true);
    expect(texts(table.rows).map((s) => s.slice(0, -MARK.length))).toEqual(["C0001", "李海浩", "上海市杨浦区控江路411弄36号603室", "C0002", "Wang Fang", "31011519840430529X"]);
  });

  test("every kind of text cell of a part, and the shared string table", () => {
    const shared = parseSharedStrings('<sst><si><t>共享文本</t></si><si><r><t>rich </t></r><r><t>text</t></r></si></sst>');
    expect(shared).toEqual([`共享文本${MARK}`, `rich text${MARK}`]);
    const formulas = new Map<string, string>();
    const xml =
      '<worksheet><sheetData><row r="1">' +
      '<c r="A1" t="inlineStr"><is><t>inline 文本 long enough</t></is></c>' +
      '<c r="B1" t="str"><f>A1&amp;""</f><v>formula result text</v></c>' +
      '<c r="C1" t="e"><v>#N/A</v></c>' +
      '<c r="D1" t="s"><v>0</v></c>' +
      '<c r="E1"><v>not a number at all</v></c>' +
      '<c r="F1" t="d"><v>not a date either</v></c>' +
      '<c r="G1"><v>42</v></c>' +
      "</row></sheetData></worksheet>";
    const grid = parseSheetCells(xml, shared, formulas);
    expect(grid[0][6]).toBe(42);
    for (const s of texts(grid)) expect(s.endsWith(MARK)).toBe(true);
    // a shared string is copied once, when the table is read, not again per cell
    expect(grid[0][3]).toBe(`共享文本${MARK}`);
    expect([...formulas.values()]).toEqual([`=A1&""${MARK}`]);
  });
});
