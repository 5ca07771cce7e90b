/**
 * What the last read learned about the size of the book's tables — rows, columns and the bytes a cell takes in a
 * response — so that the next read of a book too large for one response (Excel on the web refuses responses over
 * 5 MB) does not spend a round trip on a response that is refused. Pure planning here; readBookTables.ts does the reading.
 *
 * Kept per document for the session. The add-in's shared runtime is one JavaScript runtime per open document, so
 * the hint is keyed by that runtime's `Office.context.document` (`Office.context` where a host has no document
 * object). The fake host of the tests and the benchmark installs a new Office global per fake workbook, so a hint
 * never crosses from one fake workbook to another.
 *
 * Kept with the file too: workbook.settings "ClientBook.readSize", queued into a sync the command makes anyway, and
 * read back at the first read of a session from `Office.context.document.settings`, which Office loads with the
 * document (no sync). Microsoft documents both as the add-in's per-file settings ("the application-specific APIs
 * for Excel … also provide access to the custom settings") but does not say in so many words that a value added
 * through workbook.settings is what the Common API's `get` returns at the next start, so that seed is best effort.
 *
 * A hint only shapes the first sync. Missing, stale or wrong, it costs at most what a read costs without one (one
 * refused response, then the counted read); the rows read are always those the read itself counts.
 */
import { TABLE_KEYS, TABLES, type TableKey } from "../book/schema";

/** One table as a read found it. */
export interface TableSize {
  /** Data rows (header excluded). */
  rows: number;
  columns: number;
  /** UTF-8 bytes per cell of the table's values in a response, as measured; absent when only the header was read. */
  bytesPerCell?: number;
}

export type ReadSize = Partial<Record<TableKey, TableSize>>;

/** workbook.settings key of the persisted hint. */
export const READ_SIZE_SETTING = "ClientBook.readSize";
const FORMAT_VERSION = 1;

/**
 * Bytes per cell assumed for a table whose cells were never measured (only its size is known, e.g. after set-up):
 * sample books measure 8–14 (CJK text, serial dates), so a 500-client book still reads in one sync.
 */
export const GUESS_BYTES_PER_CELL = 16;
/** A cell's size before anything was measured, when a wrong guess would cost a refused sync (CJK text is 3 bytes a character). */
export const CAUTIOUS_BYTES_PER_CELL = 64;
/** Margin on a measured size when packing a sync: cells vary along a table, a refused sync costs one more. */
export const SAFETY = 1.1;
/** Rows of every table the first sync of a large book reads at least (its share may round to none). */
const MIN_HEAD_ROWS = 8;
/** Response bytes of a header row and the table's size, over the header cells. */
const HEADER_ROW_BYTES = 512;

const MAX_ROWS = 1_048_575;
const MAX_COLUMNS = 16_384;

export function cellBytes(size: TableSize): number {
  return size.bytesPerCell ?? GUESS_BYTES_PER_CELL;
}

/** Response bytes of one row of `columns` cells of `bytesPerCell` each (the row's brackets and comma included). */
export function rowBytes(columns: number, bytesPerCell: number): number {
  return columns * bytesPerCell + 2;
}

/** Predicted response bytes of the bodies of `keys` (cells as measured, or the guess). */
export function predictedBytes(size: ReadSize, keys: readonly TableKey[]): number {
  let bytes = 0;
  for (const key of keys) {
    const t = size[key];
    if (t) bytes += t.rows * rowBytes(t.columns, cellBytes(t));
  }
  return bytes;
}

/**
 * The first sync of a read. `undefined`: read every table whole in one sync (no hint, or the hint says the
 * response fits). Otherwise the counted read (sizes, headers, the command's loads) carries the first rows of every
 * table's body, the same share of each, as many as fit the response by the hint; the rest follows in chunks. The
 * same share of each table (rather than whole tables in order) also reads a book that has shrunk since the hint
 * in this one sync, as far as it shrank below that share.
 */
export function planFirstRead(hint: ReadSize | undefined, bodyKeys: readonly TableKey[], budget: number): Map<TableKey, number> | undefined {
  if (!hint) return undefined;
  if (predictedBytes(hint, bodyKeys) <= budget) return undefined;
  let room = budget - HEADER_ROW_BYTES * TABLE_KEYS.length;
  const tableRow = (t: TableSize) => rowBytes(t.columns, cellBytes(t) * SAFETY);
  // A few rows of every table whatever the share, and Settings whole (one row per setting: 9 now, more with each
  // release), so that a small table is not left for a chunk alone.
  const base = (key: TableKey, t: TableSize) => (key === "settings" ? t.rows : Math.min(t.rows, MIN_HEAD_ROWS));
  let rest = 0;
  for (const key of bodyKeys) {
    const t = hint[key];
    if (!t) continue;
    room -= base(key, t) * tableRow(t);
    rest += (t.rows - base(key, t)) * tableRow(t);
  }
  const share = rest > 0 ? Math.min(1, Math.max(0, room) / rest) : 0;
  const rows = new Map<TableKey, number>();
  for (const key of bodyKeys) {
    const t = hint[key];
    const take = t ? base(key, t) + Math.floor((t.rows - base(key, t)) * share) : 0;
    if (take > 0) rows.set(key, take);
  }
  return rows;
}

/**
 * Body rows for the counted read that follows a refused response when there was no hint: the sizes are not known
 * yet, so each table gets an equal part of the budget at the cautious guess of a cell (the guess the chunks start
 * from) over the schema's columns. Less than a hint allows, but that sync then carries rows rather than none.
 */
export function blindHeads(bodyKeys: readonly TableKey[], budget: number): Map<TableKey, number> {
  const rows = new Map<TableKey, number>();
  if (bodyKeys.length === 0) return rows;
  const part = (budget - HEADER_ROW_BYTES * TABLE_KEYS.length) / bodyKeys.length;
  for (const key of bodyKeys) {
    const take = Math.floor(part / rowBytes(TABLES[key].columns.length, CAUTIOUS_BYTES_PER_CELL));
    if (take > 0) rows.set(key, take);
  }
  return rows;
}

/** `next` with the tables the read did not look at, and cell sizes it did not measure, taken from `previous`. */
export function mergeSizes(previous: ReadSize | undefined, next: ReadSize): ReadSize {
  const out: ReadSize = { ...(previous ?? {}) };
  for (const key of TABLE_KEYS) {
    const n = next[key];
    if (!n) continue;
    const p = previous?.[key];
    const t: TableSize = { rows: n.rows, columns: n.columns };
    const bytes = n.bytesPerCell ?? p?.bytesPerCell;
    if (bytes !== undefined) t.bytesPerCell = bytes;
    out[key] = t;
  }
  return out;
}

/** True when `next` differs from what the workbook holds enough to be worth writing again. */
export function worthStoring(stored: ReadSize | undefined, next: ReadSize, budget: number): boolean {
  // A book that reads in one sync needs no hint: write one only to correct a stored one.
  if (!stored) return predictedBytes(next, TABLE_KEYS) > budget;
  for (const key of TABLE_KEYS) {
    const a = stored[key];
    const b = next[key];
    if (!a || !b) {
      if (a !== b && (a?.rows ?? 0) + (b?.rows ?? 0) > 0) return true;
      continue;
    }
    if (a.columns !== b.columns) return true;
    if (Math.abs(a.rows - b.rows) > a.rows * 0.05 + 64) return true;
    if (b.bytesPerCell !== undefined && (a.bytesPerCell === undefined || Math.abs(a.bytesPerCell - b.bytesPerCell) > a.bytesPerCell * 0.1)) return true;
  }
  return false;
}

/** The persisted form: a JSON string (the one value type both settings APIs read back the same). */
export function encodeReadSize(size: ReadSize): string {
  const tables: Record<string, [number, number] | [number, number, number]> = {};
  for (const key of TABLE_KEYS) {
    const t = size[key];
    if (!t) continue;
    tables[key] = t.bytesPerCell === undefined ? [t.rows, t.columns] : [t.rows, t.columns, Math.round(t.bytesPerCell * 100) / 100];
  }
  return JSON.stringify({ v: FORMAT_VERSION, tables });
}

function isCount(n: unknown, max: number): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= max;
}

/** The persisted hint, or undefined when absent or not something this version wrote (then it is ignored). */
export function decodeReadSize(value: unknown): ReadSize | undefined {
  let data: unknown = value;
  if (typeof value === "string") {
    try {
      data = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof data !== "object" || data === null) return undefined;
  const { v, tables } = data as { v?: unknown; tables?: unknown };
  if (v !== FORMAT_VERSION || typeof tables !== "object" || tables === null) return undefined;
  const out: ReadSize = {};
  for (const [key, entry] of Object.entries(tables)) {
    if (!(TABLE_KEYS as readonly string[]).includes(key)) return undefined;
    if (!Array.isArray(entry) || entry.length < 2 || entry.length > 3) return undefined;
    const [rows, columns, bytes] = entry as unknown[];
    if (!isCount(rows, MAX_ROWS) || !isCount(columns, MAX_COLUMNS) || columns === 0) return undefined;
    const t: TableSize = { rows, columns };
    if (entry.length === 3) {
      if (typeof bytes !== "number" || !Number.isFinite(bytes) || bytes < 1 || bytes > 100_000) return undefined;
      t.bytesPerCell = bytes;
    }
    out[key as TableKey] = t;
  }
  return out;
}

/** The session's knowledge about one document. */
export interface SizeMemo {
  /** What the last read in this session learned (seeded from the file's setting at the first read). */
  hint?: ReadSize;
  /** What the workbook's setting holds, as far as this session knows (undefined: nothing). */
  stored?: ReadSize;
}

const memos = new WeakMap<object, SizeMemo>();
/** Where there is no Office global at all (pure unit tests): one document. */
const NO_OFFICE = {};

function officeGlobal(): typeof Office | undefined {
  return typeof Office === "undefined" ? undefined : Office;
}

function documentKey(): object {
  const context = officeGlobal()?.context as (Office.Context & { document?: Office.Document }) | undefined;
  return context?.document ?? context ?? NO_OFFICE;
}

/** The setting as Office loaded it with the document (no sync); undefined where the Common API has no settings. */
function settingAtStart(): unknown {
  try {
    const settings = (officeGlobal()?.context as { document?: { settings?: Office.Settings } } | undefined)?.document?.settings;
    return settings ? settings.get(READ_SIZE_SETTING) : undefined;
  } catch {
    return undefined; // a host without Office.Settings: no seed
  }
}

/** This document's memo; the first call of a session seeds it from the file. */
export function sizeMemo(): SizeMemo {
  const key = documentKey();
  let memo = memos.get(key);
  if (!memo) {
    const seeded = decodeReadSize(settingAtStart());
    memo = seeded ? { hint: seeded, stored: seeded } : {};
    memos.set(key, memo);
  }
  return memo;
}
