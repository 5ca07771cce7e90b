/** The seeded sample books the benchmark measures, and their tables as a workbook would hold them. */
import { writeBook } from "../src/book/codec";
import type { RawTable } from "../src/book/raw";
import { TABLE_KEYS, TABLES, type TableKey } from "../src/book/schema";
import type { Book, IsoDate, Lang } from "../src/domain/types";
import { generateBook, SAMPLE_SEED } from "../src/sample";

/** Fixed, so that runs on different days measure the same books. */
export const AS_OF: IsoDate = "2026-05-15";
export const LANG: Lang = "zh-CN";

let cached: { size: number; book: Book } | undefined;

/** The seeded sample book of `size` clients (the last one is kept: sizes are measured one after the other). */
export function sampleOf(size: number): Book {
  if (cached?.size !== size) {
    cached = undefined; // let the previous book go before making the next one
    cached = { size, book: generateBook({ clients: size, seed: SAMPLE_SEED, asOf: AS_OF, lang: LANG }) };
  }
  return cached.book;
}

export function dropSample(): void {
  cached = undefined;
}

/** writeBook's output as the raw tables decodeBook takes (header in row 1, on the table's own sheet). */
export function rawTablesOf(book: Book, lang: Lang = LANG): Record<TableKey, RawTable> {
  const written = writeBook(book, lang);
  const out = {} as Record<TableKey, RawTable>;
  for (const key of TABLE_KEYS) out[key] = { headers: written[key].headers, rows: written[key].rows, headerRow: 1, sheet: TABLES[key].sheet[lang] };
  return out;
}

/** Rows per table, for the report ("5,000 clients = 300,000 rows"). */
export function rowCounts(book: Book): Record<string, number> {
  return {
    clients: book.clients.length,
    family: book.family.length,
    holdings: book.holdings.length,
    policies: book.policies.length,
    contacts: book.contacts.length,
    reviews: book.reviews.length,
  };
}
