/** codec.write, codec.read and sheets.build for one book size. */
import { decodeBook, writeBook } from "../src/book/codec";
import { allSheets } from "../src/sheets";
import { outputPlan } from "../src/sheets/plan";
import { AS_OF, LANG, rawTablesOf, sampleOf } from "./books";
import { timeMs, type Recorder } from "./measure";

export const CODEC_FIGURES = ["codec.write", "codec.read", "sheets.build"];

export async function codecBench(rec: Recorder, size: number, runs: number): Promise<void> {
  const book = sampleOf(size);
  const tables = rawTablesOf(book);

  // Checked once, so the timings below are of work that really reads the whole book.
  const check = decodeBook(tables, { asOf: AS_OF });
  if (check.errors.length > 0) {
    const e = check.errors[0];
    throw new Error(`the ${size}-client sample does not read back cleanly: ${check.errors.length} row errors, first ${JSON.stringify(e)}`);
  }
  if (check.book.clients.length !== size || check.book.reviews.length !== book.reviews.length) {
    throw new Error(`the ${size}-client sample read back ${check.book.clients.length} clients and ${check.book.reviews.length} review rows`);
  }
  const specs = allSheets(check.book, { asOf: AS_OF, lang: LANG });
  // The plan's book-wide sheets (lists, calendars, Today, ladder) and one review per client.
  const expected = outputPlan(check.book, { asOf: AS_OF, lang: LANG }).sheets.length;
  if (specs.length !== expected || expected < size) throw new Error(`allSheets gave ${specs.length} sheets for ${size} clients, expected ${expected}`);

  const write: number[] = [];
  const read: number[] = [];
  const build: number[] = [];
  for (let i = 0; i < runs; i++) {
    write.push(await timeMs(() => writeBook(book, LANG)));
    read.push(await timeMs(() => decodeBook(tables, { asOf: AS_OF })));
    build.push(await timeMs(() => allSheets(book, { asOf: AS_OF, lang: LANG })));
  }
  rec.add("codec.write", size, write);
  rec.add("codec.read", size, read);
  rec.add("sheets.build", size, build);
}
