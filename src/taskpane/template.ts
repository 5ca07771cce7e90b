/**
 * The shipped book template, fetched from the add-in's own assets (webpack.config.js builds one per language with
 * the code of `clientbook template`) for set-up to insert where Excel can insert worksheets. Fetched only when a
 * blank workbook is set up; `no-cache` revalidates it so an updated add-in never inserts a stale template.
 */
import { toBase64 } from "../excel/base64";
import type { Lang } from "../domain/types";

/** The template's path, relative to taskpane.html (webpack.config.js TEMPLATE_FILE). */
export function templatePath(lang: Lang): string {
  return `assets/clientbook-template.${lang}.xlsx`;
}

/** The template of `lang` as base64; rejects when it cannot be fetched (set-up then makes the tables itself). */
export async function fetchTemplate(lang: Lang): Promise<string> {
  // A GET of the add-in's own static file (CSP connect-src 'self'): it reads, and sends nothing of the book.
  // eslint-disable-next-line no-restricted-globals
  const res = await fetch(templatePath(lang), { cache: "no-cache" });
  if (!res.ok) throw new Error(`${templatePath(lang)}: HTTP ${res.status}`);
  return toBase64(new Uint8Array(await res.arrayBuffer()));
}
