/**
 * Rows left out of the figures for want of an exchange rate (src/domain/fx.ts valueBook `missing`) as row errors:
 * the same code and message as the codec's (missingRate: "no USD rate dated on or before 2026-05-15 …; add one to
 * the Rates table"), on the row's sheet and Excel row, so they are listed with the row errors — the pane's Book page,
 * the CLI's stderr — never counted 1:1 in silence.
 *
 * The codec refuses such a row itself when it reads with the as-of date of the figures (src/book/read.ts); these are
 * the rows a read without that date kept (the task pane reads the book once, values it on the day shown) and the
 * values the codec does not refuse a row for.
 */
import type { MissingRate } from "../domain/fx";
import type { Lang } from "../domain/types";
import type { RowError } from "./errors";
import { sheetName, TABLES, type RecordTableKey } from "./schema";

/** Where the rows of each table are: their Excel rows (parallel to the book's arrays) and sheets, as read. */
export interface RowPlaces {
  rows?: Partial<Record<RecordTableKey, readonly number[]>>;
  sheets?: Partial<Record<RecordTableKey, string>>;
}

/** The column a missing rate is reported on: the table's Currency column (Clients: IncomeCurrency), in the book's language. */
function currencyHeader(table: MissingRate["table"], lang: Lang): string {
  const field = table === "clients" ? "incomeCurrency" : "currency";
  return TABLES[table].columns.find((c) => c.field === field)!.headers[lang];
}

/** One missingRate row error per row left out, in the order valueBook lists them. */
export function missingRateErrors(missing: readonly MissingRate[], places: RowPlaces, lang: Lang): RowError[] {
  return missing.map((m) => ({
    table: m.table,
    sheet: places.sheets?.[m.table] ?? sheetName(m.table, lang),
    // Without the rows as read: the table's header row (row 1) plus the row's position.
    row: places.rows?.[m.table]?.[m.index] ?? m.index + 2,
    column: currencyHeader(m.table, lang),
    code: "missingRate",
    params: { currency: m.currency, date: m.date },
  }));
}

/** The currencies and dates without a rate, each with how many rows it leaves out (for a one-line notice). */
export function missingRateSummary(missing: readonly MissingRate[]): { currency: string; date: string; rows: number }[] {
  const by = new Map<string, { currency: string; date: string; rows: number }>();
  for (const m of missing) {
    const k = `${m.currency}\u0000${m.date}`;
    const e = by.get(k);
    if (e) e.rows++;
    else by.set(k, { currency: m.currency, date: m.date, rows: 1 });
  }
  return [...by.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
