/**
 * Reviews: what a client held at each recorded review (the Reviews table) and how its holdings are named; the
 * conventions below hold for the periods between reviews (reviewPeriods.ts: what changed since the last review,
 * each period's return, the trend) and for recording a review (recordReview.ts).
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
import { isLiability } from "./allocation";
import type { AssetClass, Book, IsoDate, ReviewRow } from "./types";

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

export function totalsOf(rows: readonly { assetClass: AssetClass; amount: number }[]): PositionTotals {
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

export function sumById(rows: readonly { holdingId: string; assetClass: AssetClass; amount: number }[]): Map<string, { assetClass: AssetClass; amount: number }> {
  const m = new Map<string, { assetClass: AssetClass; amount: number }>();
  for (const r of rows) {
    const e = m.get(r.holdingId);
    if (e) e.amount += r.amount;
    else m.set(r.holdingId, { assetClass: r.assetClass, amount: r.amount });
  }
  return m;
}
