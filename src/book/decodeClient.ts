/**
 * The decoded book after one client's rows changed, without decoding the whole book again: only that client's rows
 * are read again (src/book/read.ts readTable, with the context decodeBook would give them) and put in their place
 * among the other rows' records and errors, which are kept as decoded, their Excel rows moved by the deletions.
 * At 5,000 clients decodeBook takes seconds; this takes the client's rows (issue #19, the pane after Log contact,
 * Record review, Save: src/taskpane/model/clientMerge.ts).
 *
 * It gives exactly what decodeBook gives for the new tables, or undefined when it cannot be sure that no other
 * row reads differently — then the caller decodes the whole book. Another row's reading depends on this client's
 * rows only through: the Clients table (which ids exist, which are rejected: links and child rows name them); the
 * ids of holdings and policies (a repeated id is rejected on the later row, whoever's it is; a review row takes
 * the form of a known holding's id); Settings and Rates (the currency and every rate). So the fast way is taken only
 * when: Settings and Rates did not change; every row changed, added or deleted is this client's before and after
 * (its ClientId cell); the client is in the Clients table, under the same id, before and after; the Clients table has
 * no rejected row; and the holding and policy ids of this client's rows are held by no other client's row, and its
 * holdings' ids are the same before and after. tests/book/decodeClient.test.ts checks it against decodeBook as a
 * property, on books with repeated ids, rejected rows and changes of every kind.
 */
import type { DecodedBook } from "./codec";
import type { RowError } from "./errors";
import { matchHeaders } from "./headers";
import type { RawTable, RawValue } from "./raw";
import { readTable } from "./read";
import type { RecordTableKey, TableKey } from "./schema";
import { idKey } from "./text";
import { parseId } from "./values";

/** How a table changed: data indexes deleted (in the old table) and data indexes changed or added (in the new one). */
export interface TableChange {
  deleted: readonly number[];
  changed: readonly number[];
}

/** The tables in decodeBook's order of errors. */
const ERROR_ORDER: readonly TableKey[] = ["settings", "clients", "family", "holdings", "policies", "contacts", "reviews", "rates"];
const CLIENT_TABLES = ["clients", "family", "holdings", "policies", "contacts", "reviews"] as const;
type ClientTableKey = (typeof CLIENT_TABLES)[number];
const ID_FIELD: Partial<Record<RecordTableKey, string>> = { holdings: "holdingId", policies: "policyId" };

/** The idKey of a row's cell in a column, or undefined (no such column, blank or not an id). */
function keyOf(row: readonly RawValue[] | undefined, at: number | undefined): string | undefined {
  if (!row || at === undefined) return undefined;
  const id = parseId(row[at] ?? null);
  return id.ok ? idKey(id.value) : undefined;
}

/** Merges two lists sorted by row into one (the rows of the two never meet). */
function mergeByRow<T>(a: readonly T[], ra: readonly number[], b: readonly T[], rb: readonly number[]): { items: T[]; rows: number[] } {
  const items: T[] = [];
  const rows: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && ra[i] <= rb[j])) {
      items.push(a[i]);
      rows.push(ra[i++]);
    } else {
      items.push(b[j]);
      rows.push(rb[j++]);
    }
  }
  return { items, rows };
}

/**
 * `before` (decodeBook of `oldRaw`) brought to `newRaw`, which differs from `oldRaw` by `changes` in this client's
 * rows only; undefined when that cannot be shown (see the top of this file).
 */
export function decodeClientAgain(
  before: DecodedBook,
  oldRaw: Partial<Record<TableKey, RawTable>>,
  newRaw: Partial<Record<TableKey, RawTable>>,
  changes: Partial<Record<TableKey, TableChange>>,
  clientId: string,
): DecodedBook | undefined {
  const want = idKey(clientId.trim());
  for (const k of ["settings", "rates"] as const) {
    const c = changes[k];
    if (c && (c.deleted.length > 0 || c.changed.length > 0)) return undefined;
  }
  // The client, once in the Clients table, under one id, before; no rejected Clients row (their ids are named in messages).
  const mine = before.book.clients.filter((c) => idKey(c.clientId) === want);
  if (mine.length !== 1 || before.errors.some((e) => e.table === "clients")) return undefined;
  const id = mine[0].clientId;

  const colOf = (k: RecordTableKey, raw: RawTable | undefined, field: string) => (raw ? matchHeaders(k, raw.headers).indexOf.get(field) : undefined);
  /** Per table: old data indexes of the client's rows (records and rejected rows), and the shift of the deletions. */
  const plan = new Map<ClientTableKey, { oldRows: Set<number>; newRows: number[]; deleted: number[] }>();
  for (const k of CLIENT_TABLES) {
    const o = oldRaw[k];
    const n = newRaw[k];
    const c = changes[k];
    // A table that did not change reads as before: the client's rows in it depend on the client's Clients row (the
    // same id, kept), the holdings' ids (the same) and the rates (the same).
    if (!c || (c.changed.length === 0 && c.deleted.length === 0)) continue;
    if (!o || !n) return undefined;
    const oc = colOf(k, o, "clientId");
    const nc = colOf(k, n, "clientId");
    // Every row changed, added or deleted: this client's, before and after (a row that was blank was no one's).
    for (const i of c.deleted) if (keyOf(o.rows[i], oc) !== want) return undefined;
    const deleted = [...new Set(c.deleted)].sort((a, b) => a - b);
    const gone = new Set(deleted);
    const kept = o.rows.length - deleted.length;
    for (const i of c.changed) {
      if (keyOf(n.rows[i], nc) !== want) return undefined;
      if (i >= kept) continue; // appended
      let was = i;
      for (const d of deleted) if (d <= was) was++;
      const old = o.rows[was];
      if (keyOf(old, oc) !== want && !(old ?? []).every((v) => v === null || v === "")) return undefined;
    }
    // The client's rows before: its records, and its rejected rows (by their ClientId cell).
    const oldRows = new Set<number>();
    const records = before.book[k] as { clientId: string }[];
    const rows = before.rows[k];
    records.forEach((r, i) => {
      if (idKey(r.clientId) === want) oldRows.add(rows[i] - o.headerRow - 1);
    });
    for (const e of before.errors) {
      if (e.table !== k || e.row <= o.headerRow) continue;
      const i = e.row - o.headerRow - 1;
      if (keyOf(o.rows[i], oc) === want) oldRows.add(i);
    }
    for (const i of deleted) oldRows.add(i);
    const shift = (i: number) => i - deleted.filter((d) => d < i).length;
    const newRows = new Set<number>();
    for (const i of oldRows) if (!gone.has(i)) newRows.add(shift(i));
    for (const i of c.changed) newRows.add(i);
    plan.set(k, { oldRows, newRows: [...newRows].sort((a, b) => a - b), deleted });
  }

  // Holding and policy ids of the client's rows, before and after: held by no other client's row.
  for (const k of ["holdings", "policies"] as const) {
    const p = plan.get(k);
    const o = oldRaw[k];
    const n = newRaw[k];
    if (!p || !o || !n) continue;
    const field = ID_FIELD[k]!;
    const [oi, ni, oc, nc] = [colOf(k, o, field), colOf(k, n, field), colOf(k, o, "clientId"), colOf(k, n, "clientId")];
    const ids = new Set<string>();
    for (const i of p.oldRows) {
      const x = keyOf(o.rows[i], oi);
      if (x !== undefined) ids.add(x);
    }
    for (const i of p.newRows) {
      const x = keyOf(n.rows[i], ni);
      if (x !== undefined) ids.add(x);
    }
    const others = (raw: RawTable, idAt: number | undefined, clientAt: number | undefined, own: ReadonlySet<number>) =>
      raw.rows.some((row, i) => !own.has(i) && keyOf(row, clientAt) !== want && ids.has(keyOf(row, idAt) ?? "\u0000"));
    if (others(o, oi, oc, p.oldRows) || others(n, ni, nc, new Set(p.newRows))) return undefined;
  }

  // The client's rows alone, at their own Excel rows (the other rows blank: the codec skips them).
  const EMPTY: RawValue[] = [];
  const sparse = (k: ClientTableKey): RawTable | undefined => {
    const n = newRaw[k];
    const p = plan.get(k);
    if (!n) return undefined;
    const rows = new Array<RawValue[]>(n.rows.length).fill(EMPTY);
    for (const i of p?.newRows ?? []) rows[i] = n.rows[i];
    return { ...n, rows };
  };
  if (plan.size === 0) return before;
  const lang = before.book.settings.language;
  const bookCurrency = before.book.settings.currency;
  const ctx = { lang, bookCurrency, rates: before.book.rates };
  // Only the tables that changed, each with the context decodeBook gives it.
  const read = <K extends ClientTableKey>(k: K, c: Parameters<typeof readTable>[2]) => (plan.has(k) ? readTable(k, sparse(k), c) : undefined);
  const clients = read("clients", ctx);
  if (clients) {
    const again = clients.records.filter((c) => idKey(c.clientId) === want);
    if (again.length !== 1 || again[0].clientId !== id || clients.errors.some((e) => e.row > (newRaw.clients?.headerRow ?? 0))) return undefined;
  }
  const clientIds = new Set(before.book.clients.map((c) => c.clientId));
  const childCtx = { ...ctx, clientIds, rejectedClients: new Map<string, number>(), clientsSheet: newRaw.clients?.sheet };
  const holdings = read("holdings", childCtx);
  if (holdings) {
    // Its holdings' ids the same before and after: every review row (anyone's) takes the same form of them.
    const oldIds = before.book.holdings.filter((h) => h.clientId === id).map((h) => h.holdingId).sort();
    const newIds = holdings.records.map((h) => h.holdingId).sort();
    if (oldIds.length !== newIds.length || oldIds.some((x, i) => x !== newIds[i])) return undefined;
  }
  const fresh: Partial<Record<ClientTableKey, { records: object[]; rows: number[]; errors: RowError[] }>> = {
    clients,
    family: read("family", childCtx),
    holdings,
    policies: read("policies", childCtx),
    contacts: read("contacts", childCtx),
    reviews: read("reviews", { ...childCtx, holdingIds: new Set(before.book.holdings.map((h) => h.holdingId)) }),
  };

  // Put them in place: the other rows' records and errors kept, moved up by the deletions.
  const book = { ...before.book };
  const rowsOut = { ...before.rows };
  const errorsBy = new Map<TableKey, RowError[]>();
  for (const k of ERROR_ORDER) errorsBy.set(k, []);
  for (const e of before.errors) errorsBy.get(e.table)!.push(e);
  for (const k of CLIENT_TABLES) {
    const p = plan.get(k);
    const o = oldRaw[k];
    if (!p || !o) continue;
    const first = o.headerRow + 1;
    const moved = (excelRow: number) => excelRow - p.deleted.filter((d) => d + first < excelRow).length;
    const keepRecords: object[] = [];
    const keepRows: number[] = [];
    (before.book[k] as object[]).forEach((r, i) => {
      const row = before.rows[k][i];
      if (p.oldRows.has(row - first)) return;
      keepRecords.push(r);
      keepRows.push(moved(row));
    });
    const t = fresh[k]!;
    const merged = mergeByRow(keepRecords, keepRows, t.records, t.rows);
    (book as Record<string, unknown>)[k] = merged.items;
    rowsOut[k] = merged.rows;
    const oldErrors = errorsBy.get(k)!;
    const tableLevel = oldErrors.filter((e) => e.row < first);
    const keptErrors = oldErrors.filter((e) => e.row >= first && !p.oldRows.has(e.row - first)).map((e) => ({ ...e, row: moved(e.row) }));
    const newErrors = t.errors.filter((e) => e.row >= first);
    const m = mergeByRow(keptErrors, keptErrors.map((e) => e.row), newErrors, newErrors.map((e) => e.row));
    errorsBy.set(k, [...tableLevel, ...m.items]);
  }
  return { book, errors: ERROR_ORDER.flatMap((k) => errorsBy.get(k)!), rows: rowsOut };
}
