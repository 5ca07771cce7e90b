/**
 * readBook on the fake host: the whole book in one sync, headers in any language and order, and the counted,
 * chunked read when the response would exceed the payload limit.
 */
import { TABLES } from "../../src/book/schema";
import { paneCommands } from "../../src/taskpane/paneCommands";
import { readLimits } from "../../src/excel/readBookTables";
import { LANGS, type Lang } from "../../src/domain/types";
import { sampleBook } from "../../src/sample";
import { colName } from "../../src/sheets/a1";
import { installFakeOffice, type FakeHost } from "../fake-excel";
import { AS_OF, bookSeeds, installWithBook, report } from "./helpers";

let host: FakeHost;
afterEach(() => host.uninstall());

describe.each(LANGS)("a book with %s headers", (lang: Lang) => {
  test("is read whole in one sync, equal to the book written", async () => {
    const book = sampleBook(AS_OF, lang);
    host = installWithBook(book, { lang });
    host.stats.reset();
    const r = await paneCommands().readBook(AS_OF);
    expect(r.syncs).toBe(1);
    expect(host.stats.syncs).toBe(1);
    if (lang === "zh-CN") report("read (40 clients)", host.stats);
    expect(r.hasBook).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.book).toEqual(book);
    expect(r.rows?.clients[0]).toBe(2);
    expect(r.sheets?.holdings).toBe(TABLES.holdings.sheet[lang]);
  });
});

test("headers of mixed languages, in another order, with a manager's own column", async () => {
  const book = sampleBook(AS_OF, "zh-CN");
  const seeds = bookSeeds(book, "zh-CN");
  // Clients in English headers, columns reversed, plus an own column; Holdings in 繁體.
  const clients = seeds.find((s) => s.name === "客户")!;
  const en = bookSeeds(book, "en-US").find((s) => s.name === "Clients")!;
  clients.rows = en.rows!.map((r, i) => [...[...r].reverse(), i === 0 ? "我的备注" : "x"]);
  clients.tables = [{ name: "Clients", address: `A1:${colName(clients.rows[0].length)}${clients.rows.length}` }];
  const tw = bookSeeds(book, "zh-TW").find((s) => s.name === "資產")!;
  const holdings = seeds.find((s) => s.name === "资产")!;
  holdings.rows = tw.rows!.map((r, i) => (i === 0 ? r : holdings.rows![i]));
  host = installFakeOffice({ workbook: { sheets: seeds } });
  const r = await paneCommands().readBook();
  expect(r.errors).toEqual([]);
  expect(r.book.clients).toEqual(book.clients);
  expect(r.book.holdings).toEqual(book.holdings);
});

test("a workbook without the tables: hasBook false, an empty book, one sync", async () => {
  host = installFakeOffice();
  host.stats.reset();
  const r = await paneCommands().readBook();
  expect(r).toMatchObject({ hasBook: false, errors: [], syncs: 1 });
  expect(r.book.clients).toEqual([]);
  expect(host.stats.syncs).toBe(1);
});

test("a table renamed by the manager is found by its sheet's name (one more sync, only then)", async () => {
  const book = sampleBook(AS_OF, "zh-CN");
  const seeds = bookSeeds(book, "zh-CN");
  seeds.find((s) => s.name === "客户")!.tables![0].name = "我的客户";
  host = installFakeOffice({ workbook: { sheets: seeds } });
  host.stats.reset();
  const r = await paneCommands().readBook();
  expect(r.syncs).toBe(2);
  expect(r.book).toEqual(book);
});

test("bad rows are reported with sheet, row and column; good rows kept", async () => {
  const book = sampleBook(AS_OF, "zh-CN");
  const seeds = bookSeeds(book, "zh-CN");
  const holdings = seeds.find((s) => s.name === "资产")!;
  const amountAt = (holdings.rows![0] as string[]).indexOf("金额");
  holdings.rows![3] = [...holdings.rows![3]];
  holdings.rows![3][amountAt] = -5;
  host = installFakeOffice({ workbook: { sheets: seeds } });
  const r = await paneCommands().readBook();
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]).toMatchObject({ table: "holdings", sheet: "资产", row: 4, column: "金额" });
  expect(r.book.holdings).toHaveLength(book.holdings.length - 1);
});

describe("the counted, chunked read when the response is over the limit", () => {
  const saved = readLimits.responseBudget;
  afterEach(() => {
    readLimits.responseBudget = saved;
  });

  test("same book; no delivered response over the limit; one refused response only", async () => {
    const book = sampleBook(AS_OF, "zh-CN");
    host = installWithBook(book);
    const normal = await paneCommands().readBook();
    const whole = host.stats.maxResponse;
    const limit = Math.floor(whole / 4);
    // A new session on the same book: no size hint from the read above, so the first attempt is refused.
    host.uninstall();
    host = installWithBook(book);
    host.setPayloadLimit(limit);
    readLimits.responseBudget = limit - 2_000;
    host.stats.reset();
    const r = await paneCommands().readBook();
    expect(r.book).toEqual(normal.book);
    expect(r.errors).toEqual(normal.errors);
    const over = host.stats.responses.filter((b) => b > limit);
    expect(over).toHaveLength(1); // the first, whole-book attempt
    // One refused attempt, one sync for sizes and headers, then about 4 chunks (never one per row or per table).
    expect(r.syncs).toBe(host.stats.syncs);
    expect(r.syncs).toBeGreaterThanOrEqual(2 + 4);
    expect(r.syncs).toBeLessThanOrEqual(2 + 4 + 3);
    if (process.env.CLIENTBOOK_FIGURES) process.stdout.write(`chunked read: ${JSON.stringify(host.stats.responses)} limit ${limit}\n`);
  });

  test("a chunk refused anyway (cells larger than guessed) is halved and read again", async () => {
    const book = sampleBook(AS_OF, "zh-CN");
    host = installWithBook(book);
    const normal = await paneCommands().readBook();
    const limit = Math.floor(host.stats.maxResponse / 4);
    host.setPayloadLimit(limit);
    readLimits.responseBudget = limit * 3; // deliberately too optimistic
    host.stats.reset();
    const r = await paneCommands().readBook();
    expect(r.book).toEqual(normal.book);
    expect(host.stats.responses.filter((b) => b > limit).length).toBeGreaterThan(1);
  });
});
