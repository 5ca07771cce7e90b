/**
 * Issue #19: an output sheet's rows go into the zip in pieces (src/xlsx/cellsXml.ts xmlPieces,
 * src/xlsx/packageWriter.ts addSpec), so the 5,000-client coverage sheet (~25,000 rows) is never one string of
 * tens of megabytes nor one buffer; between pieces the sink may keep memory in check (ByteSink.between, which the
 * CLI's heap guard uses). The part's text is exactly what one piece would have been.
 */
import fc from "fast-check";
import { SheetCells } from "../../src/xlsx/cellsXml";
import { PackageWriter, PIECE_CHARS } from "../../src/xlsx/packageWriter";
import { parseSheetCells } from "../../src/xlsx/sheetData";
import { entryText, readZip } from "../../src/xlsx/zip";
import { ChunkSink, ZipStreamWriter } from "../../src/xlsx/zipStream";
import type { ByteSink } from "../../src/xlsx/zipStream";

test("property: xmlPieces joined is toXml, in pieces of at most rowsPerPiece rows", () => {
  const cell = fc.record({ row: fc.integer({ min: 1, max: 60 }), col: fc.integer({ min: 1, max: 8 }), value: fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()) });
  fc.assert(
    fc.property(fc.array(cell, { maxLength: 120 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 5 }), (list, per, after) => {
      const cells = new SheetCells();
      for (const c of list) cells.at(c.col, c.row).value = c.value;
      const heights = { 3: 30 };
      const pieces = [...cells.xmlPieces(after, heights, per)];
      expect(pieces.join("")).toBe(cells.toXml(after, heights));
      for (const p of pieces) {
        const rows = p.match(/<row /g)?.length ?? 0;
        expect(rows).toBeGreaterThan(0);
        expect(rows).toBeLessThanOrEqual(per);
      }
    }),
    { numRuns: 200 },
  );
});

test("a part in n pieces calls the sink's between n - 1 times, never while writing", () => {
  const events: string[] = [];
  const sink: ByteSink = { write: () => events.push("write"), between: () => events.push("between") };
  const z = new ZipStreamWriter(sink);
  z.addPieces("a.xml", ["<a>", "b", "</a>"]);
  expect(events.filter((e) => e === "between")).toEqual(["between", "between"]);
  expect(events.indexOf("write")).toBeGreaterThan(events.lastIndexOf("between"));
  events.length = 0;
  z.add("b.xml", "<b/>");
  expect(events).not.toContain("between");
});

test("an output sheet of 8,000 rows: its part holds every row, written in pieces", async () => {
  const sink = new ChunkSink();
  let between = 0;
  const counting: ByteSink = { write: (c) => sink.write(c), between: () => between++ };
  const w = new PackageWriter(counting);
  const note = "女儿明年留学，关注外币理财；下周回访确认购买意向。".repeat(4);
  const rows = Array.from({ length: 8000 }, (_v, i) => [`客户 C${String(i + 1).padStart(4, "0")}`, i * 1000.5, i % 2 === 0, note]);
  w.addSpec({ name: "保障一览", kind: "coverage", cells: rows });
  w.finish();
  const part = readZip(sink.bytes()).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
  const xml = await entryText(part);
  // read back: every row, every value, in order (booleans as Excel's, numbers exact)
  const back = parseSheetCells(xml, []);
  expect(back.length).toBe(8000);
  expect(back.every((r, i) => r.length === 4 && r.every((v, c) => v === rows[i][c]))).toBe(true);
  expect(xml.endsWith("</worksheet>")).toBe(true);
  // 8,000 rows, over 2 million characters: pieces of ROWS_PER_PIECE rows joined up to PIECE_CHARS characters before
  // each deflate — so more than one piece (the sheet is never one string), and never more than a piece per PIECE_CHARS
  expect(xml.length).toBeGreaterThan(2_000_000);
  expect(between).toBeGreaterThanOrEqual(1);
  expect(between + 1).toBeLessThanOrEqual(Math.ceil(xml.length / PIECE_CHARS));
  expect(xml.match(/<row /g)).toHaveLength(8000);
});
