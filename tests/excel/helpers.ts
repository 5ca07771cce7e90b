/**
 * Shared set-up for the src/excel tests: a fake host seeded with a book's tables (as Excel would hold them after a
 * set-up and a load), snapshots of the data sheets, and sync/byte figures.
 */
import { writeBook } from "../../src/book/write";
import { TABLE_KEYS, TABLES, type TableKey } from "../../src/book/schema";
import type { Book, Lang } from "../../src/domain/types";
import { colName } from "../../src/sheets/a1";
import { installFakeOffice, type FakeHost, type FakeOfficeOptions, type SheetSeed, type SheetSnapshot } from "../fake-excel";

export const AS_OF = "2026-05-15";

/** The book's tables as sheets of stored values (strings stored as text, dates as serials), one table each. */
export function bookSeeds(book: Book, lang: Lang = book.settings.language, keys: readonly TableKey[] = TABLE_KEYS): SheetSeed[] {
  const written = writeBook(book, lang);
  return keys.map((key) => {
    const t = written[key];
    const rows = [t.headers, ...t.rows];
    const last = Math.max(2, rows.length);
    return {
      name: TABLES[key].sheet[lang],
      rows,
      tables: [{ name: TABLES[key].tableName, address: `A1:${colName(t.headers.length)}${last}` }],
    };
  });
}

export function installWithBook(book: Book, opts: FakeOfficeOptions & { lang?: Lang; extraSheets?: SheetSeed[] } = {}): FakeHost {
  const sheets = [...bookSeeds(book, opts.lang ?? book.settings.language), ...(opts.extraSheets ?? [])];
  return installFakeOffice({ ...opts, workbook: { sheets } });
}

/** Data sheets (the seven tables' sheets) as plain data, to compare before and after a command. */
export function dataSnapshot(host: FakeHost): SheetSnapshot[] {
  const tableSheets = new Set(host.tables().map((t) => t.sheet));
  return host.snapshot().sheets.filter((s) => tableSheets.has(s.name)).map((s) => ({ ...s, position: 0 }));
}

/**
 * A cheaper stand-in for dataSnapshot on big books: the data sheets' stored cells, number formats, tables,
 * validations, freeze panes, merges and notes, as one string.
 */
export function dataFingerprint(host: FakeHost): string {
  const sheets = [...new Set(host.tables().map((t) => t.sheet))].sort();
  return JSON.stringify(
    sheets.map((name) => {
      const s = host.sheet(name)!;
      return [name, s.formulas(), s.numberFormats(), s.tables(), s.validations(), s.freeze(), s.merges(), s.notes()];
    }),
  );
}

/** Figures of the last command: syncs and the largest request and response in bytes. */
export function figures(host: FakeHost): { syncs: number; maxRequest: number; maxResponse: number } {
  return { syncs: host.stats.syncs, maxRequest: host.stats.maxRequest, maxResponse: host.stats.maxResponse };
}

/** Rows of a table as the sheet holds them (header excluded). */
export function tableRows(host: FakeHost, tableName: string): unknown[][] {
  const t = host.table(tableName);
  if (!t) throw new Error(`no table ${tableName}`);
  return host.getValues(t.sheet, t.dataAddress.split("!")[1]);
}

/** Records lines of a figures table for the report (written to stdout when CLIENTBOOK_FIGURES is set). */
export function report(name: string, f: { syncs: number; maxRequest: number }): void {
  if (process.env.CLIENTBOOK_FIGURES) process.stdout.write(`FIGURE ${name}: syncs=${f.syncs} maxRequest=${f.maxRequest}\n`);
}
