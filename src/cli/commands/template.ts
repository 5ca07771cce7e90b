/**
 * clientbook template: the empty shared template — the seven tables, ready to fill in Excel or WPS — as a workbook
 * (.xlsx) or as an Excel template (.xltx, for "New from template" and a branch's template folder).
 */
import { newBook } from "../../book/layout";
import type { Lang } from "../../domain/types";
import { asTemplate } from "../../xlsx/asTemplate";
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

/** `--out` ending in .xltx writes an Excel template (src/xlsx/asTemplate.ts): "New from template" in Excel. */
export async function templateCommand(opts: TemplateOptions): Promise<CommandResult> {
  const written = await templateWorkbook(opts.lang);
  const xltx = /\.xltx$/i.test(opts.out);
  return {
    files: [{ path: opts.out, bytes: xltx ? await asTemplate(written.bytes) : written.bytes }],
    errors: [],
    exitCode: 0,
    summary: `empty client book ${xltx ? "Excel template (.xltx)" : "template"}, ${opts.lang}: ${written.sheets.join(", ")}`,
  };
}
