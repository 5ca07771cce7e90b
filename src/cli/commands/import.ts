/**
 * clientbook import: CSV files → a client book file. Rows the codec cannot read are not imported; they are
 * reported ("file:line: column: reason") and kept verbatim on the import-errors sheet, so nothing is lost.
 */
import { decodeBook } from "../../book/codec";
import { countOf } from "../../domain/count";
import { detectTable, matchHeaders } from "../../book/headers";
import type { RawTable, RawValue } from "../../book/raw";
import { RECORD_TABLE_KEYS, TABLES } from "../../book/schema";
import type { RecordTableKey, TableKey } from "../../book/schema";
import { cellText, normKey } from "../../book/text";
import { writeTable } from "../../book/write";
import { LANGS } from "../../domain/types";
import type { Book, IsoDate, Lang } from "../../domain/types";
import { bookTables } from "../../xlsx/bookFile";
import { checkCsvFile, csvTable, decodeCsv } from "../csv";
import type { CsvEncoding } from "../csv";
import { writeWorkbook } from "../output";
import { rejectedRowCount, rowErrorLine } from "../rowErrors";
import { UsageError } from "../usage";
import { seconds } from "./types";
import type { CommandContext, CommandResult, InputFile } from "./types";

/** The tables a CSV can fill, and the option that names each file. */
export const CSV_TABLES = ["clients", "family", "holdings", "policies", "contacts", "rates"] as const satisfies readonly RecordTableKey[];
export type CsvTableKey = (typeof CSV_TABLES)[number];

export interface ImportOptions {
  files: { clients: InputFile } & Partial<Record<CsvTableKey, InputFile>>;
  out: string;
  /** Language of the written book; default: the language of the clients file's headers. */
  lang?: Lang;
  /** Today, for the future-birthday check. */
  asOf: IsoDate;
  /** The files' encoding (a WHATWG name, from --encoding); default: decided from each file's bytes. */
  encoding?: CsvEncoding;
}

const OPTION_OF: Record<CsvTableKey, string> = {
  clients: "the CLIENTS.csv argument", family: "--family", holdings: "--holdings", policies: "--policies", contacts: "--contacts", rates: "--rates",
};

/** Refuses a file whose header row does not make it the table its option says (a policies file given as --holdings…). */
export function checkTableKind(key: CsvTableKey, raw: RawTable, file: string): void {
  const own = matchHeaders(key, raw.headers);
  const missing = own.missing.filter((c) => c.required);
  const detected = detectTable(raw.headers);
  const better = detected !== undefined && detected !== key && matchHeaders(detected, raw.headers).indexOf.size > own.indexOf.size;
  if (missing.length === 0 && !better) return;
  const looks = detected && detected !== key ? `; it looks like a ${TABLES[detected].tableName} table` : "";
  const what =
    missing.length > 0
      ? `required column${missing.length > 1 ? "s" : ""} missing: ${missing.map((c) => `${c.headers["en-US"]} (${c.headers["zh-CN"]})`).join(", ")}`
      : "its header row names more columns of another table";
  throw new UsageError(`${file}: not a ${TABLES[key].tableName} file (${OPTION_OF[key]}): ${what}${looks}`);
}

/** The language whose headers the header row uses most (zh-CN on a tie or when none matches). */
export function headerLanguage(key: TableKey, headers: readonly RawValue[]): Lang {
  let best: Lang = "zh-CN";
  let bestCount = 0;
  for (const lang of LANGS) {
    const names = new Set(TABLES[key].columns.map((c) => normKey(c.headers[lang])));
    const count = headers.filter((h) => {
      const t = cellText(h);
      return t !== undefined && names.has(normKey(t));
    }).length;
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  return best;
}

/**
 * A record table as written: the book's columns in `lang`, then the file's own extra columns (header and cells
 * verbatim, for the records that were imported).
 */
function tableWithExtras(book: Book, key: RecordTableKey, lang: Lang, raw: RawTable | undefined, rows: readonly number[]): { headers: RawValue[]; rows: RawValue[][] } {
  const written = writeTable(book, key, lang);
  if (!raw) return written;
  const match = matchHeaders(key, raw.headers);
  const rawRow = (excelRow: number) => raw.rows[excelRow - raw.headerRow - 1] ?? [];
  const extras = match.columns.flatMap((c, i) => {
    if (c) return [];
    const hasHeader = cellText(raw.headers[i]) !== undefined;
    return hasHeader || rows.some((r) => cellText(rawRow(r)[i]) !== undefined) ? [i] : [];
  });
  if (extras.length === 0) return written;
  return {
    headers: [...written.headers, ...extras.map((i) => raw.headers[i] ?? null)],
    rows: written.rows.map((r, n) => [...r, ...extras.map((i) => (cellText(rawRow(rows[n])[i]) === undefined ? null : rawRow(rows[n])[i]))]),
  };
}

export async function importCommand(opts: ImportOptions, ctx: CommandContext = {}): Promise<CommandResult> {
  const now = ctx.now ?? Date.now;
  const start = now();
  const raw: Partial<Record<TableKey, RawTable>> = {};
  const encodings: string[] = [];
  const inputs = CSV_TABLES.flatMap((key) => (opts.files[key] ? [{ key, input: opts.files[key]! }] : []));
  // The workbook names each file by its base name (clients.csv), unless two files share one.
  const base = (name: string) => name.split(/[\\/]/).pop() || name;
  const unique = new Set(inputs.map((i) => base(i.input.name))).size === inputs.length;
  const pathOf = new Map<string, string>();
  for (const { key, input } of inputs) {
    ctx.onProgress?.(0, 1, `reading ${input.name}`);
    const display = unique ? base(input.name) : input.name;
    pathOf.set(display, input.name);
    checkCsvFile(input.bytes, input.name);
    const { text, encoding, badLines } = decodeCsv(input.bytes, opts.encoding);
    const table = csvTable(text, display, key, input.name, badLines);
    checkTableKind(key, table, input.name);
    raw[key] = table;
    if (encoding !== "utf-8") encodings.push(`${input.name}: ${encoding}`);
  }
  const lang = opts.lang ?? headerLanguage("clients", raw.clients!.headers);
  const read = decodeBook(raw, { asOf: opts.asOf, checkRates: false });
  const book: Book = { ...read.book, settings: { ...read.book.settings, language: lang, ...(lang === "zh-TW" ? { currency: "TWD" } : {}) } };

  const withExtras = Object.fromEntries(RECORD_TABLE_KEYS.map((key) => [key, tableWithExtras(book, key, lang, raw[key], read.rows[key])]));
  const written = await writeWorkbook({
    tables: bookTables(book, lang, withExtras),
    errors: { errors: read.errors, tables: raw, lang },
    active: "errors-or-first-output",
    title: "ClientBook",
    onProgress: ctx.onProgress,
  });
  const rejected = rejectedRowCount(read.errors);
  const nouns: Record<RecordTableKey, readonly [one: string, other: string]> = {
    clients: ["client", "clients"], family: ["family member", "family members"], holdings: ["holding", "holdings"], policies: ["policy", "policies"],
    contacts: ["contact", "contacts"], reviews: ["review row", "review rows"], rates: ["rate", "rates"],
  };
  const counts = RECORD_TABLE_KEYS.filter((k) => raw[k]).map((k) => countOf(book[k].length, ...nouns[k]));
  const summary =
    `imported ${counts.join(", ")}` +
    (rejected > 0 ? `; ${countOf(rejected, "row", "rows")} rejected (see the import-errors sheet)` : "; no rows rejected") +
    (encodings.length > 0 ? `; read ${encodings.join(", ")}` : "") +
    `; ${lang}, in ${seconds(now() - start)}`;
  return {
    files: [{ path: opts.out, bytes: written.bytes }],
    errors: read.errors.map((e) => rowErrorLine(e, pathOf.get(e.sheet) ?? e.sheet)),
    exitCode: rejected > 0 ? 1 : 0,
    summary,
  };
}
