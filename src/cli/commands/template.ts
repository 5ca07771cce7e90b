/** clientbook template: the empty shared template — the seven tables, ready to fill in Excel or WPS. */
import { newBook } from "../../book/layout";
import type { Lang } from "../../domain/types";
import { bookTables } from "../../xlsx/bookFile";
import { writeWorkbook } from "../output";
import type { CommandResult } from "./types";

export interface TemplateOptions {
  out: string;
  lang: Lang;
}

/**
 * The template's bytes and sheet names. The task pane's set-up inserts the same file (built into
 * dist/assets/clientbook-template.<lang>.xlsx by webpack.config.js) where Excel can insert worksheets.
 */
export async function templateWorkbook(lang: Lang): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  const written = await writeWorkbook({ tables: bookTables(newBook(lang), lang), active: "first", title: "ClientBook" });
  return { bytes: written.bytes, sheets: written.sheets };
}

export async function templateCommand(opts: TemplateOptions): Promise<CommandResult> {
  const written = await templateWorkbook(opts.lang);
  return {
    files: [{ path: opts.out, bytes: written.bytes }],
    errors: [],
    exitCode: 0,
    summary: `empty client book template, ${opts.lang}: ${written.sheets.join(", ")}`,
  };
}
