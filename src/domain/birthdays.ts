/**
 * Ages and birthdays. A 29 Feb birthday falls on 28 Feb in common years (docs/ARCHITECTURE.md), both for the date a manager
 * calls and for the day the client turns a year older (the age follows dates.ts's wholeYearsBetween, which
 * agrees with addMonths' month-end clamping).
 */
import { assertIsoDate, dayDiff } from "./cadence";
import { daysInMonth, isoFromParts, isoParts, wholeYearsBetween } from "./dates";
import type { IsoDate } from "./types";

/** Age in whole years on asOf. Throws a RangeError when birth is after asOf. */
export function age(birth: IsoDate, asOf: IsoDate): number {
  assertIsoDate(birth, "birth");
  assertIsoDate(asOf, "asOf");
  if (birth > asOf) throw new RangeError(`birth ${birth} is after ${asOf}`);
  return wholeYearsBetween(birth, asOf);
}

/** The birthday in year `y`: the same month and day, 29 Feb → 28 Feb in common years. */
export function birthdayInYear(birth: IsoDate, y: number): IsoDate {
  const p = isoParts(birth);
  const d = isoFromParts(y, p.m, Math.min(p.d, daysInMonth(y, p.m)));
  if (d === undefined) throw new RangeError(`year ${y} is outside 1900–9999`);
  return d;
}

/**
 * The first birthday on or after asOf (asOf itself when it is the birthday). Before the birth date, that is the
 * birth date itself.
 */
export function nextBirthday(birth: IsoDate, asOf: IsoDate): IsoDate {
  assertIsoDate(birth, "birth");
  assertIsoDate(asOf, "asOf");
  if (birth >= asOf) return birth;
  const y = isoParts(asOf).y;
  const thisYear = birthdayInYear(birth, y);
  return thisYear >= asOf ? thisYear : birthdayInYear(birth, y + 1);
}

export interface UpcomingBirthday {
  date: IsoDate;
  /** 0 = today. */
  daysUntil: number;
  /** The age reached on that birthday. */
  turns: number;
}

/** The next birthday when it falls within `days` days of asOf (0 = only today), else undefined. */
export function upcomingBirthday(birth: IsoDate, asOf: IsoDate, days: number): UpcomingBirthday | undefined {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days: ${days} is not a whole number ≥ 0`);
  const date = nextBirthday(birth, asOf);
  const daysUntil = dayDiff(asOf, date);
  if (daysUntil > days) return undefined;
  return { date, daysUntil, turns: isoParts(date).y - isoParts(birth).y };
}

/** True when the next birthday falls within `days` days of asOf (today included). */
export function birthdayWithin(birth: IsoDate, asOf: IsoDate, days: number): boolean {
  return upcomingBirthday(birth, asOf, days) !== undefined;
}
