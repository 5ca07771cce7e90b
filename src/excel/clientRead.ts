/**
 * The read of a command about one client (build or export that client's review, log a contact, record a review):
 * that client's rows, not the whole book, so the command costs the same at 40 clients as at 5,000.
 *
 * Sync 1 — one round trip: every table's position, size and header row; the Settings table; the command's own
 * loads; and, on each table's sheet, Worksheet.findAllOrNullObject(client id) (ExcelApi 1.9: every cell whose text
 * contains the id, case-insensitively — also as full-width characters, which the codec reads as the same id),
 * whose RangeAreas address says which rows may be the client's. The manager's review also needs every client's
 * tier (Pareto on assets at this bank in the book currency, src/domain/tiers.ts), so it also reads the five Holdings
 * columns (the Currency column when the book has one) and two Clients columns that decide it, each amount converted at
 * the as-of date with the Rates read whole (src/domain/fx.ts) — never the other tables, which are the bulk of a book
 * (reviews, contacts).
 * Sync 2: those rows (one range per run of rows), and every table's position and size again.
 *
 * Never stale: nothing is kept between commands; every command reads what it acts on from the workbook as it is,
 * co-authors' edits included. A row that only mentions the id (a note) is dropped by its ClientId cell. Whenever the
 * per-client read cannot be sure — a table moved or changed size between the two syncs (a co-author's insert), a
 * table is missing or renamed, a column it needs is not where its header says, a host without ExcelApi 1.9 — the
 * command reads the whole book instead (readBookTables.ts loadBook), as before.
 */
import { decodeBook, readSettings, readTable, type DecodedBook } from "../book/codec";
import { matchHeaders } from "../book/headers";
import type { RawTable, RawValue } from "../book/raw";
import { RECORD_TABLE_KEYS, TABLE_KEYS, TABLES, type RecordTableKey, type TableKey } from "../book/schema";
import { idKey } from "../book/text";
import { parseCell, parseId } from "../book/values";
import { inBookCurrency } from "../domain/fx";
import { bookTiers, type ClientTier } from "../domain/tiers";
import { emptyBook, type Book, type FxRate, type IsoDate } from "../domain/types";
import { parseRange } from "../sheets/a1";
import type { Batch } from "./batch";
import { infoOf, loadBook, queueTable, refuseNewerBook, type LoadedBook, type ReadOptions, type TableInfo } from "./readBookTables";

/**
 * The tables whose rows name a client, searched for the client's rows; Settings and Rates (a few rows each, needed
 * whole: the book's currency and every rate a valuation may look up) are read whole in sync 1.
 */
const CLIENT_TABLE_KEYS = RECORD_TABLE_KEYS.filter((k): k is Exclude<RecordTableKey, "rates"> => k !== "rates");
const WHOLE_TABLE_KEYS: readonly TableKey[] = ["settings", "rates"];

/** ExcelApi version of Worksheet.findAllOrNullObject and RangeAreas. */
export const FIND_ALL_SET = "1.9";

export interface ClientLoaded<X> extends LoadedBook<X> {
  /**
   * True when only the client's rows were read: `read.book` holds that client alone; `read.rows` and the row errors
   * name the rows' real Excel rows all the same.
   */
  partial: boolean;
  /** Every client's tier from the whole book (asked with `tiers`; for a whole read, the book's own). */
  tiers?: Map<string, ClientTier>;
  /** For a partial read: each table's rows as read, by 0-based data index (a save compares them with what it writes). */
  rowsRead?: Partial<Record<RecordTableKey, Map<number, RawValue[]>>>;
  /** For a partial read: idKeys of the ids asked for with `taken` that some row of the table (any client's) holds. */
  taken?: Partial<Record<RecordTableKey, Set<string>>>;
}

/** Ids looked for in one column of a table, whoever's rows hold them (a new holding's id must still be free). */
export interface TakenQuery {
  key: RecordTableKey;
  field: string;
  ids: readonly string[];
}

export interface ClientReadOptions<X> {
  asOf?: IsoDate;
  extra?: ReadOptions<X>["extra"];
  /**
   * Also every client's tier (the manager's review shows it), on assets at this bank in the book currency at this
   * date (a holding in another currency at the rate on or before it: src/domain/fx.ts).
   */
  tiers?: { asOf: IsoDate };
  /** Read the whole book anyway (a command whose output depends on the client's place among all clients). */
  whole?: boolean;
  /** Also find these ids (searched with the client's id, in the same syncs): the result's `taken` says which exist. */
  taken?: readonly TakenQuery[];
}

/**
 * The columns the tiers depend on (src/domain/tiers.ts bookTiers, allocation.ts assetsAtThisBank; fx.ts for the
 * currency). A book from before currencies has no Currency column: its amounts are in the book currency.
 */
const TIER_COLUMNS = { clients: ["clientId", "tier"], holdings: ["clientId", "assetClass", "institution", "amount", "currency"] } as const;
const OPTIONAL_TIER_COLUMNS: readonly string[] = ["currency"];

/** The book's currency and its rates, to value the tier columns' amounts with (src/domain/fx.ts). */
export interface TierValuation {
  asOf: IsoDate;
  currency: string;
  rates: readonly FxRate[];
}

function findAllSupported(): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", FIND_ALL_SET);
  } catch {
    return false;
  }
}

/**
 * The id as given and its NFKC form (the codec reads both as the same id). Found case-insensitively, they cover an
 * id written in ASCII (or as given) throughout, in any case, with spaces or an apostrophe around it. An id with any
 * full-width character in it — Ｃ０００１ throughout as much as C０００1 — is found by `variantChars`: its full-width
 * form is not searched as well (it holds those characters, and a row counts by its id cell only).
 */
export function searchTexts(clientId: string): string[] {
  return [...new Set([clientId, clientId.normalize("NFKC")])];
}

/**
 * The full-width forms (U+FF01–FF5E, what a Chinese IME types with full-width on) of the id's characters, one per
 * letter: the searches are case-insensitive (WorksheetSearchCriteria.matchCase false, "case-insensitive",
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetsearchcriteria), so Ｃ also finds ｃ. A cell
 * written with a keyboard or an IME that the codec reads as the id (idKey: NFKC, ignoring case) is the id in ASCII
 * and full-width characters mixed in any way — C０００1, Ｃ0001, ｃ０００１ — with any case and spaces: it either holds
 * the id in ASCII throughout (found by searchTexts) or holds at least one of these characters, so a search for
 * each, kept to the id columns, finds it (tests/excel/clientRead.test.ts checks this as a property).
 * Other compatibility forms NFKC also folds (𝐂, ①, ¹, Ⅽ: no keyboard types them) are refused in an id by the
 * codec (src/book/values.ts parseId), in the whole-book read and the per-client read alike.
 */
export function variantChars(id: string): string[] {
  const out = new Set<string>();
  for (const ch of id.trim().normalize("NFKC")) {
    if (!/[!-~]/.test(ch)) continue;
    const upper = ch.toUpperCase();
    out.add(String.fromCharCode(upper.charCodeAt(0) + 0xfee0));
  }
  return [...out];
}

/** Cells of "Sheet1!A1:B4, 'My sheet'!D1:D4" as 0-based row spans (columns too, to keep cells inside a table). */
export function parseAreas(address: string): { r0: number; r1: number; c0: number; c1: number }[] {
  const out: { r0: number; r1: number; c0: number; c1: number }[] = [];
  // A sheet name may hold ", " only inside quotes: split on commas outside quotes.
  const parts: string[] = [];
  let quoted = false;
  let cur = "";
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  for (const part of parts) {
    const r = parseRange(part.slice(part.lastIndexOf("!") + 1).trim().replace(/\$/g, ""));
    if (!r) throw new Error(`clientRead: cannot read the area "${part}"`);
    out.push({ r0: r.top - 1, r1: r.bottom - 1, c0: r.left - 1, c1: r.right - 1 });
  }
  return out;
}

/** Data indexes (0-based below the header) of the table's rows that hold a matched cell, as [from, to) runs. */
export function rowRuns(info: Pick<TableInfo, "rowIndex" | "columnIndex" | "rowCount" | "headers">, areas: readonly { r0: number; r1: number; c0: number; c1: number }[]): [number, number][] {
  const first = info.rowIndex + 1;
  const left = info.columnIndex;
  const right = left + Math.max(1, info.headers.length) - 1;
  const rows = new Set<number>();
  for (const a of areas) {
    if (a.c1 < left || a.c0 > right) continue;
    for (let r = Math.max(a.r0, first); r <= Math.min(a.r1, first + info.rowCount - 1); r++) rows.add(r - first);
  }
  const sorted = [...rows].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === r) last[1] = r + 1;
    else runs.push([r, r + 1]);
  }
  return runs;
}

/** Sheet column (0-based) of a field's column in the table as read, by its header; undefined when it has none. */
function idColumn(key: TableKey, field: string, info: Pick<TableInfo, "headers" | "columnIndex">): number | undefined {
  const at = matchHeaders(key, info.headers).indexOf.get(field);
  return at === undefined ? undefined : info.columnIndex + at;
}

/** The header texts a column may have in the table (three languages and the internal key). */
function columnNames(key: TableKey, field: string): string[] {
  const col = TABLES[key].columns.find((c) => c.field === field)!;
  return [...new Set([col.headers["zh-CN"], col.headers["zh-TW"], col.headers["en-US"], col.key])];
}

/**
 * Every client's tier from the tier columns as read (ids compared as the codec does: idKey), each amount in the book
 * currency at `value.asOf` (a holding in a currency without a rate on or before it is left out, as valueBook leaves
 * it out of the whole book's tiers).
 */
export function tiersFromColumns(clients: Record<string, RawValue[]>, holdings: Record<string, RawValue[]>, value: TierValuation): Map<string, ClientTier> {
  const spec = (key: TableKey, field: string) => TABLES[key].columns.find((c) => c.field === field)!;
  const cell = (key: TableKey, field: string, raw: RawValue) => {
    const p = parseCell(spec(key, field), raw) as { ok: boolean; value?: unknown };
    return p.ok ? p.value : undefined;
  };
  const byKey = new Map<string, string>();
  const cs: { clientId: string; tier?: unknown }[] = [];
  clients.clientId.forEach((raw, i) => {
    const id = parseId(raw);
    if (!id.ok) return;
    if (!byKey.has(idKey(id.value))) byKey.set(idKey(id.value), id.value);
    const tier = cell("clients", "tier", clients.tier[i] ?? null);
    cs.push(tier === undefined ? { clientId: id.value } : { clientId: id.value, tier });
  });
  const hs: object[] = [];
  holdings.clientId.forEach((raw, i) => {
    const id = parseId(raw);
    const clientId = id.ok ? byKey.get(idKey(id.value)) : undefined;
    const assetClass = cell("holdings", "assetClass", holdings.assetClass[i] ?? null);
    const amount = cell("holdings", "amount", holdings.amount[i] ?? null);
    if (clientId === undefined || assetClass === undefined || typeof amount !== "number") return;
    const institution = cell("holdings", "institution", holdings.institution[i] ?? null);
    const currency = cell("holdings", "currency", holdings.currency?.[i] ?? null);
    hs.push({ clientId, assetClass, amount, ...(institution === undefined ? {} : { institution }), ...(currency === undefined ? {} : { currency }) });
  });
  const book = { ...emptyBook({ currency: value.currency }), clients: cs, holdings: hs, rates: [...value.rates] } as unknown as Book;
  return bookTiers(inBookCurrency(book, value.asOf));
}

interface ColumnProbe {
  key: "clients" | "holdings";
  field: string;
  ranges: Excel.Range[];
  columns: Excel.TableColumn[];
}

/**
 * The codec numbers the rows it is given as if they were the table's first rows (RawTable.headerRow): for the
 * client's rows, read from wherever they are, each record's Excel row and each row error's row are put back to
 * the row it was read from.
 */
export function realRows(
  decoded: Pick<DecodedBook, "rows" | "errors">,
  raw: Partial<Record<TableKey, RawTable>>,
  indexes: Partial<Record<RecordTableKey, readonly number[]>>,
): Pick<DecodedBook, "rows" | "errors"> {
  const real = (key: TableKey, excelRow: number): number => {
    const t = raw[key];
    const idx = (indexes as Partial<Record<TableKey, readonly number[]>>)[key];
    if (!t || !idx) return excelRow;
    const pos = excelRow - t.headerRow - 1;
    return pos >= 0 && pos < idx.length ? t.headerRow + 1 + idx[pos] : excelRow;
  };
  const rows = { ...decoded.rows };
  for (const k of Object.keys(indexes) as RecordTableKey[]) rows[k] = decoded.rows[k].map((r) => real(k, r));
  return { rows, errors: decoded.errors.map((e) => ({ ...e, row: real(e.table, e.row) })) };
}

async function whole<X>(batch: Batch, opts: ClientReadOptions<X>): Promise<ClientLoaded<X>> {
  const loaded = await loadBook<X>(batch, { ...(opts.asOf ? { asOf: opts.asOf } : {}), ...(opts.extra ? { extra: opts.extra } : {}) });
  return { ...loaded, partial: false, ...(opts.tiers ? { tiers: bookTiers(inBookCurrency(loaded.read.book, opts.tiers.asOf)) } : {}) };
}

/** Reads the client's rows (and the command's extra loads) in two syncs; the whole book where it cannot be sure. */
export async function loadClient<X = undefined>(batch: Batch, clientId: string, opts: ClientReadOptions<X> = {}): Promise<ClientLoaded<X>> {
  if (opts.whole || typeof clientId !== "string" || clientId.trim() === "" || !findAllSupported()) return whole(batch, opts);
  const ctx = batch.ctx;
  const pending = TABLE_KEYS.map((k) => queueTable(ctx, k, TABLES[k].tableName, WHOLE_TABLE_KEYS.includes(k)));
  const finds = new Map<RecordTableKey, Excel.RangeAreas[]>();
  const variantFinds = new Map<RecordTableKey, Excel.RangeAreas[]>();
  // Excel's defaults, partial and case-insensitive (WorksheetSearchCriteria: completeMatch and matchCase "Default is
  // false", https://learn.microsoft.com/javascript/api/excel/excel.worksheetsearchcriteria): sent as {}, 39 bytes
  // less per search (24 searches for a C0001-style id).
  const criteria: Excel.WorksheetSearchCriteria = {};
  for (const k of CLIENT_TABLE_KEYS) {
    const ws = pending.find((p) => p.key === k)!.table.worksheet;
    const ids = [clientId, ...(opts.taken ?? []).filter((q) => q.key === k).flatMap((q) => q.ids)].map((id) => id.trim()).filter((id) => id !== "");
    const texts = new Set(ids.flatMap(searchTexts));
    finds.set(k, [...texts].map((text) => ws.findAllOrNullObject(text, criteria).load("address")));
    // Ids written in mixed widths: every cell holding a full-width character of an id; only the hits in the id
    // columns count (sync 2).
    const variants = new Set(ids.flatMap(variantChars));
    variantFinds.set(k, [...variants].map((ch) => ws.findAllOrNullObject(ch, criteria).load("address")));
  }
  const probes: ColumnProbe[] = [];
  if (opts.tiers) {
    for (const key of ["clients", "holdings"] as const) {
      const table = pending.find((p) => p.key === key)!.table;
      for (const field of TIER_COLUMNS[key]) {
        const columns = columnNames(key, field).map((name) => table.columns.getItemOrNullObject(name));
        const ranges = columns.map((c) => c.getDataBodyRange().load("values"));
        probes.push({ key, field, ranges, columns });
      }
    }
  }
  const extra = opts.extra ? opts.extra(ctx) : () => undefined as X;
  await batch.sync();

  const tables: Partial<Record<TableKey, TableInfo>> = {};
  for (const p of pending) {
    const info = infoOf(p);
    if (info) tables[p.key] = info;
  }
  // A table missing or under another name: the whole read finds it (by its sheet's name) or reports it.
  // (A book from before the Rates table has none: it reads as having no rates.)
  if (TABLE_KEYS.some((k) => k !== "rates" && !tables[k])) return whole(batch, opts);

  let tiers: Map<string, ClientTier> | undefined;
  if (opts.tiers) {
    const cols: Record<"clients" | "holdings", Record<string, RawValue[]>> = { clients: {}, holdings: {} };
    for (const probe of probes) {
      const i = probe.columns.findIndex((c) => !c.isNullObject);
      if (i < 0 && OPTIONAL_TIER_COLUMNS.includes(probe.field)) continue;
      if (i < 0) return whole(batch, opts);
      cols[probe.key][probe.field] = (probe.ranges[i].values as RawValue[][]).map((r) => r[0]);
    }
    // The book currency and the rates from the Settings and Rates tables read whole in sync 1.
    const lang = "zh-CN";
    const s = tables.settings!;
    const settings = readSettings({ headers: s.headers, rows: s.rows ?? [], headerRow: s.rowIndex + 1, sheet: s.sheet }, lang).settings;
    const r = tables.rates;
    const rates = r ? readTable("rates", { headers: r.headers, rows: r.rows ?? [], headerRow: r.rowIndex + 1, sheet: r.sheet }, { lang, bookCurrency: settings.currency }).records : [];
    // The table's rows as counted: an empty table reads one blank row.
    tiers = tiersFromColumns(cols.clients, cols.holdings, { asOf: opts.tiers.asOf, currency: settings.currency, rates });
  }

  // Sync 2: the rows that may be the client's, and the tables' positions again.
  const reads: { key: RecordTableKey; range: Excel.Range; from: number }[] = [];
  for (const k of CLIENT_TABLE_KEYS) {
    const info = tables[k]!;
    const idColumns = new Set([idColumn(k, "clientId", info), ...(opts.taken ?? []).filter((q) => q.key === k).map((q) => idColumn(k, q.field, info))]);
    const areas = [
      ...finds.get(k)!.flatMap((f) => (f.isNullObject ? [] : parseAreas(f.address))),
      ...variantFinds.get(k)!.flatMap((f) => (f.isNullObject ? [] : parseAreas(f.address))).flatMap((a) =>
        [...idColumns].filter((c) => c !== undefined && a.c0 <= c && c <= a.c1).map((c) => ({ ...a, c0: c!, c1: c! })),
      ),
    ];
    const ws = ctx.workbook.worksheets.getItem(info.sheet);
    const runs = rowRuns(info, areas);
    // A table of one row: that row too, so that an append knows whether it is Excel's blank row of a new table.
    if (info.rowCount === 1 && runs.length === 0) runs.push([0, 1]);
    for (const [from, to] of runs) {
      const range = ws.getRangeByIndexes(info.rowIndex + 1 + from, info.columnIndex, to - from, Math.max(1, info.headers.length));
      range.load("values");
      reads.push({ key: k, range, from });
    }
  }
  const again = CLIENT_TABLE_KEYS.map((k) => ({ key: k, range: ctx.workbook.tables.getItem(TABLES[k].tableName).getRange().load("rowIndex,columnIndex,rowCount,columnCount") }));
  await batch.sync();
  for (const { key, range } of again) {
    const info = tables[key]!;
    // Moved or resized since sync 1 (a co-author's edit in between): the rows found may not be the client's.
    if (range.rowIndex !== info.rowIndex || range.columnIndex !== info.columnIndex || range.rowCount - 1 !== info.rowCount || range.columnCount !== info.headers.length) {
      return whole(batch, opts);
    }
  }

  const wanted = idKey(clientId.trim());
  const raw: Partial<Record<TableKey, RawTable>> = {};
  const settings = tables.settings!;
  raw.settings = { headers: settings.headers, rows: settings.rows ?? [], headerRow: settings.rowIndex + 1, sheet: settings.sheet };
  const rates = tables.rates;
  if (rates) raw.rates = { headers: rates.headers, rows: rates.rows ?? [], headerRow: rates.rowIndex + 1, sheet: rates.sheet };
  const rowsRead: Partial<Record<RecordTableKey, Map<number, RawValue[]>>> = {};
  const taken: Partial<Record<RecordTableKey, Set<string>>> = {};
  /** Data index of each row given to the codec, per table: its Excel row is the header's row + 1 + that index. */
  const indexes: Partial<Record<RecordTableKey, number[]>> = {};
  for (const k of CLIENT_TABLE_KEYS) {
    const info = tables[k]!;
    const match = matchHeaders(k, info.headers).indexOf;
    const at = match.get("clientId");
    if (at === undefined) return whole(batch, opts);
    const queries = (opts.taken ?? []).filter((q) => q.key === k);
    const asked = queries.map((q) => ({ at: match.get(q.field), ids: new Set(q.ids.map((id) => idKey(id.trim()))) }));
    if (asked.some((q) => q.at === undefined)) return whole(batch, opts);
    const found = new Set<string>();
    const rows: RawValue[][] = [];
    const dataIndexes: number[] = [];
    const byIndex = new Map<number, RawValue[]>();
    for (const r of reads) {
      if (r.key !== k) continue;
      (r.range.values as RawValue[][]).forEach((row, i) => {
        byIndex.set(r.from + i, row);
        for (const q of asked) {
          const id = parseId(row[q.at!] ?? null);
          if (id.ok && q.ids.has(idKey(id.value))) found.add(idKey(id.value));
        }
        const id = parseId(row[at] ?? null);
        if (id.ok && idKey(id.value) === wanted) {
          rows.push(row);
          dataIndexes.push(r.from + i);
        }
      });
    }
    rowsRead[k] = byIndex;
    indexes[k] = dataIndexes;
    if (queries.length > 0) taken[k] = found;
    // The table's first row, when it is its only one (Excel's blank row of a new table, or a row of its own).
    const only = info.rowCount === 1 ? byIndex.get(0) : undefined;
    if (only) info.rows = [only];
    raw[k] = { headers: info.headers, rows, headerRow: info.rowIndex + 1, sheet: info.sheet };
  }
  const decoded = decodeBook(raw, opts.asOf ? { asOf: opts.asOf } : {});
  const read = { ...decoded, ...realRows(decoded, raw, indexes) };
  // Every command here writes: a book written by a newer ClientBook is refused, as loadBook refuses it.
  refuseNewerBook(read.book.settings.schemaVersion);
  return { tables, extra: extra(), read, hasBook: true, partial: true, rowsRead, taken, ...(tiers ? { tiers } : {}) };
}
