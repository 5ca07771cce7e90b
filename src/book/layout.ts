/**
 * How the book's tables look when they are made: per table its Excel table name and sheet, per column its header,
 * number format, drop-down list and width — and the settings a new book starts with. The one layout both renderers
 * follow: the Excel set-up (src/excel/setupBook.ts, table by table) and the file writer (src/xlsx/bookFile.ts: the
 * shipped template, `clientbook demo`, `build` and `import`), so a book set up in Excel and the template agree.
 * Pure: the schema (schema.ts) holds what each column is, this module how it is laid out.
 */
import { emptyBook, type Book, type BookSettings, type Lang } from "../domain/types";
import { codeLabels } from "./codes";
import { matchHeaders } from "./headers";
import type { RawValue } from "./raw";
import { columnCodeList, sheetName, TABLES, type ColumnSpec, type TableKey } from "./schema";
import { cellText } from "./text";

/** Width (characters) of a column the schema does not know: a user's own column. */
export const USER_COLUMN_WIDTH = 14;
/** No column is laid out wider than this, however long its header. */
export const MAX_COLUMN_WIDTH = 60;

export interface ColumnLayout {
  /** The header as the table shows it. */
  header: string;
  /** The schema column the header names; undefined for a user's own column. */
  column?: ColumnSpec;
  /** Number format of the data cells; undefined leaves them General. */
  format?: string;
  /** Drop-down list of the data cells, labels in the book's language. */
  list?: string[];
  /** Width in characters (Excel's unit: widths of the digit 0). */
  width: number;
}

export interface TableLayout {
  key: TableKey;
  /** Excel table (ListObject) name. */
  tableName: string;
  sheet: string;
  columns: ColumnLayout[];
}

/**
 * Display width of a text in character columns, as a column width is counted: East Asian wide characters (CJK
 * ideographs, kana, Hangul, full-width forms) take two, the rest one. The one width function of the book's
 * columns and the output sheets' (src/sheets/widths.ts).
 */
export function textWidth(text: string): number {
  // By character code, one code point at a time (a surrogate pair is one character; a lone surrogate counts one):
  // the ranges U+1100–115F, 2E80–A4CF, AC00–D7A3, F900–FAFF, FE30–FE4F, FF00–FF60, FFE0–FFE6 and 20000–3FFFD.
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x1100) w += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const cp = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        w += cp >= 0x20000 && cp <= 0x3fffd ? 2 : 1;
        i++;
      } else w += 1;
    } else {
      w +=
        c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6)
          ? 2
          : 1;
    }
  }
  return w;
}

/** Characters a header needs, filter button included: 2 more than its text (textWidth). */
export function headerWidth(header: string): number {
  return textWidth(header) + 2;
}

/** The layout of one column headed `header`: `col` is the schema column it names (undefined: a user's column). */
export function columnLayout(col: ColumnSpec | undefined, header: string, lang: Lang): ColumnLayout {
  // at least as wide as the header itself
  const width = Math.min(MAX_COLUMN_WIDTH, Math.max(col?.width ?? USER_COLUMN_WIDTH, headerWidth(header)));
  if (!col) return { header, width };
  const out: ColumnLayout = { header, column: col, width };
  if (col.format !== "General") out.format = col.format;
  const list = columnCodeList(col);
  if (list) out.list = codeLabels(list, lang);
  return out;
}

/**
 * Headers an Excel table accepts: every header non-blank and unique ignoring case, as many as the widest row.
 * A blank header becomes "Column N" (N its 1-based position); a repeat gets "_2", "_3"… — not " (2)", which the
 * header matcher would read as a unit in brackets and so as the same book column again.
 */
export function tableHeaders(headers: readonly RawValue[], width = headers.length): string[] {
  const used = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < Math.max(width, headers.length); i++) {
    const base = (cellText(headers[i]) ?? `Column ${i + 1}`).replace(/[\r\n\t]+/g, " ");
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
    used.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

export interface TableLayoutOptions {
  /**
   * The header row of an existing table (any language, any order, the user's own columns among them): laid out as
   * it is, each header that names a schema column formatted as that column. Default: the schema's columns in `lang`.
   */
  headers?: readonly RawValue[];
  /** Columns the table must have at least (rows wider than the header row get "Column N" headers). */
  width?: number;
  /** Default: the table's sheet name in `lang`. */
  sheet?: string;
}

/** The layout of table `key` with headers, lists and formats in `lang`. */
export function tableLayout(key: TableKey, lang: Lang, opts: TableLayoutOptions = {}): TableLayout {
  const spec = TABLES[key];
  const sheet = opts.sheet ?? sheetName(key, lang);
  if (!opts.headers) {
    return { key, tableName: spec.tableName, sheet, columns: spec.columns.map((c) => columnLayout(c, c.headers[lang], lang)) };
  }
  const shown = tableHeaders(opts.headers, opts.width);
  const match = matchHeaders(key, opts.headers);
  return { key, tableName: spec.tableName, sheet, columns: shown.map((h, i) => columnLayout(match.columns[i], h, lang)) };
}

/**
 * The settings a new book starts with: the defaults, in `lang`; a Taiwan (繁體) book counts in TWD (the manager
 * changes the Settings table for HKD and others).
 */
export function newBookSettings(lang: Lang): BookSettings {
  return emptyBook({ language: lang, currency: lang === "zh-TW" ? "TWD" : "CNY" }).settings;
}

/** A new, empty book in `lang` (what the template holds). */
export function newBook(lang: Lang): Book {
  return emptyBook(newBookSettings(lang));
}
