/**
 * The demo workbook (`clientbook demo`, 40 clients) opened by a third party: LibreOffice loads it headless,
 * recalculates every formula, re-saves it as .xlsx and prints it to PDF. Checked: no error value in any cell of any
 * output sheet; every recalculated formula equals the value we cached (totals, shares, changes — within 0.005); a
 * cached value we tamper with is corrected, so the recalculation really happened; every review sheet keeps its pie
 * and column chart through LibreOffice's re-save; the PDF prints the reviews with their Chinese text. The first
 * review's pages are kept as PNGs in test-artifacts/interop/ to look at.
 *
 * Skipped with a message when soffice is missing, except in CI (CI=true), where it is required.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sheetName, TABLE_KEYS } from "../../src/book/schema";
import { demoCommand } from "../../src/cli/commands/demo";
import { outputSheets } from "../../src/cli/output";
import { SheetNamer } from "../../src/sheets/names";
import { generateBook, SAMPLE_SEED } from "../../src/sample";
import { isFormula } from "../../src/sheets/spec";
import type { SheetSpec } from "../../src/sheets/spec";
import { cellName, parseCell } from "../../src/xlsx/a1";
import { sheetPartPaths } from "../../src/xlsx/parts";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { entryText, makeEntry, readZip, writeZip } from "../../src/xlsx/zip";
import { readPng } from "../tooling/png";
import { sheetCharts } from "../cli/helpers";
import { convert, findPdftoppm, findSoffice, pdfPageCount, pdfPageToPng, recalcToXlsx } from "./libreoffice";

const SOFFICE = findSoffice();
const REQUIRED = process.env.CI === "true";
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/interop");
const AS_OF = "2025-06-15";
const CLIENTS = 40;
const ERROR_VALUE = /^(#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)|Err:\d+)/;

if (!SOFFICE && !REQUIRED) {
  console.warn(
    "SKIPPED the demo workbook's LibreOffice interop test: soffice was not found. Install LibreOffice to run it " +
      "(Debian: apt-get install libreoffice-calc-nogui fonts-noto-cjk poppler-utils); it is required when CI=true.",
  );
}

test("LibreOffice is there when the demo interop test is required (CI)", () => {
  if (REQUIRED) expect(SOFFICE).toBeDefined();
});

const describeLO = SOFFICE ? describe : describe.skip;

describeLO("the 40-client demo in LibreOffice", () => {
  let work: string;
  let original: Uint8Array;
  let resaved: Uint8Array;
  let pdf: string;
  let specs: SheetSpec[];
  let tampered: { sheet: string; cell: string; truth: number };

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "clientbook-demo-lo-"));
    const demo = await demoCommand({ out: "demo.xlsx", lang: "zh-CN", clients: CLIENTS, asOf: AS_OF });
    original = demo.files[0].bytes;

    // the output sheets as the demo built them, with the names it gave them
    const book = generateBook({ clients: CLIENTS, seed: SAMPLE_SEED, asOf: AS_OF, lang: "zh-CN" });
    const namer = new SheetNamer(TABLE_KEYS.map((k) => sheetName(k, "zh-CN")));
    specs = [...outputSheets(book, { asOf: AS_OF, lang: "zh-CN" }).specs(namer)];

    // Tamper with one cached total (profile list): only a real recalculation gives the true value back.
    const profile = specs[0];
    const r = profile.cells.findIndex((row) => row.some((v) => isFormula(v) && typeof v.cached === "number" && v.cached > 0));
    const c = profile.cells[r].findIndex((v) => isFormula(v) && typeof v.cached === "number" && v.cached > 0);
    const truth = (profile.cells[r][c] as { cached: number }).cached;
    const cell = cellName(c + 1, r + 1);
    tampered = { sheet: profile.name, cell, truth };
    const entries = readZip(original);
    const part = (await sheetPartPaths(entries)).get(profile.name)!;
    const patched = await Promise.all(
      entries.map(async (e) => {
        if (e.name !== part) return e;
        const xml = await entryText(e);
        const re = new RegExp(`(<c r="${cell}"[^>]*>(?:<f>[^<]*</f>)<v>)([^<]*)(</v>)`);
        if (!re.test(xml)) throw new Error(`no cached formula value at ${cell} to tamper with`);
        return makeEntry(e.name, new TextEncoder().encode(xml.replace(re, (_m, a: string, _v: string, b: string) => `${a}${truth + 12345}${b}`)), e);
      }),
    );
    const file = path.join(work, "clientbook-demo.xlsx");
    writeFileSync(file, writeZip(patched));
    const [xlsx, pdfPath] = await Promise.all([
      recalcToXlsx(file, path.join(work, "recalc"), { timeoutMs: 280_000 }),
      convert(file, "pdf", path.join(work, "pdf"), { timeoutMs: 280_000 }),
    ]);
    resaved = new Uint8Array(readFileSync(xlsx));
    pdf = pdfPath;
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("LibreOffice keeps every sheet, in order", async () => {
    const [a, b] = await Promise.all([readWorkbookTables(original), readWorkbookTables(resaved)]);
    expect(b.sheets).toEqual(a.sheets);
    expect(a.sheets.slice(TABLE_KEYS.length)).toEqual(specs.map((s) => s.name));
    expect(specs.filter((s) => s.kind === "review")).toHaveLength(CLIENTS);
  });

  test("no error value (#VALUE!, #REF!, #NAME?, #DIV/0!, Err:…) in any cell of any sheet after recalculation", async () => {
    const { grids } = await readWorkbookTables(resaved);
    const bad: string[] = [];
    for (const [sheet, grid] of grids) {
      grid.forEach((row, r) => row.forEach((v, c) => typeof v === "string" && ERROR_VALUE.test(v) && bad.push(`${sheet}!R${r + 1}C${c + 1}: ${v}`)));
    }
    // and no cell typed as an error in the parts themselves
    for (const e of readZip(resaved).filter((x) => x.name.startsWith("xl/worksheets/"))) {
      if (/<c\b[^>]*\st="e"/.test(await entryText(e))) bad.push(`${e.name} has error-typed cells`);
    }
    expect(bad).toEqual([]);
  });

  test("every recalculated formula equals our cached value (totals, shares, changes within 0.005)", async () => {
    const { grids } = await readWorkbookTables(resaved);
    const mismatches: string[] = [];
    let compared = 0;
    for (const spec of specs) {
      const grid = grids.get(spec.name)!;
      spec.cells.forEach((row, r) =>
        row.forEach((v, c) => {
          if (!isFormula(v) || v.cached === undefined) return;
          const got = grid[r]?.[c] ?? null;
          const want = v.cached;
          const where = `${spec.name}!${cellName(c + 1, r + 1)} ${v.f}`;
          compared++;
          if (typeof want === "number") {
            if (typeof got !== "number" || Math.abs(got - want) > 0.005) mismatches.push(`${where}: LibreOffice ${JSON.stringify(got)}, ours ${want}`);
          } else if (typeof want === "string") {
            if ((got ?? "") !== want) mismatches.push(`${where}: LibreOffice ${JSON.stringify(got)}, ours ${JSON.stringify(want)}`);
          } else if (got !== want) mismatches.push(`${where}: LibreOffice ${JSON.stringify(got)}, ours ${want}`);
        }),
      );
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(CLIENTS * 10); // every review has totals, shares and changes
    console.log(`${compared} recalculated formula cells compared with ours`);
  });

  test("the recalculation really happened: a tampered cached total comes back right", async () => {
    const { grids } = await readWorkbookTables(resaved);
    const at = parseCell(tampered.cell)!;
    expect(grids.get(tampered.sheet)![at.row - 1][at.col - 1]).toBeCloseTo(tampered.truth, 6);
  });

  test("every review sheet has a pie and a column chart, in our file and after LibreOffice re-saved it", async () => {
    const [ours, theirs] = await Promise.all([sheetCharts(original), sheetCharts(resaved)]);
    for (const spec of specs.filter((s) => s.kind === "review")) {
      expect([spec.name, [...ours.get(spec.name)!].sort()]).toEqual([spec.name, ["column", "pie"]]);
      expect([spec.name, [...theirs.get(spec.name)!].sort()]).toEqual([spec.name, ["column", "pie"]]);
    }
  });

  test("the PDF prints: a review page with its Chinese title; the first review's pages kept as PNGs", () => {
    const bytes = new Uint8Array(readFileSync(pdf));
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const pages = pdfPageCount(bytes);
    expect(pages).toBeGreaterThan(CLIENTS);
    const first = specs.find((s) => s.kind === "review")!;
    const title = String(first.cells[0][0]); // 资产检视 — <name>
    let page = 0;
    const text = spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (text.status === 0) {
      const pageTexts = text.stdout.split("\f");
      page = pageTexts.findIndex((t) => t.includes(title)) + 1;
      expect(page).toBeGreaterThan(0);
      expect(pageTexts[page - 1]).toContain("资产配置");
    } else {
      console.warn("pdftotext (poppler-utils) not found: the PDF's text was not checked");
    }
    if (!findPdftoppm()) {
      console.warn("pdftoppm (poppler-utils) not found: no PNG of the review page was kept");
      return;
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [i, p] of [page || 1, (page || 1) + 1].entries()) {
      const png = pdfPageToPng(pdf, path.join(ARTIFACTS, `demo-review-page${i + 1}.png`), p, 100);
      const info = readPng(readFileSync(png), png);
      expect(info.width).toBeGreaterThan(600);
      expect(readFileSync(png).length).toBeGreaterThan(20_000);
    }
  });
});
