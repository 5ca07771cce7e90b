/**
 * A table as it comes out of (or goes into) a sheet, a CSV or an .xlsx file: plain cell values, no Office types.
 * Office.js `range.values` gives exactly these (string | number | boolean; empty cells as "").
 */
export type RawValue = string | number | boolean | null;

export interface RawTable {
  /** The header row as written in the sheet (any of the three languages, or the internal keys). */
  headers: RawValue[];
  /** Data rows below the header; a row may be shorter than the header (missing cells are blank). */
  rows: RawValue[][];
  /** 1-based Excel row of the header; data row i (0-based) is Excel row headerRow + 1 + i. */
  headerRow: number;
  /** Sheet name as shown in Excel, used in row errors; defaults to the table's sheet name in the book's language. */
  sheet?: string;
  /**
   * Problems the source found in rows before the codec sees them (a CSV line whose bytes are not valid in the
   * file's encoding, a line with more cells than the header), by row number: each such row is rejected with them.
   */
  issues?: ReadonlyMap<number, readonly RawIssue[]>;
  /**
   * The cells are text as written — a CSV, a saved .xlsx — so a leading apostrophe is part of the text, kept.
   * Otherwise (Office.js values) it is read as Excel's text prefix and dropped.
   */
  verbatimText?: boolean;
}

/** A problem with a whole row found by the source (CSV reader); the codec reports it as a row error. */
export interface RawIssue {
  code: "badEncoding" | "extraCells";
  column?: string;
  columnIndex?: number;
  value?: string;
  params?: Record<string, string | number>;
}

/** What the writer produces: localised headers and cell values, in schema column order. */
export interface WrittenTable {
  headers: string[];
  rows: RawValue[][];
}
