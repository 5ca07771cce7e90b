/**
 * The coverage sheet's 双十 premium ratio (本人保障型保费占收入) counts the yearly premiums still payable
 * (src/domain/premiums.ts yearlyPremiumPayable; 双十原则: yearly protection premiums ≈ 10 % of income, 人民日报
 * 理财小技巧 2020-04-28): each policy row shows its 缴费状态 (缴费中 / 已缴清 / 趸交) beside the premium as recorded, and
 * the native SUMIFS adds only 缴费中 rows. The demo's C0031 showed a 62,850 single premium counted as a yearly one.
 *
 * Hand book: 陈成铭, income 400,000, as of 2026-11-23 —
 *   趸交 life 62,850 (2021)                            → 趸交, 0
 *   whole life 12,901 a year, 3 years from 2021-05-15 → 已缴清 (premium term ended 2024-05-15), 0
 *   CI monthly, AnnualPremium 12,000, 20 years        → 缴费中, 12,000
 *   one-year medical 2,173 from 2026-02-11            → 缴费中, 2,173
 * ratio = (12,000 + 2,173) / 400,000 = 14,173 / 400,000 = 3.54325 % (before the fix 89,924 / 400,000 = 22.481 %).
 * USD variant (tests/sheets/fxCoverageBook.ts, USD 7.10): the USD life policy made 趸交 (premium USD 1,200 → 8,520
 * CNY still shown) adds 0: ratio = 6,000 / 500,000 = 1.2 % (was 14,520 / 500,000 = 2.904 %).
 *
 * The totals row counts premiums the same way (yearly premiums still payable, 每年应缴保费: SUMIFS over 缴费中 rows =
 * Σ yearlyPremiumPayable): hand book 12,000 + 2,173 = 14,173 (before the fix it added every recorded premium under
 * 年缴保费, 62,850 + 12,901 + 12,000 + 2,173 = 89,924), labelled in the 缴费状态 cell beside it; USD variant 6,000 (was
 * 8,520 + 6,000 = 14,520). On generated books the total equals the domain's Σ yearlyPremiumPayable (property test).
 */
import fc from "fast-check";
import { inBookCurrency } from "../../src/domain/fx";
import { yearlyPremiumPayable } from "../../src/domain/premiums";
import { clientProtection } from "../../src/domain/protection";
import { generateBook } from "../../src/sample";
import type { Lang } from "../../src/domain/types";
import { coverage, coverageColumns, COVERAGE_COLUMNS as C, COVERAGE_FX_COLUMNS as F } from "../../src/sheets";
import { cellName } from "../../src/sheets/a1";
import type { SheetSpec } from "../../src/sheets/spec";
import { at, recalc, recalcMismatches, rowsWhere, shown } from "./helpers";
import { FX_AS_OF } from "./fxHandBook";
import { PREMIUM_AS_OF as AS_OF, premiumHandBook as handBook } from "./premiumHandBook";
import { usdPolicyBook } from "./fxCoverageBook";

const LANGS: Lang[] = ["zh-CN", "zh-TW", "en-US"];

/** Every formula recomputed by HyperFormula equals its cached value (absolute 1e-9). */
const recalcProblems = (s: SheetSpec): string[] => recalcMismatches(s, () => 1e-9);

const STATES: Record<Lang, string[]> = {
  "zh-CN": ["趸交", "已缴清", "缴费中", "缴费中"],
  "zh-TW": ["躉繳", "已繳清", "繳費中", "繳費中"],
  "en-US": ["Single premium", "Paid up", "Paying", "Paying"],
};

describe.each(LANGS)("双十 premium ratio on the coverage sheet (%s)", (lang) => {
  const book = handBook();
  const s = coverage(book, { asOf: AS_OF, lang });
  const rows = rowsWhere(s, C.clientId, "C0031");

  test("each row shows its premium status beside the premium as recorded", () => {
    expect(at(s, 4, C.premiumStatus)).toBe({ "zh-CN": "缴费状态", "zh-TW": "繳費狀態", "en-US": "Premium status" }[lang]);
    expect(rows.map((r) => at(s, r, C.premiumStatus))).toEqual(STATES[lang]);
    expect(rows.map((r) => at(s, r, C.premium))).toEqual([62_850, 12_901, 12_000, 2_173]);
    expect(s.notes?.find((n) => n.cell === cellName(C.premiumStatus, 4))?.text).toMatch(/趸交|躉繳|Single premium/);
  });

  test("cached ratio = 14,173 / 400,000 = 3.54325 %, the domain's figure, and HyperFormula recomputes it", () => {
    const ratio = at(s, rows[0], C.premiumRatio) as { f: string; cached: number };
    expect(ratio.cached).toBeCloseTo(14_173 / 400_000, 14);
    const p = clientProtection(book, "C0031", AS_OF);
    if (!p.ok) throw new Error(p.error.message["en-US"]);
    expect(ratio.cached).toBeCloseTo(p.value.tenTen.premiumRatio!, 14);
    expect(recalcProblems(s)).toEqual([]);
    // No 保费超过 flag: 3.5 % is under the 10 % cap (22.5 % before the fix raised it).
    expect(String(at(s, rows[0], C.flags) ?? "")).not.toMatch(/保费超过|保費超過|Premiums above/);
  });

  test("totals row: yearly premiums still payable 12,000 + 2,173 = 14,173 (not 89,924), labelled beside it, with its note", () => {
    const total = rows[rows.length - 1] + 1;
    const cell = at(s, total, C.premium) as { f: string; cached: number };
    expect(cell.cached).toBe(14_173);
    const [top, bottom] = [rows[0], rows[rows.length - 1]];
    expect(cell.f).toBe(`=SUMIFS(${cellName(C.premium, top)}:${cellName(C.premium, bottom)},${cellName(C.premiumStatus, top)}:${cellName(C.premiumStatus, bottom)},"${STATES[lang][2]}")`);
    expect(at(s, total, C.premiumStatus)).toBe({ "zh-CN": "← 每年应缴保费（仅缴费中）", "zh-TW": "← 每年應繳保費（僅繳費中）", "en-US": "← Yearly premiums still payable (Paying only)" }[lang]);
    expect(s.notes?.find((n) => n.cell === cellName(C.premium, total))?.text).toMatch(/趸交.*已缴清|躉繳.*已繳清|Single-premium and paid-up/);
    // the sum insured total still adds the covering rows (all four cover at the as-of date)
    expect(shown(at(s, total, C.sumInsured))).toBe(1_000_000 + 500_000 + 300_000 + 2_000_000);
    expect(s.notes?.find((n) => n.cell === cellName(C.sumInsured, total))?.text).toMatch(/保障中|covering/);
    // the domain's figure: Σ yearlyPremiumPayable
    expect(book.policies.reduce((a, p) => a + yearlyPremiumPayable(p, AS_OF), 0)).toBe(14_173);
  });

  test("the status is a cell the formula reads: marking the paid-up row 缴费中 adds its 12,901", () => {
    const paying = STATES[lang][2];
    const moved = { ...s, cells: s.cells.map((row, r) => (r + 1 === rows[1] ? row.map((v, c) => (c + 1 === C.premiumStatus ? paying : v)) : row)) };
    expect(recalc(moved).get(cellName(C.premiumRatio, rows[0]))).toBeCloseTo((14_173 + 12_901) / 400_000, 14);
  });
});

describe("with currencies: a USD 趸交 policy adds 0, its converted premium still shown", () => {
  const book = usdPolicyBook();
  book.policies[0] = { ...book.policies[0], premiumFrequency: "Single" };
  const s = coverage(book, { asOf: FX_AS_OF, lang: "zh-CN" });
  const [r1, r2] = rowsWhere(s, F.clientId, "C1");

  test("ratio = 6,000 / 500,000 = 1.2 % (was 14,520 / 500,000); own premium × rate still 8,520; recomputes", () => {
    expect(shown(at(s, r1, F.premium))).toBeCloseTo(8_520, 6);
    expect([at(s, r1, F.premiumStatus), at(s, r2, F.premiumStatus)]).toEqual(["趸交", "缴费中"]);
    expect(shown(at(s, r1, F.premiumRatio))).toBeCloseTo(6_000 / 500_000, 14);
    const p = clientProtection(book, "C1", FX_AS_OF);
    if (!p.ok) throw new Error(p.error.message["en-US"]);
    expect(p.value.tenTen.premiumRatio).toBeCloseTo(6_000 / 500_000, 14);
    expect(recalcProblems(s)).toEqual([]);
  });

  test("totals row: the converted yearly premium still payable is 6,000 (the 趸交 USD 8,520 left out)", () => {
    expect(shown(at(s, r2 + 1, F.premium))).toBeCloseTo(6_000, 6);
  });
});

describe("the totals row's yearly premiums payable on generated books", () => {
  test("= Σ yearlyPremiumPayable of the valued policies (HyperFormula recomputes it)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<Lang>("zh-CN", "zh-TW", "en-US"),
        fc.constantFrom("2024-02-29", "2025-06-30", "2026-11-23"),
        (seed, clients, lang, asOf) => {
          const book = generateBook({ clients, seed, asOf, lang });
          const s = coverage(book, { asOf, lang });
          const total = s.cells.length; // the totals row is the sheet's last
          const expected = inBookCurrency(book, asOf).policies.reduce((a, p) => a + yearlyPremiumPayable(p, asOf), 0);
          const C2 = coverageColumns(book, asOf); // with the currency columns when a policy is foreign
          const cell = at(s, total, C2.premium) as { f: string; cached: number };
          expect(cell.cached).toBeCloseTo(expected, 6);
          expect(recalc(s).get(cellName(C2.premium, total))).toBeCloseTo(expected, 6);
        },
      ),
      { numRuns: 25 },
    );
  });
});
