/**
 * The commands that write records, on the fake host: the sample book, a recorded review (appended, earlier rows
 * never edited), a logged contact (row appended and the calendar's cell and note updated in the same write, on
 * each notes path), the client form (conflict and success), and the client-facing export (both paths).
 */
import { paneCommands } from "../../src/taskpane/paneCommands";
import { CommandError } from "../../src/excel/errors";
import { recordReview as reviewRows } from "../../src/domain/recordReview";
import type { Book, Contact, Holding } from "../../src/domain/types";
import { sampleBook } from "../../src/sample";
import { calendarCell, calendarLayout, clientFacingReview, confidentialStrings } from "../../src/sheets";
import { summaryColumn } from "../../src/excel/specGrid";
import { contactCalendar } from "../../src/sheets/contactCalendar";
import { colName } from "../../src/sheets/a1";
import { entryText, readZip } from "../../src/xlsx/zip";
import { setupBook } from "../../src/excel/setupBook";
import { TABLES } from "../../src/book/schema";
import { installFakeOffice, type FakeHost } from "../fake-excel";
import { AS_OF, bookSeeds, dataSnapshot, installWithBook, report, tableRows } from "./helpers";

const book = sampleBook(AS_OF, "zh-CN");
const commands = paneCommands();
let host: FakeHost;
afterEach(() => host.uninstall());

describe("loadSample", () => {
  test("writes the 40-client sample into the set-up book; read back it is the sample", async () => {
    host = installFakeOffice();
    await commands.setupBook("zh-TW");
    host.stats.reset();
    const r = await commands.loadSample("zh-TW", AS_OF);
    expect(r.syncs).toBe(host.stats.syncs);
    expect(r.syncs).toBe(2);
    const read = await commands.readBook(AS_OF);
    expect(read.errors).toEqual([]);
    expect(read.book).toEqual(sampleBook(AS_OF, "zh-TW"));
    // Ids and phones in Text columns are stored as typed: no apostrophe, no number conversion.
    const phone = host.sheet("客戶")!.cell("F2");
    expect(phone).toMatchObject({ value: sampleBook(AS_OF, "zh-TW").clients[0].phone, quotePrefix: false });
  });

  test("refuses a book that already holds clients, and writes nothing", async () => {
    host = installWithBook(book);
    const before = dataSnapshot(host);
    await expect(commands.loadSample("zh-CN", AS_OF)).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(dataSnapshot(host)).toEqual(before);
  });

  test("refuses a workbook without the tables", async () => {
    host = installFakeOffice();
    await expect(commands.loadSample("zh-CN", AS_OF)).rejects.toMatchObject({ code: "NoBook" });
  });
});

describe("recordReview", () => {
  test("appends one Reviews row per holding with the flows entered; earlier rows untouched; 3 syncs (the client's rows in two, src/excel/clientRead.ts)", async () => {
    host = installWithBook(book);
    const client = book.clients[0];
    const holdings = book.holdings.filter((h) => h.clientId === client.clientId);
    const flows = { [holdings[0].holdingId]: 20000, [holdings[1].holdingId]: -5000 };
    const before = tableRows(host, "Reviews");
    host.stats.reset();
    const r = await commands.recordReview(client.clientId, "2026-05-20", flows);
    // and the client's rows for the pane (src/excel/clientRows.ts), checked in tests/taskpane/clientMerge.test.ts
    expect({ ...r, client: undefined }).toEqual({ syncs: 3, rows: holdings.length });
    expect("client" in r && r.client?.tables).toBeTruthy();
    expect(host.stats.syncs).toBe(3);
    report("record a review", host.stats);
    const after = tableRows(host, "Reviews");
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + holdings.length);
    const read = await commands.readBook();
    const expected = reviewRows(book, client.clientId, "2026-05-20", new Map(Object.entries(flows)));
    expect(expected.ok).toBe(true);
    expect(read.book.reviews.slice(-holdings.length)).toEqual(expected.ok ? expected.value : []);
    expect(read.book.reviews.slice(0, book.reviews.length)).toEqual(book.reviews);
  });

  test("the market values typed at the meeting are the rows' amounts (the Holdings amount for the others); 3 syncs", async () => {
    host = installWithBook(book);
    const client = book.clients[0];
    const holdings = book.holdings.filter((h) => h.clientId === client.clientId);
    const values = { [holdings[0].holdingId]: 123456.78 };
    host.stats.reset();
    const r = await commands.recordReview(client.clientId, "2026-05-20", {}, values);
    // and the client's rows for the pane (src/excel/clientRows.ts), checked in tests/taskpane/clientMerge.test.ts
    expect({ ...r, client: undefined }).toEqual({ syncs: 3, rows: holdings.length });
    expect("client" in r && r.client?.tables).toBeTruthy();
    const read = await commands.readBook();
    const added = read.book.reviews.slice(-holdings.length);
    expect(added.map((x) => x.amount)).toEqual(holdings.map((h, i) => (i === 0 ? 123456.78 : h.amount)));
    // a negative value is refused before anything is written
    const err = await commands.recordReview(client.clientId, "2026-06-20", {}, { [holdings[0].holdingId]: -1 }).catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/negative|负数|負數/);
    expect((await commands.readBook()).book.reviews).toHaveLength(read.book.reviews.length);
  });

  test("each appended row carries its holding's product name in the 产品名称 column", async () => {
    host = installWithBook(book);
    const client = book.clients[0];
    const holdings = book.holdings.filter((h) => h.clientId === client.clientId);
    await commands.recordReview(client.clientId, "2026-05-20", {});
    const t = host.table("Reviews")!;
    const headers = host.getValues(t.sheet, t.headerAddress!.split("!")[1])[0];
    const at = headers.indexOf("产品名称");
    expect(headers.slice(at)).toEqual(["产品名称", "币种", "汇率"]); // the columns appended later, in order
    const appended = tableRows(host, "Reviews").slice(-holdings.length);
    expect(appended.map((r) => [r[headers.indexOf("资产编号")], r[at]])).toEqual(holdings.map((h) => [h.holdingId, h.productName]));
    const read = await commands.readBook();
    expect(read.book.reviews.slice(-holdings.length).map((r) => r.productName)).toEqual(holdings.map((h) => h.productName));
  });

  test("a book whose Reviews table predates 产品名称: read with no error, a review recorded; set-up appends the column, then names are written", async () => {
    const seeds = bookSeeds(book, "zh-CN");
    const reviews = seeds.find((x) => x.name === "检视记录")!;
    const at = (reviews.rows![0] as string[]).indexOf("产品名称");
    reviews.rows = reviews.rows!.map((r) => r.filter((_, i) => i !== at));
    reviews.tables = [{ name: "Reviews", address: `A1:${colName(reviews.rows[0].length)}${Math.max(2, reviews.rows.length)}` }];
    host = installFakeOffice({ workbook: { sheets: seeds } });
    const old = await commands.readBook(AS_OF);
    expect(old.errors).toEqual([]);
    expect(old.book.reviews).toHaveLength(book.reviews.length);
    expect(old.book.reviews.every((r) => r.productName === undefined)).toBe(true);

    const [a, b] = book.clients;
    const rowsOf = (id: string) => book.holdings.filter((h) => h.clientId === id);
    await commands.recordReview(a.clientId, "2026-05-20", {});
    expect(tableRows(host, "Reviews")[0]).toHaveLength(reviews.rows[0].length); // no column added behind set-up's back
    await setupBook("zh-CN");
    await commands.recordReview(b.clientId, "2026-05-20", {});
    const read = await commands.readBook(AS_OF);
    expect(read.errors).toEqual([]);
    const recorded = read.book.reviews.filter((r) => r.reviewDate === "2026-05-20");
    expect(recorded.filter((r) => r.clientId === a.clientId).map((r) => r.productName)).toEqual(rowsOf(a.clientId).map(() => undefined));
    expect(recorded.filter((r) => r.clientId === b.clientId).map((r) => r.productName)).toEqual(rowsOf(b.clientId).map((h) => h.productName));
  });

  test("a date before the last review is refused with the domain's message; nothing written", async () => {
    host = installWithBook(book);
    const before = dataSnapshot(host);
    const err = await commands.recordReview(book.clients[0].clientId, "2020-01-01", {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandError);
    expect((err as CommandError).localized["zh-CN"]).toContain("早于上次检视");
    expect(dataSnapshot(host)).toEqual(before);
  });
});

describe("logContact", () => {
  // A client with a contact already on that day: the cell must show both channels and both summaries.
  const existing = book.contacts.find((c) => c.date === "2026-05-02" && c.clientId === "C0038")!;
  const contact: Contact = { clientId: existing.clientId, date: existing.date, channel: "T", summary: "=追问重疾险意向", nextAction: "寄资料", nextDate: "2026-05-20" };
  const after: Book = { ...book, contacts: [...book.contacts, contact] };
  const expectedCell = calendarCell(after, contact.clientId, contact.date, "zh-CN");
  const layout = calendarLayout(book, "2026-05", "zh-CN");
  const address = layout.cellOf(contact.clientId, contact.date)!;
  const sheet = layout.sheetName;

  async function logged(): Promise<{ calendarUpdated: boolean }> {
    await commands.buildCalendar("2026-05", AS_OF);
    const before = tableRows(host, "Contacts");
    host.stats.reset();
    const r = await commands.logContact(contact);
    expect(r.syncs).toBe(host.stats.syncs);
    expect(host.stats.syncs).toBeLessThanOrEqual(3);
    const rows = tableRows(host, "Contacts");
    expect(rows.slice(0, before.length)).toEqual(before);
    expect(rows).toHaveLength(before.length + 1);
    expect(host.sheet(sheet)!.cell(address).value).toBe(expectedCell.text);
    return r;
  }

  test("with notes (ExcelApi 1.18): row appended; the day cell and its note updated in the same write", async () => {
    host = installWithBook(book);
    const r = await logged();
    report("log a contact", host.stats);
    expect(r.calendarUpdated).toBe(true);
    expect(expectedCell.text).toBe("M/T");
    expect(host.notes(sheet).filter((n) => n.address === address).map((n) => n.content)).toEqual([expectedCell.note]);
    expect(expectedCell.note).toContain("=追问重疾险意向");
    const read = await commands.readBook();
    expect(read.book.contacts[read.book.contacts.length - 1]).toEqual(contact);
  });

  test("with threaded comments (ExcelApi 1.10): the cell's comment replaced, its format kept", async () => {
    host = installWithBook(book, { supported: { ExcelApi: "1.17" } });
    const fmtBefore = async () => {
      await commands.buildCalendar("2026-05", AS_OF);
      return host.getFormat(sheet, address);
    };
    const fmt = await fmtBefore();
    expect(host.comments(sheet).filter((c) => c.address === address)).toHaveLength(1);
    const r = await logged();
    expect(r.calendarUpdated).toBe(true);
    expect(host.comments(sheet).filter((c) => c.address === address).map((c) => c.content)).toEqual([expectedCell.note]);
    expect(host.getFormat(sheet, address)).toEqual(fmt);
  });

  test("with neither (a summary column): the row's summary cell rewritten", async () => {
    // Below the manifest's minimum (1.12), to reach the last resort: no notes, no comments.
    host = installWithBook(book, { supported: { ExcelApi: "1.9" } });
    const r = await logged();
    expect(r.calendarUpdated).toBe(true);
    const spec = contactCalendar(after, { asOf: contact.date, lang: "zh-CN", month: "2026-05" });
    const summary = summaryColumn(spec);
    const row = Number(address.replace(/^[A-Z]+/, ""));
    expect(host.sheet(sheet)!.cell(`${colName(summary.column)}${row}`).value).toBe(summary.cells.get(row));
    expect(host.sheet(sheet)!.cell(`${colName(summary.column)}${row}`).formula).toBeUndefined();
    expect(summary.cells.get(row)).toContain("追问重疾险意向");
  });

  test("without that month's calendar: only the row is appended", async () => {
    host = installWithBook(book);
    const r = await commands.logContact({ ...contact, date: "2026-06-01" });
    // and the client's rows for the pane (src/excel/clientRows.ts), checked in tests/taskpane/clientMerge.test.ts
    expect({ ...r, client: undefined }).toEqual({ syncs: 3, calendarUpdated: false });
    expect("client" in r && r.client?.tables).toBeTruthy();
  });

  test("bad input and unknown clients are refused before anything is written", async () => {
    host = installWithBook(book);
    const before = dataSnapshot(host);
    await expect(commands.logContact({ ...contact, channel: "X" as Contact["channel"] })).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(commands.logContact({ ...contact, date: "2026-02-30" })).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(commands.logContact({ ...contact, clientId: "C9999" })).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(dataSnapshot(host)).toEqual(before);
  });
});

describe("saveClient", () => {
  const client = book.clients[0];
  const holdings = book.holdings.filter((h) => h.clientId === client.clientId);
  const policies = book.policies.filter((p) => p.clientId === client.clientId);
  const family = book.family.filter((f) => f.clientId === client.clientId);

  test("writes only the changed rows in place, appends new ones, deletes removed ones (bottom-up); 3 syncs (the client's rows in two, src/excel/clientRead.ts)", async () => {
    host = installWithBook(book);
    const clientsBefore = tableRows(host, "Clients");
    const newHolding: Holding = { holdingId: "H99999", clientId: client.clientId, assetClass: "Fund", productName: "=新基金A", institution: "ThisBank", amount: 50000, startDate: "2026-05-01" };
    host.stats.reset();
    const r = await commands.saveClient({
      client: { before: client, after: { ...client, phone: "13900000000", email: undefined, name: "=HYPERLINK(\"x\")" } },
      family: [{ before: family[0], after: { ...family[0], schoolOrWork: "实验中学" } }],
      holdings: [
        { before: holdings[1], after: { ...holdings[1], amount: 123456 } },
        { before: holdings[0] },
        { before: holdings[3] },
        { after: newHolding },
      ],
      policies: [{ before: policies[0], after: policies[0] }],
    });
    // and the client's rows for the pane (src/excel/clientRows.ts), checked in tests/taskpane/clientMerge.test.ts
    expect({ ...r, client: undefined }).toEqual({ ok: true, syncs: 3, written: 6 });
    expect("client" in r && r.client?.tables).toBeTruthy();
    expect(host.stats.syncs).toBe(3);
    const read = await commands.readBook();
    expect(read.errors).toEqual([]);
    const saved = read.book.clients.find((c) => c.clientId === client.clientId)!;
    const { email: _dropped, ...kept } = client;
    expect(saved).toEqual({ ...kept, phone: "13900000000", name: "=HYPERLINK(\"x\")" });
    // The user text stays text in the sheet.
    expect(host.sheet("客户")!.cell("B2")).toMatchObject({ value: "=HYPERLINK(\"x\")" });
    expect(host.sheet("客户")!.cell("B2").formula).toBeUndefined();
    // Other clients' rows are untouched.
    expect(tableRows(host, "Clients").slice(1)).toEqual(clientsBefore.slice(1));
    const mine = read.book.holdings.filter((h) => h.clientId === client.clientId);
    expect(mine.map((h) => h.holdingId)).toEqual([...holdings.filter((_, i) => i !== 0 && i !== 3).map((h) => h.holdingId), "H99999"]);
    expect(mine.find((h) => h.holdingId === holdings[1].holdingId)!.amount).toBe(123456);
    expect(read.book.holdings.filter((h) => h.clientId !== client.clientId)).toEqual(book.holdings.filter((h) => h.clientId !== client.clientId));
    expect(read.book.family.find((f) => f.clientId === client.clientId && f.name === family[0].name)!.schoolOrWork).toBe("实验中学");
    expect(read.book.policies).toEqual(book.policies);
  });

  /** Client-sheet address of a field of client row 2 (the first client), from the zh-CN schema order. */
  const cellOf = (field: string) => `${colName(TABLES.clients.columns.findIndex((c) => c.field === field) + 1)}2`;

  test("a cell the save changes that a colleague changed since the form loaded is a conflict: nothing is written", async () => {
    host = installWithBook(book);
    // A colleague edits the client's hobbies (the cell the save changes) after the form loaded.
    host.type("客户", cellOf("hobbies"), [["书法"]]);
    const before = dataSnapshot(host);
    const r = await commands.saveClient({
      client: { before: client, after: { ...client, hobbies: "围棋" } },
      family: [],
      holdings: [{ before: holdings[0], after: { ...holdings[0], amount: 1 } }, { after: { ...holdings[0], holdingId: holdings[2].holdingId } }],
      policies: [],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.conflicts).toEqual([{ table: "Clients", id: client.clientId }, { table: "Holdings", id: holdings[2].holdingId }]);
    expect(r.syncs).toBe(2);
    expect(dataSnapshot(host)).toEqual(before);
  });

  test("a colleague's change to a cell the save does not touch is kept, and the save goes through", async () => {
    host = installWithBook(book);
    host.type("客户", cellOf("phone"), [["'13700000000"]]);
    const r = await commands.saveClient({ client: { before: client, after: { ...client, hobbies: "围棋" } }, family: [], holdings: [], policies: [] });
    // and the client's rows for the pane (src/excel/clientRows.ts), checked in tests/taskpane/clientMerge.test.ts
    expect({ ...r, client: undefined }).toEqual({ ok: true, syncs: 3, written: 1 });
    expect("client" in r && r.client?.tables).toBeTruthy();
    expect(host.getValues("客户", cellOf("phone"))).toEqual([["13700000000"]]);
    expect(host.getValues("客户", cellOf("hobbies"))).toEqual([["围棋"]]);
  });

  test("a save writes only the cells that changed: a manager's formula in an unchanged cell of the row survives", async () => {
    // Before the fix the whole row was rewritten with values, and the formula in 职业 became its value.
    host = installWithBook(book);
    const occupation = cellOf("occupation");
    host.type("客户", occupation, [['=LOWER("TEACHER")']]);
    host.setFormulaEvaluator((f) => (f === '=LOWER("TEACHER")' ? "teacher" : undefined));
    const loaded = (await commands.readBook()).book.clients[0];
    expect(loaded.occupation).toBe("teacher");
    const r = await commands.saveClient({ client: { before: loaded, after: { ...loaded, hobbies: "围棋", notes: "=1+1" } }, family: [], holdings: [], policies: [] });
    expect(r).toMatchObject({ ok: true, written: 1 });
    expect(host.getFormulas("客户", occupation)).toEqual([['=LOWER("TEACHER")']]);
    expect(host.getFormulas("客户", cellOf("notes"))).toEqual([["=1+1"]]);
    expect(host.sheet("客户")!.cell(cellOf("notes")).formula).toBeUndefined();
  });

  test("a co-author's edit between the save's read sync and its write sync is detected and put back, and reported", async () => {
    host = installWithBook(book);
    const hobbies = cellOf("hobbies");
    // The co-author types into the very cell the save writes, after the read (syncs 1 and 2), before the write (sync 3).
    host.coAuthor((sync) => {
      if (sync === 3) host.type("客户", hobbies, [["=HYPERLINK(\"x\")"]]);
    });
    host.stats.reset();
    const r = await commands.saveClient({ client: { before: client, after: { ...client, hobbies: "围棋", employer: "新单位" } }, family: [], holdings: [], policies: [] });
    host.coAuthor(undefined);
    expect(r).toMatchObject({ ok: false, conflicts: [{ table: "Clients", id: client.clientId }], saved: 1 });
    expect(r.syncs).toBe(4);
    // The co-author's content (their formula) is back; the other changed cell of the save was written.
    expect(host.getFormulas("客户", hobbies)).toEqual([["=HYPERLINK(\"x\")"]]);
    expect(host.getValues("客户", cellOf("employer"))).toEqual([["新单位"]]);
  });

  test("rows are deleted from a filtered table: the filter is cleared for the deletion and applied again", async () => {
    host = installWithBook(book);
    // The manager filters Holdings to the client's own rows (a Values filter on 客户编号).
    await Excel.run(async (ctx) => {
      ctx.workbook.tables.getItem("Holdings").columns.getItemAt(1).filter.applyValuesFilter([client.clientId]);
      await ctx.sync();
    });
    const otherRow = book.holdings.findIndex((h) => h.clientId !== client.clientId) + 2;
    expect(host.sheet("资产")!.rowHeight(otherRow)).toBe(0);
    const r = await commands.saveClient({ client: { before: client, after: client }, family: [], holdings: [{ before: holdings[0] }, { before: holdings[2] }], policies: [] });
    expect(r).toMatchObject({ ok: true, written: 2 });
    const read = await commands.readBook();
    expect(read.book.holdings.map((h) => h.holdingId)).toEqual(book.holdings.filter((h) => h !== holdings[0] && h !== holdings[2]).map((h) => h.holdingId));
    const criteria = await Excel.run(async (ctx) => {
      const f = ctx.workbook.tables.getItem("Holdings").columns.getItemAt(1).filter;
      f.load("criteria");
      await ctx.sync();
      return f.criteria;
    });
    expect(criteria).toEqual({ filterOn: "Values", values: [client.clientId] });
    // Other clients' rows are hidden again, the client's own shown.
    const after = await commands.readBook();
    const rowOf = (id: string) => after.book.holdings.findIndex((h) => h.holdingId === id) + 2;
    expect(host.sheet("资产")!.rowHeight(rowOf(after.book.holdings.find((h) => h.clientId !== client.clientId)!.holdingId))).toBe(0);
    expect(host.sheet("资产")!.rowHeight(rowOf(holdings[1].holdingId))).toBeGreaterThan(0);
  });

  test("a new client is appended and can be deleted again; a client with rows elsewhere cannot", async () => {
    host = installWithBook(book);
    const fresh = { clientId: "C9001", name: "新客户" };
    expect(await commands.saveClient({ client: { after: fresh }, family: [], holdings: [], policies: [] })).toMatchObject({ ok: true, written: 1 });
    expect((await commands.readBook()).book.clients.slice(-1)).toEqual([fresh]);
    expect(await commands.saveClient({ client: { before: fresh }, family: [], holdings: [], policies: [] })).toMatchObject({ ok: true, written: 1 });
    expect((await commands.readBook()).book.clients).toEqual(book.clients);
    const before = dataSnapshot(host);
    const err = await commands.saveClient({ client: { before: client }, family: family.map((f) => ({ before: f })), holdings: [], policies: [] }).catch((e: unknown) => e);
    expect((err as CommandError).localized["en-US"]).toMatch(/Holdings \d+, Policies \d+, Contacts \d+/);
    expect(dataSnapshot(host)).toEqual(before);
  });

  test("a record missing a required field is refused with the field named", async () => {
    host = installWithBook(book);
    const err = await commands.saveClient({ client: { before: client, after: { ...client, name: " " } }, family: [], holdings: [], policies: [] }).catch((e: unknown) => e);
    expect((err as CommandError).localized["zh-CN"]).toContain("姓名");
  });
});

describe("exportClientReview", () => {
  test("as a new workbook (ExcelApi 1.8): an .xlsx holding the client-facing review and nothing confidential", async () => {
    host = installWithBook(book);
    const names = host.sheetNames();
    const id = book.clients[1].clientId;
    const r = await commands.exportClientReview(id, AS_OF);
    expect(r).toEqual({ syncs: 2, mode: "new-workbook" });
    expect(host.sheetNames()).toEqual(names);
    expect(host.createdWorkbooks).toHaveLength(1);
    const bytes = Uint8Array.from(Buffer.from(host.createdWorkbooks[0]!, "base64"));
    expect(Buffer.from(host.createdWorkbooks[0]!, "base64").toString("base64")).toBe(host.createdWorkbooks[0]);
    const parts = readZip(bytes);
    const text = (await Promise.all(parts.map((p) => entryText(p)))).join("\n");
    const { spec } = clientFacingReview(book, { asOf: AS_OF, lang: "zh-CN", clientId: id });
    expect(text).toContain(spec.name);
    for (const s of confidentialStrings(book, id, "zh-CN")) expect(text).not.toContain(s);
  }, 30_000);

  test("as a sheet of this workbook where Excel.createWorkbook is missing", async () => {
    host = installWithBook(book, { supported: (name, v) => name.toLowerCase() === "excelapi" && v !== "1.8" });
    const before = dataSnapshot(host);
    const id = book.clients[1].clientId;
    const r = await commands.exportClientReview(id, AS_OF);
    expect(r).toEqual({ syncs: 3, mode: "sheet" });
    const { spec } = clientFacingReview(book, { asOf: AS_OF, lang: "zh-CN", clientId: id });
    expect(host.sheet(spec.name)).toBeDefined();
    expect(host.charts(spec.name)).toHaveLength(2);
    expect(host.createdWorkbooks).toEqual([]);
    expect(dataSnapshot(host)).toEqual(before);
  });
});
