/**
 * Reading one record table: rows → typed records, and a RowError for every row that cannot be read.
 * A rejected row is left out whole; it never changes or drops another row. When several good rows share an id,
 * the first is kept and the later ones are rejected (a rejected row does not claim its id).
 */
import { rateOn, splitCurrency } from "../domain/currency";
import type { FxRate, IsoDate, Lang } from "../domain/types";
import type { RowError } from "./errors";
import { matchHeaders } from "./headers";
import type { RawTable, RawValue } from "./raw";
import { sheetName, TABLES } from "./schema";
import type { ColumnSpec, RecordOf, RecordTableKey } from "./schema";
import { cellText, idKey } from "./text";
import { parseCell } from "./values";

export interface ReadContext {
  /** Birthdays after this date are rejected; not checked when absent. */
  asOf?: IsoDate;
  /** Client ids of the Clients table: child rows naming another client are rejected. Not checked when absent. */
  clientIds?: ReadonlySet<string>;
  /** Client ids found only on rejected Clients rows → that row, so the message can point at it. */
  rejectedClients?: ReadonlyMap<string, number>;
  /** Holding ids of the Holdings table: a review row naming one in another case or width takes its form. */
  holdingIds?: ReadonlySet<string>;
  /** Sheet name of the Clients table, for those messages. */
  clientsSheet?: string;
  /** Language of the default sheet name in errors, when the RawTable does not name its sheet. */
  lang?: Lang;
  /** The book's currency (Settings): an amount written in another currency in a table without a Currency column is refused. */
  bookCurrency?: string;
  /**
   * The Rates table: a row in another currency with no rate on or before its valuation date (`asOf` for Holdings and
   * Policies, the review date for a review row without its own Rate) is refused, naming the currency and the date.
   * Not checked when absent (import, which only copies rows).
   */
  rates?: readonly FxRate[];
}

export interface TableRead<K extends RecordTableKey> {
  records: RecordOf[K][];
  /** Excel row of each record (parallel to records). */
  rows: number[];
  errors: RowError[];
  /** Ids (clients, holdings, policies) seen only on rejected rows → the first such row. */
  rejectedIds: Map<string, number>;
}

/** The field that identifies a row, and how repeats are reported; tables without one allow repeats. */
interface Identity {
  /** The column a repeat is reported on. */
  field: string;
  code: "duplicateId" | "duplicateReview" | "duplicateRate";
  /** The identifying key, or undefined while a part of it is blank or bad. */
  key: (r: Record<string, unknown>) => string | undefined;
}

/**
 * The identifying key of parts of a row: each in its compared form (idKey: NFKC, ignoring case; an ISO date is its
 * own), joined by NUL; undefined while a part is not text. Written out for one and three parts rather than with rest
 * arguments, map and join: it runs once per row (150,000 review rows in a 5,000-client book).
 */
const part = (x: unknown) => (typeof x === "string" ? idKey(x) : undefined);
const parts = (a: unknown, b: unknown, c: unknown) =>
  typeof a === "string" && typeof b === "string" && typeof c === "string" ? `${idKey(a)}\u0000${idKey(b)}\u0000${idKey(c)}` : undefined;

const IDENTITY: Partial<Record<RecordTableKey, Identity>> = {
  clients: { field: "clientId", code: "duplicateId", key: (r) => part(r.clientId) },
  holdings: { field: "holdingId", code: "duplicateId", key: (r) => part(r.holdingId) },
  policies: { field: "policyId", code: "duplicateId", key: (r) => part(r.policyId) },
  // One row per holding per review: the same holding twice at one review date would be counted twice.
  reviews: { field: "holdingId", code: "duplicateReview", key: (r) => parts(r.clientId, r.reviewDate, r.holdingId) },
  // One rate per currency per date: two would make the lookup depend on row order.
  rates: { field: "date", code: "duplicateRate", key: (r) => (typeof r.currency === "string" && typeof r.date === "string" ? `${r.currency}\u0000${r.date}` : undefined) },
};

/** Text that is a plain number (digits, separators, sign): no currency to look for, the common case kept fast. */
const PLAIN_NUMBER = /^[\s\d,.+\-−()]*$/;

/**
 * Characters an Excel cell holds: "Total number of characters that a cell can contain: 32,767 characters"
 * (Microsoft, Excel specifications and limits).
 */
export const MAX_CELL_TEXT = 32767;

const HAS_CLIENT_REF: readonly RecordTableKey[] = ["family", "holdings", "policies", "contacts", "reviews"];

export function readTable<K extends RecordTableKey>(key: K, raw: RawTable | undefined, ctx: ReadContext = {}): TableRead<K> {
  const out: TableRead<K> = { records: [], rows: [], errors: [], rejectedIds: new Map() };
  if (!raw) return out;
  const sheet = raw.sheet ?? sheetName(key, ctx.lang ?? "zh-CN");
  const match = matchHeaders(key, raw.headers);
  const header = (i: number) => cellText(raw.headers[i]) ?? "";
  const tableError = (e: Omit<RowError, "table" | "sheet" | "row">) => out.errors.push({ table: key, sheet, row: raw.headerRow, ...e });

  for (const d of match.duplicates) {
    tableError({ column: header(d.index), columnIndex: d.index, code: "duplicateColumn", params: { first: header(d.firstIndex) } });
  }
  const missing = match.missing.filter((c) => c.required);
  if (missing.length > 0) {
    tableError({ code: "missingColumns", params: { columns: missing.map((c) => c.key).join(",") } });
    return out;
  }

  const cols = TABLES[key].columns.filter((c) => match.indexOf.has(c.field));
  // Client ids as the Clients table writes them, by compared form: a child row's "c001" or "C00１" names client C001
  // and is stored as "C001", so every join on the id (sheets, reviews, the pane) finds it.
  const clientOf = new Map<string, string>();
  for (const id of ctx.clientIds ?? []) clientOf.set(idKey(id), id);
  const holdingOf = new Map<string, string>();
  if (key === "reviews") for (const id of ctx.holdingIds ?? []) holdingOf.set(idKey(id), id);
  const rejectedKeys = new Set<string>();
  const rejectedClientRow = new Map<string, number>();
  for (const [id, row] of ctx.rejectedClients ?? []) rejectedClientRow.set(idKey(id), row);
  const identity = IDENTITY[key];
  const kept = new Map<string, number>();

  // Helpers made once per table, not per row (a 150,000-row table would make each of them 150,000 times).
  const cellOf = (cells: readonly RawValue[], c: ColumnSpec): RawValue => cells[match.indexOf.get(c.field)!] ?? null;
  const failOn = (errors: RowError[], rowNo: number, cells: readonly RawValue[], c: ColumnSpec, code: RowError["code"], params?: RowError["params"]) => {
    const idx = match.indexOf.get(c.field)!;
    const e: RowError = { table: key, sheet, row: rowNo, column: header(idx), columnIndex: idx, code };
    const value = cellText(cellOf(cells, c));
    if (value !== undefined) e.value = value;
    if (params) e.params = params;
    errors.push(e);
  };
  const col = (field: string) => cols.find((c) => c.field === field)!;
  // Per column, not per cell: where each read column is in the row, and whether the table names clients.
  const at = cols.map((c) => match.indexOf.get(c.field)!);
  const isBlank = (cells: readonly RawValue[]) => {
    for (const i of at) if (cellText(cells[i] ?? null) !== undefined) return false;
    return true;
  };
  const verbatim = raw.verbatimText === true;
  const hasClientRef = HAS_CLIENT_REF.includes(key);

  const curField = key === "clients" ? "incomeCurrency" : TABLES[key].columns.some((c) => c.field === "currency") ? "currency" : undefined;

  for (let i = 0; i < raw.rows.length; i++) {
    const cells = raw.rows[i];
    const rowNo = raw.headerRow + 1 + i;
    const issues = raw.issues?.get(rowNo);
    let long: number[] | undefined;
    for (let idx = 0; idx < cells.length; idx++) {
      const v = cells[idx];
      if (typeof v === "string" && v.length > MAX_CELL_TEXT) (long ??= []).push(idx);
    }
    if (!issues?.length && !long && isBlank(cells)) continue; // blank row

    const errors: RowError[] = issues?.length ? issues.map((is) => ({ table: key, sheet, row: rowNo, ...is })) : [];
    // Text Excel cannot hold, in any column (the user's own too): the row could not be written back.
    for (const idx of long ?? []) {
      const v = cells[idx] as string;
      errors.push({
        table: key, sheet, row: rowNo, column: header(idx) || `#${idx + 1}`, columnIndex: idx, code: "tooLong",
        value: `${v.slice(0, 40)}…`, params: { length: v.length, max: MAX_CELL_TEXT },
      });
    }
    const rec: Record<string, unknown> = {};
    /** The currency an amount cell names ("US$1,200", "1,200 美元"), with the first such column. */
    let written: { currency: string; col: ColumnSpec } | undefined;
    for (let j = 0; j < cols.length; j++) {
      const c = cols[j];
      const cell = cells[at[j]] ?? null;
      const r = parseCell(c, cell, verbatim);
      if (!r.ok) failOn(errors, rowNo, cells, c, r.reason, r.params);
      else if (r.value === undefined) {
        if (c.required) failOn(errors, rowNo, cells, c, "required");
      } else {
        rec[c.field] = r.value;
        if (c.type === "amount" && typeof cell === "string" && !PLAIN_NUMBER.test(cell)) {
          const cur = splitCurrency(cell).currency;
          if (cur !== undefined && written && written.currency !== cur) failOn(errors, rowNo, cells, c, "currencyConflict", { currency: cur, other: written.currency });
          else if (cur !== undefined) written ??= { currency: cur, col: c };
        }
      }
    }

    // Checks across cells: each runs only on cells that parsed.
    if (ctx.asOf && typeof rec.birthday === "string" && rec.birthday > ctx.asOf) {
      failOn(errors, rowNo, cells, col("birthday"), "futureBirthday", { asOf: ctx.asOf });
    }
    if (typeof rec.maturityDate === "string" && typeof rec.startDate === "string" && rec.maturityDate < rec.startDate) {
      failOn(errors, rowNo, cells, col("maturityDate"), "maturityBeforeStart", { start: rec.startDate });
    }
    if (written && curField) {
      // An amount written with its currency: the row's currency (a client's: the income's, IncomeCurrency), unless
      // the currency cell says another.
      if (rec[curField] === undefined) rec[curField] = written.currency;
      else if (rec[curField] !== written.currency) failOn(errors, rowNo, cells, written.col, "currencyConflict", { currency: written.currency, other: String(rec[curField]) });
    }
    if (key === "rates" && typeof rec.rate === "number" && !(rec.rate > 0)) failOn(errors, rowNo, cells, col("rate"), "badRate");
    if (key === "reviews" && typeof rec.rate === "number" && !(rec.rate > 0)) failOn(errors, rowNo, cells, col("rate"), "badRate");
    // Blank or the book's own currency: the row is in the book's currency, stored without a code (as old books).
    if (key !== "rates" && curField && ctx.bookCurrency !== undefined && rec[curField] === ctx.bookCurrency) delete rec[curField];
    if (key === "reviews" && rec.currency === undefined) delete rec.rate;
    if (ctx.rates && ctx.bookCurrency && typeof rec.currency === "string" && errors.length === 0) {
      const date = key === "reviews" ? (rec.rate === undefined ? (rec.reviewDate as string) : undefined) : key === "holdings" || key === "policies" ? ctx.asOf : undefined;
      if (date !== undefined && rateOn(ctx.rates, rec.currency, date, ctx.bookCurrency) === undefined) {
        const c = cols.find((x) => x.field === "currency") ?? cols.find((x) => x.type === "amount")!;
        failOn(errors, rowNo, cells, c, "missingRate", { currency: rec.currency, date });
      }
    }
    const holdingId = typeof rec.holdingId === "string" ? holdingOf.get(idKey(rec.holdingId)) : undefined;
    if (holdingId !== undefined) rec.holdingId = holdingId;
    const clientId = typeof rec.clientId === "string" && hasClientRef ? clientOf.get(idKey(rec.clientId)) : undefined;
    if (clientId !== undefined) rec.clientId = clientId;
    else if (ctx.clientIds && hasClientRef && typeof rec.clientId === "string") {
      const clientRow = rejectedClientRow.get(idKey(rec.clientId));
      const clientSheet = ctx.clientsSheet ?? sheetName("clients", ctx.lang ?? "zh-CN");
      if (clientRow !== undefined) failOn(errors, rowNo, cells, col("clientId"), "clientRejected", { clientRow, clientSheet });
      else failOn(errors, rowNo, cells, col("clientId"), "unknownClient", { clientSheet });
    }
    // A family member who is also a client: the link names another client of the book, in its Clients form.
    const linkedId = key === "family" ? rec.linkedClientId : undefined;
    if (typeof linkedId === "string") {
      const linked = clientOf.get(idKey(linkedId));
      if (linked !== undefined) rec.linkedClientId = linked;
      if (typeof rec.clientId === "string" && idKey(linkedId) === idKey(rec.clientId)) failOn(errors, rowNo, cells, col("linkedClientId"), "linkedSelf");
      else if (linked === undefined && ctx.clientIds) {
        const clientRow = rejectedClientRow.get(idKey(linkedId));
        const clientSheet = ctx.clientsSheet ?? sheetName("clients", ctx.lang ?? "zh-CN");
        if (clientRow !== undefined) failOn(errors, rowNo, cells, col("linkedClientId"), "clientRejected", { clientRow, clientSheet });
        else failOn(errors, rowNo, cells, col("linkedClientId"), "unknownClient", { clientSheet });
      }
    }
    const rowKey = identity?.key(rec);
    const firstRow = rowKey === undefined ? undefined : kept.get(rowKey);
    if (identity && firstRow !== undefined) {
      const params: Record<string, string | number> = identity.code === "duplicateReview" ? { firstRow, date: String(rec.reviewDate) } : identity.code === "duplicateRate" ? { firstRow, currency: String(rec.currency) } : { firstRow };
      failOn(errors, rowNo, cells, col(identity.field), identity.code, params);
    }

    if (errors.length > 0) {
      out.errors.push(...errors);
      const id = identity?.code === "duplicateId" ? rec[identity.field] : undefined;
      if (typeof id === "string" && firstRow === undefined && !rejectedKeys.has(idKey(id))) {
        rejectedKeys.add(idKey(id));
        out.rejectedIds.set(id, rowNo);
      }
      continue;
    }
    if (rowKey !== undefined) kept.set(rowKey, rowNo);
    out.records.push(rec as unknown as RecordOf[K]);
    out.rows.push(rowNo);
  }
  // An id first seen on a rejected row but kept on a later good row is not "only on rejected rows".
  if (identity?.code === "duplicateId" && out.rejectedIds.size > 0) {
    const kept = new Set(out.records.map((r) => idKey(String((r as unknown as Record<string, unknown>)[identity.field]))));
    for (const id of [...out.rejectedIds.keys()]) if (kept.has(idKey(id))) out.rejectedIds.delete(id);
  }
  return out;
}
