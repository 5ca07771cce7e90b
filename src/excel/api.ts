/**
 * The small set of commands the task pane calls. Implemented in ./commands.ts over Office.js; the task pane never
 * touches `Excel.*` itself. Every command reads what it needs in one sync and writes in one sync (plus the chunks
 * the 5 MB request limit forces), so each returns its sync count for tests and the benchmark. An output command
 * changes no table and returns the read it made before writing its sheets (`read`), so the pane reads nothing more.
 */
import type { Book, Contact, IsoDate, Lang, Client, FamilyMember, Holding, Policy } from "../domain/types";
import type { RowError } from "../book/errors";
import type { Localized } from "../domain/result";
import type { RawValue } from "../book/raw";
import type { TableKey } from "../book/schema";

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
  /**
   * Each table as read — where it is and its rows, the codec's input — so that a command about one client can put
   * that client's rows in their place without the whole book being read again (src/taskpane/model/clientMerge.ts).
   */
  tables?: Partial<Record<TableKey, TableRows>>;
}

/** A table as a read found it: its place in its sheet, header row and data rows (values as Office.js gives them). */
export interface TableRows {
  sheet: string;
  /** 0-based row and column of the header row's first cell. */
  rowIndex: number;
  columnIndex: number;
  headers: RawValue[];
  rows: RawValue[][];
}

/**
 * What a command about one client read and wrote, table by table, from its own syncs (src/excel/clientRows.ts): the
 * pane puts these rows in its book in place of the old ones (src/taskpane/model/clientMerge.ts) instead of reading
 * the whole book again. Rows are 0-based data indexes (below the header).
 */
export interface ClientRows {
  clientId: string;
  tables: Partial<Record<TableKey, ClientTableRows>>;
}

export interface ClientTableRows {
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  headers: RawValue[];
  /** Data rows of the table when the command read it (before its writes). */
  rowCount: number;
  /** Rows the command read then, by data index: the client's rows (every row, for a table read whole). */
  read: [number, RawValue[]][];
  /** Data indexes (before the writes) of the rows the command deleted. */
  deleted: number[];
  /** Data rows of the table after the command's writes, as Excel counted them in the command's last sync. */
  rowCountAfter: number;
  /** Rows the command wrote (changed or appended), read back in its last sync, by data index after the writes. */
  written: [number, RawValue[]][];
}

/** The result of a command about one client that changes tables: `client` absent when the pane must read the book. */
export interface ClientCommandResult extends CommandResult {
  client?: ClientRows;
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
  | (ClientCommandResult & { ok: true; written: number })
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
  recordReview(clientId: string, date: IsoDate, netFlows: Record<string, number>, values?: Record<string, number>): Promise<ClientCommandResult & { rows: number }>;
  /** Appends one Contacts row and, when that month's calendar sheet exists, updates the client's cell and note. */
  logContact(contact: Contact): Promise<ClientCommandResult & { calendarUpdated: boolean }>;
  /** Writes only changed rows, after checking they still hold what the form loaded. */
  saveClient(edit: ClientEdit): Promise<SaveResult>;
  /** The client-facing review (masked, no manager-only data) as a new workbook, or a sheet where unsupported. */
  exportClientReview(clientId: string, asOf: IsoDate): Promise<CommandResult & { mode: "new-workbook" | "sheet" }>;
}
