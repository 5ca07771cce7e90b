/**
 * The maturity ladder sheet (src/sheets/ladder.ts) and its stacked column chart through both renderers: values as
 * the domain computed them (tests/domain/ladder.test.ts holds the rules), totals as native SUMs cached as Excel adds,
 * one chart series per asset class over the twelve months; the review sheet's small table of the client's next
 * maturities. Hand-checked book: 100,000 deposit (Dec), 50,000 wealth product (Jan), 30,000 bond (Nov next year).
 * Print layout: every section within A–O at the month columns' widths, one A4 landscape page wide (src/sheets/print.ts
 * READABLE_SCALE); holdings in another currency at the as-of rate (src/domain/fx.ts), one without a rate an error.
 */
import { maturityLadder } from "../../src/domain/ladder";
import { emptyBook, THIS_BANK, type Book, type Holding } from "../../src/domain/types";
import { parseCell, parseRange } from "../../src/sheets/a1";
import { assetReview } from "../../src/sheets/assetReview";
import { ladderSheet, LADDER_SUMMARY_HEADER_ROW, LADDER_WIDTHS } from "../../src/sheets/ladder";
import { chartCells } from "../../src/sheets/layout";
import { printableWidth, printSetup, sheetWidthPoints } from "../../src/sheets/print";
import { sheetText } from "../../src/sheets/text";
import { fitToContent } from "../../src/sheets/widths";
import { sampleBook } from "../../src/sample";
import { isFormula, type CellValue, type SheetSpec } from "../../src/sheets/spec";
import { chartPartXml } from "../../src/xlsx/chartXml";
import { renderSpecs } from "../../src/xlsx/renderSpec";
import { partTexts, sheetCharts } from "../cli/helpers";
import { installFakeOffice, type FakeHost } from "../fake-excel";
import { renderSheets } from "../excel/renderHelpers";

const asOf = "2026-12-06";
let seq = 0;
const h = (clientId: string, extra: Partial<Holding>): Holding =>
  ({ holdingId: `H${++seq}`, clientId, assetClass: "Deposit", productName: `产品${seq}`, institution: THIS_BANK, amount: 10_000, ...extra });
const book: Book = {
  ...emptyBook(),
  clients: [{ clientId: "C1", name: "张伟" }, { clientId: "C2", name: "李娜" }],
  holdings: [
    h("C1", { amount: 100_000, maturityDate: "2026-12-31", rate: 0.0175, startDate: "2025-12-31" }),
    h("C1", { assetClass: "WealthProduct", amount: 50_000, maturityDate: "2027-01-31", institution: "招商银行" }),
    h("C2", { assetClass: "Bond", amount: 30_000, maturityDate: "2027-11-30" }),
    h("C2", { assetClass: "Loan", amount: 900_000, maturityDate: "2027-02-01" }),
  ],
  policies: [
    { policyId: "P1", clientId: "C2", insured: "李娜", policyType: "Life", insurer: "国寿", startDate: "2016-03-01", termYears: 20, premiumYears: 12,
      sumInsured: 500_000, annualPremium: 8_000, criticalIllness: false, status: "InForce", payer: "王芳" },
  ],
};

const at = (s: SheetSpec, a1: string): CellValue => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return s.cells[+m[2] - 1]?.[col - 1] ?? null;
};
const shown = (v: CellValue) => (isFormula(v) ? v.cached : v);
const findRow = (s: SheetSpec, text: string, after = 0) => s.cells.findIndex((r, i) => i >= after && r[0] === text) + 1;
/** The number format a cell shows with: the last format range holding it that sets one (later ranges win, as the renderers apply them). */
const numberFormatAt = (s: SheetSpec, a1: string): string | undefined => {
  const c = parseCell(a1)!;
  let f: string | undefined;
  for (const x of s.formats ?? []) {
    const g = parseRange(x.range)!;
    if (x.numberFormat !== undefined && c.row >= g.top && c.row <= g.bottom && c.col >= g.left && c.col <= g.right) f = x.numberFormat;
  }
  return f;
};

describe("ladderSheet", () => {
  const s = ladderSheet(book, { asOf, lang: "zh-CN" });
  const hr = LADDER_SUMMARY_HEADER_ROW;

  test("months down, classes across, a SUM per month and per column (180,000 in all)", () => {
    expect(s.cells[hr - 1]).toEqual(["月份", "存款", "理财", "债券", "合计", "保单期满保额", "应缴保费"]);
    expect(s.cells[hr].slice(0, 4)).toEqual(["2026-12", 100_000, 0, 0]);
    expect(at(s, `E${hr + 1}`)).toEqual({ f: `=SUM(B${hr + 1}:D${hr + 1})`, cached: 100_000 });
    expect(at(s, `A${hr + 12}`)).toBe("2027-11");
    expect(shown(at(s, `E${hr + 12}`))).toBe(30_000);
    expect(at(s, `A${hr + 13}`)).toBe("合计");
    expect(at(s, `E${hr + 13}`)).toEqual({ f: `=SUM(E${hr + 1}:E${hr + 12})`, cached: 180_000 });
    // the premium of 2027-03-01 is the 12th and last (2016 + 11), paid by 王芳; apart from the totals
    expect(shown(at(s, `G${hr + 4}`))).toBe(8_000);
  });

  test("a stacked column chart: one series per class over the twelve month labels", () => {
    expect(s.charts).toEqual([expect.objectContaining({
      type: "column", grouping: "stacked", categories: `A${hr + 1}:A${hr + 12}`, values: `B${hr + 1}:B${hr + 12}`, seriesName: "存款",
      moreSeries: [{ name: "理财", values: `C${hr + 1}:C${hr + 12}` }, { name: "债券", values: `D${hr + 1}:D${hr + 12}` }],
    })]);
  });

  test("per client: twelve months across with their totals; the lists with expected proceeds and the payer", () => {
    const r = findRow(s, "客户编号");
    expect(s.cells[r - 1].slice(0, 3)).toEqual(["客户编号", "客户", "2026-12"]);
    expect(s.cells[r].slice(0, 4)).toEqual(["C1", "张伟", 100_000, 50_000]);
    expect(at(s, `O${r + 1}`)).toEqual({ f: `=SUM(C${r + 1}:N${r + 1})`, cached: 150_000 });
    expect(shown(at(s, `O${r + 3}`))).toBe(180_000);
    const d = findRow(s, "到期明细");
    // date, client id, client, class, institution, amount, expected, currency, own amount, product (last: it runs on)
    expect(s.cells[d + 1]).toEqual([expect.any(Number), "C1", "张伟", "存款", "本行", 100_000, 101_750, null, null, "产品1"]);
    expect(s.cells[d + 2][4]).toBe("招商银行");
    expect(s.cells[d + 2][6]).toBeNull(); // no rate: no expected proceeds
    expect(at(s, `F${d + 5}`)).toEqual({ f: `=SUM(F${d + 2}:F${d + 4})`, cached: 180_000 });
    const q = findRow(s, "应缴保费（投保人缴；最后一期缴后即缴清）");
    expect(s.cells[q + 1].slice(1)).toEqual(["C2", "李娜", "P1", "国寿", "王芳", 8_000, null, null, "是", null]);
  });

  test("per client: a month with nothing maturing is blank (format #,##0;-#,##0;), its 0 kept for the SUMs; totals as before", () => {
    // Excel's number format sections <POSITIVE>;<NEGATIVE>;<ZERO>: an empty zero section shows nothing (Microsoft
    // Support, "Review guidelines for customizing a number format"). Hand check: 张伟 has 100,000 in 2026-12 and
    // 50,000 in 2027-01 and nothing in the ten months after; 李娜 only 30,000 in 2027-11.
    const r = findRow(s, "客户编号");
    const months = Array.from({ length: 12 }, (_, i) => String.fromCharCode(67 + i)); // C … N
    expect(months.map((c) => at(s, `${c}${r + 1}`))).toEqual([100_000, 50_000, ...Array(10).fill(0)]);
    for (const c of months) for (const row of [r + 1, r + 2]) expect([`${c}${row}`, numberFormatAt(s, `${c}${row}`)]).toEqual([`${c}${row}`, "#,##0;-#,##0;"]);
    // the totals (client total column O, the totals row) show their zeros: a month total of 0 is a figure
    expect(numberFormatAt(s, `O${r + 1}`)).toBe("#,##0");
    expect(numberFormatAt(s, `E${r + 3}`)).toBe("#,##0");
    expect(at(s, `E${r + 3}`)).toEqual({ f: `=SUM(E${r + 1}:E${r + 2})`, cached: 0 });
    // 万 books: the same blank zero in 万 (and 萬)
    const wan = { ...book, settings: { ...book.settings, amountUnit: "Wan" as const } };
    expect(numberFormatAt(ladderSheet(wan, { asOf, lang: "zh-TW" }), `D${r + 1}`)).toBe('0\\.0,"萬";-0\\.0,"萬";');
  });

  test("an empty ladder says so and has no chart", () => {
    const e = ladderSheet(emptyBook(), { asOf, lang: "en-US" });
    expect(e.charts).toEqual([]);
    expect(e.cells.flat()).toContain("Nothing matures in the next 12 months");
  });

  test("the ladder the pane passes in is the one shown", () => {
    const l = maturityLadder(book, asOf);
    expect(ladderSheet(book, { asOf, lang: "zh-TW", ladder: l }).cells).toEqual(ladderSheet(book, { asOf, lang: "zh-TW" }).cells);
  });
});

describe("printed on A4 (defect: column E fitted to 31 characters, printed at 70 % over 9 pages with the chart cut)", () => {
  // the sample book as the demo writes it: 270 holdings, product names up to 15 CJK characters (31 columns)
  const asOfSample = "2026-11-23";
  for (const lang of ["zh-CN", "en-US"] as const) {
    const sample = sampleBook(asOfSample, lang);
    const spec = fitToContent(ladderSheet(sample, { asOf: asOfSample, lang }));

    test(`${lang}: no column wider than its month needs; one page wide at a readable scale`, () => {
      // A–O: 11, 10, twelve months at 11, 12 (LADDER_WIDTHS) — widened only where a total or a class name needs it
      expect(LADDER_WIDTHS).toEqual([11, 10, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 12]);
      expect(spec.columnWidths!.length).toBe(15);
      expect(Math.max(...spec.columnWidths!)).toBeLessThanOrEqual(15);
      const setup = printSetup(spec)!;
      expect(setup.fit).toEqual({ wide: 1, tall: 0 });
      expect(printableWidth("landscape") / sheetWidthPoints(spec)).toBeGreaterThanOrEqual(0.8);
    });

    test(`${lang}: the chart lies within A–O, beside the summary, above the per-client table`, () => {
      const [chart] = spec.charts!;
      const cells = chartCells(spec, chart);
      expect(cells.right).toBeLessThanOrEqual(15);
      expect(cells.left).toBeGreaterThan(1 + 3 + 3); // right of month, three classes, total, policies, premiums
      expect(findRow(spec, sheetText(lang).ladder.clientsTitle)).toBeGreaterThan(cells.bottom);
    });
  }

  test("many classes: the chart goes below the summary, the full width A–O, and the tables below it", () => {
    const classes = ["Deposit", "WealthProduct", "Fund", "Bond", "Stock", "Insurance", "Other"] as const;
    const wide: Book = { ...book, holdings: classes.map((assetClass, i) => h("C1", { assetClass, amount: 1_000 * (i + 1), maturityDate: "2027-01-15" })) };
    const spec = ladderSheet(wide, { asOf, lang: "zh-CN" });
    const cells = chartCells(spec, spec.charts![0]);
    expect(cells.left).toBe(1);
    expect(cells.top).toBe(LADDER_SUMMARY_HEADER_ROW + 12 + 3);
    expect(cells.right).toBeLessThanOrEqual(15);
    expect(findRow(spec, "各客户每月到期金额")).toBeGreaterThan(cells.bottom);
  });
});

describe("holdings in another currency (CNY book; USD 7.10 on or before the as-of date, no EUR rate)", () => {
  const fxBook: Book = {
    ...book,
    rates: [{ currency: "USD", rate: 7.1, date: "2026-11-30" }],
    holdings: [
      ...book.holdings,
      h("C1", { amount: 10_000, currency: "USD", maturityDate: "2027-03-15", rate: 0.04, startDate: "2026-03-15", productName: "美元定期" }),
      h("C2", { assetClass: "Bond", amount: 1_000, currency: "EUR", maturityDate: "2027-02-01", productName: "欧元债" }),
    ],
  };
  const s = ladderSheet(fxBook, { asOf, lang: "zh-CN" });

  test("counted in CNY (10,000 × 7.10 = 71,000; expected 10,400 × 7.10 = 73,840), the own amount beside it", () => {
    const d = findRow(s, "到期明细");
    const row = s.cells.slice(d + 1).find((r) => r[9] === "美元定期")!;
    expect(row.slice(4, 9).map((v) => (typeof v === "number" ? Math.round(v * 100) / 100 : v))).toEqual(["本行", 71_000, 73_840, "USD", 10_000]);
    expect(shown(at(s, `E${LADDER_SUMMARY_HEADER_ROW + 13}`))).toBeCloseTo(180_000 + 71_000, 6);
  });

  test("a USD policy's premium: 1,200 USD × 7.10 = 8,520 in the premium column, 1,200.00 USD beside it (what the payer pays)", () => {
    const usd: Book = { ...fxBook, policies: [{ policyId: "P9", clientId: "C1", insured: "张伟", policyType: "Life", insurer: "AIA", startDate: "2006-03-01",
      termYears: 30, premiumYears: 25, sumInsured: 100_000, annualPremium: 1_200, criticalIllness: false, status: "InForce", currency: "USD", productName: "美元寿险" }] };
    const u = ladderSheet(usd, { asOf, lang: "zh-CN" });
    const q = findRow(u, "应缴保费（投保人缴；最后一期缴后即缴清）");
    const row = u.cells[q + 1].map((v) => (typeof v === "number" && v < 40_000 ? Math.round(v * 100) / 100 : v));
    expect(row.slice(1)).toEqual(["C1", "张伟", "P9", "AIA", "张伟", 8_520, "USD", 1_200, null, "美元寿险"]);
  });

  test("no EUR rate: the bond is on no total and shown as an error naming the currency and the date", () => {
    const m = findRow(s, "缺少汇率，未折算，未计入合计");
    expect(m).toBeGreaterThan(0);
    expect(s.cells[m + 1]).toEqual([fxBook.holdings[5].holdingId, "C2", "李娜", expect.any(Number), "EUR", 1_000,
      "没有 EUR 在 2026-12-06 或之前的汇率（折合 CNY），请在「汇率」表中补上"]);
    expect(s.cells.flat()).not.toContain("欧元债");
  });
});

test("the review's next maturities in the book currency: a USD deposit of 10,000 at 7.10 → 71,000, its proceeds 73,840", () => {
  const fxBook: Book = {
    ...book,
    rates: [{ currency: "USD", rate: 7.1, date: "2026-11-30" }],
    holdings: [...book.holdings, h("C1", { amount: 10_000, currency: "USD", maturityDate: "2027-03-15", rate: 0.04, startDate: "2026-03-15", productName: "美元定期" })],
  };
  const r = assetReview(fxBook, { asOf, lang: "zh-CN", clientId: "C1" });
  const title = findRow(r, "近期到期（未来 12 个月）");
  const row = r.cells.slice(title).find((x) => x.includes("美元定期"))!;
  // date, class, product, institution, amount, expected (the review's own order)
  expect(row.slice(1, 6).map((v) => (typeof v === "number" ? Math.round(v * 100) / 100 : v))).toEqual(["存款", "美元定期", "本行", 71_000, 73_840]);
});

test("the review sheet lists the client's own next maturities, nobody else's", () => {
  const r = assetReview(book, { asOf, lang: "zh-CN", clientId: "C1" });
  const flat = r.cells.flat();
  expect(flat).toContain("近期到期（未来 12 个月）");
  expect(flat).toContain(101_750);
  expect(flat).not.toContain("产品3"); // C2's bond
});

describe("the stacked chart through both renderers", () => {
  const s = ladderSheet(book, { asOf, lang: "zh-CN" });

  test("file: a stacked bar chart part with three series, each with its cache", async () => {
    const bytes = await renderSpecs([s]);
    expect((await sheetCharts(bytes)).get(s.name)).toEqual(["column"]);
    const chart = [...(await partTexts(bytes)).entries()].find(([k]) => k.startsWith("xl/charts/chart"))![1];
    expect(chart).toContain('<c:grouping val="stacked"/>');
    expect(chart).toContain('<c:overlap val="100"/>');
    expect(chart.match(/<c:ser>/g)).toHaveLength(3);
    expect(chart).toContain("<c:v>理财</c:v>");
    expect(chart).toMatch(/<c:idx val="2"\/><c:order val="2"\/>/);
  });

  test("chartPartXml: a single-series column chart stays clustered (the review's trend chart)", () => {
    const xml = chartPartXml({ name: "T", type: "column", title: "t", seriesName: "s", categoriesRef: "'a'!$A$1:$A$2", valuesRef: "'a'!$B$1:$B$2",
      categories: ["x", "y"], values: [1, 2], anchor: { col: 1, row: 1 }, width: 100, height: 100 });
    expect(xml).toContain('<c:grouping val="clustered"/>');
    expect(xml).not.toContain("overlap");
  });

  describe("Excel (fake host)", () => {
    let host: FakeHost;
    beforeEach(() => { host = installFakeOffice({ workbook: { sheets: [{ name: "First" }] } }); });
    afterEach(() => host.uninstall());
    test("ColumnStacked with one series per class, each with the month labels", async () => {
      await renderSheets([s]);
      const [chart] = host.charts(s.name);
      expect(chart.type).toBe("ColumnStacked");
      expect(chart.series.map((x) => [x.name, x.values, x.xValues])).toEqual(["B", "C", "D"].map((c, i) => [
        ["存款", "理财", "债券"][i], `${s.name}!${c}${LADDER_SUMMARY_HEADER_ROW + 1}:${c}${LADDER_SUMMARY_HEADER_ROW + 12}`,
        `${s.name}!A${LADDER_SUMMARY_HEADER_ROW + 1}:A${LADDER_SUMMARY_HEADER_ROW + 12}`,
      ]));
    });
  });
});
