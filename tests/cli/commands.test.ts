/**
 * The commands as pure functions (options and bytes in, files and messages out): template, demo, import, build and
 * review, each checked by reading the written workbook back — its tables through the same reader the build uses,
 * its sheets, drop-down lists and charts from the package itself.
 */
import iconv from "iconv-lite";
import { decodeBook } from "../../src/book/codec";
import type { RowError } from "../../src/book/errors";
import { codeLabels } from "../../src/book/codes";
import { RECORD_TABLE_KEYS, sheetName, TABLE_KEYS, TABLES } from "../../src/book/schema";
import { writeTable } from "../../src/book/write";
import { readBookFile } from "../../src/cli/bookInput";
import { buildCommand } from "../../src/cli/commands/build";
import { demoCommand } from "../../src/cli/commands/demo";
import { checkTableKind, headerLanguage, importCommand } from "../../src/cli/commands/import";
import { reviewCommand } from "../../src/cli/commands/review";
import { templateCommand } from "../../src/cli/commands/template";
import { csvTable } from "../../src/cli/csv";
import { UsageError } from "../../src/cli/usage";
import { addDays } from "../../src/domain/dates";
import { maskPhone } from "../../src/domain/mask";
import { emptyBook, LANGS } from "../../src/domain/types";
import type { Book, Lang } from "../../src/domain/types";
import { generateBook } from "../../src/sample";
import { allSheets, importErrorsSheetName, profileSheetName, reviewSheetName, SheetNamer, sheetText, uniqueSheetNames } from "../../src/sheets";
import { addBookTables } from "../../src/xlsx/bookFile";
import { finishWorkbook, newWorkbook } from "../../src/xlsx";
import { addTableSheet } from "../../src/xlsx/tables";
import { entryText, makeEntry, readZip, writeZip } from "../../src/xlsx/zip";
import { partTexts, readWorkbookTables, sheetCharts, tableCsv } from "./helpers";

const AS_OF = "2025-06-15";
const input = (name: string, data: Uint8Array | string) => ({ name, bytes: typeof data === "string" ? new TextEncoder().encode(data) : data });

async function bookBytes(book: Book, lang: Lang = book.settings.language): Promise<Uint8Array> {
  const f = await newWorkbook();
  addBookTables(f, book, lang);
  return finishWorkbook(f);
}

/** The sheet XML of a sheet by name. */
async function sheetXmlOf(bytes: Uint8Array, sheet: string): Promise<string> {
  const { sheetPartPaths } = await import("../../src/xlsx/parts");
  const entries = readZip(bytes);
  const part = (await sheetPartPaths(entries)).get(sheet);
  const e = entries.find((x) => x.name === part);
  if (!e) throw new Error(`no sheet ${sheet}`);
  return entryText(e);
}

describe("template", () => {
  test.each(LANGS)("%s: eight empty tables with localised headers, drop-down lists and formats; reads back as an empty book", async (lang) => {
    const r = await templateCommand({ out: "t.xlsx", lang });
    expect(r.exitCode).toBe(0);
    const bytes = r.files[0].bytes;
    const wb = await readWorkbookTables(bytes);
    expect(wb.sheets).toEqual(TABLE_KEYS.map((k) => sheetName(k, lang)));
    for (const key of TABLE_KEYS) {
      const t = wb.tables.find((x) => x.tableName === TABLES[key].tableName)!;
      expect(t.sheet).toBe(sheetName(key, lang));
      expect(t.table.headers).toEqual(TABLES[key].columns.map((c) => c.headers[lang]));
      expect(t.table.rows).toEqual(key === "settings" ? expect.any(Array) : []);
    }
    // every coded column of Holdings has its list, in the language; dates and amounts have their formats
    const xml = await sheetXmlOf(bytes, sheetName("holdings", lang));
    expect(xml).toContain(`<formula1>"${codeLabels("assetClass", lang).join(",")}"</formula1>`);
    expect(xml).toContain(`<formula1>"${codeLabels("productRisk", lang).join(",")}"</formula1>`);
    expect(xml).toContain(`<formula1>"${codeLabels("currency", lang).join(",")}"</formula1>`);
    expect((xml.match(/<dataValidation\b/g) ?? []).length).toBe(3);
    const policies = await sheetXmlOf(bytes, sheetName("policies", lang));
    expect(policies).toContain(`<formula1>"${codeLabels("yesNo", lang).join(",")}"</formula1>`);
    const styles = (await partTexts(bytes)).get("xl/styles.xml")!;
    expect(styles).toContain('formatCode="yyyy-mm-dd"');
    expect(styles).toContain('formatCode="#,##0.00"');

    const back = await readBookFile(bytes, "t.xlsx");
    expect(back.errors).toEqual([]);
    expect(back.book).toEqual(emptyBook({ language: lang, currency: lang === "zh-TW" ? "TWD" : "CNY" }));
  });
});

describe("demo", () => {
  let book: Book;
  let bytes: Uint8Array;
  let summary: string;
  beforeAll(async () => {
    book = generateBook({ clients: 4, asOf: AS_OF, lang: "en-US" });
    const r = await demoCommand({ out: "demo.xlsx", lang: "en-US", clients: 4, asOf: AS_OF });
    bytes = r.files[0].bytes;
    summary = r.summary;
    expect(r.exitCode).toBe(0);
    expect(r.errors).toEqual([]);
  });

  test("the eight tables, then every output sheet with allSheets' names, a review per client", async () => {
    const wb = await readWorkbookTables(bytes);
    const outputs = allSheets(book, { asOf: AS_OF, lang: "en-US" }).map((s) => s.name);
    expect(wb.sheets).toEqual([...TABLE_KEYS.map((k) => sheetName(k, "en-US")), ...outputs]);
    expect(outputs.filter((n) => n.startsWith("Review-"))).toHaveLength(4);
    expect(summary).toMatch(/^4 clients, 18 sheets \(8 tables, 10 output sheets\), en-US, as of 2025-06-15, in \d+\.\d s$/);
  });

  test("the tables hold the sample book exactly: reading the file gives the generated book back", async () => {
    const back = await readBookFile(bytes, "demo.xlsx", { asOf: AS_OF });
    expect(back.errors).toEqual([]);
    expect(back.book).toEqual(book);
    expect(back.foundAs.clients).toBe("Clients");
  });

  test("every review sheet has a pie and a column chart; no other sheet but the maturity ladder has charts", async () => {
    const charts = await sheetCharts(bytes);
    for (const c of book.clients) expect(charts.get(reviewSheetName(c.name, c.clientId, "en-US"))!.sort()).toEqual(["column", "pie"]);
    const withCharts = [...charts].filter(([, k]) => k.length > 0).map(([s]) => s);
    expect(withCharts).toHaveLength(4 + 1); // the reviews and the maturity ladder
  });

  test("the file opens on the profile list", async () => {
    const wbXml = (await partTexts(bytes)).get("xl/workbook.xml")!;
    const active = Number(/activeTab="(\d+)"/.exec(wbXml)?.[1] ?? 0);
    expect((await readWorkbookTables(bytes)).sheets[active]).toBe(profileSheetName("en-US"));
  });
});

describe("import", () => {
  // The shipped sample exported by "another system": Traditional Chinese headers, clients in GB18030 with an
  // extra column of the user's own, holdings in UTF-8 with a BOM, the rest plain UTF-8; some rows broken.
  const book = generateBook({ clients: 40, asOf: AS_OF, lang: "zh-TW" });
  const own = book.clients.map((_, i) => `自訂${i}`);
  const clientsCsv = tableCsv(book, "clients", "zh-TW", { header: "我的欄位", values: own }).split("\r\n");
  // line 3 (client 2): a bad birthday; line 6 (client 5): a bad risk level — both rejected, their children too
  const bad = (line: string, col: number, value: string) => {
    const cells = line.split(",");
    cells[col] = value;
    return cells.join(",");
  };
  clientsCsv[2] = bad(clientsCsv[2], 3, "1985-13-40");
  clientsCsv[5] = bad(clientsCsv[5], 14, "C9");
  const rejectedIds = [book.clients[1].clientId, book.clients[4].clientId];
  const files = {
    clients: input("in/clients.csv", new Uint8Array(iconv.encode(clientsCsv.join("\r\n"), "gb18030"))),
    family: input("in/family.csv", tableCsv(book, "family", "zh-TW")),
    holdings: input("in/holdings.csv", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(tableCsv(book, "holdings", "zh-TW"))])),
    policies: input("in/policies.csv", tableCsv(book, "policies", "zh-TW")),
    contacts: input("in/contacts.csv", tableCsv(book, "contacts", "zh-TW") + "\r\nC0001,2025-13-01,T,日期錯了,,\r\n"),
    // The sample's USD and HKD rows need their rates: without this file they would read back as missing rates.
    rates: input("in/rates.csv", tableCsv(book, "rates", "zh-TW")),
  };
  const contactLines = tableCsv(book, "contacts", "zh-TW").split("\r\n").length;
  let result: Awaited<ReturnType<typeof importCommand>>;
  let back: Awaited<ReturnType<typeof readBookFile>>;
  beforeAll(async () => {
    result = await importCommand({ files, out: "book.xlsx", asOf: AS_OF });
    back = await readBookFile(result.files[0].bytes, "book.xlsx", { asOf: AS_OF });
  });

  test("good rows are imported unchanged; rejected clients and their rows are not; the language follows the headers", () => {
    expect(back.book.settings.language).toBe("zh-TW");
    expect(back.book.settings.currency).toBe("TWD");
    const keep = <T extends { clientId: string }>(rows: T[]) => rows.filter((r) => !rejectedIds.includes(r.clientId));
    expect(back.book.clients).toEqual(keep(book.clients));
    expect(back.book.family).toEqual(keep(book.family));
    expect(back.book.holdings).toEqual(keep(book.holdings));
    expect(back.book.policies).toEqual(keep(book.policies));
    expect(back.book.contacts).toEqual(keep(book.contacts));
    expect(back.book.reviews).toEqual([]);
    expect(back.errors).toEqual([]);
  });

  test("each rejected row is one stderr line 'file:line: column: reason' with the CSV line number; exit 1", () => {
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toBe('in/clients.csv:3: 生日: "1985-13-40" is not a valid date (use 2024-03-05, 2024/3/5 or 20240305)');
    expect(result.errors[1]).toBe('in/clients.csv:6: 風險等級: "C9" is not one of: C1, C2, C3, C4, C5');
    const children = result.errors.filter((l) => /^in\/(family|holdings|policies|contacts)\.csv:\d+: 客戶編號: client .* is on clients\.csv row [36], which has errors/.test(l));
    const childRows = (["family", "holdings", "policies", "contacts"] as const).reduce((n, k) => n + book[k].filter((r) => rejectedIds.includes(r.clientId)).length, 0);
    expect(children).toHaveLength(childRows);
    expect(result.errors).toContain(`in/contacts.csv:${contactLines + 1}: 日期: "2025-13-01" is not a valid date (use 2024-03-05, 2024/3/5 or 20240305)`);
    expect(result.errors).toHaveLength(2 + childRows + 1);
    expect(result.summary).toMatch(new RegExp(`^imported 38 clients, \\d+ family members, \\d+ holdings, \\d+ policies, \\d+ contacts, \\d+ rates; ${3 + childRows} rows rejected \\(see the import-errors sheet\\); read in/clients\\.csv: gb18030; zh-TW, in`));
  });

  test("the import-errors sheet keeps every rejected row verbatim under its file's header row", async () => {
    const wb = await readWorkbookTables(result.files[0].bytes);
    const sheet = importErrorsSheetName("zh-TW");
    expect(wb.sheets[wb.sheets.length - 1]).toBe(sheet);
    const grid = wb.grids.get(sheet)!;
    const line3 = grid.find((r) => r[1] === "clients.csv" && r[2] === 3)!;
    expect(line3.slice(6).map((v) => v ?? "")).toEqual(Papa_cells(clientsCsv[2]));
    const header = grid.find((r) => r[0] === sheetName("clients", "zh-TW") && r[1] === null)!;
    expect(header.slice(6)).toEqual([...TABLES.clients.columns.map((c) => c.headers["zh-TW"]), "我的欄位"]);
    expect(grid.filter((r) => typeof r[2] === "number" && r[1] !== null)).toHaveLength(3 + result.errors.length - 3);
  });

  test("the file's own extra column is kept after the book's columns, for the rows imported", async () => {
    const wb = await readWorkbookTables(result.files[0].bytes);
    const clients = wb.tables.find((t) => t.tableName === "Clients")!.table;
    expect(clients.headers[clients.headers.length - 1]).toBe("我的欄位");
    expect(clients.rows.map((r) => r[clients.headers.length - 1])).toEqual(own.filter((_, i) => i !== 1 && i !== 4));
  });

  test("a clean import exits 0 and has no import-errors sheet", async () => {
    const r = await importCommand({ files: { clients: input("c.csv", "Client ID,Name\nC1,Zhang Wei\n") }, out: "o.xlsx", asOf: AS_OF });
    expect(r.exitCode).toBe(0);
    expect(r.errors).toEqual([]);
    const wb = await readWorkbookTables(r.files[0].bytes);
    expect(wb.sheets).toEqual(TABLE_KEYS.map((k) => sheetName(k, "en-US")));
    expect(r.summary).toMatch(/^imported 1 client; no rows rejected; en-US, in/);
  });

  test("--lang overrides the header language", async () => {
    const r = await importCommand({ files: { clients: input("c.csv", "Client ID,Name\nC1,Zhang Wei\n") }, out: "o.xlsx", asOf: AS_OF, lang: "zh-CN" });
    const back = await readBookFile(r.files[0].bytes, "o.xlsx");
    expect(back.book.settings.language).toBe("zh-CN");
    expect(back.tables.clients!.headers.slice(0, 2)).toEqual(["客户编号", "姓名"]);
  });

  test("a file that is not the table its option names is refused before anything is written", async () => {
    const family = csvTable(tableCsv(book, "family", "zh-TW"), "f.csv", "family");
    expect(() => checkTableKind("clients", family, "f.csv")).toThrow(new UsageError("f.csv: not a Clients file (the CLIENTS.csv argument): its header row names more columns of another table; it looks like a Family table"));
    expect(() => checkTableKind("holdings", family, "f.csv")).toThrow(/^f\.csv: not a Holdings file \(--holdings\): required columns missing: Holding ID \(资产编号\), Asset Class \(资产类别\), Product Name \(产品名称\), Institution \(机构\), Amount \(金额\); it looks like a Family table$/);
    await expect(importCommand({ files: { clients: input("c.csv", "Client ID,Name\nC1,Z\n"), policies: input("p.csv", "Client ID,Name\nC1,Z\n") }, out: "o.xlsx", asOf: AS_OF })).rejects.toThrow(/p\.csv: not a Policies file \(--policies\): required columns missing/);
  });

  test("headerLanguage picks the language most headers are written in", () => {
    expect(headerLanguage("clients", ["客戶編號", "姓名", "生日"])).toBe("zh-TW");
    expect(headerLanguage("clients", ["客户编号", "姓名", "Phone"])).toBe("zh-CN");
    expect(headerLanguage("clients", ["client_id", "Name", "Phone"])).toBe("en-US");
    expect(headerLanguage("clients", ["?"])).toBe("zh-CN");
  });
});

/** A CSV line split into cells (no quoted commas in these lines). */
function Papa_cells(line: string): string[] {
  return line.split(",");
}

describe("build", () => {
  const book = generateBook({ clients: 6, asOf: AS_OF });
  let bytes: Uint8Array;
  let result: Awaited<ReturnType<typeof buildCommand>>;
  beforeAll(async () => {
    // A book as a manager keeps it: the Clients table has a column of their own and a broken row (row 5),
    // the Contacts table was typed on a sheet without an Excel table, in English; no Settings table at all.
    const f = await newWorkbook();
    for (const key of RECORD_TABLE_KEYS) {
      const t = writeTable(book, key, key === "contacts" ? "en-US" : "zh-CN");
      if (key === "clients") {
        t.headers.push("我的标记");
        t.rows.forEach((r, i) => r.push(i % 2 ? "★" : null));
        t.rows[3][3] = "生日不详";
      }
      if (key === "contacts") {
        addTableSheet(f, { sheet: "placeholder", tableName: "Placeholder", headers: ["x"], rows: [] });
        continue;
      }
      addTableSheet(f, { sheet: sheetName(key, "zh-CN"), tableName: TABLES[key].tableName, headers: t.headers, rows: t.rows });
    }
    const { addSpecToFile } = await import("../../src/xlsx");
    const contacts = writeTable(book, "contacts", "en-US");
    addSpecToFile(f, { name: "My contacts", kind: "today", cells: [["Contacts I made"], [], contacts.headers, ...contacts.rows] });
    bytes = await finishWorkbook(f);
    result = await buildCommand({ book: input("book.xlsx", bytes), out: "out.xlsx", asOf: AS_OF });
  });

  test("the rejected row is reported with sheet and row; everything else builds; exit 1", () => {
    expect(result.exitCode).toBe(1);
    const bad = book.clients[3];
    expect(result.errors[0]).toBe('book.xlsx:客户:5: 生日: "生日不详" is not a valid date (use 2024-03-05, 2024/3/5 or 20240305)');
    expect(result.errors.slice(1).every((l) => l.includes(`client ${bad.clientId} is on 客户 row 5, which has errors`) || l.includes(`"${bad.clientId}"`))).toBe(true);
    // the input's "placeholder" sheet (a table that is not the book's) is the manager's: kept (issue 13)
    expect(result.summary).toMatch(/^5 clients, 21 sheets \(8 tables, 11 output sheets, import errors, 1 of the book's own kept\), zh-CN, as of 2025-06-15; \d+ rows rejected, in/);
  });

  test("the output is a complete book: the tables as they were (own column and broken row kept), then the sheets", async () => {
    const out = result.files[0].bytes;
    const wb = await readWorkbookTables(out);
    const read = await readBookFile(bytes, "book.xlsx", { asOf: AS_OF });
    const outputs = uniqueSheetNames(
      allSheets(read.book, { asOf: AS_OF, lang: "zh-CN" }).map((s) => s.name),
      ["客户", "家庭成员", "资产", "保单", "My contacts", "检视记录", "设置", "placeholder"],
    );
    expect(wb.sheets).toEqual(["客户", "家庭成员", "资产", "保单", "My contacts", "检视记录", "设置", "汇率", "placeholder", ...outputs, importErrorsSheetName("zh-CN")]);
    const clients = wb.tables.find((t) => t.tableName === "Clients")!.table;
    expect(clients.headers[clients.headers.length - 1]).toBe("我的标记");
    expect(clients.rows[3][3]).toBe("生日不详");
    expect(wb.tables.find((t) => t.tableName === "Contacts")!.sheet).toBe("My contacts");
    // and it builds again to the same book
    const again = await readBookFile(out, "out.xlsx", { asOf: AS_OF });
    expect(again.book).toEqual(read.book);
    // the same rows are rejected for the same reasons; rows of the typed table now count from the table at A1
    const where = (e: RowError, shift: number) => [e.sheet, e.sheet === "My contacts" ? e.row - shift : e.row, e.code, e.value];
    expect(again.errors.map((e) => where(e, 0))).toEqual(read.errors.map((e) => where(e, read.tables.contacts!.headerRow - 1)));
  });

  test("every client of the book gets a review with both charts", async () => {
    const charts = await sheetCharts(result.files[0].bytes);
    const reviews = [...charts].filter(([s]) => s.startsWith("资产检视-"));
    expect(reviews).toHaveLength(5);
    for (const [, kinds] of reviews) expect(kinds.sort()).toEqual(["column", "pie"]);
  });

  test("a book without any Clients table is refused", async () => {
    const f = await newWorkbook();
    addTableSheet(f, { sheet: "Sheet", tableName: "Other", headers: ["a", "b"], rows: [["x", 1]] });
    await expect(buildCommand({ book: input("other.xlsx", await finishWorkbook(f)), out: "o.xlsx", asOf: AS_OF })).rejects.toThrow(/^other\.xlsx: no Clients table found/);
  });

  test("a 1904-date workbook (old Mac Excel) reads the same dates", async () => {
    const entries = readZip(await bookBytes(book));
    const patched = await Promise.all(
      entries.map(async (e) => (e.name === "xl/workbook.xml" ? makeEntry(e.name, new TextEncoder().encode((await entryText(e)).replace(/<workbookPr\b/, '<workbookPr date1904="1"')), e) : e)),
    );
    // the same serials mean dates 1,462 days later in the 1904 system
    const shifted = await readBookFile(writeZip(patched), "mac.xlsx");
    expect(shifted.book.clients[0].birthday).toBe(addDays(book.clients[0].birthday!, 1462));
    expect(shifted.book.holdings.map((h) => h.amount)).toEqual(book.holdings.map((h) => h.amount));
  });
});

describe("review", () => {
  const book = generateBook({ clients: 5, asOf: AS_OF });
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await bookBytes(book);
  });

  test("the manager's copy: one review sheet with the tier, suitability column, full phone and both charts", async () => {
    const c = book.clients[0];
    const r = await reviewCommand({ book: input("b.xlsx", bytes), clientId: c.clientId, out: "r.xlsx", clientFacing: false, asOf: AS_OF });
    expect(r.exitCode).toBe(0);
    const wb = await readWorkbookTables(r.files[0].bytes);
    expect(wb.sheets).toEqual([reviewSheetName(c.name, c.clientId, "zh-CN")]);
    const text = [...(await partTexts(r.files[0].bytes)).values()].join("\n");
    const t = sheetText("zh-CN");
    expect(text).toContain(t.review.labels.tier);
    expect(text).toContain(t.review.headers.suitability);
    expect(text).toContain(c.phone!);
    expect((await sheetCharts(r.files[0].bytes)).get(wb.sheets[0])!.sort()).toEqual(["column", "pie"]);
  });

  test("the client-facing copy: masked phone, no tier, no suitability flags, no id, no other client", async () => {
    const c = book.clients[1];
    const r = await reviewCommand({ book: input("b.xlsx", bytes), clientId: c.clientId, out: "r.xlsx", clientFacing: true, asOf: AS_OF });
    const text = [...(await partTexts(r.files[0].bytes)).values()].join("\n");
    const t = sheetText("zh-CN");
    expect(text).toContain(maskPhone(c.phone!));
    expect(text).not.toContain(c.phone!);
    expect(text).not.toContain(t.review.labels.tier);
    expect(text).not.toContain(t.review.headers.suitability);
    expect(text).not.toContain(c.clientId);
    for (const other of book.clients.filter((x) => x !== c)) {
      expect(text).not.toContain(other.clientId);
      expect(text).not.toContain(other.name);
    }
    const wb = await readWorkbookTables(r.files[0].bytes);
    expect(wb.sheets).toHaveLength(1);
    expect(wb.tables).toEqual([]);
  });

  test("client-facing for a client whose family member is also a client: a warning for the manager, nothing on the client's paper (issue 15)", async () => {
    const [mother, son] = book.clients;
    const linked: Book = {
      ...book,
      family: [...book.family, { clientId: mother.clientId, name: son.name, relation: "Child", linkedClientId: son.clientId }],
    };
    const b = await bookBytes(linked);
    const r = await reviewCommand({ book: input("b.xlsx", b), clientId: mother.clientId, out: "r.xlsx", clientFacing: true, asOf: AS_OF });
    expect(r.warnings).toEqual([`${son.name}（${son.clientId}）也是您的客户：各自的账户彼此独立，不可向一方提及另一方的账户。`]);
    expect(r.exitCode).toBe(0);
    const text = [...(await partTexts(r.files[0].bytes)).values()].join("\n");
    expect(text).not.toContain(son.clientId);
    expect(text).not.toContain("账户彼此独立");
    // the son sees the link from the other side; the manager's own copy needs no warning
    const other = await reviewCommand({ book: input("b.xlsx", b), clientId: son.clientId, out: "r.xlsx", clientFacing: true, asOf: AS_OF });
    expect(other.warnings?.[0]).toContain(`${mother.name}（${mother.clientId}）`);
    const own = await reviewCommand({ book: input("b.xlsx", b), clientId: mother.clientId, out: "r.xlsx", clientFacing: false, asOf: AS_OF });
    expect(own.warnings).toBeUndefined();
  });

  test("an unknown client id is a usage error; a client whose row was rejected is pointed at", async () => {
    await expect(reviewCommand({ book: input("b.xlsx", bytes), clientId: "C9999", out: "r.xlsx", clientFacing: false, asOf: AS_OF })).rejects.toThrow(
      new UsageError('unknown client "C9999": b.xlsx has no client with that id or name (5 clients)'),
    );
    const broken: Book = { ...book, clients: book.clients.map((c, i) => (i === 2 ? { ...c, birthday: "2030-01-01" } : c)) };
    const err = reviewCommand({ book: input("b.xlsx", await bookBytes(broken)), clientId: book.clients[2].clientId, out: "r.xlsx", clientFacing: false, asOf: AS_OF });
    await expect(err).rejects.toThrow(/^client C\d+ is on b\.xlsx:客户 row 4, which could not be read \(生日: .* is after 2025-06-15; a birthday cannot be in the future\)$/);
  });
});

describe("SheetNamer", () => {
  test("gives the names uniqueSheetNames gives, one at a time", () => {
    const names = ["客户一览", "客户一览", "A".repeat(40), "A".repeat(40), "a".repeat(31), "History", "x[1]"];
    const namer = new SheetNamer(["客户"]);
    expect(names.map((n) => namer.name(n))).toEqual(uniqueSheetNames(names, ["客户"]));
  });

  test("decodeBook of a demo's Clients table by header row works without Excel tables too", () => {
    const t = writeTable(generateBook({ clients: 2, asOf: AS_OF }), "clients", "zh-CN");
    const raw = { headers: t.headers, rows: t.rows, headerRow: 1 };
    expect(decodeBook({ clients: raw }).book.clients).toHaveLength(2);
  });
});

describe("build summary", () => {
  test("counts agree with their number: a one-client book builds '1 client', not '1 clients' (CLDR en plural rule, src/domain/count.ts)", async () => {
    const demo = await demoCommand({ out: "one.xlsx", lang: "en-US", clients: 1, asOf: AS_OF });
    const r = await buildCommand({ book: input("one.xlsx", demo.files[0].bytes), out: "out.xlsx", asOf: AS_OF });
    expect(r.exitCode).toBe(0);
    expect(r.summary).toMatch(/^1 client, \d+ sheets \(8 tables, \d+ output sheets\), en-US, as of 2025-06-15, in /);
  });
});
