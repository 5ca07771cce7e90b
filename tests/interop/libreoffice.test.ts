/**
 * LibreOffice opens a file we rendered, recalculates it, and must get our numbers; it must see our charts; it
 * must print it (PDF, with the Chinese text), and one page is kept as a PNG in test-artifacts/ to look at.
 * Skipped with a message when LibreOffice is not installed, except in CI (CI=true), where it is required.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CellValue, SheetSpec } from "../../src/sheets/spec";
import { openBytes } from "../../src/xlsx/excelize";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { renderSpecs } from "../../src/xlsx/renderSpec";
import { entryText, readZip } from "../../src/xlsx/zip";
import { convert, findPdftoppm, findSoffice, pdfPageCount, pdfPageToPng, recalcToXlsx } from "./libreoffice";

const SOFFICE = findSoffice();
const REQUIRED = process.env.CI === "true";
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/interop");
const SHEET = "资产检视-张伟";

if (!SOFFICE && !REQUIRED) {
  console.warn(
    "SKIPPED LibreOffice interop tests: soffice was not found on PATH or in /usr/bin. " +
      "Install it to run them (Debian: apt-get install libreoffice-calc-nogui fonts-noto-cjk poppler-utils). " +
      "They are required when CI=true.",
  );
}

test("LibreOffice is available where the interop tests are required", () => {
  if (REQUIRED) expect(SOFFICE).toBeDefined();
});

// --- the data, and what the sums must come to -----------------------------------------------------------------
const HOLDINGS: [string, string, string, number][] = [
  ["存款", "定期存款三年", "本行", 120000],
  ["理财", "稳盈 90 天", "本行", 80000],
  ["基金", "沪深300指数", "招商银行", 30000.5],
  ["存款", "活期", "他行", 15000],
  ["保险", "终身寿险", "本行", 50000],
  ["基金", "债券基金 A", "本行", 4999.5],
];
const CLASSES = ["存款", "理财", "基金", "保险", "股票"];
const TREND: [number, number][] = [
  [45292, 250000], // 2024-01-01
  [45383, 262500.25],
  [45474, 281000],
  [45566, 300000],
];
const sumOf = (cls: string) => HOLDINGS.filter((h) => h[0] === cls).reduce((s, h) => s + h[3], 0);
const TOTAL = HOLDINGS.reduce((s, h) => s + h[3], 0);
const THIS_BANK = HOLDINGS.filter((h) => h[2] === "本行").reduce((s, h) => s + h[3], 0);

/** A review sheet: holdings, a SUMIFS summary with shares, a trend, a pie and a column chart. */
function reviewSpec(): SheetSpec {
  const cells: CellValue[][] = [["张伟 资产检视 — 2024 年第四季度"], [], ["资产类别", "产品", "机构", "金额", null, null, "类别", "金额", "占比", "两倍合计", "检视日期", "总资产"]];
  const rows = Math.max(HOLDINGS.length, CLASSES.length + 1, TREND.length);
  for (let i = 0; i < rows; i++) {
    const r = 4 + i;
    const row: CellValue[] = HOLDINGS[i] ? [...HOLDINGS[i]] : [null, null, null, null];
    row.push(null, null);
    if (i < CLASSES.length) {
      const cls = CLASSES[i];
      row.push(cls, { f: `=SUMIFS($D$4:$D$9,$A$4:$A$9,G${r})`, cached: sumOf(cls) }, { f: `=H${r}/$H$9`, cached: sumOf(cls) / TOTAL });
    } else if (i === CLASSES.length) {
      row.push("合计", { f: "=SUM(H4:H8)", cached: TOTAL }, { f: "=SUM(I4:I8)", cached: 1 });
    } else {
      row.push(null, null, null);
    }
    // a deliberately stale cached value: only a real recalculation gives 2 × total
    row.push(i === 0 ? { f: "=H9*2", cached: 0 } : null);
    row.push(...(TREND[i] ? TREND[i] : [null, null]));
    cells.push(row);
  }
  cells.push([], ["本行合计", { f: '=SUMIFS(D4:D9,C4:C9,"本行")', cached: THIS_BANK }]);
  return {
    name: SHEET,
    kind: "review",
    cells,
    columnWidths: [10, 16, 10, 12, 2, 2, 10, 12, 8, 12, 12, 12],
    formats: [
      { range: "A1", style: { bold: true, fontSize: 14 } },
      { range: "A3:L3", style: { bold: true, fill: "#DDEBF7", border: true } },
      { range: "B11", numberFormat: "#,##0.00" },
      { range: "D4:D9", numberFormat: "#,##0.00" },
      { range: "H4:H9", numberFormat: "#,##0" },
      { range: "I4:I9", numberFormat: "0.0%" },
      { range: "K4:K7", numberFormat: "yyyy-mm-dd" },
      { range: "L4:L7", numberFormat: "#,##0" },
      { range: "G9:I9", style: { bold: true } },
    ],
    merges: ["A1:D1"],
    freeze: { rows: 3, columns: 0 },
    notes: [{ cell: "B4", text: "三年期，2026 年到期" }],
    conditionalFormats: [{ range: "I4:I8", formula: "=I4>0.4", style: { fill: "#FFC7CE", color: "#9C0006" } }],
    charts: [
      { name: "allocation", type: "pie", title: "资产配置", categories: "G4:G8", values: "H4:H8", seriesName: "金额", anchor: "A13", width: 320, height: 220 },
      { name: "trend", type: "column", title: "总资产走势", categories: "K4:K7", values: "L4:L7", seriesName: "总资产", anchor: "H13", width: 320, height: 220 },
    ],
    page: { orientation: "landscape", fitToWidth: true },
  };
}

const describeLO = SOFFICE ? describe : describe.skip;

describeLO("LibreOffice opens, recalculates and prints a rendered review", () => {
  let work: string;
  let source: string;
  let recalculated: Uint8Array;
  let pdf: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "clientbook-interop-"));
    source = path.join(work, "review.xlsx");
    writeFileSync(source, await renderSpecs([reviewSpec(), { name: "联络日历", kind: "calendar", cells: [["客户", "2024-10-08"], ["张伟", "T"]], notes: [{ cell: "B2", text: "电话：讨论到期再投资" }] }]));
    // the two conversions are independent: run them side by side
    const [xlsx, pdfPath] = await Promise.all([recalcToXlsx(source, path.join(work, "recalc")), convert(source, "pdf", path.join(work, "pdf"))]);
    recalculated = new Uint8Array(readFileSync(xlsx));
    pdf = pdfPath;
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("recalculated totals and shares equal ours (read back with excelize)", async () => {
    const f = await openBytes(recalculated);
    expect(f.GetSheetList().list).toEqual([SHEET, "联络日历"]);
    const num = (cell: string) => Number(f.GetCellValue(SHEET, cell, { RawCellValue: true }).value);
    CLASSES.forEach((cls, i) => {
      expect(f.GetCellValue(SHEET, `G${4 + i}`).value).toBe(cls);
      expect(num(`H${4 + i}`)).toBeCloseTo(sumOf(cls), 6);
      expect(num(`I${4 + i}`)).toBeCloseTo(sumOf(cls) / TOTAL, 10);
    });
    expect(num("H9")).toBeCloseTo(TOTAL, 6);
    expect(num("I9")).toBeCloseTo(1, 10);
    expect(num("B11")).toBeCloseTo(THIS_BANK, 6);
    // the stale cached 0 was recalculated
    expect(num("J4")).toBeCloseTo(2 * TOTAL, 6);
    expect(f.GetCellFormula(SHEET, "H4").formula).toMatch(/^=?SUMIFS\(/i);
  });

  test("no cell holds an error value; text, dates and numbers keep their types", async () => {
    const { grids } = await readWorkbookTables(recalculated);
    const grid = grids.get(SHEET)!;
    const errors = grid.flatMap((row, r) => row.map((v, c) => ({ v, at: `R${r + 1}C${c + 1}` }))).filter(({ v }) => typeof v === "string" && /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)/.test(v));
    expect(errors).toEqual([]);
    expect(grid[3][1]).toBe("定期存款三年");
    expect(grid[3][10]).toBe(45292);
    expect(grid[0][0]).toBe("张伟 资产检视 — 2024 年第四季度");
  });

  test("LibreOffice sees both charts with our data ranges", async () => {
    const charts = await Promise.all(readZip(recalculated).filter((e) => /^xl\/charts\/chart\d+\.xml$/.test(e.name)).map((e) => entryText(e)));
    const pie = charts.find((c) => /<(\w+:)?pieChart>/.test(c));
    const bar = charts.find((c) => /<(\w+:)?barChart>/.test(c));
    expect(pie).toBeDefined();
    expect(bar).toBeDefined();
    expect(bar).toMatch(/<(\w+:)?barDir val="col"\/?>/);
    expect(pie).toContain("$G$4:$G$8");
    expect(pie).toContain("$H$4:$H$8");
    expect(bar).toContain("$K$4:$K$7");
    expect(bar).toContain("$L$4:$L$7");
  });

  test("the PDF has the Chinese text and the recalculated total; page 1 is kept as a PNG", async () => {
    const bytes = new Uint8Array(readFileSync(pdf));
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(pdfPageCount(bytes)).toBeGreaterThanOrEqual(2); // one page per sheet at least
    const pdftotext = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    if (pdftotext.status === 0) {
      expect(pdftotext.stdout).toContain("资产检视");
      expect(pdftotext.stdout).toContain("合计");
      expect(pdftotext.stdout).toContain(Math.round(TOTAL).toLocaleString("en-US"));
    } else {
      console.warn("pdftotext (poppler-utils) not found: the PDF's text was not checked");
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    let png: string;
    if (findPdftoppm()) {
      png = pdfPageToPng(pdf, path.join(ARTIFACTS, "review-page1.png"));
    } else {
      // no poppler: LibreOffice renders the first page itself
      png = path.join(ARTIFACTS, "review-page1.png");
      const out = await convert(source, "png", path.join(work, "png"));
      writeFileSync(png, readFileSync(out));
    }
    expect(existsSync(png)).toBe(true);
    const head = readFileSync(png).subarray(0, 8);
    expect([...head]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(readFileSync(png).length).toBeGreaterThan(10_000);
  }, 120_000);
});
