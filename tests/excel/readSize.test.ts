/**
 * The size hint of large-book reads (src/excel/readSize.ts): what the last read learned shapes the next read's first
 * sync, so a book over the response limit is read without a refused round trip. The fake host's limit is lowered to
 * a quarter of the sample book's response (with readLimits, as readBook.test.ts does), which makes the 40-client
 * book behave like a book of thousands of clients on Excel on the web.
 */
import { SETTINGS, TABLE_KEYS, TABLES } from "../../src/book/schema";
import { Batch } from "../../src/excel/batch";
import { paneCommands } from "../../src/taskpane/paneCommands";
import { readLimits } from "../../src/excel/readBookTables";
import {
  decodeReadSize, encodeReadSize, GUESS_BYTES_PER_CELL, mergeSizes, planFirstRead, predictedBytes, READ_SIZE_SETTING, SAFETY,
  worthStoring, type ReadSize,
} from "../../src/excel/readSize";
import type { Book } from "../../src/domain/types";
import { generateBook, sampleBook, SAMPLE_SEED } from "../../src/sample";
import { colName } from "../../src/sheets/a1";
import { installFakeOffice, type FakeHost, type SheetSeed } from "../fake-excel";
import { AS_OF, bookSeeds, installWithBook } from "./helpers";

const cmds = paneCommands();
let host: FakeHost | undefined;
const savedBudget = readLimits.responseBudget;
afterEach(() => {
  host?.uninstall();
  host = undefined;
  readLimits.responseBudget = savedBudget;
});

const book40 = sampleBook(AS_OF, "zh-CN");
/** Response of the 40-client book read whole (measured once on a host without a limit). */
let whole = 0;
let limit = 0;
beforeAll(async () => {
  const h = installWithBook(book40);
  await cmds.readBook();
  whole = h.stats.maxResponse;
  h.uninstall();
  limit = Math.floor(whole / 4);
});

function lowerLimit(h: FakeHost): void {
  h.setPayloadLimit(limit);
  readLimits.responseBudget = limit - 2_000;
}

/** A fresh session on `sheets`, the response limit lowered. */
function session(sheets: SheetSeed[], settings?: Record<string, unknown>): FakeHost {
  const h = installFakeOffice({ workbook: { sheets, ...(settings ? { settings } : {}) } });
  lowerLimit(h);
  return h;
}

/** The last command's round trips: refused for size, and the fewest a read of what was delivered needs. */
function trips(h: FakeHost): { syncs: number; refused: number; delivered: number; chunks: number; smallest: number } {
  const { syncs, requests, responses } = h.stats;
  let refused = 0;
  let delivered = 0;
  let smallest = Infinity;
  requests.forEach((req, i) => {
    const res = responses[i] ?? 0;
    if (req > limit || res > limit) refused++;
    else delivered += res;
    smallest = Math.min(smallest, res);
  });
  return { syncs, refused, delivered, chunks: Math.ceil(delivered / limit), smallest };
}

/** What a workbook's Common API settings (Office.context.document.settings) return at start: the stored values. */
function commonSettingsFrom(stored: Record<string, unknown>): void {
  const get = (name: string) => (name in stored ? stored[name] : null);
  (Office.context as unknown as { document: { settings: Pick<Office.Settings, "get"> } }).document = { settings: { get } };
}

function bookOf(clients: number): Book {
  return generateBook({ clients, seed: SAMPLE_SEED, asOf: AS_OF, lang: "zh-CN" });
}

describe("a book over the response limit", () => {
  test("the first command pays the refused sync; later commands in the session meet the budget without one", async () => {
    host = session(bookSeeds(book40));
    host.stats.reset();
    const first = await cmds.readBook();
    expect(first.book).toEqual(book40);
    const t1 = trips(host);
    expect(t1.refused).toBe(1);

    host.stats.reset();
    const second = await cmds.readBook();
    expect(second.book).toEqual(book40);
    const t2 = trips(host);
    if (process.env.CLIENTBOOK_FIGURES) process.stdout.write(`hinted read: first ${JSON.stringify(t1)}, second ${JSON.stringify(t2)}, limit ${limit}\n`);
    expect(t2.refused).toBe(0);
    // The counted read carries body rows: no sync beyond what the delivered bytes need (and one for rounding).
    expect(t2.syncs).toBeLessThanOrEqual(t2.chunks + 1);
    expect(t2.syncs).toBeLessThan(t1.syncs - 1);

    // Commands that write: the reads as above, plus their write.
    const client = book40.clients[0].clientId;
    host.stats.reset();
    const logged = await cmds.logContact({ clientId: client, date: AS_OF, channel: "T", summary: "电话回访" });
    const t3 = trips(host);
    expect(t3.refused).toBe(0);
    expect(logged.syncs).toBeLessThanOrEqual(t3.chunks + 2);

    host.stats.reset();
    const reviewed = await cmds.recordReview(book40.clients[1].clientId, AS_OF, {});
    const t4 = trips(host);
    expect(t4.refused).toBe(0);
    expect(reviewed.syncs).toBeLessThanOrEqual(t4.chunks + 2);

    // Rows written by the commands above are read back once each.
    const after = await cmds.readBook();
    expect(after.book.contacts).toHaveLength(book40.contacts.length + 1);
    expect(after.book.reviews.length).toBeGreaterThan(book40.reviews.length);
    expect(after.book.clients).toEqual(book40.clients);
    expect(trips(host).refused).toBe(0);
  });

  test("set-up (headers only) keeps its one read sync and tells the next read the tables' sizes", async () => {
    host = session(bookSeeds(book40));
    host.stats.reset();
    const setup = await cmds.setupBook("zh-CN");
    expect(setup.syncs).toBe(2);
    expect(trips(host).refused).toBe(0);
    host.stats.reset();
    const r = await cmds.readBook();
    expect(r.book).toEqual(book40);
    // Sizes known, cells guessed: no refused sync.
    expect(trips(host).refused).toBe(0);
  });

  test("a hint learned on another fake workbook is not used", async () => {
    host = session(bookSeeds(book40));
    await cmds.readBook();
    host.stats.reset();
    await cmds.readBook();
    expect(trips(host).refused).toBe(0); // this workbook has its hint
    host.uninstall();

    // The same book in another workbook: its first read knows nothing, and pays the refused sync.
    host = session(bookSeeds(book40));
    host.stats.reset();
    const r = await cmds.readBook();
    expect(r.book).toEqual(book40);
    expect(trips(host).refused).toBe(1);
  });
});

describe("without a hint", () => {
  test("the counted read after the refused sync carries rows, at a cautious guess of their size", async () => {
    host = session(bookSeeds(book40));
    host.stats.reset();
    await cmds.readBook();
    const { responses } = host.stats;
    expect(responses[0]).toBeGreaterThan(limit); // the whole book, refused
    // Sizes and headers alone are a few kB; with rows, a good part of a response.
    expect(responses[1]).toBeGreaterThan(limit / 10);
    expect(responses[1]).toBeLessThanOrEqual(limit);
  });

  test("cells larger than that guess: the counted read is refused too, then made without rows; the book is whole", async () => {
    const seeds = bookSeeds(book40);
    const contacts = seeds.find((s) => s.name === TABLES.contacts.sheet["zh-CN"])!;
    const at = TABLES.contacts.columns.findIndex((c) => c.field === "summary");
    const long = "长".repeat(2000); // 6 kB a cell, about 100 times the guess
    contacts.rows = contacts.rows!.map((r, i) => (i >= 1 && i <= 40 ? r.map((v, j) => (j === at ? long : v)) : r));
    host = session(seeds);
    host.stats.reset();
    const r = await cmds.readBook();
    expect(r.errors).toEqual([]);
    expect(r.book.contacts.slice(0, 40).every((c) => c.summary === long)).toBe(true);
    expect(r.book.contacts.slice(40)).toEqual(book40.contacts.slice(40));
    expect(r.book.clients).toEqual(book40.clients);
    const { responses } = host.stats;
    expect(responses[0]).toBeGreaterThan(limit);
    expect(responses[1]).toBeGreaterThan(limit);
    expect(responses[2]).toBeLessThan(limit / 4); // sizes and headers alone
  });
});

describe("a stale hint still reads every row exactly once", () => {
  test("the book grew (twice the clients): rows as counted, at most the refused sync a read without a hint pays", async () => {
    host = session(bookSeeds(book40));
    await cmds.readBook();
    const grown = bookOf(80);
    host.load({ sheets: bookSeeds(grown) });
    host.stats.reset();
    const r = await cmds.readBook();
    expect(r.errors).toEqual([]);
    expect(r.book).toEqual(grown);
    expect(r.rows?.reviews).toEqual(grown.reviews.map((_, i) => i + 2));
    expect(trips(host).refused).toBeLessThanOrEqual(1);
    // Now it knows: the next read is not refused.
    host.stats.reset();
    expect((await cmds.readBook()).book).toEqual(grown);
    expect(trips(host).refused).toBe(0);
  });

  test.each([
    [12, 2],
    [4, 1],
  ])("the book shrank (to %i clients): the empty rows below the tables are not read as records; %i sync(s)", async (clients, syncs) => {
    host = session(bookSeeds(book40));
    await cmds.readBook();
    const small = bookOf(clients);
    host.load({ sheets: bookSeeds(small) });
    host.stats.reset();
    const r = await cmds.readBook();
    expect(r.errors).toEqual([]);
    expect(r.book).toEqual(small);
    // Below the hint's share of each table: all in the first sync; above it, one more (never a refused one).
    expect(trips(host)).toMatchObject({ refused: 0, syncs });
  });

  test("a table grew by a few rows, moved, and gained a column: rows read once, in order", async () => {
    host = session(bookSeeds(book40));
    await cmds.readBook();
    // Holdings now start at C4, with a manager's own column and the rows of twice the holdings.
    const grown = bookOf(44);
    const seeds = bookSeeds(grown);
    const holdings = seeds.find((s) => s.name === TABLES.holdings.sheet["zh-CN"])!;
    const rows = holdings.rows!.map((r, i) => [...r, i === 0 ? "我的备注" : `n${i}`]);
    holdings.rows = [...Array.from({ length: 3 }, () => []), ...rows.map((r) => [null, null, ...r])];
    holdings.tables = [{ name: "Holdings", address: `C4:${colName(rows[0].length + 2)}${rows.length + 3}` }];
    host.load({ sheets: seeds });
    host.stats.reset();
    const r = await cmds.readBook();
    expect(r.errors).toEqual([]);
    expect(r.book).toEqual(grown);
    expect(r.rows?.holdings).toEqual(grown.holdings.map((_, i) => i + 5));
    expect(trips(host).refused).toBeLessThanOrEqual(1);
  });
});

describe("a small book", () => {
  test("reads in one sync with or without a hint, and stores none", async () => {
    host = installWithBook(book40);
    for (let i = 0; i < 3; i++) {
      host.stats.reset();
      const r = await cmds.readBook();
      expect(r.book).toEqual(book40);
      expect(r.syncs).toBe(1);
      expect(host.stats.syncs).toBe(1);
    }
    await cmds.logContact({ clientId: book40.clients[0].clientId, date: AS_OF, channel: "T" });
    expect(host.settings()[READ_SIZE_SETTING]).toBeUndefined();
  });

  test("a stored hint from when the book was large: still one sync, and the stored hint is corrected in the write", async () => {
    const big: ReadSize = {};
    for (const key of TABLE_KEYS) big[key] = { rows: key === "settings" ? SETTINGS.length : 40_000, columns: TABLES[key].columns.length, bytesPerCell: 10 };
    const stored = { [READ_SIZE_SETTING]: encodeReadSize(big) };
    host = installFakeOffice({ workbook: { sheets: bookSeeds(book40), settings: stored } });
    commonSettingsFrom(stored);
    host.stats.reset();
    const r = await cmds.readBook();
    expect(r.book).toEqual(book40);
    expect(r.syncs).toBe(1);
    // readBook writes nothing; a command that reads the whole book and writes carries the correction in its write
    // sync (a per-client command such as logging a contact reads one client's rows and learns nothing of the book).
    host.stats.reset();
    const built = await cmds.buildProfile(AS_OF);
    expect(built.syncs).toBe(2);
    const now = decodeReadSize(host.settings()[READ_SIZE_SETTING]);
    expect(now?.clients?.rows).toBe(book40.clients.length);
    expect(now?.reviews?.rows).toBe(book40.reviews.length);
  });
});

describe("the hint kept with the workbook", () => {
  test("is written in a sync the read makes anyway, and a later session starts from it without a refused sync", async () => {
    host = session(bookSeeds(book40));
    host.stats.reset();
    const first = await cmds.readBook();
    const t = trips(host);
    // Every sync loaded something: none was made for the setting alone.
    expect(t.smallest).toBeGreaterThan(200);
    expect(first.syncs).toBe(host.stats.syncs);
    const stored = host.settings();
    const size = decodeReadSize(stored[READ_SIZE_SETTING]);
    expect(size?.clients).toMatchObject({ rows: 40, columns: TABLES.clients.columns.length });
    expect(size?.reviews?.rows).toBe(book40.reviews.length);
    expect(size?.holdings?.bytesPerCell).toBeGreaterThan(2);
    host.uninstall();

    // A later session: the file holds the setting, Office loads it with the document.
    host = session(bookSeeds(book40), stored);
    commonSettingsFrom(stored);
    host.stats.reset();
    const r = await cmds.readBook();
    expect(r.book).toEqual(book40);
    const later = trips(host);
    expect(later.refused).toBe(0);
    expect(later.syncs).toBeLessThanOrEqual(later.chunks + 1);
  });

  test("a setting this version did not write is ignored (the read pays what it pays without a hint)", async () => {
    const stored = { [READ_SIZE_SETTING]: "{not json" };
    host = session(bookSeeds(book40), stored);
    commonSettingsFrom(stored);
    host.stats.reset();
    const r = await cmds.readBook();
    expect(r.book).toEqual(book40);
    expect(trips(host).refused).toBe(1);
  });
});

describe("planning (pure)", () => {
  const size = (rows: number, columns: number, bytesPerCell?: number) => ({ rows, columns, ...(bytesPerCell ? { bytesPerCell } : {}) });
  const bodyKeys = TABLE_KEYS;

  test("no hint, or a hint that fits: one whole read", () => {
    expect(planFirstRead(undefined, bodyKeys, 1_000_000)).toBeUndefined();
    expect(planFirstRead({ clients: size(100, 20, 10) }, bodyKeys, 1_000_000)).toBeUndefined();
  });

  test("a hint over the budget: the same share of every table's rows, filling the budget with the margin", () => {
    const hint: ReadSize = { clients: size(5000, 24, 13), family: size(12000, 6, 10), reviews: size(150_000, 6, 8), settings: size(6, 2, 13) };
    const budget = 5_000_000;
    const plan = planFirstRead(hint, bodyKeys, budget)!;
    const share = plan.get("clients")! / 5000;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(1);
    expect(plan.get("family")! / 12000).toBeCloseTo(share, 2);
    expect(plan.get("reviews")! / 150_000).toBeCloseTo(share, 2);
    const bytes = [...plan].reduce((sum, [k, n]) => sum + n * (hint[k]!.columns * hint[k]!.bytesPerCell! * SAFETY + 2), 0);
    expect(bytes).toBeLessThanOrEqual(budget);
    expect(bytes).toBeGreaterThan(budget * 0.95);
    // Tables the command reads headers of only get no rows.
    expect(planFirstRead(hint, ["reviews"], budget)!.has("clients")).toBe(false);
  });

  test("a table never measured is guessed at", () => {
    expect(predictedBytes({ clients: size(1000, 10) }, ["clients"])).toBe(1000 * (10 * GUESS_BYTES_PER_CELL + 2));
    // A 500-client book known only by its size still reads whole.
    expect(planFirstRead({ clients: size(500, 24), holdings: size(3300, 11), reviews: size(15_200, 6), contacts: size(8000, 6) }, bodyKeys, 4_980_000)).toBeUndefined();
  });

  test("mergeSizes keeps the cell sizes and tables a read did not measure", () => {
    const merged = mergeSizes({ clients: size(10, 24, 13), reviews: size(100, 6, 8) }, { clients: size(12, 24) });
    expect(merged).toEqual({ clients: size(12, 24, 13), reviews: size(100, 6, 8) });
  });

  test("worthStoring: a large book with nothing stored, or a real change; not a small book, not a few rows", () => {
    const big: ReadSize = { reviews: size(150_000, 6, 8) };
    expect(worthStoring(undefined, big, 5_000_000)).toBe(true);
    expect(worthStoring(undefined, { reviews: size(1000, 6, 8) }, 5_000_000)).toBe(false);
    expect(worthStoring(big, { reviews: size(150_010, 6, 8.1) }, 5_000_000)).toBe(false);
    expect(worthStoring(big, { reviews: size(170_000, 6, 8) }, 5_000_000)).toBe(true);
    expect(worthStoring(big, { reviews: size(150_000, 7, 8) }, 5_000_000)).toBe(true);
    expect(worthStoring(big, { reviews: size(150_000, 6, 12) }, 5_000_000)).toBe(true);
  });

  test("the stored form round-trips, and anything else is refused", () => {
    const s: ReadSize = { clients: size(5000, 24, 13.25), settings: size(6, 2) };
    expect(decodeReadSize(encodeReadSize(s))).toEqual(s);
    expect(decodeReadSize(JSON.parse(encodeReadSize(s)))).toEqual(s); // an object, as the Common API may return it
    for (const bad of [null, 3, "", "{", '{"v":2,"tables":{}}', '{"v":1,"tables":{"people":[1,2]}}', '{"v":1,"tables":{"clients":[-1,2]}}', '{"v":1,"tables":{"clients":[1,0]}}', '{"v":1,"tables":{"clients":[1,2,0]}}', '{"v":1,"tables":{"clients":[1.5,2]}}']) {
      expect(decodeReadSize(bad)).toBeUndefined();
    }
  });
});

describe("Batch.ride", () => {
  test("queues into the next sync the command makes, never one of its own", async () => {
    host = installFakeOffice({ workbook: { sheets: [{ name: "Sheet1" }] } });
    await Excel.run(async (ctx) => {
      const batch = new Batch(ctx);
      let done = 0;
      batch.ride((c) => c.workbook.settings.add("k", "v"), () => done++);
      expect(host!.stats.syncs).toBe(0);
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.load("values");
      await batch.sync();
      expect([batch.syncs, host!.stats.syncs, done]).toEqual([1, 1, 1]);
      batch.ride((c) => c.workbook.settings.add("never", 1));
    });
    // The last rider had no sync to ride: dropped, and Excel.run had nothing left to sync.
    expect(host.stats.syncs).toBe(1);
    expect(host.settings()).toEqual({ k: "v" });
  });
});
