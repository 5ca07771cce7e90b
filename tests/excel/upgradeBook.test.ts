/**
 * Opening an older book upgrades it in place; a newer book is read and never written (src/book/bookVersion.ts,
 * src/excel/setupBook.ts upgradeBook), on the fake host. The books are made in the test from today's sample
 * (tests/book/versionFixtures.ts): version 1 as the previous release wrote it (no SchemaVersion row), older still
 * (no CI sum column, no Reviews product, no CiIncomeYears row), and a newer one with a column and a setting this
 * code does not know. "Every row kept": each table's cells as they were, row for row, the added columns blank, and the
 * book read after the upgrade holds the same records as before it.
 */
import { BOOK_SCHEMA_VERSION } from "../../src/book/bookVersion";
import { TABLES, type TableKey } from "../../src/book/schema";
import { CommandError } from "../../src/excel/errors";
import { setupBook } from "../../src/excel/setupBook";
import { LANGS, type Lang } from "../../src/domain/types";
import { sampleBook } from "../../src/sample";
import { colName } from "../../src/sheets/a1";
import { paneCommands } from "../../src/taskpane/paneCommands";
import { readAndUpgrade } from "../../src/taskpane/model/openBook";
import { installFakeOffice, type FakeHost, type SheetSeed } from "../fake-excel";
import { addedSinceV1, newerTables, v1Tables, type BookTables } from "../book/versionFixtures";
import { AS_OF, dataSnapshot, report, tableRows } from "./helpers";

let host: FakeHost;
afterEach(() => host.uninstall());

/** The tables as sheets with one Excel table each (as bookSeeds, from already written tables). */
function seedsOf(tables: BookTables, lang: Lang): SheetSeed[] {
  return (Object.entries(tables) as [TableKey, NonNullable<BookTables[TableKey]>][]).map(([key, t]) => {
    const rows = [t.headers, ...t.rows];
    return { name: TABLES[key].sheet[lang], rows, tables: [{ name: TABLES[key].tableName, address: `A1:${colName(t.headers.length)}${Math.max(2, rows.length)}` }] };
  });
}

/** Adds a manager's own column to the Clients seed: it must survive the upgrade where it is. */
function withOwnColumn(seeds: SheetSeed[], lang: Lang): SheetSeed[] {
  return seeds.map((s) => {
    if (s.name !== TABLES.clients.sheet[lang]) return s;
    const rows = s.rows!.map((r, i) => [...r, i === 0 ? "我的备注" : `own ${i}`]);
    return { ...s, rows, tables: [{ name: "Clients", address: `A1:${colName(rows[0].length)}${Math.max(2, rows.length)}` }] };
  });
}

describe.each(LANGS)("a version-1 book in %s", (lang) => {
  test("reads as needing an upgrade; upgradeBook adds what the layout added, keeps every row, says what changed; 2 syncs", async () => {
    const book = sampleBook(AS_OF, lang);
    host = installFakeOffice({ workbook: { sheets: [...withOwnColumn(seedsOf(v1Tables(book, lang), lang), lang), { name: "My notes", rows: [["keep me"]] }] } });
    const commands = paneCommands();
    const before = await commands.readBook();
    expect(before.format).toEqual({ version: 1, newer: false, upgrade: true });
    const rowsBefore = Object.fromEntries((["Clients", "Family", "Holdings", "Policies", "Contacts", "Reviews", "Settings"] as const).map((n) => [n, tableRows(host, n)]));
    const headersBefore = Object.fromEntries(Object.keys(rowsBefore).map((n) => [n, host.getValues(host.table(n)!.sheet, host.table(n)!.headerAddress!.split("!")[1])[0]]));

    host.stats.reset();
    const r = await commands.upgradeBook();
    expect(host.stats.syncs).toBeLessThanOrEqual(2);
    if (lang === "zh-CN") report("upgrade (40-client version-1 book)", host.stats);
    const since = addedSinceV1();
    expect(r.createdTables).toEqual(since.tables.map((t) => TABLES[t].tableName));
    expect(r.addedColumns).toEqual(since.columns.map((c) => `${TABLES[c.table].tableName}.${c.key}`));
    expect(r.addedSettings).toEqual(since.settings);
    expect(r.upgraded).toMatchObject({ from: 1, to: BOOK_SCHEMA_VERSION });
    expect(r.upgraded!.summary["en-US"]).toMatch(new RegExp(`^Upgraded the book from format version 1 to ${BOOK_SCHEMA_VERSION}:`));
    expect(r.upgraded!.summary["zh-CN"]).toContain("客户簿格式版本");

    // Every row and cell kept where it was (the own column too); added columns appended, blank; Settings grew.
    for (const [name, rows] of Object.entries(rowsBefore)) {
      const t = host.table(name)!;
      const headers = host.getValues(t.sheet, t.headerAddress!.split("!")[1])[0];
      expect(headers.slice(0, headersBefore[name].length)).toEqual(headersBefore[name]);
      const now = tableRows(host, name);
      expect(now.slice(0, rows.length).map((row) => row.slice(0, rows[0].length))).toEqual(rows);
      if (name !== "Settings") {
        expect(now).toHaveLength(rows.length);
        expect(now.every((row) => row.slice(rows[0].length).every((v) => v === ""))).toBe(true);
      }
    }
    expect(host.getValues("My notes", "A1")).toEqual([["keep me"]]);

    const after = await commands.readBook();
    expect(after.format).toEqual({ version: BOOK_SCHEMA_VERSION, newer: false, upgrade: false });
    expect(after.errors).toEqual(before.errors);
    const { settings: s0, ...records0 } = before.book;
    const { settings: s1, ...records1 } = after.book;
    expect(records1).toEqual(records0);
    expect(s1).toEqual({ ...s0, schemaVersion: BOOK_SCHEMA_VERSION });
    expect(after.book.clients).toHaveLength(book.clients.length);

    // Upgrading again changes nothing.
    const snap = dataSnapshot(host);
    const again = await commands.upgradeBook();
    expect(again).toMatchObject({ createdTables: [], addedColumns: [], addedSettings: [] });
    expect(again.upgraded).toBeUndefined();
    expect(dataSnapshot(host)).toEqual(snap);
  });
});

test("a book older than version 1 gets the CI sum, the reviews' product name and CiIncomeYears too", async () => {
  const book = sampleBook(AS_OF, "zh-TW");
  host = installFakeOffice({ workbook: { sheets: seedsOf(v1Tables(book, "zh-TW", { older: true }), "zh-TW") } });
  const r = await paneCommands().upgradeBook();
  expect(r.addedColumns).toEqual(expect.arrayContaining(["Policies.CriticalIllnessSum", "Reviews.ProductName"]));
  expect(r.addedSettings).toEqual(expect.arrayContaining(["CiIncomeYears", "SchemaVersion"]));
  expect(r.upgraded!.summary["zh-TW"]).toContain("「保單」表新增欄");
  const read = await paneCommands().readBook();
  expect(read.book.policies).toHaveLength(book.policies.length);
  expect(read.book.reviews).toHaveLength(book.reviews.length);
  expect(read.book.settings.ciIncomeYears).toBe(5);
});

test("a Settings row saying an older version is raised in place, not repeated", async () => {
  const book = sampleBook(AS_OF, "en-US");
  const tables = v1Tables(book, "en-US");
  tables.settings!.rows.push(["Book Format Version", 1]);
  host = installFakeOffice({ workbook: { sheets: seedsOf(tables, "en-US") } });
  const r = await paneCommands().upgradeBook();
  expect(r.addedSettings).toEqual(addedSinceV1().settings.filter((k) => k !== "SchemaVersion"));
  const settings = tableRows(host, "Settings");
  expect(settings.filter((row) => row[0] === "Book Format Version")).toEqual([["Book Format Version", BOOK_SCHEMA_VERSION]]);
});

test("a workbook without a book is left alone by upgradeBook", async () => {
  host = installFakeOffice({ workbook: { sheets: [{ name: "Sheet1", rows: [["x"]] }] } });
  const r = await paneCommands().upgradeBook();
  expect(r).toMatchObject({ createdTables: [], addedColumns: [] });
  expect(host.tables()).toEqual([]);
});

describe("a book written by a newer ClientBook", () => {
  const book = sampleBook(AS_OF, "zh-CN");
  const newer = BOOK_SCHEMA_VERSION + 1;

  test("is read (its records, a read-only flag), and every command that writes refuses with the update message, writing nothing", async () => {
    host = installFakeOffice({ workbook: { sheets: seedsOf(newerTables(book, newer, "zh-CN"), "zh-CN") } });
    const c = paneCommands();
    const read = await c.readBook();
    expect(read.format).toEqual({ version: newer, newer: true, upgrade: false });
    expect(read.book.clients).toHaveLength(book.clients.length);
    const before = dataSnapshot(host);
    const sheetsBefore = host.snapshot().sheets.map((s) => s.name);
    const client = book.clients[0].clientId;
    const writers: [string, () => Promise<unknown>][] = [
      ["upgradeBook", () => c.upgradeBook()],
      ["setupBook", () => setupBook("zh-CN")],
      ["loadSample", () => c.loadSample("zh-CN", AS_OF)],
      ["buildProfile", () => c.buildProfile(AS_OF)],
      ["buildReview", () => c.buildReview(client, AS_OF)],
      ["refreshAll", () => c.refreshAll(AS_OF)],
      ["logContact", () => c.logContact({ clientId: client, date: AS_OF, channel: "T", summary: "call" })],
      ["recordReview", () => c.recordReview(client, AS_OF, {})],
      ["saveClient", () => c.saveClient({ client: { before: read.book.clients[0], after: { ...read.book.clients[0], name: "X" } }, family: [], holdings: [], policies: [] })],
    ];
    for (const [name, run] of writers) {
      const err = await run().then(() => undefined, (e: unknown) => e);
      expect({ name, code: (err as CommandError | undefined)?.code }).toEqual({ name, code: "NewerBook" });
      expect((err as CommandError).localized["en-US"]).toMatch(new RegExp(`format version ${newer}.*Update the add-in`));
    }
    expect(dataSnapshot(host)).toEqual(before);
    expect(host.snapshot().sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });
});

describe("the pane opening a book (src/taskpane/model/openBook.ts)", () => {
  test("an older book is upgraded on open and the notice says what changed, in the pane's language", async () => {
    const book = sampleBook(AS_OF, "zh-CN");
    host = installFakeOffice({ workbook: { sheets: seedsOf(v1Tables(book, "zh-CN"), "zh-CN") } });
    const opened = await readAndUpgrade(paneCommands(), () => "zh-TW");
    expect(opened.read.format).toEqual({ version: BOOK_SCHEMA_VERSION, newer: false, upgrade: false });
    expect(opened.notice?.intent).toBe("info");
    expect(opened.notice?.text).toMatch(new RegExp(`^已將客戶簿從第 1 版格式升級到第 ${BOOK_SCHEMA_VERSION} 版：`));
    expect(opened.read.book.clients).toHaveLength(book.clients.length);
    // Opened again: nothing to do, no notice.
    expect((await readAndUpgrade(paneCommands(), () => "en-US")).notice).toBeUndefined();
  });

  test("an upgrade Excel refuses leaves the book shown as read, with a warning saying why", async () => {
    const book = sampleBook(AS_OF, "en-US");
    host = installFakeOffice({ workbook: { sheets: seedsOf(v1Tables(book, "en-US"), "en-US") } });
    const real = paneCommands();
    const refused = Object.assign(new Error("protected"), { code: "AccessDenied" });
    const opened = await readAndUpgrade({ readBook: real.readBook, upgradeBook: () => Promise.reject(refused) }, () => "en-US");
    expect(opened.read.format?.upgrade).toBe(true);
    expect(opened.read.book.clients).toHaveLength(book.clients.length);
    expect(opened.notice).toEqual({ intent: "warning", text: expect.stringMatching(/^The book's format could not be upgraded; it is shown as it is: \S/) });
  });

  test("a newer book is opened read only: no upgrade, no notice", async () => {
    host = installFakeOffice({ workbook: { sheets: seedsOf(newerTables(sampleBook(AS_OF, "zh-CN")), "zh-CN") } });
    const opened = await readAndUpgrade(paneCommands(), () => "zh-CN");
    expect(opened.read.format).toMatchObject({ newer: true, upgrade: false });
    expect(opened.notice).toBeUndefined();
  });
});
