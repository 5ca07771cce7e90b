/** The output sheets: Book → SheetSpec builders, the output plan, their text, names and A1 helpers. */
import type { Book } from "../domain/types";
import { outputPlan, type OutputPlanOptions } from "./plan";
import type { SheetSpec } from "./spec";

export * from "./spec";
export { profileList, familyText, nextReviewDue, PROFILE_COLUMNS, PROFILE_HEADER_ROW, PROFILE_AS_OF_CELL, type ProfileListOptions } from "./profileList";
export { coverage, protectionFlags, COVERAGE_COLUMNS, COVERAGE_FX_COLUMNS, coverageColumns, COVERAGE_HEADER_ROW, COVERAGE_PARAMS, type CoverageOptions } from "./coverage";
export { assetReview, reviewLayout, REVIEW_CHART_COLUMN, REVIEW_CHART_NAMES, type AssetReviewOptions, type ReviewLayout } from "./assetReview";
export { clientFacingReview, confidentialStrings, type ClientFacingReview } from "./clientFacingReview";
export { REVIEW_COLUMNS } from "./reviewHoldings";
export {
  contactCalendar, calendarCell, calendarLayout, contactsCell, findCalendarRow, parseMonth, CALENDAR_COLUMNS, CALENDAR_HEADER_ROW,
  CALENDAR_WEEKDAY_ROW, CALENDAR_FIRST_DATA_ROW, type CalendarCell, type CalendarLayout, type ContactCalendarOptions,
} from "./contactCalendar";
export { todaySheet, TODAY_COLUMNS, TODAY_HEADER_ROW, type TodayOptions } from "./today";
export { callList, callListEntries, CALL_LIST_COLUMNS, CALL_LIST_HEADER_ROW, type CallListEntry, type CallListOptions } from "./callList";
export { importErrors, IMPORT_ERRORS_COLUMNS, IMPORT_ERRORS_HEADER_ROW, type ImportErrorsInput, type ImportErrorsOptions } from "./importErrors";
export { bookIndex, type BookIndex, type BaseOptions } from "./common";
export { ladderSheet, ladderSheetName } from "./ladder";
export * from "./names";
export * from "./plan";
export * from "./sheetNames";
export * from "./text";

export type AllSheetsOptions = OutputPlanOptions;

/**
 * Every output sheet of the plan (./plan.ts) built at once, names made unique (ignoring case) in plan order — for
 * tests and small books; the CLI and Refresh all take the plan lazily.
 */
export function allSheets(book: Book, opts: AllSheetsOptions): SheetSpec[] {
  return [...outputPlan(book, opts).specs()];
}
