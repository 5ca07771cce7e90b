/**
 * The pane's book after a command about one client (Log contact, Record review, Save), without reading the whole
 * book again (issue #19): the rows the command read and wrote (src/excel/clientRows.ts, from its own syncs) are put
 * in their place in the tables of the pane's last read, and decoded again as a full read decodes them: that client's
 * rows alone where nothing else can read differently (src/book/decodeClient.ts), else the whole book (decodeBook). Everything the pane shows is then computed from that book by
 * the same pure functions as after a full read — the tiers and 80/20 ranks on the whole book's totals
 * (src/domain/tiers.ts), the valuation in the book currency (src/domain/fx.ts valueBook), Today's agenda and the
 * calendar — so the pane shows what a full read would (tests/taskpane/clientMerge.test.ts checks it as a property).
 *
 * What is fresh: this client's rows as they were in the workbook when the command read them (a co-author's edit to
 * them made before the command included) and as the command wrote them. What is not: other clients' rows keep what
 * the pane's last full read found — a co-author's edit to another client is seen at the next full read (opening the
 * pane, Refresh, a command that cannot merge), the same as between two clicks before. When the tables are not where
 * and as large as the pane last saw them (a co-author added or removed rows, moved a table), the rows would not be
 * in their place: the merge gives up and the pane reads the whole book (src/taskpane/store.tsx).
 */
import { decodeBook, type DecodedBook } from "../../book/codec";
import { decodeClientAgain, type TableChange } from "../../book/decodeClient";
import type { RawTable, RawValue } from "../../book/raw";
import { TABLE_KEYS, type TableKey } from "../../book/schema";
import type { ClientRows, ClientTableRows, ReadResult, TableRows } from "../../excel/api";

function sameHeaders(a: readonly RawValue[], b: readonly RawValue[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** One table after the command: the pane's rows with the command's in their place; undefined when they would not fit. */
export function mergeTable(before: TableRows | undefined, t: ClientTableRows): TableRows | undefined {
  // The pane's table must be the one the command read: same place and header (the book's format and the sheets the
  // pane names follow from them), and — unless the command read it whole — the same size, row for row.
  if (!before || before.sheet !== t.sheet || before.rowIndex !== t.rowIndex || before.columnIndex !== t.columnIndex) return undefined;
  if (!sameHeaders(before.headers, t.headers)) return undefined;
  const whole = t.read.length === t.rowCount && t.read.every(([i], n) => i === n);
  if (!whole && before.rows.length !== t.rowCount) return undefined;
  const rows = whole ? t.read.map(([, r]) => r) : before.rows.slice();
  if (!whole) {
    for (const [i, r] of t.read) {
      if (i < 0 || i >= rows.length) return undefined;
      rows[i] = r;
    }
  }
  // The deleted rows, bottom-up so each index still names its row.
  for (const i of [...new Set(t.deleted)].sort((a, b) => b - a)) {
    if (i < 0 || i >= rows.length) return undefined;
    rows.splice(i, 1);
  }
  // After the writes: the rows left, then the rows appended — every one of those read back; nothing else moved.
  const written = new Map(t.written);
  if (rows.length > t.rowCountAfter) return undefined;
  for (const i of written.keys()) if (i < 0 || i >= t.rowCountAfter) return undefined;
  for (let i = rows.length; i < t.rowCountAfter; i++) if (!written.has(i)) return undefined;
  for (const [i, r] of written) rows[i] = r;
  return { sheet: t.sheet, rowIndex: t.rowIndex, columnIndex: t.columnIndex, headers: t.headers, rows };
}

function sameRow(a: readonly RawValue[] | undefined, b: readonly RawValue[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((v, i) => v === b[i]);
}

/** What changed from `before` to `after` (mergeTable of `t`): the rows deleted, and the rows now different or added. */
export function tableChange(before: TableRows, after: TableRows, t: ClientTableRows): TableChange {
  const deleted = [...new Set(t.deleted)].sort((a, b) => a - b);
  const changed: number[] = [];
  let old = 0;
  let d = 0;
  for (let i = 0; i < after.rows.length; i++) {
    while (d < deleted.length && deleted[d] === old) {
      d++;
      old++;
    }
    if (old >= before.rows.length || !sameRow(before.rows[old], after.rows[i])) changed.push(i);
    old++;
  }
  return { deleted, changed };
}

/** The codec's input from the tables (as src/excel/readBookTables.ts rawTables makes it from a read). */
export function rawOf(tables: Partial<Record<TableKey, TableRows>>): Partial<Record<TableKey, RawTable>> {
  const out: Partial<Record<TableKey, RawTable>> = {};
  for (const key of TABLE_KEYS) {
    const t = tables[key];
    if (t) out[key] = { headers: t.headers, rows: t.rows, headerRow: t.rowIndex + 1, sheet: t.sheet };
  }
  return out;
}

/**
 * The pane's read after a command about one client: `read` with the command's rows in place, decoded again; or
 * undefined when it cannot be sure (no tables kept, a table not where the command found it) — then read the book.
 */
export function mergeClientRows(read: ReadResult, client: ClientRows): ReadResult | undefined {
  if (!read.tables || !read.hasBook) return undefined;
  const tables: Partial<Record<TableKey, TableRows>> = {};
  const changes: Partial<Record<TableKey, TableChange>> = {};
  for (const key of TABLE_KEYS) {
    const t = client.tables[key];
    const before = read.tables[key];
    // The same tables as the pane's read: one found or lost since is for a full read to report.
    if (!t !== !before) return undefined;
    if (!t || !before) continue;
    const merged = mergeTable(before, t);
    if (!merged) return undefined;
    tables[key] = merged;
    changes[key] = tableChange(before, merged, t);
  }
  // The client's rows decoded again in place (src/book/decodeClient.ts) where nothing else can read differently,
  // else the whole book — the same result either way, the first in the time of the client's rows.
  const was: DecodedBook | undefined = read.rows ? { book: read.book, errors: read.errors, rows: read.rows as DecodedBook["rows"] } : undefined;
  const decoded = (was && decodeClientAgain(was, rawOf(read.tables), rawOf(tables), changes, client.clientId)) || decodeBook(rawOf(tables));
  // sheets, hasBook and format follow from the tables' sheets and headers, which are as the last read found them.
  return { ...read, book: decoded.book, errors: decoded.errors, rows: decoded.rows, tables };
}
