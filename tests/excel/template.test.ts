/**
 * Set-up from the shipped template: a workbook with no ClientBook table or sheet receives the template's sheets
 * whole (insertWorksheetsFromBase64, ExcelApi 1.13) in set-up's two syncs; everywhere else, and whenever the
 * template cannot be loaded or inserted, the tables are made one by one — the book is the same either way.
 */
import { templateWorkbook } from "../../src/cli/commands/template";
import { paneCommands } from "../../src/taskpane/paneCommands";
import { LANGUAGE_SETTING } from "../../src/excel/setupBook";
import { TABLE_KEYS, TABLES } from "../../src/book/schema";
import { LANGS, type Lang } from "../../src/domain/types";
import { sampleBook } from "../../src/sample";
import { installFakeOffice, knownFilesDecoder, type FakeHost, type SheetSeed } from "../fake-excel";
import { AS_OF } from "./helpers";
import { sheetSeedsOf } from "./xlsxSeeds";

const commands = paneCommands();
const base64 = new Map<Lang, string>();
const seeds = new Map<string, SheetSeed[]>();
let host: FakeHost;

beforeAll(async () => {
  for (const lang of LANGS) {
    const { bytes } = await templateWorkbook(lang);
    const b64 = Buffer.from(bytes).toString("base64");
    base64.set(lang, b64);
    seeds.set(b64, await sheetSeedsOf(bytes));
  }
});
afterEach(() => host.uninstall());

function loader(calls: Lang[] = []) {
  return async (lang: Lang) => {
    calls.push(lang);
    return base64.get(lang)!;
  };
}

function install(opts: Parameters<typeof installFakeOffice>[0] = {}): FakeHost {
  host = installFakeOffice(opts);
  host.setXlsxDecoder(knownFilesDecoder(seeds));
  return host;
}

const tableNames = () => host.tables().map((t) => t.name).sort();
const allNames = TABLE_KEYS.map((k) => TABLES[k].tableName).sort();

describe("set-up inserts the shipped template into a blank workbook", () => {
  test.each(LANGS)("%s: two syncs, seven tables with that language's headers, the language recorded", async (lang) => {
    install();
    const calls: Lang[] = [];
    const r = await commands.setupBook(lang, { template: loader(calls) });
    expect(calls).toEqual([lang]);
    expect(r).toMatchObject({ fromTemplate: true, language: lang, addedColumns: [], syncs: 2 });
    expect(r.createdTables.sort()).toEqual(allNames);
    expect(host.stats.syncs).toBe(2);
    expect(tableNames()).toEqual(allNames);
    expect(host.sheetNames()).toEqual(["Sheet1", ...TABLE_KEYS.map((k) => TABLES[k].sheet[lang])]);
    expect(host.settings()[LANGUAGE_SETTING]).toBe(lang);
    const clients = host.table(TABLES.clients.tableName)!;
    expect(host.getValues(clients.sheet, clients.address)[0]).toEqual(TABLES.clients.columns.map((c) => c.headers[lang]));

    // The book reads back complete and empty; set-up again has nothing to do; the sample loads into it.
    const read = await commands.readBook(AS_OF);
    expect(read).toMatchObject({ hasBook: true, errors: [] });
    expect(read.book.clients).toEqual([]);
    expect(read.book.settings.language).toBe(lang);
    const again = await commands.setupBook(lang, { template: loader(calls) });
    expect(again).toMatchObject({ createdTables: [], addedColumns: [] });
    expect(again.fromTemplate).toBeUndefined();
    expect(calls).toHaveLength(1);
    await commands.loadSample(lang, AS_OF);
    expect((await commands.readBook(AS_OF)).book).toEqual(sampleBook(AS_OF, lang));
  });

  test("a book's recorded language wins over the one asked for: its template is the one inserted", async () => {
    install({ workbook: { sheets: [{ name: "Sheet1" }], settings: { [LANGUAGE_SETTING]: "zh-TW" } } });
    const calls: Lang[] = [];
    const r = await commands.setupBook("en-US", { template: loader(calls) });
    expect(calls).toEqual(["zh-TW"]);
    expect(r).toMatchObject({ fromTemplate: true, language: "zh-TW" });
  });
});

describe("set-up makes the tables itself", () => {
  async function expectPlainSetup(r: Awaited<ReturnType<typeof commands.setupBook>>, lang: Lang) {
    expect(r.fromTemplate).toBeUndefined();
    expect(tableNames()).toEqual(allNames);
    const read = await commands.readBook(AS_OF);
    expect(read).toMatchObject({ hasBook: true, errors: [] });
    expect(read.book.settings.language).toBe(lang);
    // one sheet per table: nothing inserted twice
    expect(host.sheetNames().filter((n) => n.startsWith(TABLES.clients.sheet[lang]))).toEqual([TABLES.clients.sheet[lang]]);
  }

  test("where Excel cannot insert worksheets (below ExcelApi 1.13): the template is not even loaded", async () => {
    install({ supported: { ExcelApi: "1.12" } });
    const calls: Lang[] = [];
    const r = await commands.setupBook("zh-CN", { template: loader(calls) });
    expect(calls).toEqual([]);
    expect(r.syncs).toBe(2);
    await expectPlainSetup(r, "zh-CN");
  });

  test("when a sheet of the book already exists (客户 holding other things), nothing is inserted", async () => {
    install({ workbook: { sheets: [{ name: "客户", rows: [["我的备忘"]] }] } });
    const calls: Lang[] = [];
    const r = await commands.setupBook("zh-CN", { template: loader(calls) });
    expect(calls).toEqual([]);
    expect(host.getValues("客户", "A1")).toEqual([["我的备忘"]]);
    expect(r.fromTemplate).toBeUndefined();
    expect(tableNames()).toEqual(allNames);
  });

  test("when the template cannot be loaded", async () => {
    install();
    const r = await commands.setupBook("zh-CN", { template: () => Promise.reject(new Error("404")) });
    expect(r.syncs).toBe(2);
    await expectPlainSetup(r, "zh-CN");
  });

  test("when Excel refuses the file", async () => {
    install();
    host.setXlsxDecoder(() => {
      throw new Error("the file is corrupt");
    });
    const r = await commands.setupBook("zh-CN", { template: loader() });
    expect(r.syncs).toBe(4);
    await expectPlainSetup(r, "zh-CN");
  });

  test("when the host drops a table of the template, set-up adds it on the way", async () => {
    install();
    host.setXlsxDecoder((b64) =>
      seeds.get(b64)!.map((s) => ({ ...s, tables: s.tables?.filter((t) => t.name !== TABLES.policies.tableName) })),
    );
    const r = await commands.setupBook("zh-CN", { template: loader() });
    expect(r.syncs).toBe(4);
    expect(r.createdTables).toEqual([TABLES.policies.tableName]);
    await expectPlainSetup(r, "zh-CN");
  });
});
