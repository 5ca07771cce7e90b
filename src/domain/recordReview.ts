/**
 * The Reviews rows to append when the manager records a review: one per current holding at the value typed at the
 * meeting, with the flows entered, checked (a date after the last review, known holdings, numbers ≥ 0) with an error
 * per field. Earlier reviews are never touched. Conventions: reviews.ts.
 */
import { rateOn } from "./currency";
import { fail, ok } from "./result";
import type { Result } from "./result";
import { isIsoDate } from "./dates";
import { checkNumber } from "./returns";
import type { AssetClass, Book, IsoDate, ReviewRow } from "./types";
import { recordedProductNames, reviewDates, rowsOfClient, sumById } from "./reviews";

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

  const rows: ReviewRow[] = holdings.map((h) => {
    const row = reviewRow(
      { clientId, reviewDate: date, holdingId: h.holdingId, assetClass: h.assetClass, amount: values.get(h.holdingId) ?? h.amount },
      netFlows.get(h.holdingId),
      h.productName,
    );
    // A holding in another currency: the row keeps its currency and the rate it is valued at, so the review never
    // moves when the Rates table changes (src/domain/fx.ts; issue #16).
    if (h.currency !== undefined && h.currency !== book.settings.currency) {
      row.currency = h.currency;
      const r = rateOn(book.rates ?? [], h.currency, date, book.settings.currency);
      if (r !== undefined) row.rate = r;
    }
    return row;
  });
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
