/**
 * Writing: records → rows in the book's header language. Dates become Excel serials, amounts numbers, codes
 * their labels, booleans 是/否 (Yes/No in English), tags one cell joined with 、 (", " in English), absent null.
 * Strings are returned raw; renderers put them into Excel through textSafe (see text.ts).
 */
import { isoToSerial } from "../domain/dates";
import { THIS_BANK } from "../domain/types";
import type { Book, Lang } from "../domain/types";
import { codeLabel } from "./codes";
import type { CodeListKey, CodeOf } from "./codes";
import { matchHeaders } from "./headers";
import type { RawValue, WrittenTable } from "./raw";
import { TABLE_KEYS, TABLES } from "./schema";
import type { ColumnSpec, RecordTableKey, TableKey } from "./schema";
import { settingsRows } from "./settingsTable";
import { cellText } from "./text";
import { tagText } from "./values";

export function tagSeparator(lang: Lang): string {
  return lang === "en-US" ? ", " : "、";
}

/** One value of a column as a cell. */
export function writeCell(col: Pick<ColumnSpec, "type">, value: unknown, lang: Lang): RawValue {
  if (value === undefined || value === null) return null;
  switch (col.type) {
    case "id":
    case "text":
    case "link":
      return String(value);
    case "institution":
      return value === THIS_BANK ? codeLabel("institution", THIS_BANK, lang) : String(value);
    case "date":
      return isoToSerial(String(value));
    case "amount":
    case "int":
    case "number":
      return Number(value);
    case "bool":
      return codeLabel("yesNo", value ? "Yes" : "No", lang);
    case "tags":
      return (value as string[]).map((t) => tagText(t, lang === "en-US")).join(tagSeparator(lang));
    default:
      return codeLabel(col.type.slice(5) as CodeListKey, value as CodeOf<CodeListKey>, lang);
  }
}

/** A record as a row in schema column order. */
export function recordRow(key: RecordTableKey, record: object, lang: Lang): RawValue[] {
  const r = record as Record<string, unknown>;
  return TABLES[key].columns.map((c) => writeCell(c, r[c.field], lang));
}

/**
 * A table of the book in `lang`, in schema column order. With `existingHeaders` (the header row already in the
 * sheet) the rows follow that order instead: the user's own columns get null (the renderer must leave those
 * cells alone) and schema columns the sheet lacks are appended at the end with headers in `lang`.
 */
export function writeTable(book: Book, key: TableKey, lang: Lang, existingHeaders?: readonly RawValue[]): WrittenTable {
  const schemaHeaders = TABLES[key].columns.map((c) => c.headers[lang]);
  const schemaRows = key === "settings" ? settingsRows(book.settings, lang) : book[key].map((r) => recordRow(key, r, lang));
  if (!existingHeaders) return { headers: schemaHeaders, rows: schemaRows };

  const match = matchHeaders(key, existingHeaders);
  const headers = [...existingHeaders.map((h) => cellText(h) ?? ""), ...match.missing.map((c) => c.headers[lang])];
  const source = TABLES[key].columns.map((c) => match.indexOf.get(c.field) ?? existingHeaders.length + match.missing.indexOf(c));
  const rows = schemaRows.map((row) => {
    const out: RawValue[] = new Array(headers.length).fill(null);
    row.forEach((v, i) => (out[source[i]] = v));
    return out;
  });
  return { headers, rows };
}

/** Every table of the book, in `lang` (the book's own language by default). */
export function writeBook(book: Book, lang: Lang = book.settings.language): Record<TableKey, WrittenTable> {
  return Object.fromEntries(TABLE_KEYS.map((k) => [k, writeTable(book, k, lang)])) as Record<TableKey, WrittenTable>;
}
