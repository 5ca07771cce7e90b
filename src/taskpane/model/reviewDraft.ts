/**
 * "Record this review": one line per current holding with a net-flow input, and the date (today by default).
 * Amounts are read as the codec reads the Reviews table's NetFlow (signed, 万 and separators allowed); the rest
 * of the rules (date after the last review, not twice on one day, a client with holdings) are the domain's
 * recordReview, so the form refuses exactly what the command would.
 */
import { parseCell } from "../../book/values";
import { columnSpec } from "../../book/schema";
import { recordReview, rowsOfClient } from "../../domain/reviews";
import type { Book, Holding, IsoDate, Lang } from "../../domain/types";
import { reasonText } from "./recordForm";

export interface ReviewLine {
  holding: Holding;
  /** What the manager typed ("" = no flow recorded). */
  flow: string;
}

export function reviewLines(book: Book, clientId: string): ReviewLine[] {
  return rowsOfClient(book.holdings, clientId).map((holding) => ({ holding, flow: "" }));
}

export interface ReviewCheck {
  /** holdingId → message. */
  flowErrors: Record<string, string>;
  /** Date, or the review as a whole (nothing to record, already recorded…). */
  error?: string;
  netFlows?: Record<string, number>;
}

export function checkReview(book: Book, clientId: string, date: string, lines: readonly ReviewLine[], lang: Lang): ReviewCheck {
  const col = columnSpec("reviews", "netFlow");
  const flowErrors: Record<string, string> = {};
  const netFlows: Record<string, number> = {};
  for (const l of lines) {
    const r = parseCell(col, l.flow);
    if (!r.ok) {
      flowErrors[l.holding.holdingId] = reasonText(
        { table: "reviews", sheet: "", row: 1, column: col.key, value: l.flow, code: r.reason, ...(r.params ? { params: r.params } : {}) },
        lang,
      );
    } else if (typeof r.value === "number") netFlows[l.holding.holdingId] = r.value;
  }
  if (Object.keys(flowErrors).length > 0) return { flowErrors };
  const rows = recordReview(book, clientId, date as IsoDate, new Map(Object.entries(netFlows)));
  if (!rows.ok) return { flowErrors, error: rows.error.message[lang] };
  return { flowErrors, netFlows };
}
