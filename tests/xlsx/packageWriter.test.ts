/**
 * The workbook written part by part (src/xlsx/packageWriter.ts, what `clientbook build` uses) says exactly what the
 * excelize-written one says: for the 40-client sample in zh-CN and en-US — the book's eight tables and every
 * output sheet — the same sheets in the same order, the same cells (values, formulas and cached results), the same
 * format on every cell (number format, font, fill, border, alignment resolved through styles.xml), the same widths,
 * row heights, panes, merges, autofilters, conditional formats (with their formats), drop-down lists, links, notes,
 * tables, charts (the same chart XML, anchored alike), page set-up and footer, the same defined names (print titles,
 * filter ranges, ClientBook's markers) and the same tab shown first. tests/xlsx/workbookModel.ts reads both files.
 */
import { TABLE_KEYS } from "../../src/book/schema";
import { outputSheets, writeWorkbook } from "../../src/cli/output";
import type { WorkbookPlan } from "../../src/cli/output";
import type { Lang } from "../../src/domain/types";
import { generateBook, SAMPLE_SEED } from "../../src/sample";
import { bookTables } from "../../src/xlsx/bookFile";
import { entryText, readZip } from "../../src/xlsx/zip";
import { ChunkSink } from "../../src/xlsx/zipStream";
import { workbookModel } from "./workbookModel";

const AS_OF = "2026-05-15";

function plan(lang: Lang, writer: "stream" | "excelize"): WorkbookPlan {
  const book = generateBook({ clients: 40, seed: SAMPLE_SEED, asOf: AS_OF, lang });
  return { tables: bookTables(book, lang), sheets: outputSheets(book, { asOf: AS_OF, lang }), title: "ClientBook", writer };
}

describe.each<Lang>(["zh-CN", "en-US"])("40-client sample, %s: streamed file = excelize file", (lang) => {
  let before: Awaited<ReturnType<typeof workbookModel>>;
  let after: Awaited<ReturnType<typeof workbookModel>>;
  let afterBytes: Uint8Array;
  let beforeBytes: Uint8Array;

  beforeAll(async () => {
    const old = await writeWorkbook(plan(lang, "excelize"));
    const now = await writeWorkbook(plan(lang, "stream"));
    afterBytes = now.bytes;
    beforeBytes = old.bytes;
    expect(now.size).toBe(now.bytes.length);
    expect(now.sheets).toEqual(old.sheets);
    before = await workbookModel(old.bytes);
    after = await workbookModel(now.bytes);
  }, 120_000);

  test("the same sheets in the same order, the same one shown first and selected", () => {
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    // eight tables, then two calendars, coverage, Today, the ladder, the profile list and 40 reviews at least
    expect(after.sheets.length).toBeGreaterThanOrEqual(TABLE_KEYS.length + 40);
    expect(after.activeSheet).toBe(before.activeSheet);
    expect(after.selectedTabs).toEqual(before.selectedTabs);
    expect(after.selectedTabs).toEqual([after.activeSheet]);
  });

  test("every sheet: the same cells, formulas, cell formats and row heights", () => {
    for (const [i, s] of after.sheets.entries()) {
      const b = before.sheets[i];
      expect({ sheet: s.name, cells: s.cells }).toEqual({ sheet: b.name, cells: b.cells });
      expect({ sheet: s.name, formulas: s.formulas }).toEqual({ sheet: b.name, formulas: b.formulas });
      expect({ sheet: s.name, formats: s.formats }).toEqual({ sheet: b.name, formats: b.formats });
      expect({ sheet: s.name, rowHeights: s.rowHeights }).toEqual({ sheet: b.name, rowHeights: b.rowHeights });
    }
    // the check can fail: the sample has formulas and formatted cells
    expect(after.sheets.some((s) => Object.keys(s.formulas).length > 0)).toBe(true);
    expect(after.sheets.some((s) => Object.values(s.formats).some((f) => f.bold && f.fill))).toBe(true);
  });

  test("every sheet: the same widths, panes, merges, filters, conditional formats, lists, links, notes, tables, charts and page set-up", () => {
    for (const [i, s] of after.sheets.entries()) {
      expect({ sheet: s.name, parts: s.parts }).toEqual({ sheet: before.sheets[i].name, parts: before.sheets[i].parts });
    }
    const kinds = new Set(after.sheets.flatMap((s) => Object.keys(s.parts)));
    for (const k of ["cols", "sheetViews", "autoFilter", "conditionalFormatting", "dataValidations", "hyperlinks", "pageSetup", "headerFooter", "drawing", "legacyDrawing", "tableParts"]) {
      expect([k, kinds.has(k)]).toEqual([k, true]);
    }
  });

  test("the same defined names and recalculation on load", () => {
    expect(after.definedNames).toEqual(before.definedNames);
    expect(after.definedNames.some((d) => (d as { name: string }).name === "_xlnm.Print_Titles")).toBe(true);
    expect(after.definedNames.some((d) => (d as { name: string }).name.startsWith("_ClientBook."))).toBe(true);
    expect(after.fullCalcOnLoad).toBe(before.fullCalcOnLoad);
  });

  test("the same theme: charts without colours of their own take their series colours from its accents", async () => {
    // without the theme part LibreOffice drew the review's pie and columns without fills
    const theme = async (b: Uint8Array) => entryText(readZip(b).find((e) => e.name === "xl/theme/theme1.xml")!);
    expect(await theme(afterBytes)).toBe(await theme(beforeBytes));
    expect(await theme(afterBytes)).toContain("<a:accent1>");
  });

  test("a sink gets the same bytes the writer returns, and the zip is whole", async () => {
    const sink = new ChunkSink();
    const w = await writeWorkbook({ ...plan(lang, "stream"), sink });
    expect(w.bytes.length).toBe(0);
    expect(Buffer.compare(Buffer.from(sink.bytes()), Buffer.from(afterBytes))).toBe(0);
    const names = readZip(afterBytes).map((e) => e.name);
    expect(names).toContain("[Content_Types].xml");
    expect(new Set(names).size).toBe(names.length);
  });
});
