/**
 * The review sheet with currencies (issue #16; src/sheets/reviewHoldings.ts FX_REVIEW_COLUMNS): each holding's own
 * amount, currency and rate as cells, the book amount as own × rate, the previous review's own amount and rate, and
 * the change split into the holding's own change (A1 − A0)·r0 and the FX effect A1·(r1 − r0) (Karnosky & Singer 1994;
 * src/domain/currency.ts fxChange), every one a formula over those cells; and the rule that keeps every other
 * client's sheet as it was.
 *
 * Expected values: the hand-worked figures of tests/domain/fx.test.ts for the same client (tests/sheets/fxHandBook.ts):
 *   now    CNY 101,000 + USD 10,150 × 7.10 (72,065) + HKD 55,000 × 0.91 (50,050) + CNY 20,000 (new) = 243,115
 *   before CNY 100,000 + USD 10,000 × 7.20 (72,000) + HKD 50,000 × 0.92 (46,000)                   = 218,000
 *   USD: change 65 = own 150 × 7.20 (1,080) + FX 10,150 × (7.10 − 7.20) (−1,015)
 *   HKD: change 4,050 = own 5,000 × 0.92 (4,600) + FX 55,000 × (0.91 − 0.92) (−550)
 *   CNY: change 1,000 = own 1,000 + FX 0;  FX effect on the assets −1,015 − 550 = −1,565
 *   Modified Dietz (20,000 in on 31 May, w = 30/91): 5,115 / 224,593.41 = 2.27745 %
 * Each figure is also recalculated by HyperFormula (a third party) from the sheet's formulas.
 */
import fc from "fast-check";
import { fxEffects, inBookCurrency } from "../../src/domain/fx";
import { clientFigures } from "../../src/domain/figures";
import { LANGS, emptyBook, type Book, type Holding, type Lang, type ReviewRow } from "../../src/domain/types";
import { assetReview, clientFacingReview, reviewLayout, REVIEW_COLUMNS } from "../../src/sheets";
import { cellName, rangeA1 } from "../../src/sheets/a1";
import { printableWidth, printSetup, READABLE_SCALE, sheetWidthPoints } from "../../src/sheets/print";
import { FX_REVIEW_COLUMNS } from "../../src/sheets/reviewHoldings";
import { isFormula, type SheetSpec } from "../../src/sheets/spec";
import { fitToContent } from "../../src/sheets/widths";
import { FX_AS_OF, handCurrencyBook } from "./fxHandBook";
import { allText, at, formula, recalcMismatches, rowWhere, shown } from "./helpers";
import { specProblems } from "./invariants";

const F = FX_REVIEW_COLUMNS;
const opts = (lang: Lang = "zh-CN") => ({ asOf: FX_AS_OF, lang, clientId: "C1" });
const c = (col: number, row: number) => cellName(col, row);

/** Every formula's HyperFormula result against its cached value (relative 1e-9). */
const mismatches = (s: SheetSpec): string[] => recalcMismatches(s, (want) => 1e-9 * Math.max(1, Math.abs(want)));

describe("the hand-checked client of tests/domain/fx.test.ts: CNY, USD and HKD", () => {
  const book = handCurrencyBook();
  const s = assetReview(book, opts());
  const L = reviewLayout(book, opts());
  const row = (product: string) => rowWhere(s, F.product, product);

  test("the table has the currency columns, headed in the book's currency", () => {
    expect(L.columns).toBe(FX_REVIEW_COLUMNS);
    expect(s.cells[L.holdingsHeaderRow - 1]).toEqual([
      "资产类别", "产品名称", "机构", "原币金额", "币种", "汇率", "折人民币金额", "持有月数", "风险等级",
      "上次原币金额", "上次汇率", "上次折人民币金额", "变动", "持仓变动", "汇率影响", "变动%", "适当性",
    ]);
    expect(specProblems(s)).toEqual([]);
  });

  test("USD deposit: 10,150 × 7.10 = 72,065 against 10,000 × 7.20 = 72,000; change 65 = own 1,080 + FX −1,015", () => {
    const r = row("美元定期");
    expect([at(s, r, F.localAmount), at(s, r, F.currency), at(s, r, F.rate)]).toEqual([10150, "USD", 7.1]);
    expect([at(s, r, F.previousLocal), at(s, r, F.previousRate)]).toEqual([10000, 7.2]);
    expect(formula(s, c(F.amount, r)).f).toBe(`=D${r}*F${r}`);
    expect(formula(s, c(F.previous, r)).f).toBe(`=J${r}*K${r}`);
    expect(formula(s, c(F.change, r)).f).toBe(`=G${r}-L${r}`);
    expect(formula(s, c(F.holdingChange, r)).f).toBe(`=(D${r}-J${r})*K${r}`);
    expect(formula(s, c(F.fxEffect, r)).f).toBe(`=D${r}*(F${r}-K${r})`);
    expect(shown(at(s, r, F.amount))).toBeCloseTo(72065, 9);
    expect(shown(at(s, r, F.previous))).toBeCloseTo(72000, 9);
    expect(shown(at(s, r, F.change))).toBeCloseTo(65, 9);
    expect(shown(at(s, r, F.holdingChange))).toBeCloseTo(1080, 9);
    expect(shown(at(s, r, F.fxEffect))).toBeCloseTo(-1015, 9);
    expect(shown(at(s, r, F.changePct))).toBeCloseTo(65 / 72000, 12);
  });

  test("HKD fund: 55,000 × 0.91 = 50,050 against 50,000 × 0.92 (the review's own Rate) = 46,000; change 4,050 = 4,600 − 550", () => {
    const r = row("港币基金");
    expect([at(s, r, F.localAmount), at(s, r, F.currency), at(s, r, F.rate), at(s, r, F.previousLocal), at(s, r, F.previousRate)]).toEqual([55000, "HKD", 0.91, 50000, 0.92]);
    expect(shown(at(s, r, F.amount))).toBeCloseTo(50050, 9);
    expect(shown(at(s, r, F.previous))).toBeCloseTo(46000, 9);
    expect(shown(at(s, r, F.change))).toBeCloseTo(4050, 9);
    expect(shown(at(s, r, F.holdingChange))).toBeCloseTo(4600, 9);
    expect(shown(at(s, r, F.fxEffect))).toBeCloseTo(-550, 9);
  });

  test("CNY deposit at rate 1: change 1,000, all of it its own, FX effect 0; the new wealth product has no previous", () => {
    const r = row("人民币定期");
    expect([at(s, r, F.localAmount), at(s, r, F.currency), at(s, r, F.rate), at(s, r, F.previousLocal), at(s, r, F.previousRate)]).toEqual([101000, "CNY", 1, 100000, 1]);
    expect([shown(at(s, r, F.amount)), shown(at(s, r, F.change)), shown(at(s, r, F.holdingChange)), shown(at(s, r, F.fxEffect))]).toEqual([101000, 1000, 1000, 0]);
    const n = row("稳健理财");
    expect([at(s, n, F.localAmount), at(s, n, F.currency), at(s, n, F.rate), shown(at(s, n, F.amount))]).toEqual([20000, "CNY", 1, 20000]);
    expect([at(s, n, F.previousLocal), at(s, n, F.previousRate), at(s, n, F.previous), at(s, n, F.change), at(s, n, F.fxEffect), at(s, n, F.changePct)])
      .toEqual([null, null, null, null, null, "新增"]);
  });

  test("header: total 243,115, change 25,115 of which FX −1,565 (a SUM of the FX column), return 2.27745 % (Modified Dietz)", () => {
    expect(shown(at(s, 6, 2))).toBeCloseTo(243115, 9);
    expect(at(s, 7, 4)).toBe("总资产变动");
    expect(shown(at(s, 7, 6))).toBeCloseTo(25115, 9);
    expect(at(s, 8, 4)).toBe("其中：汇率影响");
    const lastAsset = L.holdingsLast; // no loans: every row is an asset
    expect(formula(s, "F8").f).toBe(`=SUM(${rangeA1(F.fxEffect, L.holdingsFirst, F.fxEffect, lastAsset)})`);
    expect(shown(at(s, 8, 6))).toBeCloseTo(-1565, 9);
    expect(shown(at(s, 6, 6))).toBeCloseTo(5115 / (218000 + (20000 * 30) / 91), 12);
    expect(shown(at(s, 6, 6))).toBeCloseTo(0.0227745, 6);
  });

  test("class summary: SUM over the book-currency column (deposits 101,000 + 72,065 = 173,065); the pie reads it", () => {
    const sumRow = (label: string) => {
      for (let r = L.summaryFirst; r <= L.summaryTotalRow; r++) if (at(s, r, 1) === label) return r;
      throw new Error(`no ${label} in the class summary`);
    };
    const dep = sumRow("存款");
    expect(formula(s, c(2, dep)).f).toMatch(new RegExp(`^=SUM\\(G\\d+:G\\d+\\)$`));
    expect(shown(at(s, dep, 2))).toBeCloseTo(173065, 9);
    expect(shown(at(s, sumRow("基金"), 2))).toBeCloseTo(50050, 9);
    expect(shown(at(s, sumRow("理财"), 2))).toBeCloseTo(20000, 9);
    expect(shown(at(s, sumRow("合计"), 2))).toBeCloseTo(243115, 9);
    const pie = s.charts!.find((x) => x.type === "pie")!;
    expect(pie.values).toBe(rangeA1(2, L.summaryFirst, 2, L.summaryLast));
  });

  test("every formula recalculates (HyperFormula) to its cached value; the currency formulas hold no number, only cells", () => {
    expect(mismatches(s)).toEqual([]);
    for (let r = L.holdingsFirst; r <= L.holdingsLast; r++) {
      for (const col of [F.amount, F.previous, F.change, F.holdingChange, F.fxEffect]) {
        const v = at(s, r, col);
        if (isFormula(v)) expect(v.f.replace(/[A-Z]+\d+/g, "")).not.toMatch(/\d/);
      }
    }
  });

  test("three languages: the book currency named in the headers", () => {
    const hdr = (lang: Lang) => assetReview(book, opts(lang)).cells[L.holdingsHeaderRow - 1];
    expect(hdr("zh-TW").slice(3, 7)).toEqual(["原幣金額", "幣別", "匯率", "折人民幣金額"]);
    expect(hdr("en-US").slice(3, 7)).toEqual(["Original amount", "Currency", "Rate", "Amount (CNY)"]);
  });

  test("the client's copy: the same figures without the suitability column", () => {
    const { spec, confidential } = clientFacingReview(book, opts());
    const header = spec.cells[L.holdingsHeaderRow - 1];
    expect(header).toHaveLength(F.suitability - 1);
    expect(header).not.toContain("适当性");
    const r = rowWhere(spec, F.product, "美元定期");
    expect(shown(at(spec, r, F.fxEffect))).toBeCloseTo(-1015, 9);
    const text = allText(spec).join("\n");
    for (const x of confidential) expect(text).not.toContain(x);
    expect(mismatches(spec)).toEqual([]);
  });

  // The page's width: the 17 columns once the renderers fit them to their content (src/sheets/widths.ts), printed
  // on one landscape A4 page (src/sheets/print.ts). In Chinese at READABLE_SCALE (70 %) or more; English labels are
  // longer ("Wallet share (financial assets)" widens column A to 35, "Modified Dietz" F and G to 16, as they did
  // before currencies; D + E hold "Cumulative (time-weighted)" whole), measured 0.630: at least 0.62.
  test.each(LANGS)("%s: one landscape A4 page, its columns at a readable scale once fitted to their content", (lang) => {
    for (const clientFacing of [false, true]) {
      const spec = assetReview(book, { ...opts(lang), clientFacing });
      expect(printSetup(spec)).toMatchObject({ paper: "A4", orientation: "landscape", fit: { wide: 1, tall: 1 } });
      const scale = printableWidth("landscape") / sheetWidthPoints(fitToContent(spec));
      expect(scale).toBeGreaterThanOrEqual(lang === "en-US" ? 0.62 : READABLE_SCALE);
    }
  });
});

// ---- the rule: currency columns only for a client with another currency now or at the last review ---------------

const PREV = "2025-03-31";
const AS_OF = "2025-06-30";
function cnyBook(): Book {
  const b = emptyBook({ currency: "CNY" });
  b.clients = [{ clientId: "C1", name: "王芳", riskLevel: "C3", riskAssessedOn: "2025-01-02" }];
  b.holdings = [
    { holdingId: "H1", clientId: "C1", assetClass: "Deposit", productName: "定期", institution: "ThisBank", amount: 120000 },
    { holdingId: "H2", clientId: "C1", assetClass: "Fund", productName: "基金", institution: "招商银行", amount: 48000, riskLevel: "R3" },
    { holdingId: "H3", clientId: "C1", assetClass: "Loan", productName: "房贷", institution: "ThisBank", amount: 500000 },
  ];
  b.reviews = [
    { clientId: "C1", reviewDate: "2024-12-31", holdingId: "H1", assetClass: "Deposit", amount: 100000 },
    { clientId: "C1", reviewDate: PREV, holdingId: "H1", assetClass: "Deposit", amount: 110000 },
    { clientId: "C1", reviewDate: PREV, holdingId: "H2", assetClass: "Fund", amount: 50000 },
    { clientId: "C1", reviewDate: PREV, holdingId: "H3", assetClass: "Loan", amount: 510000 },
  ];
  return b;
}
const review = (b: Book, lang: Lang = "zh-CN") => assetReview(b, { asOf: AS_OF, lang, clientId: "C1" });
const layout = (b: Book) => reviewLayout(b, { asOf: AS_OF, lang: "zh-CN", clientId: "C1" });

describe("a client in the book currency only: the sheet as before currencies", () => {
  test("the ten columns, headers and widths it always had; nothing of currencies", () => {
    const s = review(cnyBook());
    const L = layout(cnyBook());
    expect(L.columns).toBe(REVIEW_COLUMNS);
    expect(s.cells[L.holdingsHeaderRow - 1]).toEqual(["资产类别", "产品名称", "机构", "金额", "持有月数", "风险等级", "上次金额", "变动", "变动%", "适当性"]);
    // the widths of before: column F widened to the measure's name (修正迪茨法 + 2)
    expect(s.columnWidths).toEqual([16, 26, 16, 14, 15, 12, 14, 12, 10, 12]);
    expect(Math.max(...s.cells.map((r) => r.length))).toBeLessThanOrEqual(10);
    const text = allText(s).join("\n");
    for (const w of ["币种", "汇率", "原币"]) expect(text).not.toContain(w);
    // the header block: change, then cumulative and annualised (no FX row), the legend on row 10, one line
    expect([at(s, 7, 4), at(s, 8, 4), at(s, 9, 4)]).toEqual(["总资产变动", "累计收益（时间加权）", "年化收益"]);
    // D + E hold the longest label of that column whole (bold): "Cumulative (time-weighted)" in English
    const en = review(cnyBook(), "en-US");
    expect(en.columnWidths![3] + en.columnWidths![4]).toBeGreaterThanOrEqual(Math.ceil("Cumulative (time-weighted)".length * 1.1 * 10) / 10 + 1);
    expect(String(at(s, 10, 1))).toMatch(/^贷款按未还余额列示/);
    expect(at(s, 11, 1)).toBeNull();
    const r = rowWhere(s, REVIEW_COLUMNS.product, "基金");
    expect(at(s, r, REVIEW_COLUMNS.amount)).toBe(48000);
    expect(formula(s, c(REVIEW_COLUMNS.change, r)).f).toBe(`=D${r}-G${r}`);
  });

  test("the legend wraps across the table's width (in English it ran one line past the page: printed at ~45 %)", () => {
    const en = review(cnyBook(), "en-US");
    expect(en.merges).toContain("A10:J10");
    const legend = String(at(en, 10, 1));
    expect(legend.length).toBeGreaterThan(300);
    // its lines at the 10 columns' 147 characters (F widened to "Modified Dietz" + 2), 10 % wide: 16 pt each
    const lines = Math.ceil((legend.length * 1.1 + 1) / [16, 26, 16, 14, 15, 16, 16, 12, 10, 12].reduce((a, w) => a + w, 0));
    expect(lines).toBeGreaterThan(1);
    expect(en.rowHeights?.[10]).toBe(lines * 16);
    expect(en.formats).toContainEqual({ range: "A10", style: { wrap: true, vertical: "top" } });
    const facing = assetReview(cnyBook(), { asOf: AS_OF, lang: "en-US", clientId: "C1", clientFacing: true });
    expect(facing.merges).toContain("A10:I10"); // the client's copy has no suitability column
  });

  test("rates in the Rates table and an explicit Currency of the book's own change nothing", () => {
    const plain = cnyBook();
    const marked = cnyBook();
    marked.rates = [{ currency: "USD", rate: 7.2, date: "2025-01-01" }, { currency: "HKD", rate: 0.9, date: "2025-01-01" }];
    marked.holdings = marked.holdings.map((h) => ({ ...h, currency: "CNY" }));
    marked.reviews = marked.reviews.map((x) => ({ ...x, currency: "CNY", rate: 1 }));
    for (const lang of LANGS) expect(review(marked, lang)).toEqual(review(plain, lang));
  });

  test("a currency held only at an older review (not the one compared with) adds no column", () => {
    const b = cnyBook();
    b.rates = [{ currency: "USD", rate: 7.3, date: "2024-12-31" }];
    b.reviews.push({ clientId: "C1", reviewDate: "2024-12-31", holdingId: "H9", assetClass: "Deposit", amount: 1000, currency: "USD" });
    expect(layout(b).columns).toBe(REVIEW_COLUMNS);
    // its value still counts in that review's total in the trend table: 100,000 + 1,000 × 7.30
    const s = review(b);
    const L = layout(b);
    expect(at(s, L.trendFirst, 2)).toBeCloseTo(107300, 9);
  });
});

describe("a client with another currency on one side only", () => {
  test("USD sold since the last review: the columns, the sold row with its previous own amount and rate", () => {
    const b = cnyBook();
    b.rates = [{ currency: "USD", rate: 7.2, date: "2025-03-31" }];
    b.reviews.push({ clientId: "C1", reviewDate: PREV, holdingId: "HU", assetClass: "Bond", productName: "美元债", amount: 3000, currency: "USD" });
    const s = review(b);
    expect(layout(b).columns).toBe(FX_REVIEW_COLUMNS);
    const r = rowWhere(s, F.product, "美元债");
    expect([at(s, r, F.localAmount), at(s, r, F.currency), at(s, r, F.rate), at(s, r, F.amount)]).toEqual([0, "USD", null, 0]);
    expect([at(s, r, F.previousLocal), at(s, r, F.previousRate), formula(s, c(F.previous, r)).f]).toEqual([3000, 7.2, `=J${r}*K${r}`]);
    expect(shown(at(s, r, F.previous))).toBeCloseTo(21600, 9);
    expect([at(s, r, F.change), at(s, r, F.holdingChange), at(s, r, F.fxEffect), at(s, r, F.changePct)]).toEqual([null, null, null, "已赎回"]);
    expect(mismatches(s)).toEqual([]);
  });

  test("a new USD holding: the columns, no previous; a loan in CNY stays out of the FX total", () => {
    const b = cnyBook();
    b.rates = [{ currency: "USD", rate: 7.1, date: "2025-06-01" }];
    b.holdings.push({ holdingId: "HN", clientId: "C1", assetClass: "Deposit", productName: "美元活期", institution: "ThisBank", amount: 500, currency: "USD" });
    const s = review(b);
    const L = layout(b);
    const r = rowWhere(s, F.product, "美元活期");
    expect(shown(at(s, r, F.amount))).toBeCloseTo(3550, 9);
    expect(at(s, r, F.changePct)).toBe("新增");
    const loan = rowWhere(s, F.product, "房贷");
    expect(loan).toBe(L.holdingsLast);
    expect(formula(s, "F8").f).toBe(`=SUM(${rangeA1(F.fxEffect, L.holdingsFirst, F.fxEffect, loan - 1)})`);
    expect(shown(at(s, 8, 6))).toBe(0);
    expect(mismatches(s)).toEqual([]);
  });

  test("a holding whose currency changed between the reviews: its change, but no split (it would mix two currencies)", () => {
    const b = handCurrencyBook();
    b.holdings = b.holdings.map((h) => (h.holdingId === "H2" ? { ...h, currency: undefined, amount: 72000 } : h));
    const s = assetReview(b, opts());
    const r = rowWhere(s, F.product, "美元定期");
    expect([at(s, r, F.currency), at(s, r, F.previousLocal), at(s, r, F.previousRate)]).toEqual(["CNY", 10000, 7.2]);
    expect(shown(at(s, r, F.change))).toBeCloseTo(0, 9);
    expect([at(s, r, F.holdingChange), at(s, r, F.fxEffect)]).toEqual([null, null]);
  });
});

// ---- property: any mix of currencies, amounts and rates -----------------------------------------------------------

describe("any client in CNY, USD and HKD", () => {
  const CCY = ["CNY", "USD", "HKD"] as const;
  const position = fc.record({
    currency: fc.constantFrom(...CCY),
    assetClass: fc.constantFrom("Deposit", "Fund", "Bond", "Loan" as const),
    now: fc.option(fc.integer({ min: 1, max: 5_000_000 }), { nil: undefined }),
    before: fc.option(fc.integer({ min: 1, max: 5_000_000 }), { nil: undefined }),
  });
  const rate = fc.integer({ min: 500, max: 90_000 }).map((n) => n / 10_000); // 0.05 … 9
  test("formulas recalculate to the cached values; own change + FX effect = change; the FX total is the domain's (fxEffects)", () => {
    fc.assert(
      fc.property(fc.array(position, { minLength: 1, maxLength: 8 }), rate, rate, rate, rate, (ps, usd0, usd1, hkd0, hkd1) => {
        const b = emptyBook({ currency: "CNY" });
        b.clients = [{ clientId: "C1", name: "测试" }];
        b.rates = [
          { currency: "USD", rate: usd0, date: PREV }, { currency: "USD", rate: usd1, date: AS_OF },
          { currency: "HKD", rate: hkd0, date: PREV }, { currency: "HKD", rate: hkd1, date: AS_OF },
        ];
        const holdings: Holding[] = [];
        const reviews: ReviewRow[] = [];
        ps.forEach((p, i) => {
          const currency = p.currency === "CNY" ? undefined : p.currency;
          if (p.now !== undefined) holdings.push({ holdingId: `H${i}`, clientId: "C1", assetClass: p.assetClass, productName: `P${i}`, institution: "ThisBank", amount: p.now / 100, ...(currency ? { currency } : {}) });
          if (p.before !== undefined) reviews.push({ clientId: "C1", reviewDate: PREV, holdingId: `H${i}`, assetClass: p.assetClass, productName: `P${i}`, amount: p.before / 100, ...(currency ? { currency } : {}) });
        });
        b.holdings = holdings;
        b.reviews = reviews;
        const s = assetReview(b, { asOf: AS_OF, lang: "zh-CN", clientId: "C1" });
        const L = reviewLayout(b, { asOf: AS_OF, lang: "zh-CN", clientId: "C1" });
        expect(mismatches(s)).toEqual([]);
        const foreign = ps.some((p) => p.currency !== "CNY" && (p.now !== undefined || p.before !== undefined));
        expect(L.columns).toBe(foreign ? FX_REVIEW_COLUMNS : REVIEW_COLUMNS);
        const v = inBookCurrency(b, AS_OF);
        expect(shown(at(s, 6, 2))).toBeCloseTo(clientFigures(v, "C1", AS_OF).assets, 6);
        if (!foreign) return;
        for (let r = L.holdingsFirst; r <= L.holdingsLast; r++) {
          const own = shown(at(s, r, F.holdingChange));
          if (typeof own === "number") expect(own + (shown(at(s, r, F.fxEffect)) as number)).toBeCloseTo(shown(at(s, r, F.change)) as number, 6);
        }
        const domain = fxEffects(v, "C1", PREV);
        const assetIds = ps.map((p, i) => ({ p, id: `H${i}` })).filter(({ p }) => p.assetClass !== "Loan" && p.now !== undefined && p.before !== undefined);
        const expected = assetIds.reduce((sum, { id }) => sum + domain.get(id)!.fx, 0);
        expect(shown(at(s, 8, 6))).toBeCloseTo(expected, 6);
      }),
      { numRuns: 60 },
    );
  });
});
