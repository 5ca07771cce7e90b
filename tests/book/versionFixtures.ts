/**
 * Books of each version, made in the test from today's book (no binary fixtures): version 1 is the layout ClientBook
 * wrote before book versions existed (the release of e04e694: these tables, these columns, these Settings rows, no
 * SchemaVersion row); "older than 1" also lacks the columns and setting added during version 1 (CriticalIllnessSum,
 * Reviews.ProductName, CiIncomeYears); a newer book says a higher version and carries a column and a setting this
 * code does not know. Columns and settings added after version 1 by anyone are dropped by key, so the fixtures stay
 * old as the layout grows. Shared by tests/book, tests/excel and tests/cli.
 */
import { writeBook } from "../../src/book/write";
import { matchHeaders } from "../../src/book/headers";
import type { RawValue, WrittenTable } from "../../src/book/raw";
import { SETTINGS, TABLE_KEYS, TABLES, type TableKey } from "../../src/book/schema";
import { settingForKey } from "../../src/book/settingsTable";
import { BOOK_SCHEMA_VERSION, type Book, type Lang } from "../../src/domain/types";

/** The columns (internal keys) of each table in version 1, in order — copied from src/book/schema.ts at e04e694. */
export const V1_COLUMNS: Readonly<Partial<Record<TableKey, readonly string[]>>> = {
  clients: ["ClientId", "Name", "Gender", "Birthday", "IdNumber", "Phone", "Email", "Address", "Occupation", "Employer", "Hobbies", "MaritalStatus", "Children", "AnnualIncome", "RiskLevel", "RiskAssessedOn", "Tier", "Tags", "PreferredChannel", "ContactWindow", "ReviewCadence", "Manager", "VerifiedOn", "Notes"],
  family: ["ClientId", "Name", "Relation", "Birthday", "SchoolOrWork", "Notes"],
  holdings: ["HoldingId", "ClientId", "AssetClass", "ProductName", "Institution", "Amount", "StartDate", "MaturityDate", "RiskLevel", "UpdatedOn", "Notes"],
  policies: ["PolicyId", "ClientId", "Insured", "PolicyType", "Insurer", "ProductName", "StartDate", "TermYears", "SumInsured", "AnnualPremium", "CriticalIllness", "Beneficiary", "Status", "CriticalIllnessSum"],
  contacts: ["ClientId", "Date", "Channel", "Summary", "NextAction", "NextDate"],
  reviews: ["ClientId", "ReviewDate", "HoldingId", "AssetClass", "Amount", "NetFlow", "ProductName"],
  settings: ["Key", "Value"],
};
/** Version 1's Settings rows. */
export const V1_SETTINGS: readonly string[] = ["Language", "Currency", "IncomeYears", "EducationPerChild", "CoverMultiple", "PremiumRatio", "CiIncomeYears"];
/** What books older still lacked (added during version 1, before versions existed). */
const PRE_V1 = { columns: [["policies", "CriticalIllnessSum"], ["reviews", "ProductName"]] as [TableKey, string][], settings: ["CiIncomeYears"] };

export type BookTables = Partial<Record<TableKey, WrittenTable>>;

/** Keeps the columns whose keys `keep` lists (in the table's order). */
function keepColumns(table: WrittenTable, key: TableKey, keep: readonly string[]): WrittenTable {
  const match = matchHeaders(key, table.headers);
  const idx = table.headers.map((_, i) => i).filter((i) => {
    const col = match.columns[i];
    return col !== undefined && keep.includes(col.key);
  });
  return { headers: idx.map((i) => table.headers[i]), rows: table.rows.map((r) => idx.map((i) => r[i] ?? null)) };
}

const keepSettings = (table: WrittenTable, keep: readonly string[]): WrittenTable => ({
  headers: table.headers,
  rows: table.rows.filter((r) => keep.includes(settingForKey(r[0] ?? null)?.key ?? "")),
});

/** Today's book written as ClientBook version 1 wrote it (`older`: as books before CriticalIllnessSum were). */
export function v1Tables(book: Book, lang: Lang = book.settings.language, opts: { older?: boolean } = {}): BookTables {
  const now = writeBook(book, lang);
  const out: BookTables = {};
  for (const key of TABLE_KEYS) {
    const v1 = V1_COLUMNS[key];
    if (!v1) continue; // a table added after version 1
    const cols = v1.filter((c) => !(opts.older && PRE_V1.columns.some(([t, k]) => t === key && k === c)));
    out[key] = key === "settings" ? keepSettings(now.settings, V1_SETTINGS.filter((s) => !(opts.older && PRE_V1.settings.includes(s)))) : keepColumns(now[key], key, cols);
  }
  return out;
}

/** A book written by a newer ClientBook: version `version`, a column and a setting this code does not know. */
export function newerTables(book: Book, version = BOOK_SCHEMA_VERSION + 1, lang: Lang = book.settings.language): BookTables {
  const now = writeBook({ ...book, settings: { ...book.settings, schemaVersion: version } }, lang);
  const clients: WrittenTable = { headers: [...now.clients.headers, "FutureColumn"], rows: now.clients.rows.map((r) => [...r, "future"]) };
  const settings: WrittenTable = { headers: now.settings.headers, rows: [...now.settings.rows, ["FutureSetting", 1] as RawValue[]] };
  return { ...now, clients, settings };
}

/** The tables, columns and Settings rows a version-1 book lacks today, by key: what an upgrade must add. */
export function addedSinceV1(): { tables: TableKey[]; columns: { table: TableKey; key: string }[]; settings: string[] } {
  return {
    tables: TABLE_KEYS.filter((t) => !V1_COLUMNS[t]),
    columns: TABLE_KEYS.flatMap((t) => {
      const v1 = V1_COLUMNS[t];
      return v1 ? TABLES[t].columns.filter((c) => !v1.includes(c.key)).map((c) => ({ table: t, key: c.key })) : [];
    }),
    settings: SETTINGS.filter((s) => !V1_SETTINGS.includes(s.key)).map((s) => s.key),
  };
}
