/**
 * setupBook on the fake host: the seven tables with localized headers, drop-downs, formats and frozen headers;
 * the language in the Settings table and workbook.settings; at most 2 syncs; run again or on an existing book it
 * keeps every row and only appends missing columns.
 */
import { codeLabels } from "../../src/book/codes";
import { SETTINGS, TABLE_KEYS, TABLES } from "../../src/book/schema";
import { LANGUAGE_SETTING, setupBook } from "../../src/excel/setupBook";
import { paneCommands } from "../../src/taskpane/paneCommands";
import { CommandError } from "../../src/excel/errors";
import { LANGS, type Lang } from "../../src/domain/types";
import { sampleBook } from "../../src/sample";
import { colName } from "../../src/sheets/a1";
import { installFakeOffice, type FakeHost } from "../fake-excel";
import { AS_OF, bookSeeds, dataSnapshot, report, tableRows } from "./helpers";

let host: FakeHost;
afterEach(() => host.uninstall());

function headersOf(tableName: string): unknown[] {
  const t = host.table(tableName)!;
  return host.getValues(t.sheet, t.headerAddress!.split("!")[1])[0];
}

function columnLetter(tableName: string, header: string): string {
  return colName(headersOf(tableName).indexOf(header) + 1);
}

describe.each(LANGS)("a new book in %s", (lang: Lang) => {
  beforeEach(() => {
    host = installFakeOffice();
  });

  test("seven tables on their sheets, headers, drop-downs, formats, frozen headers, language stored — in 2 syncs", async () => {
    host.stats.reset();
    const r = await setupBook(lang);
    expect(r.syncs).toBe(2);
    expect(host.stats.syncs).toBe(2);
    if (lang === "zh-CN") report("set up (new book)", host.stats);
    expect(r.createdTables).toEqual(TABLE_KEYS.map((k) => TABLES[k].tableName));
    expect(r.addedColumns).toEqual([]);
    expect(r.language).toBe(lang);
    for (const key of TABLE_KEYS) {
      const spec = TABLES[key];
      const t = host.table(spec.tableName)!;
      expect(t.sheet).toBe(spec.sheet[lang]);
      expect(headersOf(spec.tableName)).toEqual(spec.columns.map((c) => c.headers[lang]));
      expect(host.freeze(t.sheet)).toMatchObject({ rows: 1, columns: 0 });
    }
    // Drop-down on a coded column, formats on dates and amounts, widths.
    const clients = host.table("Clients")!;
    const risk = columnLetter("Clients", TABLES.clients.columns.find((c) => c.field === "riskLevel")!.headers[lang]);
    expect(host.sheet(clients.sheet)!.validationAt(`${risk}2`)?.rule).toEqual({ list: { inCellDropDown: true, source: "C1,C2,C3,C4,C5" } });
    const holdings = host.table("Holdings")!;
    const cls = columnLetter("Holdings", TABLES.holdings.columns.find((c) => c.field === "assetClass")!.headers[lang]);
    expect(host.sheet(holdings.sheet)!.validationAt(`${cls}2`)?.rule).toEqual({ list: { inCellDropDown: true, source: codeLabels("assetClass", lang).join(",") } });
    const amount = columnLetter("Holdings", TABLES.holdings.columns.find((c) => c.field === "amount")!.headers[lang]);
    const start = columnLetter("Holdings", TABLES.holdings.columns.find((c) => c.field === "startDate")!.headers[lang]);
    expect(host.getNumberFormat(holdings.sheet, `${amount}2`)).toEqual([["#,##0.00"]]);
    expect(host.getNumberFormat(holdings.sheet, `${start}2`)).toEqual([["yyyy-mm-dd"]]);
    expect(host.sheet(holdings.sheet)!.columnWidth("D")).toBeGreaterThan(48); // product name is wide
    // The institution column takes any bank's name: no drop-down there.
    const inst = columnLetter("Holdings", TABLES.holdings.columns.find((c) => c.field === "institution")!.headers[lang]);
    expect(host.sheet(holdings.sheet)!.validationAt(`${inst}2`)).toBeNull();
    // The language, in the Settings table and in workbook.settings.
    expect(host.settings()[LANGUAGE_SETTING]).toBe(lang);
    const settingsRows = tableRows(host, "Settings");
    expect(settingsRows[0]).toEqual([SETTINGS[0].headers[lang], codeLabels("language", lang)[LANGS.indexOf(lang)]]);
    expect(settingsRows.map((r) => r[0])).toEqual(SETTINGS.map((s) => s.headers[lang]));
    const read = await paneCommands().readBook();
    expect(read.errors).toEqual([]);
    expect(read.book.settings.language).toBe(lang);
    expect(read.book.clients).toEqual([]);
  });
});

describe("an existing book", () => {
  test("set up twice: nothing created the second time, every cell of the data sheets unchanged", async () => {
    host = installFakeOffice();
    await setupBook("zh-CN");
    await paneCommands().loadSample("zh-CN", AS_OF);
    const before = dataSnapshot(host);
    host.stats.reset();
    const r = await setupBook("en-US");
    expect(r).toMatchObject({ createdTables: [], addedColumns: [], language: "zh-CN" });
    expect(host.stats.syncs).toBeLessThanOrEqual(2);
    report("set up (existing 40-client book)", host.stats);
    expect(dataSnapshot(host)).toEqual(before);
  });

  test("missing columns are appended (in the book's language) and every row is kept", async () => {
    const book = sampleBook(AS_OF, "zh-CN");
    const seeds = bookSeeds(book, "zh-CN");
    // The Clients sheet lacks 邮箱 (Email) and the Holdings sheet 备注 (Notes): drop those columns from the seeds.
    const drop = (sheet: string, header: string) => {
      const seed = seeds.find((s) => s.name === sheet)!;
      const at = (seed.rows![0] as string[]).indexOf(header);
      seed.rows = seed.rows!.map((r) => r.filter((_, i) => i !== at));
      seed.tables = [{ name: seed.tables![0].name, address: `A1:${colName(seed.rows[0].length)}${Math.max(2, seed.rows.length)}` }];
    };
    drop("客户", "邮箱");
    drop("资产", "备注");
    host = installFakeOffice({ workbook: { sheets: seeds } });
    const clientsBefore = tableRows(host, "Clients");
    const holdingsBefore = tableRows(host, "Holdings");
    host.stats.reset();
    const r = await setupBook("en-US");
    expect(host.stats.syncs).toBeLessThanOrEqual(2);
    expect(r.createdTables).toEqual([]);
    expect(r.addedColumns).toEqual(["Clients.Email", "Holdings.Notes"]);
    expect(r.language).toBe("zh-CN"); // the book's own language, from its Settings table
    expect(headersOf("Clients").slice(-1)).toEqual(["邮箱"]);
    expect(headersOf("Holdings").slice(-1)).toEqual(["备注"]);
    // Every row kept as it was, the new column blank.
    expect(tableRows(host, "Clients").map((row) => row.slice(0, -1))).toEqual(clientsBefore);
    expect(tableRows(host, "Clients").every((row) => row[row.length - 1] === "")).toBe(true);
    expect(tableRows(host, "Holdings").map((row) => row.slice(0, -1))).toEqual(holdingsBefore);
    const read = await paneCommands().readBook();
    expect(read.errors).toEqual([]);
    expect(read.book.clients).toHaveLength(book.clients.length);
    expect(read.book.clients.every((c) => c.email === undefined)).toBe(true);
  });

  test("without a Settings table, the language comes from workbook.settings, else from the headers", async () => {
    const book = sampleBook(AS_OF, "zh-TW");
    const seeds = bookSeeds(book, "zh-TW").filter((s) => s.name !== TABLES.settings.sheet["zh-TW"]);
    host = installFakeOffice({ workbook: { sheets: seeds } });
    const r = await setupBook("en-US");
    expect(r.language).toBe("zh-TW");
    expect(r.createdTables).toEqual(["Settings"]);
    expect(host.table("Settings")!.sheet).toBe("設定");
    expect(host.settings()[LANGUAGE_SETTING]).toBe("zh-TW");
    host.uninstall();

    host = installFakeOffice({ workbook: { sheets: [{ name: "Sheet1" }], settings: { [LANGUAGE_SETTING]: "en-US" } } });
    expect((await setupBook("zh-CN")).language).toBe("en-US");
    expect(headersOf("Clients")[0]).toBe("Client ID");
  });

  test("headers typed on the table's sheet without a table become the table, rows kept", async () => {
    const typed = [["客户编号", "姓名", "电话"], ["C0001", "张三", "13812345678"], ["C0002", "李四", ""]];
    host = installFakeOffice({ workbook: { sheets: [{ name: "客户", rows: typed }] } });
    const r = await setupBook("zh-CN");
    expect(r.createdTables).toContain("Clients");
    const t = host.table("Clients")!;
    expect(t.sheet).toBe("客户");
    expect(headersOf("Clients").slice(0, 3)).toEqual(["客户编号", "姓名", "电话"]);
    expect(r.addedColumns).toContain("Clients.Birthday");
    const read = await paneCommands().readBook();
    expect(read.book.clients.map((c) => [c.clientId, c.name, c.phone])).toEqual([["C0001", "张三", "13812345678"], ["C0002", "李四", undefined]]);
  });

  test("a table's sheet name taken by other content: the table goes on a new sheet, the content is left alone", async () => {
    host = installFakeOffice({ workbook: { sheets: [{ name: "客户", rows: [["我的笔记"], ["别动"]] }] } });
    await setupBook("zh-CN");
    expect(host.table("Clients")!.sheet).toBe("客户 (2)");
    expect(host.getValues("客户", "A1:A2")).toEqual([["我的笔记"], ["别动"]]);
  });

  test("a bad language is refused", async () => {
    host = installFakeOffice();
    await expect(setupBook("fr-FR" as Lang)).rejects.toBeInstanceOf(CommandError);
    expect(host.tables()).toEqual([]);
  });
});
