/**
 * The client form's records as text fields, validated by the book's own codec: a form record is turned into a
 * one-row table (internal-key headers) and read with readTable, so the form accepts exactly what the sheet
 * accepts (dates, amounts with 万 or separators, coded values in any language, required fields, negatives,
 * maturity before start, future birthdays) and its messages are the codec's, in the UI language.
 */
import { codeLabel, codesOf, type CodeListKey, type CodeOf } from "../../book/codes";
import type { RowError } from "../../book/errors";
import { formatRowError } from "../../book/messages";
import { readTable } from "../../book/read";
import { TABLES, columnCodeList, type ColumnSpec, type RecordOf, type RecordTableKey } from "../../book/schema";
import { tagSeparator } from "../../book/write";
import { THIS_BANK, type IsoDate, type Lang } from "../../domain/types";

/** The tables the client form edits. */
export type FormTable = Extract<RecordTableKey, "clients" | "family" | "holdings" | "policies">;

/** One record as the inputs hold it: field → text ("" = blank). */
export type FormValues = Record<string, string>;

export type InputKind = "text" | "longText" | "date" | "amount" | "int" | "choice" | "tags" | "institution";

export interface FormField {
  field: string;
  col: ColumnSpec;
  kind: InputKind;
  /** For choices: the code list and whether a blank choice is offered. */
  list?: CodeListKey;
  required: boolean;
  /** Ids and the owning client are set by the form, not typed. */
  readOnly: boolean;
}

const LONG_TEXT = new Set(["notes", "address"]);
/** Id columns that name another record rather than this one. */
const LINK_FIELDS = new Set(["linkedClientId"]);

/** Columns appended to a table later but shown beside the field they qualify: the income's currency after it. */
const SHOWN_AFTER: Readonly<Record<string, string>> = { incomeCurrency: "annualIncome" };

/** Columns in form order: the table's, each of SHOWN_AFTER moved after its field. */
function formOrder(table: FormTable): ColumnSpec[] {
  const cols = TABLES[table].columns.filter((c) => !(c.field in SHOWN_AFTER));
  for (const c of TABLES[table].columns) {
    const after = SHOWN_AFTER[c.field];
    if (after === undefined) continue;
    const i = cols.findIndex((x) => x.field === after);
    cols.splice(i < 0 ? cols.length : i + 1, 0, c);
  }
  return cols;
}

/**
 * The inputs of a table's form, in the table's column order (a later column that qualifies another beside it:
 * SHOWN_AFTER); the owning ClientId of child tables is left out.
 */
export function formFields(table: FormTable): FormField[] {
  return formOrder(table)
    .filter((c) => !(table !== "clients" && c.field === "clientId"))
    .map((col) => {
      const list = columnCodeList(col);
      const kind: InputKind =
        list ? "choice"
        : col.type === "date" ? "date"
        : col.type === "amount" || col.type === "number" ? "amount"
        : col.type === "int" ? "int"
        : col.type === "tags" ? "tags"
        : col.type === "institution" ? "institution"
        : LONG_TEXT.has(col.field) ? "longText"
        : "text";
      // A record's own ids are set by the form; a link to another client (the family's LinkedClientId) is typed.
      const f: FormField = { field: col.field, col, kind, required: col.required, readOnly: col.type === "id" && !LINK_FIELDS.has(col.field) };
      if (list) f.list = list;
      return f;
    });
}

/** Dropdown options of a coded field: [code, label in the UI language]. */
export function choiceOptions(list: CodeListKey, lang: Lang): { value: string; label: string }[] {
  return codesOf(list).map((code) => ({ value: code, label: codeLabel(list, code as CodeOf<CodeListKey>, lang) }));
}

/** A record's value as the text of its input. Codes stay codes (the dropdown shows their labels). */
export function fieldText(col: ColumnSpec, value: unknown, lang: Lang): string {
  if (value === undefined || value === null) return "";
  if (col.type === "bool") return value ? "Yes" : "No";
  if (col.type === "tags") return (value as string[]).join(tagSeparator(lang));
  if (col.type === "institution") return value === THIS_BANK ? codeLabel("institution", THIS_BANK, lang) : String(value);
  return String(value);
}

export function recordToValues<K extends FormTable>(table: K, record: RecordOf[K], lang: Lang): FormValues {
  const r = record as unknown as Record<string, unknown>;
  return Object.fromEntries(TABLES[table].columns.map((c) => [c.field, fieldText(c, r[c.field], lang)]));
}

/** A blank record with the defaults a manager expects (in force, no CI cover, at this bank). */
export function blankValues(table: FormTable, ids: Partial<Record<string, string>>, lang: Lang): FormValues {
  const v: FormValues = Object.fromEntries(TABLES[table].columns.map((c) => [c.field, ""]));
  for (const [k, id] of Object.entries(ids)) if (id !== undefined) v[k] = id;
  if (table === "policies") {
    v.status = "InForce";
    v.criticalIllness = "No";
  }
  if (table === "holdings") v.institution = codeLabel("institution", THIS_BANK, lang);
  return v;
}

/**
 * A row error's reason without its location (the form shows it under the field, whose label says where):
 * the codec formats "<sheet> row <n> <column>: <reason>"; the location is the part shared with the same error
 * formatted under two codes whose texts differ from their first character.
 */
export function reasonText(e: RowError, lang: Lang): string {
  const full = formatRowError(e, lang);
  const a = formatRowError({ ...e, code: "required" }, lang);
  const b = formatRowError({ ...e, code: "badInt" }, lang);
  let i = 0;
  while (i < full.length && full[i] === a[i] && full[i] === b[i]) i++;
  return full.slice(i);
}

export interface RecordCheck<K extends FormTable> {
  record?: RecordOf[K];
  /** field → message in the UI language; empty when the record is valid. */
  errors: Record<string, string>;
}

export interface CheckContext {
  asOf: IsoDate;
  lang: Lang;
  /** The client the record belongs to (child tables). */
  clientId: string;
  /** The book's client ids, which a family member's linked client id must name; only `clientId` when absent. */
  clientIds?: ReadonlySet<string>;
}

/** Reads one form record as the codec reads a row: the record, or a message per bad field. */
export function checkRecord<K extends FormTable>(table: K, values: FormValues, ctx: CheckContext): RecordCheck<K> {
  const cols = TABLES[table].columns;
  const row = cols.map((c) => (c.field === "clientId" && table !== "clients" ? ctx.clientId : values[c.field] ?? ""));
  const read = readTable(table, { headers: cols.map((c) => c.key), rows: [row], headerRow: 1 }, {
    asOf: ctx.asOf,
    lang: ctx.lang,
    clientIds: new Set([...(ctx.clientIds ?? []), ctx.clientId]),
  });
  const errors: Record<string, string> = {};
  for (const e of read.errors) {
    const col = e.columnIndex === undefined ? undefined : cols[e.columnIndex];
    if (col && errors[col.field] === undefined) errors[col.field] = reasonText(e, ctx.lang);
  }
  if (read.records.length === 1) return { record: read.records[0], errors };
  if (Object.keys(errors).length === 0) {
    // An all-blank row is skipped by the codec without an error: every required field is missing.
    for (const c of cols) {
      if (c.required) errors[c.field] = reasonText({ table, sheet: "", row: 1, column: c.key, code: "required" }, ctx.lang);
    }
  }
  return { errors };
}
