/**
 * 到期阶梯 — the maturity ladder of src/domain/ladder.ts as a sheet: the next twelve months down, the asset classes
 * across, each month's total and, apart, the sums insured of policies ending and the premiums due; a stacked column
 * chart of the months by asset class beside it (below it when many classes leave too little room); rows in another
 * currency with no rate, listed as errors; then per client the twelve months across (a month with nothing maturing
 * blank: an empty zero section in its number format, the 0 kept for the SUMs); then the lists — what matures
 * (with expected proceeds where the book knows the rate, and a foreign holding's currency and own amount), policies
 * ending, premiums due with their payer.
 *
 * The amounts are values the domain computed, in the book currency; every total is a native SUM over the cells above
 * it or beside it, so it recalculates to the cached value anywhere (cached as Excel adds: sumInOrder). No criteria
 * lookup on labels. The review sheet's small table of one client's next maturities (reviewMaturities) is made here too.
 *
 * Print layout (A4 landscape, one page wide): every section shares columns A–O, the per-client table's id, name,
 * twelve months and total, so no column is wider than its month needs (LADDER_WIDTHS). The lists' free text (the
 * product's name) is their last column, where it runs on over the empty cells to its right instead of widening a
 * month column (src/sheets/widths.ts fits only text its right neighbour would cut). The chart lies within A–O.
 */
import { ASSET_CLASS_LABELS } from "../domain/allocation";
import { missingRateMessage } from "../domain/currency";
import { maturityLadder, type MaturityLadder } from "../domain/ladder";
import type { Book, Lang } from "../domain/types";
import { codeLabel } from "../book/codes";
import { cellName, rangeA1 } from "./a1";
import { amountFormat, COLORS, DATE_FORMAT, Grid, checkBase, dateCell, fx, sumInOrder, writeHeader, writeTitle, type BaseOptions } from "./common";
import { CHART_HEIGHT, columnPoints, rowsForHeight } from "./layout";
import { TAB_COLORS } from "./marker";
import { sheetPage } from "./print";
import type { CellValue, ChartSpec, SheetSpec } from "./spec";
import { sheetText } from "./text";
import { LINE_POINTS, neededWidth } from "./widths";

export const LADDER_CHART_NAME = "Ladder";
/** Row of the summary's header (month, classes…, total, policies, premiums); months follow from the next row. */
export const LADDER_SUMMARY_HEADER_ROW = 5;
/**
 * Column widths in characters, A–O: A the month, date or client id (a yyyy-mm-dd date needs 10 + 1); B the client's
 * name; C–N the twelve months (an amount to 99,999,999 with its separators: 10 + 1); O the per-client total. 165
 * characters, 922 pt: one A4 landscape page wide at 86 % (src/sheets/print.ts), every section on it.
 */
export const LADDER_WIDTHS: readonly number[] = [11, 10, ...Array.from({ length: 12 }, () => 11), 12];
/** A chart narrower than this beside the summary goes below it. */
const MIN_CHART_WIDTH = 300;
/** Own-currency amounts, in the currency's own units (the book's amount unit is for book-currency amounts). */
const LOCAL_FORMAT = "#,##0.00";

export function ladderSheetName(lang: Lang): string {
  return sheetText(lang).ladder.sheetName;
}

function institutionText(institution: string, lang: Lang): string {
  return institution === "ThisBank" ? codeLabel("institution", "ThisBank", lang) : institution;
}

/** SUM over a range with its cached value added in Excel's order. */
function sumCell(range: string, values: readonly (number | null | undefined)[]): CellValue {
  return fx(`=SUM(${range})`, sumInOrder(values));
}

export interface LadderSheetOptions extends BaseOptions {
  /** The ladder, when the caller already has it (the task pane's view). */
  ladder?: MaturityLadder;
}

export function ladderSheet(book: Book, opts: LadderSheetOptions): SheetSpec {
  checkBase(opts, "ladderSheet");
  const { asOf, lang } = opts;
  const t = sheetText(lang);
  const lt = t.ladder;
  const l = opts.ladder ?? maturityLadder(book, asOf);
  const AMOUNT_FORMAT = amountFormat(book, lang);
  const g = new Grid();
  writeTitle(g, lt.title, t.asOf, asOf);
  // the legend over A–O, wrapped: run on as one line it would print past the page's edge
  g.set(3, 1, lt.legend);
  g.merges.push(rangeA1(1, 3, LADDER_WIDTHS.length, 3));
  g.format("A3", undefined, { italic: true, color: COLORS.muted, wrap: true, vertical: "top" });
  const legendLines = Math.ceil(neededWidth(lt.legend, false) / LADDER_WIDTHS.reduce((a, w) => a + w, 0));

  // ---- 1. months × classes -------------------------------------------------------------------------------------
  const hr = LADDER_SUMMARY_HEADER_ROW;
  g.set(hr - 1, 1, lt.summaryTitle);
  g.format(cellName(1, hr - 1), undefined, { bold: true });
  const classCols = l.classes.map((_, i) => 2 + i);
  const totalCol = 2 + l.classes.length;
  const policyCol = totalCol + 1;
  const premiumCol = totalCol + 2;
  writeHeader(g, hr, 1, [lt.month, ...l.classes.map((c) => ASSET_CLASS_LABELS[c][lang]), lt.total, lt.policySums, lt.premiums]);
  const first = hr + 1;
  const last = hr + l.months.length;
  const policyByMonth = l.months.map((_, i) => sumInOrder(l.policies.filter((p) => p.month === i).map((p) => p.sumInsured)));
  l.months.forEach((m, i) => {
    const r = first + i;
    const amounts = l.classes.map((c) => l.byClass.get(c)![i]);
    g.row(r, 1, [m, ...amounts]);
    g.set(r, totalCol, l.classes.length > 0 ? sumCell(rangeA1(2, r, totalCol - 1, r), amounts) : 0);
    g.set(r, policyCol, policyByMonth[i]);
    g.set(r, premiumCol, l.premiumTotals[i]);
  });
  const totalRow = last + 1;
  g.set(totalRow, 1, lt.total);
  for (let c = 2; c <= premiumCol; c++) {
    const column: number[] = [];
    for (let r = first; r <= last; r++) {
      const v = g.get(r, c);
      column.push(typeof v === "number" ? v : typeof v === "object" && v !== null && "cached" in v ? Number(v.cached) : 0);
    }
    g.set(totalRow, c, sumCell(rangeA1(c, first, c, last), column));
  }
  g.formatBox(2, first, premiumCol, totalRow, AMOUNT_FORMAT);
  g.formatBox(1, first, premiumCol, totalRow, undefined, { border: true });
  g.formatBox(1, totalRow, premiumCol, totalRow, undefined, { bold: true, fill: COLORS.totalFill });
  g.formatBox(policyCol, first, premiumCol, totalRow, undefined, { italic: true, color: COLORS.muted });

  const charts: ChartSpec[] = [];
  const chartRows = rowsForHeight(CHART_HEIGHT);
  const points = (from: number, to: number) => LADDER_WIDTHS.slice(from - 1, to).reduce((a, w) => a + columnPoints(w), 0);
  // beside the summary, one column apart, up to O; below it when that leaves less than MIN_CHART_WIDTH
  const besideCol = premiumCol + 2;
  const beside = points(besideCol, LADDER_WIDTHS.length) >= MIN_CHART_WIDTH;
  let r = beside ? Math.max(totalRow, hr + chartRows) + 2 : totalRow + 2;
  if (l.classes.length > 0) {
    const series = classCols.map((c, i) => ({ name: ASSET_CLASS_LABELS[l.classes[i]][lang], values: rangeA1(c, first, c, last) }));
    const anchor = beside ? cellName(besideCol, hr) : cellName(1, r);
    charts.push({
      name: LADDER_CHART_NAME,
      type: "column",
      grouping: "stacked",
      title: lt.chartTitle,
      categories: rangeA1(1, first, 1, last),
      values: series[0].values,
      seriesName: series[0].name,
      ...(series.length > 1 ? { moreSeries: series.slice(1) } : {}),
      anchor,
      // a few points short of O's right edge, so no renderer's rounding carries it into P
      width: Math.floor((beside ? points(besideCol, LADDER_WIDTHS.length) : points(1, LADDER_WIDTHS.length)) - 6),
      height: CHART_HEIGHT,
    });
    if (!beside) r += chartRows + 1;
  } else {
    g.set(hr - 1, 3, lt.empty);
    g.format(cellName(3, hr - 1), undefined, { italic: true, color: COLORS.muted });
  }

  // ---- rows in another currency without a rate: on no total, each with what to do -------------------------------
  if (l.missing.length > 0) {
    g.set(r, 1, lt.missingTitle);
    g.format(cellName(1, r), undefined, { bold: true, color: COLORS.alertColor });
    r++;
    const h = lt.headers;
    writeHeader(g, r, 1, [h.id, h.clientId, h.client, h.date, h.currency, h.localAmount, h.reason]);
    const mFirst = r + 1;
    for (const m of l.missing) {
      r++;
      g.row(r, 1, [m.id, m.clientId, m.clientName, dateCell(m.due), m.currency, m.localAmount, missingRateMessage(m.currency, m.date, book.settings.currency)[lang]]);
    }
    g.formatBox(4, mFirst, 4, r, DATE_FORMAT);
    g.formatBox(6, mFirst, 6, r, LOCAL_FORMAT);
    g.formatBox(1, mFirst, 6, r, undefined, { border: true });
    g.formatBox(7, mFirst, 7, r, undefined, { color: COLORS.alertColor });
    r += 2;
  }

  // ---- 2. per client, months across ----------------------------------------------------------------------------
  g.set(r, 1, lt.clientsTitle);
  g.format(cellName(1, r), undefined, { bold: true });
  r++;
  const h = lt.headers;
  const monthCol0 = 3;
  const clientTotalCol = monthCol0 + l.months.length;
  writeHeader(g, r, 1, [h.clientId, h.client, ...l.months, lt.total]);
  const cFirst = r + 1;
  for (const c of l.clients) {
    r++;
    g.row(r, 1, [c.clientId, c.clientName, ...c.byMonth]);
    g.set(r, clientTotalCol, sumCell(rangeA1(monthCol0, r, clientTotalCol - 1, r), c.byMonth));
  }
  const cLast = r;
  r++;
  g.set(r, 1, lt.total);
  for (let i = 0; i <= l.months.length; i++) {
    const col = monthCol0 + i;
    const values = i < l.months.length ? l.clients.map((c) => c.byMonth[i]) : l.clients.map((c) => sumInOrder(c.byMonth));
    g.set(r, col, cLast >= cFirst ? sumCell(rangeA1(col, cFirst, col, cLast), values) : 0);
  }
  // a client's months with nothing maturing are left blank (the cell still holds 0 for the SUMs), so the months with
  // money stand out; the totals keep the amount format (a month total of 0 says the month was added and is empty)
  g.formatBox(monthCol0, cFirst, clientTotalCol - 1, cLast, amountFormat(book, lang, true));
  g.formatBox(clientTotalCol, cFirst, clientTotalCol, cLast, AMOUNT_FORMAT);
  g.formatBox(monthCol0, r, clientTotalCol, r, AMOUNT_FORMAT);
  g.formatBox(1, cFirst, clientTotalCol, r, undefined, { border: true });
  g.formatBox(1, r, clientTotalCol, r, undefined, { bold: true, fill: COLORS.totalFill });

  // ---- 3. the lists --------------------------------------------------------------------------------------------
  r += 2;
  r = writeHoldingList(g, r, l, lang, AMOUNT_FORMAT, true);
  r += 2;
  g.set(r, 1, lt.policiesTitle);
  g.format(cellName(1, r), undefined, { bold: true });
  r++;
  // the product's name last: it runs on to the right instead of widening a month column (file comment)
  writeHeader(g, r, 1, [h.date, h.clientId, h.client, h.policyId, h.insurer, h.sumInsured, h.currency, h.localAmount, h.product]);
  const pFirst = r + 1;
  for (const p of l.policies) {
    r++;
    g.row(r, 1, [dateCell(p.date), p.clientId, p.clientName, p.policyId, p.insurer, p.sumInsured, p.currency ?? null, p.localSumInsured ?? null, p.productName ?? null]);
  }
  g.formatBox(1, pFirst, 1, r, DATE_FORMAT);
  g.formatBox(6, pFirst, 6, r, AMOUNT_FORMAT);
  g.formatBox(7, pFirst, 7, r, undefined, { horizontal: "center" });
  g.formatBox(8, pFirst, 8, r, LOCAL_FORMAT);
  g.formatBox(1, pFirst, 8, r, undefined, { border: true });
  r += 2;
  g.set(r, 1, lt.premiumsTitle);
  g.format(cellName(1, r), undefined, { bold: true });
  r++;
  // the premium in the policy's own currency beside the converted one: that is what the payer pays
  writeHeader(g, r, 1, [h.date, h.clientId, h.client, h.policyId, h.insurer, h.payer, h.premium, h.currency, h.localAmount, h.last, h.product]);
  const qFirst = r + 1;
  for (const p of l.premiums) {
    r++;
    g.row(r, 1, [dateCell(p.date), p.clientId, p.clientName, p.policyId, p.insurer, p.payer, p.amount, p.currency ?? null, p.localAmount ?? null,
      p.last ? lt.lastPremium : null, p.productName ?? null]);
  }
  if (l.premiums.length > 0) {
    r++;
    g.set(r, 1, lt.total);
    g.set(r, 7, sumCell(rangeA1(7, qFirst, 7, r - 1), l.premiums.map((p) => p.amount)));
    g.formatBox(1, r, 10, r, undefined, { bold: true, fill: COLORS.totalFill });
  }
  g.formatBox(1, qFirst, 1, r, DATE_FORMAT);
  g.formatBox(7, qFirst, 7, r, AMOUNT_FORMAT);
  g.formatBox(8, qFirst, 8, r, undefined, { horizontal: "center" });
  g.formatBox(9, qFirst, 9, r, LOCAL_FORMAT);
  g.formatBox(10, qFirst, 10, r, undefined, { horizontal: "center" });
  g.formatBox(1, qFirst, 10, r, undefined, { border: true });

  return {
    name: ladderSheetName(lang),
    kind: "ladder",
    cells: g.cells(),
    columnWidths: [...LADDER_WIDTHS],
    ...(legendLines > 1 ? { rowHeights: { 3: legendLines * LINE_POINTS } } : {}),
    formats: g.formats,
    merges: g.merges,
    charts,
    freeze: { rows: 2, columns: 0 },
    page: sheetPage("ladder", lang),
    tabColor: TAB_COLORS.ladder,
  };
}

/**
 * The list of holdings maturing from row `row` with its title, and its amount total; returns the last row written.
 * `withClient` (the ladder sheet): date, client id, client, class, institution, amount, expected proceeds, currency
 * and own amount of a foreign holding, and the product's name last (see the file comment). Without it (the review
 * sheet, one client's): date, class, product, institution, amount, expected proceeds, as the review lays them out.
 */
export function writeHoldingList(g: Grid, row: number, l: MaturityLadder, lang: Lang, format: string, withClient: boolean, col = 1, title?: string): number {
  const lt = sheetText(lang).ladder;
  const h = lt.headers;
  let r = row;
  g.set(r, col, title ?? lt.detailTitle);
  g.format(cellName(col, r), undefined, { bold: true });
  r++;
  const headers = withClient
    ? [h.date, h.clientId, h.client, h.assetClass, h.institution, h.amount, h.expected, h.currency, h.localAmount, h.product]
    : [h.date, h.assetClass, h.product, h.institution, h.amount, h.expected];
  writeHeader(g, r, col, headers);
  const amountCol = col + headers.indexOf(h.amount);
  const first = r + 1;
  for (const x of l.holdings) {
    r++;
    const cls = ASSET_CLASS_LABELS[x.assetClass][lang];
    const inst = institutionText(x.institution, lang);
    g.row(r, col, withClient
      ? [dateCell(x.date), x.clientId, x.clientName, cls, inst, x.amount, x.expected ?? null, x.currency ?? null, x.localAmount ?? null, x.productName]
      : [dateCell(x.date), cls, x.productName, inst, x.amount, x.expected ?? null]);
  }
  if (l.holdings.length === 0) {
    r++;
    g.set(r, col, lt.empty);
    g.format(cellName(col, r), undefined, { italic: true, color: COLORS.muted });
    return r;
  }
  const last = r;
  r++;
  g.set(r, col, lt.total);
  g.set(r, amountCol, sumCell(rangeA1(amountCol, first, amountCol, last), l.holdings.map((x) => x.amount)));
  g.formatBox(col, first, col, last, DATE_FORMAT);
  g.formatBox(amountCol, first, amountCol + 1, r, format);
  const boxed = withClient ? amountCol + 3 : amountCol + 1;
  if (withClient) {
    g.formatBox(amountCol + 2, first, amountCol + 2, last, undefined, { horizontal: "center" });
    g.formatBox(amountCol + 3, first, amountCol + 3, last, LOCAL_FORMAT);
  }
  g.formatBox(col, first, boxed, r, undefined, { border: true });
  g.formatBox(col, r, boxed, r, undefined, { bold: true, fill: COLORS.totalFill });
  return r;
}

/** The review sheet's small table: one client's next maturities (the next 12 months), from `row`. */
export function reviewMaturities(g: Grid, row: number, book: Book, opts: BaseOptions & { clientId: string }): number {
  const l = maturityLadder(book, opts.asOf, { clientId: opts.clientId });
  return writeHoldingList(g, row, l, opts.lang, amountFormat(book, opts.lang), false, 1, sheetText(opts.lang).ladder.reviewTitle);
}
