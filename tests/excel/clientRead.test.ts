/**
 * Commands about one client read that client's rows (src/excel/clientRead.ts), never a copy kept from before:
 * a co-author's edit made behind the pane's back is what the next command acts on; an edit between the command's
 * two read syncs sends it to the whole read; the bytes it reads do not grow with the number of other clients.
 * Worksheet.findAll (ExcelApi 1.9): https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-string-match
 */
import { paneCommands } from "../../src/taskpane/paneCommands";
import { parseAreas, rowRuns, searchTexts, tiersFromColumns } from "../../src/excel/clientRead";
import { generateBook, SAMPLE_SEED, sampleBook } from "../../src/sample";
import { assetReview } from "../../src/sheets";
import { bookTiers } from "../../src/domain/tiers";
import { inBookCurrency } from "../../src/domain/fx";
import { FX_AS_OF, threeClientBook } from "../fx-books";
import { writeBook } from "../../src/book/codec";
import { TABLES } from "../../src/book/schema";
import { colName } from "../../src/sheets/a1";
import type { FakeHost } from "../fake-excel";
import { AS_OF, installWithBook } from "./helpers";

const book = sampleBook(AS_OF, "zh-CN");
const commands = paneCommands();
let host: FakeHost;
afterEach(() => host?.uninstall());

/** Excel column letter and 1-based row of a table's cell, from the seeded layout (table at A1 of its sheet). */
function cellOf(key: "holdings", row: number, field: string): string {
  const col = TABLES[key].columns.findIndex((c) => c.field === field);
  return `${colName(col + 1)}${row + 2}`;
}

describe("addresses and runs", () => {
  test("RangeAreas.address as Microsoft documents it ('Sheet1!A1:B4, Sheet1!D1:D4'), quoted names with commas too", () => {
    expect(parseAreas("Sheet1!A1:B4, Sheet1!D1:D4")).toEqual([
      { r0: 0, r1: 3, c0: 0, c1: 1 },
      { r0: 0, r1: 3, c0: 3, c1: 3 },
    ]);
    expect(parseAreas("'a, b'!$B$7,'a, b'!C9:C10")).toEqual([
      { r0: 6, r1: 6, c0: 1, c1: 1 },
      { r0: 8, r1: 9, c0: 2, c1: 2 },
    ]);
  });

  test("rows inside the table body only, merged into runs; a match in the header or beside the table is not a row", () => {
    const info = { rowIndex: 0, columnIndex: 0, rowCount: 10, headers: ["a", "b", "c"] };
    // A1 header, B3:B4 and C4 rows 1-2, A8 row 6, E5 beside the table, A20 below it.
    const areas = parseAreas("S!A1, S!B3:B4, S!C4, S!A8, S!E5, S!A20");
    expect(rowRuns(info, areas)).toEqual([
      [1, 3],
      [6, 7],
    ]);
  });

  test("the id and its full-width form (NFKC folds it back, so the codec reads both as the client)", () => {
    expect(searchTexts("C0001")).toEqual(["C0001", "Ｃ０００１"]);
    expect(searchTexts("客户甲")).toEqual(["客户甲"]);
  });

  test("tiers from the six columns are the whole book's tiers (src/domain/tiers.ts bookTiers)", () => {
    const written = writeBook(book, "zh-CN");
    const col = (key: "clients" | "holdings", field: string) => {
      const i = TABLES[key].columns.findIndex((c) => c.field === field);
      return written[key].rows.map((r) => r[i]);
    };
    const tiers = tiersFromColumns(
      { clientId: col("clients", "clientId"), tier: col("clients", "tier") },
      { clientId: col("holdings", "clientId"), assetClass: col("holdings", "assetClass"), institution: col("holdings", "institution"), amount: col("holdings", "amount"), currency: col("holdings", "currency") },
      { asOf: AS_OF, currency: book.settings.currency, rates: book.rates },
    );
    expect(tiers).toEqual(bookTiers(inBookCurrency(book, AS_OF)));
  });

  test("tier columns in the book currency: USD 1,000,000 at 7.10 ranks first, C3 is C (worked in tests/fx-books.ts)", () => {
    const fxBook = threeClientBook();
    const written = writeBook(fxBook, "zh-CN");
    const col = (key: "clients" | "holdings", field: string) => {
      const i = TABLES[key].columns.findIndex((c) => c.field === field);
      return written[key].rows.map((r) => r[i]);
    };
    const clients = { clientId: col("clients", "clientId"), tier: col("clients", "tier") };
    const holdings = { clientId: col("holdings", "clientId"), assetClass: col("holdings", "assetClass"), institution: col("holdings", "institution"), amount: col("holdings", "amount") };
    const value = { asOf: FX_AS_OF, currency: "CNY", rates: fxBook.rates };
    const tiers = tiersFromColumns(clients, { ...holdings, currency: col("holdings", "currency") }, value);
    expect(tiers.get("C2")).toMatchObject({ tier: "A", rank: 1, assetsAtThisBank: 7_100_000 });
    expect(tiers.get("C3")).toMatchObject({ tier: "C", rank: 3 });
    expect(tiers).toEqual(bookTiers(inBookCurrency(fxBook, FX_AS_OF)));
    // a book from before currencies (no Currency column): every amount in the book currency, as before
    expect(tiersFromColumns(clients, holdings, value).get("C3")).toMatchObject({ tier: "B" });
  });

  test("the manager's review read per client shows the tier in the book currency (C3: C, not B)", async () => {
    const fxBook = threeClientBook();
    host = installWithBook(fxBook);
    const r = await commands.buildReview("C3", FX_AS_OF);
    const spec = assetReview(fxBook, { asOf: FX_AS_OF, lang: "zh-CN", clientId: "C3" });
    // the tier cell: row 5 of the review (src/sheets/assetReview.ts), "C" as the whole book ranks it
    const col = spec.cells[4].findIndex((v) => v === "C");
    expect(col).toBeGreaterThan(0);
    expect(host.sheet(r.sheets[0])!.cell(`${colName(col + 1)}5`).value).toBe("C");
  });
});

describe("never stale", () => {
  test("a co-author's edit to a holding between two reviews is in the next review", async () => {
    host = installWithBook(book);
    const id = book.clients[0].clientId;
    await commands.buildReview(id, AS_OF);
    const i = book.holdings.findIndex((h) => h.clientId === id);
    // The co-author changes the client's first holding's amount in the Holdings table, with no event to the pane.
    host.type(TABLES.holdings.sheet["zh-CN"], cellOf("holdings", i, "amount"), [[123456789]]);
    const r = await commands.buildReview(id, AS_OF);
    const edited = { ...book, holdings: book.holdings.map((h, j) => (j === i ? { ...h, amount: 123456789 } : h)) };
    const spec = assetReview(edited, { asOf: AS_OF, lang: "zh-CN", clientId: id });
    const sheet = host.sheet(r.sheets[0])!;
    const cells = spec.cells.flatMap((row, ri) => row.map((v, ci) => ({ v, at: `${colName(ci + 1)}${ri + 1}` }))).filter((x) => x.v === 123456789);
    expect(cells.length).toBeGreaterThan(0);
    for (const x of cells) expect(sheet.cell(x.at).value).toBe(123456789);
  });

  test("a holding a co-author moves to another client between the command's two read syncs is not read as this client's", async () => {
    host = installWithBook(book);
    const id = book.clients[2].clientId;
    const other = book.clients[3].clientId;
    const mine = book.holdings.map((h, i) => ({ h, i })).filter((x) => x.h.clientId === id);
    expect(mine.length).toBeGreaterThan(1);
    host.coAuthor((sync) => {
      if (sync === 2) host.type(TABLES.holdings.sheet["zh-CN"], cellOf("holdings", mine[0].i, "clientId"), [[other]]);
    });
    const r = await commands.recordReview(id, "2026-05-20", {});
    host.coAuthor(undefined);
    // Sync 1 found the row by its id; sync 2 read it with the other client's id: the row is checked and left out.
    expect(r.rows).toBe(mine.length - 1);
  });

  test("another client's holding whose note names this client is not this client's", async () => {
    host = installWithBook(book);
    const [a, b] = [book.clients[0].clientId, book.clients[1].clientId];
    const j = book.holdings.findIndex((h) => h.clientId === b);
    host.type(TABLES.holdings.sheet["zh-CN"], cellOf("holdings", j, "notes"), [[`转介绍自 ${a}`]]);
    const r = await commands.recordReview(a, "2026-05-20", {});
    expect(r.rows).toBe(book.holdings.filter((h) => h.clientId === a).length);
  });
});

describe("cost of one client", () => {
  test("logging a contact reads about the same bytes in a book of 40 clients and of 400 (the client's rows, not the book's)", async () => {
    const big = generateBook({ clients: 400, seed: SAMPLE_SEED, asOf: AS_OF, lang: "zh-CN" });
    const bytes = async (b: typeof book) => {
      host = installWithBook(b);
      host.stats.reset();
      await commands.logContact({ clientId: b.clients[0].clientId, date: "2026-05-14", channel: "T" });
      const total = host.stats.responses.reduce((s, n) => s + n, 0);
      const syncs = host.stats.syncs;
      host.uninstall();
      return { total, syncs };
    };
    const small = await bytes(book);
    const large = await bytes(big);
    expect(small.syncs).toBe(3);
    expect(large.syncs).toBe(3);
    // 10× the clients; the response may differ by that client's rows, not by 10×.
    expect(large.total).toBeLessThan(small.total * 2);
  });
});
