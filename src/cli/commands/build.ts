/**
 * clientbook build: every output sheet for every client of a filled book, in one complete book — the book's own
 * tables as they are (the user's columns, order and even rejected rows kept, so it can be fixed in place),
 * tables the book lacks added empty, then the manager's own sheets of the input as they were (every sheet that is
 * neither a table of the book nor one ClientBook made, src/xlsx/markers.ts), then the output sheets (beside a kept
 * sheet of the same name: "今日待办 (2)") and, when rows were rejected, the import-errors sheet. A book of an older
 * format comes out upgraded (the columns and settings added since, its version raised; the summary says what
 * changed); a book written by a newer ClientBook is refused (exit 2): this version would not keep its data right.
 */
import { countOf } from "../../domain/count";
import type { RawTable } from "../../book/raw";
import type { TableKey } from "../../book/schema";
import type { IsoDate, Tier } from "../../domain/types";
import { sheetNameKey } from "../../sheets/names";
import { bookTables } from "../../xlsx/bookFile";
import { sheetsMadeByClientBook } from "../../xlsx/markers";
import { newerBookMessage, upgradeRawTables, upgradeSummary } from "../../book/bookVersion";
import { readBookFile } from "../bookInput";
import { UsageError } from "../usage";
import { outputSheets, writeWorkbook } from "../output";
import { selectReviews } from "../reviewSelection";
import { rejectedRowCount, rowErrorLine } from "../rowErrors";
import { seconds } from "./types";
import type { CommandContext, CommandResult, InputFile } from "./types";

export interface BuildOptions {
  book: InputFile;
  out: string;
  asOf: IsoDate;
  /** Reviews of one tier only (--tier). */
  tier?: Tier;
  /** Reviews of these clients only (--clients). */
  clients?: readonly string[];
  /** One contact calendar of this month, "YYYY-MM" (default: the last full month and the as-of month). */
  month?: string;
}

export async function buildCommand(opts: BuildOptions, ctx: CommandContext = {}): Promise<CommandResult> {
  const now = ctx.now ?? Date.now;
  const start = now();
  ctx.onProgress?.(0, 1, `reading ${opts.book.name}`);
  const { book, errors, tables: asRead } = await readBookFile(opts.book.bytes, opts.book.name, { asOf: opts.asOf });
  const lang = book.settings.language;
  // The book's tables in the current format (src/book/bookVersion.ts): what the layout added since the book was
  // written is appended, nothing removed or moved. A book written by a newer ClientBook is not rewritten.
  const { tables: found, plan } = upgradeRawTables(asRead, lang);
  if (plan.newer) throw new UsageError(`${opts.book.name}: ${newerBookMessage(plan.from)["en-US"]}`);
  const upgraded = plan.needed ? `; ${upgradeSummary(plan)["en-US"]}` : "";
  // Which reviews; too many for one file is refused here, before anything is built (../reviewSelection.ts).
  const reviews = selectReviews(book, { asOf: opts.asOf, ...(opts.tier ? { tier: opts.tier } : {}), ...(opts.clients ? { clients: opts.clients } : {}) }, opts.book.name);
  // The manager's own sheets (neither a table of the book nor a sheet ClientBook made) are kept as they are.
  const input = await sheetsMadeByClientBook(opts.book.bytes, book.clients.map((c) => c.clientId));
  const tableSheets = new Set(Object.values(found).map((t) => sheetNameKey(t.sheet)));
  const keep = input.sheets.filter((s) => !tableSheets.has(sheetNameKey(s)) && !input.made.has(s));
  // straight into the output file as each sheet is made when the shell offers it (the CLI does: src/cli/fileSink.ts)
  const sink = ctx.openOutput?.(opts.out);
  let written;
  try {
    written = await writeWorkbook({
      ...(keep.length > 0 ? { keep: { bytes: opts.book.bytes, sheets: keep } } : {}),
      tables: bookTables(book, lang, found),
      sheets: outputSheets(book, { asOf: opts.asOf, lang, ...(opts.month ? { month: opts.month } : {}) }, reviews),
      errors: { errors, tables: found as Partial<Record<TableKey, RawTable>>, lang },
      title: "ClientBook",
      onProgress: ctx.onProgress,
      ...(sink ? { sink } : {}),
    });
    sink?.commit();
  } catch (e) {
    sink?.abort();
    throw e;
  }
  const rejected = rejectedRowCount(errors);
  const summary =
    `${countOf(book.clients.length, "client", "clients")}, ${countOf(written.sheets.length, "sheet", "sheets")} (${countOf(written.tableSheets, "table", "tables")}, ${countOf(written.outputSheets, "output sheet", "output sheets")}` +
    `${rejected > 0 ? ", import errors" : ""}${written.keptSheets > 0 ? `, ${written.keptSheets} of the book's own kept` : ""}), ${lang}, as of ${opts.asOf}` +
    (rejected > 0 ? `; ${countOf(rejected, "row", "rows")} rejected` : "") +
    `, in ${seconds(now() - start)}` +
    upgraded;
  return {
    files: [sink ? { path: opts.out, bytes: written.bytes, written: true } : { path: opts.out, bytes: written.bytes }],
    errors: errors.map((e) => rowErrorLine(e, `${opts.book.name}:${e.sheet}`)),
    exitCode: rejected > 0 ? 1 : 0,
    summary,
  };
}
