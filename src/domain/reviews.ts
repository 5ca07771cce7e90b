/**
 * Reviews: what a client held at each recorded review (the Reviews table), what changed since the last one,
 * the return over that period, the trend of totals, and the rows to append when the manager records a review.
 *
 * Conventions
 * - The Holdings table is "today": the client's current position, whatever date it was last updated.
 * - A NetFlow recorded in the review row at date D2 is the net money moved into (+) or out of (−) that holding
 *   over (D1, D2], D1 being the review before. The Reviews table has no flow dates, so every flow is taken as
 *   made mid-period (weight ½ in Modified Dietz) — the usual assumption when only the period's total is known.
 * - "Return since the last review" therefore uses flows only when a review is recorded on `asOf` itself (the
 *   manager's Record-this-review step): then the previous review is the one before `asOf`. Without it, no
 *   flow is known and the simple change is shown, labelled as such.
 * - Reviews dated after `asOf` are ignored (they do not exist yet from `asOf`'s point of view).
 * - Totals count assets only; liabilities (LIABILITY_CLASSES) are kept apart, and net worth = assets − liabilities.
 * - A holding is named by the Holdings table while it is listed there; once removed, by the ProductName its latest
 *   review row recorded, and by its HoldingId only when no row recorded one (rows from before that column).
 */
import { fail, ok } from "./result";
import type { InputError, Result } from "./result";
import { daysBetween, isIsoDate } from "./dates";
import { checkNumber, modifiedDietzByDays, simpleChange } from "./returns";
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

export type PeriodReturn =
  | {
      measure: "modified-dietz";
      value: number;
      /** Net asset flows of the period, each assumed mid-period. */
      netFlow: number;
      days: number;
    }
  | { measure: "simple"; value: number };

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

  const ret = periodReturn(before?.totalAssets, now.totalAssets, assetNetFlow(asOfRows), previousDate, asOf);
  if (ret.ok) result.returnSinceLast = ret.value;
  else result.returnUnavailable = ret.error;
  return result;
}

function sumById(rows: readonly ReviewRow[]): Map<string, { assetClass: AssetClass; amount: number }> {
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

function periodReturn(
  bv: number | undefined,
  ev: number,
  netFlow: number | undefined,
  previousDate: IsoDate | undefined,
  asOf: IsoDate,
): Result<PeriodReturn, ReturnUnavailableCode> {
  if (bv === undefined || previousDate === undefined) {
    return fail("no-previous-review", "previousDate", {
      "zh-CN": "尚无以前的检视记录，无法计算收益",
      "zh-TW": "尚無先前的檢視紀錄，無法計算報酬",
      "en-US": "there is no earlier review to measure a return from",
    });
  }
  if (netFlow !== undefined) {
    const days = daysBetween(previousDate, asOf);
    const r = modifiedDietzByDays({ beginValue: bv, endValue: ev, flows: [{ amount: netFlow, day: days / 2 }], days });
    if (r.ok) return ok({ measure: "modified-dietz", value: r.value, netFlow, days });
    // bv, ev ≥ 0 and days > 0, so the only refusal left is a non-positive average capital.
    return { ok: false, error: { ...r.error, code: "non-positive-capital" } };
  }
  const c = simpleChange(bv, ev);
  if (c.pct === undefined) {
    return fail("zero-begin-value", "previousDate", {
      "zh-CN": `上次检视（${previousDate}）时资产为 0，无法计算变动百分比`,
      "zh-TW": `上次檢視（${previousDate}）時資產為 0，無法計算變動百分比`,
      "en-US": `assets were 0 at the last review (${previousDate}), so there is no percentage change`,
    });
  }
  return ok({ measure: "simple", value: c.pct });
}

// ---- trend ---------------------------------------------------------------------------------------------------

export interface TrendPoint extends PositionTotals {
  date: IsoDate;
  /** "review" = a recorded review; "holdings" = today, from the Holdings table. */
  source: "review" | "holdings";
}

/** Totals at every recorded review before `asOf`, then today's from the Holdings table, ascending by date. */
export function trend(book: Book, clientId: string, asOf: IsoDate): TrendPoint[] {
  const byDate = new Map<IsoDate, ReviewRow[]>();
  for (const r of rowsOfClient(book.reviews, clientId)) {
    if (r.reviewDate >= asOf) continue; // a review on asOf is today's point, taken from the Holdings table
    const list = byDate.get(r.reviewDate);
    if (list) list.push(r);
    else byDate.set(r.reviewDate, [r]);
  }
  const points: TrendPoint[] = [...byDate.keys()].sort().map((date) => ({ date, source: "review", ...totalsOf(byDate.get(date)!) }));
  points.push({ date: asOf, source: "holdings", ...totalsOf(rowsOfClient(book.holdings, clientId)) });
  return points;
}

// ---- recording a review --------------------------------------------------------------------------------------

export type RecordReviewErrorCode =
  | "unknown-client"
  | "bad-date"
  | "review-exists"
  | "before-last-review"
  | "unknown-holding"
  | "not-a-number"
  | "nothing-to-record";

/**
 * The Reviews rows to append for a review on `date`: one per current holding (amount, class and product name
 * from the Holdings table, NetFlow from `netFlows` when the manager entered one). A flow may also be given for a
 * holding of the last review that has since left the Holdings table (sold and the money taken out); it is
 * written as a row with amount 0 and the name earlier reviews recorded, so neither the flow nor the name is lost.
 * Earlier reviews are never touched: a date that already has a review for this client, or that is earlier than
 * the last one, is refused.
 */
export function recordReview(
  book: Book,
  clientId: string,
  date: IsoDate,
  netFlows: ReadonlyMap<string, number> = new Map(),
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

  const rows: ReviewRow[] = holdings.map((h) =>
    reviewRow({ clientId, reviewDate: date, holdingId: h.holdingId, assetClass: h.assetClass, amount: h.amount }, netFlows.get(h.holdingId), h.productName),
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
