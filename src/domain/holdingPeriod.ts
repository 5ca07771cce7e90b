/**
 * Holding period: whole months from a holding's StartDate to a given date (the review date, or today).
 */
import { isIsoDate, wholeMonthsBetween } from "./dates";
import type { Holding, IsoDate } from "./types";

/**
 * Whole months from `startDate` to `asOf` (month-end clamped: 31 Jan → 28 Feb is one month).
 * Never negative: a start after `asOf` (a product bought for a future value date) counts as 0 months.
 * Undefined when there is no start date, or when either date is not a real ISO date, so a sheet shows a blank
 * rather than a wrong number.
 */
export function holdingMonths(startDate: IsoDate | undefined, asOf: IsoDate): number | undefined {
  if (startDate === undefined || !isIsoDate(startDate) || !isIsoDate(asOf)) return undefined;
  return Math.max(0, wholeMonthsBetween(startDate, asOf));
}

/** The holding period of one holding at `asOf`; undefined when it has no StartDate. */
export function holdingPeriod(holding: Pick<Holding, "startDate">, asOf: IsoDate): number | undefined {
  return holdingMonths(holding.startDate, asOf);
}
