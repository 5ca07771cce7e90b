/**
 * The maturity ladder printed and recalculated by LibreOffice (issue #17, "the LibreOffice test renders the ladder
 * with its chart"): the demo's sample book plus a USD deposit (10,000 USD at 7.10 = 71,000 CNY, hand-checked),
 * written by the file renderer, opened headless.
 *
 * - Print (A4 landscape, src/sheets/print.ts): one page wide — the per-client header's twelve months and its total
 *   on one line of page 1 (the defect: printed at 70 % over nine pages, months 2027-08 on and half the chart on page
 *   8); the chart's title whole on page 1, and its bars there: strongly coloured pixels (the series' fills; nothing
 *   else on the sheet is saturated) right of the summary table and inside the page.
 * - Recalculation: every SUM the sheet writes, recalculated by LibreOffice, equals the cached value we wrote.
 * - Per client, a month with nothing maturing prints blank (`#,##0;-#,##0;`: Excel's empty zero section), its 0 kept
 *   for the SUMs: each client's line shows only its months with money and its total.
 * Page 1 is kept as test-artifacts/print/ladder-page1.png to look at. Skipped with a message when soffice or
 * pdftoppm is missing, except in CI (CI=true), where they are required.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { THIS_BANK, type Book } from "../../src/domain/types";
import { sampleBook } from "../../src/sample";
import { ladderSheet } from "../../src/sheets/ladder";
import { isFormula } from "../../src/sheets/spec";
import { sheetText } from "../../src/sheets/text";
import { fitToContent } from "../../src/sheets/widths";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { renderSpecs } from "../../src/xlsx/renderSpec";
import { convert, renderGate, pdfPageToPng, recalcToXlsx, pdfPagesText } from "./libreoffice";

const { describeLO, pdftoppm: PDFTOPPM } = renderGate("ladder");
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/print");
const AS_OF = "2026-11-23";
const T = sheetText("zh-CN").ladder;

/** The sample book with a USD deposit maturing in March 2027 and a USD rate dated before the as-of date. */
function book(): Book {
  const b = sampleBook(AS_OF, "zh-CN");
  const client = b.clients[0];
  return {
    ...b,
    // the sample has its own USD rates (one on the as-of date): the hand-checked 7.10 is the latest on or before it
    rates: [...(b.rates ?? []).filter((r) => r.currency !== "USD" || r.date < "2026-11-20"), { currency: "USD", rate: 7.1, date: "2026-11-20" }],
    holdings: [...b.holdings, { holdingId: "HUSD-LADDER", clientId: client.clientId, assetClass: "Deposit", productName: "美元定期（测试）",
      institution: THIS_BANK, amount: 10_000, currency: "USD", maturityDate: "2027-03-15" }],
  };
}

/** Page 1 as raw pixels (pdftoppm's PPM: "P6 width height 255" then RGB bytes). */
function pagePixels(pdf: string, prefix: string, dpi: number): { width: number; height: number; rgb: Buffer } {
  const r = spawnSync(PDFTOPPM!, ["-r", String(dpi), "-f", "1", "-l", "1", "-singlefile", pdf, prefix], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  const bytes = readFileSync(`${prefix}.ppm`);
  // header: magic, width, height, maxval, each followed by one whitespace byte
  let at = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[at]))) at++;
    let s = "";
    while (!/\s/.test(String.fromCharCode(bytes[at]))) s += String.fromCharCode(bytes[at++]);
    fields.push(s);
  }
  at++;
  expect(fields[0]).toBe("P6");
  return { width: Number(fields[1]), height: Number(fields[2]), rgb: bytes.subarray(at) };
}

describeLO("the maturity ladder through LibreOffice", () => {
  let work: string;
  let pdf: string;
  let pages: string[];
  let recalculated: Uint8Array;
  const spec = fitToContent(ladderSheet(book(), { asOf: AS_OF, lang: "zh-CN" }));

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "clientbook-ladder-"));
    const source = path.join(work, "ladder.xlsx");
    writeFileSync(source, await renderSpecs([spec]));
    const [xlsx, pdfPath] = await Promise.all([recalcToXlsx(source, path.join(work, "recalc")), convert(source, "pdf", path.join(work, "pdf"))]);
    recalculated = new Uint8Array(readFileSync(xlsx));
    pdf = pdfPath;
    pages = pdfPagesText(pdf);
    console.log(`ladder print: ${pages.length} pages (A4 landscape)`);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("one page wide: page 1 has the per-client header with all twelve months and the total on one line", () => {
    const months = Array.from({ length: 12 }, (_, i) => {
      const m = 11 + i; // November 2026 + i
      return `${2026 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, "0")}`;
    });
    expect(months[0]).toBe("2026-11");
    expect(months[11]).toBe("2027-10");
    const header = pages[0].split("\n").find((l) => l.includes("客户编号") && l.includes(months[0]));
    expect(header).toBeDefined();
    let at = 0;
    for (const m of months) {
      const i = header!.indexOf(m, at);
      expect({ m, found: i >= 0 }).toEqual({ m, found: true });
      at = i + m.length;
    }
    expect(header!.slice(at)).toContain(T.total);
    // every page carries the sheet's footer; no number too wide for its column (###)
    for (const p of pages) {
      expect(p).toMatch(/第 \d+ 页，共 \d+ 页/);
      expect(p).not.toContain("###");
    }
  });

  test("the chart is on page 1: its title whole, its bars right of the summary and inside the page", () => {
    const flat = (s: string) => s.replace(/\s+/g, "");
    expect(flat(pages[0])).toContain(flat(T.chartTitle));
    const { width, height, rgb } = pagePixels(pdf, path.join(work, "page1"), 50);
    // strongly coloured pixels: max − min channel over 80 (the bars' fills; header fill #DDEBF7 is 26, the title
    // colour #1F3864 69, text and borders grey)
    let count = 0, minX = width, maxX = 0;
    const hues = new Set<string>();
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 3;
        const [r, g, b] = [rgb[i], rgb[i + 1], rgb[i + 2]];
        if (Math.max(r, g, b) - Math.min(r, g, b) <= 80) continue;
        count++;
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        hues.add(r > b ? "warm" : "cool");
      }
    }
    expect(count).toBeGreaterThan(200);
    expect(hues).toEqual(new Set(["warm", "cool"])); // the deposits' blue and the wealth products' orange at least
    expect(minX).toBeGreaterThan(width * 0.4); // right of the summary table
    expect(maxX).toBeLessThan(width - 5);
    mkdirSync(ARTIFACTS, { recursive: true });
    pdfPageToPng(pdf, path.join(ARTIFACTS, "ladder-page1.png"), 1, 80);
  });

  test("per client: the months with nothing maturing print blank (#,##0;-#,##0;), only the months with money show", () => {
    const lines = pages.join("\n").split("\n");
    const header = lines.findIndex((l) => l.includes("客户编号") && /\d{4}-\d{2}/.test(l));
    const end = lines.findIndex((l, i) => i > header && l.trim().startsWith(T.total));
    expect(header).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(header);
    // the sheet's per-client rows: from below its header to the totals row
    const first = spec.cells.findIndex((r) => r[0] === "客户编号") + 1;
    const rows = spec.cells.slice(first, spec.cells.findIndex((r, i) => i >= first && r[0] === T.total));
    expect(rows.length).toBeGreaterThan(3);
    let printed = 0;
    for (const row of rows) {
      // the table runs on over the next page: the pages' text is read as one
      const line = lines.slice(header + 1, end).find((l) => l.trim().startsWith(`${String(row[0])} `));
      expect({ id: row[0], printed: line !== undefined }).toEqual({ id: row[0], printed: true });
      printed++;
      const amounts = line!.trim().split(/\s+/).slice(2);
      const withMoney = (row.slice(2, 14) as number[]).filter((v) => v !== 0).length;
      // the non-zero months and the client's total: no "0" printed for an empty month
      expect({ id: row[0], amounts }).toEqual({ id: row[0], amounts: expect.not.arrayContaining(["0"]) });
      expect({ id: row[0], count: amounts.length }).toEqual({ id: row[0], count: withMoney + 1 });
    }
    expect(printed).toBe(rows.length);
  });

  test("the USD deposit prints in CNY (10,000 × 7.10 = 71,000) beside its own amount", () => {
    const line = pages.join("\n").split("\n").find((l) => l.includes("美元定期（测试）"));
    expect(line).toBeDefined();
    expect(line).toMatch(/71,000\s+USD\s+10,000\.00/);
  });

  test("every SUM recalculated by LibreOffice equals the value we cached", async () => {
    const { grids } = await readWorkbookTables(recalculated);
    const grid = grids.get(spec.name)!;
    let formulas = 0;
    spec.cells.forEach((row, r) => row.forEach((v, c) => {
      if (!isFormula(v)) return;
      formulas++;
      const got = grid[r]?.[c];
      expect({ at: `R${r + 1}C${c + 1}`, got: typeof got === "number" ? Math.round(got * 100) / 100 : got })
        .toEqual({ at: `R${r + 1}C${c + 1}`, got: Math.round(Number(v.cached) * 100) / 100 });
    }));
    // the summary (12 month totals + 6 column totals), per client (rows + 13 totals), the lists' totals
    expect(formulas).toBeGreaterThan(50);
  });
});
