/**
 * Commands about one client read that client's rows (src/excel/clientRead.ts), never a copy kept from before:
 * a co-author's edit made behind the pane's back is what the next command acts on; an edit between the command's
 * two read syncs sends it to the whole read; the bytes it reads do not grow with the number of other clients.
 * Worksheet.findAll (ExcelApi 1.9): https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-string-match
 */
import { paneCommands } from "../../src/taskpane/paneCommands";
import fc from "fast-check";
import { loadClient, parseAreas, realRows, rowRuns, searchTexts, tiersFromColumns, variantChars } from "../../src/excel/clientRead";
import { idKey, idOddChar } from "../../src/book/text";
import { Batch } from "../../src/excel/batch";
import { loadBook } from "../../src/excel/readBookTables";
import { parseId } from "../../src/book/values";
import { generateBook, SAMPLE_SEED, sampleBook } from "../../src/sample";
import { createCommands } from "../../src/excel/commands";
import type { SheetSpec } from "../../src/sheets/spec";
import { assetReview, clientFacingReview } from "../../src/sheets";
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

  test("the id as given and its NFKC form (a full-width form is found by its full-width characters, variantChars)", () => {
    expect(searchTexts("C0001")).toEqual(["C0001"]);
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

describe("saving the client form reads that client's rows (src/excel/saveClient.ts through loadClient)", () => {
  /** Excel address of a field of a table's data row (0-based), from the seeded layout (table at A1 of its sheet). */
  const at = (key: "clients" | "holdings", row: number, field: string) => `${colName(TABLES[key].columns.findIndex((c) => c.field === field) + 1)}${row + 2}`;
  // A client in the middle of the book: the rows the save writes are not the table's first ones.
  const ci = 7;
  const client = book.clients[ci];
  const holdings = book.holdings.map((h, i) => ({ h, i })).filter((x) => x.h.clientId === client.clientId);

  test("the save writes the client's own rows where they are, in 3 syncs; every other row is untouched", async () => {
    host = installWithBook(book);
    host.stats.reset();
    const r = await commands.saveClient({
      client: { before: client, after: { ...client, phone: "13912345678" } },
      family: [],
      holdings: [{ before: holdings[1].h, after: { ...holdings[1].h, amount: 7654321 } }],
      policies: [],
    });
    // and the client's rows for the pane (src/excel/clientRows.ts), checked in tests/taskpane/clientMerge.test.ts
    expect({ ...r, client: undefined }).toEqual({ ok: true, syncs: 3, written: 2 });
    expect("client" in r && r.client?.tables).toBeTruthy();
    expect(host.getValues("客户", at("clients", ci, "phone"))).toEqual([["13912345678"]]);
    expect(host.getValues("资产", at("holdings", holdings[1].i, "amount"))).toEqual([[7654321]]);
    const read = await commands.readBook();
    expect(read.book.clients.filter((c) => c.clientId !== client.clientId)).toEqual(book.clients.filter((c) => c.clientId !== client.clientId));
    expect(read.book.holdings.filter((_, i) => i !== holdings[1].i)).toEqual(book.holdings.filter((_, i) => i !== holdings[1].i));
  });

  test("never stale: a co-author's edit made after the form loaded is what the save compares with — the same cell is a conflict, another cell is kept", async () => {
    host = installWithBook(book);
    // The co-author changes the holding's amount and the client's notes in the sheet, with no event to the pane.
    host.type("资产", at("holdings", holdings[0].i, "amount"), [[999]]);
    host.type("客户", at("clients", ci, "notes"), [["合著者的备注"]]);
    // The form, loaded before, changes the same amount: refused, nothing written.
    const snap = host.snapshot();
    const r1 = await commands.saveClient({ client: { before: client, after: client }, family: [], holdings: [{ before: holdings[0].h, after: { ...holdings[0].h, amount: 5 } }], policies: [] });
    expect(r1).toMatchObject({ ok: false, conflicts: [{ table: "Holdings", id: holdings[0].h.holdingId }] });
    expect(host.snapshot()).toEqual(snap);
    // The form changes the phone only: saved; the co-author's notes and amount stay.
    const r2 = await commands.saveClient({ client: { before: client, after: { ...client, phone: "13800000001" } }, family: [], holdings: [], policies: [] });
    expect(r2).toMatchObject({ ok: true, written: 1 });
    expect(host.getValues("客户", at("clients", ci, "notes"))).toEqual([["合著者的备注"]]);
    expect(host.getValues("资产", at("holdings", holdings[0].i, "amount"))).toEqual([[999]]);
  });

  test("a co-author's edit between the save's two read syncs is read by the second: the cell the save changes is a conflict", async () => {
    host = installWithBook(book);
    host.coAuthor((sync) => {
      if (sync === 2) host.type("客户", at("clients", ci, "hobbies"), [["书法"]]);
    });
    const r = await commands.saveClient({ client: { before: client, after: { ...client, hobbies: "围棋" } }, family: [], holdings: [], policies: [] });
    host.coAuthor(undefined);
    // Refused after the two read syncs, before any write: the co-author's text stays.
    expect(r).toMatchObject({ ok: false, conflicts: [{ table: "Clients", id: client.clientId }], syncs: 2 });
    expect(host.getValues("客户", at("clients", ci, "hobbies"))).toEqual([["书法"]]);
  });

  test("a new holding whose id another client's row holds (written in full-width) is a conflict: the codec reads Ｈ… as the same id", async () => {
    host = installWithBook(book);
    const other = book.holdings.findIndex((h) => h.clientId !== client.clientId);
    const id = book.holdings[other].holdingId;
    const wide = id.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    host.type("资产", at("holdings", other, "holdingId"), [[wide]]);
    const snap = host.snapshot();
    const r = await commands.saveClient({ client: { before: client, after: client }, family: [], holdings: [{ after: { ...holdings[0].h, holdingId: id.toLowerCase() } }], policies: [] });
    expect(r).toMatchObject({ ok: false, conflicts: [{ table: "Holdings", id: id.toLowerCase() }], syncs: 2 });
    expect(host.snapshot()).toEqual(snap);
  });

  test("saving reads about the same bytes in a book of 40 clients and of 400, in 3 syncs (the client's rows, not the book's)", async () => {
    const big = generateBook({ clients: 400, seed: SAMPLE_SEED, asOf: AS_OF, lang: "zh-CN" });
    const cost = async (b: typeof book) => {
      host = installWithBook(b);
      const c = b.clients[0];
      host.stats.reset();
      const r = await commands.saveClient({ client: { before: c, after: { ...c, phone: "13800000002" } }, family: [], holdings: [], policies: [] });
      expect(r.ok).toBe(true);
      const out = { total: host.stats.responses.reduce((s, n) => s + n, 0), syncs: host.stats.syncs };
      host.uninstall();
      return out;
    };
    const small = await cost(book);
    const large = await cost(big);
    expect(small.syncs).toBe(3);
    expect(large.syncs).toBe(3);
    expect(large.total).toBeLessThan(small.total * 2);
  });
});

describe("real rows of a partial read", () => {
  test("records and row errors name the Excel row each row was read from, not its place among the client's rows", () => {
    // The codec saw two rows under a header in row 1 (as Excel rows 2 and 3); they were data rows 7 and 40.
    const decoded = {
      rows: { clients: [], family: [], holdings: [2, 3], policies: [], contacts: [], reviews: [], rates: [4] },
      errors: [{ table: "holdings" as const, sheet: "资产", row: 3, code: "required" as const }, { table: "holdings" as const, sheet: "资产", row: 1, code: "duplicateColumn" as const }],
    };
    const raw = { holdings: { headers: [], rows: [[], []], headerRow: 1 } };
    const out = realRows(decoded, raw, { holdings: [7, 40] });
    expect(out.rows.holdings).toEqual([9, 42]);
    expect(out.rows.rates).toEqual([4]);
    // The header row's own error keeps the header row.
    expect(out.errors.map((e) => e.row)).toEqual([42, 1]);
  });
});

describe("ids written another way (src/book/text.ts idKey: NFKC, ignoring case) are the client's", () => {
  const wide = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  /** Holdings of client `ci`, with the ClientId cell of each rewritten by `form` (as a manager or an IME typed it). */
  function bookWith(ci: number, form: (id: string, k: number) => string): { host: FakeHost; id: string; count: number } {
    const h = installWithBook(book);
    const id = book.clients[ci].clientId;
    const rows = book.holdings.map((x, i) => ({ x, i })).filter((r) => r.x.clientId === id);
    rows.forEach((r, k) => h.type(TABLES.holdings.sheet["zh-CN"], cellOf("holdings", r.i, "clientId"), [[form(id, k)]]));
    return { host: h, id, count: rows.length };
  }

  test.each([
    ["full-width", (id: string) => wide(id)],
    ["half and full width mixed", (id: string) => id.slice(0, 2) + wide(id.slice(2, 4)) + id.slice(4)],
    ["full-width, lower case and a trailing full-width space", (id: string) => wide(id.toLowerCase()) + "\u3000"],
    ["each row another way", (id: string, k: number) => [id, wide(id), id.slice(0, 1) + wide(id.slice(1)), ` ${id} `][k % 4]],
  ])("%s: every holding is found, as the whole-book read finds it", async (_, form) => {
    const b = bookWith(5, form);
    host = b.host;
    // The whole-book read (the codec) attributes every rewritten row to the client …
    const whole = await commands.readBook(AS_OF);
    expect(whole.book.holdings.filter((x) => x.clientId === b.id)).toHaveLength(b.count);
    // … and the per-client read finds them all, still in 3 syncs.
    host.stats.reset();
    const r = await commands.recordReview(b.id, "2026-05-20", {});
    expect(r.rows).toBe(b.count);
    expect(host.stats.syncs).toBe(3);
  });

  test("the client's id as the pane passes it in full-width (the Clients row is written so): the rows written in ASCII are found", async () => {
    host = installWithBook(book);
    const ci = 6;
    const id = book.clients[ci].clientId;
    host.type(TABLES.clients.sheet["zh-CN"], `A${ci + 2}`, [[wide(id)]]);
    const whole = await commands.readBook(AS_OF);
    const record = whole.book.clients.find((c) => c.clientId === wide(id));
    expect(record).toBeDefined();
    const count = whole.book.holdings.filter((x) => x.clientId === wide(id)).length;
    expect(count).toBe(book.holdings.filter((x) => x.clientId === id).length);
    const r = await commands.recordReview(wide(id), "2026-05-20", {});
    expect(r.rows).toBe(count);
  });
});

describe("the searches cover every way the codec reads an id (property)", () => {
  test("searchTexts: the id and its NFKC form; variantChars: each character's full-width form, one per letter (the search ignores case)", () => {
    expect(searchTexts("Ｃ０００１")).toEqual(["Ｃ０００１", "C0001"]);
    expect(searchTexts("c0001")).toEqual(["c0001"]);
    expect(variantChars("C0001").sort()).toEqual(["０", "１", "Ｃ"]);
    expect(variantChars("c0001").sort()).toEqual(["０", "１", "Ｃ"]);
    expect(variantChars("客户甲")).toEqual([]);
  });

  test("any cell typed in ASCII and full-width that the codec reads as the id holds a search text (case aside) or one of its full-width characters", () => {
    const ascii = "ABCDEFGHKLMNPQRSTUVWXYZ0123456789-_";
    // Each character written as itself, in lower case, or in full-width (either case): what a keyboard or an IME types.
    const wideOf = (c: string) => String.fromCharCode(c.charCodeAt(0) + 0xfee0);
    const forms = (ch: string) => [...new Set([ch, ch.toLowerCase(), wideOf(ch), wideOf(ch.toLowerCase())])];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...ascii), { minLength: 1, maxLength: 8 }).chain((chars) =>
          fc.tuple(fc.constant(chars.join("")), fc.tuple(...chars.map((ch) => fc.constantFrom(...forms(ch)))).map((f) => f.join("")), fc.constantFrom("", " ", "\u3000", "'")),
        ),
        ([id, written, pad]) => {
          const cell = pad === "'" ? `'${written}` : `${pad}${written}${pad}`;
          // The codec reads the cell as the id …
          const parsed = parseId(cell);
          expect(parsed.ok && idKey(parsed.value) === idKey(id)).toBe(true);
          // … and the cell is found: it contains a search text or a variant character, case-insensitively as findAll
          // compares with matchCase false (https://learn.microsoft.com/javascript/api/excel/excel.worksheetsearchcriteria).
          const lower = cell.toLowerCase();
          const found = searchTexts(id).some((t) => lower.includes(t.toLowerCase())) || variantChars(id).some((v) => lower.includes(v.toLowerCase()));
          expect(found).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the per-client read and the whole-book read agree on which rows are the client's (one id rule: src/book/text.ts)", () => {
  const wideOf = (ch: string) => (/[!-~]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch);
  /** Compatibility forms NFKC folds to the character but no search finds by it: MATHEMATICAL BOLD (U+1D400 A, U+1D7CE 0), CIRCLED (U+24B6 Ⓐ, U+2460 ①, U+24EA ⓪). */
  const oddOf = (ch: string, k: number) => {
    const up = ch.toUpperCase();
    if (/[A-Z]/.test(up)) return String.fromCodePoint((k ? 0x24b6 : 0x1d400) + up.charCodeAt(0) - 65);
    if (/[0-9]/.test(ch)) return k ? (ch === "0" ? "\u24ea" : String.fromCodePoint(0x2460 + Number(ch) - 1)) : String.fromCodePoint(0x1d7ce + Number(ch));
    return ch;
  };
  /** The rows (Excel row numbers) of the holdings each read gives the client. */
  async function rowsOf(id: string): Promise<{ whole: number[]; perClient: number[]; partial: boolean; refused: number[] }> {
    const whole = await Excel.run(async (ctx) => loadBook(new Batch(ctx), { asOf: AS_OF }));
    const mine = (read: { book: { holdings: { clientId: string }[] }; rows: { holdings: number[] } }) =>
      read.book.holdings.flatMap((h, i) => (idKey(h.clientId) === idKey(id) ? [read.rows.holdings[i]] : [])).sort((a, b) => a - b);
    const per = await Excel.run(async (ctx) => loadClient(new Batch(ctx), id, { asOf: AS_OF }));
    const refused = whole.read.errors.filter((e) => e.code === "oddIdChar").map((e) => e.row).sort((a, b) => a - b);
    return { whole: mine(whole.read), perClient: mine(per.read), partial: per.partial, refused };
  }

  test("property: the client's ClientId cells written in any case and width, or with a character in another compatibility form (𝐂, Ⓒ, ①, 𝟎)", async () => {
    const ci = 5;
    const id = book.clients[ci].clientId;
    const rows = book.holdings.map((x, i) => ({ x, i })).filter((r) => r.x.clientId === id);
    expect(rows.length).toBeGreaterThan(1);
    const form = fc.oneof(
      fc.constant((s: string) => s),
      fc.constant((s: string) => s.toLowerCase()),
      fc.constant((s: string) => [...s].map(wideOf).join("")),
      fc.integer({ min: 0, max: 7 }).map((at) => (s: string) => [...s].map((ch, j) => (j === at % s.length ? wideOf(ch.toLowerCase()) : ch)).join("")),
      fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 1 })).map(([at, k]) => (s: string) => [...s].map((ch, j) => (j === at % s.length ? oddOf(ch, k) : ch)).join("")),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(form, { minLength: rows.length, maxLength: rows.length }), fc.boolean(), async (forms, askOdd) => {
        host = installWithBook(book);
        const written = rows.map((r, k) => forms[k](id));
        rows.forEach((r, k) => host.type(TABLES.holdings.sheet["zh-CN"], cellOf("holdings", r.i, "clientId"), [[written[k]]]));
        // The id asked for may itself be in such a form: both reads compare it with idKey.
        const asked = askOdd ? oddOf(id[0], 0) + id.slice(1) : id;
        const got = await rowsOf(asked);
        host.uninstall();
        expect(got.partial).toBe(true);
        expect(got.perClient).toEqual(got.whole);
        // Every row written with an odd character is refused (reported on its row), the others are the client's.
        const odd = rows.filter((_, k) => idOddChar(written[k]) !== undefined).map((r) => r.i + 2);
        expect(got.refused).toEqual(odd);
        expect(got.whole).toEqual(rows.filter((_, k) => idOddChar(written[k]) === undefined).map((r) => r.i + 2));
      }),
      { numRuns: 25 },
    );
  });
});

describe("the client-facing export reads that client's rows (src/excel/exportReview.ts through loadClient)", () => {
  test("never stale: a co-author's edit to a holding between two exports is in the next one", async () => {
    // As a sheet of this workbook (no Excel.createWorkbook), where the cells can be read back.
    host = installWithBook(book, { supported: (name, v) => name.toLowerCase() === "excelapi" && v !== "1.8" });
    const id = book.clients[0].clientId;
    await commands.exportClientReview(id, AS_OF);
    const i = book.holdings.findIndex((h) => h.clientId === id);
    host.type(TABLES.holdings.sheet["zh-CN"], cellOf("holdings", i, "amount"), [[123456789]]);
    const r = await commands.exportClientReview(id, AS_OF);
    expect(r).toEqual({ syncs: 3, mode: "sheet" });
    const edited = { ...book, holdings: book.holdings.map((h, j) => (j === i ? { ...h, amount: 123456789 } : h)) };
    const { spec } = clientFacingReview(edited, { asOf: AS_OF, lang: "zh-CN", clientId: id });
    const sheet = host.sheet(spec.name)!;
    const cells = spec.cells.flatMap((row, ri) => row.map((v, ci) => ({ v, at: `${colName(ci + 1)}${ri + 1}` }))).filter((x) => x.v === 123456789);
    expect(cells.length).toBeGreaterThan(0);
    for (const x of cells) expect(sheet.cell(x.at).value).toBe(123456789);
  });

  test("an export reads about the same bytes in a book of 40 clients and of 400, in 2 syncs (new workbook)", async () => {
    const big = generateBook({ clients: 400, seed: SAMPLE_SEED, asOf: AS_OF, lang: "zh-CN" });
    // The reads are measured, not the .xlsx rendering (records.test.ts checks the file): the renderer hands over the
    // spec it was given, as text, and the test checks it is that client's review.
    const rendered: SheetSpec[] = [];
    const exporting = createCommands({ sampleBook, renderWorkbook: async (specs) => (rendered.push(...specs), new TextEncoder().encode(specs[0].name)) });
    const cost = async (b: typeof book) => {
      host = installWithBook(b);
      host.stats.reset();
      const r = await exporting.exportClientReview(b.clients[0].clientId, AS_OF);
      expect(r.mode).toBe("new-workbook");
      expect(rendered.pop()!.name).toBe(clientFacingReview(b, { asOf: AS_OF, lang: "zh-CN", clientId: b.clients[0].clientId }).spec.name);
      const out = { total: host.stats.responses.reduce((s, n) => s + n, 0), syncs: host.stats.syncs };
      host.uninstall();
      return out;
    };
    const small = await cost(book);
    const large = await cost(big);
    expect(small.syncs).toBe(2);
    expect(large.syncs).toBe(2);
    expect(large.total).toBeLessThan(small.total * 2);
  });
});
