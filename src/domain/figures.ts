/**
 * One client's balance-sheet figures, computed once for every place that shows them — the profile list, the
 * client page of the task pane and the review sheet — so the three never disagree.
 *
 * Definitions (sources in src/domain/allocation.ts):
 * - financial assets at this bank (本行) / at other institutions (他行): SNA 2008 ch. 13 financial assets;
 * - non-financial assets: Property and anything the client holds directly (自有), shown apart;
 * - liabilities: outstanding balances of loans and debts (贷款, 房贷, 信用卡 …);
 * - net worth = financial + non-financial assets − liabilities;
 * - wallet share (本行资产占比) = financial assets at this bank ÷ all financial assets (absent without any).
 * The Holdings table is the client's position today (src/domain/reviews.ts); `asOf` is the date the figures are
 * quoted for.
 */
import { allocation, type Allocation } from "./allocation";
import { rowsOfClient } from "./reviews";
import type { Book, IsoDate } from "./types";

export interface ClientFigures extends Allocation {
  clientId: string;
  asOf: IsoDate;
}

/** The figures of `clientId` (all zero when the client holds nothing or is not in the book). */
export function clientFigures(book: Book, clientId: string, asOf: IsoDate): ClientFigures {
  return { clientId, asOf, ...allocation(rowsOfClient(book.holdings, clientId)) };
}
