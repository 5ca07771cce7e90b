/**
 * Row errors: what the codec reports for a row (or a whole table) it could not read. They carry codes and
 * parameters, not sentences, so the task pane can show them in the UI language (formatRowError in messages.ts).
 */
import type { TableKey } from "./schema";
import type { ValueErrorCode } from "./values";

export type RowErrorCode =
  | ValueErrorCode
  /** Table-level: required columns are missing (params.columns: their keys, comma-separated); the table is not read. */
  | "missingColumns"
  /** A second header names a column an earlier header already names (params.first: that header); it is ignored. */
  | "duplicateColumn"
  /** params.asOf */
  | "futureBirthday"
  /** params.start: the start date */
  | "maturityBeforeStart"
  /** params.firstRow: the row that kept the id */
  | "duplicateId"
  /** Same holding at the same review date again; params.firstRow, params.date */
  | "duplicateReview"
  /** ClientId not in the Clients table */
  | "unknownClient"
  /** ClientId whose Clients row was rejected; params.clientRow */
  | "clientRejected"
  /** A family member's LinkedClientId names the client whose family it is */
  | "linkedSelf"
  /** A Settings key we do not know */
  | "unknownSetting"
  /** params.firstRow */
  | "duplicateSetting"
  /** A CSV line whose bytes are not valid in the file's encoding; params.bytes (hex), params.encoding, params.latin1 */
  | "badEncoding"
  /** More non-empty cells than the header has columns (usually an unquoted comma); value: the extra cells; params.count, params.width */
  | "extraCells"
  /** Text longer than an Excel cell holds; value: its start; params.length, params.max */
  | "tooLong"
  /** An amount written in one currency on a row whose Currency (or another amount) says another; params.currency, params.other */
  | "currencyConflict"
  /** A rate that is not above 0 */
  | "badRate"
  /** The same currency twice on one date in Rates; params.firstRow, params.currency */
  | "duplicateRate"
  /** No rate for the row's currency on or before its valuation date; params.currency, params.date */
  | "missingRate";

export interface RowError {
  table: TableKey;
  /** Sheet name as shown in Excel. */
  sheet: string;
  /** Excel row number (the header row for table-level errors). */
  row: number;
  /** The header as written in the sheet. */
  column?: string;
  /** 0-based position of that header within the table's header row. */
  columnIndex?: number;
  /** The cell as text, as the manager typed it. */
  value?: string;
  code: RowErrorCode;
  params?: Record<string, string | number>;
}

export { formatRowError } from "./messages";
