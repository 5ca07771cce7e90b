/**
 * Reading the book's tables.
 *
 * Normal case — one sync: for each of the seven tables (found by its Excel table name), the whole table range is
 * loaded (header and body values, position) together with whatever else the command needs (sheets, settings).
 *
 * A large book (thousands of clients) does not fit one response on Excel on the web (5 MB). Its rows are read in a
 * counted, chunked read: one sync for each table's size, header row and the command's other loads, then the bodies
 * in row ranges packed into as few syncs as the limit allows. Row ranges start from an estimate of bytes per cell,
 * corrected from what each sync actually brought back; a range refused anyway is halved and read again.
 *
 * Whether a book is large is known from the size hint (readSize.ts: what the last read of this document learned,
 * kept for the session and in the workbook). With a hint saying the book does not fit, the first sync is the
 * counted read and also carries as many body rows as fit, so no round trip is wasted. Without one — the first read
 * of a book in a session, with nothing stored in the file — the first sync asks for everything and, when Excel
 * refuses the response (ResponsePayloadSizeLimitExceeded), the counted read follows.
 *
 * A table the manager renamed (e.g. to 客户) is found by its name or its sheet's name in any language in a second
 * sync — only in that case.
 */
import { BOOK_SCHEMA_VERSION, newerBookMessage } from "../book/bookVersion";
import { decodeBook, type DecodedBook } from "../book/codec";
import type { RawTable, RawValue } from "../book/raw";
import { TABLE_KEYS, TABLES, tableKeyForName, type TableKey } from "../book/schema";
import type { IsoDate } from "../domain/types";
import { PAYLOAD_LIMIT, jsonBytes, type Batch } from "./batch";
import { commandError, officeCode } from "./errors";
import {
  blindHeads, CAUTIOUS_BYTES_PER_CELL, decodeReadSize, encodeReadSize, mergeSizes, planFirstRead, READ_SIZE_SETTING, rowBytes, SAFETY, sizeMemo, worthStoring, type ReadSize,
  type TableSize,
} from "./readSize";

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
 * What one sync of the counted read may bring back by our estimate. Tests lower it together with the fake host's
 * limit, to exercise chunking on a small book.
 */
export const readLimits = { responseBudget: PAYLOAD_LIMIT - 256 * 1024 };

export interface Pending {
  key: TableKey;
  table: Excel.Table;
  range: Excel.Range;
  header: Excel.Range;
  firstRow: Excel.Range;
  full: boolean;
  /** The body's first rows, read with the counted read, and how many were asked for. */
  head?: { range: Excel.Range; rows: number };
}

export function queueTable(ctx: Excel.RequestContext, key: TableKey, name: string, full: boolean, headRows = 0): Pending {
  const table = ctx.workbook.tables.getItemOrNullObject(name);
  const range = table.getRange();
  const header = table.getHeaderRowRange();
  if (full) range.load("values,rowIndex,columnIndex,rowCount,columnCount,worksheet/name");
  else {
    range.load("rowIndex,columnIndex,rowCount,columnCount,worksheet/name");
    header.load("values");
  }
  const body = table.getDataBodyRange();
  const firstRow = body.getRow(0);
  firstRow.load("numberFormat");
  const pending: Pending = { key, table, range, header, firstRow, full };
  if (!full && headRows > 0) {
    // Addressed from the table as it is now (wherever it sits, however wide), and cut to its body: a table that
    // shrank since the hint does not send the empty rows below it (Range.getIntersectionOrNullObject, ExcelApi 1.4).
    const head = body.getIntersectionOrNullObject(firstRow.getResizedRange(headRows - 1, 0));
    head.load("values");
    pending.head = { range: head, rows: headRows };
  }
  return pending;
}

export function infoOf(p: Pending): TableInfo | undefined {
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
  // The counted rows decide, not the hint: a table that shrank leaves empty rows below it in the head.
  else if (p.head) info.rows = p.head.range.isNullObject ? [] : (p.head.range.values as RawValue[][]).slice(0, Math.min(p.head.rows, info.rowCount));
  const formats = p.firstRow.numberFormat as unknown[][] | undefined;
  if (formats && formats[0]) info.columnFormats = formats[0].map((f) => (typeof f === "string" ? f : "General"));
  return info;
}

function isResponseTooLarge(err: unknown): boolean {
  return officeCode(err) === "ResponsePayloadSizeLimitExceeded";
}

/** Response bytes per cell of each table, from the rows read (sampled: measuring 20 MB of JSON would cost time). */
class CellSizes {
  private readonly sums = new Map<TableKey, { bytes: number; cells: number }>();

  add(key: TableKey, rows: readonly RawValue[][]): void {
    if (rows.length === 0) return;
    const step = Math.max(1, Math.floor(rows.length / 256));
    let bytes = 0;
    let cells = 0;
    let sampled = 0;
    for (let i = 0; i < rows.length; i += step) {
      bytes += jsonBytes(rows[i]) + 1;
      cells += rows[i].length;
      sampled++;
    }
    const scale = rows.length / sampled;
    const sum = this.sums.get(key) ?? { bytes: 0, cells: 0 };
    sum.bytes += bytes * scale;
    sum.cells += cells * scale;
    this.sums.set(key, sum);
  }

  perCell(key: TableKey): number | undefined {
    const sum = this.sums.get(key);
    return sum && sum.cells > 0 ? Math.max(sum.bytes / sum.cells, 1) : undefined;
  }
}

/** The sizes a read found: counts as read, cells as measured (absent for a table whose body was not read). */
function sizesFound(keys: readonly TableKey[], tables: Partial<Record<TableKey, TableInfo>>, cells: CellSizes): ReadSize {
  const out: ReadSize = {};
  for (const key of keys) {
    const info = tables[key];
    if (!info) continue;
    const size: TableSize = { rows: info.rowCount, columns: Math.max(1, info.headers.length) };
    const bytes = cells.perCell(key);
    if (bytes !== undefined) size.bytesPerCell = bytes;
    out[key] = size;
  }
  return out;
}

/**
 * Reads tables (and the command's extra loads) in one sync, or — when the response would exceed 5 MB — in a
 * counted, chunked read. The returned TableInfo carries rows for every table read in full.
 *
 * Without a hint, or with one that says the response fits, the first sync asks for everything; a refused response
 * is followed by the counted read, then the bodies in chunks. With a hint that says it does not fit, the first
 * sync is the counted read and carries as many body rows as the hint says fit, so no round trip is refused.
 */
export async function readBookTables<X = undefined>(batch: Batch, opts: ReadOptions<X> = {}): Promise<BookRead<X>> {
  const keys = opts.keys ?? TABLE_KEYS;
  const headersOnly = new Set(opts.headersOnly ?? []);
  const ctx = batch.ctx;
  const memo = sizeMemo();
  const budget = readLimits.responseBudget;

  const queueAll = (bodies: "whole" | "none" | Map<TableKey, number>) => {
    const pending = keys.map((k) => {
      const body = !headersOnly.has(k);
      return queueTable(ctx, k, TABLES[k].tableName, body && bodies === "whole", body && bodies instanceof Map ? (bodies.get(k) ?? 0) : 0);
    });
    const all = ctx.workbook.tables;
    all.load("items/name,items/worksheet/name");
    const extra = opts.extra ? opts.extra(ctx) : () => undefined as X;
    return { pending, all, extra };
  };

  const bodyKeys = keys.filter((k) => !headersOnly.has(k));
  const heads = planFirstRead(memo.hint, bodyKeys, budget);
  const refused = async (): Promise<boolean> => {
    try {
      await batch.sync();
      return false;
    } catch (err) {
      if (!isResponseTooLarge(err)) throw err;
      return true;
    }
  };
  let first = queueAll(heads ?? "whole");
  let chunked = heads !== undefined;
  if (await refused()) {
    // No hint, or one the book has outgrown: sizes, headers and the first rows at a cautious guess of their size.
    chunked = true;
    first = queueAll(blindHeads(bodyKeys, budget));
    // Cells larger still than that guess: sizes and headers alone.
    if (await refused()) {
      first = queueAll("none");
      await batch.sync();
    }
  }

  const cells = new CellSizes();
  const tables: Partial<Record<TableKey, TableInfo>> = {};
  for (const p of first.pending) {
    const info = infoOf(p);
    if (!info) continue;
    tables[p.key] = info;
    if (info.rows) cells.add(p.key, info.rows);
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
      if (!info) continue;
      tables[p.key] = { ...info, tableName: found.find((f) => f.key === p.key)!.name };
      if (info.rows) cells.add(p.key, info.rows);
    }
  }

  // What this read learned, over what the last one did; tables looked for and not found are forgotten.
  const learned = () => {
    const next = mergeSizes(memo.hint, sizesFound(keys, tables, cells));
    for (const key of keys) if (!tables[key]) delete next[key];
    return next;
  };
  // Into the workbook with the last chunk of the read, else with the command's next sync (its write), never alone.
  let stored = false;
  const store = () => {
    stored = true;
    const next = learned();
    if (!worthStoring(memo.stored, next, budget)) return;
    const text = encodeReadSize(next);
    batch.ride(
      (c) => c.workbook.settings.add(READ_SIZE_SETTING, text),
      () => {
        memo.stored = decodeReadSize(text);
      },
    );
  };

  if (chunked) {
    const wanted = keys.filter((k) => tables[k] && !headersOnly.has(k)).map((k) => tables[k]!);
    await readBodiesChunked(batch, wanted, cells, memo.hint, store);
  }
  memo.hint = learned();
  if (!stored) store();
  return { tables, extra: first.extra() };
}

interface BodyPiece {
  info: TableInfo;
  from: number;
  to: number;
}

/**
 * Reads the rest of the table bodies (after the rows the first sync brought, if any) in row ranges, as many per
 * sync as the 5 MB response limit allows. `beforeLast` runs before the last chunk's sync (to queue into it).
 */
async function readBodiesChunked(batch: Batch, infos: TableInfo[], cells: CellSizes, hint: ReadSize | undefined, beforeLast: () => void): Promise<void> {
  // Estimate of a cell's bytes, with a margin: as measured in this read, else as the hint measured it.
  const perCell = new Map<TableKey, number>();
  const estimate = (key: TableKey) => {
    const bytes = cells.perCell(key) ?? hint?.[key]?.bytesPerCell;
    if (bytes !== undefined) perCell.set(key, bytes * SAFETY);
  };
  for (const info of infos) estimate(info.key);
  // Until a table's cells have an estimate, guess from the tables estimated so far, else a CJK-heavy guess.
  let firstGuess = perCell.size > 0 ? Math.max(...perCell.values()) : CAUTIOUS_BYTES_PER_CELL;
  const parts = new Map<TableKey, RawValue[][][]>();
  let todo: BodyPiece[] = [];
  for (const info of infos) {
    const head = info.rows ?? [];
    parts.set(info.key, head.length > 0 ? [head] : []);
    if (info.rowCount > head.length) todo.push({ info, from: head.length, to: info.rowCount });
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
      const bytesPerRow = rowBytes(width, cellBytes(piece.info));
      const room = Math.floor((budget - used) / bytesPerRow);
      if (room <= 0) {
        rest.push(piece);
        continue;
      }
      const to = Math.min(piece.to, piece.from + room);
      sync.push({ info: piece.info, from: piece.from, to });
      used += (to - piece.from) * bytesPerRow;
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
    if (rest.length === 0) beforeLast();
    try {
      await batch.sync();
    } catch (err) {
      if (!isResponseTooLarge(err)) throw err;
      // Refused anyway: the cells are larger than estimated. Read the same rows again in half the room.
      if (sync.length === 1 && sync[0].to - sync[0].from === 1) {
        throw new Error(`readBookTables: row ${sync[0].info.rowIndex + 2 + sync[0].from} of ${sync[0].info.tableName} is larger than a response may carry`);
      }
      for (const p of sync) perCell.set(p.info.key, cellBytes(p.info) * 2);
      budget = Math.max(1, Math.floor(budget / 2));
      todo = [...sync, ...rest];
      continue;
    }
    sync.forEach((p, i) => {
      const values = ranges[i].values as RawValue[][];
      results.set(p, values);
      cells.add(p.info.key, values);
      estimate(p.info.key);
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
  read: DecodedBook;
  hasBook: boolean;
}

/**
 * Reads the whole book (and the command's extra loads) and decodes it. A command that will write refuses a book
 * written by a newer ClientBook (NewerBook, before anything is queued); only the pane's read passes `readOnly`.
 */
export async function loadBook<X = undefined>(batch: Batch, opts: { asOf?: IsoDate; extra?: ReadOptions<X>["extra"]; readOnly?: boolean } = {}): Promise<LoadedBook<X>> {
  const r = await readBookTables<X>(batch, { extra: opts.extra });
  const read = decodeBook(rawTables(r.tables), opts.asOf ? { asOf: opts.asOf } : {});
  if (!opts.readOnly) refuseNewerBook(read.book.settings.schemaVersion);
  return { ...r, read, hasBook: TABLE_KEYS.some((k) => r.tables[k] !== undefined) };
}

/** Throws NewerBook, with what to do, when `version` is above the one this add-in writes. */
export function refuseNewerBook(version: number): void {
  if (version > BOOK_SCHEMA_VERSION) throw commandError("NewerBook", newerBookMessage(version));
}
