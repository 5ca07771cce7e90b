/**
 * The coverage sheet with a US-dollar policy, recalculated and printed by LibreOffice (issue #16: "the sheets keep
 * native formulas that recompute (a rate column and multiplications, not hidden constants), and LibreOffice
 * recalculation still matches"). Two books: the CNY hand book of tests/sheets/fxCoverage.test.ts (USD 100,000 × 7.10
 * = 710,000) in zh-CN, and a Taiwan book in TWD in zh-TW (保額 USD 100,000 × 31.5 = 3,150,000; premium USD 1,200 ×
 * 31.5 = 37,800; totals 3,150,000 + 1,000,000 = 4,150,000 and 37,800 + 12,000 = 49,800), written by the file renderer, opened headless.
 * - Recalculation: every formula equals our cached value (±0.005), no cell holds an error.
 * - Print: no ### on any page, the hand figures on the pages; pages kept as test-artifacts/print/fx-coverage-N.png.
 * Skipped with a message when soffice or pdftoppm is missing, except in CI (CI=true).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { emptyBook, type Book } from "../../src/domain/types";
import { coverage } from "../../src/sheets";
import { fitToContent } from "../../src/sheets/widths";
import type { SheetSpec } from "../../src/sheets/spec";
import { FX_AS_OF } from "../sheets/fxHandBook";
import { usdPolicyBook } from "../sheets/fxCoverageBook";
import { recalcMismatches, throughLibreOffice } from "./recalcCheck";
import { renderGate, pdfPageCount, pdfPageToPng } from "./libreoffice";

const { describeLO } = renderGate("currency coverage");
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/print");

/** A Taiwan book in TWD: 陳美玲, income TWD 1,500,000, a USD whole-life policy and a TWD medical one. */
function twdBook(): Book {
  const b = emptyBook({ currency: "TWD" });
  b.clients = [{ clientId: "T1", name: "陳美玲", annualIncome: 1500000 }];
  b.rates = [{ currency: "USD", rate: 31.5, date: "2025-06-30" }];
  const base = { clientId: "T1", insured: "陳美玲", startDate: "2019-03-01", status: "InForce" } as const;
  b.policies = [
    { ...base, policyId: "TP1", policyType: "Life", insurer: "富邦人壽", productName: "美元利變終身壽險", sumInsured: 100000, annualPremium: 1200, criticalIllness: false, currency: "USD" },
    { ...base, policyId: "TP2", policyType: "Medical", insurer: "國泰人壽", productName: "住院醫療", sumInsured: 1000000, annualPremium: 12000, criticalIllness: false },
  ];
  return b;
}

function specs(): SheetSpec[] {
  // fitted as the output plan fits every sheet before writing it (src/sheets/plan.ts)
  return [fitToContent(coverage(usdPolicyBook(), { asOf: FX_AS_OF, lang: "zh-CN" })), { ...fitToContent(coverage(twdBook(), { asOf: FX_AS_OF, lang: "zh-TW" })), name: "保障一覽 TWD" }];
}

describeLO("coverage sheets with a USD policy through LibreOffice", () => {
  const all = specs();
  let work: string;
  let grids: Map<string, unknown[][]>;
  let pages: string[];

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "clientbook-fxcoverage-"));
    const { pdf, ...out } = await throughLibreOffice(all, work, "fx-coverage");
    ({ grids, pages } = out);
    const count = pdfPageCount(new Uint8Array(readFileSync(pdf)));
    mkdirSync(ARTIFACTS, { recursive: true });
    for (let p = 1; p <= count; p++) pdfPageToPng(pdf, path.join(ARTIFACTS, `fx-coverage-${p}.png`), p, 80);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("every formula recalculates to our cached value (±0.005), no cell holds an error", () => {
    const { bad, formulas } = recalcMismatches(all, grids);
    expect(bad).toEqual([]);
    // own × rate on each of the four policy rows: sum insured, premium (and the CI sums) among them
    expect(formulas).toBeGreaterThan(20);
  });

  test("no ### on any page; the hand figures are printed", () => {
    console.log(`currency coverage: ${all.length} sheets, ${pages.length} pages`);
    const text = pages.join("\n");
    expect(text).not.toContain("###");
    for (const figure of ["710,000", "355,000", "8,520", "100,000.00", "7.10", "3,150,000", "37,800", "31.50", "USD", "TWD", "4,150,000", "49,800"]) expect({ figure, found: text.includes(figure) }).toEqual({ figure, found: true });
  });
});
