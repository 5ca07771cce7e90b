/**
 * The lunar calendar from lunar-javascript (6tail, MIT; lunar dates 1900–2100 and the 24 solar terms). Kept apart
 * from festivals.ts so only what imports this module pulls the library in: the task pane imports it lazily
 * (its own chunk), the CLI and the sheet builders directly.
 */
import { Lunar } from "lunar-javascript";
import { upcomingFestivals, type FestivalDate, type LunarCalendar } from "./festivals";
import type { IsoDate } from "./types";

export const LUNAR_CALENDAR: LunarCalendar = {
  lunarToSolar: (year, month, day) => Lunar.fromYmd(year, month, day).getSolar().toYmd(),
  // The table of lunar year `year` runs from the winter solstice before it; 清明 (early April) is inside it.
  solarTerm: (year, term) => Lunar.fromYmd(year, 1, 1).getJieQiTable()[term].toYmd(),
};

/** The festivals from asOf through asOf + withinDays, from this calendar (what the pane's lazy chunk hands back). */
export function comingFestivals(asOf: IsoDate, withinDays: number): FestivalDate[] {
  return upcomingFestivals(asOf, withinDays, LUNAR_CALENDAR);
}
