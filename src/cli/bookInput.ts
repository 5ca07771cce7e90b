/**
 * A filled client book from an .xlsx file: each of the eight tables found as an Excel table (by its name, or by a
 * header row that makes it that table), else as a header row typed on a sheet without an Excel table (the sheet
 * named like the table first, then any sheet); then read by the book codec, row errors and all.
 */
import { decodeBook } from "../book/codec";
import { missingRateErrors } from "../book/missingRates";
import { valueBook } from "../domain/fx";
import type { RowError } from "../book/errors";
import { detectTable, matchHeaders } from "../book/headers";
import type { RawTable, RawValue } from "../book/raw";
import { TABLE_KEYS, tableKeyForName } from "../book/schema";
import type { TableKey } from "../book/schema";
import type { Book, IsoDate } from "../domain/types";
import { findTable, readWorkbookTables, XlsxError } from "../xlsx";
import { UsageError } from "./usage";

export interface BookFile {
  book: Book;
  errors: RowError[];
  /** The tables as found (sheet set on each), for copying them verbatim and for the import-errors sheet. */
  tables: Partial<Record<TableKey, RawTable & { sheet: string }>>;
  /** Where each table was found: an Excel table's name, or "header row" for a typed sheet. */
  foundAs: Partial<Record<TableKey, string>>;
}

/** 1904-system serials are this many days behind the 1900 system's. */
const DAYS_1904 = 1462;

function isHeaderOf(key: TableKey): (cells: readonly RawValue[]) => boolean {
  return (cells) => !matchHeaders(key, cells).missing.some((c) => c.required) && detectTable(cells) === key;
}

/** Numbers in date columns moved from the 1904 to the 1900 date system. */
function shiftDates1904(key: TableKey, t: RawTable): RawTable {
  const match = matchHeaders(key, t.headers);
  const cols = match.columns.flatMap((c, i) => (c?.type === "date" ? [i] : []));
  if (cols.length === 0) return t;
  const rows = t.rows.map((r) => {
    const out = [...r];
    for (const i of cols) if (typeof out[i] === "number") out[i] = (out[i] as number) + DAYS_1904;
    return out;
  });
  return { ...t, rows };
}

/**
 * Reads the book in `bytes` (`file` names it in messages). An unreadable file or one without a Clients table is
 * a UsageError; bad rows are row errors. With `asOf`, the rows valued on it that no rate converts are row errors too
 * (missingRate: the codec refuses a holding, policy or review row itself; a client's income in another currency is
 * left out of the figures and listed here, src/book/missingRates.ts), so they are on stderr and count in the exit status.
 */
export async function readBookFile(bytes: Uint8Array, file: string, opts: { asOf?: IsoDate } = {}): Promise<BookFile> {
  let wb;
  try {
    wb = await readWorkbookTables(bytes);
  } catch (e) {
    if (e instanceof XlsxError) throw new UsageError(`${file}: ${e.detail ?? e.message}`);
    throw e;
  }
  const tables: Partial<Record<TableKey, RawTable & { sheet: string }>> = {};
  const foundAs: Partial<Record<TableKey, string>> = {};
  const usedSheets = new Set<string>();

  // 1. Excel tables: by table name (Clients, 客户…), else by what their header row says they are.
  for (const t of wb.tables) {
    const key = tableKeyForName(t.tableName) ?? detectTable(t.table.headers);
    if (!key || tables[key]) continue;
    tables[key] = { ...t.table, sheet: t.sheet, verbatimText: true };
    foundAs[key] = t.tableName;
    usedSheets.add(t.sheet);
  }
  // 2. Tables typed without an Excel table: a header row on the sheet named for the table, else on any other sheet.
  const free = wb.sheets.filter((s) => !usedSheets.has(s));
  for (const key of TABLE_KEYS) {
    if (tables[key]) continue;
    const candidates = [...free.filter((s) => tableKeyForName(s) === key), ...free.filter((s) => tableKeyForName(s) !== key)];
    for (const sheet of candidates) {
      if (usedSheets.has(sheet)) continue;
      const found = findTable(wb.grids.get(sheet) ?? [], isHeaderOf(key), { sheet });
      if (!found) continue;
      tables[key] = { ...found, sheet, verbatimText: true };
      foundAs[key] = "header row";
      usedSheets.add(sheet);
      break;
    }
  }
  if (!tables.clients) {
    throw new UsageError(
      `${file}: no Clients table found (an Excel table named Clients/客户/客戶, or a sheet whose header row has ClientId and Name in any language)`,
    );
  }
  if (wb.date1904) for (const key of TABLE_KEYS) if (tables[key]) tables[key] = { ...shiftDates1904(key, tables[key]!), sheet: tables[key]!.sheet };

  const read = decodeBook(tables, opts.asOf ? { asOf: opts.asOf } : {});
  const sheets = Object.fromEntries(Object.entries(tables).map(([k, t]) => [k, t.sheet]));
  const unrated = opts.asOf ? missingRateErrors(valueBook(read.book, opts.asOf).missing, { rows: read.rows, sheets }, read.book.settings.language) : [];
  return { book: read.book, errors: [...read.errors, ...unrated], tables, foundAs };
}
