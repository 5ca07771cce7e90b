/**
 * The codec: workbook tables ⇄ Book. Reading never throws on bad cells: every row it cannot read is reported
 * (sheet, Excel row, column, value, reason) and left out; good rows are never dropped or changed because of it.
 *
 * Columns may be in any order and headers in any of the three languages; the user's own columns are ignored on
 * reading and never written over: writeTable(book, key, lang, existingHeaders) lays rows out under the sheet's
 * header row with null in the user's columns, for the renderer to leave alone.
 *
 * Writing returns raw strings. Whoever puts them into Excel `values` (src/excel, src/xlsx) passes every string
 * cell through `textSafe`, so user text starting with = + - @ (or that Excel would turn into a number or date)
 * stays text; reading drops the text prefix again.
 */
import { isIsoDate } from "../domain/dates";
import type { Book, IsoDate } from "../domain/types";
import type { RowError } from "./errors";
import type { RawTable } from "./raw";
import { readTable } from "./read";
import type { RecordTableKey, TableKey } from "./schema";
import { readSettings } from "./settingsTable";

export { readTable } from "./read";
export type { ReadContext, TableRead } from "./read";
export { readSettings } from "./settingsTable";
export { writeBook, writeCell, writeTable, recordRow } from "./write";
export { textSafe } from "./text";

export interface DecodeBookOptions {
  /** Today for the checks that need it (future birthdays, rates for today's holdings); skipped when absent. */
  asOf?: IsoDate;
  /**
   * Refuse rows in another currency without a rate on or before their valuation date (default true). `import`
   * turns it off: it copies rows into a book and computes no figure, and the rates may be added afterwards.
   */
  checkRates?: boolean;
}

export interface DecodedBook {
  book: Book;
  errors: RowError[];
  /** Excel row of every record, parallel to the book's arrays (to select a record's row or update it in place). */
  rows: Record<RecordTableKey, number[]>;
}

/**
 * The whole book from its tables. A missing table is empty (Settings: defaults). Clients are read first so
 * the child tables can be checked against them.
 */
export function decodeBook(tables: Partial<Record<TableKey, RawTable>>, opts: DecodeBookOptions = {}): DecodedBook {
  if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) throw new RangeError(`asOf must be an ISO date, got ${String(opts.asOf)}`);
  const settings = readSettings(tables.settings);
  const lang = settings.settings.language;
  const bookCurrency = settings.settings.currency;
  const rates = readTable("rates", tables.rates, { asOf: opts.asOf, lang, bookCurrency });
  const ctx = { asOf: opts.asOf, lang, bookCurrency, ...(opts.checkRates === false ? {} : { rates: rates.records }) };
  const clients = readTable("clients", tables.clients, ctx);
  const childCtx = { ...ctx, clientIds: new Set(clients.records.map((c) => c.clientId)), rejectedClients: clients.rejectedIds, clientsSheet: tables.clients?.sheet };
  const family = readTable("family", tables.family, childCtx);
  const holdings = readTable("holdings", tables.holdings, childCtx);
  const policies = readTable("policies", tables.policies, childCtx);
  const contacts = readTable("contacts", tables.contacts, childCtx);
  // review rows name holdings (also sold ones, no longer in Holdings): a known holding's id takes its form
  const reviews = readTable("reviews", tables.reviews, { ...childCtx, holdingIds: new Set(holdings.records.map((h) => h.holdingId)) });
  return {
    book: {
      clients: clients.records,
      family: family.records,
      holdings: holdings.records,
      policies: policies.records,
      contacts: contacts.records,
      reviews: reviews.records,
      rates: rates.records,
      settings: settings.settings,
    },
    errors: [settings, clients, family, holdings, policies, contacts, reviews, rates].flatMap((t) => t.errors),
    rows: {
      clients: clients.rows,
      family: family.rows,
      holdings: holdings.rows,
      policies: policies.rows,
      contacts: contacts.rows,
      reviews: reviews.rows,
      rates: rates.rows,
    },
  };
}
