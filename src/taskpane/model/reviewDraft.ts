/**
 * "Record this review": the client's current holdings grouped by asset class (the review sheet's order: largest
 * class first, loans last), each with its market value at the meeting (prefilled with the last value) and a net-flow
 * input, and the date (today by default). Values and flows are read as the codec reads the Reviews table's Amount
 * and NetFlow (万 and separators allowed; a value ≥ 0, a flow signed); each field's error is shown on that field.
 * The rest of the rules (date after the last review, not twice on one day, a client with holdings) are the domain's
 * recordReview, so the form refuses exactly what the command would.
 */
import { parseCell } from "../../book/values";
import { columnSpec } from "../../book/schema";
import { allocation } from "../../domain/allocation";
import { recordReview } from "../../domain/recordReview";
import { rowsOfClient } from "../../domain/reviews";
import { ASSET_CLASSES, type AssetClass, type Book, type Holding, type IsoDate, type Lang } from "../../domain/types";
import { reasonText } from "./recordForm";

export interface ReviewLine {
  holding: Holding;
  /** The market value as typed; prefilled with the holding's last value ("" = the last value). */
  value: string;
  /** What the manager typed ("" = no flow recorded). */
  flow: string;
}

export interface ReviewGroup {
  assetClass: AssetClass;
  lines: ReviewLine[];
}

/** The last value as the input shows it: digits and a decimal point, no separators. */
export function valueText(amount: number): string {
  return String(Math.round(amount * 100) / 100);
}

export function reviewLines(book: Book, clientId: string): ReviewLine[] {
  return reviewGroups(book, clientId).flatMap((g) => g.lines);
}

/** The holdings grouped by class, in the review sheet's class order; within a class, in Holdings-table order. */
export function reviewGroups(book: Book, clientId: string): ReviewGroup[] {
  const holdings = rowsOfClient(book.holdings, clientId);
  const byClass = allocation(holdings).byClass.map((c) => c.assetClass);
  const order: AssetClass[] = [...byClass, ...ASSET_CLASSES.filter((c) => !byClass.includes(c) && c !== "Loan"), "Loan"];
  return order
    .map((assetClass) => ({
      assetClass,
      lines: holdings.filter((h) => h.assetClass === assetClass).map((holding) => ({ holding, value: valueText(holding.amount), flow: "" })),
    }))
    .filter((g) => g.lines.length > 0);
}

export interface ReviewCheck {
  /** holdingId → message. */
  flowErrors: Record<string, string>;
  /** holdingId → message. */
  valueErrors: Record<string, string>;
  /** Date, or the review as a whole (nothing to record, already recorded…). */
  error?: string;
  netFlows?: Record<string, number>;
  /** holdingId → the market value to record (every current holding). */
  values?: Record<string, number>;
}

function fieldError(column: "amount" | "netFlow", typed: string, lang: Lang): string | number | undefined {
  const col = columnSpec("reviews", column);
  const r = parseCell(col, typed);
  if (!r.ok) {
    return reasonText({ table: "reviews", sheet: "", row: 1, column: col.key, value: typed, code: r.reason, ...(r.params ? { params: r.params } : {}) }, lang);
  }
  return typeof r.value === "number" ? r.value : undefined;
}

export function checkReview(book: Book, clientId: string, date: string, lines: readonly ReviewLine[], lang: Lang): ReviewCheck {
  const flowErrors: Record<string, string> = {};
  const valueErrors: Record<string, string> = {};
  const netFlows: Record<string, number> = {};
  const values: Record<string, number> = {};
  for (const l of lines) {
    const id = l.holding.holdingId;
    const f = fieldError("netFlow", l.flow, lang);
    if (typeof f === "string") flowErrors[id] = f;
    else if (typeof f === "number") netFlows[id] = f;
    const v = l.value.trim() === "" ? l.holding.amount : fieldError("amount", l.value, lang);
    if (typeof v === "string") valueErrors[id] = v;
    else values[id] = v ?? l.holding.amount;
  }
  if (Object.keys(flowErrors).length > 0 || Object.keys(valueErrors).length > 0) return { flowErrors, valueErrors };
  const rows = recordReview(book, clientId, date as IsoDate, new Map(Object.entries(netFlows)), new Map(Object.entries(values)));
  if (!rows.ok) {
    const id = /^values\[(.+)\]$/.exec(rows.error.arg)?.[1];
    if (id !== undefined) return { flowErrors, valueErrors: { [id]: rows.error.message[lang] } };
    return { flowErrors, valueErrors, error: rows.error.message[lang] };
  }
  return { flowErrors, valueErrors, netFlows, values };
}

/** The holdings whose value at the meeting differs from the Holdings table's: their Amount is brought up to date. */
export function changedHoldings(lines: readonly ReviewLine[], values: Readonly<Record<string, number>>, date: IsoDate): { before: Holding; after: Holding }[] {
  return lines
    .filter((l) => values[l.holding.holdingId] !== undefined && values[l.holding.holdingId] !== l.holding.amount)
    .map((l) => ({ before: l.holding, after: { ...l.holding, amount: values[l.holding.holdingId], updatedOn: date } }));
}
