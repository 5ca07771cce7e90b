/**
 * The file renderer's markers (src/xlsx/markers.ts): every rendered output sheet gets a hidden workbook-scoped
 * defined name referring to the whole sheet; an opened file's markers of sheets rendered again or gone are dropped.
 */
import { demoCommand } from "../../src/cli/commands/demo";
import { markedSheet, markerNumber } from "../../src/sheets/marker";
import { readMarkers, writeMarkers } from "../../src/xlsx/markers";
import { workbookPart } from "../../src/xlsx/parts";
import { entryText, readZip } from "../../src/xlsx/zip";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";

async function workbookXml(bytes: Uint8Array): Promise<string> {
  const entries = readZip(bytes);
  const wb = await workbookPart(entries);
  return entryText(entries.find((e) => e.name === wb)!);
}

test("clientbook demo: one hidden marker per output sheet, none for the tables", async () => {
  const r = await demoCommand({ out: "d.xlsx", lang: "zh-CN", clients: 3, asOf: "2026-05-15" });
  const bytes = r.files[0].bytes;
  const xml = await workbookXml(bytes);
  const marks = readMarkers(xml);
  const { sheets } = await readWorkbookTables(bytes);
  expect(marks.map((m) => m.sheet)).toEqual(sheets.slice(8));
  expect(marks.map((m) => markerNumber(m.name))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  // hidden workbook-scoped names: the nine markers only (the autofilters' _xlnm._FilterDatabase are hidden too, but
  // local to their sheet — ECMA-376 Part 1 §18.2.5 localSheetId)
  const hiddenGlobal = [...xml.matchAll(/<definedName [^>]*>/g)].filter((m) => /hidden="(1|true)"/.test(m[0]) && !/localSheetId=/.test(m[0]));
  expect(hiddenGlobal.length).toBe(9);
});

describe("writeMarkers", () => {
  const wb = (names: string) => `<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets>${names}<calcPr/></workbook>`;

  test("adds a definedNames element after sheets, with quoted, escaped references", () => {
    const xml = writeMarkers(wb(""), ["a", "R&D's"], ["R&D's"]);
    expect(xml).toBe(`<workbook><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_ClientBook.1" hidden="1">'R&amp;D''s'!$1:$1048576</definedName></definedNames><calcPr/></workbook>`);
    expect(readMarkers(xml)).toEqual([{ name: "_ClientBook.1", sheet: "R&D's" }]);
  });

  test("keeps the manager's names and markers of kept sheets; drops markers of sheets gone or rendered again; numbers after the highest", () => {
    const names =
      `<definedNames><definedName name="Rates">a!$A$1</definedName><definedName name="_ClientBook.4" hidden="1">'kept'!$1:$1048576</definedName>` +
      `<definedName name="_ClientBook.7" hidden="1">'gone'!$1:$1048576</definedName><definedName name="_ClientBook.9" hidden="1">#REF!$1:$1048576</definedName>` +
      `<definedName name="_ClientBook.2" hidden="1">today!$1:$1048576</definedName></definedNames>`;
    const xml = writeMarkers(wb(names), ["a", "kept", "Today"], ["Today"]);
    expect(readMarkers(xml)).toEqual([
      { name: "_ClientBook.4", sheet: "kept" },
      { name: "_ClientBook.5", sheet: "Today" },
    ]);
    expect(xml).toContain('<definedName name="Rates">a!$A$1</definedName>');
  });

  test("markedSheet reads the forms Excel and LibreOffice write", () => {
    expect(markedSheet("=Today!$1:$1048576")).toBe("Today");
    expect(markedSheet("'My ''x'''!$1:$1048576")).toBe("My 'x'");
    expect(markedSheet("今日待办!$1:$1048576")).toBe("今日待办");
    expect(markedSheet("=#REF!$1:$1048576")).toBeUndefined();
    expect(markedSheet("Today!$A$1")).toBeUndefined();
  });
});
