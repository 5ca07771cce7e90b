/**
 * What every builder shares: option checks, a per-book index (so building thousands of sheets stays linear),
 * a small grid writer, formula cells with their cached results, and the standard formats.
 */
import { groupByClient } from "../domain/byClient";
import { assertIsoDate } from "../domain/cadence";
import { amountNumberFormat } from "../domain/amounts";
import { isoToSerial } from "../domain/dates";
import { inBookCurrency } from "../domain/fx";
import { bookTiers, type ClientTier } from "../domain/tiers";
import { LANGS, type Book, type Client, type Contact, type FamilyMember, type Holding, type IsoDate, type Lang, type Policy, type ReviewRow } from "../domain/types";
import { absCell, cellName, rangeA1 } from "./a1";
import type { CellStyle, CellValue, ConditionalFormat, FormulaCell, NoteSpec, RangeFormat } from "./spec";

// ---- options ----------------------------------------------------------------------------------------------------

export interface BaseOptions {
  /** The day the sheet describes (ISO YYYY-MM-DD). */
  asOf: IsoDate;
  /** Language of every text on the sheet. */
  lang: Lang;
  /** A prebuilt index of the book (see bookIndex); built (and cached per book) when absent. */
  index?: BookIndex;
}

/** Throws a RangeError naming the option when asOf or lang is not usable. */
export function checkBase(opts: BaseOptions, builder: string): void {
  if (opts === null || typeof opts !== "object") throw new TypeError(`${builder}: options must be an object { asOf, lang }`);
  assertIsoDate(opts.asOf, `${builder}: asOf`);
  if (!LANGS.includes(opts.lang)) throw new RangeError(`${builder}: lang must be zh-CN, zh-TW or en-US, got ${JSON.stringify(opts.lang)}`);
}

// ---- the book, indexed once -------------------------------------------------------------------------------------

export interface BookIndex {
  book: Book;
  /** Clients in book order, first of a repeated id only. */
  clients: Client[];
  clientById: Map<string, Client>;
  holdings: Map<string, Holding[]>;
  family: Map<string, FamilyMember[]>;
  policies: Map<string, Policy[]>;
  contacts: Map<string, Contact[]>;
  reviews: Map<string, ReviewRow[]>;
  /** Tier of every client: ranked on `book`'s amounts (valued() builds the index of the book in its currency). */
  tiers: Map<string, ClientTier>;
  /**
   * The tiers came from elsewhere, already ranked in the book currency: a per-client read's whole-book tiers
   * (src/excel/clientRead.ts), which this client's rows alone cannot give. valued() keeps them.
   */
  tiersGiven?: boolean;
}

type Tables = Pick<Book, "clients" | "family" | "holdings" | "policies" | "contacts" | "reviews">;
const TABLE_FIELDS: readonly (keyof Tables)[] = ["clients", "family", "holdings", "policies", "contacts", "reviews"];

interface CacheEntry {
  stamp: unknown[];
  index: BookIndex;
}
const cache = new WeakMap<Book, CacheEntry>();

/** Identity, length and last row of every table: rebuilt when a table is replaced or rows are appended. */
function stampOf(book: Book): unknown[] {
  const s: unknown[] = [book.settings];
  for (const f of TABLE_FIELDS) {
    const rows = book[f] as readonly unknown[];
    s.push(rows, rows.length, rows[rows.length - 1]);
  }
  return s;
}

/** The book indexed by client (built once and reused while the book's tables are unchanged). */
export function bookIndex(book: Book): BookIndex {
  const stamp = stampOf(book);
  const hit = cache.get(book);
  if (hit && hit.stamp.length === stamp.length && hit.stamp.every((x, i) => x === stamp[i])) return hit.index;
  const clients: Client[] = [];
  const clientById = new Map<string, Client>();
  for (const c of book.clients) {
    if (clientById.has(c.clientId)) continue;
    clientById.set(c.clientId, c);
    clients.push(c);
  }
  const index: BookIndex = {
    book,
    clients,
    clientById,
    holdings: groupByClient(book.holdings),
    family: groupByClient(book.family),
    policies: groupByClient(book.policies),
    contacts: groupByClient(book.contacts),
    reviews: groupByClient(book.reviews),
    tiers: bookTiers(book),
  };
  cache.set(book, { stamp, index });
  return index;
}

/**
 * The book and options a builder works on: every amount in the book currency at `asOf` (src/domain/fx.ts; the same
 * book when no row is in another currency), and an index of that book, so its tiers rank amounts in the book currency
 * — an index given for the raw book (the output plan's) is rebuilt on the valued one; only tiers given from a
 * per-client read (`tiersGiven`, already in the book currency: src/excel/clientRead.ts) are kept.
 */
export function valued<O extends BaseOptions>(book: Book, opts: O): { book: Book; opts: O } {
  const v = inBookCurrency(book, opts.asOf);
  if (v === book) return { book, opts };
  const given = opts.index?.tiersGiven === true ? opts.index : undefined;
  const index = opts.index ? (given ? { ...bookIndex(v), tiers: given.tiers, tiersGiven: true } : bookIndex(v)) : undefined;
  return { book: v, opts: { ...opts, ...(index ? { index } : {}) } };
}

export function indexFor(book: Book, opts: BaseOptions): BookIndex {
  return opts.index && opts.index.book === book ? opts.index : bookIndex(book);
}

/** The client's latest contact on or before asOf (on one day, the row entered last). */
export function lastContactOf(index: BookIndex, clientId: string, asOf: IsoDate): Contact | undefined {
  let last: Contact | undefined;
  for (const c of index.contacts.get(clientId) ?? []) if (c.date <= asOf && (!last || c.date >= last.date)) last = c;
  return last;
}

/** The client's latest review date on or before asOf. */
export function lastReviewOf(index: BookIndex, clientId: string, asOf: IsoDate): IsoDate | undefined {
  let last: IsoDate | undefined;
  for (const r of index.reviews.get(clientId) ?? []) if (r.reviewDate <= asOf && (!last || r.reviewDate > last)) last = r.reviewDate;
  return last;
}

// ---- cells ------------------------------------------------------------------------------------------------------

/** An Excel date serial for a date cell (formatted with DATE_FORMAT), or null when absent. */
export function dateCell(d: IsoDate | undefined): number | null {
  return d === undefined ? null : isoToSerial(d);
}

/** A formula cell with its cached result. */
export function fx(f: string, cached: number | string | boolean): FormulaCell {
  return { f, cached };
}

/** Text for a cell: absent or blank → empty cell. */
export function textCell(s: string | undefined): string | null {
  return s === undefined || s === "" ? null : s;
}

/** Quotes a text literal for use inside a formula ("" doubles a quote). */
export function formulaText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** An amount in whole 元 (the default unit). Builders use amountFormat(book, lang), which follows the book's unit. */
export const AMOUNT_FORMAT = "#,##0";

/**
 * The number format of every amount cell of a sheet built from `book`: whole 元 (`#,##0`) or 万 (`0\.0,"万"`), per the
 * book's AmountUnit setting (src/domain/amounts.ts). The cell keeps its exact value; chart axes follow their source
 * cells' format in both renderers, so they show the same unit. `blankZero`: zeros show nothing (amountNumberFormat).
 */
export function amountFormat(book: Pick<Book, "settings">, lang: Lang, blankZero = false): string {
  return amountNumberFormat(book.settings.amountUnit ?? "Yuan", lang, blankZero);
}
export const DATE_FORMAT = "yyyy-mm-dd";
export const PERCENT_FORMAT = "0.0%";
export const INT_FORMAT = "0";
export const TEXT_FORMAT = "@";

export const COLORS = {
  headerFill: "#DDEBF7",
  titleColor: "#1F3864",
  inputFill: "#FFF2CC",
  totalFill: "#F2F2F2",
  blockFill: "#F7F9FC",
  groupFill: "#E2EFDA",
  weekendFill: "#E7E6E6",
  alertFill: "#F8CBAD",
  alertColor: "#9C0006",
  warnFill: "#FFEB9C",
  muted: "#7F7F7F",
  /** A follow-up promised for a later day (contact calendar). */
  followUpFill: "#DDEBF7",
  followUpColor: "#1F4E78",
} as const;

/**
 * A sheet under construction: a sparse grid addressed 1-based (row, col) like Excel, plus the lists a SheetSpec
 * carries. `cells()` returns the row-major grid from A1.
 */
export class Grid {
  private rows: CellValue[][] = [];
  readonly formats: RangeFormat[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly notes: NoteSpec[] = [];
  readonly merges: string[] = [];

  set(row: number, col: number, v: CellValue): void {
    let r = this.rows[row - 1];
    if (!r) {
      for (let i = this.rows.length; i < row; i++) if (!this.rows[i]) this.rows[i] = [];
      r = this.rows[row - 1];
    }
    for (let i = r.length; i < col - 1; i++) r[i] = null;
    r[col - 1] = v;
  }

  /** Writes `values` from (row, col) rightwards. */
  row(row: number, col: number, values: readonly CellValue[]): void {
    values.forEach((v, i) => this.set(row, col + i, v));
  }

  get(row: number, col: number): CellValue {
    return this.rows[row - 1]?.[col - 1] ?? null;
  }

  /** Rows written so far (the last row index used). */
  get height(): number {
    return this.rows.length;
  }

  format(range: string, numberFormat?: string, style?: CellStyle): void {
    const f: RangeFormat = { range };
    if (numberFormat !== undefined) f.numberFormat = numberFormat;
    if (style !== undefined) f.style = style;
    this.formats.push(f);
  }

  /** Number format / style on the rectangle (left, top)–(right, bottom), skipped when it is empty. */
  formatBox(left: number, top: number, right: number, bottom: number, numberFormat?: string, style?: CellStyle): void {
    if (bottom < top || right < left) return;
    this.format(rangeA1(left, top, right, bottom), numberFormat, style);
  }

  note(row: number, col: number, text: string): void {
    this.notes.push({ cell: cellName(col, row), text });
  }

  cells(): CellValue[][] {
    return this.rows.map((r) => r ?? []);
  }
}

/** Title in A1 (bold, large) and the as-of date in B2 labelled in A2 — the date the sheet's formulas compare to. */
export function writeTitle(g: Grid, title: string, asOfLabel: string, asOf: IsoDate): { asOfRef: string } {
  g.set(1, 1, title);
  g.format("A1", undefined, { bold: true, fontSize: 14, color: COLORS.titleColor });
  g.set(2, 1, asOfLabel);
  g.set(2, 2, isoToSerial(asOf));
  g.format("A2", undefined, { bold: true });
  g.format("B2", DATE_FORMAT, { fill: COLORS.inputFill, bold: true, border: true, horizontal: "center" });
  return { asOfRef: absCell(2, 2) };
}

/** A header row: bold, filled, bordered, wrapped. */
export function writeHeader(g: Grid, row: number, col: number, headers: readonly string[]): void {
  g.row(row, col, headers);
  g.formatBox(col, row, col + headers.length - 1, row, undefined, { bold: true, fill: COLORS.headerFill, border: true, wrap: true, vertical: "center", horizontal: "center" });
}

/** Sum in row order, as Excel's SUM adds the cells of a column range top to bottom. */
export function sumInOrder(values: readonly (number | null | undefined)[]): number {
  let s = 0;
  for (const v of values) if (typeof v === "number") s += v;
  return s;
}
