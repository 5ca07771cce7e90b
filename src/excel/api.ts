/**
 * The small set of commands the task pane calls. Implemented in ./commands.ts over Office.js; the task pane never
 * touches `Excel.*` itself. Every command reads what it needs in one sync and writes in one sync (plus the chunks
 * the 5 MB request limit forces), so each returns its sync count for tests and the benchmark. An output command
 * changes no table and returns the read it made before writing its sheets (`read`), so the pane reads nothing more.
 */
import type { Book, Contact, IsoDate, Lang, Client, FamilyMember, Holding, Policy } from "../domain/types";
import type { RowError } from "../book/errors";
import type { Localized } from "../domain/result";

/**
 * How far a command is: data, not text — the pane words it in its own language (src/taskpane/i18n.ts
 * "progress.writing"), which may differ from Office's display language.
 */
export interface Progress {
  done: number;
  total: number;
  /** The step just finished: writing this sheet (its name as written in the workbook). */
  sheet?: string;
  kind?: "writing";
}
export type OnProgress = (p: Progress) => void;

export interface CommandResult {
  /** context.sync() calls this command made. */
  syncs: number;
}

export interface ReadResult extends CommandResult {
  book: Book;
  errors: RowError[];
  /** False when the workbook has no ClientBook tables yet. */
  hasBook: boolean;
  /** Excel row (1-based) of every record, parallel to the book's arrays — to select a record's row. */
  rows?: Record<"clients" | "family" | "holdings" | "policies" | "contacts" | "reviews", number[]>;
  /** Sheet of each table as found in the workbook (the table may sit on a sheet named in any language). */
  sheets?: Partial<Record<"clients" | "family" | "holdings" | "policies" | "contacts" | "reviews" | "settings", string>>;
  /**
   * The book's format version (src/book/bookVersion.ts): `upgrade` — older, or lacking a table, column or setting
   * of the current layout (the pane calls upgradeBook); `newer` — written by a newer ClientBook, read only.
   */
  format?: { version: number; newer: boolean; upgrade: boolean };
}

export interface SetupResult extends CommandResult {
  /** Tables created now (the rest already existed). */
  createdTables: string[];
  /** Columns appended to existing tables, as "Table.Column". */
  addedColumns: string[];
  /** The book's header language: an existing book keeps its own, a new book takes the one asked for. */
  language?: Lang;
  /** The tables came from the shipped template, inserted whole (insertWorksheetsFromBase64, ExcelApi 1.13). */
  fromTemplate?: boolean;
  /** Settings rows appended to an existing Settings table, by internal key ("SchemaVersion"). */
  addedSettings?: string[];
  /** An existing book was brought to the current format: what changed, in the three languages. */
  upgraded?: { from: number; to: number; summary: Localized };
}

export interface SetupOptions {
  /**
   * The shipped book template of a language, as base64 .xlsx. Used only for a workbook with no ClientBook table
   * or sheet yet, and where Excel can insert worksheets; a failure to load or insert it falls back to creating
   * the tables one by one.
   */
  template?: (lang: Lang) => Promise<string>;
}

export interface SheetResult extends CommandResult {
  /** Names of the sheets written. */
  sheets: string[];
  /** The book as the command read it before writing its sheets (it changes no table, so it is still current). */
  read?: ReadResult;
}

/** A record as the form loaded it and as the user edited it; `before` absent = new record. */
export interface RecordEdit<T> {
  before?: T;
  after?: T; // absent = delete
}

export interface ClientEdit {
  client: RecordEdit<Client>;
  family: RecordEdit<FamilyMember>[];
  holdings: RecordEdit<Holding>[];
  policies: RecordEdit<Policy>[];
}

export type SaveResult =
  | (CommandResult & { ok: true; written: number })
  /**
   * Someone changed the rows since the form loaded them: nothing was written; reload and edit again. With `saved`,
   * a co-author changed cells in the instant between the save's read and its write: those cells keep the
   * co-author's content and `saved` rows of the form were written.
   */
  | (CommandResult & { ok: false; conflicts: { table: string; id: string }[]; saved?: number });

export interface ClientBookCommands {
  /** Creates missing tables/columns with localised headers, validation lists, formats; never deletes data. */
  setupBook(lang: Lang, options?: SetupOptions): Promise<SetupResult>;
  /**
   * Brings an existing book to the current format in place (what ReadResult.format.upgrade asks for): adds the
   * tables, columns and Settings rows it lacks and raises its version; never removes or moves data; does nothing to
   * a workbook without a book; refuses a newer book (NewerBook).
   */
  upgradeBook(): Promise<SetupResult>;
  /** Writes the 40-client sample into the book's tables (refuses when the tables already hold clients). */
  loadSample(lang: Lang, asOf: IsoDate): Promise<CommandResult>;
  /**
   * The pane's read of the whole book: the tables from Excel (readBookTables) decoded into records (decodeBook).
   * `asOf` (optional) turns on the checks that need today's date, e.g. birthdays in the future.
   */
  readBook(asOf?: IsoDate): Promise<ReadResult>;
  /** Selects a cell, e.g. the cell of a row error. */
  selectCell(sheet: string, address: string): Promise<void>;

  buildReview(clientId: string, asOf: IsoDate): Promise<SheetResult>;
  buildProfile(asOf: IsoDate): Promise<SheetResult>;
  buildCoverage(asOf: IsoDate): Promise<SheetResult>;
  /** month = "YYYY-MM". */
  buildCalendar(month: string, asOf: IsoDate): Promise<SheetResult>;
  buildToday(asOf: IsoDate): Promise<SheetResult>;
  /** Profile, coverage, calendar of asOf's month, Today, and every review sheet already in the workbook. */
  refreshAll(asOf: IsoDate, onProgress?: OnProgress): Promise<SheetResult>;
  /** A call list sheet for a segment. */
  saveCallList(clientIds: string[], reasons: Record<string, string>, asOf: IsoDate): Promise<SheetResult>;

  /**
   * Appends one Reviews row per current holding at `date`, at the market value typed for it (`values`; the Holdings
   * amount when absent), with the net flows typed; never edits earlier reviews.
   */
  recordReview(clientId: string, date: IsoDate, netFlows: Record<string, number>, values?: Record<string, number>): Promise<CommandResult & { rows: number }>;
  /** Appends one Contacts row and, when that month's calendar sheet exists, updates the client's cell and note. */
  logContact(contact: Contact): Promise<CommandResult & { calendarUpdated: boolean }>;
  /** Writes only changed rows, after checking they still hold what the form loaded. */
  saveClient(edit: ClientEdit): Promise<SaveResult>;
  /** The client-facing review (masked, no manager-only data) as a new workbook, or a sheet where unsupported. */
  exportClientReview(clientId: string, asOf: IsoDate): Promise<CommandResult & { mode: "new-workbook" | "sheet" }>;
}
