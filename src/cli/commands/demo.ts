/** clientbook demo: the seeded sample book with every output sheet — the main job, on any machine. */
import type { IsoDate, Lang } from "../../domain/types";
import { countOf } from "../../domain/count";
import { generateBook, SAMPLE_SEED } from "../../sample";
import { bookTables } from "../../xlsx/bookFile";
import { outputSheets, writeWorkbook } from "../output";
import { seconds } from "./types";
import type { CommandContext, CommandResult } from "./types";

export interface DemoOptions {
  out: string;
  lang: Lang;
  clients: number;
  asOf: IsoDate;
  /** One contact calendar of this month, "YYYY-MM" (default: the last full month and the as-of month). */
  month?: string;
  seed?: number;
}

export async function demoCommand(opts: DemoOptions, ctx: CommandContext = {}): Promise<CommandResult> {
  const now = ctx.now ?? Date.now;
  const start = now();
  ctx.onProgress?.(0, 1, `generating a sample book of ${countOf(opts.clients, "client", "clients")}`);
  const book = generateBook({ clients: opts.clients, seed: opts.seed ?? SAMPLE_SEED, asOf: opts.asOf, lang: opts.lang });
  const written = await writeWorkbook({
    tables: bookTables(book, opts.lang),
    sheets: outputSheets(book, { asOf: opts.asOf, lang: opts.lang, ...(opts.month ? { month: opts.month } : {}) }),
    title: "ClientBook demo",
    onProgress: ctx.onProgress,
  });
  const summary =
    `${countOf(book.clients.length, "client", "clients")}, ${countOf(written.sheets.length, "sheet", "sheets")} (${countOf(written.tableSheets, "table", "tables")}, ${countOf(written.outputSheets, "output sheet", "output sheets")}), ` +
    `${opts.lang}, as of ${opts.asOf}, in ${seconds(now() - start)}`;
  return { files: [{ path: opts.out, bytes: written.bytes }], errors: [], exitCode: 0, summary };
}
