/**
 * The pure pieces of src/xlsx, without excelize: A1 addresses, the style plan, the zip reader/writer, cell XML
 * written and read back, and the part patches and drawing plumbing applied when saving.
 */
import { crc32 as nodeCrc32, deflateRawSync, inflateRawSync } from "node:zlib";
import fc from "fast-check";
import { cellName, colName, colNumber, parseCell, parseRange, qualifiedRange, quoteSheet, rangeName } from "../../src/xlsx/a1";
import { excelText, SheetCells } from "../../src/xlsx/cellsXml";
import {
  addContentTypeOverrides,
  addRelationship,
  CONTENT_TYPE_CHART,
  insertDrawingElement,
  nextRelationshipId,
  REL_DRAWING,
  relationshipsXml,
  worksheetChildren,
} from "../../src/xlsx/drawingXml";
import { insertRows, patchSheetHead } from "../../src/xlsx/finish";
import { parseRelationships, relativeTarget, resolveTarget } from "../../src/xlsx/parts";
import { decodeXString, parseSharedStrings, parseSheetCells } from "../../src/xlsx/sheetData";
import { planStyles } from "../../src/xlsx/styles";
import { sheetNameProblem } from "../../src/xlsx/workbook";
import { crc32, entryBytes, makeEntry, readZip, writeZip, xmlEscape } from "../../src/xlsx/zip";

describe("A1 addresses", () => {
  test("column names both ways", () => {
    expect([1, 26, 27, 52, 702, 703, 16384].map(colName)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"]);
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (n) => colNumber(colName(n)) === n));
    expect(colNumber("XFE")).toBeUndefined();
    expect(() => colName(0)).toThrow(/outside/);
  });

  test("cells and ranges", () => {
    expect(parseCell("$B$3")).toEqual({ col: 2, row: 3 });
    expect(parseCell("b3")).toEqual({ col: 2, row: 3 });
    expect(parseCell("B0")).toBeUndefined();
    expect(parseCell("A1:B2")).toBeUndefined();
    expect(parseRange("C4:A1")).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
    expect(parseRange("B3")).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
    expect(parseRange("A1:B")).toBeUndefined();
    expect(rangeName({ top: 1, left: 1, bottom: 4, right: 3 })).toBe("A1:C4");
    expect(cellName(28, 7)).toBe("AB7");
  });

  test("sheet names are always quoted in references, apostrophes doubled", () => {
    expect(quoteSheet("客户")).toBe("'客户'");
    expect(qualifiedRange("O'Neil 检视", { top: 2, left: 1, bottom: 5, right: 1 })).toBe("'O''Neil 检视'!$A$2:$A$5");
  });

  test("sheet names Excel refuses", () => {
    expect(sheetNameProblem("资产检视-张伟")).toBeUndefined();
    expect(sheetNameProblem("")).toMatch(/empty/);
    expect(sheetNameProblem("a:b")).toMatch(/contains/);
    expect(sheetNameProblem("'x")).toMatch(/apostrophe/);
    expect(sheetNameProblem("History")).toMatch(/reserves/);
    expect(sheetNameProblem("一".repeat(32))).toMatch(/31/);
  });
});

describe("style plan", () => {
  test("later entries add to earlier ones; each distinct combination once, as few rectangles as possible", () => {
    const rects = planStyles(
      [
        { range: "A1:C10", style: { border: true } },
        { range: "A1:C1", style: { bold: true } },
        { range: "B2:B10", numberFormat: "0.0%" },
        { range: "B1", style: { bold: false, italic: true } },
      ],
      "S",
    );
    const byCell = (col: number, row: number) => rects.find((r) => row >= r.range.top && row <= r.range.bottom && col >= r.range.left && col <= r.range.right)?.format;
    expect(byCell(1, 1)).toEqual({ border: true, bold: true });
    expect(byCell(2, 1)).toEqual({ border: true, bold: false, italic: true });
    expect(byCell(2, 5)).toEqual({ border: true, numberFormat: "0.0%" });
    expect(byCell(3, 10)).toEqual({ border: true });
    expect(byCell(4, 4)).toBeUndefined();
    // A1, B1, C1, A2:A10, B2:B10, C2:C10
    expect(rects).toHaveLength(6);
    expect(new Set(rects.map((r) => r.key)).size).toBe(4);
  });

  test("every cell covered by some entry gets exactly the merge of its entries, in order", () => {
    const entry = fc.record({
      top: fc.integer({ min: 1, max: 6 }),
      left: fc.integer({ min: 1, max: 6 }),
      h: fc.integer({ min: 0, max: 3 }),
      w: fc.integer({ min: 0, max: 3 }),
      bold: fc.option(fc.boolean(), { nil: undefined }),
      fill: fc.option(fc.constantFrom("#FF0000", "#00FF00"), { nil: undefined }),
      numberFormat: fc.option(fc.constantFrom("0", "0.0%"), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), (entries) => {
        const formats = entries.map((e) => ({
          range: rangeName({ top: e.top, left: e.left, bottom: e.top + e.h, right: e.left + e.w }),
          ...(e.numberFormat ? { numberFormat: e.numberFormat } : {}),
          style: { ...(e.bold !== undefined ? { bold: e.bold } : {}), ...(e.fill ? { fill: e.fill } : {}) },
        }));
        const rects = planStyles(formats, "S");
        for (let row = 1; row <= 10; row++) {
          for (let col = 1; col <= 10; col++) {
            const covering = entries.filter((e) => row >= e.top && row <= e.top + e.h && col >= e.left && col <= e.left + e.w);
            const expected: Record<string, unknown> = {};
            for (const e of covering) {
              if (e.bold !== undefined) expected.bold = e.bold;
              if (e.fill) expected.fill = e.fill;
              if (e.numberFormat) expected.numberFormat = e.numberFormat;
            }
            const hits = rects.filter((r) => row >= r.range.top && row <= r.range.bottom && col >= r.range.left && col <= r.range.right);
            if (covering.length === 0 || Object.keys(expected).length === 0) {
              if (hits.length > 1) return false;
              if (hits.length === 1 && Object.keys(hits[0].format).length > 0) return false;
            } else if (hits.length !== 1 || JSON.stringify(Object.entries(hits[0].format).sort()) !== JSON.stringify(Object.entries(expected).sort())) {
              return false;
            }
          }
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});

describe("zip", () => {
  test("crc32 matches zlib", () => {
    const data = new TextEncoder().encode("客户编号,姓名\nC0001,张伟\n".repeat(50));
    expect(crc32(data)).toBe(nodeCrc32(data));
  });

  test("written archives read back, and zlib agrees on every entry", async () => {
    const enc = new TextEncoder();
    const entries = [await makeEntry("[Content_Types].xml", enc.encode("<Types/>")), await makeEntry("xl/工作表.xml", enc.encode("<x>数据</x>".repeat(1000)))];
    const zip = writeZip(entries);
    const back = readZip(zip);
    expect(back.map((e) => e.name)).toEqual(["[Content_Types].xml", "xl/工作表.xml"]);
    expect(new TextDecoder().decode(await entryBytes(back[1]))).toBe("<x>数据</x>".repeat(1000));
    expect(new TextDecoder().decode(inflateRawSync(back[1].raw))).toBe("<x>数据</x>".repeat(1000));
    expect(back[1].crc32).toBe(nodeCrc32(enc.encode("<x>数据</x>".repeat(1000))));
  });

  test("entries deflated by another writer (zlib) are read", async () => {
    const data = new TextEncoder().encode("hello ".repeat(100));
    const raw = new Uint8Array(deflateRawSync(data));
    const zip = writeZip([{ name: "a.txt", method: 8, crc32: nodeCrc32(data), size: data.length, raw, time: 0, date: 0x21 }]);
    expect(new TextDecoder().decode(await entryBytes(readZip(zip)[0]))).toBe("hello ".repeat(100));
  });

  test("not a zip", () => {
    expect(() => readZip(new TextEncoder().encode("a,b\n1,2\n"))).toThrow(/not a readable \.xlsx file/);
  });

  test("relationship targets", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet2.xml")).toBe("xl/worksheets/sheet2.xml");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
  });
});

describe("cell XML", () => {
  const sheet = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

  test("what we write reads back the same, whatever the text holds", () => {
    const text = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.constantFrom("=1+1", "_x0041_", "a\r\nb", "\u0001ctl", " lead", "trail ", "<&>\"'", "张伟", "", "_x005F_x0041_"),
    );
    const value = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 6 }), { maxLength: 6 }), (grid) => {
        const cells = new SheetCells();
        grid.forEach((row, r) => row.forEach((v, c) => v !== null && (cells.at(c + 1, r + 1).value = v)));
        const back = parseSheetCells(sheet(cells.toXml()), []);
        const expected = grid.map((row) => row.map((v) => (typeof v === "number" && Object.is(v, -0) ? 0 : v)));
        for (const row of expected) while (row.length > 0 && row[row.length - 1] === null) row.pop();
        while (expected.length > 0 && expected[expected.length - 1].length === 0) expected.pop();
        for (const row of back) while (row.length > 0 && row[row.length - 1] === null) row.pop();
        while (back.length > 0 && back[back.length - 1].length === 0) back.pop();
        expect(back).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  test("formulas carry their cached result with its type; styled empty cells are kept as styles only", () => {
    const cells = new SheetCells();
    cells.at(1, 1).formula = "SUM(B1:B3)";
    cells.at(1, 1).cached = { type: "n", text: "6" };
    cells.at(2, 1).formula = 'IF(A1>5,"多","少")';
    cells.at(2, 1).cached = { type: "str", text: "多" };
    cells.at(3, 1).formula = "A1>5";
    cells.at(3, 1).cached = { type: "b", text: "1" };
    cells.styleRange(1, 4, 1, 4, 7);
    expect(cells.toXml()).toBe(
      '<row r="1"><c r="A1"><f>SUM(B1:B3)</f><v>6</v></c><c r="B1" t="str"><f>IF(A1&gt;5,&quot;多&quot;,&quot;少&quot;)</f><v>多</v></c><c r="C1" t="b"><f>A1&gt;5</f><v>1</v></c><c r="D1" s="7"/></row>',
    );
    expect(parseSheetCells(sheet(cells.toXml()), [])).toEqual([[6, "多", true]]);
  });

  test("Excel's _xHHHH_ escapes and phonetic runs in shared strings", () => {
    expect(excelText("_x0041_ a\rb \u0002")).toBe("_x005F_x0041_ a_x000D_b _x0002_");
    expect(decodeXString("_x005F_x0041_ a_x000D_b")).toBe("_x0041_ a\rb");
    const sst = parseSharedStrings('<sst><si><t>东京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si/><si><r><t xml:space="preserve">A </t></r><r><rPr><b/></rPr><t>&amp; B</t></r></si></sst>');
    expect(sst).toEqual(["东京", "", "A & B"]);
  });

  test("property: excelText's fast path (text with nothing to escape is returned as it is) = the full escaping, on any text", () => {
    // the full escaping, as excelText did for every text before the fast path
    const reference = (s: string) => xmlEscape(s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")).replace(/\r/g, "_x000D_");
    const pieces = fc.constantFrom("_x0041_", "_x", "_", "x", "&", "<", ">", '"', "'", "\r", "\n", "\t", "\u0001", "\u001f", "客户", "A", " ");
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.array(pieces).map((a) => a.join(""))), (s) => {
        expect(excelText(s)).toBe(reference(s));
      }),
      { numRuns: 1000 },
    );
  });

  test("saved sheet parts get our rows after excelize's, and clashes are caught", () => {
    const saved = '<worksheet><sheetPr filterMode="true"></sheetPr><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><autoFilter ref="$A$1:$B$4"></autoFilter></worksheet>';
    expect(insertRows(saved, '<row r="2"><c r="A2"><v>1</v></c></row>', 1, "S")).toBe(
      '<worksheet><sheetPr></sheetPr><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>1</v></c></row></sheetData><autoFilter ref="A1:B4"></autoFilter></worksheet>',
    );
    expect(insertRows("<worksheet><sheetData/></worksheet>", '<row r="1"></row>', 0, "S")).toBe('<worksheet><sheetData><row r="1"></row></sheetData></worksheet>');
    expect(() => insertRows(saved, "", 0, "S")).toThrow(/row 1 was written outside src\/xlsx/);
  });
});

describe("sheet head", () => {
  test("our <cols> go right before sheetData, the used range replaces excelize's, a clash is caught", () => {
    const saved = '<worksheet><sheetPr><tabColor rgb="FF0070C0"/></sheetPr><dimension ref="A1"></dimension><sheetViews/><sheetFormatPr defaultRowHeight="15"/><sheetData/></worksheet>';
    const cols = '<cols><col min="1" max="2" width="14" customWidth="1"/></cols>';
    expect(patchSheetHead(saved, cols, "A1:G9", "S")).toBe(
      `<worksheet><sheetPr><tabColor rgb="FF0070C0"/></sheetPr><dimension ref="A1:G9"/><sheetViews/><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData/></worksheet>`,
    );
    // no dimension written: it goes after sheetPr, or first when there is none
    expect(patchSheetHead("<worksheet><sheetPr/><sheetData/></worksheet>", "", "B2", "S")).toBe('<worksheet><sheetPr/><dimension ref="B2"/><sheetData/></worksheet>');
    expect(patchSheetHead('<worksheet xmlns="x"><sheetViews/><sheetData/></worksheet>', "", "B2", "S")).toBe('<worksheet xmlns="x"><dimension ref="B2"/><sheetViews/><sheetData/></worksheet>');
    expect(() => patchSheetHead(`<worksheet>${cols}<sheetData/></worksheet>`, cols, undefined, "S")).toThrow(/column widths were written outside/);
  });
});

describe("drawing plumbing", () => {
  const WS = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

  test("<drawing> goes before the first child CT_Worksheet puts after it, or at the end", () => {
    const tail = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="landscape"/>';
    const withNotes = `${WS}<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${tail}<legacyDrawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts></worksheet>`;
    expect(insertDrawingElement(withNotes, "rId3", "S")).toBe(withNotes.replace('<legacyDrawing', '<drawing r:id="rId3"/><legacyDrawing'));
    const plain = `${WS}<sheetData/>${tail}</worksheet>`;
    expect(insertDrawingElement(plain, "rId1", "S")).toBe(plain.replace("</worksheet>", '<drawing r:id="rId1"/></worksheet>'));
    // an extLst nested in a conditional format is not the sheet's own extLst; ">" inside attribute values is fine
    const nested = `${WS}<sheetData></sheetData><conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1&gt;1</formula><extLst><ext uri="x"/></extLst></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation sqref="B1" prompt="a>b"/></dataValidations><extLst><ext uri="y"/></extLst></worksheet>`;
    expect(insertDrawingElement(nested, "rId9", "S")).toBe(nested.replace('<extLst><ext uri="y"/>', '<drawing r:id="rId9"/><extLst><ext uri="y"/>'));
    // no r namespace on the root: declared on the element itself
    const noR = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
    expect(insertDrawingElement(noR, "rId1", "S")).toContain('<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></worksheet>');
    // a prefixed worksheet keeps its prefix
    const prefixed = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheetData/><x:tableParts count="0"/></x:worksheet>';
    expect(insertDrawingElement(prefixed, "rId1", "S")).toContain('<x:drawing r:id="rId1"/><x:tableParts');
    expect(() => insertDrawingElement(`${WS}<sheetData/><drawing r:id="rId1"/></worksheet>`, "rId2", "S")).toThrow(/already has a drawing/);
  });

  test("the worksheet's direct children, in order", () => {
    const xml = `${WS}<sheetPr/><dimension ref="A1"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;drawing&gt;</t></is></c></row></sheetData><!-- <legacyDrawing/> --><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
    expect(worksheetChildren(xml).map((c) => c.name)).toEqual(["sheetPr", "dimension", "sheetData", "mergeCells"]);
  });

  test("relationship ids: excelize's are kept, new ones are the next free rIdN", () => {
    expect(nextRelationshipId([])).toBe("rId1");
    expect(nextRelationshipId(["rId1", "rId2", "rId7"])).toBe("rId8");
    expect(nextRelationshipId(["rId1", "rIdX", "custom"])).toBe("rId2");
    const rels = relationshipsXml([
      { id: "rId1", type: "t/vmlDrawing", target: "../drawings/vmlDrawing1.vml" },
      { id: "rId2", type: "t/comments", target: "../comments1.xml" },
      { id: "rId3", type: "t/hyperlink", target: "https://example.com/?a=1&b=2", external: true },
    ]);
    const added = addRelationship(rels, REL_DRAWING, "../drawings/drawing4.xml");
    expect(added.id).toBe("rId4");
    expect(parseRelationships(added.xml)).toEqual([
      { id: "rId1", type: "t/vmlDrawing", target: "../drawings/vmlDrawing1.vml" },
      { id: "rId2", type: "t/comments", target: "../comments1.xml" },
      { id: "rId3", type: "t/hyperlink", target: "https://example.com/?a=1&b=2", external: true },
      { id: "rId4", type: REL_DRAWING, target: "../drawings/drawing4.xml" },
    ]);
    const fresh = addRelationship(undefined, REL_DRAWING, "../drawings/drawing1.xml");
    expect(fresh.id).toBe("rId1");
    expect(parseRelationships(fresh.xml)).toEqual([{ id: "rId1", type: REL_DRAWING, target: "../drawings/drawing1.xml" }]);
    const empty = addRelationship('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>', REL_DRAWING, "d.xml");
    expect(parseRelationships(empty.xml)).toEqual([{ id: "rId1", type: REL_DRAWING, target: "d.xml" }]);
  });

  test("relative targets between parts", () => {
    expect(relativeTarget("xl/worksheets/sheet12.xml", "xl/drawings/drawing3.xml")).toBe("../drawings/drawing3.xml");
    expect(relativeTarget("xl/drawings/drawing3.xml", "xl/charts/chart7.xml")).toBe("../charts/chart7.xml");
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet1.xml")).toBe("worksheets/sheet1.xml");
    fc.assert(
      fc.property(fc.array(fc.constantFrom("xl", "a", "b"), { maxLength: 3 }), fc.array(fc.constantFrom("xl", "a", "c"), { maxLength: 3 }), (from, to) => {
        const a = [...from, "p.xml"].join("/");
        const b = [...to, "q.xml"].join("/");
        return resolveTarget(a, relativeTarget(a, b)) === b;
      }),
    );
  });

  test("content types: an Override for each new part, none twice", () => {
    const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/charts/chart1.xml" ContentType="x"/></Types>';
    const out = addContentTypeOverrides(types, [
      { partName: "/xl/charts/chart1.xml", contentType: CONTENT_TYPE_CHART },
      { partName: "/xl/charts/chart2.xml", contentType: CONTENT_TYPE_CHART },
    ]);
    expect(out.match(/chart1\.xml/g)).toHaveLength(1);
    expect(out).toContain(`<Override PartName="/xl/charts/chart2.xml" ContentType="${CONTENT_TYPE_CHART}"/></Types>`);
  });
});
