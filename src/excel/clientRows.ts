/**
 * What a command about one client hands back to the task pane so that the pane need not read the whole book after
 * it (issue #19: a click on Log contact, Record review or Save costs the command's own syncs only): each table as the
 * command found it, the rows it read (./clientRead.ts: the client's rows; every row of a table read whole) and, read
 * back in the command's last write sync — no sync of its own — the rows it wrote, where they now are, and each
 * table's size after the writes. The pane puts those rows in their place in its book and decodes it again
 * (src/taskpane/model/clientMerge.ts), so what it shows is what a full read would show of this client.
 *
 * Excel runs a batch in order, so values loaded after the writes in the same batch are the cells as written (the
 * number formats the write set included): "the queued commands are executed in the order they were queued" (Office
 * Add-ins, "Excel JavaScript object model": context.sync). When the table moved or changed width meanwhile (a
 * co-author's insert), or the op never ran, no rows are handed back and the pane reads the whole book.
 */
import type { RawValue } from "../book/raw";
import type { RecordTableKey, TableKey } from "../book/schema";
import type { ClientRows, ClientTableRows } from "./api";
import { ACTION_BYTES, type SingleOp } from "./batch";
import type { ClientLoaded } from "./clientRead";
import type { TableInfo } from "./readBookTables";
import { onlyBlankRow } from "./tableWrite";

/** What a command writes into one table, in data indexes of the table as it read it. */
export interface TableWrites {
  /** Rows changed in place. */
  updated: readonly number[];
  /** Rows deleted. */
  deleted: readonly number[];
  /** Rows appended at the end (appendRowsOps), and the table they were appended to (after the deletions). */
  appended: number;
  appendTo?: TableInfo;
}

/** Data index of the first row appendRowsOps adds to `info`: Excel's one blank row of an empty table is filled first. */
export function appendStart(info: TableInfo): number {
  return onlyBlankRow(info) ? 0 : info.rowCount;
}

/** The rows a command read of a table: every row when it read the table whole, else the rows it read of it. */
function rowsRead<X>(loaded: ClientLoaded<X>, key: TableKey, info: TableInfo): [number, RawValue[]][] {
  if (info.rows && info.rows.length === info.rowCount) return info.rows.map((r, i) => [i, r]);
  const some = key === "settings" ? undefined : loaded.rowsRead?.[key];
  return some ? [...some.entries()] : [];
}

/** Where the rows of `writes` are after them: kept updated rows moved up by the deletions above, then the appended block. */
export function writtenIndexes(rowCount: number, writes: TableWrites): number[] {
  const deleted = [...new Set(writes.deleted)].sort((a, b) => a - b);
  const gone = new Set(deleted);
  const shift = (i: number) => i - deleted.filter((d) => d < i).length;
  const out = new Set<number>();
  for (const i of writes.updated) if (!gone.has(i)) out.add(shift(i));
  const left = rowCount - deleted.length;
  if (writes.appended > 0 || deleted.length > 0) {
    // The appended rows; a table left with no data row keeps Excel's blank row 0, read too.
    const start = writes.appendTo ? appendStart(writes.appendTo) : left;
    const to = Math.max(start + writes.appended, left === 0 ? 1 : 0);
    for (let i = Math.min(start, left); i < to; i++) out.add(i);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The read-back of a command's writes as the last operation of its write batch (./batch.ts runWrites packs it into
 * the last chunk: a few actions and the client's rows, no sync of its own); `result()` after that sync gives what
 * the pane needs, or undefined when it cannot be sure.
 */
export function clientRowsOp<X>(loaded: ClientLoaded<X>, clientId: string, writes: Partial<Record<RecordTableKey, TableWrites>>): { op: SingleOp; result(): ClientRows | undefined } {
  const touched = (Object.keys(writes) as RecordTableKey[]).filter((k) => {
    const w = writes[k]!;
    return loaded.tables[k] && (w.updated.length > 0 || w.deleted.length > 0 || w.appended > 0);
  });
  let loads: { key: RecordTableKey; shape: Excel.Range; rows: { at: number; range: Excel.Range }[] }[] = [];
  // Nothing written: nothing to read back (the caller sends the op with its writes only, never alone).
  let ran = touched.length === 0;
  const indexes = new Map(touched.map((k) => [k, writtenIndexes(loaded.tables[k]!.rowCount, writes[k]!)] as const));
  const ranges = [...indexes.values()].reduce((n, xs) => n + xs.length, 0);
  const op: SingleOp = {
    kind: "single",
    // Loads only: two actions a table for its size, two a row read back; the rows come back in the response.
    bytes: (2 * touched.length + 2 * ranges) * ACTION_BYTES,
    queue(ctx) {
      loads = touched.map((key) => {
        const info = loaded.tables[key]!;
        const shape = ctx.workbook.tables.getItem(info.tableName).getRange().load("rowIndex,columnIndex,rowCount,columnCount");
        const ws = ctx.workbook.worksheets.getItem(info.sheet);
        const width = Math.max(1, info.headers.length);
        const rows = indexes.get(key)!.map((at) => ({ at, range: ws.getRangeByIndexes(info.rowIndex + 1 + at, info.columnIndex, 1, width).load("values") }));
        return { key, shape, rows };
      });
    },
    done() {
      ran = true;
    },
  };
  const result = (): ClientRows | undefined => {
    if (!ran) return undefined;
    const tables: ClientRows["tables"] = {};
    for (const [key, info] of Object.entries(loaded.tables) as [TableKey, TableInfo][]) {
      const w = key === "settings" ? undefined : writes[key];
      const t: ClientTableRows = {
        sheet: info.sheet,
        rowIndex: info.rowIndex,
        columnIndex: info.columnIndex,
        headers: info.headers,
        rowCount: info.rowCount,
        read: rowsRead(loaded, key, info),
        deleted: w ? [...new Set(w.deleted)] : [],
        rowCountAfter: info.rowCount,
        written: [],
      };
      const back = loads.find((l) => l.key === key);
      if (back) {
        const s = back.shape;
        // Moved or widened since the command read it (a co-author's insert): the rows read back may be others'.
        if (s.rowIndex !== info.rowIndex || s.columnIndex !== info.columnIndex || s.columnCount !== info.headers.length) return undefined;
        t.rowCountAfter = s.rowCount - 1;
        t.written = back.rows.filter((r) => r.at < t.rowCountAfter).map((r) => [r.at, (r.range.values as RawValue[][])[0]]);
      }
      tables[key] = t;
    }
    return { clientId, tables };
  };
  return { op, result };
}
