/**
 * CSV files as RawTables for the book codec: decoding (UTF-8 with or without BOM, UTF-16 with BOM as Excel's
 * "Unicode text", else GB18030 as Chinese Excel saves "CSV"), parsing with papaparse, and line numbers.
 *
 * The RawTable is laid out by line: data row i is CSV line headerRow + 1 + i, so every row error the codec reports
 * carries the CSV line number. Lines that hold no record of their own (blank lines, the continuation lines of a
 * quoted cell with a line break) are empty rows, which the codec skips.
 */
import iconv from "iconv-lite";
import Papa from "papaparse";
import { matchHeaders } from "../book/headers";
import type { RawTable, RawValue } from "../book/raw";
import type { TableKey } from "../book/schema";
import { UsageError } from "./usage";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

/** The file's text: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else is read as GB18030. */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030"), encoding: "gb18030" };
  }
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
 * it in a UsageError.
 */
export function csvTable(text: string, sheet: string, key: TableKey, file: string = sheet): RawTable {
  const records = parseCsvRecords(text, file).filter((r) => !blank(r.cells));
  if (records.length === 0) throw new UsageError(`${file}: the file is empty (no header row)`);
  const header =
    records.slice(0, 20).find((r) => !matchHeaders(key, r.cells).missing.some((c) => c.required)) ?? records[0];
  const rows: RawValue[][] = [];
  for (const r of records) {
    if (r.line <= header.line) continue;
    const at = r.line - header.line - 1;
    while (rows.length < at) rows.push([]);
    rows.push(r.cells);
  }
  return { headers: header.cells, rows, headerRow: header.line, sheet };
}
