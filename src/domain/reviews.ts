/**
 * Reviews: what a client held at each recorded review (the Reviews table), what changed since the last one,
 * the return over each period between reviews, the trend of totals, and the rows to append when the manager
 * records a review.
 *
 * Conventions
 * - The Holdings table is "today": the client's current position, whatever date it was last updated.
 * - A period runs from one review's valuation date D1 to the next one's D2 (or to `asOf`, today's position from
 *   the Holdings table): T = D2 − D1 days, as in RM.MDIETZ.
 * - The flows of a period (money moved in or out, "external cash flows" in GIPS terms) are what the book knows
 *   (derivedFlows): per holding, the NetFlow the manager entered on the row at D2 when there is one; otherwise a
 *   holding new since D1 (absent or 0 then, above 0 at D2) is an inflow of its amount at D2, and a holding gone
 *   (above 0 at D1, absent or 0 at D2) an outflow of its amount at D1. A new holding's inflow is dated by its
 *   StartDate when that falls in the period (at D1 when it started earlier: a holding the book had not recorded),
 *   a gone holding's outflow by its MaturityDate when that falls in the period; entered and undated flows are
 *   taken at mid-period (weight ½), the usual assumption when only a period's total is known.
 * - The period's return on assets is Modified Dietz over those flows (CFA Institute / GIPS; docs/ARCHITECTURE.md):
 *   R = (EV − BV − ΣCF) / (BV + Σ wᵢ·CFᵢ), wᵢ = (T − tᵢ)/T; with no flow at all, the simple change (EV − BV)/BV,
 *   which is what Modified Dietz gives without flows. A change in assets that includes flows is never a return.
 * - Reviews dated after `asOf` are ignored (they do not exist yet from `asOf`'s point of view).
 * - Totals count assets only; liabilities (LIABILITY_CLASSES) are kept apart, and net worth = assets − liabilities;
 *   flows are those of assets (a loan taken or repaid is not money into or out of the assets measured).
 * - A holding is named by the Holdings table while it is listed there; once removed, by the ProductName its latest
 *   review row recorded, and by its HoldingId only when no row recorded one (rows from before that column).
 */
import { fail, ok } from "./result";
import type { InputError, Result } from "./result";
import { daysBetween, isIsoDate } from "./dates";
import { annualiseReturn, checkNumber, linkReturns, modifiedDietzByDays, simpleChange } from "./returns";
import { isLiability } from "./allocation";
import type { AssetClass, Book, Holding, IsoDate, ReviewRow } from "./types";

// ---- per-client index ----------------------------------------------------------------------------------------

interface IndexEntry {
  length: number;
  last: unknown;
  map: Map<string, unknown[]>;
}
const indexCache = new WeakMap<readonly object[], IndexEntry>();

/**
 * The rows of one client, in table order. Indexed once per table array so that building sheets for thousands
 * of clients stays linear; the index is rebuilt when the array's length or last row changes (rows appended).
 */
export function rowsOfClient<T extends { clientId: string }>(rows: readonly T[], clientId: string): readonly T[] {
  let entry = indexCache.get(rows);
  if (!entry || entry.length !== rows.length || entry.last !== rows[rows.length - 1]) {
    const map = new Map<string, unknown[]>();
    for (const r of rows) {
      const list = map.get(r.clientId);
      if (list) list.push(r);
      else map.set(r.clientId, [r]);
    }
    entry = { length: rows.length, last: rows[rows.length - 1], map };
    indexCache.set(rows, entry);
  }
  return (entry.map.get(clientId) as T[] | undefined) ?? [];
}


// ---- snapshots -------------------------------------------------------------------------------------------------

/** Distinct dates of the client's recorded reviews, ascending. */
export function reviewDates(book: Book, clientId: string): IsoDate[] {
  const dates = new Set<IsoDate>();
  for (const r of rowsOfClient(book.reviews, clientId)) dates.add(r.reviewDate);
  return [...dates].sort();
}

export interface PositionTotals {
  totalAssets: number;
  liabilities: number;
  netWorth: number;
}

export interface ReviewSnapshot extends PositionTotals {
  clientId: string;
  date: IsoDate;
  /** The review's rows, in table order. */
  rows: ReviewRow[];
  /** Sum of the NetFlows recorded on asset rows; absent when no asset row records one. */
  netFlow?: number;
}

/** The client's review recorded at `date`, with its totals; undefined when there is none. */
export function snapshot(book: Book, clientId: string, date: IsoDate): ReviewSnapshot | undefined {
  const rows = rowsOfClient(book.reviews, clientId).filter((r) => r.reviewDate === date);
  if (rows.length === 0) return undefined;
  const snap: ReviewSnapshot = { clientId, date, rows, ...totalsOf(rows) };
  const flow = assetNetFlow(rows);
  if (flow !== undefined) snap.netFlow = flow;
  return snap;
}

function totalsOf(rows: readonly { assetClass: AssetClass; amount: number }[]): PositionTotals {
  let totalAssets = 0;
  let liabilities = 0;
  for (const r of rows) {
    if (isLiability(r.assetClass)) liabilities += r.amount;
    else totalAssets += r.amount;
  }
  return { totalAssets, liabilities, netWorth: totalAssets - liabilities };
}

function assetNetFlow(rows: readonly ReviewRow[]): number | undefined {
  let flow: number | undefined;
  for (const r of rows) if (r.netFlow !== undefined && !isLiability(r.assetClass)) flow = (flow ?? 0) + r.netFlow;
  return flow;
}

// ---- names of holdings ---------------------------------------------------------------------------------------

/**
 * HoldingId → the product name recorded by the holding's latest review row that records one (by review date; on
 * one date, the later row), counting only rows dated on or before `asOf` when it is given. Holdings whose rows
 * never record a name (rows from before the ProductName column) are absent.
 */
export function recordedProductNames(rows: readonly ReviewRow[], asOf?: IsoDate): Map<string, string> {
  const latest = new Map<string, { date: IsoDate; name: string }>();
  for (const r of rows) {
    const name = r.productName?.trim();
    if (!name || (asOf !== undefined && r.reviewDate > asOf)) continue;
    const seen = latest.get(r.holdingId);
    if (!seen || r.reviewDate >= seen.date) latest.set(r.holdingId, { date: r.reviewDate, name: r.productName! });
  }
  return new Map([...latest].map(([id, e]) => [id, e.name]));
}

/**
 * What to call a holding wherever one is shown (review sheets, pane): its product name — from the Holdings table,
 * or for a holding removed from it the name its reviews recorded — and its HoldingId only when there is none.
 */
export function holdingName(x: { holdingId: string; productName?: string }): string {
  return x.productName?.trim() ? x.productName : x.holdingId;
}

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

function sumById(rows: readonly { holdingId: string; assetClass: AssetClass; amount: number }[]): Map<string, { assetClass: AssetClass; amount: number }> {
  const m = new Map<string, { assetClass: AssetClass; amount: number }>();
  for (const r of rows) {
    const e = m.get(r.holdingId);
    if (e) e.amount += r.amount;
    else m.set(r.holdingId, { assetClass: r.assetClass, amount: r.amount });
  }
  return m;
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

// ---- recording a review --------------------------------------------------------------------------------------

export type RecordReviewErrorCode =
  | "unknown-client"
  | "bad-date"
  | "review-exists"
  | "before-last-review"
  | "unknown-holding"
  | "not-a-number"
  | "negative-amount"
  | "nothing-to-record";

/**
 * The Reviews rows to append for a review on `date`: one per current holding, at the market value the manager
 * entered for it at the meeting (`values`; the Holdings table's amount when none was entered), with class and product
 * name from the Holdings table and NetFlow from `netFlows` when the manager entered one. A flow may also be given for
 * a holding of the last review that has since left the Holdings table (sold and the money taken out); it is written
 * as a row with amount 0 and the name earlier reviews recorded, so neither the flow nor the name is lost.
 * Earlier reviews are never touched: a date that already has a review for this client, or that is earlier than
 * the last one, is refused. A value must be a number ≥ 0 for a current holding.
 */
export function recordReview(
  book: Book,
  clientId: string,
  date: IsoDate,
  netFlows: ReadonlyMap<string, number> = new Map(),
  values: ReadonlyMap<string, number> = new Map(),
): Result<ReviewRow[], RecordReviewErrorCode> {
  if (!book.clients.some((c) => c.clientId === clientId)) {
    return fail("unknown-client", "clientId", {
      "zh-CN": `没有客户编号为 ${clientId} 的客户`,
      "zh-TW": `沒有客戶編號為 ${clientId} 的客戶`,
      "en-US": `there is no client with id ${clientId}`,
    });
  }
  if (!isIsoDate(date)) {
    return fail("bad-date", "date", {
      "zh-CN": `检视日期应为有效日期 YYYY-MM-DD（收到 ${JSON.stringify(date)}）`,
      "zh-TW": `檢視日期應為有效日期 YYYY-MM-DD（收到 ${JSON.stringify(date)}）`,
      "en-US": `the review date must be a real date YYYY-MM-DD (got ${JSON.stringify(date)})`,
    });
  }
  const dates = reviewDates(book, clientId);
  const last = dates[dates.length - 1];
  if (dates.includes(date)) {
    return fail("review-exists", "date", {
      "zh-CN": `${date} 已有该客户的检视记录，不能重复记录`,
      "zh-TW": `${date} 已有該客戶的檢視紀錄，不能重複記錄`,
      "en-US": `a review on ${date} is already recorded for this client`,
    });
  }
  if (last !== undefined && date < last) {
    return fail("before-last-review", "date", {
      "zh-CN": `检视日期 ${date} 早于上次检视 ${last}，只能在最后一次之后记录`,
      "zh-TW": `檢視日期 ${date} 早於上次檢視 ${last}，只能在最後一次之後記錄`,
      "en-US": `the review date ${date} is before the last review (${last}); reviews are recorded in order`,
    });
  }

  const holdings = rowsOfClient(book.holdings, clientId);
  const currentIds = new Set(holdings.map((h) => h.holdingId));
  const lastRows: Map<string, { assetClass: AssetClass; amount: number }> =
    last === undefined ? new Map() : sumById(rowsOfClient(book.reviews, clientId).filter((r) => r.reviewDate === last));
  for (const [id, flow] of netFlows) {
    const bad = checkNumber(flow, `netFlows[${id}]`);
    if (bad) return fail("not-a-number", bad.arg, bad.message);
    if (!currentIds.has(id) && !lastRows.has(id)) {
      return fail("unknown-holding", `netFlows[${id}]`, {
        "zh-CN": `${id} 不是该客户当前或上次检视时的持仓`,
        "zh-TW": `${id} 不是該客戶目前或上次檢視時的持倉`,
        "en-US": `${id} is not one of this client's current holdings or holdings at the last review`,
      });
    }
  }

  for (const [id, v] of values) {
    const bad = checkNumber(v, `values[${id}]`);
    if (bad) return fail("not-a-number", bad.arg, bad.message);
    if (!currentIds.has(id)) {
      return fail("unknown-holding", `values[${id}]`, {
        "zh-CN": `${id} 不是该客户当前的持仓`,
        "zh-TW": `${id} 不是該客戶目前的持倉`,
        "en-US": `${id} is not one of this client's current holdings`,
      });
    }
    if (v < 0) {
      return fail("negative-amount", `values[${id}]`, {
        "zh-CN": `${id} 的市值不能为负数（收到 ${v}）；贷款填未还余额的正数`,
        "zh-TW": `${id} 的市值不能為負數（收到 ${v}）；貸款填未還餘額的正數`,
        "en-US": `the value of ${id} must not be negative (got ${v}); a loan is its positive outstanding balance`,
      });
    }
  }

  const rows: ReviewRow[] = holdings.map((h) =>
    reviewRow(
      { clientId, reviewDate: date, holdingId: h.holdingId, assetClass: h.assetClass, amount: values.get(h.holdingId) ?? h.amount },
      netFlows.get(h.holdingId),
      h.productName,
    ),
  );
  let names: Map<string, string> | undefined;
  for (const [id, flow] of netFlows) {
    if (currentIds.has(id)) continue;
    names ??= recordedProductNames(rowsOfClient(book.reviews, clientId));
    rows.push(reviewRow({ clientId, reviewDate: date, holdingId: id, assetClass: lastRows.get(id)!.assetClass, amount: 0 }, flow, names.get(id)));
  }
  if (rows.length === 0) {
    return fail("nothing-to-record", "clientId", {
      "zh-CN": "该客户没有持仓，没有可记录的检视内容",
      "zh-TW": "該客戶沒有持倉，沒有可記錄的檢視內容",
      "en-US": "this client has no holdings, so there is nothing to record",
    });
  }
  return ok(rows);
}

/** A row with its optional cells in the table's column order: NetFlow, then ProductName. */
function reviewRow(row: ReviewRow, flow: number | undefined, productName: string | undefined): ReviewRow {
  if (flow !== undefined) row.netFlow = flow;
  if (productName !== undefined && productName.trim() !== "") row.productName = productName;
  return row;
}
