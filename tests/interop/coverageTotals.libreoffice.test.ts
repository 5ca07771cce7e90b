/**
 * The coverage sheet's totals row through LibreOffice: its premium figure is the yearly premiums still payable
 * (每年应缴保费 — SUMIFS over 缴费中 rows, the 双十 ratio's count: src/domain/premiums.ts yearlyPremiumPayable), labelled
 * so beside it. Hand book (tests/sheets/premiumHandBook.ts, as of 2026-11-23): a 趸交 62,850 and a paid-up 12,901 add
 * 0, a monthly CI 12,000 a year and a one-year medical 2,173 are 缴费中 → 14,173 (the row added 89,924 before); the
 * sum insured total 1,000,000 + 500,000 + 300,000 + 2,000,000 = 3,800,000 (all four cover); the 双十 ratio 14,173 /
 * 400,000 = 3.5 %. Rendered in zh-CN, zh-TW and en-US by the file renderer, opened headless:
 * - Recalculation: every formula equals our cached value (±0.005), no cell holds an error.
 * - Print: no ### on any page; the figures and each language's label printed; zh-CN pages kept as
 *   test-artifacts/print/coverage-totals-zh-CN-N.png to look at.
 * Skipped with a message when soffice or pdftoppm is missing, except in CI (CI=true).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Lang } from "../../src/domain/types";
import { coverage } from "../../src/sheets";
import { sheetText } from "../../src/sheets/text";
import { fitToContent } from "../../src/sheets/widths";
import type { SheetSpec } from "../../src/sheets/spec";
import { PREMIUM_AS_OF, premiumHandBook } from "../sheets/premiumHandBook";
import { recalcMismatches, throughLibreOffice } from "./recalcCheck";
import { renderGate, pdfPageCount, pdfPageToPng } from "./libreoffice";

const { describeLO } = renderGate("coverage totals");
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/print");
const LANGS: Lang[] = ["zh-CN", "zh-TW", "en-US"];

describeLO("the coverage totals row through LibreOffice (zh-CN, zh-TW, en-US)", () => {
  // fitted as the output plan fits every sheet before writing it (src/sheets/plan.ts); one sheet per language
  const all: SheetSpec[] = LANGS.map((lang) => ({ ...fitToContent(coverage(premiumHandBook(), { asOf: PREMIUM_AS_OF, lang })), name: `coverage ${lang}` }));
  let work: string;
  let grids: Map<string, unknown[][]>;
  let pages: string[];

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "clientbook-covtotals-"));
    const { pdf, ...out } = await throughLibreOffice(all, work, "coverage-totals");
    ({ grids, pages } = out);
    expect(pdfPageCount(new Uint8Array(readFileSync(pdf)))).toBe(pages.length);
    mkdirSync(ARTIFACTS, { recursive: true });
    // the zh-CN sheet's pages (the first third): the premium total is on the page after the sum insured
    for (let p = 1; p <= pages.length / LANGS.length; p++) pdfPageToPng(pdf, path.join(ARTIFACTS, `coverage-totals-zh-CN-${p}.png`), p, 60);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("every formula recalculates to our cached value (±0.005), the totals among them; no cell holds an error", () => {
    const { bad, formulas } = recalcMismatches(all, grids);
    expect(bad).toEqual([]);
    expect(formulas).toBeGreaterThan(3 * 10);
    for (const s of all) {
      const total = s.cells.length;
      const row = grids.get(s.name)![total - 1];
      // the recalculated totals row: 3,800,000 sum insured, 14,173 yearly premiums payable
      expect(row.filter((v) => typeof v === "number")).toEqual(expect.arrayContaining([3_800_000, 14_173]));
    }
  });

  test("no ### on any page; the totals and each language's label are printed", () => {
    console.log(`coverage totals: ${all.length} sheets, ${pages.length} pages`);
    const text = pages.join("\n");
    expect(text).not.toContain("###");
    expect(text).not.toContain("89,924");
    for (const figure of ["14,173", "3,800,000", "62,850", "12,901"]) expect({ figure, found: text.includes(figure) }).toEqual({ figure, found: true });
    // pdftotext may break a long label across the next column's text: look for its first words
    for (const lang of LANGS) {
      const label = sheetText(lang).coverage.totals.payingLabel.slice(0, 8);
      expect({ lang, label, found: text.includes(label) }).toEqual({ lang, label, found: true });
    }
  });
});
