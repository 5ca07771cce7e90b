/**
 * A data sheet holding one real Excel table (the book's six tables, the shared template, an import's rows):
 * header row, rows of raw values, per-column number formats, drop-down lists and widths.
 */
import type { RawValue } from "../book/raw";
import { cellName, colName, MAX_ROWS, MAX_TEXT } from "./a1";
import { check, XlsxError } from "./excelize";
import type { XlsxFile } from "./excelize";
import { formatKey } from "./styles";
import { plainRowXml } from "./cellsXml";
import { createSheet, sheetNameProblem, stateOf, styleId } from "./workbook";
import { packText } from "./zip";
import type { PrintSetup } from "../sheets/print";
import { writePrintSetup } from "./printSetup";

export interface TableSheetOptions {
  sheet: string;
  /** Excel table name: a letter or _ first, then letters, digits, _ or . (no spaces); unique in the workbook. */
  tableName: string;
  headers: string[];
  /** Strings are literal text, numbers numbers (dates as serials), null empty. */
  rows: readonly (readonly RawValue[])[];
  /** Number format per column (index = column), e.g. "yyyy-mm-dd", "#,##0.00", "@". */
  columnFormats?: (string | undefined)[];
  /** Drop-down list on a column (0-based), from the first data row to the bottom of the sheet. */
  validations?: { column: number; list: string[] }[];
  /** Column widths in characters, index = column. */
  widths?: number[];
  /** Excel's built-in table style; default TableStyleMedium2. */
  style?: string;
  /** Page set-up (src/sheets/print.ts tablePrintSetup); none leaves the file's defaults. */
  print?: PrintSetup;
}

/** Excel caps a literal drop-down list ("a,b,c") at 255 characters. */
const MAX_LIST = 255;

function tableNameProblem(name: string): string | undefined {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return `table name "${name}" must start with a letter or _ and hold only letters, digits, _ and .`;
  if (name.length > 255) return `table name "${name}" is longer than 255 characters`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$/.test(name) || /^R\d+C\d+$/i.test(name)) return `table name "${name}" looks like a cell reference`;
  return undefined;
}

/** A table sheet's options, checked: what both writers (excelize here, ./packageWriter.ts) put in the file. */
export interface CheckedTableSheet {
  width: number;
  formats: { column: number; code: string }[];
  lists: { sqref: string; formula: string }[];
  widths: (number | undefined)[];
  /** The table's last row (an empty table keeps one blank row) and its range A1:… */
  lastRow: number;
  ref: string;
}

/** Checks everything before the workbook is touched, so bad input leaves no half-written sheet. */
export function checkTableSheet(opts: TableSheetOptions): CheckedTableSheet {
  const { sheet, tableName, headers, rows } = opts;
  // everything is checked before the workbook is touched, so bad input leaves no half-written sheet
  const nameProblem = sheetNameProblem(sheet) ?? tableNameProblem(tableName);
  if (nameProblem) throw new XlsxError(nameProblem, { sheet });
  if (!Array.isArray(headers) || headers.length === 0) throw new XlsxError(`table ${tableName} needs at least one header`, { sheet });
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    if (typeof h !== "string" || h.trim() === "") throw new XlsxError(`table ${tableName}: header ${i + 1} is empty`, { sheet, cell: cellName(i + 1, 1) });
    const k = h.trim().toLowerCase();
    if (seen.has(k)) throw new XlsxError(`table ${tableName}: header "${h}" appears twice (columns ${seen.get(k)! + 1} and ${i + 1})`, { sheet, cell: cellName(i + 1, 1) });
    seen.set(k, i);
  });
  if (!Array.isArray(rows)) throw new XlsxError(`table ${tableName}: rows must be an array`, { sheet });
  if (rows.length + 1 > MAX_ROWS) throw new XlsxError(`table ${tableName} has more rows than a sheet holds`, { sheet });
  const width = headers.length;

  rows.forEach((r, i) => {
    const row = i + 2;
    if (!Array.isArray(r)) throw new XlsxError(`table ${tableName}: row ${i + 1} is not an array`, { sheet, cell: `A${row}` });
    if (r.length > width) throw new XlsxError(`table ${tableName}: row ${i + 1} has ${r.length} cells for ${width} headers`, { sheet, cell: `A${row}` });
    for (let c = 0; c < r.length; c++) {
      const v: unknown = r[c];
      if (v === null || v === undefined) continue;
      if (typeof v === "number" && !Number.isFinite(v)) throw new XlsxError(`${v} is not a number Excel can store`, { sheet, cell: cellName(c + 1, row) });
      if (typeof v === "string" && v.length > MAX_TEXT) throw new XlsxError(`text longer than Excel's ${MAX_TEXT} characters`, { sheet, cell: cellName(c + 1, row) });
      if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") throw new XlsxError(`unsupported value of type ${typeof v}`, { sheet, cell: cellName(c + 1, row) });
    }
  });

  const formats: { column: number; code: string }[] = [];
  opts.columnFormats?.forEach((code, c) => {
    if (code === undefined || code === null) return;
    if (c >= width) throw new XlsxError(`table ${tableName}: a format is given for column ${c + 1}, beyond the ${width} headers`, { sheet });
    if (typeof code !== "string" || code.trim() === "" || code.length > 255) throw new XlsxError(`table ${tableName}: number format of column ${c + 1} must be 1–255 characters`, { sheet });
    formats.push({ column: c, code });
  });

  const lists = (opts.validations ?? []).map((v) => {
    if (!Number.isInteger(v.column) || v.column < 0 || v.column >= width) throw new XlsxError(`table ${tableName}: drop-down list on column ${v.column}, outside the ${width} headers`, { sheet });
    const cell = cellName(v.column + 1, 2);
    if (!Array.isArray(v.list) || v.list.length === 0) throw new XlsxError(`table ${tableName}: drop-down list of column ${v.column + 1} is empty`, { sheet, cell });
    for (const item of v.list) {
      if (typeof item !== "string" || item === "" || /[,"]/.test(item)) throw new XlsxError(`drop-down item ${JSON.stringify(item)} is empty or contains a comma or a quote`, { sheet, cell });
    }
    const formula = `"${v.list.join(",")}"`;
    if (formula.length - 2 > MAX_LIST) throw new XlsxError(`drop-down list of column ${v.column + 1} is longer than Excel's ${MAX_LIST} characters`, { sheet, cell });
    return { sqref: `${cell}:${cellName(v.column + 1, MAX_ROWS)}`, formula };
  });

  const widths: (number | undefined)[] = opts.widths ?? [];
  widths.forEach((w, c) => {
    if (w !== undefined && w !== null && !(Number.isFinite(w) && w >= 0 && w <= 255)) throw new XlsxError(`column width must be 0–255 characters, not ${w}`, { sheet, cell: colName(c + 1) });
  });

  // Excel tables need at least one data row: an empty table gets one blank row to type into.
  const lastRow = Math.max(2, rows.length + 1);
  return { width, formats, lists, widths, lastRow, ref: `A1:${cellName(width, lastRow)}` };
}

/** Writes `opts.rows` under `opts.headers` on a new sheet as the Excel table `opts.tableName`. */
export function addTableSheet(f: XlsxFile, opts: TableSheetOptions): void {
  const { sheet, tableName, headers, rows } = opts;
  const { width, formats, lists, widths, lastRow, ref } = checkTableSheet(opts);
  createSheet(f, sheet);
  // The header row goes through excelize: AddTable names the table's columns from it.
  check(f.SetSheetRow(sheet, "A1", headers), "writing the header row", { sheet, cell: "A1" });
  check(f.AddTable(sheet, { Range: ref, Name: tableName, StyleName: opts.style ?? "TableStyleMedium2", ShowRowStripes: true }), `adding table ${tableName}`, { sheet, cell: ref });
  const styles: (number | undefined)[] = [];
  for (const { column, code } of formats) {
    const format = { numberFormat: code };
    styles[column] = styleId(f, formatKey(format), format, sheet);
  }
  // strings become inline strings: literal text, "=1+1" stays text
  let xml = "";
  for (let row = 2; row <= lastRow; row++) xml += plainRowXml(row, rows[row - 2] ?? [], styles, width);
  stateOf(f).cells.set(sheet, { rows: packText(xml), afterRow: 1 });
  for (const { sqref, formula } of lists) {
    check(
      f.AddDataValidation(sheet, { Sqref: sqref, Type: "list", Formula1: formula, AllowBlank: true, ShowDropDown: false, ShowErrorMessage: true, ErrorStyle: "stop" }),
      "adding a drop-down list",
      { sheet, cell: sqref },
    );
  }
  widths.forEach((w, c) => {
    if (w !== undefined && w !== null) check(f.SetColWidth(sheet, colName(c + 1), colName(c + 1), w), "setting a column width", { sheet, cell: colName(c + 1) });
  });
  check(f.SetSheetDimension(sheet, ref), "setting the used range", { sheet });
  check(f.SetPanes(sheet, { Freeze: true, Split: false, XSplit: 0, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft", Selection: [{ SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft" }] }), "freezing the header row", { sheet });
  if (opts.print) writePrintSetup(f, sheet, opts.print);
}
