/**
 * The file path of versions (src/book/bookVersion.ts upgradeRawTables, `clientbook build`): a book written by the
 * previous release (version 1, made in the test from today's sample: tests/book/versionFixtures.ts) comes out of
 * `build` in the current format — the columns and settings added since appended, its version raised, every row of
 * every table kept, the summary saying what changed; a book written by a newer ClientBook is refused with exit 2 and
 * nothing written. And `clientbook template --out FILE.xltx` writes an Excel template (ECMA-376 Part 1 §12.3.23:
 * the workbook part's content type is spreadsheetml.template.main+xml).
 */
import { BOOK_SCHEMA_VERSION, upgradeRawTables } from "../../src/book/bookVersion";
import { decodeBook } from "../../src/book/codec";
import { matchHeaders } from "../../src/book/headers";
import { TABLE_KEYS, type TableKey } from "../../src/book/schema";
import { readBookFile } from "../../src/cli/bookInput";
import { buildCommand } from "../../src/cli/commands/build";
import { templateCommand } from "../../src/cli/commands/template";
import { writeWorkbook } from "../../src/cli/output";
import { runCli } from "../../src/cli/run";
import { UsageError } from "../../src/cli/usage";
import { LANGS, type Lang } from "../../src/domain/types";
import { generateBook } from "../../src/sample";
import { TEMPLATE_CONTENT_TYPE, WORKBOOK_CONTENT_TYPE } from "../../src/xlsx/asTemplate";
import { bookTables } from "../../src/xlsx/bookFile";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { addedSinceV1, newerTables, v1Tables, type BookTables } from "../book/versionFixtures";
import { memoryIo, partTexts } from "./helpers";

const AS_OF = "2025-06-30";

/** An .xlsx file holding exactly these tables (as a book of that version was saved). */
async function fileOf(tables: BookTables, lang: Lang): Promise<Uint8Array> {
  const book = generateBook({ clients: 1, asOf: AS_OF });
  const all = bookTables(book, lang, tables as Partial<Record<TableKey, { headers: string[]; rows: (string | number | boolean | null)[][] }>>);
  const keep = new Set(Object.keys(tables));
  const written = await writeWorkbook({ tables: all.filter((_, i) => keep.has(TABLE_KEYS[i])), title: "ClientBook" });
  return written.bytes;
}

describe.each(LANGS)("a version-1 book through clientbook build (%s)", (lang) => {
  const book = generateBook({ clients: 8, asOf: AS_OF, lang });
  let input: Awaited<ReturnType<typeof readBookFile>>;
  let output: Awaited<ReturnType<typeof readBookFile>>;
  let summary: string;

  beforeAll(async () => {
    const bytes = await fileOf(v1Tables(book, lang), lang);
    input = await readBookFile(bytes, "old.xlsx", { asOf: AS_OF });
    const result = await buildCommand({ book: { name: "old.xlsx", bytes }, out: "new.xlsx", asOf: AS_OF });
    summary = result.summary ?? "";
    output = await readBookFile(result.files[0].bytes, "new.xlsx", { asOf: AS_OF });
  });

  test("the input reads as version 1; the output as the current version, with nothing left to add", () => {
    expect(input.book.settings.schemaVersion).toBe(1);
    expect(output.book.settings.schemaVersion).toBe(BOOK_SCHEMA_VERSION);
    expect(upgradeRawTables(output.tables, lang).plan.needed).toBe(false);
  });

  test("every column and setting added since version 1 is there; every row of every table kept, cell for cell", () => {
    const since = addedSinceV1();
    for (const { table, key } of since.columns) {
      expect({ table, key, found: matchHeaders(table, output.tables[table]!.headers).columns.some((c) => c?.key === key) }).toEqual({ table, key, found: true });
    }
    for (const key of TABLE_KEYS) {
      const before = input.tables[key];
      if (!before) continue;
      const after = output.tables[key]!;
      expect(after.headers.slice(0, before.headers.length)).toEqual(before.headers);
      expect(after.rows.slice(0, before.rows.length).map((r) => r.slice(0, before.headers.length))).toEqual(before.rows.map((r) => r.slice(0, before.headers.length)));
      if (key !== "settings") expect(after.rows).toHaveLength(before.rows.length);
    }
    const { settings: s0, ...records0 } = input.book;
    const { settings: s1, ...records1 } = output.book;
    expect(records1).toEqual(records0);
    expect(s1).toEqual({ ...s0, schemaVersion: BOOK_SCHEMA_VERSION });
    expect(output.errors).toEqual(input.errors);
  });

  test("the summary says what changed", () => {
    expect(summary).toMatch(new RegExp(`Upgraded the book from format version 1 to ${BOOK_SCHEMA_VERSION}: .*added the setting.*Book Format Version`));
  });
});

test("a book older than version 1 gets the CI sum, the reviews' product name and CiIncomeYears (their default) too", async () => {
  const book = generateBook({ clients: 5, asOf: AS_OF, lang: "zh-TW" });
  const bytes = await fileOf(v1Tables(book, "zh-TW", { older: true }), "zh-TW");
  const result = await buildCommand({ book: { name: "older.xlsx", bytes }, out: "new.xlsx", asOf: AS_OF });
  const out = await readBookFile(result.files[0].bytes, "new.xlsx", { asOf: AS_OF });
  expect(matchHeaders("policies", out.tables.policies!.headers).missing.map((c) => c.key)).not.toContain("CriticalIllnessSum");
  expect(out.tables.policies!.headers).toContain("重疾保額");
  expect(out.tables.reviews!.headers.slice(-3)).toEqual(["產品名稱", "幣別", "匯率"]); // appended in schema order
  expect(out.book.settings.ciIncomeYears).toBe(5);
  expect(out.book.policies).toHaveLength(book.policies.length);
});

test("upgradeRawTables puts a new column after the widest row, so cells beyond the header row stay where they were", () => {
  const t = { headers: ["ClientId", "Name"], rows: [["C1", "A", "stray"], ["C2", "B"]], headerRow: 1 };
  const { tables } = upgradeRawTables({ clients: t, settings: { headers: ["Key", "Value"], rows: [["Language", "English"]], headerRow: 1 } }, "en-US");
  expect(tables.clients!.headers.slice(0, 4)).toEqual(["ClientId", "Name", null, "Gender"]);
  expect(tables.clients!.rows[0].slice(0, 3)).toEqual(["C1", "A", "stray"]);
  expect(tables.clients!.rows[1].slice(0, 4)).toEqual(["C2", "B", null, null]);
  // the version row is appended, with the current version; the language kept
  const settings = decodeBook({ settings: tables.settings! }).book.settings;
  expect(settings).toMatchObject({ language: "en-US", schemaVersion: BOOK_SCHEMA_VERSION });
});

describe("a book written by a newer ClientBook", () => {
  const book = generateBook({ clients: 3, asOf: AS_OF });
  test("build refuses it (exit 2, nothing written) and says to update; review still reads it", async () => {
    const bytes = await fileOf(newerTables(book, BOOK_SCHEMA_VERSION + 1, "zh-CN"), "zh-CN");
    await expect(buildCommand({ book: { name: "newer.xlsx", bytes }, out: "o.xlsx", asOf: AS_OF })).rejects.toThrow(UsageError);
    const io = memoryIo({ "newer.xlsx": bytes });
    expect(await runCli(["build", "newer.xlsx", "--out", "o.xlsx"], io)).toBe(2);
    expect(io.err).toContain(`format version ${BOOK_SCHEMA_VERSION + 1}`);
    expect(io.err).toContain("Update the add-in");
    expect(io.files.has("o.xlsx")).toBe(false);
    // review only reads the book (its output is one client's sheet): it runs; the setting this version does not know
    // is reported like any unknown setting (exit 1), every other row read.
    expect(await runCli(["review", "newer.xlsx", "--client", book.clients[0].clientId, "--out", "r.xlsx"], io)).toBe(1);
    expect(io.files.has("r.xlsx")).toBe(true);
    expect(io.err).toMatch(/FutureSetting/);
  });
});

describe("clientbook template --out FILE.xltx", () => {
  test("writes an Excel template: the workbook part has a template's content type, the tables are the .xlsx's", async () => {
    const xltx = await templateCommand({ out: "t.xltx", lang: "zh-CN" });
    const xlsx = await templateCommand({ out: "t.xlsx", lang: "zh-CN" });
    const types = (await partTexts(xltx.files[0].bytes)).get("[Content_Types].xml")!;
    expect(types).toContain(`PartName="/xl/workbook.xml" ContentType="${TEMPLATE_CONTENT_TYPE}"`);
    expect(types).not.toContain(WORKBOOK_CONTENT_TYPE);
    expect((await partTexts(xlsx.files[0].bytes)).get("[Content_Types].xml")).toContain(WORKBOOK_CONTENT_TYPE);
    const a = await readWorkbookTables(xltx.files[0].bytes);
    const b = await readWorkbookTables(xlsx.files[0].bytes);
    expect(a.tables.map((t) => [t.tableName, t.table.headers])).toEqual(b.tables.map((t) => [t.tableName, t.table.headers]));
    expect(xltx.summary).toMatch(/Excel template \(\.xltx\)/);
  });

  test("the command line takes .xltx for template only", async () => {
    const io = memoryIo();
    expect(await runCli(["template", "--out", "branch.xltx", "--lang", "zh-TW"], io)).toBe(0);
    expect(io.files.has("branch.xltx")).toBe(true);
    expect(await runCli(["demo", "--out", "demo.xltx"], io)).toBe(2);
    expect(io.err).toMatch(/--out must name an \.xlsx file/);
  });
});
