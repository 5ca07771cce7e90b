/**
 * ClientBook's sheet markers (hidden workbook-scoped defined names, src/sheets/marker.ts) survive a save in
 * LibreOffice: a built book opened and saved as .xlsx by LibreOffice still tells which sheets ClientBook made, and
 * `clientbook build` of that file keeps the manager's own sheet and replaces only its own (no "(2)" doubles).
 * Skipped with a message when LibreOffice is not installed, except in CI (CI=true), where it is required.
 */
import { TABLE_KEYS } from "../../src/book/schema";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildCommand } from "../../src/cli/commands/build";
import { generateBook } from "../../src/sample";
import { addBookTables } from "../../src/xlsx/bookFile";
import { finishWorkbook, newWorkbook } from "../../src/xlsx";
import { sheetsMadeByClientBook } from "../../src/xlsx/markers";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { findSoffice, recalcToXlsx } from "./libreoffice";

const SOFFICE = findSoffice();
const AS_OF = "2025-06-15";
const run = SOFFICE || process.env.CI === "true" ? test : test.skip;
if (!SOFFICE) console.warn("SKIPPED markers.libreoffice: soffice was not found (apt-get install libreoffice-calc-nogui).");

run("markers written by the file renderer survive LibreOffice's save; a rebuild of that file doubles nothing", async () => {
  const book = generateBook({ clients: 3, asOf: AS_OF, lang: "zh-CN" });
  const f = await newWorkbook();
  addBookTables(f, book, "zh-CN");
  expect(f.NewSheet("我的笔记").error).toBeNull();
  expect(f.SetCellValue("我的笔记", "A1", "自己的").error).toBeNull();
  const built = await buildCommand({ book: { name: "b.xlsx", bytes: await finishWorkbook(f) }, out: "o.xlsx", asOf: AS_OF });
  const outputs = (await readWorkbookTables(built.files[0].bytes)).sheets.filter((s) => s !== "我的笔记").slice(TABLE_KEYS.length);

  const dir = mkdtempSync(path.join(tmpdir(), "clientbook-markers-"));
  try {
    const file = path.join(dir, "built.xlsx");
    writeFileSync(file, built.files[0].bytes);
    const saved = new Uint8Array(readFileSync(await recalcToXlsx(file, path.join(dir, "lo"))));
    const ids = book.clients.map((c) => c.clientId);
    const made = await sheetsMadeByClientBook(saved, ids);
    expect([...made.made].sort()).toEqual([...outputs].sort());
    expect(made.sheets).toContain("我的笔记");

    const again = await buildCommand({ book: { name: "lo.xlsx", bytes: saved }, out: "again.xlsx", asOf: AS_OF });
    const sheets = (await readWorkbookTables(again.files[0].bytes)).sheets;
    expect(sheets.filter((s) => / \(\d+\)$/.test(s))).toEqual([]);
    expect(sheets.slice(TABLE_KEYS.length)).toEqual(["我的笔记", ...outputs]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
