/**
 * Issue #16 on the coverage sheet (保障一览): "every figure converts: … coverage … totals in the book currency" and
 * "the sheets keep native formulas that recompute (a rate column and multiplications, not hidden constants)". In
 * Taiwan many life policies are in US dollars: a manager quotes "保额 USD 100,000".
 *
 * Hand book (tests/sheets/fxHandBook.ts: CNY, USD 7.10 on 30 June 2025 — the latest rate on or before the as-of
 * date, Excel's approximate-match LOOKUP; the 9.99 of 1 July is after it): 李建国, income 500,000, holds
 *   P1 life, USD 100,000, premium USD 1,200, CI rider USD 50,000 → 710,000 / 8,520 / 355,000 CNY (× 7.10)
 *   P2 critical illness, CNY 300,000, premium 6,000 → a row at rate 1
 * Own life cover 710,000; own CI cover 355,000 + 300,000 = 655,000; 双十 premiums 8,520 + 6,000 = 14,520 over income
 * 500,000 = 2.904 %; CI need 500,000 × 5 (ciIncomeYears) = 2,500,000, gap 1,845,000. A book with no foreign policy gets
 * the sheet it got before the currency columns (the same cells as a book whose policies carry no currency at all).
 */
import { inBookCurrency, type ValuedPolicy } from "../../src/domain/fx";
import type { Book } from "../../src/domain/types";
import { coverage, COVERAGE_COLUMNS, COVERAGE_FX_COLUMNS as F } from "../../src/sheets";
import { cellName } from "../../src/sheets/a1";
import { fitToContent } from "../../src/sheets/widths";
import { printSetup, READABLE_SCALE } from "../../src/sheets/print";
import { at, recalc, recalcMismatches, rowsWhere, shown } from "./helpers";
import { specProblems } from "./invariants";
import { FX_AS_OF } from "./fxHandBook";
import { usdPolicyBook } from "./fxCoverageBook";

describe("a USD policy on the coverage sheet (worked by hand)", () => {
  const book = usdPolicyBook();
  const s = coverage(book, { asOf: FX_AS_OF, lang: "zh-CN" });
  const [r1, r2] = rowsWhere(s, F.clientId, "C1");

  test("the policy row shows its currency, own amounts and rate as cells; the CNY amounts are own × rate", () => {
    expect([at(s, 4, F.currency), at(s, 4, F.localSumInsured), at(s, 4, F.localCiSum), at(s, 4, F.localPremium), at(s, 4, F.rate)]).toEqual(["币种", "原币保额", "原币重疾保额", "原币年缴保费", "汇率"]);
    expect([at(s, r1, F.currency), at(s, r1, F.localSumInsured), at(s, r1, F.localCiSum), at(s, r1, F.localPremium), at(s, r1, F.rate)]).toEqual(["USD", 100000, 50000, 1200, 7.1]);
    const row = (c: number) => at(s, r1, c) as { f: string; cached: number };
    expect(row(F.sumInsured).f).toBe(`=${cellName(F.localSumInsured, r1)}*${cellName(F.rate, r1)}`);
    expect(row(F.ciSum).f).toBe(`=${cellName(F.localCiSum, r1)}*${cellName(F.rate, r1)}`);
    expect(row(F.premium).f).toBe(`=${cellName(F.localPremium, r1)}*${cellName(F.rate, r1)}`);
    // 100,000 × 7.10 = 710,000; 50,000 × 7.10 = 355,000; 1,200 × 7.10 = 8,520
    expect([row(F.sumInsured).cached, row(F.ciSum).cached, row(F.premium).cached]).toEqual([710000, 355000, 8520].map((x) => expect.closeTo(x, 6)));
    // the CNY policy: a row like the others at rate 1
    expect([at(s, r2, F.currency), at(s, r2, F.localSumInsured), at(s, r2, F.localCiSum), at(s, r2, F.localPremium), at(s, r2, F.rate)]).toEqual(["CNY", 300000, 300000, 6000, 1]);
    expect(shown(at(s, r2, F.sumInsured))).toBe(300000);
  });

  test("the client's figures and the totals add the converted amounts (hand figures)", () => {
    expect(shown(at(s, r1, F.lifeCover))).toBeCloseTo(710000, 6);
    expect(shown(at(s, r1, F.ciCover))).toBeCloseTo(655000, 6);
    expect(shown(at(s, r1, F.ciGap))).toBeCloseTo(1845000, 6);
    expect(shown(at(s, r1, F.premiumRatio))).toBeCloseTo(14520 / 500000, 12);
    expect(shown(at(s, r1, F.premiumRatio))).toBeCloseTo(0.02904, 12);
    const total = r2 + 1;
    expect(shown(at(s, total, F.sumInsured))).toBeCloseTo(1010000, 6); // 710,000 + 300,000
    expect(shown(at(s, total, F.premium))).toBeCloseTo(14520, 6);
  });

  test("HyperFormula recalculates every formula to the cached value; changing the rate moves the cover", () => {
    expect(recalcMismatches(s, () => 0.005)).toEqual([]);
    // rate 7.20 in the rate cell: the life cover is 720,000 — the figures hang on the cell, not on a hidden constant
    const moved = { ...s, cells: s.cells.map((row, r) => (r + 1 === r1 ? row.map((v, c) => (c + 1 === F.rate ? 7.2 : v)) : row)) };
    expect(recalc(moved).get(cellName(F.lifeCover, r1))).toBeCloseTo(720000, 6);
  });

  test("zh-TW and en-US headers; no structural problem; widths already fit; prints landscape at ≥ 70 %", () => {
    for (const lang of ["zh-CN", "zh-TW", "en-US"] as const) {
      const x = coverage(book, { asOf: FX_AS_OF, lang });
      expect(specProblems(x)).toEqual([]);
      // fitToContent widens a column whose cells would show ###: none of the currency columns needs it
      const fitted = fitToContent(x).columnWidths!;
      for (const c of [F.currency, F.localSumInsured, F.localCiSum, F.localPremium, F.rate, F.sumInsured, F.ciSum, F.premium]) expect([lang, c, fitted[c - 1]]).toEqual([lang, c, x.columnWidths![c - 1]]);
      const setup = printSetup(x)!;
      expect(setup.orientation).toBe("landscape");
      if ("scale" in setup.fit) expect(setup.fit.scale).toBeGreaterThanOrEqual(READABLE_SCALE * 100);
      expect(x.notes?.some((n) => n.cell === cellName(F.rate, 4))).toBe(true);
    }
    expect(at(coverage(book, { asOf: FX_AS_OF, lang: "zh-TW" }), 4, F.currency)).toBe("幣別");
    expect(at(coverage(book, { asOf: FX_AS_OF, lang: "en-US" }), 4, F.localSumInsured)).toBe("Own sum insured");
  });

  test("a book given already valued gives the same sheet", () => {
    const v = inBookCurrency(book, FX_AS_OF);
    expect((v.policies[0] as ValuedPolicy).fxRate).toBe(7.1);
    expect(coverage(v, { asOf: FX_AS_OF, lang: "zh-CN" }).cells).toEqual(s.cells);
  });
});

describe("a book with no foreign policy gets the sheet as before", () => {
  test("USD holdings and rates but every policy in CNY: the 31 columns, sums insured as values, the same cells as with no currency at all", () => {
    const book = usdPolicyBook();
    // the hand book keeps its USD and HKD holdings and its rates: only the policies decide the coverage columns
    const cny = { ...book, policies: book.policies.map((p) => ({ ...p, currency: "CNY" })) };
    const plain: Book = { ...book, rates: [], holdings: book.holdings.filter((h) => h.currency === undefined), policies: book.policies.map(({ currency: _c, ...p }) => p) };
    const a = coverage(cny, { asOf: FX_AS_OF, lang: "zh-CN" });
    const b = coverage(plain, { asOf: FX_AS_OF, lang: "zh-CN" });
    expect(a.cells).toEqual(b.cells);
    expect(a.formats).toEqual(b.formats);
    expect(a.notes).toEqual(b.notes);
    expect(a.columnWidths).toEqual([10, 10, 8, 6, 12, 12, 10, 8, 8, 14, 22, 8, 11, 12, 12, 11, 9, 7, 7, 9, 12, 12, 12, 12, 12, 12, 12, 12, 9, 22, 34]);
    expect(a.cells[3]).toHaveLength(COVERAGE_COLUMNS.flags);
    const [r1, r2] = rowsWhere(a, COVERAGE_COLUMNS.clientId, "C1");
    // the P1 policy in CNY now: 100,000 as written, a value and not a formula
    expect([at(a, r1, COVERAGE_COLUMNS.sumInsured), at(a, r1, COVERAGE_COLUMNS.premium), at(a, r2, COVERAGE_COLUMNS.sumInsured)]).toEqual([100000, 1200, 300000]);
  });
});
