/**
 * The periods between a client's reviews: what changed since the last review (per holding and in total), the flows
 * the book knows for a period (derivedFlows), each period's return on assets (Modified Dietz), the trend of totals
 * over every review and the cumulative time-weighted return. Conventions (periods, flows, names): reviews.ts.
 */
import { fail, ok } from "./result";
import type { InputError, Result } from "./result";
import { daysBetween, isIsoDate } from "./dates";
import { annualiseReturn, linkReturns, modifiedDietzByDays, simpleChange } from "./returns";
import { isLiability } from "./allocation";
import type { AssetClass, Book, Holding, IsoDate, ReviewRow } from "./types";
import { recordedProductNames, reviewDates, rowsOfClient, sumById, totalsOf, type PositionTotals } from "./reviews";

// ---- comparison with the last review ------------------------------------------------------------------------

/** For a liability, "new" is a new loan and "sold" one repaid (check `liability`). */
export type HoldingStatus = "held" | "new" | "sold";

export interface HoldingChange {
  holdingId: string;
  /**
   * From the Holdings table; for a holding sold and since removed from it, the name its latest review row recorded.
   * Absent only when no review row recorded one: show it with holdingName (the id instead).
   */
  productName?: string;
  assetClass: AssetClass;
  /** Absent only for a holding sold and since removed from the Holdings table. */
  institution?: string;
  /** Current amount (0 for a sold holding). */
  amount: number;
  liability: boolean;
  status: HoldingStatus;
  /** Amount at the last review; absent for a new holding. */
  previous?: number;
  /** amount − previous; only for held holdings. */
  change?: number;
  /** change / previous; only for held holdings with previous ≠ 0. */
  changePct?: number;
  /** Net flow recorded for this holding in a review on `asOf`, if any. */
  netFlow?: number;
}

export interface TotalChange {
  /** At the last review; absent when there is none. */
  previous?: number;
  current: number;
  change?: number;
  /** Absent when there is no previous review or its total was 0. */
  changePct?: number;
}

/** Where a flow of a period comes from (see the file comment). */
export type FlowSource = "entered" | "new" | "gone";

export interface PeriodFlow {
  holdingId: string;
  /** + money in, − money out. */
  amount: number;
  /** Days from the period's start D1 (0 ≤ day ≤ T); T/2 when the date is not known. */
  day: number;
  source: FlowSource;
}

export type PeriodReturn =
  | {
      measure: "modified-dietz";
      value: number;
      /** ΣCFᵢ: net asset flows of the period. */
      netFlow: number;
      /** Σ wᵢ·CFᵢ, wᵢ = (T − tᵢ)/T: the flows as they count in the average capital. */
      weightedFlow: number;
      days: number;
      flows: PeriodFlow[];
    }
  | { measure: "simple"; value: number; days: number };

export type ReturnUnavailableCode = "no-previous-review" | "zero-begin-value" | "non-positive-capital";

export interface ReviewComparison {
  clientId: string;
  asOf: IsoDate;
  /** The review compared with: the last one before `asOf`. */
  previousDate?: IsoDate;
  /** True when a review is recorded on `asOf` itself; its NetFlows are the flows since `previousDate`. */
  recordedOnAsOf: boolean;
  /** Current holdings in Holdings-table order, then holdings sold since, in review-row order. */
  holdings: HoldingChange[];
  assets: TotalChange;
  liabilities: TotalChange;
  netWorth: TotalChange;
  /** Return on assets since `previousDate`, labelled with its measure. */
  returnSinceLast?: PeriodReturn;
  /** Why `returnSinceLast` is absent. */
  returnUnavailable?: InputError<ReturnUnavailableCode>;
}

/** Today's holdings (Holdings table) against the client's last recorded review before `asOf`. */
export function reviewComparison(book: Book, clientId: string, asOf: IsoDate): ReviewComparison {
  const current = rowsOfClient(book.holdings, clientId);
  const reviews = rowsOfClient(book.reviews, clientId);
  const datesBefore = reviewDates(book, clientId).filter((d) => d < asOf);
  const previousDate = datesBefore[datesBefore.length - 1];
  const prevRows = previousDate === undefined ? [] : reviews.filter((r) => r.reviewDate === previousDate);
  const asOfRows = reviews.filter((r) => r.reviewDate === asOf);

  const prevById = sumById(prevRows);
  const flowById = new Map<string, number>();
  for (const r of asOfRows) if (r.netFlow !== undefined) flowById.set(r.holdingId, (flowById.get(r.holdingId) ?? 0) + r.netFlow);

  const holdings: HoldingChange[] = [];
  const seen = new Set<string>();
  for (const h of current) {
    seen.add(h.holdingId);
    holdings.push(compareHolding(h, prevById.get(h.holdingId)?.amount, flowById.get(h.holdingId)));
  }
  let names: Map<string, string> | undefined;
  for (const [id, prev] of prevById) {
    // A holding already at 0 at the last review was gone before it: nothing to show.
    if (seen.has(id) || prev.amount === 0) continue;
    names ??= recordedProductNames(reviews, asOf);
    const name = names.get(id);
    const item: HoldingChange = {
      holdingId: id,
      ...(name !== undefined ? { productName: name } : {}),
      assetClass: prev.assetClass,
      amount: 0,
      liability: isLiability(prev.assetClass),
      status: "sold",
      previous: prev.amount,
    };
    const flow = flowById.get(id);
    if (flow !== undefined) item.netFlow = flow;
    holdings.push(item);
  }

  const now = totalsOf(current);
  const before = previousDate === undefined ? undefined : totalsOf(prevRows);
  const result: ReviewComparison = {
    clientId,
    asOf,
    recordedOnAsOf: asOfRows.length > 0,
    holdings,
    assets: totalChange(before?.totalAssets, now.totalAssets),
    liabilities: totalChange(before?.liabilities, now.liabilities),
    netWorth: totalChange(before?.netWorth, now.netWorth),
  };
  if (previousDate !== undefined) result.previousDate = previousDate;

  const ret =
    previousDate === undefined || before === undefined
      ? noPreviousReview()
      : periodReturn(
          { date: previousDate, totalAssets: before.totalAssets, positions: prevById },
          { date: asOf, totalAssets: now.totalAssets, positions: sumById(current) },
          flowById,
          current,
        );
  if (ret.ok) result.returnSinceLast = ret.value;
  else result.returnUnavailable = ret.error;
  return result;
}

function compareHolding(h: Holding, previous: number | undefined, netFlow: number | undefined): HoldingChange {
  const base = {
    holdingId: h.holdingId,
    productName: h.productName,
    assetClass: h.assetClass,
    institution: h.institution,
    amount: h.amount,
    liability: isLiability(h.assetClass),
  };
  let item: HoldingChange;
  if (previous === undefined || (previous === 0 && h.amount > 0)) {
    // Not held (or held at 0) at the last review: new, no ±100 % noise.
    item = { ...base, status: "new" };
  } else if (h.amount === 0 && previous > 0) {
    // Still listed, but at 0: sold since the last review.
    item = { ...base, status: "sold", previous };
  } else {
    const c = simpleChange(previous, h.amount);
    item = { ...base, status: "held", previous, change: c.abs };
    if (c.pct !== undefined) item.changePct = c.pct;
  }
  if (netFlow !== undefined) item.netFlow = netFlow;
  return item;
}

function totalChange(previous: number | undefined, current: number): TotalChange {
  if (previous === undefined) return { current };
  const c = simpleChange(previous, current);
  const t: TotalChange = { previous, current, change: c.abs };
  if (c.pct !== undefined) t.changePct = c.pct;
  return t;
}

type Positions = ReadonlyMap<string, { assetClass: AssetClass; amount: number }>;

interface Valuation {
  date: IsoDate;
  totalAssets: number;
  /** Amount per holding (liabilities included; they are skipped). */
  positions: Positions;
}

/**
 * The asset flows of the period from `start` to `end` that the book knows (see the file comment): entered
 * NetFlows, holdings new since the start (inflow of their amount at the end) and holdings gone since (outflow of
 * their amount at the start). `dated` gives StartDate/MaturityDate for holdings still in the Holdings table.
 * Ordered as the holdings appear: end positions first, then those only at the start, then entered-only ids.
 */
export function derivedFlows(
  start: { date: IsoDate; positions: Positions },
  end: { date: IsoDate; positions: Positions },
  entered: ReadonlyMap<string, number>,
  dated: readonly Holding[] = [],
): PeriodFlow[] {
  const days = daysBetween(start.date, end.date);
  const byId = new Map(dated.map((h) => [h.holdingId, h]));
  const inPeriod = (d: IsoDate | undefined): number | undefined => {
    if (d === undefined || !isIsoDate(d) || d > end.date) return undefined;
    return d <= start.date ? 0 : daysBetween(start.date, d);
  };
  const ids = [...new Set([...end.positions.keys(), ...start.positions.keys(), ...entered.keys()])];
  const flows: PeriodFlow[] = [];
  for (const id of ids) {
    const cls = end.positions.get(id)?.assetClass ?? start.positions.get(id)?.assetClass;
    if (cls !== undefined && isLiability(cls)) continue;
    const e = entered.get(id);
    if (e !== undefined) {
      flows.push({ holdingId: id, amount: e, day: days / 2, source: "entered" });
      continue;
    }
    const before = start.positions.get(id)?.amount ?? 0;
    const after = end.positions.get(id)?.amount ?? 0;
    if (before === 0 && after > 0) {
      const d = inPeriod(byId.get(id)?.startDate);
      flows.push({ holdingId: id, amount: after, day: d ?? days / 2, source: "new" });
    } else if (before > 0 && after === 0) {
      const m = byId.get(id)?.maturityDate;
      const d = m !== undefined && m > start.date ? inPeriod(m) : undefined;
      flows.push({ holdingId: id, amount: -before, day: d ?? days / 2, source: "gone" });
    }
  }
  return flows;
}

function noPreviousReview(): Result<PeriodReturn, ReturnUnavailableCode> {
  return fail("no-previous-review", "previousDate", {
    "zh-CN": "尚无以前的检视记录，无法计算收益",
    "zh-TW": "尚無先前的檢視紀錄，無法計算報酬",
    "en-US": "there is no earlier review to measure a return from",
  });
}

/**
 * The return on assets from `start` to `end`: Modified Dietz over the derived flows, or the simple change when
 * there is none (the two agree then). Refused when the average capital is not above 0, or without flows when the
 * assets at the start were 0.
 */
function periodReturn(
  start: Valuation,
  end: Valuation,
  entered: ReadonlyMap<string, number>,
  dated: readonly Holding[],
): Result<PeriodReturn, ReturnUnavailableCode> {
  const days = daysBetween(start.date, end.date);
  const bv = start.totalAssets;
  const ev = end.totalAssets;
  const flows = derivedFlows(start, end, entered, dated);
  if (flows.length > 0) {
    const r = modifiedDietzByDays({ beginValue: bv, endValue: ev, flows, days });
    if (!r.ok) return { ok: false, error: { ...r.error, code: "non-positive-capital" } };
    let netFlow = 0;
    let weightedFlow = 0;
    for (const f of flows) {
      netFlow += f.amount;
      weightedFlow += ((days - f.day) / days) * f.amount;
    }
    return ok({ measure: "modified-dietz", value: r.value, netFlow, weightedFlow, days, flows });
  }
  const c = simpleChange(bv, ev);
  if (c.pct === undefined) {
    return fail("zero-begin-value", "previousDate", {
      "zh-CN": `上次检视（${start.date}）时资产为 0，无法计算变动百分比`,
      "zh-TW": `上次檢視（${start.date}）時資產為 0，無法計算變動百分比`,
      "en-US": `assets were 0 at the last review (${start.date}), so there is no percentage change`,
    });
  }
  return ok({ measure: "simple", value: c.pct, days });
}

// ---- trend ---------------------------------------------------------------------------------------------------

export interface TrendPoint extends PositionTotals {
  date: IsoDate;
  /** "review" = a recorded review; "holdings" = today, from the Holdings table. */
  source: "review" | "holdings";
  /** The return on assets over the period ending here (every point but the first), with its measure. */
  periodReturn?: PeriodReturn;
  /** Why `periodReturn` is absent (every point but the first). */
  returnUnavailable?: InputError<ReturnUnavailableCode>;
}

/**
 * Totals at every recorded review before `asOf`, then today's from the Holdings table, ascending by date; each
 * point after the first carries the return of the period ending there (periodReturn: derived flows, Modified
 * Dietz). Today's period uses the flows entered on a review recorded on `asOf`, as reviewComparison does.
 */
export function trend(book: Book, clientId: string, asOf: IsoDate): TrendPoint[] {
  const byDate = new Map<IsoDate, ReviewRow[]>();
  const asOfRows: ReviewRow[] = [];
  for (const r of rowsOfClient(book.reviews, clientId)) {
    if (r.reviewDate === asOf) asOfRows.push(r);
    if (r.reviewDate >= asOf) continue; // a review on asOf is today's point, taken from the Holdings table
    const list = byDate.get(r.reviewDate);
    if (list) list.push(r);
    else byDate.set(r.reviewDate, [r]);
  }
  const current = rowsOfClient(book.holdings, clientId);
  const vals: (Valuation & { rows: readonly ReviewRow[] })[] = [...byDate.keys()].sort().map((date) => {
    const rows = byDate.get(date)!;
    return { date, rows, totalAssets: totalsOf(rows).totalAssets, positions: sumById(rows) };
  });
  vals.push({ date: asOf, rows: asOfRows, totalAssets: totalsOf(current).totalAssets, positions: sumById(current) });
  return vals.map((v, i) => {
    const source = i === vals.length - 1 ? "holdings" : "review";
    const point: TrendPoint = { date: v.date, source, ...(source === "holdings" ? totalsOf(current) : totalsOf(v.rows)) };
    if (i === 0) return point;
    const ret = periodReturn(vals[i - 1], v, enteredFlows(v.rows), current);
    if (ret.ok) point.periodReturn = ret.value;
    else point.returnUnavailable = ret.error;
    return point;
  });
}

/** HoldingId → the NetFlow entered on the review's rows (summed per holding). */
function enteredFlows(rows: readonly ReviewRow[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) if (r.netFlow !== undefined) m.set(r.holdingId, (m.get(r.holdingId) ?? 0) + r.netFlow);
  return m;
}

export interface CumulativeReturn {
  /**
   * Time-weighted return over the periods, chained geometrically: ∏(1 + rₖ) − 1 (GIPS / CFA Institute: the
   * sub-period returns — here Modified Dietz per period between reviews — are linked).
   */
  value: number;
  /** First day of the chain (the valuation date the first linked period starts from) and its last. */
  from: IsoDate;
  to: IsoDate;
  days: number;
  periods: number;
  /** (1 + value)^(365/days) − 1, only when the chain spans a year (365 days) or more (GIPS: no annualising below). */
  annualised?: number;
}

/**
 * The cumulative time-weighted return up to the last point, chaining the consecutive periods whose return is
 * known back from the last one (a period without a return — e.g. assets of 0 — ends the chain: the chain then
 * starts after it). Undefined when the last period has no return.
 */
export function cumulativeReturn(points: readonly TrendPoint[]): CumulativeReturn | undefined {
  let k = points.length - 1;
  const returns: number[] = [];
  while (k > 0 && points[k].periodReturn !== undefined) {
    returns.unshift(points[k].periodReturn!.value);
    k--;
  }
  if (returns.length === 0) return undefined;
  const value = linkReturns(returns);
  const from = points[k].date;
  const to = points[points.length - 1].date;
  const days = daysBetween(from, to);
  const out: CumulativeReturn = { value, from, to, days, periods: returns.length };
  const a = annualiseReturn(value, days);
  if (a.ok) out.annualised = a.value;
  return out;
}
