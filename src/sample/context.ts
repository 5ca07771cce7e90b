/**
 * What every part of the generator shares: the language, the as-of day, and how text and money are rendered.
 * Generation draws the same numbers whatever the language; only rendering differs.
 */
import { daysInMonth, isoToSerial, serialToIso } from "../domain/dates";
import type { IsoDate, Lang } from "../domain/types";

/** A text in mainland simplified form and in Taiwan's traditional form: `[zh-CN, zh-TW]`. */
export type T = readonly [string, string];

/** Amounts are generated in CNY; a Taiwan book holds TWD at this rate. */
export const TWD_PER_CNY = 4.5;

export interface Ctx {
  lang: Lang;
  /** Taiwan data: traditional characters, TWD, Taiwanese phones, ids, banks and schools. */
  tw: boolean;
  asOf: IsoDate;
  /** asOf as an Excel serial: day arithmetic below is on serials (exact and fast). */
  today: number;
}

export function makeCtx(lang: Lang, asOf: IsoDate): Ctx {
  return { lang, tw: lang === "zh-TW", asOf, today: isoToSerial(asOf) };
}

export function say(ctx: Ctx, t: T): string {
  return ctx.tw ? t[1] : t[0];
}

// Conversions are memoised: a book uses a few tens of thousands of distinct days, converted millions of times.
const isoOf: IsoDate[] = [];
const serialOf = new Map<IsoDate, number>();

/** Day serial → ISO date. */
export function iso(day: number): IsoDate {
  let s = isoOf[day];
  if (s === undefined) isoOf[day] = s = serialToIso(day);
  return s;
}

export function day(d: IsoDate): number {
  let n = serialOf.get(d);
  if (n === undefined) serialOf.set(d, (n = isoToSerial(d)));
  return n;
}

/** Money in words for notes and summaries, e.g. 50万 / 225萬, in the book's currency. */
export function wan(ctx: Ctx, cny: number): string {
  const v = (cny * (ctx.tw ? TWD_PER_CNY : 1)) / 10000;
  const r = v >= 100 ? Math.round(v / 10) * 10 : v >= 10 ? Math.round(v) : Math.round(v * 10) / 10;
  return `${r}${ctx.tw ? "萬" : "万"}`;
}

/**
 * Month-end clamped month arithmetic on ISO text, as dates.addMonths (31 Jan + 1 month = 28/29 Feb) but without
 * building Date objects: the generator calls it hundreds of thousands of times. Tests hold it equal to addMonths.
 */
export function plusMonths(d: IsoDate, n: number): IsoDate {
  const y0 = +d.slice(0, 4);
  const m0 = +d.slice(5, 7) - 1 + n;
  const y = y0 + Math.floor(m0 / 12);
  const m = ((m0 % 12) + 12) % 12 + 1;
  const dd = Math.min(+d.slice(8, 10), daysInMonth(y, m));
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${dd < 10 ? "0" : ""}${dd}`;
}

/** Whole months from a to b for a ≤ b (a month counts once its day of month is reached, clamped at month end). */
export function monthsFrom(a: IsoDate, b: IsoDate): number {
  const n = (+b.slice(0, 4) - +a.slice(0, 4)) * 12 + (+b.slice(5, 7) - +a.slice(5, 7));
  return plusMonths(a, n) > b ? n - 1 : n;
}
