/**
 * Book versions and the upgrade plan (src/book/bookVersion.ts): a book of each version — version 1 (no version row,
 * as this code's previous release wrote it), older still, today's, and a newer one — made from today's sample book
 * (tests/book/versionFixtures.ts). The plan is worked out from the layout, so it lists exactly what a book lacks,
 * whichever columns were removed (a property over random subsets of the optional columns).
 */
import fc from "fast-check";
import { BOOK_SCHEMA_VERSION, newerBookMessage, planUpgrade, shapeOf, UNVERSIONED_BOOK, upgradeSummary } from "../../src/book/bookVersion";
import { writeBook } from "../../src/book/write";
import { TABLE_KEYS, TABLES, type TableKey } from "../../src/book/schema";
import { emptyBook, LANGS } from "../../src/domain/types";
import { sampleBook } from "../../src/sample";
import { addedSinceV1, newerTables, v1Tables } from "./versionFixtures";

const book = sampleBook("2025-06-30", "zh-CN");

test("today's book is current: nothing to upgrade", () => {
  for (const lang of LANGS) {
    const plan = planUpgrade(shapeOf(writeBook({ ...book, settings: { ...book.settings, language: lang } }, lang)));
    expect(plan).toEqual({ from: BOOK_SCHEMA_VERSION, to: BOOK_SCHEMA_VERSION, newer: false, tables: [], columns: [], settings: [], needed: false });
  }
});

test("a version-1 book (no SchemaVersion row) is upgraded: what the layout added since, generically", () => {
  const plan = planUpgrade(shapeOf(v1Tables(book)));
  const since = addedSinceV1();
  expect(plan.from).toBe(UNVERSIONED_BOOK);
  expect(plan.to).toBe(BOOK_SCHEMA_VERSION);
  expect(plan.newer).toBe(false);
  expect(plan.needed).toBe(true);
  expect(plan.tables).toEqual(since.tables);
  expect(plan.columns).toEqual(since.columns);
  expect(plan.settings.map((f) => f)).toContain("schemaVersion");
  expect(plan.settings).toHaveLength(since.settings.length);
});

test("a book older than version 1 also gets the columns and setting added during version 1", () => {
  const plan = planUpgrade(shapeOf(v1Tables(book, "zh-TW", { older: true })));
  expect(plan.columns).toEqual(expect.arrayContaining([{ table: "policies", key: "CriticalIllnessSum" }, { table: "reviews", key: "ProductName" }]));
  expect(plan.settings).toEqual(expect.arrayContaining(["ciIncomeYears", "schemaVersion"]));
});

test("a newer book is read only: nothing planned, newer set", () => {
  const plan = planUpgrade(shapeOf(newerTables(book, BOOK_SCHEMA_VERSION + 1)));
  expect(plan).toMatchObject({ from: BOOK_SCHEMA_VERSION + 1, newer: true, needed: false, tables: [], columns: [], settings: [] });
});

test("a workbook without any table is not a book: set-up makes it, upgrade does nothing", () => {
  expect(planUpgrade(shapeOf({}))).toMatchObject({ from: UNVERSIONED_BOOK, needed: false, tables: [] });
});

test("a missing table is created; a version row below the current one alone still needs an upgrade", () => {
  const now = writeBook(book);
  const { family: _family, ...rest } = now;
  expect(planUpgrade(shapeOf(rest))).toMatchObject({ tables: ["family"], needed: true });
  const v1 = writeBook({ ...book, settings: { ...book.settings, schemaVersion: 1 } });
  expect(planUpgrade(shapeOf(v1))).toMatchObject({ from: 1, tables: [], columns: [], settings: [], needed: true });
});

test("property: the plan lists exactly the optional columns removed, whichever they are, never a present one", () => {
  const optional = TABLE_KEYS.flatMap((t) => TABLES[t].columns.filter((c) => !c.required).map((c) => ({ table: t, key: c.key })));
  const written = writeBook(emptyBook({ language: "en-US" }), "en-US");
  fc.assert(
    fc.property(fc.subarray(optional), fc.boolean(), (removed, shuffle) => {
      const tables: Partial<Record<TableKey, { headers: string[]; rows: typeof written.settings.rows }>> = {};
      for (const key of TABLE_KEYS) {
        let headers = TABLES[key].columns.filter((c) => !removed.some((r) => r.table === key && r.key === c.key)).map((c) => c.headers["en-US"]);
        // Order does not matter: headers are matched, not counted (Settings keeps its order: its rows are given).
        if (shuffle && key !== "settings") headers = [...headers].reverse();
        tables[key] = { headers, rows: key === "settings" ? written.settings.rows : [] };
      }
      const plan = planUpgrade(shapeOf(tables));
      const sortKey = (c: { table: string; key: string }) => `${TABLE_KEYS.indexOf(c.table as TableKey)}:${String(TABLES[c.table as TableKey].columns.findIndex((x) => x.key === c.key)).padStart(3, "0")}`;
      expect(plan.columns.map(sortKey).sort()).toEqual(removed.map(sortKey).sort());
      expect(plan.needed).toBe(removed.length > 0);
    }),
    { numRuns: 200 },
  );
});

test("the summary says what changed, in three languages (checked by hand)", () => {
  const plan = { from: 1, to: 2, newer: false, tables: [] as TableKey[], columns: [{ table: "policies" as const, key: "CriticalIllnessSum" }], settings: ["schemaVersion" as const], needed: true };
  expect(upgradeSummary(plan)).toEqual({
    "zh-CN": "已将客户簿从第 1 版格式升级到第 2 版：「保单」表新增列「重疾保额」；「设置」表新增设置项「客户簿格式版本」。原有资料均未删除或移动。",
    "zh-TW": "已將客戶簿從第 1 版格式升級到第 2 版：「保單」表新增欄「重疾保額」；「設定」表新增設定項目「客戶簿格式版本」。原有資料均未刪除或移動。",
    "en-US": "Upgraded the book from format version 1 to 2: added to Policies: CI Sum Insured; added the setting Book Format Version. No data was removed or moved.",
  });
  expect(upgradeSummary({ ...plan, columns: [], settings: [] })["en-US"]).toBe("Upgraded the book from format version 1 to 2. No data was removed or moved.");
});

test("a book at this version that lacks a column added within it is completed, not upgraded from 3 to 3", () => {
  const plan = { from: 3, to: 3, newer: false, tables: [] as TableKey[], columns: [{ table: "clients" as const, key: "IncomeCurrency" }], settings: [], needed: true };
  expect(upgradeSummary(plan)).toEqual({
    "zh-CN": "已补全第 3 版格式的客户簿：「客户」表新增列「收入币种」。原有资料均未删除或移动。",
    "zh-TW": "已補齊第 3 版格式的客戶簿：「客戶」表新增欄「收入幣別」。原有資料均未刪除或移動。",
    "en-US": "Completed the book's format version 3: added to Clients: Income Currency. No data was removed or moved.",
  });
});

test("the newer-book message names both versions and says to update, in three languages", () => {
  const m = newerBookMessage(BOOK_SCHEMA_VERSION + 1);
  for (const lang of LANGS) {
    expect(m[lang]).toContain(String(BOOK_SCHEMA_VERSION + 1));
    expect(m[lang]).toContain(String(BOOK_SCHEMA_VERSION));
  }
  expect(m["en-US"]).toMatch(/Update the add-in/);
  expect(m["zh-CN"]).toMatch(/更新加载项/);
  expect(m["zh-TW"]).toMatch(/更新增益集/);
});
