/**
 * The 万元 display unit (issue #15) in a third party: LibreOffice opens a file whose amount cells use the 万 number
 * format `0\.0,"万"` (src/domain/amounts.ts) and shows ROUND(n / 10000, 1) and the unit — from 1万 exactly the text
 * our one amount formatter gives (formatAmount; under 1万 the text says 元), keeps the exact values (a SUM over them
 * recalculates to the exact total), and labels the review's column-chart axis in 万. The blank-zero variant (the
 * ladder's per-client months, `0\.0,"万";-0\.0,"万";`) shows a negative amount with one minus: -123.5万. The `0!.0,` spelling common in Chinese Excel
 * tutorials is shown as "2983!.6万" by LibreOffice — why we write the backslash form; this file holds it.
 * Skipped with a message when LibreOffice is not installed, except in CI (CI=true), where it is required.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { amountNumberFormat, formatAmount } from "../../src/domain/amounts";
import { excelRound } from "../../src/domain/rounding";
import { generateBook } from "../../src/sample";
import { assetReview } from "../../src/sheets/assetReview";
import type { CellValue, SheetSpec } from "../../src/sheets/spec";
import { renderSpecs } from "../../src/xlsx";
import { openBytes } from "../../src/xlsx/excelize";
import { entryText, readZip } from "../../src/xlsx/zip";
import { convert, findSoffice, recalcToXlsx } from "./libreoffice";

const SOFFICE = findSoffice();
const run = SOFFICE || process.env.CI === "true" ? test : test.skip;
if (!SOFFICE) console.warn("SKIPPED amountUnit.libreoffice: soffice was not found (apt-get install libreoffice-calc-nogui).");

// Hand-checked: 29,836,264 → 2983.6万; 83,937.98 → 8.4万; 1,908,000 → 190.8万; 500 → 0.1万 (half up); 449 → 0.0万.
const VALUES = [29836264, 83937.98, 1908000, 500, 449, 30000000];
const TOTAL = VALUES.reduce((a, b) => a + b, 0); // 61,829,150.98 → 6182.9万 (ROUND(6182.915098, 1))

run("LibreOffice shows 万 amounts as formatAmount does, keeps exact values, and the chart axis is in 万", async () => {
  const fmt = amountNumberFormat("Wan", "zh-CN");
  const cells: CellValue[][] = [["金额"], ...VALUES.map((v) => [v]), [{ f: `=SUM(A2:A${VALUES.length + 1})`, cached: TOTAL }]];
  const amounts: SheetSpec = {
    name: "金额", kind: "profile", cells, columnWidths: [18, 18],
    formats: [{ range: `A2:A${VALUES.length + 2}`, numberFormat: fmt }, { range: "B2", numberFormat: '0!.0,"万"' },
      { range: "C2:C3", numberFormat: amountNumberFormat("Wan", "zh-CN", true) }],
  };
  amounts.cells[1].push(VALUES[0], -1234567);
  amounts.cells[2].push(null, 0);
  const book = generateBook({ clients: 3, asOf: "2025-06-15", lang: "zh-CN" });
  book.settings = { ...book.settings, amountUnit: "Wan" };
  const review = assetReview(book, { asOf: "2025-06-15", lang: "zh-CN", clientId: book.clients[0].clientId });
  expect(review.formats?.some((f) => f.numberFormat === fmt)).toBe(true);

  const dir = mkdtempSync(path.join(tmpdir(), "clientbook-wan-"));
  try {
    const file = path.join(dir, "wan.xlsx");
    writeFileSync(file, await renderSpecs([amounts, review]));
    const text = spawnSync("pdftotext", ["-layout", await convert(file, "pdf", dir), "-"], { encoding: "utf8" });
    expect(text.status).toBe(0);
    // the cell shows ROUND(n / 10000, 1) and 万 whatever the amount; from 1万 that is formatAmount's text too (under
    // it the text says 元: 500 → "500元", where the cell shows 0.1万)
    const cellShows = (v: number) => `${excelRound(v / 10000, 1).toFixed(1)}万`;
    for (const v of [...VALUES, TOTAL]) expect(text.stdout).toContain(cellShows(v));
    for (const v of [...VALUES, TOTAL].filter((x) => x >= 10000)) expect(formatAmount(v, "Wan", "zh-CN")).toBe(cellShows(v));
    expect(formatAmount(TOTAL, "Wan")).toBe("6182.9万");
    // blank zero: the written-out minus is the only one (the negative section adds none of its own)
    expect(text.stdout).toContain("-123.5万");
    expect(text.stdout).not.toContain("--123.5万");
    // The exclamation-mark spelling is not read by LibreOffice: the point and the mark stay literal.
    expect(text.stdout).toContain("29836!.3万");
    // The review's column chart: its value axis carries the cells' 万 format (Excel links the axis to its source
    // cells the same way), so its labels read 3000.0万, not 30,000,000.
    const charts = await Promise.all(readZip(new Uint8Array(readFileSync(file))).filter((e) => /^xl\/charts\/chart\d+\.xml$/.test(e.name)).map((e) => entryText(e)));
    expect(charts.find((c) => /<(\w+:)?barChart>/.test(c))).toMatch(/<c:valAx>.*formatCode="0\\\.0,&quot;万&quot;"/s);

    // Exact values: LibreOffice's recalculated SUM is the exact total, not a sum of the rounded 万 shown.
    const saved = new Uint8Array(readFileSync(await recalcToXlsx(file, path.join(dir, "lo"))));
    const f = await openBytes(saved);
    const total = Number(f.GetCellValue("金额", `A${VALUES.length + 2}`, { RawCellValue: true }).value);
    expect(total).toBeCloseTo(TOTAL, 6);
    expect(Number(f.GetCellValue("金额", "A3", { RawCellValue: true }).value)).toBe(83937.98);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
