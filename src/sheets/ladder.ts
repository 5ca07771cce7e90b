/**
 * 到期阶梯 — the maturity ladder of src/domain/ladder.ts as a sheet: the next twelve months down, the asset classes
 * across, each month's total and, apart, the sums insured of policies ending and the premiums due; a stacked column
 * chart of the months by asset class beside it; then per client the twelve months across; then the lists — what
 * matures (with expected proceeds where the book knows the rate), policies ending, premiums due with their payer.
 *
 * The amounts are values the domain computed; every total is a native SUM over the cells above it or beside it, so
 * it recalculates to the cached value anywhere (cached as Excel adds: sumInOrder). No criteria lookup on labels.
 * The review sheet's small table of one client's next maturities (reviewMaturities) is made here too.
 */
import { ASSET_CLASS_LABELS } from "../domain/allocation";
import { maturityLadder, type MaturityLadder } from "../domain/ladder";
import type { Book, Lang } from "../domain/types";
import { codeLabel } from "../book/codes";
import { cellName, rangeA1 } from "./a1";
import { amountFormat, COLORS, DATE_FORMAT, Grid, checkBase, dateCell, fx, sumInOrder, writeHeader, writeTitle, type BaseOptions } from "./common";
import { CHART_HEIGHT, rowsForHeight } from "./layout";
import { TAB_COLORS } from "./marker";
import { sheetPage } from "./print";
import type { CellValue, ChartSpec, SheetSpec } from "./spec";
import { sheetText } from "./text";

export const LADDER_CHART_NAME = "Ladder";
/** Row of the summary's header (month, classes…, total, policies, premiums); months follow from the next row. */
export const LADDER_SUMMARY_HEADER_ROW = 5;
const CHART_WIDTH = 480;

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
  g.set(3, 1, lt.legend);
  g.format("A3", undefined, { italic: true, color: COLORS.muted });

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
  if (l.classes.length > 0) {
    const series = classCols.map((c, i) => ({ name: ASSET_CLASS_LABELS[l.classes[i]][lang], values: rangeA1(c, first, c, last) }));
    charts.push({
      name: LADDER_CHART_NAME,
      type: "column",
      grouping: "stacked",
      title: lt.chartTitle,
      categories: rangeA1(1, first, 1, last),
      values: series[0].values,
      seriesName: series[0].name,
      ...(series.length > 1 ? { moreSeries: series.slice(1) } : {}),
      anchor: cellName(premiumCol + 2, hr),
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
    });
  } else {
    g.set(hr - 1, 3, lt.empty);
    g.format(cellName(3, hr - 1), undefined, { italic: true, color: COLORS.muted });
  }

  // ---- 2. per client, months across ----------------------------------------------------------------------------
  let r = Math.max(totalRow, hr + chartRows) + 2;
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
  g.formatBox(monthCol0, cFirst, clientTotalCol, r, AMOUNT_FORMAT);
  g.formatBox(1, cFirst, clientTotalCol, r, undefined, { border: true });
  g.formatBox(1, r, clientTotalCol, r, undefined, { bold: true, fill: COLORS.totalFill });

  // ---- 3. the lists --------------------------------------------------------------------------------------------
  r += 2;
  r = writeHoldingList(g, r, l, lang, AMOUNT_FORMAT, true);
  r += 2;
  g.set(r, 1, lt.policiesTitle);
  g.format(cellName(1, r), undefined, { bold: true });
  r++;
  writeHeader(g, r, 1, [h.date, h.clientId, h.client, h.policyId, h.product, h.insurer, h.sumInsured]);
  const pFirst = r + 1;
  for (const p of l.policies) {
    r++;
    g.row(r, 1, [dateCell(p.date), p.clientId, p.clientName, p.policyId, p.productName ?? null, p.insurer, p.sumInsured]);
  }
  g.formatBox(1, pFirst, 1, r, DATE_FORMAT);
  g.formatBox(7, pFirst, 7, r, AMOUNT_FORMAT);
  g.formatBox(1, pFirst, 7, r, undefined, { border: true });
  r += 2;
  g.set(r, 1, lt.premiumsTitle);
  g.format(cellName(1, r), undefined, { bold: true });
  r++;
  writeHeader(g, r, 1, [h.date, h.clientId, h.client, h.policyId, h.product, h.insurer, h.payer, h.premium, h.note]);
  const qFirst = r + 1;
  for (const p of l.premiums) {
    r++;
    g.row(r, 1, [dateCell(p.date), p.clientId, p.clientName, p.policyId, p.productName ?? null, p.insurer, p.payer, p.amount, p.last ? lt.lastPremium : null]);
  }
  if (l.premiums.length > 0) {
    r++;
    g.set(r, 1, lt.total);
    g.set(r, 8, sumCell(rangeA1(8, qFirst, 8, r - 1), l.premiums.map((p) => p.amount)));
    g.formatBox(1, r, 9, r, undefined, { bold: true, fill: COLORS.totalFill });
  }
  g.formatBox(1, qFirst, 1, r, DATE_FORMAT);
  g.formatBox(8, qFirst, 8, r, AMOUNT_FORMAT);
  g.formatBox(1, qFirst, 9, r, undefined, { border: true });

  const widths = [12, 12, 12, 12, 24, 14, 14, 14, 14, 12, 12, 12, 12, 12, 12];
  return {
    name: ladderSheetName(lang),
    kind: "ladder",
    cells: g.cells(),
    columnWidths: widths,
    formats: g.formats,
    charts,
    freeze: { rows: 2, columns: 0 },
    page: sheetPage("ladder", lang),
    tabColor: TAB_COLORS.ladder,
  };
}

/**
 * The list of holdings maturing (date, client, class, product, institution, amount, expected proceeds) from row
 * `row` with its title, and its amount total; returns the last row written. `withClient` false leaves out the
 * client columns (the review sheet is one client's).
 */
export function writeHoldingList(g: Grid, row: number, l: MaturityLadder, lang: Lang, format: string, withClient: boolean, col = 1, title?: string): number {
  const lt = sheetText(lang).ladder;
  const h = lt.headers;
  let r = row;
  g.set(r, col, title ?? lt.detailTitle);
  g.format(cellName(col, r), undefined, { bold: true });
  r++;
  const headers = withClient
    ? [h.date, h.clientId, h.client, h.assetClass, h.product, h.institution, h.amount, h.expected]
    : [h.date, h.assetClass, h.product, h.institution, h.amount, h.expected];
  writeHeader(g, r, col, headers);
  const amountCol = col + headers.length - 2;
  const first = r + 1;
  for (const x of l.holdings) {
    r++;
    const what = [ASSET_CLASS_LABELS[x.assetClass][lang], x.productName, institutionText(x.institution, lang), x.amount, x.expected ?? null];
    g.row(r, col, withClient ? [dateCell(x.date), x.clientId, x.clientName, ...what] : [dateCell(x.date), ...what]);
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
  g.formatBox(col, first, amountCol + 1, r, undefined, { border: true });
  g.formatBox(col, r, amountCol + 1, r, undefined, { bold: true, fill: COLORS.totalFill });
  return r;
}

/** The review sheet's small table: one client's next maturities (the next 12 months), from `row`. */
export function reviewMaturities(g: Grid, row: number, book: Book, opts: BaseOptions & { clientId: string }): number {
  const l = maturityLadder(book, opts.asOf, { clientId: opts.clientId });
  return writeHoldingList(g, row, l, opts.lang, amountFormat(book, opts.lang), false, 1, sheetText(opts.lang).ladder.reviewTitle);
}
