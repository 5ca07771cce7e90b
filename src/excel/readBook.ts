/**
 * Reading the book's tables.
 *
 * Normal case — one sync: for each of the seven tables (found by its Excel table name), the whole table range is
 * loaded (header and body values, position) together with whatever else the command needs (sheets, settings).
 * The row counts are not known before that load, so the read does not try to predict the 5 MB response limit.
 *
 * When the response is refused (ResponsePayloadSizeLimitExceeded: a book of thousands of clients on Excel on the
 * web), the read falls back to a counted, chunked read: one sync for each table's size, header row and the
 * command's other loads, then the bodies in row ranges packed into as few syncs as the limit allows. Row ranges
 * start from an estimate of bytes per cell, which is corrected from what each sync actually brought back; a range
 * refused anyway is halved and read again.
 *
 * A table the manager renamed (e.g. to 客户) is found by its name or its sheet's name in any language in a second
 * sync — only in that case.
 */
import { readBook as decodeBook, type ReadBookResult } from "../book/codec";
import type { RawTable, RawValue } from "../book/raw";
import { TABLE_KEYS, TABLES, tableKeyForName, type TableKey } from "../book/schema";
import type { IsoDate } from "../domain/types";
import { PAYLOAD_LIMIT, jsonBytes, type Batch } from "./batch";
import { officeCode } from "./errors";

/** Where a table is in the workbook, as read. */
export interface TableInfo {
  key: TableKey;
  tableName: string;
  sheet: string;
  /** 0-based row and column of the header row's first cell. */
  rowIndex: number;
  columnIndex: number;
  headers: RawValue[];
  /** Data rows (an empty table has one blank row in Excel). */
  rowCount: number;
  /** The table's data rows as read (absent when only the headers were asked for). */
  rows?: RawValue[][];
  /** Number format of each column in the first data row (new rows inherit it): "@" columns keep text as typed. */
  columnFormats?: string[];
}

export interface BookRead<X> {
  tables: Partial<Record<TableKey, TableInfo>>;
  /** What the command's own loads returned. */
  extra: X;
}

export interface ReadOptions<X> {
  /** Tables to read (default: all seven). */
  keys?: readonly TableKey[];
  /** Tables of which only the header row and size are needed. */
  headersOnly?: readonly TableKey[];
  /** Queues the command's own loads; called again for the counted read after a refused response. */
  extra?: (ctx: Excel.RequestContext) => () => X;
}

/**
 * What one chunk of the counted read may bring back by our estimate. Tests lower it together with the fake host's
 * limit, to exercise chunking on a small book.
 */
export const readLimits = { responseBudget: PAYLOAD_LIMIT - 256 * 1024 };
/** First guess of a cell's size in a response (CJK text is 3 bytes a character); corrected as chunks come back. */
const FIRST_GUESS_BYTES_PER_CELL = 64;

interface Pending {
  key: TableKey;
  table: Excel.Table;
  range: Excel.Range;
  header: Excel.Range;
  firstRow: Excel.Range;
  full: boolean;
}

function queueTable(ctx: Excel.RequestContext, key: TableKey, name: string, full: boolean): Pending {
  const table = ctx.workbook.tables.getItemOrNullObject(name);
  const range = table.getRange();
  const header = table.getHeaderRowRange();
  if (full) range.load("values,rowIndex,columnIndex,rowCount,columnCount,worksheet/name");
  else {
    range.load("rowIndex,columnIndex,rowCount,columnCount,worksheet/name");
    header.load("values");
  }
  const firstRow = table.getDataBodyRange().getRow(0);
  firstRow.load("numberFormat");
  return { key, table, range, header, firstRow, full };
}

function infoOf(p: Pending): TableInfo | undefined {
  if (p.table.isNullObject) return undefined;
  const values = p.full ? (p.range.values as RawValue[][]) : [(p.header.values as RawValue[][])[0]];
  const info: TableInfo = {
    key: p.key,
    tableName: TABLES[p.key].tableName,
    sheet: p.range.worksheet.name,
    rowIndex: p.range.rowIndex,
    columnIndex: p.range.columnIndex,
    headers: values[0] ?? [],
    rowCount: p.range.rowCount - 1,
  };
  if (p.full) info.rows = values.slice(1);
  const formats = p.firstRow.numberFormat as unknown[][] | undefined;
  if (formats && formats[0]) info.columnFormats = formats[0].map((f) => (typeof f === "string" ? f : "General"));
  return info;
}

function isResponseTooLarge(err: unknown): boolean {
  return officeCode(err) === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Reads tables (and the command's extra loads) in one sync, or — when the response would exceed 5 MB — in a
 * counted, chunked read. The returned TableInfo carries rows for every table read in full.
 */
export async function readTables<X = undefined>(batch: Batch, opts: ReadOptions<X> = {}): Promise<BookRead<X>> {
  const keys = opts.keys ?? TABLE_KEYS;
  const headersOnly = new Set(opts.headersOnly ?? []);
  const ctx = batch.ctx;

  const queueAll = (full: (k: TableKey) => boolean) => {
    const pending = keys.map((k) => queueTable(ctx, k, TABLES[k].tableName, full(k)));
    const all = ctx.workbook.tables;
    all.load("items/name,items/worksheet/name");
    const extra = opts.extra ? opts.extra(ctx) : () => undefined as X;
    return { pending, all, extra };
  };

  let first = queueAll((k) => !headersOnly.has(k));
  let chunked = false;
  try {
    await batch.sync();
  } catch (err) {
    if (!isResponseTooLarge(err)) throw err;
    // Counted read: sizes and headers first, then bodies in chunks.
    first = queueAll(() => false);
    await batch.sync();
    chunked = true;
  }

  const tables: Partial<Record<TableKey, TableInfo>> = {};
  for (const p of first.pending) {
    const info = infoOf(p);
    if (info) tables[p.key] = info;
  }

  // Tables under another name (renamed by the manager, or typed as 客户 / Clients on their sheet).
  const renamed = keys.filter((k) => !tables[k]);
  const found: { key: TableKey; name: string }[] = [];
  if (renamed.length > 0) {
    for (const t of first.all.items) {
      if (keys.some((k) => tables[k]?.tableName.toLowerCase() === t.name.toLowerCase())) continue;
      const key = tableKeyForName(t.name) ?? tableKeyForName(t.worksheet.name);
      if (key && renamed.includes(key) && !found.some((f) => f.key === key)) found.push({ key, name: t.name });
    }
  }
  if (found.length > 0) {
    const pending = found.map((f) => queueTable(ctx, f.key, f.name, !chunked && !headersOnly.has(f.key)));
    await batch.sync();
    for (const p of pending) {
      const info = infoOf(p);
      if (info) tables[p.key] = { ...info, tableName: found.find((f) => f.key === p.key)!.name };
    }
  }

  if (chunked) {
    const wanted = keys.filter((k) => tables[k] && !headersOnly.has(k)).map((k) => tables[k]!);
    await readBodiesChunked(batch, wanted);
  }
  return { tables, extra: first.extra() };
}

interface BodyPiece {
  info: TableInfo;
  from: number;
  to: number;
}

/** Reads table bodies in row ranges, as many per sync as the 5 MB response limit allows. */
async function readBodiesChunked(batch: Batch, infos: TableInfo[]): Promise<void> {
  const perCell = new Map<TableKey, number>();
  // Until a table's own cells have been measured, guess from the tables measured so far, else a CJK-heavy guess.
  let firstGuess = FIRST_GUESS_BYTES_PER_CELL;
  const parts = new Map<TableKey, RawValue[][][]>();
  let todo: BodyPiece[] = [];
  for (const info of infos) {
    info.rows = [];
    parts.set(info.key, []);
    if (info.rowCount > 0) todo.push({ info, from: 0, to: info.rowCount });
  }
  const cellBytes = (info: TableInfo) => perCell.get(info.key) ?? firstGuess;
  const results = new Map<BodyPiece, RawValue[][]>();

  let budget = readLimits.responseBudget;
  // The one loop over syncs here: one round trip per response-sized chunk of rows.
  while (todo.length > 0) {
    // Pack pieces (cut to fit) into one sync's worth of response.
    const sync: BodyPiece[] = [];
    const rest: BodyPiece[] = [];
    let used = 0;
    for (const piece of todo) {
      const width = Math.max(1, piece.info.headers.length);
      const rowBytes = width * cellBytes(piece.info) + 4;
      const room = Math.floor((budget - used) / rowBytes);
      if (room <= 0) {
        rest.push(piece);
        continue;
      }
      const to = Math.min(piece.to, piece.from + room);
      sync.push({ info: piece.info, from: piece.from, to });
      used += (to - piece.from) * rowBytes;
      if (to < piece.to) rest.push({ info: piece.info, from: to, to: piece.to });
    }
    if (sync.length === 0) {
      // Not even one row fits the estimate: send one row alone and let the host decide.
      const p = todo[0];
      sync.push({ info: p.info, from: p.from, to: p.from + 1 });
      rest.splice(0, rest.length, ...(p.to > p.from + 1 ? [{ info: p.info, from: p.from + 1, to: p.to }] : []), ...todo.slice(1));
    }
    const ranges = sync.map((p) => {
      const r = batch.ctx.workbook.worksheets
        .getItem(p.info.sheet)
        .getRangeByIndexes(p.info.rowIndex + 1 + p.from, p.info.columnIndex, p.to - p.from, Math.max(1, p.info.headers.length));
      r.load("values");
      return r;
    });
    try {
      await batch.sync();
    } catch (err) {
      if (!isResponseTooLarge(err)) throw err;
      // Refused anyway: the cells are larger than estimated. Read the same rows again in half the room.
      if (sync.length === 1 && sync[0].to - sync[0].from === 1) {
        throw new Error(`readBook: row ${sync[0].info.rowIndex + 2 + sync[0].from} of ${sync[0].info.tableName} is larger than a response may carry`);
      }
      for (const p of sync) perCell.set(p.info.key, cellBytes(p.info) * 2);
      budget = Math.max(1, Math.floor(budget / 2));
      todo = [...sync, ...rest];
      continue;
    }
    sync.forEach((p, i) => {
      const values = ranges[i].values as RawValue[][];
      results.set(p, values);
      const cells = Math.max(1, (p.to - p.from) * Math.max(1, p.info.headers.length));
      perCell.set(p.info.key, Math.max((jsonBytes(values) / cells) * 1.25, 4));
    });
    firstGuess = Math.max(...perCell.values(), 4);
    todo = rest;
  }
  const ordered = [...results.entries()].sort((a, b) => a[0].from - b[0].from);
  for (const [piece, values] of ordered) parts.get(piece.info.key)!.push(values);
  for (const info of infos) info.rows = parts.get(info.key)!.flat();
}

/** The codec's input from what was read. */
export function rawTables(tables: Partial<Record<TableKey, TableInfo>>): Partial<Record<TableKey, RawTable>> {
  const out: Partial<Record<TableKey, RawTable>> = {};
  for (const key of TABLE_KEYS) {
    const t = tables[key];
    if (!t || !t.rows) continue;
    out[key] = { headers: t.headers, rows: t.rows, headerRow: t.rowIndex + 1, sheet: t.sheet };
  }
  return out;
}

export interface LoadedBook<X> extends BookRead<X> {
  read: ReadBookResult;
  hasBook: boolean;
}

/** Reads the whole book (and the command's extra loads) and decodes it. */
export async function loadBook<X = undefined>(batch: Batch, opts: { asOf?: IsoDate; extra?: ReadOptions<X>["extra"] } = {}): Promise<LoadedBook<X>> {
  const r = await readTables<X>(batch, { extra: opts.extra });
  const read = decodeBook(rawTables(r.tables), opts.asOf ? { asOf: opts.asOf } : {});
  return { ...r, read, hasBook: TABLE_KEYS.some((k) => r.tables[k] !== undefined) };
}
