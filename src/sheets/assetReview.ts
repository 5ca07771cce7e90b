/**
 * 资产检视 — one client's review sheet for the meeting (or to send when the client can't meet).
 *
 * Layout, top to bottom:
 *  1. header block: client, review date, previous review, risk level and assessment date, contact details,
 *     tier (manager copy only); total assets, liabilities and net worth as formulas over the tables below;
 *     the return since the last review with its measure named, and the change in total assets;
 *  2. holdings grouped by class (largest class first, loans last): product, institution, amount, months held,
 *     R-level, previous amount, change (=amount − previous), change % — "新增"/"已赎回" instead of ±100 % —
 *     and the suitability flag (manager copy only). A holding sold and since deleted from the Holdings table is
 *     named by the ProductName its review rows recorded (its HoldingId only in books from before that column).
 *     A client with a holding in another currency (now or at the last review) gets each holding's own amount,
 *     currency and rate, the book amount as their product and the change split into the holding's own change and
 *     the FX effect (reviewHoldings.ts FX_REVIEW_COLUMNS), the header the FX effect on the assets and the legend a
 *     line on how amounts convert; every other client's sheet is as it was before currencies;
 *  3. class summary (amount = SUM over the class's own rows of the holdings table, which are contiguous; share =
 *     amount / total) with the pie chart beside it. No criteria lookup (SUMIFS) on labels or ids: a formula keyed
 *     on text a user can type ("c001", "C*", "<>C001", "=X") recalculates differently from its cached value;
 *  4. trend: total assets at every recorded review and today (today's = the class total), each period's net flow
 *     ΣCF (entered and derived: src/domain/reviews derivedFlows), the weighted flow Σ wᵢ·CFᵢ, the period's return —
 *     Modified Dietz R = (EV − BV − ΣCF)/(BV + Σ wᵢ·CFᵢ) when there was a flow, the simple change (EV − BV)/BV
 *     otherwise, the measure named on each row — and the cumulative time-weighted return, the period returns
 *     linked geometrically ∏(1 + rₖ) − 1 (GIPS / CFA Institute), with the clustered column chart beside it.
 *     The header repeats the last period's return, the cumulative one and, over a year or more, its annualised
 *     form (1 + R)^(365/days) − 1 (not annualised under a year: GIPS);
 *  5. the client's next maturities over the next 12 months, with expected proceeds (src/sheets/ladder.ts).
 * Each chart gets rows enough for its height at the shortest row height any host uses, so it never covers a cell.
 *
 * Client-facing copy (clientFacing: true), decided per docs/ARCHITECTURE.md § Figures: the client sees their own name,
 * figures and product risk levels (R-levels are printed on what they bought, and their own C-level is theirs to
 * know), with phone and ID number masked. Left out: the bank's client id, tier, notes, tags and the suitability
 * column (an internal compliance flag for the manager to act on, not a verdict to hand over), and nothing of any
 * other client is read into the sheet.
 *
 * The holdings table's rows are made in reviewHoldings.ts; the client-facing copy and what it must not show in
 * clientFacingReview.ts.
 */
import { allocation } from "../domain/allocation";
import { clientFigures } from "../domain/figures";
import { maskIdNumber, maskPhone } from "../domain/mask";
import { cumulativeReturn, reviewComparison, trend } from "../domain/reviewPeriods";
import { type AssetClass, type Book, type Holding } from "../domain/types";
import { codeLabel } from "../book/codes";
import { absCell, cellName, rangeA1 } from "./a1";
import { amountFormat, COLORS, DATE_FORMAT, INT_FORMAT, PERCENT_FORMAT, Grid, checkBase, dateCell, fx, indexFor, sumInOrder, textCell, type BaseOptions, valued } from "./common";
import { CHART_HEIGHT, CHART_WIDTH, rowsForHeight, textWidth } from "./layout";
import { isFormula, type CellValue, type ChartSpec, type FormulaCell, type SheetSpec } from "./spec";
import { clientReviewSheetName, reviewSheetName } from "./sheetNames";
import { sheetText } from "./text";
import { TAB_COLORS } from "./marker";
import { currencyDef } from "../domain/currency";
import { classOrder, FX_REVIEW_COLUMNS, hasCurrencyColumns, holdingCells, needsCurrencyColumns, REVIEW_COLUMNS, snapshots, type ReviewColumns } from "./reviewHoldings";
import { sheetPage } from "./print";
import { LINE_POINTS, neededWidth } from "./widths";
import { reviewMaturities } from "./ladder";

export interface AssetReviewOptions extends BaseOptions {
  clientId: string;
  /** The copy for the client: masked contact details, no manager-only data (see the file comment). */
  clientFacing?: boolean;
}

/** Charts are anchored in this column, right of the summary and trend tables (A–G). */
export const REVIEW_CHART_COLUMN = 8;
/** Trend table columns (1-based). */
export const TREND_COLUMNS = { date: 1, total: 2, netFlow: 3, weightedFlow: 4, periodReturn: 5, measure: 6, cumulative: 7 } as const;
const TC = TREND_COLUMNS;
export const REVIEW_CHART_NAMES = { pie: "Allocation", column: "Trend" } as const;

/** Where things are on a review sheet, for tests and the renderers. */
export interface ReviewLayout {
  holdingsHeaderRow: number;
  /** First and last holding rows (last < first when there are none). */
  holdingsFirst: number;
  holdingsLast: number;
  /** Class summary: first and last class rows (last < first without assets) and its total row. */
  summaryFirst: number;
  summaryLast: number;
  summaryTotalRow: number;
  trendFirst: number;
  trendLast: number;
  /** The holdings table's columns: REVIEW_COLUMNS, or FX_REVIEW_COLUMNS for a client with another currency. */
  columns: ReviewColumns;
}

export const PERCENT2_FORMAT = "0.00%";
/** An exchange rate, book currency per unit: 4 to 6 decimals (see the holdings table's formats). */
export const RATE_FORMAT = "0.0000##";

export function assetReview(book: Book, opts: AssetReviewOptions): SheetSpec {
  return buildReview(book, opts).spec;
}

function buildReview(book: Book, opts: AssetReviewOptions): { spec: SheetSpec; layout: ReviewLayout } {
  checkBase(opts, "assetReview");
  ({ book, opts } = valued(book, opts)); // every amount in the book currency (issue #16)
  const { asOf, lang, clientId } = opts;
  const AMOUNT_FORMAT = amountFormat(book, lang);
  const facing = opts.clientFacing === true;
  const index = indexFor(book, opts);
  const client = index.clientById.get(clientId);
  if (!client) throw new RangeError(`assetReview: there is no client with id ${JSON.stringify(clientId)} in the book`);
  const t = sheetText(lang);
  const tr = t.review;
  const g = new Grid();

  const holdings = index.holdings.get(clientId) ?? [];
  const holdingById = new Map<string, Holding>(holdings.map((h) => [h.holdingId, h]));
  const cmp = reviewComparison(book, clientId, asOf);
  const alloc = allocation(holdings);
  const points = trend(book, clientId, asOf);
  const classLabel = (c: AssetClass) => codeLabel("assetClass", c, lang);
  // Each holding's own amount, currency and rate now and at the review compared with (reviewHoldings.ts decides
  // from them whether the table shows currencies).
  const bookCcy = book.settings.currency;
  const bookCcyName = currencyDef(bookCcy)?.names[lang] ?? bookCcy;
  const now = snapshots(holdings, bookCcy);
  const before = snapshots((index.reviews.get(clientId) ?? []).filter((r) => r.reviewDate === cmp.previousDate), bookCcy);
  const H: ReviewColumns = needsCurrencyColumns(now, before, bookCcy) ? FX_REVIEW_COLUMNS : REVIEW_COLUMNS;
  const fxText = tr.fx;

  // ---- 1. header block ----------------------------------------------------------------------------------------
  g.set(1, 1, `${tr.title} — ${client.name}`);
  g.format("A1", undefined, { bold: true, fontSize: 16, color: COLORS.titleColor });
  const label = (row: number, col: number, text: string) => {
    g.set(row, col, text);
    g.format(cellName(col, row), undefined, { bold: true, color: COLORS.titleColor });
  };
  const L = 1, V = 2, L2 = 4, V2 = 6;
  label(2, L, tr.labels.client);
  g.set(2, V, client.name);
  label(3, L, tr.labels.riskLevel);
  g.set(3, V, client.riskLevel ? `${client.riskLevel} ${t.riskNames[client.riskLevel]}` : t.none);
  label(4, L, tr.labels.phone);
  g.set(4, V, textCell(client.phone === undefined ? undefined : facing ? maskPhone(client.phone) : client.phone));
  label(5, L, tr.labels.idNumber);
  // The ID number is masked on the internal review too (first 6 and last 4): the review is printed and taken to the
  // client, and an ID number is sensitive personal information kept to what the task needs (PIPL arts. 6 and 28);
  // the full number stays in the Clients table (docs/ARCHITECTURE.md § Printing).
  g.set(5, V, textCell(client.idNumber === undefined ? undefined : maskIdNumber(client.idNumber)));
  label(2, L2, tr.labels.reviewDate);
  g.set(2, V2, dateCell(asOf));
  label(3, L2, tr.labels.previousReview);
  g.set(3, V2, cmp.previousDate ? dateCell(cmp.previousDate) : tr.firstReview);
  label(4, L2, tr.labels.assessedOn);
  g.set(4, V2, client.riskAssessedOn ? dateCell(client.riskAssessedOn) : t.none);
  if (!facing) {
    label(5, L2, tr.labels.tier);
    const tier = index.tiers.get(clientId);
    g.set(5, V2, tier ? (tier.manual ? `${tier.tier}${t.profile.manual}` : tier.tier) : null);
  }
  g.formatBox(V2, 2, V2, 4, DATE_FORMAT, { horizontal: "left" });
  const totalsRow = 6;
  label(totalsRow, L, tr.labels.totalAssets);
  label(totalsRow + 1, L, tr.labels.liabilities);
  label(totalsRow + 2, L, tr.labels.netWorth);
  label(totalsRow, L2, tr.labels.sinceLast);
  label(totalsRow + 1, L2, tr.labels.change);
  // With currencies, the FX effect on the assets right under the change in total assets it is part of.
  const fxTotalRow = hasCurrencyColumns(H) ? totalsRow + 2 : undefined;
  const cumRow = totalsRow + (fxTotalRow === undefined ? 2 : 3);
  const annRow = cumRow + 1;
  label(cumRow, L2, tr.labels.cumulative);
  label(annRow, L2, tr.labels.annualised);
  // The legend; with currencies, a second line on how amounts convert.
  const legendRow = annRow + 1;
  g.set(legendRow, 1, facing ? tr.clientLegend : tr.legend);
  g.format(cellName(1, legendRow), undefined, { italic: true, color: COLORS.muted });
  if (fxTotalRow !== undefined) {
    label(fxTotalRow, L2, fxText.fxTotal);
    g.set(legendRow + 1, 1, fxText.legend(bookCcy, bookCcyName));
    g.format(cellName(1, legendRow + 1), undefined, { italic: true, color: COLORS.muted });
  }

  // ---- 2. holdings grouped by class ---------------------------------------------------------------------------
  const titleRow = legendRow + (fxTotalRow === undefined ? 2 : 3);
  g.set(titleRow, 1, tr.holdingsTitle);
  g.format(cellName(1, titleRow), undefined, { bold: true, fontSize: 12 });
  const hh = tr.headers;
  const headers: string[] = [];
  const header = (col: number, text: string) => (headers[col - 1] = text);
  header(H.assetClass, hh.assetClass);
  header(H.product, hh.product);
  header(H.institution, hh.institution);
  header(H.amount, hh.amount);
  header(H.months, hh.months);
  header(H.riskLevel, hh.riskLevel);
  header(H.previous, hh.previous);
  header(H.change, hh.change);
  header(H.changePct, hh.changePct);
  if (hasCurrencyColumns(H)) {
    header(H.localAmount, fxText.localAmount);
    header(H.currency, fxText.currency);
    header(H.rate, fxText.rate);
    header(H.amount, fxText.amountIn(bookCcy, bookCcyName));
    header(H.previousLocal, fxText.previousLocal);
    header(H.previousRate, fxText.previousRate);
    header(H.previous, fxText.previousIn(bookCcy, bookCcyName));
    header(H.holdingChange, fxText.holdingChange);
    header(H.fxEffect, fxText.fxEffect);
  }
  if (!facing) header(H.suitability, hh.suitability);
  else headers.length = H.suitability - 1;
  const lastCol = headers.length;
  const headerRow = titleRow + 1;
  g.row(headerRow, 1, headers);
  g.formatBox(1, headerRow, lastCol, headerRow, undefined, { bold: true, fill: COLORS.headerFill, border: true, wrap: true, horizontal: "center" });

  const order = classOrder(alloc.byClass.map((c) => c.assetClass));
  const rank = new Map(order.map((c, i) => [c, i]));
  const items = cmp.holdings.map((x, i) => ({ x, i })).sort((a, b) => rank.get(a.x.assetClass)! - rank.get(b.x.assetClass)! || a.i - b.i);
  const first = headerRow + 1;
  let row = first;
  let prevClass: AssetClass | undefined;
  // Each class's rows are contiguous (items are sorted by class): its first and last row, and its amounts.
  const classRows = new Map<AssetClass, { first: number; last: number; amounts: number[] }>();
  for (const { x } of items) {
    const cells = holdingCells(x, holdingById.get(x.holdingId), row, client, facing, asOf, lang, t, H, { now: now.get(x.holdingId), before: before.get(x.holdingId) });
    g.row(row, 1, cells);
    // the amount as the cell shows it (own amount × rate with currencies), so the class sums cache what SUM gives
    const shownAmount = cells[H.amount - 1];
    const amount = typeof shownAmount === "number" ? shownAmount : isFormula(shownAmount) ? (shownAmount.cached as number) : x.amount;
    const cr = classRows.get(x.assetClass);
    if (cr) {
      cr.last = row;
      cr.amounts.push(amount);
    } else classRows.set(x.assetClass, { first: row, last: row, amounts: [amount] });
    // The first row of each class is bold in the class column: the visual group break.
    if (x.assetClass !== prevClass) g.format(cellName(1, row), undefined, { bold: true });
    prevClass = x.assetClass;
    row++;
  }
  const last = row - 1;
  if (last >= first) {
    g.formatBox(1, first, lastCol, last, undefined, { border: true });
    g.formatBox(H.amount, first, H.amount, last, AMOUNT_FORMAT);
    g.formatBox(H.months, first, H.months, last, INT_FORMAT);
    g.formatBox(H.previous, first, H.change, last, AMOUNT_FORMAT);
    g.formatBox(H.changePct, first, H.changePct, last, PERCENT_FORMAT, { horizontal: "right" });
    if (hasCurrencyColumns(H)) {
      // own amounts in the book's amount unit as every amount; a rate to 4–6 decimals (a bank quotes 100 units to
      // 2 decimals: 710.53 → 7.1053; 100 JPY at 4.8012 → 0.048012)
      g.formatBox(H.localAmount, first, H.localAmount, last, AMOUNT_FORMAT);
      g.formatBox(H.previousLocal, first, H.previousLocal, last, AMOUNT_FORMAT);
      g.formatBox(H.holdingChange, first, H.fxEffect, last, AMOUNT_FORMAT);
      g.formatBox(H.rate, first, H.rate, last, RATE_FORMAT);
      g.formatBox(H.previousRate, first, H.previousRate, last, RATE_FORMAT);
      g.formatBox(H.currency, first, H.currency, last, undefined, { horizontal: "center" });
    }
    if (!facing) {
      g.conditionalFormats.push({
        range: rangeA1(H.suitability, first, H.suitability, last),
        formula: `=LEN(${cellName(H.suitability, first)})>0`,
        style: { fill: COLORS.alertFill, color: COLORS.alertColor, bold: true },
      });
    }
  } else {
    g.set(first, 1, tr.noAssets);
  }
  const holdingsLast = Math.max(last, first);
  if (fxTotalRow !== undefined && hasCurrencyColumns(H)) {
    // The FX effect on the assets: SUM of the effect column over the asset rows (loans come last, apart); its
    // cached value the sum of those rows' cached effects in row order, as SUM adds them.
    const assetRows = items.filter(({ x }) => x.assetClass !== "Loan").length;
    const effects: number[] = [];
    for (let r = first; r < first + assetRows; r++) {
      const v = g.get(r, H.fxEffect);
      if (isFormula(v) && typeof v.cached === "number") effects.push(v.cached);
    }
    g.set(fxTotalRow, V2, assetRows > 0 ? fx(`=SUM(${rangeA1(H.fxEffect, first, H.fxEffect, first + assetRows - 1)})`, sumInOrder(effects)) : 0);
    g.format(cellName(V2, fxTotalRow), AMOUNT_FORMAT, { bold: true, horizontal: "left" });
  }
  const sumOfClass = (c: AssetClass) => sumInOrder(classRows.get(c)?.amounts ?? []);
  /** SUM over the class's own rows of the amount column, or 0 when it has none. */
  const classSum = (c: AssetClass): CellValue => {
    const cr = classRows.get(c);
    return cr ? fx(`=SUM(${rangeA1(H.amount, cr.first, H.amount, cr.last)})`, sumOfClass(c)) : 0;
  };

  // ---- 3. class summary + pie --------------------------------------------------------------------------------
  const chartRows = rowsForHeight(CHART_HEIGHT);
  const summaryTitle = holdingsLast + 2;
  g.set(summaryTitle, 1, tr.summaryTitle);
  g.format(cellName(1, summaryTitle), undefined, { bold: true, fontSize: 12 });
  const sh = tr.summaryHeaders;
  g.row(summaryTitle + 1, 1, [sh.assetClass, sh.amount, sh.share]);
  g.formatBox(1, summaryTitle + 1, 3, summaryTitle + 1, undefined, { bold: true, fill: COLORS.headerFill, border: true, horizontal: "center" });
  const sFirst = summaryTitle + 2;
  const classes = alloc.byClass.map((c) => ({ assetClass: c.assetClass, label: classLabel(c.assetClass), amount: sumOfClass(c.assetClass) }));
  const sLast = sFirst + classes.length - 1;
  const sTotal = sLast + 1;
  const totalAssets = sumInOrder(classes.map((c) => c.amount));
  const totalRef = absCell(2, sTotal);
  classes.forEach((c, i) => {
    const r = sFirst + i;
    g.set(r, 1, c.label);
    g.set(r, 2, classSum(c.assetClass));
    g.set(r, 3, fx(`=IF(${totalRef}=0,0,${cellName(2, r)}/${totalRef})`, totalAssets === 0 ? 0 : c.amount / totalAssets));
  });
  g.set(sTotal, 1, t.total);
  if (classes.length > 0) {
    g.set(sTotal, 2, fx(`=SUM(${rangeA1(2, sFirst, 2, sLast)})`, totalAssets));
    const shares = classes.map((c) => (totalAssets === 0 ? 0 : c.amount / totalAssets));
    g.set(sTotal, 3, fx(`=SUM(${rangeA1(3, sFirst, 3, sLast)})`, sumInOrder(shares)));
  } else {
    g.set(sTotal, 2, 0);
    g.set(sTotal, 3, 0);
  }
  g.formatBox(1, sFirst, 3, sTotal, undefined, { border: true });
  g.formatBox(2, sFirst, 2, sTotal, AMOUNT_FORMAT);
  g.formatBox(3, sFirst, 3, sTotal, PERCENT_FORMAT);
  g.formatBox(1, sTotal, 3, sTotal, undefined, { bold: true, fill: COLORS.totalFill });
  const charts: ChartSpec[] = [];
  if (classes.length > 0) {
    charts.push({
      name: REVIEW_CHART_NAMES.pie,
      type: "pie",
      title: tr.pieTitle,
      categories: rangeA1(1, sFirst, 1, sLast),
      values: rangeA1(2, sFirst, 2, sLast),
      seriesName: tr.pieSeries,
      anchor: cellName(REVIEW_CHART_COLUMN, summaryTitle),
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
    });
  }

  // ---- header totals (now that the tables' places are known) ---------------------------------------------------
  const liabilities = sumOfClass("Loan");
  g.set(totalsRow, V, classes.length > 0 ? fx(`=${totalRef}`, totalAssets) : 0);
  g.set(totalsRow + 1, V, classSum("Loan"));
  g.set(totalsRow + 2, V, fx(`=${cellName(V, totalsRow)}-${cellName(V, totalsRow + 1)}`, totalAssets - liabilities));
  g.formatBox(V, totalsRow, V, totalsRow + 2, AMOUNT_FORMAT, { bold: true, horizontal: "left" });
  // Wallet share = financial assets at this bank ÷ all financial assets (src/domain/figures.ts, the figure the profile
  // list and the client page show); a value, since a formula would have to match the institutions' own text.
  const figures = clientFigures(book, clientId, asOf);
  label(totalsRow + 3, L, tr.labels.walletShare);
  g.set(totalsRow + 3, V, figures.walletShare ?? t.none);
  g.format(cellName(V, totalsRow + 3), PERCENT_FORMAT, { bold: true, horizontal: "left" });

  // ---- 4. trend + column chart ---------------------------------------------------------------------------------
  const trendTitle = summaryTitle + Math.max(chartRows, sTotal - summaryTitle + 1) + 1;
  g.set(trendTitle, 1, tr.trendTitle);
  g.format(cellName(1, trendTitle), undefined, { bold: true, fontSize: 12 });
  const th = tr.trendHeaders;
  const trendHeaders = [th.date, th.totalAssets, th.netFlow, th.weightedFlow, th.periodReturn, th.measure, th.cumulative];
  g.row(trendTitle + 1, 1, trendHeaders);
  g.formatBox(1, trendTitle + 1, TC.cumulative, trendTitle + 1, undefined, { bold: true, fill: COLORS.headerFill, border: true, horizontal: "center", wrap: true });
  const tFirst = trendTitle + 2;
  const totals: number[] = [];
  let lastReturn: FormulaCell | undefined;
  let lastMeasure: string | null = null;
  let cumulative: number | undefined;
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    const r = tFirst + i;
    const today = p.source === "holdings";
    g.set(r, TC.date, today ? `${p.date}${t.paren(tr.current)}` : p.date);
    const total = today ? totalAssets : p.totalAssets;
    totals.push(total);
    g.set(r, TC.total, today && classes.length > 0 ? fx(`=${totalRef}`, total) : total);
    if (i === 0) continue;
    const bv = totals[i - 1];
    const pr = p.periodReturn;
    const [B, Bp, Cf, Dw, E, Gp] = [
      cellName(TC.total, r), cellName(TC.total, r - 1), cellName(TC.netFlow, r), cellName(TC.weightedFlow, r),
      cellName(TC.periodReturn, r), cellName(TC.cumulative, r - 1),
    ];
    let ret: FormulaCell;
    let measure: string;
    if (pr?.measure === "modified-dietz" || (pr === undefined && p.returnUnavailable?.code === "non-positive-capital")) {
      // Modified Dietz: R = (EV − BV − ΣCF) / (BV + Σ wᵢ·CFᵢ); "" when the average capital is not above 0.
      const flow = pr?.measure === "modified-dietz" ? pr.netFlow : undefined;
      const weighted = pr?.measure === "modified-dietz" ? pr.weightedFlow : undefined;
      g.set(r, TC.netFlow, flow ?? null);
      g.set(r, TC.weightedFlow, weighted ?? null);
      const capital = bv + (weighted ?? 0);
      ret = fx(`=IF(${Bp}+${Dw}<=0,"",(${B}-${Bp}-${Cf})/(${Bp}+${Dw}))`, pr === undefined || capital <= 0 ? "" : (total - bv - (flow ?? 0)) / capital);
      measure = tr.measureDietz;
    } else {
      ret = fx(`=IF(${Bp}=0,"",(${B}-${Bp})/${Bp})`, bv === 0 ? "" : (total - bv) / bv);
      measure = tr.measureSimple;
    }
    g.set(r, TC.periodReturn, ret);
    g.set(r, TC.measure, ret.cached === "" ? null : measure);
    // Cumulative time-weighted return: (1 + previous cumulative)(1 + rₖ) − 1, restarting after a period without one.
    cumulative = ret.cached === "" ? undefined : (1 + (cumulative ?? 0)) * (1 + (ret.cached as number)) - 1;
    g.set(r, TC.cumulative, fx(`=IF(${E}="","",IF(ISNUMBER(${Gp}),1+${Gp},1)*(1+${E})-1)`, cumulative ?? ""));
    lastReturn = ret;
    lastMeasure = ret.cached === "" ? null : measure;
  }
  const tLast = tFirst + points.length - 1;
  g.formatBox(1, tFirst, TC.cumulative, tLast, undefined, { border: true });
  g.formatBox(TC.total, tFirst, TC.weightedFlow, tLast, AMOUNT_FORMAT);
  g.formatBox(TC.periodReturn, tFirst, TC.periodReturn, tLast, PERCENT2_FORMAT);
  g.formatBox(TC.cumulative, tFirst, TC.cumulative, tLast, PERCENT2_FORMAT);
  g.formatBox(1, tLast, TC.cumulative, tLast, undefined, { bold: true });
  charts.push({
    name: REVIEW_CHART_NAMES.column,
    type: "column",
    title: tr.columnTitle,
    categories: rangeA1(1, tFirst, 1, tLast),
    values: rangeA1(2, tFirst, 2, tLast),
    seriesName: tr.columnSeries,
    anchor: cellName(REVIEW_CHART_COLUMN, trendTitle),
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  // ---- 5. the client's next maturities (the next 12 months; src/sheets/ladder.ts) ---------------------------------
  reviewMaturities(g, Math.max(tLast, trendTitle + chartRows) + 2, book, { asOf, lang, clientId });

  // ---- header: return and change since the last review, cumulative and annualised returns ----------------------
  if (lastReturn !== undefined) {
    g.set(totalsRow, V2, fx(`=${cellName(TC.periodReturn, tLast)}`, lastReturn.cached as number | string));
    g.set(totalsRow, V2 + 1, lastMeasure ?? (cmp.returnUnavailable ? cmp.returnUnavailable.message[lang] : null));
    const prevTotal = totals[totals.length - 2];
    const change = totals[totals.length - 1] - prevTotal;
    g.set(totalsRow + 1, V2, fx(`=${cellName(2, tLast)}-${cellName(2, tLast - 1)}`, change));
    g.set(totalsRow + 1, V2 + 1, fx(`=IF(${cellName(2, tLast - 1)}=0,"",${cellName(V2, totalsRow + 1)}/${cellName(2, tLast - 1)})`, prevTotal === 0 ? "" : change / prevTotal));
  } else {
    g.set(totalsRow, V2, t.none);
    g.set(totalsRow, V2 + 1, tr.firstReview);
    g.set(totalsRow + 1, V2, t.none);
  }
  const cum = cumulativeReturn(points);
  const cumCell = cellName(V2, cumRow);
  if (cum !== undefined) {
    g.set(cumRow, V2, fx(`=${cellName(TC.cumulative, tLast)}`, cum.value));
    g.set(cumRow, V2 + 1, tr.span(cum.from, cum.days));
    if (cum.annualised !== undefined) {
      // (1 + R)^(365/days) − 1, days = the chain's span in calendar days.
      g.set(annRow, V2, fx(`=IF(${cumCell}="","",(1+${cumCell})^(365/${cum.days})-1)`, cum.annualised));
    } else {
      g.set(annRow, V2, t.none);
      g.set(annRow, V2 + 1, tr.notAnnualised);
    }
  } else {
    g.set(cumRow, V2, t.none);
    g.set(annRow, V2, t.none);
  }
  g.format(cellName(V2, totalsRow), PERCENT2_FORMAT, { bold: true, horizontal: "left" });
  g.format(cellName(V2, totalsRow + 1), AMOUNT_FORMAT, { bold: true, horizontal: "left" });
  g.format(cellName(V2 + 1, totalsRow + 1), PERCENT_FORMAT, { horizontal: "left" });
  g.format(cellName(V2 + 1, totalsRow), undefined, { italic: true });
  g.format(cellName(V2, cumRow), PERCENT2_FORMAT, { bold: true, horizontal: "left" });
  g.format(cellName(V2, annRow), PERCENT2_FORMAT, { bold: true, horizontal: "left" });
  g.formatBox(V2 + 1, cumRow, V2 + 1, annRow, undefined, { italic: true });

  // Column widths: the holdings table's, widened where the trend table's method names and the header's labels
  // need it (a CJK character is two columns wide).
  // With currencies (17 columns): each as narrow as its usual content (the renderers widen any a value needs,
  // src/sheets/widths.ts), so the page still prints at READABLE_SCALE or more (src/sheets/print.ts); the currency (E)
  // and rate (F) columns where the trend's return and measure go, D + E wide enough for the header's labels.
  const widths = hasCurrencyColumns(H) ? [16, 19, 12, 12, 11, 12, 13, 8, 8, 12, 9, 13, 11, 11, 11, 8, 10].slice(0, lastCol) : [16, 26, 16, 14, 15, 11, 14, 12, 10, 12];
  const need = (col: number, texts: readonly string[]) => {
    widths[col - 1] = Math.max(widths[col - 1], ...texts.map((x) => textWidth(x) + 2));
  };
  need(TC.measure, [tr.measureDietz, tr.measureSimple, th.measure]);
  need(V2 + 1, [tr.measureDietz, tr.measureSimple]);
  // The header's second column of labels (D) runs on over the empty E up to its values in F: D + E as wide as the
  // longest, bold (the English "Cumulative (time-weighted)" was cut at F).
  const l2Labels = [tr.labels.sinceLast, tr.labels.change, tr.labels.cumulative, tr.labels.annualised, ...(fxTotalRow === undefined ? [] : [fxText.fxTotal])];
  const l2Need = Math.max(...l2Labels.map((x) => neededWidth(x, true)));
  widths[L2] = Math.max(widths[L2], l2Need - widths[L2 - 1]);

  // The legend's lines across the holdings table's width, wrapped: run on as one line, the English legend printed
  // far past the table's edge and LibreOffice shrank the one-page review to about 45 % to fit it. Each line's height
  // in LINE_POINTS per line of text, measured 10 % wide for the fonts of a machine without Calibri (widths.ts).
  const rowHeights: Record<number, number> = {};
  const legendSpan = widths.slice(0, lastCol).reduce((a, w) => a + w, 0);
  for (const r of fxTotalRow === undefined ? [legendRow] : [legendRow, legendRow + 1]) {
    g.merges.push(rangeA1(1, r, lastCol, r));
    g.format(cellName(1, r), undefined, { wrap: true, vertical: "top" });
    const lines = Math.ceil((neededWidth(String(g.get(r, 1)), false) * 1.1) / legendSpan);
    if (lines > 1) rowHeights[r] = lines * LINE_POINTS;
  }

  const spec: SheetSpec = {
    name: facing ? clientReviewSheetName(client.name, asOf, lang) : reviewSheetName(client.name, clientId, lang),
    kind: "review",
    cells: g.cells(),
    columnWidths: widths,
    formats: g.formats,
    conditionalFormats: g.conditionalFormats,
    merges: g.merges,
    ...(Object.keys(rowHeights).length > 0 ? { rowHeights } : {}),
    charts,
    page: sheetPage(facing ? "clientReview" : "review", lang),
    tabColor: facing ? TAB_COLORS.clientReview : TAB_COLORS.review,
  };
  const layout: ReviewLayout = {
    holdingsHeaderRow: headerRow,
    holdingsFirst: first,
    holdingsLast: last,
    summaryFirst: sFirst,
    summaryLast: sLast,
    summaryTotalRow: sTotal,
    trendFirst: tFirst,
    trendLast: tLast,
    columns: H,
  };
  return { spec, layout };
}

/** Where the tables of a client's review are (the same numbers the builder used). */
export function reviewLayout(book: Book, opts: AssetReviewOptions): ReviewLayout {
  return buildReview(book, opts).layout;
}
