/**
 * What this Excel can do, asked once per command through Office.context.requirements.isSetSupported — the one
 * place that knows which requirement set each feature needs. The manifest asks for ExcelApi 1.12; everything
 * newer is optional and has a fallback:
 * - cell notes: notes (ExcelApi 1.18) → threaded comments (1.10) → a summary column beside the sheet's grid;
 * - inserting the shipped template's sheets: insertWorksheetsFromBase64 (1.13), else the tables are created one by one;
 * - the client-facing review as a new workbook: Excel.createWorkbook (1.8), else a sheet in this workbook;
 * - Table.resize (1.13), else tables grow by rows.add / columns.add only;
 * - several blocks formatted by one write, Worksheet.getRanges and RangeAreas.format (1.9; src/excel/areas.ts), else
 *   one write per format range and per run of rows of one height. The manifest's 1.12 includes 1.9, so the fallback
 *   is for a host that answers otherwise.
 */

export type NotesMode = "notes" | "comments" | "column";

export interface Capabilities {
  notes: NotesMode;
  insertWorksheets: boolean;
  createWorkbook: boolean;
  tableResize: boolean;
  rangeAreas: boolean;
}

/** The requirement set and version behind each optional feature. */
export const FEATURE_SETS = {
  notes: "1.18",
  comments: "1.10",
  insertWorksheets: "1.13",
  createWorkbook: "1.8",
  tableResize: "1.13",
  rangeAreas: "1.9",
} as const;

function excelApi(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false; // hosts without a requirements object (tests, old clients) support only the base set
  }
}

export function detectCapabilities(): Capabilities {
  return {
    notes: excelApi(FEATURE_SETS.notes) ? "notes" : excelApi(FEATURE_SETS.comments) ? "comments" : "column",
    insertWorksheets: excelApi(FEATURE_SETS.insertWorksheets),
    createWorkbook: excelApi(FEATURE_SETS.createWorkbook),
    tableResize: excelApi(FEATURE_SETS.tableResize),
    rangeAreas: excelApi(FEATURE_SETS.rangeAreas),
  };
}
