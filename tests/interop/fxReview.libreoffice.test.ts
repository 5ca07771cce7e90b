/**
 * Review sheets with currencies recalculated and printed by LibreOffice (issue #16: "the sheets keep native formulas
 * that recompute (a rate column and multiplications, not hidden constants), and LibreOffice recalculation still
 * matches"). The hand-checked client of tests/domain/fx.test.ts (CNY, USD and HKD; tests/sheets/fxHandBook.ts) in
 * the manager's and the client's copy, zh-CN and en-US, and a second client with a USD loan and an HKD fund sold
 * since the last review; written by the file renderer, opened headless.
 *
 * - Recalculation (OOXMLRecalcMode "always", tests/interop/libreoffice.ts): every formula equals the cached value we
 *   wrote (±0.005) and no cell holds an error.
 * - Print (src/sheets/print.ts: the review on one landscape A4 page): one page per sheet, no ### on any, and the hand
 *   figures on the page: 72,065 (USD 10,150 × 7.10), -1,015 and -550 (FX effects), -1,565 (their sum), 243,115.
 * Each page is kept as test-artifacts/print/fx-review-N.png to look at. Skipped with a message when soffice or
 * pdftoppm is missing, except in CI (CI=true), where they are required.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Book } from "../../src/domain/types";
import { assetReview } from "../../src/sheets";
import { SheetNamer } from "../../src/sheets/names";
import type { SheetSpec } from "../../src/sheets/spec";
import { FX_AS_OF, FX_PREV, handCurrencyBook } from "../sheets/fxHandBook";
import { recalcMismatches, throughLibreOffice } from "./recalcCheck";
import { renderGate, pdfPageCount, pdfPageToPng } from "./libreoffice";

const { describeLO } = renderGate("currency review");
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/print");

/** The hand-checked book plus C2: a USD loan (800,000 → 790,000 at 7.20 → 7.10) and an HKD fund sold since. */
function book(): Book {
  const b = handCurrencyBook();
  b.clients.push({ clientId: "C2", name: "陈美玲", riskLevel: "C4", riskAssessedOn: "2025-02-01" });
  b.holdings.push(
    { holdingId: "L1", clientId: "C2", assetClass: "Loan", productName: "美元房贷", institution: "ThisBank", amount: 790000, currency: "USD" },
    { holdingId: "D1", clientId: "C2", assetClass: "Deposit", productName: "活期", institution: "ThisBank", amount: 300000 },
  );
  b.reviews.push(
    { clientId: "C2", reviewDate: FX_PREV, holdingId: "L1", assetClass: "Loan", productName: "美元房贷", amount: 800000, currency: "USD" },
    { clientId: "C2", reviewDate: FX_PREV, holdingId: "D1", assetClass: "Deposit", productName: "活期", amount: 250000 },
    { clientId: "C2", reviewDate: FX_PREV, holdingId: "F9", assetClass: "Fund", productName: "港币基金（已赎回）", amount: 40000, currency: "HKD", rate: 0.92 },
  );
  return b;
}

function specs(): SheetSpec[] {
  const b = book();
  const namer = new SheetNamer();
  const out: SheetSpec[] = [];
  for (const lang of ["zh-CN", "en-US"] as const) {
    for (const clientFacing of [false, true]) out.push(assetReview(b, { asOf: FX_AS_OF, lang, clientId: "C1", clientFacing }));
  }
  out.push(assetReview(b, { asOf: FX_AS_OF, lang: "zh-CN", clientId: "C2" }));
  return out.map((s) => ({ ...s, name: namer.name(s.name) }));
}

describeLO("review sheets with currencies through LibreOffice", () => {
  const all = specs();
  let work: string;
  let grids: Map<string, unknown[][]>;
  let pages: string[];
  let pageCount: number;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "clientbook-fxreview-"));
    const { pdf, ...out } = await throughLibreOffice(all, work, "fx-review");
    ({ grids, pages } = out);
    pageCount = pdfPageCount(new Uint8Array(readFileSync(pdf)));
    mkdirSync(ARTIFACTS, { recursive: true });
    for (let p = 1; p <= pageCount; p++) pdfPageToPng(pdf, path.join(ARTIFACTS, `fx-review-${p}.png`), p, 80);
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("every formula recalculates to our cached value (±0.005) and no cell holds an error", () => {
    const { bad, formulas } = recalcMismatches(all, grids);
    expect(bad).toEqual([]);
    // the currency formulas are among them: G = D×F, L = J×K, own change and FX effect on every held row
    expect(formulas).toBeGreaterThan(all.length * 20);
  });

  test("each review prints on one page, no ###, the hand figures on the page", () => {
    console.log(`currency reviews: ${all.length} sheets, ${pageCount} pages`);
    expect(pageCount).toBe(all.length);
    expect(pages).toHaveLength(all.length);
    for (const p of pages) expect(p).not.toContain("###");
    for (const p of pages.slice(0, 4)) {
      for (const figure of ["72,065", "-1,015", "-550", "-1,565", "243,115", "USD", "HKD", "7.1000", "0.9200"]) expect({ figure, found: p.includes(figure) }).toEqual({ figure, found: true });
    }
    // C2: the loan's FX effect (790,000 × (7.10 − 7.20) = -79,000) on its row, not in the assets' FX total (0)
    expect(pages[4]).toContain("-79,000");
    expect(pages[4]).toContain("已赎回");
  });
});
