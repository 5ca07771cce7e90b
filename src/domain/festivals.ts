/**
 * Festivals a manager greets clients at (逢年过节问候): which ones, when they fall in a year, and which fall in the
 * coming days. Pure: lunar dates come from a LunarCalendar passed in (src/domain/lunarCalendar.ts wraps the
 * lunar-javascript library; the task pane loads it lazily so its first-load bundle does not grow).
 *
 * The list (docs/ARCHITECTURE.md § Figures, "festivals"): 元旦 (1 January), 春节 (lunar 1/1), 元宵 (lunar 1/15),
 * 清明 (the solar term, 4–6 April), 端午 (lunar 5/5), 中秋 (lunar 8/15), 重阳 (lunar 9/9) — the mainland's public
 * holidays (国务院《全国年节及纪念日放假办法》: 元旦, 春节, 清明, 端午, 中秋) plus the two traditional festivals the
 * seed practice greets at (元宵, 重阳 — also 敬老节, the day to greet older clients); Taiwan and Hong Kong keep the
 * same lunar festivals (春節, 端午, 中秋 are public holidays in both), so one list serves the three languages.
 * Hand-checked: 2025 春节 29 Jan, 元宵 12 Feb, 清明 4 Apr, 端午 31 May, 中秋 6 Oct, 重阳 29 Oct; 2026 春节 17 Feb,
 * 中秋 25 Sep (国务院办公厅 holiday notices for 2025 and 2026; Hong Kong Observatory's Gregorian–lunar tables).
 */
import type { Localized } from "./result";
import { assertIsoDate, dayDiff } from "./cadence";
import { isoParts } from "./dates";
import type { IsoDate } from "./types";

export const FESTIVALS = ["new-year", "spring", "lantern", "qingming", "dragon-boat", "mid-autumn", "double-ninth"] as const;
export type Festival = (typeof FESTIVALS)[number];

type Rule = { solar: [number, number] } | { lunar: [number, number] } | { term: "清明" };

/** When each festival falls: a solar month/day, a lunar month/day, or a solar term. */
export const FESTIVAL_RULES: Readonly<Record<Festival, Rule>> = {
  "new-year": { solar: [1, 1] },
  spring: { lunar: [1, 1] },
  lantern: { lunar: [1, 15] },
  qingming: { term: "清明" },
  "dragon-boat": { lunar: [5, 5] },
  "mid-autumn": { lunar: [8, 15] },
  "double-ninth": { lunar: [9, 9] },
};

export const FESTIVAL_LABELS: Readonly<Record<Festival, Localized>> = {
  "new-year": { "zh-CN": "元旦", "zh-TW": "元旦", "en-US": "New Year's Day" },
  spring: { "zh-CN": "春节", "zh-TW": "春節", "en-US": "Chinese New Year" },
  lantern: { "zh-CN": "元宵", "zh-TW": "元宵", "en-US": "Lantern Festival" },
  qingming: { "zh-CN": "清明", "zh-TW": "清明", "en-US": "Qingming" },
  "dragon-boat": { "zh-CN": "端午", "zh-TW": "端午", "en-US": "Dragon Boat Festival" },
  "mid-autumn": { "zh-CN": "中秋", "zh-TW": "中秋", "en-US": "Mid-Autumn Festival" },
  "double-ninth": { "zh-CN": "重阳", "zh-TW": "重陽", "en-US": "Double Ninth Festival" },
};

/** Lunar → Gregorian conversion (and the solar terms), from a library or a table. */
export interface LunarCalendar {
  /** The Gregorian date of lunar year/month/day (the lunar year that starts in Gregorian year `year`). */
  lunarToSolar(year: number, month: number, day: number): IsoDate;
  /** The Gregorian date of a solar term in a Gregorian year. */
  solarTerm(year: number, term: "清明"): IsoDate;
}

export interface FestivalDate {
  festival: Festival;
  date: IsoDate;
}

/** The festivals of a Gregorian year, in date order. */
export function festivalsOfYear(year: number, calendar: LunarCalendar): FestivalDate[] {
  const pad = (n: number) => String(n).padStart(2, "0");
  return FESTIVALS.map((festival) => {
    const rule = FESTIVAL_RULES[festival];
    const date = "solar" in rule ? `${year}-${pad(rule.solar[0])}-${pad(rule.solar[1])}`
      : "lunar" in rule ? calendar.lunarToSolar(year, rule.lunar[0], rule.lunar[1])
      : calendar.solarTerm(year, rule.term);
    return { festival, date };
  }).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Festivals from asOf through asOf + withinDays (both included), in date order. */
export function upcomingFestivals(asOf: IsoDate, withinDays: number, calendar: LunarCalendar): FestivalDate[] {
  assertIsoDate(asOf, "asOf");
  const y = isoParts(asOf).y;
  // A lunar festival of lunar year y − 1 can fall in Gregorian y (never: lunar 1/1 is in Jan–Feb of y), but the window
  // can reach into y + 1 (春节 in late January after a December asOf).
  return [y, y + 1]
    .flatMap((year) => festivalsOfYear(year, calendar))
    .filter((f) => {
      const d = dayDiff(asOf, f.date);
      return d >= 0 && d <= withinDays;
    });
}
