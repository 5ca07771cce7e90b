/** The output sheets: Book → SheetSpec builders, their text, names and A1 helpers. */
import type { Book, IsoDate, Lang } from "../domain/types";
import { assetReview } from "./assetReview";
import { bookIndex } from "./common";
import { contactCalendar } from "./contactCalendar";
import { coverage } from "./coverage";
import { uniqueSheetNames } from "./names";
import { profileList } from "./profileList";
import type { SheetSpec } from "./spec";
import { todaySheet } from "./today";

export * from "./spec";
export { profileList, familyText, nextReviewDue, PROFILE_COLUMNS, PROFILE_HEADER_ROW, PROFILE_AS_OF_CELL, type ProfileListOptions } from "./profileList";
export { coverage, protectionFlags, COVERAGE_COLUMNS, COVERAGE_HEADER_ROW, COVERAGE_PARAMS, type CoverageOptions } from "./coverage";
export {
  assetReview, clientFacingReview, confidentialStrings, reviewLayout, REVIEW_COLUMNS, REVIEW_CHART_COLUMN, REVIEW_CHART_NAMES,
  type AssetReviewOptions, type ClientFacingReview, type ReviewLayout,
} from "./assetReview";
export {
  contactCalendar, calendarCell, calendarLayout, contactsCell, findCalendarRow, parseMonth, CALENDAR_COLUMNS, CALENDAR_HEADER_ROW,
  CALENDAR_WEEKDAY_ROW, CALENDAR_FIRST_DATA_ROW, type CalendarCell, type CalendarLayout, type ContactCalendarOptions,
} from "./contactCalendar";
export { todaySheet, TODAY_COLUMNS, TODAY_HEADER_ROW, type TodayOptions } from "./today";
export { callList, callListEntries, CALL_LIST_COLUMNS, CALL_LIST_HEADER_ROW, type CallListEntry, type CallListOptions } from "./callList";
export { importErrors, IMPORT_ERRORS_COLUMNS, IMPORT_ERRORS_HEADER_ROW, type ImportErrorsInput, type ImportErrorsOptions } from "./importErrors";
export { bookIndex, type BookIndex, type BaseOptions } from "./common";
export * from "./names";
export * from "./text";

export interface AllSheetsOptions {
  asOf: IsoDate;
  lang: Lang;
  /** Month of the contact calendar, "YYYY-MM"; default asOf's month. */
  month?: string;
  /** Which clients get a review sheet: every client (default), the ids given, or none. */
  reviews?: "all" | "none" | readonly string[];
}

/**
 * Every output sheet of a book, as the demo, `clientbook build` and Refresh all write them: profile list,
 * coverage, contact calendar, Today, then one review per client; names made unique (ignoring case) in that order.
 */
export function allSheets(book: Book, opts: AllSheetsOptions): SheetSpec[] {
  const index = bookIndex(book);
  const base = { asOf: opts.asOf, lang: opts.lang, index };
  const specs: SheetSpec[] = [
    profileList(book, base),
    coverage(book, base),
    contactCalendar(book, { ...base, month: opts.month }),
    todaySheet(book, base),
  ];
  const ids = opts.reviews === "none" ? [] : opts.reviews === undefined || opts.reviews === "all" ? index.clients.map((c) => c.clientId) : opts.reviews;
  for (const clientId of ids) specs.push(assetReview(book, { ...base, clientId }));
  const names = uniqueSheetNames(specs.map((s) => s.name));
  return specs.map((s, i) => (s.name === names[i] ? s : { ...s, name: names[i] }));
}
