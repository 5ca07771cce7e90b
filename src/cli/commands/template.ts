/** clientbook template: the empty shared template — the seven tables, ready to fill in Excel or WPS. */
import { emptyBook } from "../../domain/types";
import type { Lang } from "../../domain/types";
import { TABLE_KEYS } from "../../book/schema";
import { writeTable } from "../../book/write";
import { bookTableOptions } from "../../xlsx/bookFile";
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
  // Taiwan (繁體) books default to TWD; the manager changes the Settings table for HKD and others.
  const book = emptyBook({ language: lang, currency: lang === "zh-TW" ? "TWD" : "CNY" });
  const tables = TABLE_KEYS.map((key) => bookTableOptions(key, writeTable(book, key, lang), lang));
  const written = await writeWorkbook({ tables, active: "first", title: "ClientBook" });
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
