/**
 * The fake host cannot read .xlsx, so insertWorksheetsFromBase64 asks a decoder (host.setXlsxDecoder). This one
 * serves the files it was given — decoded ahead of time by our own reader (src/xlsx/readBook): every sheet's
 * stored values from A1 and its Excel tables — and refuses any other bytes, so a test proves the exact file
 * reached Excel.
 */
import type { SheetSeed, XlsxDecoder } from "../fake-excel";
import { readWorkbookTables } from "../../src/xlsx/readBook";

/** The sheets of an .xlsx as the fake host's seeds. */
export async function sheetSeedsOf(bytes: Uint8Array): Promise<SheetSeed[]> {
  const wb = await readWorkbookTables(bytes);
  return wb.sheets.map((name) => ({
    name,
    rows: wb.grids.get(name) ?? [],
    tables: wb.tables.filter((t) => t.sheet === name).map((t) => ({ name: t.tableName, address: t.range })),
  }));
}

/** A decoder that knows exactly these files (base64 → seeds). */
export function knownFilesDecoder(files: ReadonlyMap<string, SheetSeed[]>): XlsxDecoder {
  return (base64) => {
    const seeds = files.get(base64);
    if (!seeds) throw new Error("the fake host was asked to insert an .xlsx it was not given (not the built template)");
    return seeds;
  };
}
