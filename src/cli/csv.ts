/**
 * CSV files as RawTables for the book codec: parsing with papaparse, line numbers, and the problems of a line
 * the codec must report (bytes not valid in the file's encoding — see ./csvEncoding.ts —, more cells than the
 * header). A workbook given as a CSV is named for what it is.
 *
 * The RawTable is laid out by line: data row i is CSV line headerRow + 1 + i, so every row error the codec reports
 * carries the CSV line number. Lines that hold no record of their own (blank lines, the continuation lines of a
 * quoted cell with a line break) are empty rows, which the codec skips.
 */
import Papa from "papaparse";
import { matchHeaders } from "../book/headers";
import type { RawIssue, RawTable, RawValue } from "../book/raw";
import type { TableKey } from "../book/schema";
import type { BadLine } from "./csvEncoding";
import { UsageError } from "./usage";

export { decodeCsv } from "./csvEncoding";
export type { BadLine, CsvEncoding, DecodedCsv } from "./csvEncoding";

/** The magic bytes of files that are not CSV text, and what to say about each (in the three languages). */
const NOT_CSV: { magic: number[]; what: string }[] = [
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    what:
      "this is an .xlsx workbook, not a CSV file — use `clientbook build` to read a workbook / 这是 .xlsx 工作簿，不是 CSV 文件，读取工作簿请用 clientbook build / " +
      "這是 .xlsx 活頁簿，不是 CSV 檔，讀取活頁簿請用 clientbook build",
  },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0],
    what:
      "this is an old .xls workbook, not a CSV file — save it in Excel as .xlsx and use `clientbook build`, or save it as \"CSV UTF-8\" / " +
      "这是旧版 .xls 工作簿，不是 CSV 文件，请在 Excel 中另存为 .xlsx 后用 clientbook build，或另存为“CSV UTF-8” / " +
      "這是舊版 .xls 活頁簿，不是 CSV 檔，請在 Excel 中另存為 .xlsx 後用 clientbook build，或另存為「CSV UTF-8」",
  },
];

/** Refuses a file that is a workbook (by its magic bytes, whatever its name) with a message that says what to use. */
export function checkCsvFile(bytes: Uint8Array, file: string): void {
  for (const { magic, what } of NOT_CSV) if (magic.every((b, i) => bytes[i] === b)) throw new UsageError(`${file}: ${what}`);
}

export interface CsvRecord {
  cells: string[];
  /** 1-based line the record starts on. */
  line: number;
}

/**
 * Splits CSV text into records with their starting lines. papaparse picks the file's line ending (looking past
 * quoted cells, so a line break typed inside a cell — Alt+Enter in Excel — stays in its cell, verbatim); lines
 * are counted at every \r\n, \n or \r. A quoting error stops with a UsageError naming the line.
 */
export function parseCsvRecords(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let start = 0;
  let line = 1;
  let scanned = 0;
  let failure: string | undefined;
  // papaparse guesses the delimiter (comma, tab, semicolon…) only when parsing without a step function
  const delimiter = Papa.parse<string[]>(text, { preview: 20, skipEmptyLines: true }).meta.delimiter || ",";
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (r, parser) => {
      for (; scanned < start; scanned++) {
        const ch = text.charCodeAt(scanned);
        if (ch === 10 || (ch === 13 && text.charCodeAt(scanned + 1) !== 10)) line++;
      }
      // "could not guess the delimiter" is only a warning: papaparse then uses the comma
      const errors = r.errors.filter((e) => e.type !== "Delimiter");
      if (errors.length > 0) {
        const e = errors[0];
        failure = `${file}:${line}: ${e.code === "MissingQuotes" ? 'a quoted cell is never closed (a " without its closing ")' : e.message}`;
        parser.abort();
        return;
      }
      records.push({ cells: r.data, line });
      // papaparse's cursor is just past the line ending that ends the record: where the next one starts
      start = r.meta.cursor;
    },
  });
  if (failure) throw new UsageError(failure);
  return records;
}

function blank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === "");
}

/**
 * A CSV file as the RawTable of `key`: the header row is the first of the first 20 records that names every
 * required column of `key` (files exported from other systems may start with a title line), else the first
 * non-blank record. `sheet` names the file in row errors ("clients.csv, row 7"); `file` (default `sheet`) names
 * it in a UsageError. Lines in `badLines` (bytes the encoding cannot read) and records with more non-empty cells
 * than the header (usually an unquoted comma) become the table's issues: the codec rejects those rows.
 */
export function csvTable(text: string, sheet: string, key: TableKey, file: string = sheet, badLines: readonly BadLine[] = []): RawTable {
  const all = parseCsvRecords(text, file);
  // the record each bad line belongs to: the last one starting on or before it (a quoted cell may span lines)
  const badOf = new Map<number, BadLine>();
  for (const b of badLines) {
    let owner: CsvRecord | undefined;
    for (const r of all) {
      if (r.line > b.line) break;
      owner = r;
    }
    if (owner && !badOf.has(owner.line)) badOf.set(owner.line, b);
  }
  const records = all.filter((r) => !blank(r.cells) || badOf.has(r.line));
  if (records.length === 0) throw new UsageError(`${file}: the file is empty (no header row)`);
  const header =
    records.slice(0, 20).find((r) => !matchHeaders(key, r.cells).missing.some((c) => c.required)) ?? records[0];
  const b = badOf.get(header.line);
  if (b) {
    throw new UsageError(
      `${file}:${b.line}: bytes ${b.bytes} are not valid ${b.encoding} text in the header rows; save the file as "CSV UTF-8" or name its encoding with --encoding`,
    );
  }
  const width = header.cells.length;
  const rows: RawValue[][] = [];
  const issues = new Map<number, RawIssue[]>();
  for (const r of records) {
    if (r.line <= header.line) continue;
    const at = r.line - header.line - 1;
    while (rows.length < at) rows.push([]);
    rows.push(r.cells);
    const mine: RawIssue[] = [];
    const bad = badOf.get(r.line);
    if (bad) {
      const col = r.cells.findIndex((c) => c.includes("\uFFFD"));
      const issue: RawIssue = { code: "badEncoding", params: { bytes: bad.bytes, encoding: bad.encoding, latin1: bad.latin1 } };
      if (col >= 0) Object.assign(issue, { column: col < width ? header.cells[col] : `#${col + 1}`, columnIndex: col, value: r.cells[col] });
      mine.push(issue);
    }
    const extra = r.cells.slice(width).filter((c) => c.trim() !== "");
    if (extra.length > 0) mine.push({ code: "extraCells", value: extra.join(" | "), params: { count: extra.length, width } });
    if (mine.length > 0) issues.set(r.line, mine);
  }
  const table: RawTable = { headers: header.cells, rows, headerRow: header.line, sheet, verbatimText: true };
  return issues.size > 0 ? { ...table, issues } : table;
}
