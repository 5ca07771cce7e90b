/**
 * An .xlsx as the fake host's sheets, decoded by our own reader (src/xlsx/readWorkbook): every sheet's stored values
 * from A1 and its Excel tables — for the fake host's insertWorksheetsFromBase64 (tests/fake-excel knownFilesDecoder).
 */
import type { SheetSeed } from "../fake-excel";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";

/** The sheets of an .xlsx as the fake host's seeds. */
export async function sheetSeedsOf(bytes: Uint8Array): Promise<SheetSeed[]> {
  const wb = await readWorkbookTables(bytes);
  return wb.sheets.map((name) => ({
    name,
    rows: wb.grids.get(name) ?? [],
    tables: wb.tables.filter((t) => t.sheet === name).map((t) => ({ name: t.tableName, address: t.range })),
  }));
}
